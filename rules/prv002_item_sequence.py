"""PRV002: the sub-items (一)… of clause 十五 are missing, repeated or out of order.

Clause 十五 has the sub-items (一)…(十四) (templates A and C) or (一)…(十三) (template B, whose
(十) holds three paragraphs).
"""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import numeral

from ._provisions import sequence_problems


class ItemSequence(Rule):
    code = "PRV002"
    name = "item-sequence"
    severity = Severity.ERROR
    summary = "Sub-items (一)…(十三)/(十四) of clause 十五 are missing, repeated or out of order."
    rationale = """
        The sub-items of clause 十五 set the rules of each kind of information service. A removed
        sub-item (for example the one on search or instant messaging) silently lifts an
        obligation; repeated or reordered ones show a pasted text.
    """
    citation = (
        "All template versions of 特别规定事项: 十五 has (一)…(十四), or (一)…(十三) in template B."
    )

    def check(self, doc, ctx):
        provisions = doc.provisions
        if provisions is None:
            return
        fifteen = next((c for c in provisions.clauses if c.value == 15), None)
        if fifteen is None:
            return  # PRV001 reports the missing clause
        name = lambda v: f"sub-item ({numeral(v)})"  # noqa: E731
        for node, message in sequence_problems(fifteen.items, (13, 14), name):
            where = node.numeral if node else fifteen.end_line
            yield self.finding(doc, where, f"clause 十五: {message}")
