"""Every rule on its pass and fail cases (tests/rule_cases.toml), and the catalog's own checks."""

from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import CLEAN, INSIDE, ROOT, check_text, example
from liclint.checking.meta import SOURCES
from liclint.checking.meta import catalog as rules_markdown
from liclint.checking.meta import explain as explain_text
from liclint.checking.rule import Rule, Severity

CASES = tomllib.loads((Path(__file__).parent / "rule_cases.toml").read_text(encoding="utf-8"))[
    "case"
]
#: the cross-copy rules' cases (tests/test_cross.py runs them)
CROSS_CASES = tomllib.loads(
    (Path(__file__).parent / "cross_cases.toml").read_text(encoding="utf-8")
)["case"]


def apply(case) -> str:
    text = example(case["base"])
    for old, new in case.get("replace", []):
        assert old in text, f"{case['name']}: {old!r} is not in {case['base']}"
        text = text.replace(old, new, 1)
    return text


def expected(entry) -> dict:
    """An ``expect`` entry as a table: a line (an int), or ``{ line, column, severity, message }``
    where every key but ``line`` may be left out (``message``: a part of the message)."""
    return {"line": entry} if isinstance(entry, int) else entry


def matches(finding, want: dict) -> bool:
    return (
        finding.line == want["line"]
        and want.get("column", finding.column) == finding.column
        and want.get("severity", finding.severity.value) == finding.severity.value
        and want.get("message", "") in finding.message
    )


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{c['name']}" for c in CASES])
def test_rule_case(case):
    as_of = dt.date.fromisoformat(case.get("as_of", INSIDE.isoformat()))
    findings = check_text(apply(case), as_of, select=[case["rule"]], options=case.get("options"))
    assert all(f.code == case["rule"] for f in findings)
    wanted = [expected(e) for e in case["expect"]]
    got = [f"{f.line}:{f.column} {f.severity.value} {f.message}" for f in sorted(findings)]
    assert sorted(f.line for f in findings) == sorted(w["line"] for w in wanted), got
    left = sorted(findings)
    for want in wanted:  # each expected finding matches a finding of its own
        found = next((f for f in left if matches(f, want)), None)
        assert found is not None, f"no finding {want} among {got}"
        left.remove(found)


def test_an_expected_finding_checks_every_key_it_gives():
    case = next(c for c in CASES if c["rule"] == "NUM001" and "lower case" in c["name"])
    [finding] = check_text(apply(case), INSIDE, select=["NUM001"])
    assert matches(finding, expected(5)) and matches(finding, {"line": 5, "column": 10})
    assert matches(finding, {"line": 5, "severity": "error", "message": "lower case"})
    for wrong in ({"column": 9}, {"severity": "warning"}, {"message": "upper case"}):
        assert not matches(finding, {"line": 5, **wrong})


#: Rules that judge what only a picture has (the print, the seal's reading): their pass and fail
#: cases are in tests/test_page.py.
ON_PICTURES = {"IMG001", "IMG002", "AUT004"}


def test_every_rule_has_a_pass_and_a_fail_case(registry):
    for rule in registry.rules:
        if rule.kind == "engine" or rule.code in ON_PICTURES:
            continue  # LIC, OCR: tests/test_engine_rules.py; pictures: tests/test_page.py
        expects = [c["expect"] for c in (*CASES, *CROSS_CASES) if c["rule"] == rule.code]
        assert [] in expects, f"{rule.code} has no passing case"
        assert any(expects), f"{rule.code} has no failing case"


def test_every_builtin_rule_is_described_once_and_cites_a_public_source(registry):
    for rule in registry.rules:
        if rule.plugin != "builtin":
            continue
        title = sys.modules[rule.__module__].__doc__.strip()
        assert title.startswith(f"{rule.code} {rule.name}: ") and "\n" not in title, rule.code
        assert rule.source in SOURCES and "effective" in vars(rule), rule.code
        assert not re.search(r"domain reference|§|\bC[0-9]+\b|\.toml|\.md\b", rule.citation), (
            f"{rule.code} cites an internal document: {rule.citation}"
        )


def test_a_rule_without_source_or_effective_dates_is_broken():
    class Undated(Rule):
        code, name, severity = "XYZ001", "undated", Severity.INFO
        summary, rationale, citation = "Finds nothing.", "To test.", "None."

    errors = " ".join(Undated.metadata_errors())
    assert "has no source" in errors and "does not set effective" in errors

    class Dated(Undated):
        source, effective = "practice", None

    class Inherited(Dated):  # the dates of a base class below Metadata count
        code = "XYZ002"

    assert Dated.metadata_errors() == [] and Inherited.metadata_errors() == []


def test_every_rule_explains_itself(registry):
    for rule in registry.rules:
        text = explain_text(rule)
        assert rule.code in text and "Why:" in text and "Citation:" in text


@pytest.mark.parametrize("name", CLEAN)
def test_clean_examples_have_no_error_or_warning_inside_their_window(name):
    findings = check_text(example(name), INSIDE)
    assert [f for f in findings if f.severity.value != "info"] == []


def test_docs_rules_md_is_current(registry):
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(registry.rules), (
        "docs/rules.md is stale: run `liclint rules --format markdown > docs/rules.md`"
    )
