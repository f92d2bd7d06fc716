"""CRS006 same-issue-other-contents: one issue with another legal representative or scope."""

from liclint.across.cross import CrossRule
from liclint.across.facts import text_key
from liclint.checking.rule import Severity


class SameIssueOtherContents(CrossRule):
    code = "CRS006"
    name = "same-issue-other-contents"
    severity = Severity.WARNING
    summary = (
        "Another copy of the same license and issue date names another legal representative "
        "or another business scope."
    )
    rationale = """
        A change of the legal representative (法定代表人) or of the business scope is applied for to
        the 原发证机关, which re-issues the license with a new issue date. Two copies of one number
        with the same issue date are copies of one certificate, so they print the same legal
        representative and the same 业务种类(服务项目)及覆盖范围. Copies of one issue that differ
        were edited: a scope widened, a coverage area added or an exclusion removed to cover a
        business the company is not licensed for, or another person put on the license. Texts are
        compared with widths, spaces, brackets and list marks normalised; a copy with another issue
        date is a re-issue (CRS003). A warning, not an error: a misread name on a scan differs too.
    """
    citation = (
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十八条 (a change of the business "
        "scope) and 第二十九条 (a change of the legal representative): applied for to the "
        "原发证机关, which re-issues the license."
    )
    source = "regulation"
    effective = None

    def check(self, copy, related, ctx):
        mine = copy.facts
        if mine.number is None or mine.issue is None:
            return
        fields = (("legal representative", "legal_representative"), ("business scope", "scope"))
        for label, attribute in fields:
            fact = getattr(mine, attribute)
            if fact is None:
                continue
            for other in related.others:
                theirs = other.facts
                their_fact = getattr(theirs, attribute)
                if (
                    theirs.number is not None
                    and theirs.number.value == mine.number.value
                    and theirs.issue is not None
                    and theirs.issue.value == mine.issue.value
                    and their_fact is not None
                    and text_key(their_fact.value) != text_key(fact.value)
                ):
                    yield self.finding(
                        copy,
                        fact,
                        f"another copy of license {mine.number.value} issued {mine.issue.value} "
                        f"({other.cite(their_fact)}) gives the {label} '{their_fact.value}', "
                        f"this one '{fact.value}': one issue of a license has one {label}",
                        other,
                    )
                    break
