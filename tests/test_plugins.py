"""The plugin mechanism: third-party rules, broken plugins, crashing rules."""

from __future__ import annotations

import datetime as dt
import types

from conftest import example
from liclint.checking.hookspecs import hookimpl
from liclint.checking.plugins import load
from liclint.checking.rule import Context, Rule, Severity
from liclint.checking.runner import RULE_CRASHED, lint
from liclint.text.extract import parse_document


class Blocked(Rule):
    code = "ACME001"
    name = "company-on-blocklist"
    severity = Severity.ERROR
    summary = "The licensee is blocked."
    rationale = "Policy."
    citation = "ACME policy."
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        if doc.company and doc.company.text == "杭州青禾云图科技有限公司":
            yield self.finding(doc, doc.company, "blocked")


class Crashing(Blocked):
    code = "ACME002"
    name = "crashes"

    def check(self, doc, ctx):
        raise RuntimeError("boom")


def plugin(*rules):
    module = types.SimpleNamespace()
    module.liclint_rules = hookimpl(lambda: list(rules))
    return module


def run(registry):
    doc = parse_document("x.md", example("provincial_icp.md"))
    return lint(doc, registry.select(), Context(dt.date(2025, 6, 1)))


def test_a_third_party_rule_runs_beside_the_builtins():
    import liclint.rules

    registry = load([("builtin", liclint.rules), ("acme", plugin(Blocked))])
    assert registry.errors == []
    assert registry.get("ACME001") is Blocked and registry.get("DAT006") is not None
    assert [(f.code, f.line) for f in run(registry)] == [("ACME001", 9)]


def test_a_crashing_rule_becomes_a_finding_and_others_still_run():
    registry = load([("acme", plugin(Blocked, Crashing))])
    findings = run(registry)
    assert [f.code for f in findings] == [RULE_CRASHED, "ACME001"]
    assert "ACME002" in findings[0].message and "boom" in findings[0].message


def test_broken_plugins_are_reported_not_fatal():
    class NoCitation(Blocked):
        code = "ACME003"
        citation = ""

    def broken():
        raise ImportError("missing dependency")

    bad = types.SimpleNamespace(liclint_rules=hookimpl(broken))
    typo = types.SimpleNamespace(liclint_rulez=hookimpl(lambda: []))
    registry = load(
        [
            ("good", plugin(Blocked)),
            ("meta", plugin(NoCitation, Blocked)),
            ("bad", bad),
            ("typo", typo),
        ]
    )
    assert [r.code for r in registry.rules if r.kind != "engine"] == ["ACME001"]
    text = "\n".join(registry.errors)
    assert "has no citation" in text and "missing dependency" in text and "liclint_rulez" in text


def test_duplicate_codes_are_refused():
    class Other(Blocked):
        pass

    registry = load([("a", plugin(Blocked)), ("b", plugin(Other))])
    assert [r for r in registry.rules if r.kind != "engine"] == [Blocked]
    assert "already used" in registry.errors[0]
