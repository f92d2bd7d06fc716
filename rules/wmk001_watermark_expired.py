"""WMK001: the validity written on the copy's watermark note (有效期至…) has passed.

Companies stamp copies with a note limiting their use: "仅供…使用 有效期至2024年3月27日 再次复印无效".
The note's date is the copy's validity, not the license's: after it the company no longer vouches
for this copy.
"""

from liclint.checking.rule import Rule, Severity


class WatermarkExpired(Rule):
    code = "WMK001"
    name = "watermark-expired"
    severity = Severity.WARNING
    summary = "The copy's watermark validity (有效期至… in the 仅供…使用 note) has passed."
    rationale = """
        The holder limited this copy to a purpose and a date. A copy used after that date is
        reused beyond what the holder allowed; ask for a fresh copy.
    """
    citation = "Practice of license copies: watermark notes 仅供…使用 / 有效期至… / 再次复印无效 (domain reference C14)."

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
