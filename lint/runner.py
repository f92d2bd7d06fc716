"""Run rules over a document and collect their findings."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Document
from .rule import Context, Finding, Rule, Severity

#: The code of the finding that stands in for a rule that raised an exception.
RULE_CRASHED = "LIC001"
#: The code of the finding that stands in for a file that could not be read.
UNREADABLE = "LIC002"
#: Findings the engine itself reports, as `liclint explain` shows them.
ENGINE_FINDINGS = {
    RULE_CRASHED: f"""{RULE_CRASHED} rule-crashed (error)

A rule raised an exception while checking this file and was skipped; the other rules still ran.

Why: a crash in one rule (built-in or from a plugin) must neither stop the run nor pass silently,
so it is reported as an error on the file, naming the rule and the exception. Report it to the
rule's authors with the file; `liclint check --debug` does not change this, the finding is the
report.
""",
    UNREADABLE: f"""{UNREADABLE} unreadable-file (error)

The file could not be read: it does not exist, is binary but neither a PDF nor an image (an
archive, a spreadsheet), is a PDF or an image while liclint[pdf] / liclint[ocr] is not installed
(the message names the extra), is a broken PDF or image, is larger than --max-size (50 MB for PDFs
and images), or is not text in UTF-8 or GB18030.

Why: a copy that was not checked must not pass as a clean one. The reason is printed on stderr and
is also a finding in every report format (a SARIF notification and result, a JUnit failure), so a
CI dashboard shows it; the exit code is 2.
""",
}


def lint(doc: Document, rules: Sequence[Rule], ctx: Context) -> list[Finding]:
    """Every finding of every applicable rule, sorted. A rule that crashes becomes a finding."""
    findings: list[Finding] = []
    for rule in rules:
        try:
            if rule.applies(doc):
                findings.extend(list(rule.check(doc, ctx)))
        except Exception as exc:
            findings.append(crashed(doc.path, rule, exc))
    findings.sort()
    return findings


def crashed(path: str, rule: Rule, exc: Exception) -> Finding:
    """The finding standing for a rule that raised on this file (it was skipped)."""
    message = (
        f"rule {rule.code} ({rule.name}"
        + (f", from plugin {rule.plugin!r}" if rule.plugin else "")
        + f") crashed on this file and was skipped: {type(exc).__name__}: {exc}"
    )
    return Finding(path, 1, 1, 1, 1, RULE_CRASHED, Severity.ERROR, message, "rule-crashed")
