"""NUM008: the company name begins with a place in another province than the number's prefix.

A provincial license is issued by the administration of the province where the company is
registered, and company names usually begin with the place of registration (杭州…有限公司). A
杭州 company holding a 粤 license is unusual: a warning, since companies may move.
"""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import PROVINCES

from ._places import province_of


class CompanyProvince(Rule):
    code = "NUM008"
    name = "company-province"
    severity = Severity.WARNING
    summary = "The company name begins with a city or province other than the number's province."
    rationale = """
        Provincial licenses are granted by the administration where the company is registered.
        A name that starts with a place of another province suggests that the number was taken
        from another company's license. Companies do move, so this is a warning. Servers in
        another province are normal and not checked.
    """
    citation = (
        "工业和信息化部令第42号: provincial licenses are granted by the 通信管理局 of the province "
        "where the company is registered (domain reference fact 2, §3)."
    )

    def check(self, doc, ctx):
        number, company = doc.number, doc.company
        if number is None or number.parsed is None or company is None:
            return
        prefix = number.parsed.prefix
        if prefix is None or prefix not in PROVINCES:
            return
        found = province_of(company.text.strip())
        if found and found[1] != prefix:
            place, other = found
            yield self.finding(
                doc,
                company,
                f"the company name begins with '{place}' (licenses there carry '{other}') but "
                f"the number's prefix is '{prefix}'",
            )
