"""NUM006 number-year: the year in the number is later than the issue date's year, or before 2000."""

from liclint.checking.rule import Rule, Severity


class NumberYear(Rule):
    code = "NUM006"
    name = "number-year"
    severity = Severity.ERROR
    summary = "The number's year is after the issue date's year, or before 2000."
    rationale = """
        The 4 digits after the hyphen (or the first two of a legacy ICP证 number) are the year the
        number was first issued. A renewal or re-issue keeps the number, so its year can be earlier
        than the issue date but never later: a number year after 发证日期 means the number or the
        date was changed. Licensing under the 电信条例 began in 2000, so a year before 2000 predates
        value-added licensing.
    """
    citation = (
        "《中华人民共和国电信条例》(国务院令第291号, in force 2000-09-25), under which value-added "
        "licensing began; the number forms YYYYNNNN and ICP证YYNNNN as printed on licenses and in "
        "published license lists."
    )
    source = "practice"
    effective = None

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
