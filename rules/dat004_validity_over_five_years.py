"""DAT004 validity-over-5-years: the license is valid for more than 5 years, counted to the day."""

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
        Value-added licenses, cross-regional and provincial, are valid for 5 years (genuine copies:
        exactly 5 years for new and renewed licenses, less for re-issues that keep the original
        expiry). A longer period, by even one day, means a date was altered to stretch the license.
        Five years from 29 February end on 28 February.
    """
    citation = (
        "信息产业部令第19号《电信业务经营许可证管理办法》 第十三条 and "
        "工业和信息化部令第42号《电信业务经营许可管理办法》: "
        "《跨地区增值电信业务经营许可证》和省、自治区、直辖市范围内的《增值电信业务经营许可证》的有效期为5年."
    )
    source = "regulation"
    effective = None

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
