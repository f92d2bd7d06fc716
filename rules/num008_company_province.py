"""NUM008 company-province: the company name begins with a place outside the number's province."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import PROVINCES

from ._places import province_of


class CompanyProvince(Rule):
    code = "NUM008"
    name = "company-province"
    severity = Severity.WARNING
    summary = "The company name begins with a city or province other than the number's province."
    rationale = """
        A provincial license is issued by the administration of the province where the company is
        registered, and company names usually begin with the place of registration (杭州…有限公司).
        A name that starts with a place of another province (a 杭州 company on a 粤 license)
        suggests that the number was taken from another company's license. Companies do move, so
        this is a warning. Servers in another province are normal and not checked.
    """
    citation = (
        "Licensing practice: a provincial license is issued by the 通信管理局 where the company is "
        "registered (《中华人民共和国电信条例》 第九条); 《企业名称登记管理规定》(国务院令第734号) "
        "第六条: a company name begins with the name of its administrative division."
    )
    source = "practice"
    effective = None

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
