"""DAT001 invalid-date: a license date is not a day of the calendar (2023年02月30日, 2024年13月01日)."""

from liclint.checking.rule import Rule, Severity

from ._common import license_dates


class InvalidDate(Rule):
    code = "DAT001"
    name = "invalid-date"
    severity = Severity.ERROR
    summary = "The issue, expiry or watermark date is not a real calendar date."
    rationale = """
        A license is dated by an official system that cannot print 30 February or a 13th month. The
        issue date, the expiry date and the 有效期至 of a watermark note are checked; a date that
        does not exist was typed by hand: a sign of an edited or fabricated copy.
    """
    citation = (
        "The license template: 发证日期 and 有效期至 printed as YYYY年MM月DD日 (Gregorian "
        "calendar); watermark notes 有效期至YYYY年MM月DD日."
    )
    source = "template"
    effective = None

    def check(self, doc, ctx):
        dates = list(license_dates(doc))
        dates += [("watermark 有效期至", m.valid_until) for m in doc.watermarks if m.valid_until]
        for label, date in dates:
            if date.value is None and not date.incomplete:
                yield self.finding(
                    doc, date.field, f"{label} '{date.field.text.strip()}': {date.error}"
                )
