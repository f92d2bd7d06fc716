"""The document model: what a license copy says, each piece with its position.

Positions are 1-based lines and columns counted in characters; an end column is exclusive (the
column just after the last character), as in SARIF. A :class:`Field` may run over several lines
(OCR wraps, page breaks): it keeps the pieces it was joined from, so any offset into its text maps
back to a line and column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .grammar import GrammarError, LicenseNumber


@dataclass(frozen=True, slots=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Piece:
    line: int
    column: int
    text: str


class Field:
    """Text taken from the document, joined from one or more pieces of lines.

    The text is what the copy prints (not folded). The extractor appends pieces while it reads;
    rules treat a field as read-only.
    """

    __slots__ = ("_text", "pieces")

    def __init__(self, pieces: list[Piece]) -> None:
        if not pieces:
            raise ValueError("a field has at least one piece (an empty one marks its position)")
        self.pieces = pieces
        self._text: str | None = None

    @classmethod
    def one(cls, line: int, column: int, text: str) -> Field:
        return cls([Piece(line, column, text)])

    def append(self, piece: Piece) -> None:
        self.pieces.append(piece)
        self._text = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(p.text for p in self.pieces)
        return self._text

    @property
    def line(self) -> int:
        return self.pieces[0].line

    @property
    def span(self) -> Span:
        return self.span_at(0, len(self.text))

    def span_at(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` in the document (clamped to the field)."""
        return Span(*self._position(start, False), *self._position(max(start, end), True))

    def _position(self, offset: int, is_end: bool) -> tuple[int, int]:
        seen = 0
        for piece in self.pieces:
            size = len(piece.text)
            if offset < seen + size or (is_end and offset <= seen + size):
                return piece.line, piece.column + offset - seen
            seen += size
        tail = self.pieces[-1]
        return tail.line, tail.column + len(tail.text)

    def sub(self, start: int, end: int) -> Field:
        """The part ``text[start:end]`` as a field of its own."""
        pieces, seen = [], 0
        for p in self.pieces:
            lo, hi = seen, seen + len(p.text)
            a, b = max(start, lo), min(end, hi)
            if a < b:
                pieces.append(Piece(p.line, p.column + a - lo, p.text[a - lo : b - lo]))
            seen = hi
        if pieces:
            return Field(pieces)
        line, column = self._position(start, True)
        return Field.one(line, column, "")

    def strip(self, chars: str = " \t") -> Field:
        """The field without leading and trailing ``chars``."""
        text = self.text
        start = len(text) - len(text.lstrip(chars))
        return self.sub(start, max(start, len(text.rstrip(chars))))

    def __repr__(self) -> str:
        return f"Field({self.text!r} at {self.line}:{self.pieces[0].column})"


@dataclass(frozen=True, slots=True)
class NumberField:
    """One occurrence of the license number: the front page's or a page header's."""

    field: Field
    role: str  # "front" (the first occurrence) or "header" (repeated on a later page)
    parsed: LicenseNumber | None
    error: GrammarError | None


@dataclass(frozen=True, slots=True)
class DateField:
    field: Field
    value: dt.date | None  # None if the text is not a complete, real calendar date
    error: str | None  # why value is None
    incomplete: bool  # True if the text does not even have the shape of a date
    offset: int = 0  # where in the field the grammar stopped, if incomplete


@dataclass(slots=True)
class Website:
    name: Field | None = None
    domain: Field | None = None
    server_location: Field | None = None
    access_provider: Field | None = None
    line: int = 0


@dataclass(slots=True)
class Attachment:
    """The 附页: the page listing the websites of an ICP license."""

    title: Field
    header: Field | None = None  # "…公司获准经营信息服务业务(…)相关信息"
    company: Field | None = None
    scope: Field | None = None
    websites: list[Website] = field(default_factory=list)


@dataclass(slots=True)
class Watermark:
    """A note stamped on a copy: "仅供…使用 有效期至… 再次复印无效"."""

    usage: Field
    valid_until: DateField | None = None
    no_copy: Field | None = None


@dataclass(slots=True)
class Clause:
    """A clause 一、… of the special provisions, or a sub-item (一)… of clause 十五."""

    numeral: Field  # as printed: "十五" or "十四"
    value: int | None  # 15, 14; None if the numeral is not one of 一…二十
    text: Field  # the body after "、" or ")", joined across lines and page breaks
    items: list[Clause] = field(default_factory=list)

    @property
    def end_line(self) -> int:
        last = self.items[-1].end_line if self.items else 0
        return max(self.text.pieces[-1].line, last)


