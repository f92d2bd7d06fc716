"""WMK001 watermark-expired: the validity written on the copy's watermark note (有效期至…) has passed."""

from liclint.checking.rule import Rule, Severity


class WatermarkExpired(Rule):
    code = "WMK001"
    name = "watermark-expired"
    severity = Severity.WARNING
    summary = "The copy's watermark validity (有效期至… in the 仅供…使用 note) has passed."
    rationale = """
        Companies stamp copies with a note limiting their use: "仅供…使用 有效期至2024年3月27日
        再次复印无效". The note's date is the copy's validity, not the license's: after it the
        holder no longer vouches for this copy, and a copy used after that date is reused beyond
        what the holder allowed; ask for a fresh copy.
    """
    citation = (
        "Practice of license copies: the note 仅供…使用 有效期至… 再次复印无效 that a holder "
        "stamps on the copies it hands out."
    )
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        for mark in doc.watermarks:
            valid = mark.valid_until
            if valid is not None and valid.value is not None and valid.value < ctx.as_of:
                yield self.finding(
                    doc,
                    valid.field,
                    f"the copy's watermark was valid until {valid.value.isoformat()}, before the "
                    f"as-of date {ctx.as_of.isoformat()}",
                )
