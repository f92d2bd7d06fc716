"""WMK004 watermark-after-expiry: the watermark's validity runs past the license's expiry."""

from liclint.checking.rule import Rule, Severity


class WatermarkAfterExpiry(Rule):
    code = "WMK004"
    name = "watermark-after-expiry"
    severity = Severity.ERROR
    summary = "The watermark's validity ends after the license itself expires."
    rationale = """
        A company stamps a copy "仅供…使用 有效期至… 再次复印无效" to limit it to one use and one
        period, and the copy can vouch for the license only while the license is valid. A watermark
        date after the license's 有效期至 means that the watermark was taken from a copy of another
        (later, renewed) license, or that the license's expiry date was moved back to match an old
        copy.
    """
    citation = (
        "Practice of license copies: notes 仅供…使用 有效期至…; the license's own 有效期至, 5 "
        "years from its issue at most (工业和信息化部令第42号《电信业务经营许可管理办法》)."
    )
    source = "practice"
    effective = None

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
