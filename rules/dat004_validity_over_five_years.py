"""DAT004: the license is valid for more than 5 years.

Value-added telecom business licenses are valid for 5 years. A re-issued license keeps its
original expiry date, so shorter periods are normal; longer ones are not.
"""

from dateutil.relativedelta import relativedelta

from liclint.rule import Rule, Severity


class ValidityOverFiveYears(Rule):
    code = "DAT004"
    name = "validity-over-5-years"
    severity = Severity.ERROR
    summary = "The expiry date is more than 5 years after the issue date."
    rationale = """
        The validity of a value-added license is 5 years (genuine copies: exactly 5 years for new
        and renewed licenses, less for re-issues that keep the original expiry). A longer period
        means a date was altered to stretch the license.
    """
    citation = (
        "信息产业部令第19号 第十三条; 工业和信息化部令第42号: 增值电信业务经营许可证有效期为5年."
    )

    def check(self, doc, ctx):
        issue, expiry = doc.issue_date, doc.expiry_date
        if issue is None or expiry is None or issue.value is None or expiry.value is None:
            return
        limit = issue.value + relativedelta(years=5, days=1)
        if expiry.value > limit:
            yield self.finding(
                doc,
                expiry.field,
                f"valid from {issue.value.isoformat()} to {expiry.value.isoformat()}: more than "
                "the 5 years a value-added license is valid",
            )
