"""WMK004: the watermark's validity (有效期至…) runs past the license's own expiry date.

A company stamps a copy "仅供…使用 有效期至… 再次复印无效" to limit it to one use and one period.
The copy can vouch for the license only while the license is valid: a note valid after the
license expires was written for a later (renewed) license, or one of the two dates was edited.
"""

from liclint.checking.rule import Rule, Severity


class WatermarkAfterExpiry(Rule):
    code = "WMK004"
    name = "watermark-after-expiry"
    severity = Severity.ERROR
    summary = "The watermark's validity ends after the license itself expires."
    rationale = """
        A copy of a license cannot be valid longer than the license it copies. A watermark date
        after the license's 有效期至 means that the watermark was taken from a copy of another
        (later) license, or that the license's expiry date was moved back to match an old copy.
    """
    citation = (
        "Practice of license copies: watermark notes 仅供…使用 / 有效期至… (domain reference C14); "
        "the license's validity 有效期至 (工业和信息化部令第42号)."
    )

    def check(self, doc, ctx):
        expiry = doc.expiry_date
        if expiry is None or expiry.value is None:
            return
        for mark in doc.watermarks:
            valid = mark.valid_until
            if valid is not None and valid.value is not None and valid.value > expiry.value:
                days = (valid.value - expiry.value).days
                yield self.finding(
                    doc,
                    valid.field,
                    f"the watermark is valid until {valid.value.isoformat()}, {days} day"
                    f"{'s' if days != 1 else ''} after the license expires on "
                    f"{expiry.value.isoformat()} (line {doc.source_line(expiry.field.line)})",
                )
