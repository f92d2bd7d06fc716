"""COM002 company-legal-form: the company name does not end with a company's legal form (…公司)."""

from liclint.checking.rule import Rule, Severity

_TRAILING = "()（） \t"


class CompanyLegalForm(Rule):
    code = "COM002"
    name = "company-legal-form"
    severity = Severity.WARNING
    summary = "The company name has no legal-form suffix such as 有限公司."
    rationale = """
        Telecom business licenses are granted to companies only (公司法人: 有限公司, 有限责任公司,
        股份有限公司 or a state-owned …公司); partnerships, individuals and institutions cannot hold
        one, and a company's registered name ends with its legal form. A name without it was
        shortened or made up.
    """
    citation = (
        "《中华人民共和国电信条例》 第十三条（一）: the operator of a value-added telecom business "
        "is 依法设立的公司; 《中华人民共和国公司法》(2023) 第七条: a company's name states "
        "有限责任公司/有限公司 or 股份有限公司/股份公司."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        company = doc.company
        if company is None or not company.text.strip():
            return
        if not company.text.strip().rstrip(_TRAILING).endswith("公司"):
            yield self.finding(
                doc,
                company,
                f"'{company.text.strip()}' does not end with a company's legal form (…有限公司, …股份有限公司)",
            )
