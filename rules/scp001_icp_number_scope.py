"""SCP001 icp-number-scope: a 京ICP证 number on a license whose scope excludes ICP services."""

from liclint.checking.rule import Rule, Severity

from ._scope import excludes_icp


class IcpNumberScope(Rule):
    code = "SCP001"
    name = "icp-number-scope"
    severity = Severity.WARNING
    summary = "An ICP证 number on a license whose scope excludes internet information services."
    rationale = """
        The legacy 京ICP证NNNNNN号 number is given to internet information service (ICP) licenses
        only: its scope is "信息服务业务（仅限互联网信息服务）". A scope that says
        "不含互联网信息服务" belongs to an SP license: pairing the two mixes two kinds of license.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 B25 信息服务业务 (第二类增值电信业务 信息服务业务 in the "
        "2003 catalogue); the ICP license's scope 信息服务业务（仅限互联网信息服务）; "
        "《互联网信息服务管理办法》 第七条: the 互联网信息服务增值电信业务经营许可证."
    )
    source = "catalogue"
    effective = None

    def check(self, doc, ctx):
        number, scope = doc.number, doc.scope
        if (
            number is None
            or number.parsed is None
            or number.parsed.kind != "legacy"
            or scope is None
        ):
            return
        if excludes_icp(scope.text):
            yield self.finding(
                doc,
                scope,
                f"the number '{number.field.text.strip()}' is an ICP license number but the scope "
                "excludes internet information services (不含互联网信息服务)",
            )
