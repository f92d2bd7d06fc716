"""DAT003 issue-after-expiry: the issue date is not before the expiry date."""

from liclint.checking.rule import Rule, Severity


class IssueAfterExpiry(Rule):
    code = "DAT003"
    name = "issue-after-expiry"
    severity = Severity.ERROR
    summary = "The issue date (发证日期) is on or after the expiry date (有效期至)."
    rationale = """
        A license is valid from its issue date to its expiry date. An issue date on or after the
        expiry date is impossible and shows that one of the two dates was altered.
    """
    citation = (
        "信息产业部令第19号《电信业务经营许可证管理办法》 第十二、十三条 and "
        "工业和信息化部令第42号《电信业务经营许可管理办法》: a license states its 有效期限, which "
        "runs from its issue to its expiry (5 years for a value-added license)."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        issue, expiry = doc.issue_date, doc.expiry_date
        if issue is None or expiry is None or issue.value is None or expiry.value is None:
            return
        if issue.value >= expiry.value:
            yield self.finding(
                doc,
                issue.field,
                f"issue date {issue.value.isoformat()} is not before the expiry date "
                f"{expiry.value.isoformat()} (line {doc.source_line(expiry.field.line)})",
            )
