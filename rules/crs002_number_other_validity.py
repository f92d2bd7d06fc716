"""CRS002 number-other-validity: one issue of a license with another expiry date or authority."""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity

from ._places import same_authority

_CONFIRMED = "; the registry ({}) agrees with this copy, so the other copy is the suspect one"


class NumberOtherValidity(CrossRule):
    code = "CRS002"
    name = "number-other-validity"
    severity = Severity.ERROR
    summary = (
        "Another copy of the same license and issue date has another expiry date, or another "
        "copy of the number names another issuing authority."
    )
    rationale = """
        A license is issued by one authority (the ministry or one provincial communications
        administration), on one date, with one expiry date. Two copies with the same number and the
        same issue date must agree on the expiry date, and two copies of one number must name the
        same issuing authority whatever the date, since a re-issue or a renewal comes from the
        原发证机关. Copies that disagree were edited: a longer validity to hide an expired license,
        or an authority copied from another license. When a loaded registry agrees with this copy,
        the other one is the suspect and this copy is only told so (info). A copy with a later issue
        date is a re-issue (CRS003), not this.
    """
    citation = (
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十七至二十九条 (earlier "
        "信息产业部令第19号《电信业务经营许可证管理办法》 第二十五至二十七条): renewals and "
        "changes are applied for to the 原发证机关; a license re-issued after a change keeps its "
        "expiry date, as genuine re-issued copies show."
    )
    source = "regulation"
    effective = None

    def check(self, copy, related, ctx):
        mine = copy.facts
        if mine.number is None:
            return
        expiry_done = authority_done = False
        row = related.registry
        for other in related.others:
            theirs = other.facts
            if theirs.number is None or theirs.number.value != mine.number.value:
                continue
            if (
                not expiry_done
                and mine.issue and theirs.issue and mine.expiry and theirs.expiry
                and mine.issue.value == theirs.issue.value
                and mine.expiry.value != theirs.expiry.value
            ):  # fmt: skip
                expiry_done = True
                confirmed = row is not None and row.expiry == mine.expiry.value
                yield self.finding(
                    copy,
                    mine.expiry,
                    f"license {mine.number.value} issued {mine.issue.value} expires "
                    f"{theirs.expiry.value} on another copy ({other.cite(theirs.expiry)}), but "
                    f"{mine.expiry.value} on this one"
                    + (_CONFIRMED.format(row.source) if confirmed else ""),
                    other,
                    Severity.INFO if confirmed else None,
                )
            if (
                not authority_done
                and mine.authority and theirs.authority
                and not same_authority(mine.authority.value, theirs.authority.value)
            ):  # fmt: skip
                authority_done = True
                confirmed = bool(
                    row and row.authority and same_authority(row.authority, mine.authority.value)
                )
                yield self.finding(
                    copy,
                    mine.authority,
                    f"license {mine.number.value} is issued by '{theirs.authority.value}' on "
                    f"another copy ({other.cite(theirs.authority)}), but by "
                    f"'{mine.authority.value}' on this one"
                    + (_CONFIRMED.format(row.source) if confirmed else ""),
                    other,
                    Severity.INFO if confirmed else None,
                )
