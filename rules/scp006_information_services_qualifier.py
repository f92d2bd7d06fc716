"""SCP006 information-services-qualifier: 信息服务业务 lacks its qualifier, or has an unknown one."""

from liclint.checking.rule import Rule, Severity

from ._scope import B25_QUALIFIERS, INFORMATION_SERVICES, compact


class InformationServicesQualifier(Rule):
    code = "SCP006"
    name = "information-services-qualifier"
    severity = Severity.WARNING
    summary = "信息服务业务 lacks its qualifier (仅限/不含互联网信息服务) or has an unknown one."
    rationale = """
        Information services (B25) are always granted with a qualifier in parentheses, which tells
        an ICP license, "信息服务业务（仅限互联网信息服务）", from other information services (SP),
        "信息服务业务（不含互联网信息服务）" (before 2016
        "（不含固定网电话信息服务和互联网信息服务）"). A scope without it was shortened and does not
        say which kind of license it is; a qualifier widened to other services
        ("仅限互联网信息服务和网络支付服务") claims something the catalogue has no name for. The
        2003 catalogue's SP wording on a number from 2016 or later is an anachronism.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 (in force 2016-03-01) B25 信息服务业务 and the 2003 "
        "catalogue's 信息服务业务; the qualifiers 仅限互联网信息服务 and 不含互联网信息服务 as "
        "licenses print them."
    )
    source = "catalogue"
    effective = None

    def check(self, doc, ctx):
        if doc.scope_parts is None:
            return
        for business in doc.scope_parts.businesses:
            if compact(business.name.text) != INFORMATION_SERVICES:
                continue
            if business.qualifier is None or not business.qualifier.text.strip():
                yield self.finding(
                    doc,
                    business.name,
                    "信息服务业务 has no qualifier: licenses grant it as （仅限互联网信息服务） or "
                    "（不含互联网信息服务）",
                )
                continue
            qualifier = compact(business.qualifier.text)
            year = doc.number.parsed.year if doc.number and doc.number.parsed else None
            if "固定网电话信息服务" in qualifier and year is not None and year >= 2016:
                yield self.finding(
                    doc,
                    business.qualifier,
                    f"'{qualifier}' is the wording of the 2003 catalogue, but the number is from "
                    f"{year} (the 2015 catalogue, in force 2016-03-01, says 不含互联网信息服务)",
                )
            elif qualifier not in B25_QUALIFIERS:
                yield self.finding(
                    doc,
                    business.qualifier,
                    f"信息服务业务 is qualified '{qualifier}', which is not a qualifier of the "
                    "catalogue (仅限互联网信息服务, 不含互联网信息服务)",
                )
