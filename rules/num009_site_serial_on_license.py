"""NUM009 site-serial-on-license: a license number carries an ICP filing's website serial (-1)."""

from liclint.checking.rule import Rule, Severity


class SiteSerialOnLicense(Rule):
    code = "NUM009"
    name = "site-serial-on-license"
    severity = Severity.ERROR
    summary = "A license number carries a '-N' suffix, the serial of a website under an ICP filing."
    rationale = """
        A value-added telecom license is numbered by its issuer as [province]B2-YYYYSSSS (a
        category code, the year and a serial), and that number is the same on every page. A suffix
        such as '-1' belongs to another numbering: MIIT's filing system numbers each website of a
        filed entity after its filing number (浙ICP备2022034700号-1, -2…). A license number with a
        site serial glued to it was copied from a website's footer, or made up by someone who took
        the filing's form for the license's; it is no number of a license.
    """
    citation = (
        "The license template: 经营许可证编号 [province abbreviation]B2-YYYYSSSS; MIIT's ICP/IP "
        "地址/域名信息备案管理系统 (beian.miit.gov.cn) under 信息产业部令第33号"
        "《非经营性互联网信息服务备案管理办法》: a filing number 浙ICP备XXXXXXXX号 and, after '-', "
        "the serial of each website filed under it."
    )
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        for number in doc.numbers:
            parsed = number.parsed
            if parsed is None or parsed.kind != "license" or not parsed.site:
                continue  # a filing's serial on a filing number is NUM004's
            text = number.field.text.strip()
            yield self.finding(
                doc,
                number.field.strip(),
                f"'{text}': '{parsed.site}' is the serial of a website under an ICP filing "
                f"(…ICP备…号{parsed.site}), not part of a license number "
                f"('{parsed.normalized}')",
            )
