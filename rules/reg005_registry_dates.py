"""REG005: the issue or expiry date differs from the registry's row for the number.

The registry records when a license was issued and when it expires. A copy with another expiry
date was edited (a longer validity hides an expiring license); a copy with another issue date is
another issue of the license than the registry's current one — an older certificate, superseded
by a re-issue or a renewal, or an edited one. Dates are compared as calendar dates, whatever form
the copy and the export print them in.
"""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class RegistryDates(CrossRule):
    code = "REG005"
    name = "registry-dates"
    severity = Severity.ERROR
    summary = "The issue or expiry date differs from the registry's row for the number."
    rationale = """
        The registry's dates are the license's. Another expiry date on the copy is an edited
        validity; another issue date is a superseded certificate (ask for the current one) or an
        edited one.
    """
    citation = """
        The 电信业务市场综合管理信息系统 records every license (domain reference, regulation fact 7);
        re-issues and renewals (regulation facts 4–6).
    """

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
