"""REG007 registry-scope: the copy lists a business the registry's scope for the number does not."""

from liclint.across.cross import CrossRule
from liclint.across.facts import text_key
from liclint.checking.rule import Severity


class RegistryScope(CrossRule):
    code = "REG007"
    name = "registry-scope"
    severity = Severity.ERROR
    summary = "The copy lists a business that the registry's scope for the number does not."
    rationale = """
        When a registry export carries the business scope (业务种类), every business the copy grants
        must be in it: a business added to a copy (互联网数据中心业务 beside 信息服务业务, say) lets
        a merchant claim a license it does not hold, since the scope changes only through the
        原发证机关, which records it. Business names are looked for in the registry's text with
        widths, spaces and brackets normalised; a registry row without a scope (an export without a
        scope column) is not compared.
    """
    citation = (
        "The business scope the 电信业务市场综合管理信息系统 publishes; "
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十八条: a change of the scope is "
        "applied for to the 原发证机关; the business names of 《电信业务分类目录（2015年版）》."
    )
    source = "published-list"
    effective = None

    def check(self, copy, related, ctx):
        row = related.registry
        if row is None or not row.scope:
            return
        granted = text_key(row.scope)
        for business in copy.facts.businesses:
            if text_key(business.value) not in granted:
                yield self.finding(
                    copy,
                    business,
                    f"the registry ({row.source}) gives license {row.number} the scope "
                    f"'{row.scope}', which has no {business.value}",
                    row,
                )
