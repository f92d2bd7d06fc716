"""WMK002: the watermark's validity date lies before the license's issue date.

A copy is made of an issued license, so the note's 有效期至 cannot precede 发证日期.
"""

from liclint.checking.rule import Rule, Severity


class WatermarkBeforeIssue(Rule):
    code = "WMK002"
    name = "watermark-before-issue"
    severity = Severity.ERROR
    summary = "The watermark's validity date is before the license's issue date."
    rationale = """
        A note stamped on a copy of a license cannot expire before the license was issued. The
        watermark was taken from a copy of an older license, or one of the dates was edited.
    """
    citation = "Practice of license copies: watermark notes (domain reference C14: watermark date ≥ 发证日期)."

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
