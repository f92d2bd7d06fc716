"""REG003: the registry lists the license as revoked (吊销) or cancelled (注销).

A revoked license was withdrawn by the authority as a penalty; a cancelled one was given up or
ended (the company stopped the business, merged, or moved it to a cross-regional license). Either
way the company may no longer operate under it, whatever the copy's expiry date says.
"""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class RegistryRevoked(CrossRule):
    code = "REG003"
    name = "registry-revoked"
    severity = Severity.ERROR
    summary = "The registry lists the license as revoked (吊销) or cancelled (注销)."
    rationale = """
        A revoked or cancelled license no longer allows the business, even before the expiry
        date printed on the copy. The copy is of a license that has ended.
    """
    citation = """
        《电信业务经营许可管理办法》(工业和信息化部令第42号): revocation (吊销) as a penalty and
        cancellation (注销) of a license; the 特别规定事项 clause on 注销 of a provincial license
        (domain reference).
    """

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
