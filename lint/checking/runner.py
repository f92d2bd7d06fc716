"""Run the rules of a document over it and collect their findings; the engine's own rules."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Sequence

from liclint.checking.meta import Context, Metadata, Severity
from liclint.checking.rule import (
    LOW_CONFIDENCE,
    UNRELIABLE,
    Finding,
    Rule,
    fingerprint,
    unreliable,
)
from liclint.text.model import Document, Span


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


class UnreliableReading(EngineRule):
    code = UNRELIABLE
    name = "unreliable-reading"
    severity = Severity.INFO
    summary = "A finding on text OCR could not read reliably: look at the box on the page."
    rationale = """
        On a PDF scan, a photo or a screenshot the text is what an OCR engine read, and engines
        misread (鄂 as 哪, 日 as 目, a faint stroke lost). A warning or error that rests on a line
        read with low confidence, on a character OCR typically confuses with another, on a seal's
        arc text read with doubt, or on template wording that differs only as OCR noise does, is
        not a claim about the license: it is reported as this code, naming the rule and its
        message, with the page and the box to look at. Its severity is set in the configuration
        (severity = { OCR001 = "warning" } makes such places block a CI gate).
    """
    citation = "ISO/IEC 30116 (OCR quality measures): recognition confidence and confusion sets; the license is judged on what it prints, not on a misreading."


ENGINE_RULES: tuple[type[EngineRule], ...] = (RuleCrashed, UnreadableFile, UnreliableReading)
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
                found = list(rule.check(doc, ctx))
                if doc.media is not None and rule.reads_text:
                    found = [_doubted(doc, f) for f in found]
                findings.extend(found)
        except Exception as exc:
            findings.append(crashed(doc.path, rule, exc))
    findings.sort()
    return findings


#: Below LOW_CONFIDENCE an OCR line's warnings and errors are OCR001 (a seal's arc text: below
#: SEAL_CONFIDENCE).
SEAL_CONFIDENCE = 0.95
#: Template wording at least this similar to the copy's differs as OCR noise does (unless the
#: difference touches one of the comparison's meaningful words).
NOISE_SIMILARITY = 0.90


def _doubted(doc: Document, f: Finding) -> Finding:
    """``f``, or the OCR001 finding standing for it when it rests on an unreliable reading."""
    if f.severity.rank < Severity.WARNING.rank or not 1 <= f.line <= len(doc.media):
        return f
    origin = doc.media[f.line - 1]
    if origin.confidence is None and origin.kind == "text":
        return f  # a text layer: what the PDF holds, not a reading
    why = None
    if origin.kind == "seal" and (origin.confidence or 0) < SEAL_CONFIDENCE:
        why = f"the seal's arc text was read with confidence {origin.confidence or 0:.2f}"
    elif origin.confidence is not None and origin.confidence < LOW_CONFIDENCE:
        why = f"OCR read this line with confidence {origin.confidence:.2f}"
    else:
        text = doc.source_text(Span(f.line, f.column, f.end_line, f.end_column))
        misread = _misread(" ".join([text, *_QUOTED.findall(f.message)]))
        if misread is not None and origin.confidence is not None:
            why = f"'{misread}' is often OCR's misreading of '{_confusions()[misread]}'"
        elif f.comparison is not None and origin.confidence is not None and _noise(f.comparison):
            why = "the wording differs from the template only as OCR noise does"
    return f if why is None else unreliable(f, why, origin.page)


#: The texts a finding's message quotes ('浙B2-2023O517'): what the finding rests on.
_QUOTED = re.compile(r"'([^']{1,80})'")


def _misread(text: str) -> str | None:
    """The first character of ``text`` that OCR typically misreads for another (a Latin letter
    only beside a digit), or None."""
    table = _confusions()
    for i, c in enumerate(text):
        if c not in table:
            continue
        if c.isascii() and not any(
            j in range(len(text)) and text[j].isdigit() for j in (i - 1, i + 1)
        ):
            continue
        return c
    return None


def _noise(comparison) -> bool:
    import difflib

    from liclint.text.grammar import fold

    a = "".join(ch for ch in fold(comparison.expected) if ch.isalnum())
    b = "".join(ch for ch in fold(comparison.text) if ch.isalnum())
    if not a or not b:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < NOISE_SIMILARITY:
        return False
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        around = a[max(0, a1 - 1) : a2 + 1] + b[max(0, b1 - 1) : b2 + 1]
        if any(word in around for word in comparison.meaningful):
            return False
    return True


@functools.cache
def _confusions() -> dict[str, str]:
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "ocr_confusions.tsv")
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                misread, printed = line.rstrip("\n").split("\t")
                table[misread] = printed
    return table


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
