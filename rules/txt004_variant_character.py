"""TXT004 variant-character: a traditional, Japanese or compatibility form of a character (増 for 增)."""

import re

from liclint.checking.rule import Rule, Severity
from liclint.text import labels
from liclint.text.grammar import VARIANTS, fold
from liclint.text.model import Field

from ._text import SPREAD, VARIANT_FORMS, describe, key_fields, occurrences, present

#: What the rule looks for (a regex character class).
CHARACTERS = VARIANT_FORMS


_LABEL = re.compile("[ \t#]*(" + "|".join((*labels.LABELS, labels.PROVISIONS)) + ")")


def _labels(doc):
    """The labels of the copy (on folded text, so a label with a variant character is found)."""
    found = []
    for index, line in enumerate(doc.folded):
        match = _LABEL.match(line)
        if match:
            found.append(
                Field.one(
                    index + 1, match.start(1) + 1, doc.lines[index][match.start(1) : match.end(1)]
                )
            )
    return found


class VariantCharacter(Rule):
    code = "TXT004"
    name = "variant-character"
    severity = Severity.WARNING
    summary = "A variant form of a character (増, 電, ⼀, ニ…) instead of the simplified one (error in fixed wording and key fields)."
    rationale = """
        Licenses are printed in simplified Chinese from a fixed template. 増 (the Japanese form of
        增), traditional forms (電, 證, 許…), CJK compatibility ideographs and Kangxi radicals (⼀
        for 一) look almost the same and betray text retyped, pasted or converted outside the
        licensing system. In the fixed wording (the title, a label, the attachment heading, the
        issuing authority) or in a license number, date or company name such a variant makes a
        forged text look genuine (error); elsewhere it is a warning. The variants come from
        published data: OpenCC's traditional, Japanese and compatibility tables, and Unicode's
        confusables.
    """
    citation = (
        "《通用规范汉字表》(国务院, 2013) for the standard simplified forms; OpenCC's conversion "
        "tables (https://github.com/BYVoid/OpenCC); the Unicode blocks CJK Compatibility "
        "Ideographs and Kangxi Radicals."
    )
    source = "published-list"
    effective = None

    def check(self, doc, ctx):
        if not present(doc, CHARACTERS):
            return
        fixed = [f for f in (doc.title, doc.attachment and doc.attachment.title) if f is not None]
        fixed += doc.authorities + _labels(doc)
        by_char: dict[str, list] = {}
        for span, char, inside in occurrences(doc, CHARACTERS, key_fields(doc) + fixed):
            if ord(char) > 0xFFFF and char not in VARIANTS and not 0x2F800 <= ord(char) < 0x2FA20:
                continue
            by_char.setdefault(char, []).append((span, inside))
        # compatibility forms (Kangxi radicals, CJK compatibility ideographs) spread across the
        # text are how a PDF extractor maps a font's glyphs: one info for the copy
        compat = {c: p for c, p in by_char.items() if _compatibility(c)}
        places = [place for p in compat.values() for place in p]
        lines = {span.line for span, _ in places}
        if len(places) >= SPREAD and len(lines) >= 2:
            forms = ", ".join(f"{c} for {fold(c)}" for c in sorted(compat)[:6])
            yield self.finding(
                doc,
                min(span for span, _ in places),
                f"{len(places)} compatibility forms of characters ({forms}) across the text, on "
                f"{len(lines)} lines: as a PDF extractor maps a font's glyphs; they read as the "
                "plain characters",
                Severity.INFO,
            )
            by_char = {c: p for c, p in by_char.items() if c not in compat}
        for char, found in by_char.items():
            inside = [span for span, is_inside in found if is_inside]
            span = inside[0] if inside else found[0][0]
            simple = fold(char)
            instead = f", written instead of '{simple}'" if simple != char else ""
            more = f" ({len(found)} times)" if len(found) > 1 else ""
            yield self.finding(
                doc,
                span,
                f"{describe(char)} '{char}' is a variant form{instead}{more}",
                Severity.ERROR if inside else None,
            )


def _compatibility(char: str) -> bool:
    """Whether ``char`` is a compatibility form whose NFKC decomposition is one plain character."""
    import unicodedata

    plain = unicodedata.normalize("NFKC", char)
    return len(plain) == 1 and plain != char
