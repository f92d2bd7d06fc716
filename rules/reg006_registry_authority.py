"""REG006 registry-authority: the issuing authority differs from the registry's row for the number."""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity

from ._places import same_authority


class RegistryAuthority(CrossRule):
    code = "REG006"
    name = "registry-authority"
    severity = Severity.ERROR
    summary = "The issuing authority differs from the registry's row for the number."
    rationale = """
        A license is issued, re-issued and renewed by one authority, the 原发证机关: the ministry
        (工业和信息化部, before 2008 信息产业部) or one province's communications administration,
        and the registry names it. A copy naming another authority than the registry's was edited or
        put together from two licenses. Names are compared by the authority they designate
        (中华人民共和国工业和信息化部 and 工业和信息化部 are one ministry), so a shorter or longer
        form of the same name is not a difference.
    """
    citation = (
        "The issuing authority the 电信业务市场综合管理信息系统 publishes; "
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十七至二十九条: renewals and "
        "changes go to the 原发证机关."
    )
    source = "published-list"
    effective = None

    def check(self, copy, related, ctx):
        row, mine = related.registry, copy.facts
        if row is None or mine.authority is None or not row.authority:
            return
        if not same_authority(mine.authority.value, row.authority):
            yield self.finding(
                copy,
                mine.authority,
                f"the registry ({row.source}) lists license {row.number} as issued by "
                f"'{row.authority}', not '{mine.authority.value}'",
                row,
            )
