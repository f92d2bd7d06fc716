"""CRS004: the same company holds two license numbers from the same authority and category.

An authority issues a company one value-added license and adds businesses to it (增项) rather
than issuing a second number for the same category: a company's provincial B2 businesses are all
on one license, its cross-regional ones on one ministry license. Two numbers with a shared
category code from one authority for one company mean that one number was made up or belongs to
another company.
"""

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
        Businesses are added to a company's license (经营许可证增项) instead of a second license
        of the same category from the same authority. A second number for the same company,
        authority (the province in the number, or the ministry) and category code is likely made
        up or taken from another license. Legacy numbers (京ICP证…) and filings are left out.
    """
    citation = """
        《电信业务经营许可管理办法》(工业和信息化部令第42号) art. 28 (a change of scope is applied
        for to the 原发证机关); the 特别规定事项 clause on 经营许可证增项手续 (domain reference);
        number forms and category codes (domain reference, number forms).
    """

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
