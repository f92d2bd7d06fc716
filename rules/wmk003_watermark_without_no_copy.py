"""WMK003 watermark-without-no-copy: a usage note (仅供…使用) without 再次复印无效 (further copies invalid)."""

from liclint.checking.rule import Rule, Severity


class WatermarkWithoutNoCopy(Rule):
    code = "WMK003"
    name = "watermark-without-no-copy"
    severity = Severity.INFO
    summary = "A 仅供…使用 note lacks 再次复印无效 (further copies invalid)."
    rationale = """
        Usage notes normally end with 再次复印无效 so that the copy cannot be passed on. Without
        it the note may have been cut from a longer one; worth knowing, not a fault.
    """
    citation = "Practice of license copies: usage notes 仅供…使用 … 再次复印无效."
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        for mark in doc.watermarks:
            if mark.no_copy is None:
                yield self.finding(
                    doc,
                    mark.usage,
                    f"the note '{mark.usage.text}' has no 再次复印无效 (further copies invalid)",
                )
