"""TXT004: a traditional, Japanese or compatibility form of a character (増 for 增) is in the text.

Licenses are printed in simplified Chinese from a fixed template. 増 (the Japanese form of 增),
traditional forms (電, 證, 許…), CJK compatibility ideographs and Kangxi radicals (⼀ for 一) look
almost the same and betray text typed or converted outside the licensing system.
"""

import re

from liclint.grammar import VARIANTS, fold
from liclint.rule import Rule, Severity

from ._text import describe, key_fields, occurrences

_VARIANT = re.compile("[" + "".join(VARIANTS) + "\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


class VariantCharacter(Rule):
    code = "TXT004"
    name = "variant-character"
    severity = Severity.WARNING
    summary = "A variant form of a character (増, 電, ⼀…) instead of the simplified one (error in key fields)."
    rationale = """
        Genuine copies are printed in simplified characters. A look-alike variant in the fixed
        wording shows text retyped or pasted from another source; in a license number, date or
        company name it makes a different string look the same (error).
    """
    citation = "《通用规范汉字表》 (2013) simplified forms; Unicode CJK compatibility ideographs and Kangxi radicals."

    def check(self, doc, ctx):
        for span, char, inside in occurrences(doc, _VARIANT, key_fields(doc)):
            simple = fold(char)
            instead = f", written instead of '{simple}'" if simple != char else ""
            yield self.finding(
                doc,
                span,
                f"{describe(char)} '{char}' is a variant form{instead}",
                Severity.ERROR if inside else None,
            )
