"""TXT002 invisible-character: an invisible character (zero-width space, BOM…) is in the text."""

from liclint.checking.rule import Rule, Severity

from ._text import INVISIBLE, scan

#: What the rule looks for (a regex character class).
CHARACTERS = INVISIBLE


class InvisibleCharacter(Rule):
    code = "TXT002"
    name = "invisible-character"
    fix = "invisible character"
    severity = Severity.WARNING
    summary = "A zero-width or other invisible character is in the text (error in key fields)."
    rationale = """
        Zero-width spaces and joiners, the word joiner, a byte-order mark inside the text or a soft
        hyphen are invisible on screen. They split a number or name so that it no longer matches a
        lookup while looking unchanged, or hide a difference between two copies: inside a license
        number, date or company name that defeats lookups and comparisons (error); elsewhere they
        are still suspicious (warning). One character met again and again across the text, as a
        document converter or a PDF extractor leaves soft hyphens and zero-width spaces, is one
        info for the copy: liclint reads numbers, dates and domains without them.
    """
    citation = (
        "The Unicode Character Database: format characters (General_Category Cf) and "
        "Default_Ignorable_Code_Point (DerivedCoreProperties.txt, "
        "https://www.unicode.org/Public/UCD/latest/ucd/)."
    )
    source = "published-list"
    effective = None

    def check(self, doc, ctx):
        yield from scan(self, doc, CHARACTERS, "is an invisible character", spread_is_info=True)
