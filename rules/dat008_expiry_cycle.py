"""DAT008 expiry-cycle: the expiry year minus the number's year is not a multiple of 5."""

from liclint.checking.rule import Rule, Severity


class ExpiryCycle(Rule):
    code = "DAT008"
    name = "expiry-cycle"
    severity = Severity.WARNING
    summary = "The expiry year is not the number's year plus a multiple of 5."
    rationale = """
        A license is valid for 5 years and keeps its number when renewed (another 5 years) or
        re-issued after a change (same expiry date), so licenses run in 5-year cycles from the year
        in their number: the expiry year is the number's year plus 5, 10, 15… An expiry year off
        that cycle suggests that the number or the expiry date was changed. No statute states it and
        every genuine copy seen follows it: weaker evidence than the other date rules, a warning.
    """
    citation = (
        "Genuine copies, new, renewed and re-issued (expiry year − number year = 5, 10 or 15; 20YY "
        "for a 京ICP证YY… number), following the 5-year validity and the renewal of "
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十七条."
    )
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        number, expiry = doc.number, doc.expiry_date
        if number is None or number.parsed is None or number.parsed.year is None:
            return
        if expiry is None or expiry.value is None:
            return
        gap = expiry.value.year - number.parsed.year
        if gap <= 0 or gap % 5:
            yield self.finding(
                doc,
                expiry.field,
                f"expiry year {expiry.value.year} is {_years(gap)} the number's year "
                f"{number.parsed.year}; licenses run in 5-year cycles from the number's year",
            )


def _years(gap: int) -> str:
    """'3 years after', '1 year before', 'the same year as'."""
    if gap == 0:
        return "the same year as"
    count = abs(gap)
    return f"{count} year{'s' if count != 1 else ''} {'after' if gap > 0 else 'before'}"
