"""REG002: the company, a date or the authority differs from the registry's row for the number.

The registry is the authority's record of a license: its holder, issue and expiry dates and
issuing authority. A copy that disagrees with it was edited (another company put on a genuine
license, a longer validity), or is an older issue than the registry's (the issue date then differs:
ask for the current certificate). Companies and authorities are compared with widths, spaces and
brackets normalised.
"""

from liclint.cross import CrossRule, same_authority
from liclint.facts import company_key
from liclint.rule import Severity


class RegistryMismatch(CrossRule):
    code = "REG002"
    name = "registry-mismatch"
    severity = Severity.ERROR
    summary = "The company, issue date, expiry date or authority differs from the registry's row."
    rationale = """
        The registry records who holds a license number and when it was issued and expires. A
        copy naming another company is the forgery a copy alone cannot show; other dates are an
        edited validity or an outdated certificate.
    """
    citation = """
        The 电信业务市场综合管理信息系统 records every license (domain reference, regulation fact 7);
        《电信业务经营许可管理办法》(工业和信息化部令第42号) arts. 28–29 (changes are recorded).
    """

    def check(self, copy, related, ctx):
        row, mine = related.registry, copy.facts
        if row is None:
            return
        where = f"the registry ({row.source})"
        if mine.company and company_key(mine.company.value) != company_key(row.company):
            yield self.finding(
                copy,
                mine.company,
                f"{where} lists license {row.number} for '{row.company}', not "
                f"'{mine.company.value}'",
                row,
            )
        for label, fact, theirs in (
            ("issue date", mine.issue, row.issue),
            ("expiry date", mine.expiry, row.expiry),
        ):
            if fact and theirs and fact.value != theirs:
                yield self.finding(
                    copy,
                    fact,
                    f"{where} gives license {row.number} the {label} {theirs}, not {fact.value}",
                    row,
                )
        if (
            mine.authority
            and row.authority
            and not same_authority(mine.authority.value, row.authority)
        ):
            yield self.finding(
                copy,
                mine.authority,
                f"{where} lists license {row.number} as issued by '{row.authority}', not "
                f"'{mine.authority.value}'",
                row,
            )
