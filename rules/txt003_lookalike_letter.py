"""TXT003 lookalike-letter: a Cyrillic or Greek look-alike letter in a license number or domain."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import LOOKALIKES

from ._text import LOOKALIKE_LETTERS, describe, occurrences

#: What the rule looks for (a regex character class).
CHARACTERS = LOOKALIKE_LETTERS


class LookalikeLetter(Rule):
    code = "TXT003"
    name = "lookalike-letter"
    severity = Severity.ERROR
    summary = "A Cyrillic or Greek look-alike letter in a license number or website domain."
    rationale = """
        License numbers and domains are written in Latin letters and digits. A Cyrillic or Greek
        letter that looks Latin (京В2-20181623 with a Cyrillic В, еxample.cn with a Cyrillic е)
        makes a forged number or a phishing domain look genuine, and cannot be found in any
        register. liclint reads such letters as their Latin twins, so that the other rules still
        work, and reports each one here.
    """
    citation = (
        "Unicode Technical Standard #39, Unicode Security Mechanisms: confusables.txt "
        "(https://www.unicode.org/Public/security/latest/confusables.txt); license numbers are "
        "printed in Latin letters and digits."
    )
    source = "published-list"
    effective = None

    def check(self, doc, ctx):
        fields = [n.field for n in doc.numbers]
        if doc.attachment is not None:
            fields += [s.domain for s in doc.attachment.websites if s.domain is not None]
        for span, char, inside in occurrences(doc, CHARACTERS, fields):
            if inside and char in LOOKALIKES:
                yield self.finding(
                    doc,
                    span,
                    f"{describe(char)} looks like the Latin '{LOOKALIKES[char]}' in a license number or domain",
                )
