"""SCP002 websites-without-icp-scope: websites listed, but the scope excludes ICP services."""

from liclint.checking.rule import Rule, Severity

from ._scope import excludes_icp


class WebsitesWithoutIcpScope(Rule):
    code = "SCP002"
    name = "websites-without-icp-scope"
    severity = Severity.WARNING
    summary = "Websites are listed although the scope excludes internet information services."
    rationale = """
        Websites are licensed as internet information services: only an ICP license
        ("仅限互联网信息服务") has an attachment (附页) listing websites, and an SP license
        ("不含互联网信息服务") has none, as the cross-regional SP copies show. An attachment listing
        websites on a license whose scope excludes them was taken from another license, or the scope
        was edited.
    """
    citation = (
        "The license template: the 附页 of an ICP license lists 网站名称 and 网站域名; "
        "《电信业务分类目录（2015年版）》 B25 信息服务业务（仅限互联网信息服务 / "
        "不含互联网信息服务）."
    )
    source = "template"
    effective = None

    def check(self, doc, ctx):
        if doc.scope is None or doc.attachment is None or not doc.attachment.websites:
            return
        if excludes_icp(doc.scope.text):
            first = doc.attachment.websites[0]
            yield self.finding(
                doc,
                first.line,
                f"the attachment lists {len(doc.attachment.websites)} website(s) but the scope "
                f"(line {doc.source_line(doc.scope.line)}) excludes internet information services",
            )
