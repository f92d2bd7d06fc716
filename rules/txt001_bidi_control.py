"""TXT001: a bidirectional control character is in the text: an embedding, override or isolate
(U+202A–U+202E, U+2066–U+2069) or an implicit directional mark (U+200E LRM, U+200F RLM, U+061C
ALM).

Bidi controls reorder how text is displayed without changing what it says to a program: a number
can look like 京B2-20181623 on screen and be something else underneath (the "Trojan Source"
technique). The marks are invisible too and move the digits and punctuation around them. Genuine
copies never contain them.
"""

from liclint.checking.rule import Rule, Severity

from ._text import scan

#: What the rule looks for (a regex character class).
CHARACTERS = "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"


class BidiControl(Rule):
    code = "TXT001"
    name = "bidi-control"
    severity = Severity.WARNING
    summary = (
        "A bidirectional control character hides the real order of the text (error in key fields)."
    )
    rationale = """
        Bidirectional override and isolate characters, and the invisible directional marks (LRM,
        RLM, ALM), make the displayed text differ from the stored text. In a license number, date or company name that is tampering (error);
        elsewhere it still has no business in a license copy (warning).
    """
    citation = (
        "Unicode Standard Annex #9 (bidirectional algorithm); CVE-2021-42574 (Trojan Source)."
    )

    def check(self, doc, ctx):
        yield from scan(
            self,
            doc,
            CHARACTERS,
            "is a bidirectional control: what is displayed is not what is written",
        )
