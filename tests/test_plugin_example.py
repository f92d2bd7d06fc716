"""The example plugin (examples/liclint-plugin-example) works as a user would install it.

The plugin is not pip-installed into the test environment: a minimal ``dist-info`` directory
(METADATA and the entry points of the example's pyproject.toml) in a temporary directory on
PYTHONPATH makes its entry point discoverable by ``importlib.metadata``, exactly as an installed
distribution's would be. Every run is a subprocess of ``python -m liclint``, so nothing leaks into
this process's plugin registry.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from liclint.testing import SAMPLE

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "liclint-plugin-example"
SRC = EXAMPLE / "src"

NOTE = "仅供青禾云图平台资质审核使用"  # the watermark of SAMPLE, line 44
NUMBER = "浙B2-20230517"  # the number of SAMPLE, line 5 (and the page headers)
#: A copy that complies with the configuration below: stamped for 青禾市场, licensed in 浙.
COMPLIANT = SAMPLE.replace(NOTE, "仅供青禾市场商家入驻审核使用")
CONFIG = """\
as-of = 2025-06-01

[options]
platform-names = ["青禾市场", "Qinghe Market"]
allowed-provinces = ["浙", "沪"]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A directory holding the example's dist-info, as site-packages would after installing it."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text("utf-8"))["project"]
    site = tmp_path_factory.mktemp("site")
    dist = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n", "utf-8"
    )
    groups = project["entry-points"]
    (dist / "entry_points.txt").write_text(
        "".join(
            f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in eps.items())
            for group, eps in groups.items()
        ),
        "utf-8",
    )
    return site


