"""REG004 registry-expired: the registry lists the license as expired (过期), or past its expiry."""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class RegistryExpired(CrossRule):
    code = "REG004"
    name = "registry-expired"
    severity = Severity.ERROR
    summary = "The registry lists the license as expired (过期), or its expiry date has passed."
    rationale = """
        A license is valid for five years unless renewed, and the registry's status and expiry date
        are the authority's; a copy may print a later one (edited). A license the registry lists as
        过期, or whose registry expiry date is before the as-of date, no longer allows the business,
        whatever the copy prints.
    """
    citation = (
        "The status and expiry date the 电信业务市场综合管理信息系统 publishes; "
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十七条: renewal 90 days before the "
        "5-year validity ends."
    )
    source = "published-list"
    effective = None

    def check(self, copy, related, ctx):
        row = related.registry
        if row is None or row.status in ("吊销", "注销"):
            return  # REG003
        if row.status == "过期":
            why = "as expired (过期)"
        elif row.expiry and row.expiry < ctx.as_of.isoformat():
            why = f"with the expiry date {row.expiry}, before {ctx.as_of.isoformat()}"
        else:
            return
        yield self.finding(
            copy,
            copy.facts.expiry or copy.facts.number,
            f"the registry ({row.source}) lists license {row.number} {why}: it no longer allows "
            "the business",
            row,
        )
