"""SCP001: a 京ICP证-form number on a license whose scope excludes internet information services.

The legacy ``京ICP证NNNNNN号`` number is the number of an ICP license: its scope is
"信息服务业务（仅限互联网信息服务）". A scope that says "不含互联网信息服务" belongs to an SP license.
"""

from liclint.checking.rule import Rule, Severity

from ._scope import excludes_icp


class IcpNumberScope(Rule):
    code = "SCP001"
    name = "icp-number-scope"
    severity = Severity.WARNING
    summary = "An ICP证 number on a license whose scope excludes internet information services."
    rationale = """
        ICP证 numbers are given to internet information service (ICP) licenses only. Pairing one
        with an SP scope (不含互联网信息服务) mixes two kinds of license.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 B25 信息服务业务; ICP license scope "
        "信息服务业务（仅限互联网信息服务） (domain reference facts 12, 16; C10)."
    )

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
