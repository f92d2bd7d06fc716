"""Character-level scanning for the TXT rules: where a character is, and what it is called."""

from __future__ import annotations

import re
import unicodedata

from liclint.model import Span
from liclint.rule import Severity


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE`` for a character."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def key_fields(doc):
    """The fields where tampering is an error: license numbers, dates and company names."""
    fields = [n.field for n in doc.numbers]
    fields += [d.field for d in (doc.issue_date, doc.expiry_date) if d is not None]
    fields += [f for f in (doc.company,) if f is not None]
    if doc.attachment is not None and doc.attachment.company is not None:
        fields.append(doc.attachment.company)
    if doc.provisions is not None and doc.provisions.company is not None:
        fields.append(doc.provisions.company)
    return fields


def _by_line(fields) -> dict[int, list[tuple[int, int]]]:
    ranges: dict[int, list[tuple[int, int]]] = {}
    for field in fields:
        for piece in field.pieces:
            ranges.setdefault(piece.line, []).append((piece.column, piece.column + len(piece.text)))
    return ranges


def occurrences(doc, pattern: re.Pattern[str], fields):
    """(span, character, inside) for every match of ``pattern``; inside = within ``fields``."""
    if not pattern.search("\n".join(doc.lines)):
        return  # one pass over the whole text first: most copies have none
    ranges = None
    for index, line in enumerate(doc.lines):
        for match in pattern.finditer(line):
            if ranges is None:
                ranges = _by_line(fields)
            lineno, column = index + 1, match.start() + 1
            inside = any(a <= column < b for a, b in ranges.get(lineno, ()))
            yield Span(lineno, column, lineno, column + 1), match.group()[0], inside


def scan(rule, doc, pattern: re.Pattern[str], what: str):
    """A finding for every match: an error inside key fields, the rule's severity elsewhere."""
    for span, char, inside in occurrences(doc, pattern, key_fields(doc)):
        place = " (inside a license number, date or company name)" if inside else ""
        severity = Severity.ERROR if inside else rule.severity
        yield rule.finding(doc, span, f"{describe(char)} {what}{place}", severity)
