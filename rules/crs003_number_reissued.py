"""CRS003 number-reissued: another copy of the license number has another issue date (a re-issue)."""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class NumberReissued(CrossRule):
    code = "CRS003"
    name = "number-reissued"
    severity = Severity.INFO
    summary = "Another copy of the license number has another issue date: a re-issue."
    rationale = """
        A license is re-issued with a new 发证日期 and the same number when the company changes its
        name, legal representative or scope, or renews it; the old certificate is then replaced. A
        renewal (延续) gets a new expiry date as well; a re-issue after a change keeps it. Two
        copies of one number with different issue dates are two issues of the license: worth
        knowing, not a sign of forgery by itself. When a later issue exists, this copy may be
        superseded: ask for the current one; when this copy is the later issue, the earlier copy is
        out of date. One finding per copy names the nearest later issue (else the nearest earlier
        one).
    """
    citation = (
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十七至二十九条: renewals (延续) "
        "and changes of the licensee, its name, legal representative or scope are applied for to "
        "the 原发证机关, which issues the license anew."
    )
    source = "regulation"
    effective = None

    def check(self, copy, related, ctx):
        mine = copy.facts
        if mine.number is None or mine.issue is None:
            return
        dates = {}
        for other in related.others:
            theirs = other.facts
            if (
                theirs.number is not None
                and theirs.number.value == mine.number.value
                and theirs.issue is not None
                and theirs.issue.value != mine.issue.value
            ):
                dates.setdefault(theirs.issue.value, other)
        if not dates:
            return
        later = [d for d in dates if d > mine.issue.value]
        date = min(later) if later else max(dates)  # the nearest issue after, else before
        other = dates[date]
        renewal = bool(
            mine.expiry and other.facts.expiry and mine.expiry.value != other.facts.expiry.value
        )
        kind = "renewal (延续, a new expiry date)" if renewal else "re-issue (the same expiry)"
        if later:
            what = f"a later issue ({date}, a {kind}) of license {mine.number.value} is on"
            then = "this copy may be superseded: ask for the current certificate"
        else:
            what = f"an earlier issue ({date}) of license {mine.number.value} is on"
            then = f"this copy is a {kind}"
        more = f"; {len(dates)} other issue dates in all" if len(dates) > 1 else ""
        yield self.finding(
            copy,
            mine.issue,
            f"{what} another copy ({other.cite(other.facts.issue)}); {then}{more}",
            date,
        )
