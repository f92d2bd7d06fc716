"""What a rule is: metadata, a check over the document model, and the findings it reports."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .model import Document, Field, Span


class Severity(enum.Enum):
    """How bad a finding is: error = a clear violation, warning = likely wrong, info = worth knowing."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


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


@dataclass(frozen=True, slots=True)
class Option:
    """A setting a rule reads from the run's context, with its default and meaning."""

    default: Any
    help: str


@dataclass(frozen=True, slots=True)
class Context:
    """What a run knows besides the document: the date taken as today and rule options."""

    as_of: dt.date
    options: Mapping[str, Any] = field(default_factory=dict)


_CODE = re.compile(r"[A-Z]{2,5}[0-9]{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Rule:
    """Base class of every rule. A rule module defines one subclass and fills in the metadata.

    ``check`` reads the document model and yields findings made with :meth:`finding`. ``applies``
    says whether the rule has anything to say about a document at all (not applicable is not a
    pass); by default a rule applies to every text that looks like a license.
    """

    code: ClassVar[str]  # family prefix + number, e.g. "NUM001"
    name: ClassVar[str]  # kebab-case, e.g. "malformed-number"
    severity: ClassVar[Severity]
    summary: ClassVar[str]  # one line: what it finds
    rationale: ClassVar[str]  # why that is a problem, for `liclint explain`
    citation: ClassVar[str]  # the regulation, template clause or other source behind the rule
    options: ClassVar[Mapping[str, Option]] = {}
    plugin: ClassVar[str] = ""  # the plugin that registered the rule (set when loading)

    def applies(self, doc: Document) -> bool:
        return doc.is_license

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def option(self, ctx: Context, name: str) -> Any:
        return ctx.options.get(name, self.options[name].default)

    def finding(
        self,
        doc: Document,
        where: Field | Span | int,
        message: str,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding at a field, a span, or (an int) a whole line, all in the clean lines' positions;
        the finding points at the same place in the original text."""
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
            if origin.confidence is not None and origin.confidence < LOW_CONFIDENCE:
                message += (
                    f"; OCR read this line with confidence {origin.confidence:.2f}, so the text "
                    "may be misread: check it on the original"
                )
        return Finding(
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
        )

    @classmethod
    def metadata_errors(cls) -> list[str]:
        """What is wrong with this rule's metadata (empty if nothing): checked when loading."""
        errors = []
        for attr in ("code", "name", "severity", "summary", "rationale", "citation"):
            if not getattr(cls, attr, None):
                errors.append(f"{cls.__qualname__} has no {attr}")
        if getattr(cls, "code", None) and not _CODE.fullmatch(cls.code):
            errors.append(
                f"{cls.__qualname__}: code {cls.code!r} is not a family prefix + 3 digits"
            )
        if getattr(cls, "name", None) and not _NAME.fullmatch(cls.name):
            errors.append(f"{cls.__qualname__}: name {cls.name!r} is not kebab-case")
        if getattr(cls, "severity", None) and not isinstance(cls.severity, Severity):
            errors.append(f"{cls.__qualname__}: severity must be a Severity")
        return errors
