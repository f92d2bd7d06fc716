"""WMK005 watermark-without-purpose: a usage note 仅供…使用 names no purpose (仅供使用)."""

import re

from liclint.checking.rule import Rule, Severity

_EMPTY = re.compile(r"[\W_]*")


class WatermarkWithoutPurpose(Rule):
    code = "WMK005"
    name = "watermark-without-purpose"
    severity = Severity.WARNING
    summary = "A 仅供…使用 note names no purpose (nothing between 仅供 and 使用)."
    rationale = """
        A watermark restricts a copy to one use — "仅供某某平台资质审核使用": who may use the copy,
        for what — so that it cannot be reused elsewhere. A note with nothing between 仅供 and 使用
        restricts nothing: the purpose was cut out, typically to pass a copy made for one platform
        to another, or the note was typed by someone copying the form without its meaning; the
        copy's provenance is unknown.
    """
    citation = "Practice of license copies: 仅供<recipient and purpose>使用 有效期至… 再次复印无效."
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        for mark in doc.watermarks:
            if mark.purpose is None or _EMPTY.fullmatch(mark.purpose.text):
                yield self.finding(
                    doc,
                    mark.usage,
                    f"the note '{mark.usage.text.strip()}' names no purpose: a usage note says "
                    "for whom and for what the copy is made (仅供…平台…审核使用)",
                )
