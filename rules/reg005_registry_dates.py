"""REG005 registry-dates: the issue or expiry date differs from the registry's row for the number."""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class RegistryDates(CrossRule):
    code = "REG005"
    name = "registry-dates"
    severity = Severity.ERROR
    summary = "The issue or expiry date differs from the registry's row for the number."
    rationale = """
        The registry records when a license was issued and when it expires. A copy with another
        expiry date was edited (a longer validity hides an expiring license); a copy with another
        issue date is another issue than the registry's current one — an older certificate,
        superseded by a re-issue or a renewal (ask for the current one), or an edited one. Dates are
        compared as calendar dates, whatever form the copy and the export print them in.
    """
    citation = (
        "The issue and expiry dates the 电信业务市场综合管理信息系统 publishes "
        "(工业和信息化部令第42号《电信业务经营许可管理办法》 第三条); renewals and re-issues after "
        "a change (第二十七至二十九条)."
    )
    source = "published-list"
    effective = None

    def check(self, copy, related, ctx):
        row, mine = related.registry, copy.facts
        if row is None:
            return
        for label, fact, theirs in (
            ("issue date", mine.issue, row.issue),
            ("expiry date", mine.expiry, row.expiry),
        ):
            if fact and theirs and fact.value != theirs:
                yield self.finding(
                    copy,
                    fact,
                    f"the registry ({row.source}) gives license {row.number} the {label} "
                    f"{theirs}, not {fact.value}",
                    row,
                )
