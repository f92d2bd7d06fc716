"""Run the rules of a document over it and collect their findings; the engine's own rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from liclint.checking.meta import Context, Metadata, Severity
from liclint.checking.rule import Finding, Rule, fingerprint
from liclint.text.model import Document


class EngineRule(Metadata):
    """A finding the engine itself reports (no check of its own): listed, explained, selectable
    and ignorable like any rule. ``--select`` does not drop it; ``--ignore`` does."""

    kind = "engine"
    source = "engine"
    effective = None


class RuleCrashed(EngineRule):
    code = "LIC001"
    name = "rule-crashed"
    severity = Severity.ERROR
    summary = "A rule raised an exception on this file and was skipped; the other rules still ran."
    rationale = """
        A crash in one rule (built-in or from a plugin) must neither stop the run nor pass
        silently, so it is reported as an error on the file, naming the rule and the exception.
        Report it to the rule's authors with the file; `liclint check --debug` does not change
        this, the finding is the report.
    """
    citation = "zlint's and pkilint's convention: a lint that crashes is a fatal finding for the document, never a crash of the tool."


class UnreadableFile(EngineRule):
    code = "LIC002"
    name = "unreadable-file"
    severity = Severity.ERROR
    summary = "The file could not be read, so it was not checked."
    rationale = """
        The file does not exist, is binary but neither a PDF nor an image (an archive, a
        spreadsheet), is a PDF or an image while liclint[pdf] / liclint[ocr] is not installed
        (the message names the extra), is a broken PDF or image, is larger than --max-size
        (50 MB for PDFs and images), or is not text in UTF-8 or GB18030. A copy that was not
        checked must not pass as a clean one: the reason is printed on stderr and is a finding
        in every report format (a SARIF notification and result, a JUnit error), and the exit
        code is 2 — unless LIC002 is ignored, which makes unreadable files pass silently.
    """
    citation = "ruff's E902 io-error: a file that cannot be read is reported, not skipped."


ENGINE_RULES: tuple[type[EngineRule], ...] = (RuleCrashed, UnreadableFile)
#: The code of the finding that stands in for a rule that raised an exception.
RULE_CRASHED = RuleCrashed.code
#: The code of the finding that stands in for a file that could not be read.
UNREADABLE = UnreadableFile.code


def lint(doc: Document, rules: Sequence[Rule], ctx: Context) -> list[Finding]:
    """Every finding of every applicable rule, sorted. A rule applies to a license issued within
    its effective dates for which ``applies`` says so; a cross-copy or engine rule among
    ``rules`` is passed by (it sees no single document). A rule that crashes becomes a finding."""
    findings: list[Finding] = []
    issued = _issued(doc)
    for rule in rules:
        if rule.kind != "document":
            continue
        try:
            if rule.in_force(issued) and rule.applies(doc):
                findings.extend(list(rule.check(doc, ctx)))
        except Exception as exc:
            findings.append(crashed(doc.path, rule, exc))
    findings.sort()
    return findings


def _issued(doc: Document) -> dt.date | None:
    date = doc.issue_date
    return date.value if date is not None else None


def crashed(path: str, rule: Metadata, exc: Exception) -> Finding:
    """The finding standing for a rule that raised on this file (it was skipped)."""
    message = (
        f"rule {rule.code} ({rule.name}"
        + (f", from plugin {rule.plugin!r}" if rule.plugin else "")
        + f") crashed on this file and was skipped: {type(exc).__name__}: {exc}"
    )
    return Finding(path, 1, 1, 1, 1, RULE_CRASHED, Severity.ERROR, message, "rule-crashed")


def unreadable(path: str, reason: str) -> Finding:
    """The finding standing for a file that could not be read (binary, too large, missing)."""
    return Finding(
        path, 1, 1, 1, 1, UNREADABLE, Severity.ERROR, reason, "unreadable-file",
        fingerprint(UNREADABLE, path),
    )  # fmt: skip
