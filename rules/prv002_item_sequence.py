"""PRV002 item-sequence: the sub-items (一)… of clause 十五 are missing, repeated or out of order."""

import datetime as dt

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import numeral

from ._provisions import sequence_problems


class ItemSequence(Rule):
    code = "PRV002"
    name = "item-sequence"
    severity = Severity.ERROR
    summary = "Sub-items (一)…(十三)/(十四) of clause 十五 are missing, repeated or out of order."
    rationale = """
        Clause 十五 sets the rules of each kind of information service in sub-items: (一)…(十四), or
        (一)…(十三) in the version whose (十) holds three paragraphs. A removed sub-item (for
        example the one on search or instant messaging) silently lifts an obligation; repeated or
        reordered ones show a pasted text. The known versions of the provisions cite
        工业和信息化部令第24号 (in force 2013-09-01): a license issued before that date had other
        provisions, which this rule does not judge.
    """
    citation = (
        "The 特别规定事项 of the license template, clause 十五: sub-items (一)…(十四), or "
        "(一)…(十三) where (十) holds three paragraphs."
    )
    source = "template"
    effective = dt.date(2013, 9, 1)

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
            yield self.finding(
                doc,
                where,
                f"clause 十五: {message}",
                unread="the sub-item's numeral may be there but not read"
                if "missing" in message
                else None,
            )
