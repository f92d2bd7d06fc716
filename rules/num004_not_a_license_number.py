"""NUM004 not-a-license-number: the license number given is an ICP filing or a D-code license."""

from liclint.checking.rule import Rule, Severity


class NotALicenseNumber(Rule):
    code = "NUM004"
    name = "not-a-license-number"
    severity = Severity.ERROR
    summary = "The license number is an ICP filing number or a D-code (domain registrar) number."
    rationale = """
        An ICP filing (备案, 京ICP备12345678号-1) only records a non-commercial website; it does not
        permit any value-added telecom business. A D code (浙D3-20210002) is the license of a
        domain-name registrar, not a value-added telecom business license. Either one printed as
        经营许可证编号 shows that the company has no value-added license.
    """
    citation = (
        "《互联网信息服务管理办法》(国务院令第292号) 第四条: 经营性 internet information services "
        "need a license, 非经营性 ones a filing (备案); MIIT's published domain-registrar licenses "
        "carry D codes (浙D3-20210002, 京D3-20250002)."
    )
    source = "regulation"
    effective = None

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
