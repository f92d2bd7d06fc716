"""The document model: what a license copy says, each piece with its position.

Positions are 1-based lines and columns counted in characters; an end column is exclusive (the
column just after the last character), as in SARIF. A :class:`Field` may run over several lines
(OCR wraps, page breaks): it keeps the pieces it was joined from, so any offset into its text maps
back to a line and column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from liclint.text.grammar import GrammarError, LicenseNumber
from liclint.text.normalize import Origin

# The immutable records are named tuples: several times cheaper than frozen dataclasses to
# define (at every start) and to create (for every line, every finding).


class Span(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int


class Piece(NamedTuple):
    """A part of a line: where it starts and its text."""

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
            if lo >= end:
                break  # the pieces after the part
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


class NumberField(NamedTuple):
    """One occurrence of the license number: the front page's or a page header's."""

    field: Field
    role: str  # "front" (the first occurrence), "header" (a later page) or "watermark"
    parsed: LicenseNumber | None
    error: GrammarError | None


class DateField(NamedTuple):
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
class Business:
    """A business of the scope, with the qualifier in parentheses after it (仅限…, 不含…)."""

    name: Field
    qualifier: Field | None = None


@dataclass(slots=True)
class Scope:
    """The structure of a scope (see :mod:`liclint.text.scope`)."""

    businesses: list[Business] = field(default_factory=list)
    exclusions: list[Field] = field(default_factory=list)  # each name after 不含 (outside ())
    inclusions: list[Field] = field(default_factory=list)  # each name after a bare 含/包含/包括
    areas: list[Field] = field(default_factory=list)  # 全国, 浙江省…


@dataclass(slots=True)
class Attachment:
    """The 附页: the page listing the websites of an ICP license."""

    title: Field
    header: Field | None = None  # "…公司获准经营信息服务业务(…)相关信息"
    company: Field | None = None
    scope: Field | None = None
    scope_parts: Scope | None = None  # the structure of the granted scope in the header
    websites: list[Website] = field(default_factory=list)


@dataclass(slots=True)
class Watermark:
    """A note stamped on a copy: "仅供…使用 有效期至… 再次复印无效"."""

    usage: Field
    purpose: Field | None = None  # what the copy may be used for: the text between 仅供 and 使用
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
    """A license copy as the rules see it.

    ``lines`` are the *clean* lines (see :mod:`liclint.text.normalize`): OCR spacing, page furniture
    and markdown are gone. Every position in the model is a position in the clean lines;
    :meth:`source_span` maps it back to the original text, and :meth:`Rule.finding` does that for
    every finding.
    """

    path: str
    lines: list[str]  # the clean lines, without line endings
    folded: list[str]  # the same lines with full-width ASCII and dashes folded (same lengths)
    origin: Origin | None = None  # where each clean character came from (None: the same text)
    title: Field | None = None
    numbers: list[NumberField] = field(default_factory=list)
    company: Field | None = None
    legal_representative: Field | None = None
    scope: Field | None = None
    scope_parts: Scope | None = None  # businesses, qualifiers, exclusions and areas of the scope
    grant: Field | None = None  # the sentence "…特颁发(跨地区)增值电信业务经营许可证"
    cross_regional: Field | None = None  # the word 跨地区 in the grant sentence or title
    authority: Field | None = None  # after 发证机关, or else the first authority named elsewhere
    authorities: list[Field] = field(default_factory=list)  # every authority named (seal, note…)
    issue_date: DateField | None = None
    expiry_date: DateField | None = None
    attachment: Attachment | None = None
    #: the 发证日期 printed again on another page (the attachment's heading, a later page)
    issue_dates: list[DateField] = field(default_factory=list)
    #: the dates of copy-certification notes (本复印件与原件核对一致 … 2024年05月20日)
    certified: list[DateField] = field(default_factory=list)
    watermarks: list[Watermark] = field(default_factory=list)
    provisions: Provisions | None = None
    pages: list[int] = field(default_factory=lambda: [1])  # the first line of every page
    anchors: int = 0  # how many of the license's fixed labels and headings were found
    #: for a PDF or an image: where each line of the extracted text came from (liclint.reading.media.Line)
    media: tuple | None = None
    #: what rules derive from the model once and share (key: the deriving function's name)
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_license(self) -> bool:
        """Whether the text looks like a license copy at all: three or more fixed anchors, or a
        part of one alone (a partial copy): the special provisions pages, or the attachment
        (附页) with its websites."""
        return (
            self.anchors >= 3
            or (self.provisions is not None and len(self.provisions.clauses) >= 5)
            or (self.attachment is not None and len(self.attachment.websites) >= 1)
        )

    @property
    def has_front_page(self) -> bool:
        """Whether the copy includes the front page (正本) at all: a partial copy may not."""
        return any(
            x is not None for x in (self.title, self.company, self.legal_representative, self.scope)
        ) or any(d is not None for d in (self.issue_date, self.expiry_date))

    def source_span(self, span: Span) -> Span:
        """The span in the original text of a span in the clean lines."""
        if self.origin is None:
            return span
        return Span(*self.origin.span(span.line, span.column, span.end_line, span.end_column))

    def source_text(self, span: Span) -> str:
        """The original text of a span of the original lines (the whole line for an empty span)."""
        lines = self.origin.source if self.origin is not None else self.lines
        if not lines or not 1 <= span.line <= len(lines):
            return ""
        if (span.end_line, span.end_column) <= (span.line, span.column):
            return lines[span.line - 1].strip()
        if span.end_line == span.line:
            return lines[span.line - 1][span.column - 1 : span.end_column - 1]
        last = min(span.end_line, len(lines))
        parts = [lines[span.line - 1][span.column - 1 :], *lines[span.line : last - 1]]
        parts.append(lines[last - 1][: span.end_column - 1])
        return "\n".join(parts)

    def source_line(self, line: int) -> int:
        """The original line of a clean line."""
        return line if self.origin is None else self.origin.position(line, 1)[0]

    def clean_line(self, source: int) -> int:
        """The clean line of an original line (the nearest one before it, when normalisation
        dropped that line)."""
        best = 1
        for line in range(1, len(self.lines) + 1):
            if self.source_line(line) > source:
                break
            best = line
        return best

    @property
    def number(self) -> NumberField | None:
        """The license number as the front page gives it (the first occurrence)."""
        return self.numbers[0] if self.numbers else None


# -- JSON ----------------------------------------------------------------------------------------


def _field(f: Field | None, doc: Document) -> dict | None:
    if f is None:
        return None
    s = doc.source_span(f.span)
    return {
        "text": f.text,
        "line": s.line,
        "column": s.column,
        "end_line": s.end_line,
        "end_column": s.end_column,
    }


def _date(d: DateField | None, doc: Document) -> dict | None:
    if d is None:
        return None
    return {
        **_field(d.field, doc),
        "value": d.value.isoformat() if d.value else None,
        "error": d.error,
    }


def _number(n: NumberField, doc: Document) -> dict:
    parsed = n.parsed
    return {
        **_field(n.field, doc),
        "role": n.role,
        "normalized": parsed.normalized if parsed else None,
        "kind": parsed.kind if parsed else None,
        "error": n.error.message if n.error else None,
    }


def _clause(c: Clause, doc: Document) -> dict:
    out = {
        "numeral": c.numeral.text,
        "value": c.value,
        "line": doc.source_line(c.numeral.line),
        "end_line": doc.source_line(c.end_line),
        "text": c.text.text,
    }
    if c.items:
        out["items"] = [_clause(i, doc) for i in c.items]
    return out


def _scope(s: Scope | None, doc: Document) -> dict | None:
    if s is None:
        return None
    return {
        "businesses": [
            {"name": _field(b.name, doc), "qualifier": _field(b.qualifier, doc)}
            for b in s.businesses
        ],
        "exclusions": [_field(f, doc) for f in s.exclusions],
        "inclusions": [_field(f, doc) for f in s.inclusions],
        "areas": [_field(f, doc) for f in s.areas],
    }


def as_dict(doc: Document) -> dict:
    """The model as JSON-ready data: every field with its text and position, dates as ISO."""
    a, p = doc.attachment, doc.provisions
    return {
        "path": doc.path,
        "is_license": doc.is_license,
        "title": _field(doc.title, doc),
        "numbers": [_number(n, doc) for n in doc.numbers],
        "company": _field(doc.company, doc),
        "legal_representative": _field(doc.legal_representative, doc),
        "scope": _field(doc.scope, doc),
        "scope_parts": _scope(doc.scope_parts, doc),
        "grant": _field(doc.grant, doc),
        "cross_regional": _field(doc.cross_regional, doc),
        "authority": _field(doc.authority, doc),
        "authorities": [_field(f, doc) for f in doc.authorities],
        "issue_date": _date(doc.issue_date, doc),
        "expiry_date": _date(doc.expiry_date, doc),
        "attachment": None
        if a is None
        else {
            "title": _field(a.title, doc),
            "header": _field(a.header, doc),
            "company": _field(a.company, doc),
            "scope": _field(a.scope, doc),
            "scope_parts": _scope(a.scope_parts, doc),
            "websites": [
                {
                    "line": doc.source_line(w.line),
                    "name": _field(w.name, doc),
                    "domain": _field(w.domain, doc),
                    "server_location": _field(w.server_location, doc),
                    "access_provider": _field(w.access_provider, doc),
                }
                for w in a.websites
            ],
        },
        "issue_dates": [_date(d, doc) for d in doc.issue_dates],
        "certified": [_date(d, doc) for d in doc.certified],
        "watermarks": [
            {
                "usage": _field(w.usage, doc),
                "purpose": _field(w.purpose, doc),
                "valid_until": _date(w.valid_until, doc),
                "no_copy": _field(w.no_copy, doc),
            }
            for w in doc.watermarks
        ],
        "provisions": None
        if p is None
        else {
            "heading": _field(p.heading, doc),
            "preamble": _field(p.preamble, doc),
            "company": _field(p.company, doc),
            "clauses": [_clause(c, doc) for c in p.clauses],
        },
        "pages": [doc.source_line(p) for p in doc.pages],
    }
