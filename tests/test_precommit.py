"""liclint under the pre-commit tool itself, in a throwaway git repository (offline form)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, ROOT
from liclint.reading.files import DEFAULT_INCLUDE

BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None, reason="needs pre-commit and git"
)


def _hook() -> dict:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return hook


def test_hooks_file_declares_the_liclint_hook():
    hook = _hook()
    assert hook["id"] == "liclint" and hook["entry"] == "liclint check --force-exclude"
    assert hook["language"] == "python" and "minimum_pre_commit_version" in hook
    # one run for every staged file (a forged pair split over two runs would pass)
    assert hook["require_serial"] is True
    # PDFs and images too, by extension as the default include (types: [text] would drop them)
    assert hook["types"] == ["file"]
    pattern = re.compile(hook["files"])
    for name in DEFAULT_INCLUDE:
        assert pattern.search("licenses/a" + name.removeprefix("*")), name
    assert not pattern.search("setup.py") and not pattern.search("a.docx")


def git(repo: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


def _repo(tmp_path: Path, hook: dict | None = None) -> tuple[Path, dict]:
    """A scratch repository whose .pre-commit-config.yaml runs ``hook``, by default the hook of
    .pre-commit-hooks.yaml as it is — entry, files, types, require_serial — with the liclint
    installed here (``language: system``: ``language: python`` would pip-install it)."""
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
    env.pop("LICLINT_CACHE_DIR", None)  # the cache in the repository, as a user has it
    if hook is None:
        hook = {**_hook(), "language": "system"}
        hook.pop("minimum_pre_commit_version")
        hook["args"] = ["--as-of", "2025-06-01"]
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), "utf-8")
    assert git(repo, "init", "-q", env=env).returncode == 0
    install = subprocess.run(
        [PRE_COMMIT, "install"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr
    return repo, env


def test_a_commit_of_a_bad_license_is_refused_and_a_clean_one_passes(tmp_path):
    hook = {"id": "liclint", "name": "liclint", "entry": "liclint check --as-of 2025-06-01",
            "language": "system", "files": r"\.(txt|md)$"}  # fmt: skip
    repo, env = _repo(tmp_path, hook)
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


def test_the_hook_refuses_a_copy_of_a_committed_license_with_another_company(tmp_path):
    repo, env = _repo(tmp_path)
    (repo / "licenses").mkdir()
    genuine = (EXAMPLES / "provincial_icp.md").read_text("utf-8")
    (repo / "licenses" / "qinghe.md").write_text(genuine, "utf-8")
    git(repo, "add", ".", env=env)
    ok = git(repo, "commit", "-q", "-m", "the genuine copy", env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # months later: the same license, another company on it, in another folder
    (repo / "merchants").mkdir()
    forged = genuine.replace("杭州青禾云图科技有限公司", "杭州赤焰数码科技有限公司")
    (repo / "merchants" / "chiyan.md").write_text(forged, "utf-8")
    git(repo, "add", "merchants/chiyan.md", env=env)
    refused = git(repo, "commit", "-q", "-m", "a new merchant", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "merchants/chiyan.md:9:6: CRS001 [error]" in output
    assert "(licenses/qinghe.md:9, in this project)" in output
    assert "licenses/qinghe.md:9:6" not in output  # the committed copy gets no finding
    # the same staged copy with the project batch off: compared with the staged files only
    (repo / "liclint.toml").write_text("project-batch = false\n", "utf-8")
    git(repo, "add", "liclint.toml", env=env)
    passed = git(repo, "commit", "-q", "-m", "a new merchant", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_hook_checks_pdfs_and_images_and_respects_excludes(tmp_path):
    repo, env = _repo(tmp_path)
    (repo / "liclint.toml").write_text('exclude = ["drafts/"]\n', "utf-8")
    (repo / "drafts").mkdir()
    forged = (EXAMPLES / "forged.md").read_text("utf-8")
    (repo / "drafts" / "wip.md").write_text(forged, "utf-8")  # excluded: a draft
    git(repo, "add", ".", env=env)
    ok = git(repo, "commit", "-q", "-m", "a draft", env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # a scan that is no PDF at all: the hook is not "Skipped", the file is reported
    (repo / "scan.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    git(repo, "add", "scan.pdf", env=env)
    refused = git(repo, "commit", "-q", "-m", "a scan", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "scan.pdf:1:1: LIC002" in output, output
    assert "Skipped" not in output
