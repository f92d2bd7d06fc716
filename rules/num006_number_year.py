"""NUM006: the year in the number is later than the issue date's year, or before 2000.

The 4 digits after the hyphen (or the first two of a legacy ICP证 number) are the year the number
was first issued. A renewal or re-issue keeps the number, so its year can be earlier than the
issue date but never later; licensing under the 电信条例 began in 2000.
"""

from liclint.checking.rule import Rule, Severity


class NumberYear(Rule):
    code = "NUM006"
    name = "number-year"
    severity = Severity.ERROR
    summary = "The number's year is after the issue date's year, or before 2000."
    rationale = """
        A number cannot have been issued after the license that carries it: a number year later
        than 发证日期 means the number or the date was changed. Numbers are kept across renewals,
        so an earlier year is normal; a year before 2000 predates value-added licensing.
    """
    citation = (
        "《中华人民共和国电信条例》 (2000) and the number form YYYYNNNN / ICP证YYNNNN "
        "(domain reference §5, C4; all genuine copies)."
    )

    def check(self, doc, ctx):
        number = doc.number
        if number is None or number.parsed is None or number.parsed.year is None:
            return
        year = number.parsed.year
        if year < 2000:
            yield self.finding(doc, number.field, f"the number's year {year} is before 2000")
        issue = doc.issue_date
        if issue is not None and issue.value is not None and year > issue.value.year:
            yield self.finding(
                doc,
                number.field,
                f"the number's year {year} is later than the issue date {issue.value.isoformat()} "
                f"(line {doc.source_line(issue.field.line)})",
            )