@dataclass(slots=True)
class Provisions:
    """特别规定事项: the preamble, clauses 一…十五 and the sub-items of 十五."""

    heading: Field
    preamble: Field | None = None
    company: Field | None = None  # the company named in the preamble
    clauses: list[Clause] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    path: str
    lines: list[str]  # the text as decoded, without line endings
    folded: list[str]  # the same lines with full-width ASCII and dashes folded (same lengths)
    title: Field | None = None
    numbers: list[NumberField] = field(default_factory=list)
    company: Field | None = None
    legal_representative: Field | None = None
    scope: Field | None = None
    grant: Field | None = None  # the sentence "…特颁发(跨地区)增值电信业务经营许可证"
    cross_regional: Field | None = None  # the word 跨地区 in the grant sentence or title
    authority: Field | None = None
    issue_date: DateField | None = None
    expiry_date: DateField | None = None
    attachment: Attachment | None = None
    watermarks: list[Watermark] = field(default_factory=list)
    provisions: Provisions | None = None
    pages: list[int] = field(default_factory=lambda: [1])  # the first line of every page
    anchors: int = 0  # how many of the license's fixed labels and headings were found

    @property
    def is_license(self) -> bool:
        """Whether the text looks like a license copy at all (three or more fixed anchors)."""
        return self.anchors >= 3

    @property
    def number(self) -> NumberField | None:
        """The license number as the front page gives it (the first occurrence)."""
        return self.numbers[0] if self.numbers else None


# -- JSON ----------------------------------------------------------------------------------------


def _field(f: Field | None) -> dict | None:
    if f is None:
        return None
    s = f.span
    return {
        "text": f.text,
        "line": s.line,
        "column": s.column,
        "end_line": s.end_line,
        "end_column": s.end_column,
    }


def _date(d: DateField | None) -> dict | None:
    if d is None:
        return None
    return {**_field(d.field), "value": d.value.isoformat() if d.value else None, "error": d.error}


def _number(n: NumberField) -> dict:
    parsed = n.parsed
    return {
        **_field(n.field),
        "role": n.role,
        "normalized": parsed.normalized if parsed else None,
        "kind": parsed.kind if parsed else None,
        "error": n.error.message if n.error else None,
    }


def _clause(c: Clause) -> dict:
    out = {
        "numeral": c.numeral.text,
        "value": c.value,
        "line": c.numeral.line,
        "end_line": c.end_line,
        "text": c.text.text,
    }
    if c.items:
        out["items"] = [_clause(i) for i in c.items]
    return out


def as_dict(doc: Document) -> dict:
    """The model as JSON-ready data: every field with its text and position, dates as ISO."""
    a, p = doc.attachment, doc.provisions
    return {
        "path": doc.path,
        "is_license": doc.is_license,
        "title": _field(doc.title),
        "numbers": [_number(n) for n in doc.numbers],
        "company": _field(doc.company),
        "legal_representative": _field(doc.legal_representative),
        "scope": _field(doc.scope),
        "grant": _field(doc.grant),
        "cross_regional": _field(doc.cross_regional),
        "authority": _field(doc.authority),
        "issue_date": _date(doc.issue_date),
        "expiry_date": _date(doc.expiry_date),
        "attachment": None
        if a is None
        else {
            "title": _field(a.title),
            "header": _field(a.header),
            "company": _field(a.company),
            "scope": _field(a.scope),
            "websites": [
                {
                    "line": w.line,
                    "name": _field(w.name),
                    "domain": _field(w.domain),
                    "server_location": _field(w.server_location),
                    "access_provider": _field(w.access_provider),
                }
                for w in a.websites
            ],
        },
        "watermarks": [
            {
                "usage": _field(w.usage),
                "valid_until": _date(w.valid_until),
                "no_copy": _field(w.no_copy),
            }
            for w in doc.watermarks
        ],
        "provisions": None
        if p is None
        else {
            "heading": _field(p.heading),
            "preamble": _field(p.preamble),
            "company": _field(p.company),
            "clauses": [_clause(c) for c in p.clauses],
        },
        "pages": doc.pages,
    }
