"""NUM004: the number given as the license number is an ICP filing number or a D-code license.

``京ICP备12345678号-1`` is the filing (备案) of a non-commercial website, not a license;
``浙D3-20210002`` is a domain-registrar license, not a value-added telecom business license.
"""

from liclint.checking.rule import Rule, Severity


class NotALicenseNumber(Rule):
    code = "NUM004"
    name = "not-a-license-number"
    severity = Severity.ERROR
    summary = "The license number is an ICP filing number or a D-code (domain registrar) number."
    rationale = """
        An ICP filing (…ICP备…号) only records a non-commercial website; it does not permit any
        value-added telecom business. A D code (D3…) is the license of a domain-name registrar.
        Either one printed as 经营许可证编号 shows that the company has no value-added license.
    """
    citation = (
        "《互联网信息服务管理办法》: 经营性 services need a license, 非经营性 ones a filing (备案); "
        "MIIT domain-registrar licenses 浙D3-20210002, 京D3-20250002 (domain reference facts 14, 19)."
    )

    def check(self, doc, ctx):
        for number in doc.numbers:
            parsed = number.parsed
            if parsed is None:
                continue
            if parsed.kind == "filing":
                yield self.finding(
                    doc,
                    number.field,
                    f"'{number.field.text.strip()}' is an ICP filing (备案) number, not a license number",
                )
            elif any(c.startswith("D") for c in parsed.categories):
                yield self.finding(
                    doc,
                    number.field,
                    f"'{number.field.text.strip()}' is a D-code license (such as a domain registrar's), "
                    "not a value-added telecom business license",
                )
