"""Every rule on its pass and fail cases (tests/rule_cases.toml), and the catalog's own checks."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from conftest import CLEAN, INSIDE, ROOT, check_text, example
from liclint.checking.meta import catalog as rules_markdown
from liclint.checking.meta import explain as explain_text

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


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{c['name']}" for c in CASES])
def test_rule_case(case):
    as_of = dt.date.fromisoformat(case.get("as_of", INSIDE.isoformat()))
    findings = check_text(apply(case), as_of, select=[case["rule"]], options=case.get("options"))
    assert all(f.code == case["rule"] for f in findings)
    assert sorted(f.line for f in findings) == case["expect"], [f.message for f in findings]


def test_every_rule_has_a_pass_and_a_fail_case(registry):
    for rule in registry.rules:
        if rule.kind == "engine":
            continue  # LIC001, LIC002: tests/test_engine_rules.py
        expects = [c["expect"] for c in (*CASES, *CROSS_CASES) if c["rule"] == rule.code]
        assert [] in expects, f"{rule.code} has no passing case"
        assert any(expects), f"{rule.code} has no failing case"


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
