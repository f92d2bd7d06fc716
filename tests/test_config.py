"""Configuration files, their discovery and precedence, and baselines — through the CLI."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLES
from liclint.cli.main import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path):
    """A project folder with an expired license in a subfolder (DAT006 at 2026-11-24)."""
    (tmp_path / "licenses").mkdir()
    shutil.copy(EXAMPLES / "expired_reissue.md", tmp_path / "licenses" / "expired.md")
    shutil.copy(EXAMPLES / "provincial_icp.md", tmp_path / "licenses" / "clean.md")
    return tmp_path


def test_pyproject_tool_table_is_found_walking_up(project, capsys):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.liclint]\nas-of = "2026-11-24"\nignore = ["DAT006"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(project / "licenses" / "expired.md"))
    assert "DAT006" not in out
    code, out, _ = run(capsys, "check", "--isolated", "--as-of", "2026-11-24", str(project))
    assert "DAT006" in out and code == 1


def test_liclint_toml_wins_over_pyproject_and_the_command_line_over_both(project, capsys):
    (project / "pyproject.toml").write_text('[tool.liclint]\nignore = ["DAT"]\n', "utf-8")
    (project / "liclint.toml").write_text('as-of = "2026-11-24"\nselect = ["DAT006"]\n', "utf-8")
    code, out, _ = run(capsys, "check", str(project / "licenses"))
    assert code == 1 and "DAT006" in out  # liclint.toml, not pyproject's ignore
    code, out, _ = run(capsys, "check", "--as-of", "2025-06-01", str(project / "licenses"))
    assert code == 0 and "All checks passed (2 files)" in out


def test_show_settings_names_the_source_of_each_value(project, capsys):
    (project / "liclint.toml").write_text('fail-on = "error"\n[options]\nexpiring-days = 30\n')
    code, out, _ = run(capsys, "check", "--show-settings", "--select", "DAT", str(project))
    assert code == 0
    lines = {line.split(" = ")[0]: line for line in out.splitlines() if " = " in line}
    assert "liclint.toml top level" in lines["fail-on"]
    assert "command line" in lines["select"] and '"DAT"' in lines["select"]
    assert "default" in lines["exclude"]
    assert '"expiring-days" = 30' in lines["options"]


def test_shown_settings_are_a_configuration_file_that_gives_them_back(project, capsys):
    from liclint.running.config import load_config

    (project / "liclint.toml").write_text(
        'fail-on = "error"\nas-of = 2025-06-01\n[severity]\nDAT007 = "error"\n'
        '[per-file-ignores]\n"old/*" = ["DAT006"]\n[options]\nexpiring-days = 30\n',
        "utf-8",
    )
    code, out, _ = run(capsys, "check", "--show-settings", "--jobs", "1", str(project))
    again = project / "shown.toml"
    again.write_text(out, "utf-8")
    first, second = load_config(project / "liclint.toml"), load_config(again)
    assert code == 0
    for attribute in ("fail_on", "as_of", "severity", "per_file_ignores", "options", "include"):
        assert getattr(first, attribute) == getattr(second, attribute), attribute


def test_per_file_ignores_and_severity_overrides(project, capsys):
    (project / "liclint.toml").write_text(
        'as-of = "2026-11-24"\n'
        '[per-file-ignores]\n"licenses/expired.md" = ["DAT006"]\n'
        '[severity]\nDAT007 = "error"\n',
        "utf-8",
    )
    _, out, _ = run(capsys, "check", "--format", "json", str(project / "licenses"))
    found = json.loads(out)
    assert all(f["code"] != "DAT006" for f in found)
    shutil.copy(EXAMPLES / "provincial_icp.md", project / "licenses" / "soon.md")
    _, out, _ = run(capsys, "check", "--format", "json", "--as-of", "2028-04-01", str(project))
    soon = [f for f in json.loads(out) if f["code"] == "DAT007"]
    assert soon and all(f["severity"] == "error" for f in soon)


@pytest.mark.parametrize(
    "config, message",
    [
        ("selct = []\n", "unknown key 'selct'"),
        ('fail-on = "fatal"\n', "fail-on: expected one of info, warning, error"),
        ('as-of = "next week"\n', "as-of: expected a date"),
        ('select = ["ZZZ9"]\n', "select: 'ZZZ9' matches no rule"),
        ('[severity]\nDAT006 = "loud"\n', "severity: expected one of"),
        ('[per-file-ignores]\n"*.md" = ["NOPE1"]\n', "per-file-ignores: 'NOPE1' matches no rule"),
        ("[options]\nbogus = 1\n", "unknown rule option 'bogus'"),
        (
            '[options]\nexpiring-days = "soon"\n',
            "options.expiring-days: 'soon' is not a whole number",
        ),
        ("select = [", "not valid TOML"),
    ],
)
def test_bad_configuration_is_one_line_exit_2_naming_file_and_key(project, capsys, config, message):
    (project / "liclint.toml").write_text(config, "utf-8")
    code, out, err = run(capsys, "check", str(project))
    assert code == 2 and out == ""
    assert message in err and "liclint.toml" in err and err.count("\n") == 1


def test_config_option_names_a_file_and_a_missing_one_is_an_error(project, capsys):
    (project / "strict.toml").write_text('as-of = "2026-11-24"\nfail-on = "info"\n', "utf-8")
    code, out, _ = run(capsys, "check", "--config", str(project / "strict.toml"), str(project))
    assert code == 1 and "DAT006" in out
    code, _, err = run(capsys, "check", "--config", str(project / "nope.toml"), str(project))
    assert code == 2 and "no such configuration file" in err


def test_baseline_hides_accepted_findings_even_when_lines_move(project, capsys):
    base = project / "baseline.json"
    target = project / "licenses" / "expired.md"
    args = ("check", "--isolated", "--as-of", "2026-11-24")
    code, _, err = run(capsys, *args, "--write-baseline", str(base), str(target))
    assert code == 0 and "wrote" in err
    recorded = json.loads(base.read_text("utf-8"))["findings"]
    assert {e["code"] for e in recorded} >= {"DAT006"}
    assert run(capsys, *args, "--baseline", str(base), str(target))[0] == 0
    # three lines inserted at the top: every finding moves, the baseline still holds
    target.write_text("\n\n\n" + target.read_text("utf-8"), "utf-8")
    code, out, _ = run(capsys, *args, "--baseline", str(base), str(target))
    assert code == 0 and "All checks passed" in out
    # a new problem is not hidden
    target.write_text(target.read_text("utf-8").replace("粤B2-20210934", "粤B9-20210934", 1))
    code, out, _ = run(capsys, *args, "--baseline", str(base), str(target))
    assert code == 1 and "NUM" in out


def test_a_broken_baseline_is_a_usage_error(project, capsys):
    (project / "b.json").write_text("{}", "utf-8")
    code, _, err = run(capsys, "check", "--baseline", str(project / "b.json"), str(project))
    assert code == 2 and "not a liclint baseline" in err


def test_output_file_and_statistics(project, capsys):
    report = project / "report.json"
    code, out, _ = run(
        capsys, "check", "--as-of", "2026-11-24", "--format", "json", "-o", str(report),
        str(project / "licenses"),
    )  # fmt: skip
    assert code == 1 and out == ""
    assert any(f["code"] == "DAT006" for f in json.loads(report.read_text("utf-8")))
    code, out, _ = run(capsys, "check", "--as-of", "2026-11-24", "--statistics", str(project))
    assert any(line.split()[1:2] == ["DAT006"] for line in out.splitlines() if line.strip())


def test_a_broken_pyproject_holding_our_table_is_reported(project, capsys):
    (project / "pyproject.toml").write_text('[tool.liclint]\nignore = ["DAT007"\n', "utf-8")
    code, out, err = run(capsys, "check", str(project))
    assert code == 2 and out == "" and "pyproject.toml: not valid TOML" in err


def test_someone_elses_broken_pyproject_is_not_ours(project, capsys):
    (project / "pyproject.toml").write_text('[project]\nname = "x\n', "utf-8")
    code, _, err = run(capsys, "check", "--as-of", "2025-06-01", str(project / "licenses"))
    assert code == 0 and err == ""


def test_the_baseline_matches_however_the_files_are_named(project, capsys, monkeypatch):
    base = project / "baseline.json"
    args = ("check", "--isolated", "--as-of", "2026-11-24")
    monkeypatch.chdir(project)
    run(capsys, *args, "--write-baseline", str(base), "licenses")
    code, _, err = run(capsys, *args, "--baseline", str(base), str(project / "licenses"))
    assert code == 0 and "hidden by the baseline" in err
    monkeypatch.chdir(project / "licenses")
    assert run(capsys, *args, "--baseline", "../baseline.json", ".")[0] == 0


def test_statistics_leave_a_machine_report_parseable(project, capsys):
    _code, out, err = run(
        capsys, "check", "--as-of", "2026-11-24", "--format", "json", "--statistics", str(project)
    )
    assert json.loads(out) and "DAT006" in err


def test_no_files_is_said(tmp_path, capsys):
    (tmp_path / "notes.docx").write_text("x", "utf-8")
    code, out, err = run(capsys, "check", "--isolated", str(tmp_path))
    assert code == 0 and "no files to check" in err and "0 files" in out


def test_sizes_in_the_configuration_read_as_on_the_command_line(tmp_path):
    from liclint.running.config import ConfigError, load_config

    path = tmp_path / "liclint.toml"
    path.write_text('max-size = "1M"\n', "utf-8")
    assert load_config(path).max_size == 1024 * 1024
    path.write_text('max-size = "lots"\n', "utf-8")
    with pytest.raises(ConfigError, match="expected a size such as 2M"):
        load_config(path)


def test_a_tool_table_in_liclint_toml_is_explained(tmp_path):
    from liclint.running.config import ConfigError, load_config

    path = tmp_path / "liclint.toml"
    path.write_text('[tool.liclint]\nselect = ["NUM"]\n', "utf-8")
    with pytest.raises(ConfigError, match=r"\[tool.liclint\] belongs in pyproject.toml"):
        load_config(path)
