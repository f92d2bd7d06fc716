"""CRS004 company-two-numbers: one company holds two numbers of one authority and category."""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class CompanyTwoNumbers(CrossRule):
    code = "CRS004"
    name = "company-two-numbers"
    severity = Severity.WARNING
    summary = (
        "The company is on another copy with another license number from the same authority "
        "and category."
    )
    rationale = """
        An authority issues a company one value-added license and adds businesses to it
        (经营许可证增项) rather than issuing a second number for the same category: a company's
        provincial B2 businesses are all on one license, its cross-regional ones on one ministry
        license. A second number for the same company, authority (the province in the number, or the
        ministry) and category code is likely made up or taken from another company's license.
        Legacy numbers (京ICP证…) and filings are left out.
    """
    citation = (
        "Licensing practice, as published license lists show; "
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十八条: a change of the business "
        "scope is applied for to the 原发证机关; clause 十三 of 特别规定事项: a provincial license "
        "whose businesses a cross-regional license covers is cancelled or changed within 30 days."
    )
    source = "practice"
    effective = None

    def check(self, copy, related, ctx):
        mine = copy.facts
        if mine.number is None or mine.company is None or not mine.categories:
            return
        found = {}
        for other in related.others:
            theirs = other.facts
            if (
                theirs.number is not None
                and theirs.number.value != mine.number.value
                and theirs.company_key == mine.company_key
                and theirs.prefix == mine.prefix
                and set(theirs.categories) & set(mine.categories)
            ):
                found.setdefault(theirs.number.value, other)
        if not found:
            return
        number = min(found)
        other = found[number]
        issuer = f"the {mine.prefix} authority" if mine.prefix else "the ministry"
        shared = "/".join(sorted(set(other.facts.categories) & set(mine.categories)))
        more = f" and {len(found) - 1} more numbers" if len(found) > 1 else ""
        yield self.finding(
            copy,
            mine.number,
            f"'{mine.company.value}' also holds {number} ({other.cite(other.facts.number)}{more}), "
            f"another {shared} license from {issuer}; a company has one such license",
            number,
        )
