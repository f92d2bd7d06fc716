"""TXT001 bidi-control: a bidirectional control character is in the text."""

from liclint.checking.rule import Rule, Severity

from ._text import BIDI_CONTROLS, scan

#: What the rule looks for (a regex character class).
CHARACTERS = BIDI_CONTROLS


class BidiControl(Rule):
    code = "TXT001"
    name = "bidi-control"
    fix = "bidi control"
    severity = Severity.WARNING
    summary = (
        "A bidirectional control character hides the real order of the text (error in key fields)."
    )
    rationale = """
        Bidirectional controls — the embeddings, overrides and isolates (U+202A–U+202E,
        U+2066–U+2069) and the invisible directional marks (U+200E LRM, U+200F RLM, U+061C ALM) —
        reorder how text is displayed without changing what it says to a program: a number can look
        like 京B2-20181623 on screen and be something else underneath (the "Trojan Source"
        technique), and the marks move the digits and punctuation around them. Genuine copies never
        contain them. In a license number, date or company name that is tampering (error); elsewhere
        it still has no business in a license copy (warning).
    """
    citation = (
        "Unicode Standard Annex #9, Unicode Bidirectional Algorithm "
        "(https://www.unicode.org/reports/tr9/): the explicit directional formatting characters "
        "and the implicit marks; CVE-2021-42574 (Trojan Source)."
    )
    source = "published-list"
    effective = None

    def check(self, doc, ctx):
        yield from scan(
            self,
            doc,
            CHARACTERS,
            "is a bidirectional control: what is displayed is not what is written",
        )
