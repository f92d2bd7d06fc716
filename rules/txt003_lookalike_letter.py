"""TXT003: a Cyrillic or Greek letter that looks like a Latin one is in a license number or domain.

``京В2-20181623`` with a Cyrillic В, or ``еxample.cn`` with a Cyrillic е, looks right and is not:
the number or domain cannot be found in any register. liclint reads such letters as their Latin
twins (so the other rules still work) and reports each one here.
"""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import LOOKALIKES, char_class

from ._text import describe, occurrences

#: What the rule looks for (a regex character class).
CHARACTERS = char_class(LOOKALIKES)


class LookalikeLetter(Rule):
    code = "TXT003"
    name = "lookalike-letter"
    severity = Severity.ERROR
    summary = "A Cyrillic or Greek look-alike letter in a license number or website domain."
    rationale = """
        License numbers and domains are written in Latin letters and digits. A Cyrillic or Greek
        letter that looks Latin makes a forged number or a phishing domain look genuine.
    """
    citation = "Unicode Technical Standard #39 (confusable characters); license number form (domain reference §5)."

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
