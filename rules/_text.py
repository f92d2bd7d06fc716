"""Character-level scanning for the TXT rules: where a character is, and what it is called."""

from __future__ import annotations

import functools
import re
import unicodedata

from liclint.checking.rule import Severity
from liclint.text.grammar import LOOKALIKES, VARIANTS, char_class
from liclint.text.model import Span


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


#: The characters each TXT rule looks for (regex character classes), kept here so that one
#: search of a copy finds those of every rule (most copies have none).
BIDI_CONTROLS = "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
INVISIBLE = "[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e\u034f\u115f\u1160\u3164\uffa0]"
LOOKALIKE_LETTERS = char_class(LOOKALIKES)
VARIANT_FORMS = char_class(
    {*VARIANTS, *map(chr, range(0x2E80, 0x2FE0)), *map(chr, range(0xF900, 0xFB00))}
)


@functools.cache
def _watched() -> re.Pattern[str]:
    """Every character a TXT rule looks for, as one pattern (an alternation of character classes
    compiles to a single class); each rule's own class is compiled only when one is found."""
    return re.compile("|".join((BIDI_CONTROLS, INVISIBLE, LOOKALIKE_LETTERS, VARIANT_FORMS)))


def present(doc, characters: str) -> bool:
    """Whether ``characters`` (a regex character class) match anywhere in the text. The first call for
    a document finds, in one search of the whole text, the characters any TXT rule looks for
    (most copies have none); every TXT rule then tests only those."""
    found = doc.memo.get("txt_characters")
    if found is None:
        found = frozenset(_watched().findall("\n".join(doc.lines)))
        doc.memo["txt_characters"] = found
    return any(re.fullmatch(characters, char) for char in found)


def occurrences(doc, characters: str, fields):
    """(span, character, inside) for every character of ``characters`` (a regex character
    class) in the text; inside = within ``fields``."""
    if not present(doc, characters):
        return  # most copies have none
    pattern = re.compile(characters)
    ranges = None
    for index, line in enumerate(doc.lines):
        for match in pattern.finditer(line):
            if ranges is None:
                ranges = _by_line(fields)
            lineno, column = index + 1, match.start() + 1
            inside = any(a <= column < b for a, b in ranges.get(lineno, ()))
            yield Span(lineno, column, lineno, column + 1), match.group()[0], inside


#: A character met this many times, on two lines or more, is spread across the text.
SPREAD = 3


def scan(rule, doc, characters: str, what: str, spread_is_info: bool = False):
    """One finding per character of ``characters`` (a regex character class) that the text
    holds, at its first place, counting and listing the others (one cause, one finding): an
    error when it sits inside a key field, the rule's severity elsewhere. ``spread_is_info``: a
    character spread across the text (SPREAD times or more, on two lines or more), as a
    converter or a PDF extractor leaves it, is one info for the copy instead."""
    by_char: dict[str, list] = {}
    for span, char, inside in occurrences(doc, characters, key_fields(doc)):
        by_char.setdefault(char, []).append((span, inside))
    for char, places in by_char.items():
        lines = sorted({doc.source_line(span.line) for span, _ in places})
        where = ", ".join(map(str, lines[:8])) + ("…" if len(lines) > 8 else "")
        count = f"{len(places)} times, on lines {where}" if len(places) > 1 else ""
        if spread_is_info and len(places) >= SPREAD and len(lines) >= 2:
            yield rule.finding(
                doc,
                places[0][0],
                f"{describe(char)} {what}, {count}: spread across the text as a converter or a "
                "PDF extractor leaves it; it does not change what is read",
                Severity.INFO,
            )
            continue
        inside = [span for span, is_inside in places if is_inside]
        at = inside[0] if inside else places[0][0]
        place = " (inside a license number, date or company name)" if inside else ""
        severity = Severity.ERROR if inside else rule.severity
        message = f"{describe(char)} {what}{place}" + (f" ({count})" if count else "")
        yield rule.finding(doc, at, message, severity)
