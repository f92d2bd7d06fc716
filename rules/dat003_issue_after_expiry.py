"""DAT003: the issue date is not before the expiry date."""

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
    citation = "《电信业务经营许可管理办法》(工业和信息化部令第42号): validity period of a license (有效期)."

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
