"""DAT004: the license is valid for more than 5 years, counted to the day.

Value-added telecom business licenses are valid for 5 years. A re-issued license keeps its
original expiry date, so shorter periods are normal; longer ones are not, by even one day. Five
years from 29 February end on 28 February.
"""

import datetime as dt

from liclint.checking.rule import Rule, Severity


def number_year(doc):
    number = doc.number
    return number.parsed.year if number is not None and number.parsed is not None else None


def five_years_after(day: dt.date) -> dt.date:
    """The same day five years later; 29 February becomes the 28th (as dateutil's relativedelta
    adds years; importing it cost every start 2 ms)."""
    try:
        return day.replace(year=day.year + 5)
    except ValueError:
        return day.replace(year=day.year + 5, day=28)


class ValidityOverFiveYears(Rule):
    code = "DAT004"
    name = "validity-over-5-years"
    severity = Severity.ERROR
    summary = "The expiry date is more than 5 years after the issue date (to the day)."
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
        limit = five_years_after(issue.value)
        if expiry.value > limit:
            over = (expiry.value - limit).days
            kind = (
                "a new or renewed license runs exactly 5 years"
                if number_year(doc) in (None, issue.value.year)
                else "a re-issued license keeps the original expiry, which is earlier still"
            )
            yield self.finding(
                doc,
                expiry.field,
                f"valid from {issue.value.isoformat()} to {expiry.value.isoformat()}: {over} day"
                f"{'s' if over != 1 else ''} more than 5 years (the last possible day is "
                f"{limit.isoformat()}); 增值电信业务经营许可证有效期为5年 ({kind})",
            )
