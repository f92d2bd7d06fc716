"""liclint under the pre-commit tool itself, in a throwaway git repository (offline form)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, ROOT

BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None, reason="needs pre-commit and git"
)


def test_hooks_file_declares_the_liclint_hook():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "liclint" and hook["entry"] == "liclint check"
    assert hook["language"] == "python" and hook["files"] == r"\.(txt|md)$"
    assert "minimum_pre_commit_version" in hook


def git(repo: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


def test_a_commit_of_a_bad_license_is_refused_and_a_clean_one_passes(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.cn",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.cn",
        "NO_COLOR": "1",
    }  # fmt: skip
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: liclint\n"
        "        name: liclint\n"
        "        entry: liclint check --as-of 2025-06-01\n"
        "        language: system\n"
        "        files: \\.(txt|md)$\n",
        "utf-8",
    )
    assert git(repo, "init", "-q", env=env).returncode == 0
    install = subprocess.run(
        [PRE_COMMIT, "install"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr
    # a README beside the licenses is not a license: DOC001 is info, the commit passes
    (repo / "README.md").write_text("# 资质文件\n\n本目录存放各商户的许可证副本。\n", "utf-8")
    shutil.copy(EXAMPLES / "provincial_icp.md", repo / "clean.md")
    git(repo, "add", ".", env=env)
    ok = git(repo, "commit", "-q", "-m", "clean", env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    shutil.copy(EXAMPLES / "forged.md", repo / "merchant.md")
    git(repo, "add", "merchant.md", env=env)
    refused = git(repo, "commit", "-q", "-m", "forged", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "merchant.md:3:11: TXT004" in output and "DAT001" in output
    assert "clean.md" not in output  # only the staged file is checked
