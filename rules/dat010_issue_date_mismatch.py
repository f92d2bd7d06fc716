"""DAT010 issue-date-mismatch: another page gives another issue date than the front page."""

from liclint.checking.rule import Rule, Severity


class IssueDateMismatch(Rule):
    code = "DAT010"
    name = "issue-date-mismatch"
    severity = Severity.ERROR
    summary = "The issue date printed on another page (the attachment's heading) differs from the front page's."
    rationale = """
        The 正文 and its 附件 are issued together, as one license, on one day. Some copies repeat
        the 发证日期 on a later page, in the attachment's heading ("…相关信息（发证日期：…）") or
        under a page's number. Another date there shows pages of an older or a re-issued license
        put together with this front page, or a date edited on one page only.
    """
    citation = (
        "信息产业部令第19号《电信业务经营许可证管理办法》 第十二条: the 正文 and the 附件 make up "
        "one license; the license template: 发证日期 is the day the license was issued."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        issue = doc.issue_date
        if issue is None or issue.value is None:
            return
        for other in doc.issue_dates:
            if other.value is not None and other.value != issue.value:
                yield self.finding(
                    doc,
                    other.field,
                    f"this page gives the issue date {other.value.isoformat()} but the front page "
                    f"(line {doc.source_line(issue.field.line)}) gives {issue.value.isoformat()}",
                )
