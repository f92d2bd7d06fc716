"""REG002 registry-company: the registry lists the license number for another company."""

from liclint.across.cross import CrossRule
from liclint.across.facts import company_key
from liclint.checking.rule import Severity


class RegistryCompany(CrossRule):
    code = "REG002"
    name = "registry-company"
    severity = Severity.ERROR
    summary = "The registry lists the license number for another company."
    rationale = """
        The registry is the authority's record of who holds a license. A copy naming another company
        than the registry's row for its number is either a genuine license with the company replaced
        — the forgery a copy alone cannot show — or a certificate from before a change of name (its
        issue date is then older than the registry's, which REG005 says too: ask for the current
        one). Companies are compared with widths, spaces and brackets normalised, never by
        similarity.
    """
    citation = (
        "The licensee the 电信业务市场综合管理信息系统 publishes for the number "
        "(工业和信息化部令第42号《电信业务经营许可管理办法》 第三条); 第二十九条: a change of the "
        "company's name is applied for to the 原发证机关 and recorded."
    )
    source = "published-list"
    effective = None

    def check(self, copy, related, ctx):
        row, mine = related.registry, copy.facts
        if row is None or mine.company is None:
            return
        if company_key(mine.company.value) != company_key(row.company):
            yield self.finding(
                copy,
                mine.company,
                f"the registry ({row.source}) lists license {row.number} for '{row.company}', "
                f"not '{mine.company.value}'",
                row,
            )
