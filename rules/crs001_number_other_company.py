"""CRS001: the same license number is on another copy with another company.

A license number belongs to one company: the authority issues it to that company, and a change of
the company (a merger, a new name) goes back to the authority and is recorded against the same
licensee. So two copies with one number and two companies mean that one of them carries a company
that is not the licensee — the commonest forgery of a copy (a genuine license with another name
put on every page), which no rule inside one copy can see. Companies are compared with widths,
spaces and brackets normalised, never by similarity.
"""

from liclint.cross import CrossRule
from liclint.rule import Severity


class NumberOtherCompany(CrossRule):
    code = "CRS001"
    name = "number-other-company"
    severity = Severity.ERROR
    summary = "The license number is on another copy that names another company."
    rationale = """
        One license number is issued to one company. Another copy with this number and another
        company shows that one of the two copies carries a company that does not hold the license
        (a genuine license with the name replaced). The finding names the other copy; compare both
        with the registry (电信业务市场综合管理信息系统) to see which is genuine.
    """
    citation = """
        《电信业务经营许可管理办法》(工业和信息化部令第42号) arts. 28–29: a license is issued to a
        company, and a change of the licensee needs the 原发证机关's approval (domain reference,
        regulation fact 5).
    """

    def check(self, copy, related, ctx):
        mine = copy.facts
        if mine.number is None or mine.company is None:
            return
        by_company = {}
        for other in related.others:
            theirs = other.facts
            if theirs.number is None or theirs.number.value != mine.number.value:
                continue
            if theirs.company is not None and theirs.company_key != mine.company_key:
                by_company.setdefault(theirs.company_key, []).append(other)
        for others in by_company.values():
            first = others[0]
            more = f" and {len(others) - 1} more" if len(others) > 1 else ""
            yield self.finding(
                copy,
                mine.company,
                f"license number {mine.number.value} is also on a copy for "
                f"'{first.facts.company.value}' ({first.cite(first.facts.company)}{more}), but "
                f"this copy names '{mine.company.value}': one license number belongs to one "
                "company",
                first,
            )
