"""PRV001: clauses 一…十五 of the special provisions are missing, repeated or out of order.

Every known version of 特别规定事项 has exactly the clauses 一 to 十五 in order.
"""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import numeral

from ._provisions import sequence_problems


class ClauseSequence(Rule):
    code = "PRV001"
    name = "clause-sequence"
    severity = Severity.ERROR
    summary = "Clauses 一…十五 of 特别规定事项 are missing, repeated or out of order."
    rationale = """
        The special provisions are part of the license and are printed whole. A missing clause
        (often one that restricts the business) or a repeated or reordered one shows that the text
        was cut, pasted or rewritten. A copy without the provisions pages at all is a partial copy
        (pages missing from the copy are not an error of the license): reported as info.
    """
    citation = "信息产业部令第19号 第十二条: the license's 附件 include 特别规定事项; all template versions: clauses 一…十五."

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
            yield self.finding(doc, node.numeral if node else last, message)
