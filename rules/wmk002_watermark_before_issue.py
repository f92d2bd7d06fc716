"""WMK002 watermark-before-issue: the watermark's validity date is before the issue date."""

from liclint.checking.rule import Rule, Severity


class WatermarkBeforeIssue(Rule):
    code = "WMK002"
    name = "watermark-before-issue"
    severity = Severity.ERROR
    summary = "The watermark's validity date is before the license's issue date."
    rationale = """
        A copy is made of an issued license, so a note stamped on it cannot expire before the
        license was issued (its 有效期至 before 发证日期). The watermark was taken from a copy of an
        older license, or one of the dates was edited.
    """
    citation = (
        "Practice of license copies: a note 仅供…使用 有效期至… is stamped on a copy of an issued "
        "license, so its date is not before 发证日期."
    )
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        issue = doc.issue_date
        if issue is None or issue.value is None:
            return
        for mark in doc.watermarks:
            valid = mark.valid_until
            if valid is not None and valid.value is not None and valid.value < issue.value:
                yield self.finding(
                    doc,
                    valid.field,
                    f"the watermark's date {valid.value.isoformat()} is before the license's issue "
                    f"date {issue.value.isoformat()} (line {doc.source_line(issue.field.line)})",
                )
