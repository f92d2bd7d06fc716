"""DAT002 incomplete-date: a license date is incomplete or not written as YYYY年MM月DD日."""

from liclint.checking.rule import Rule, Severity

from ._common import license_dates


class IncompleteDate(Rule):
    code = "DAT002"
    name = "incomplete-date"
    severity = Severity.ERROR
    summary = "The issue or expiry date lacks a part or is not in the form YYYY年MM月DD日."
    rationale = """
        Genuine copies print both dates in full as ``YYYY年MM月DD日`` (with or without spaces,
        with one- or two-digit month and day). A date with a missing year, month or day, or with
        stray characters, cannot be checked and is a sign of an edited copy.
    """
    citation = "The license template: 发证日期 and 有效期至 printed as YYYY年MM月DD日."
    source = "template"
    effective = None

    def check(self, doc, ctx):
        for label, date in license_dates(doc):
            if not date.incomplete:
                continue
            at = date.offset
            yield self.finding(
                doc,
                date.field.span_at(at, at + 1),
                f"{label} '{date.field.text.strip()}' is incomplete or malformed: {date.error}",
            )
