"""DAT005 issued-in-future: the issue date lies after the as-of date (--as-of, default today)."""

from liclint.checking.rule import Rule, Severity


class IssuedInFuture(Rule):
    code = "DAT005"
    name = "issued-in-future"
    severity = Severity.ERROR
    summary = "The issue date (发证日期) is after the as-of date."
    rationale = """
        A copy cannot show a license issued after the day it is checked (the as-of date: --as-of, by
        default today). A future issue date was typed by hand, often to make an expired license look
        recent.
    """
    citation = "The license template: 发证日期 is the day the license was issued."
    source = "template"
    effective = None

    def check(self, doc, ctx):
        issue = doc.issue_date
        if issue is not None and issue.value is not None and issue.value > ctx.as_of:
            yield self.finding(
                doc,
                issue.field,
                f"the issue date {issue.value.isoformat()} is after the as-of date {ctx.as_of.isoformat()}",
            )
