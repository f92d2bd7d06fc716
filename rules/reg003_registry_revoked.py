"""REG003 registry-revoked: the registry lists the license as revoked (吊销) or cancelled (注销)."""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class RegistryRevoked(CrossRule):
    code = "REG003"
    name = "registry-revoked"
    severity = Severity.ERROR
    summary = "The registry lists the license as revoked (吊销) or cancelled (注销)."
    rationale = """
        A revoked license was withdrawn by the authority as a penalty; a cancelled one was given up
        or ended (the company stopped the business, merged, or moved it to a cross-regional
        license). Either way it no longer allows the business, whatever the expiry date printed on
        the copy: the copy is of a license that has ended.
    """
    citation = (
        "The status the 电信业务市场综合管理信息系统 publishes for a license; "
        "工业和信息化部令第42号《电信业务经营许可管理办法》: revocation (吊销) and cancellation "
        "(注销) of licenses; clause 十三 of 特别规定事项: a provincial license that a "
        "cross-regional one covers is cancelled or changed."
    )
    source = "published-list"
    effective = None

    def check(self, copy, related, ctx):
        row = related.registry
        if row is None or row.status not in ("吊销", "注销"):
            return
        what = "revoked (吊销)" if row.status == "吊销" else "cancelled (注销)"
        yield self.finding(
            copy,
            copy.facts.number,
            f"the registry ({row.source}) lists license {row.number} as {what}: it no longer "
            "allows the business",
            row,
        )
