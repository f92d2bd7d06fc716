"""The identity facts of one license copy: what the ledger remembers and cross-copy rules compare.

A copy's facts are its license number, company, legal representative, issue and expiry dates,
issuing authority, scope businesses, website domains and watermark purpose, each with where it
is printed (line and columns in the original text), and a digest of the file's bytes. They are
taken from the document model in the process that checked the file, so they travel with its
findings (to the cache, from a worker) and are small: no text of the copy besides these fields.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from liclint.text.grammar import token
from liclint.text.model import DateField, Document, Field


@dataclass(frozen=True, slots=True)
class Fact:
    """A value and where the copy prints it (positions in the original text, 1-based)."""

    value: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, doc: Document, f: Field | None, value: str | None = None) -> Fact | None:
        if f is None or not f.text.strip():
            return None
        s = doc.source_span(f.strip().span)
        return cls(value if value is not None else f.text.strip(), *_corners(s))


def _corners(span) -> tuple[int, int, int, int]:
    return span.line, span.column, span.end_line, span.end_column


@dataclass(frozen=True, slots=True)
class Facts:
    """The identity facts of one copy (see the module's documentation)."""

    digest: str  # of the file's bytes: the same copy checked twice is one ledger record
    number: Fact | None = None  # normalised: 浙B2-20230517
    company: Fact | None = None  # as printed
    legal_representative: Fact | None = None
    issue: Fact | None = None  # ISO date
    expiry: Fact | None = None  # ISO date
    authority: Fact | None = None
    businesses: tuple[Fact, ...] = ()
    domains: tuple[Fact, ...] = ()  # normalised: lower case, no www.
    watermark: Fact | None = None  # the purpose between 仅供 and 使用
    scope: Fact | None = None  # the business scope as printed (业务种类(服务项目)及覆盖范围)
    categories: tuple[str, ...] = field(default=())  # of the number: ("B1", "B2")
    prefix: str = ""  # of the number: the province (浙), 合字, or "" for the ministry's

    @property
    def company_key(self) -> str | None:
        return company_key(self.company.value) if self.company else None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: every fact as [value, line, column, end_line, end_column]."""
        return {
            "digest": self.digest,
            **{name: _list(getattr(self, name)) for name in _SINGLE},
            "businesses": [_list(f) for f in self.businesses],
            "domains": [_list(f) for f in self.domains],
            "categories": list(self.categories),
            "prefix": self.prefix,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Facts:
        return cls(
            digest=data["digest"],
            **{name: Fact(*data[name]) if data.get(name) else None for name in _SINGLE},
            businesses=tuple(Fact(*f) for f in data.get("businesses", ())),
            domains=tuple(Fact(*f) for f in data.get("domains", ())),
            categories=tuple(data.get("categories", ())),
            prefix=data.get("prefix", ""),
        )


_SINGLE = (
    "number",
    "company",
    "legal_representative",
    "issue",
    "expiry",
    "authority",
    "watermark",
    "scope",
)


def _list(fact: Fact | None) -> list | None:
    if fact is None:
        return None
    return [fact.value, fact.line, fact.column, fact.end_line, fact.end_column]


_BRACKETS = str.maketrans("（）【】〔〕［］｛｝", "()()()()()")


def text_key(text: str) -> str:
    """Text compared across copies: width folded (NFKC), whitespace removed, brackets made
    ASCII and the list marks 、，; made one ("," ) — as company_key, for longer fields."""
    return re.sub(r"[、，,;；]", ",", company_key(text))


def company_key(name: str) -> str:
    """A company name compared across copies: width folded (NFKC), whitespace removed, and every
    kind of bracket made ASCII — never fuzzy (two companies differing by one character differ)."""
    text = unicodedata.normalize("NFKC", token(name)).translate(_BRACKETS)
    return "".join(text.split())


_DOMAIN = re.compile(r"[^\s,，、;；/]+")  # a domain field may list several


def domain_key(domain: str) -> str:
    """A website domain compared across copies: lower case, without a leading ``www.`` or a
    trailing dot."""
    name = unicodedata.normalize("NFKC", domain).strip().lower().rstrip(".")
    return name.removeprefix("www.")


def _date(doc: Document, d: DateField | None) -> Fact | None:
    if d is None or d.value is None:
        return None
    return Fact.of(doc, d.field, d.value.isoformat())


def facts_of(doc: Document, digest: str) -> Facts:
    """The identity facts of a parsed copy."""
    number = doc.number
    parsed = number.parsed if number is not None else None
    scope = doc.scope_parts
    businesses = tuple(
        f for b in (scope.businesses if scope else ()) if (f := Fact.of(doc, b.name)) is not None
    )
    domains: list[Fact] = []
    if doc.attachment is not None:
        for site in doc.attachment.websites:
            if site.domain is None:
                continue
            text = site.domain.text
            for m in _DOMAIN.finditer(text):
                key = domain_key(m.group())
                if "." in key:
                    s = doc.source_span(site.domain.span_at(m.start(), m.end()))
                    domains.append(Fact(key, *_corners(s)))
    purpose = next((w.purpose for w in doc.watermarks if w.purpose is not None), None)
    return Facts(
        digest=digest,
        number=Fact.of(doc, number.field, parsed.normalized) if parsed else None,
        company=Fact.of(doc, doc.company),
        legal_representative=Fact.of(doc, doc.legal_representative),
        issue=_date(doc, doc.issue_date),
        expiry=_date(doc, doc.expiry_date),
        authority=Fact.of(doc, doc.authority),
        businesses=businesses,
        domains=tuple(domains),
        watermark=Fact.of(doc, purpose),
        scope=Fact.of(doc, doc.scope),
        categories=parsed.categories if parsed else (),
        prefix=(parsed.prefix or "") if parsed else "",
    )
