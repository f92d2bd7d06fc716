"""Run rules over a document and collect their findings."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Document
from .rule import Context, Finding, Rule, Severity

#: The code of the finding that stands in for a rule that raised an exception.
RULE_CRASHED = "LIC001"


def lint(doc: Document, rules: Sequence[Rule], ctx: Context) -> list[Finding]:
    """Every finding of every applicable rule, sorted. A rule that crashes becomes a finding."""
    findings: list[Finding] = []
    for rule in rules:
        try:
            if rule.applies(doc):
                findings.extend(list(rule.check(doc, ctx)))
        except Exception as exc:
            message = (
                f"rule {rule.code} ({rule.name}) crashed on this file and was skipped: "
                f"{type(exc).__name__}: {exc}"
            )
            findings.append(
                Finding(doc.path, 1, 1, 1, 1, RULE_CRASHED, Severity.ERROR, message, "rule-crashed")
            )
    findings.sort()
    return findings
