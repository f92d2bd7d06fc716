"""The command-line habits of ruff users: each is an alias of an existing option or command, or
a small addition to one (``--output-format``, ``rule``, ``--select ALL``, ``--extend-ignore``,
``--extend-exclude``, ``--statistics``, the ``url`` of JSON findings, ``json-lines``,
``--show-settings`` with the rules, ``--show-files``)."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES
from liclint.cli.args import FORMATS, build_parser
from liclint.cli.main import main
from liclint.reporting.formats import REPORTERS

FORGED = str(EXAMPLES / "forged.md")
EXPIRED = str(EXAMPLES / "expired_reissue.md")
AT = ("--isolated", "--no-cache", "--as-of", "2026-11-24")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_output_format_is_format(capsys):
    parser = build_parser()
    one = parser.parse_args(["check", "--output-format", "json"])
    other = parser.parse_args(["check", "--format", "json"])
    assert one.format == other.format == "json" and not hasattr(one, "output_format")
    assert (
        run(capsys, "check", *AT, "--output-format", "json", EXPIRED)[1]
        == run(capsys, "check", *AT, "--format", "json", EXPIRED)[1]
    )


def test_rule_is_explain(capsys):
    assert run(capsys, "rule", "dat006") == run(capsys, "explain", "DAT006")
    code, out, _ = run(capsys, "rule", "DAT006")
    assert code == 0 and out.startswith("DAT006 expired (error)")


def test_rule_all_documents_every_rule(capsys):
    from liclint.checking.plugins import load

    code, out, _ = run(capsys, "rule", "--all")
    rules = load().rules
    assert code == 0 and run(capsys, "explain", "--all")[1] == out
    headings = [line.split()[0] for line in out.splitlines() if line.endswith(")") and " (" in line]
    assert [r.code for r in rules] == [h for h in headings if h in {r.code for r in rules}]
    assert all(f"{r.code} {r.name} ({r.severity.value})" in out for r in rules)


@pytest.mark.parametrize("args", [["rule"], ["rule", "DAT006", "--all"], ["rule", "NOPE1"]])
def test_rule_needs_one_code_or_all(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and err.startswith("liclint: error: ")


def test_select_all_is_every_rule(capsys):
    from liclint.running.config import Settings
    from liclint.running.linter import Linter

    every = Linter(Settings()).rule_classes
    assert Linter(Settings(select=("ALL",))).rule_classes == every
    assert Linter(Settings(select=("all",), ignore=("TXT",))).rule_classes == [
        r for r in every if not r.code.startswith("TXT")
    ]
    assert Linter(Settings(select=("NUM",), extend_select=("ALL",))).rule_classes == every
    preview = Linter(Settings(select=("ALL",), preview=True)).rule_classes
    assert set(every) <= set(preview)  # ALL is no exact code: preview rules still need --preview
    assert (
        run(capsys, "check", *AT, "--select", "ALL", EXPIRED)[1]
        == run(capsys, "check", *AT, EXPIRED)[1]
    )


def test_select_all_in_the_configuration(tmp_path, capsys):
    (tmp_path / "liclint.toml").write_text('select = ["ALL"]\nas-of = "2026-11-24"\n', "utf-8")
    copy = tmp_path / "copy.md"
    copy.write_text((EXAMPLES / "expired_reissue.md").read_text("utf-8"), "utf-8")
    code, out, err = run(capsys, "check", "--no-cache", str(copy))
    assert code == 1 and "DAT006" in out and err == ""


def test_extend_ignore_adds_to_the_configured_ignore(tmp_path, capsys):
    (tmp_path / "liclint.toml").write_text('ignore = ["COM001"]\n', "utf-8")
    copy = tmp_path / "forged.md"
    copy.write_text((EXAMPLES / "forged.md").read_text("utf-8"), "utf-8")
    args = ("check", "--no-cache", "--as-of", "2026-11-24", "--format", "json")

    def codes(*more):
        return {f["code"] for f in json.loads(run(capsys, *args, *more, str(copy))[1])}

    configured = codes()
    assert "COM001" not in configured and {"TXT004", "NUM005"} <= configured
    assert codes("--extend-ignore", "TXT") == configured - {"TXT004"}
    # --ignore replaces the configured list; --extend-ignore adds to whichever list is in force
    assert codes("--ignore", "NUM", "--extend-ignore", "TXT") == (configured | {"COM001"}) - {
        "NUM005",
        "TXT004",
    }
    _, shown, _ = run(capsys, "check", "--extend-ignore", "TXT", "--show-settings", str(copy))
    assert 'ignore = ["COM001", "TXT"]  # command line' in shown


def test_extend_exclude_adds_to_the_configured_exclude(tmp_path, capsys):
    (tmp_path / "liclint.toml").write_text('exclude = ["old"]\n', "utf-8")
    for folder in ("old", "new", "drafts"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "copy.md").write_text("x", "utf-8")
    _, out, _ = run(capsys, "check", "--show-files", str(tmp_path))
    assert out.splitlines() == [str(tmp_path / d / "copy.md") for d in ("drafts", "new")]
    _, out, _ = run(capsys, "check", "--show-files", "--extend-exclude", "drafts", str(tmp_path))
    assert out.splitlines() == [str(tmp_path / "new" / "copy.md")]
    _, out, _ = run(capsys, "check", "--show-files", "--exclude", "new", str(tmp_path))
    assert out.splitlines() == [str(tmp_path / d / "copy.md") for d in ("drafts", "old")]


def test_extend_keys_in_the_configuration(tmp_path):
    from liclint.running.config import load_config

    (tmp_path / "liclint.toml").write_text(
        'ignore = ["DAT006"]\nextend-ignore = ["TXT"]\nextend-exclude = ["drafts"]\n', "utf-8"
    )
    settings = load_config(tmp_path / "liclint.toml")
    assert settings.ignore == ("DAT006", "TXT") and settings.exclude == ("drafts",)
    assert "liclint.toml" in settings.source("ignore")


def test_show_files_lists_what_a_run_checks_and_checks_nothing(capsys, tmp_path):
    code, out, err = run(capsys, "check", "--isolated", "--show-files", str(EXAMPLES))
    files = out.splitlines()
    assert code == 0 and err == "" and FORGED in files and EXPIRED in files
    assert all(f.endswith((".md", ".txt")) for f in files)
    assert not (tmp_path / ".liclint_cache").exists()


def test_statistics_print_only_the_table(capsys):
    code, out, _ = run(capsys, "check", *AT, "--statistics", FORGED)
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 1 and rows and all(len(r) == 3 and r[0].strip().isdigit() for r in rows)
    assert "NUM005" in {r[1].strip() for r in rows}
    assert "Found" not in out and FORGED not in out  # neither the findings nor the summary
    code, out, err = run(capsys, "check", *AT, "--statistics", "--format", "json", FORGED)
    assert json.loads(out) and "NUM005" in err  # a machine-readable report stays parseable


def test_json_findings_carry_the_documentation_url(capsys):
    from liclint.checking.plugins import load
    from liclint.reporting.formats import help_uri

    registry = load()
    _, out, _ = run(capsys, "check", *AT, "--format", "json", FORGED)
    findings = json.loads(out)
    assert findings and all(f["url"] == help_uri(registry.get(f["code"])) for f in findings)
    assert findings[0]["url"].startswith("https://") and "#" in findings[0]["url"]


def test_json_lines(capsys):
    assert "json-lines" in FORMATS and set(FORMATS) == set(REPORTERS)
    _, whole, _ = run(capsys, "check", *AT, "--format", "json", FORGED)
    code, out, _ = run(capsys, "check", *AT, "--output-format", "json-lines", FORGED)
    lines = out.splitlines()
    assert code == 1 and [json.loads(line) for line in lines] == json.loads(whole)
    assert out.endswith("\n") and len(lines) == len(json.loads(whole))
    readme = str(EXAMPLES / "README.md")
    code, out, _ = run(capsys, "check", *AT, "--format", "json-lines", "--ignore", "DOC", readme)
    assert code == 0 and out == ""


def test_show_settings_lists_the_rules_that_will_run(tmp_path, capsys):
    from liclint.running.config import Settings, load_config
    from liclint.running.linter import Linter

    code, out, _ = run(capsys, "check", "--isolated", "--show-settings", "--select", "DAT,NUM")
    listed = [line.split()[1] for line in out.splitlines() if line.startswith("#   ")]
    expected = Linter(Settings(select=("DAT", "NUM"))).rule_classes
    assert code == 0 and listed == [r.code for r in expected]
    assert f"# the rules that will run ({len(expected)}):" in out
    assert {"DAT", "NUM", "LIC"} <= {c[:3] for c in listed}  # the engine's own rules run too
    shown = tmp_path / "shown.toml"
    shown.write_text(out, "utf-8")
    assert load_config(shown).select == ("DAT", "NUM")  # still a configuration file
