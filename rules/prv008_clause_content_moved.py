"""PRV008 clause-content-moved: a clause keeps its numeral but carries the text of another clause."""

import datetime as dt

from liclint.checking.rule import Rule, Severity

from ._provisions import borrowed_from, comparison, units


class ClauseContentMoved(Rule):
    code = "PRV008"
    name = "clause-content-moved"
    severity = Severity.ERROR
    summary = "A clause or sub-item carries the text of another clause of the template."
    rationale = """
        Each numeral of the special provisions has its own text: 三 is the ban on building
        transmission facilities, 六 the network-security order (令第11号), 七 the user-information
        order (令第24号)… Swapping two clauses, or pasting one clause's text over another, leaves
        every numeral in place, so a count of the clauses sees nothing; but the obligation of the
        overwritten clause is gone and the order of the template is broken. The text is compared
        with every clause of the template; a clause far from its own text and close to another's is
        reported with both named. The known versions of the provisions cite 工业和信息化部令第24号
        (in force 2013-09-01): a license issued before that date had other provisions, which this
        rule does not judge.
    """
    citation = (
        "The 特别规定事项 of the license template: the text of each clause 一…十五 and of each "
        "sub-item of 十五."
    )
    source = "template"
    effective = dt.date(2013, 9, 1)

    def check(self, doc, ctx):
        for label, table, key, unit in units(doc):
            other = borrowed_from(unit.text.text, table, key)
            if other is None:
                continue
            where = f"clause {other}" if table == "clauses" else f"clause 十五({other})"
            yield self.finding(
                doc,
                unit.numeral,
                f"{label} carries the text of {where} of the template, not its own",
                comparison=comparison(label, table, key, unit),
            )
