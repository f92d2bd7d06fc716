"""What a rule is: metadata, a check over the document model, and the findings it reports."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from liclint.checking.meta import Context, Metadata, Option, Severity
from liclint.text.model import Document, Field, Span

__all__ = [
    "LOW_CONFIDENCE",
    "Comparison",
    "Context",
    "Finding",
    "Option",
    "Rule",
    "Severity",
    "fingerprint",
]


@dataclass(frozen=True, slots=True)
class Comparison:
    """The wording a rule compared a passage of the copy with, for the formats that show the
    two side by side (the html report): what the passage is (``label``), its first and last
    line in the original text, its text, and the wording expected there (a template's)."""

    label: str
    line: int
    end_line: int
    text: str
    expected: str
    #: words whose change is a change of meaning (a duty's 不得, 应当…), never a reading's noise
    meaningful: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One problem found in one file: the single type every reporter renders."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    severity: Severity = field(compare=False)
    message: str
    name: str = field(default="", compare=False)  # the rule's kebab-case name
    #: A digest of the code and the offending text (whitespace removed), not of the position:
    #: the same problem keeps its fingerprint when lines move (baselines, SARIF, GitLab).
    fingerprint: str = field(default="", compare=False)
    #: where the text came from when it was extracted from a PDF or an image: page, box on the
    #: page, OCR confidence (pairs, so that a finding stays hashable)
    extra: tuple[tuple[str, Any], ...] = field(default=(), compare=False)
    #: the passage and the wording it was compared with, for a finding about wording
    comparison: Comparison | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "fingerprint": self.fingerprint,
            **dict(self.extra),
        }


#: OCR lines read with less confidence than this are named in the findings that rest on them.
LOW_CONFIDENCE = 0.80


def fingerprint(code: str, text: str) -> str:
    """The fingerprint of a finding of ``code`` on ``text``: 16 hex digits."""
    data = f"{code}\0{''.join(text.split())}".encode()
    return hashlib.blake2b(data, digest_size=8).hexdigest()


class Rule(Metadata):
    """Base class of a rule over one document. A rule module defines one subclass and fills in
    the metadata (:class:`liclint.checking.meta.Metadata`).

    ``check`` reads the document model and yields findings made with :meth:`finding`. ``applies``
    says whether the rule has anything to say about a document at all (not applicable is not a
    pass); by default a rule applies to every text that looks like a license.
    """

    kind = "document"
    #: whether the rule judges the text: on a copy read by OCR, its warnings and errors that rest
    #: on an unreliable reading become OCR001 (not a rule that judges the print itself, IMG002,
    #: or one that allows for misreadings itself, AUT004)
    reads_text: ClassVar[bool] = True

    def applies(self, doc: Document) -> bool:
        return doc.is_license

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        doc: Document,
        where: Field | Span | int,
        message: str,
        severity: Severity | None = None,
        comparison: Comparison | None = None,
        unread: str | None = None,
    ) -> Finding:
        """A finding at a field, a span, or (an int) a whole line, all in the clean lines' positions;
        the finding points at the same place in the original text. ``comparison``: the passage
        and the wording it was compared with (lines in the clean text's positions, too).
        ``unread``: the finding is about text that is absent, which on a copy read by OCR may be
        text the engine did not read; it then says so (OCR001), with ``unread`` as the reason."""
        if isinstance(where, Field):
            where = where.span
        elif isinstance(where, int):
            where = Span(where, 1, where, 1 + len(doc.lines[where - 1]) if doc.lines else 1)
        where = doc.source_span(where)
        # the offending text and its whole line: specific, and independent of the position
        text = doc.source_text(where) + "\0" + doc.source_text(Span(where.line, 1, where.line, 1))
        extra: tuple = ()
        if doc.media is not None and 1 <= where.line <= len(doc.media):
            origin = doc.media[where.line - 1]
            extra = tuple(origin.properties().items())
            message += f" (page {origin.page})"
            doubtful = (severity or self.severity).rank < Severity.WARNING.rank  # else OCR001
            if doubtful and origin.confidence is not None and origin.confidence < LOW_CONFIDENCE:
                message += (
                    f"; OCR read this line with confidence {origin.confidence:.2f}, so the text "
                    "may be misread: check it on the original"
                )
        found = Finding(
            doc.path,
            where.line,
            where.column,
            where.end_line,
            where.end_column,
            self.code,
            severity or self.severity,
            message,
            self.name,
            fingerprint(self.code, text),
            extra,
            comparison
            and Comparison(
                comparison.label,
                doc.source_line(comparison.line),
                doc.source_line(comparison.end_line),
                comparison.text,
                comparison.expected,
                tuple(comparison.meaningful),
            ),
        )
        read_by_ocr = doc.media is not None and any(o.confidence is not None for o in doc.media)
        if unread and read_by_ocr and found.severity.rank >= Severity.WARNING.rank:
            page = dict(extra).get("page", 1)
            return unreliable(found, unread, page)
        return found


#: The code of a finding that rests on text OCR may have misread or not read (OCR001).
UNRELIABLE = "OCR001"


def unreliable(f: Finding, why: str, page: int) -> Finding:
    """The OCR001 finding (info) standing for ``f``, which rests on an unreliable reading."""
    from dataclasses import replace

    box = dict(f.extra).get("box")
    where = f"page {page}" + (f", box {box}" if box else "")
    message = (
        f"could not be read reliably here — look at the box ({where}): {why}; "
        f"{f.code} would say: {f.message}"
    )
    return replace(
        f, code=UNRELIABLE, severity=Severity.INFO, message=message, name="unreliable-reading",
        fingerprint=fingerprint(UNRELIABLE, f.fingerprint),
    )  # fmt: skip
