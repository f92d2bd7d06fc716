"""Helpers for testing rules — liclint's own and a plugin's — with pytest or any test runner.

    from liclint.testing import SAMPLE, run_rule, lines_of

    def test_flags_a_watermark_for_another_platform():
        text = SAMPLE.replace("仅供青禾云图平台", "仅供别家平台")
        findings = run_rule(MyRule, text, options={"platform": "青禾云图"})
        assert lines_of(findings) == [44]

``SAMPLE`` is a clean, fictional provincial ICP license (number 浙B2-20230517, valid from
2023-05-17 to 2028-05-16, with an attachment, the special provisions and a watermark); edit it
with ``str.replace`` to make the case a rule must catch, and check the unedited text stays clean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from importlib import resources
from typing import Any

from liclint.checking.rule import Context, Finding, Rule
from liclint.checking.runner import lint
from liclint.text.extract import parse_document

#: A clean fictional license (markdown), as in examples/provincial_icp.md.
SAMPLE: str = resources.files("liclint").joinpath("data", "sample_license.md").read_text("utf-8")
#: A date inside SAMPLE's validity window.
SAMPLE_AS_OF = dt.date(2025, 6, 1)


def run_rule(
    rule: type[Rule] | Rule,
    text: str,
    *,
    as_of: dt.date = SAMPLE_AS_OF,
    options: Mapping[str, Any] | None = None,
    path: str = "case.md",
) -> list[Finding]:
    """The findings of one rule on ``text``, with the rule's option defaults unless ``options``
    sets them. A crash of the rule is raised (not turned into a finding), so the test shows it."""
    instance = rule() if isinstance(rule, type) else rule
    problems = type(instance).metadata_errors()
    if problems:
        raise AssertionError("; ".join(problems))
    unknown = set(options or {}) - set(type(instance).options)
    if unknown:
        known = ", ".join(sorted(type(instance).options)) or "none"
        raise AssertionError(
            f"{type(instance).__name__} has no option {sorted(unknown)} (known: {known})"
        )
    # lists become tuples, as the configuration gives them
    given = {k: tuple(v) if isinstance(v, list) else v for k, v in (options or {}).items()}
    doc = parse_document(path, text)
    ctx = Context(as_of, given)
    issued = doc.issue_date.value if doc.issue_date is not None else None
    if not instance.in_force(issued) or not instance.applies(doc):
        return []
    findings = list(instance.check(doc, ctx))
    findings.sort()
    return findings


def run_all(text: str, *, as_of: dt.date = SAMPLE_AS_OF, path: str = "case.md") -> list[Finding]:
    """The findings of every installed rule (built-in and plugins) on ``text``."""
    from liclint.checking.plugins import load

    return lint(parse_document(path, text), load().select(), Context(as_of))


def run_cross(
    rule: type[Rule] | Rule,
    copies: Mapping[str, str],
    *,
    registry: str | None = None,
    as_of: dt.date = SAMPLE_AS_OF,
    options: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """The findings of one cross-copy rule on ``copies`` (path -> text) checked in one run,
    against a registry snapshot when ``registry`` holds the text of a registry CSV. Uses a
    temporary SQLite ledger (needs SQLAlchemy, a dependency of liclint)."""
    import os
    import tempfile

    from liclint.across.cross import CrossCheck
    from liclint.across.facts import facts_of
    from liclint.across.ledger import Ledger
    from liclint.running.cache import digest

    instance = rule() if isinstance(rule, type) else rule
    problems = type(instance).metadata_errors()
    if problems:
        raise AssertionError("; ".join(problems))

    with tempfile.TemporaryDirectory() as tmp:
        ledger = os.path.join(tmp, "ledger.sqlite")
        with Ledger(ledger) as store:
            if registry is not None:
                csv = os.path.join(tmp, "registry.csv")
                with open(csv, "w", encoding="utf-8") as f:
                    f.write(registry)
                store.import_registry(csv)
        with CrossCheck((instance,), Context(as_of, dict(options or {})), ledger) as cross:
            cross.open()
            for path, text in copies.items():
                doc = parse_document(path, text)
                cross.add(path, facts_of(doc, digest(text)))
            return cross.findings()


def lines_of(findings: list[Finding]) -> list[int]:
    """The lines of ``findings``, in order: the usual thing to assert."""
    return [f.line for f in findings]