def run(*args: str, cwd: Path, path: list[Path] = ()) -> subprocess.CompletedProcess:
    """``python -m liclint ARGS`` in ``cwd``, with ``path`` (and nothing else) on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FORCE_COLOR")}
    env.update(NO_COLOR="1", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    if path:
        env["PYTHONPATH"] = os.pathsep.join(map(str, path))
    return subprocess.run(
        [sys.executable, "-m", "liclint", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.fixture
def installed(site):
    """Run liclint with the example plugin installed."""
    return lambda *args, cwd: run(*args, cwd=cwd, path=[site, SRC])


def project(root: Path, config: str = CONFIG, **files: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "liclint.toml").write_text(config, "utf-8")
    for name, text in files.items():
        (root / name).write_text(text, "utf-8")
    return root


def findings(result: subprocess.CompletedProcess) -> dict[str, list[tuple[str, int]]]:
    """file name -> [(code, line)] of a ``--format json`` report."""
    out: dict[str, list[tuple[str, int]]] = {}
    for f in json.loads(result.stdout):
        out.setdefault(Path(f["path"]).name, []).append((f["code"], f["line"]))
    return out


# -- an installed plugin -----------------------------------------------------------------------


def test_rules_lists_the_plugins_rules_beside_the_builtins(installed, tmp_path):
    result = installed("rules", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"PLT001", "PLT002", "WMK005", "AUT001"} <= set(codes)
    assert "PLT001  watermark-for-this-platform" in result.stdout
    assert "PLT002  province-allow-list" in result.stdout


def test_without_the_dist_info_the_plugin_is_not_found(tmp_path):
    result = run("rules", cwd=tmp_path, path=[SRC])
    assert result.returncode == 0 and "PLT001" not in result.stdout


def test_explain_shows_metadata_citation_and_options(installed, tmp_path):
    result = installed("explain", "PLT001", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    out = result.stdout
    assert out.startswith("PLT001 watermark-for-this-platform (error)\n")
    assert "\nWhy: Qinghe Market accepts only copies made for it" in out
    assert "\nCitation: Qinghe Market merchant onboarding policy" in out
    assert "Option platform-names (default ['青禾'])" in out
    explained = installed("explain", "plt002", cwd=tmp_path).stdout
    assert "Option allowed-provinces (default [])" in explained
    assert "Option allow-cross-regional (default True)" in explained


def test_check_reads_the_options_from_liclint_toml(installed, tmp_path):
    root = project(
        tmp_path / "uploads",
        **{
            "compliant.md": COMPLIANT,
            "other-platform.md": SAMPLE,  # stamped for 青禾云图, not 青禾市场
            "unstamped.md": COMPLIANT.replace("仅供青禾市场商家入驻审核使用  \n", ""),
            "jiangsu.md": COMPLIANT.replace(NUMBER, "苏B2-20230517"),
        },
    )
    result = installed("check", "--format", "json", ".", cwd=root)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    found = findings(result)
    assert "compliant.md" not in found  # complies: no finding of any rule
    assert found["other-platform.md"] == [("PLT001", 44)]
    assert found["unstamped.md"] == [("PLT001", 1)]
    assert ("PLT002", 5) in found["jiangsu.md"]
    assert "PLT001" not in {code for code, _ in found["jiangsu.md"]}

    # --option overrides the file: now only 苏 is allowed, and any name of 青禾 will do
    again = installed(
        "check",
        "--format",
        "json",
        "--select",
        "PLT",
        "--option",
        'allowed-provinces=["苏"]',
        "--option",
        'platform-names=["青禾"]',
        ".",
        cwd=root,
    )
    assert findings(again) == {
        "compliant.md": [("PLT002", 5)],
        "other-platform.md": [("PLT002", 5)],  # 青禾云图 names 青禾
        "unstamped.md": [("PLT001", 1), ("PLT002", 5)],
    }


def test_check_reads_the_options_from_pyproject_toml(installed, tmp_path):
    root = tmp_path / "svc"
    root.mkdir()
    (root / "pyproject.toml").write_text(
        '[project]\nname = "svc"\n\n[tool.liclint]\nas-of = 2025-06-01\nselect = ["PLT"]\n\n'
        '[tool.liclint.options]\nallowed-provinces = ["沪"]\n',
        "utf-8",
    )
    (root / "copy.md").write_text(SAMPLE, "utf-8")
    result = installed("check", "--format", "json", "copy.md", cwd=root)
    assert result.returncode == 1 and findings(result) == {"copy.md": [("PLT002", 5)]}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ('platform-name = ["青禾市场"]', "unknown rule option 'platform-name'"),
        ('allowed-provinces = "浙"', "options.allowed-provinces: '浙' is not a list"),
    ],
)
def test_a_bad_option_in_the_configuration_is_a_usage_error(installed, tmp_path, options, message):
    root = project(tmp_path, f"[options]\n{options}\n", **{"copy.md": SAMPLE})
    result = installed("check", "copy.md", cwd=root)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert str(root / "liclint.toml") in result.stderr and message in result.stderr


def test_a_bad_option_value_the_rule_rejects_is_a_lic001_finding(installed, tmp_path):
    """A province name where a prefix belongs: the rule raises, the run goes on."""
    config = CONFIG.replace('["浙", "沪"]', '["浙江"]').replace("2025-06-01", "2029-01-01")
    root = project(tmp_path, config, **{"copy.md": COMPLIANT})
    result = installed("check", "--format", "json", "copy.md", cwd=root)
    assert result.returncode == 1 and result.stderr == ""
    report = json.loads(result.stdout)
    crashed = [f for f in report if f["code"] == "LIC001"]
    assert len(crashed) == 1
    message = crashed[0]["message"]
    assert "PLT002 (province-allow-list, from plugin 'example')" in message
    assert "'浙江' is not a license prefix" in message
    assert "DAT006" in {f["code"] for f in report}  # the built-in rules still ran


def test_the_example_plugins_own_tests_pass():
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(SRC))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        cwd=EXAMPLE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout and "failed" not in result.stdout


# -- a module named by the configuration's `plugins` key --------------------------------------

LOCAL_PLUGIN = '''\
"""Rules of this review team only: not worth a package."""

from liclint.checking.hookspecs import hookimpl
from liclint.checking.rule import Option, Rule, Severity


class SuspendedMerchant(Rule):
    code = "QHL001"
    name = "suspended-merchant"
    severity = Severity.ERROR
    summary = "The licensee is a merchant Qinghe Market has suspended."
    rationale = "A suspended merchant may not re-register with a new account."
    citation = "Qinghe Market merchant onboarding policy (fictional), section 5.4."
    source = "practice"
    effective = None
    options = {"suspended-merchants": Option([], "company names of suspended merchants")}

    def check(self, doc, ctx):
        if doc.company is not None and doc.company.text in self.option(ctx, "suspended-merchants"):
            yield self.finding(doc, doc.company, f"{doc.company.text} is suspended")


class Crashes(Rule):
    code = "QHL002"
    name = "always-crashes"
    severity = Severity.WARNING
    summary = "A rule with a bug."
    rationale = "To show what a crash does."
    citation = "None."
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        raise KeyError("registered-capital")


@hookimpl
def liclint_rules():
    return [SuspendedMerchant, Crashes]
'''


def test_a_module_named_by_the_plugins_key_is_loaded(tmp_path):
    config = (
        'plugins = ["qinghe_local"]\nas-of = 2029-01-01\n\n'
        '[options]\nsuspended-merchants = ["杭州青禾云图科技有限公司"]\n'
    )
    root = project(tmp_path / "review", config, **{"qinghe_local.py": LOCAL_PLUGIN})
    (root / "licenses").mkdir()
    (root / "licenses" / "copy.md").write_text(SAMPLE, "utf-8")
    # run from elsewhere: the configuration is found upwards from the path; the module is
    # importable through PYTHONPATH (a configuration's folder is never put on the import path)
    result = run("check", "--format", "json", str(root / "licenses"), cwd=tmp_path, path=[root])
    assert result.returncode == 1 and result.stderr == ""
    alone = run("check", "--format", "json", str(root / "licenses"), cwd=tmp_path)
    assert alone.returncode == 2 and "qinghe_local" in alone.stderr
    assert result.returncode == 1 and result.stderr == ""
    report = json.loads(result.stdout)
    codes = {f["code"] for f in report}
    assert ("QHL001", 9) in {(f["code"], f["line"]) for f in report}
    assert "DAT006" in codes  # the built-in rules still ran (the copy expired in 2028)
    [crashed] = [f for f in report if f["code"] == "LIC001"]
    assert crashed["message"].startswith(
        "rule QHL002 (always-crashes, from plugin 'qinghe_local') crashed on this file and was "
        "skipped: KeyError"
    )
    assert (crashed["line"], crashed["severity"]) == (1, "error")


def test_a_plugin_that_fails_to_import_is_one_line_exit_2_and_the_rest_runs(installed, tmp_path):
    broken = "import qinghe_sdk_that_is_not_installed\n"
    config = 'plugins = ["broken_rules"]\n' + CONFIG
    root = project(tmp_path, config, **{"broken_rules.py": broken, "copy.md": SAMPLE})
    result = installed("check", "copy.md", cwd=root)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "liclint: error: plugin 'broken_rules' (from the configuration's plugins) failed to "
        "import: ModuleNotFoundError: No module named 'qinghe_sdk_that_is_not_installed'"
    ]
    # the report is still written: the installed plugin's rules and the built-ins ran
    assert "copy.md:44:3: PLT001 [error]" in result.stdout
