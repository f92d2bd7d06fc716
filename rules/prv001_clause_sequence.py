"""PRV001 clause-sequence: clauses 一…十五 of the provisions are missing, repeated or out of order."""

import datetime as dt

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import numeral

from ._provisions import sequence_problems


class ClauseSequence(Rule):
    code = "PRV001"
    name = "clause-sequence"
    severity = Severity.ERROR
    summary = "Clauses 一…十五 of 特别规定事项 are missing, repeated or out of order."
    rationale = """
        The special provisions (特别规定事项) are part of the license and are printed whole; every
        known version has exactly the clauses 一 to 十五, in order. A missing clause (often one that
        restricts the business) or a repeated or reordered one shows that the text was cut, pasted
        or rewritten. A copy without the provisions pages at all is a partial copy (pages missing
        from the copy are not an error of the license): reported as info. The known versions of the
        provisions cite 工业和信息化部令第24号 (in force 2013-09-01): a license issued before that
        date had other provisions, which this rule does not judge.
    """
    citation = (
        "信息产业部令第19号《电信业务经营许可证管理办法》 第十二条: the 附件 of a license include "
        "特别规定事项; the 特别规定事项 of the license template, clauses 一…十五, as printed on "
        "licenses issued since 工业和信息化部令第24号 took effect (2013-09-01)."
    )
    source = "template"
    effective = dt.date(2013, 9, 1)

    def check(self, doc, ctx):
        provisions = doc.provisions
        if provisions is None:
            where = doc.numbers[-1].field if doc.numbers else 1
            yield self.finding(
                doc,
                where,
                "the copy has no special provisions (特别规定事项) pages: a partial copy; ask for the "
                "whole license before relying on it",
                Severity.INFO,
            )
            return
        last = provisions.clauses[-1].end_line if provisions.clauses else provisions.heading.line
        for node, message in sequence_problems(
            provisions.clauses, (15,), lambda v: f"clause {numeral(v)}"
        ):
            missing = "missing" in message  # a numeral OCR did not read leaves its clause out
            yield self.finding(
                doc,
                node.numeral if node else last,
                message,
                unread="the clause's numeral may be there but not read" if missing else None,
            )
