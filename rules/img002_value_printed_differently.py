"""IMG002 value-printed-differently: on a picture, a field's value is printed unlike its label."""

from liclint.checking.rule import Rule, Severity
from liclint.text.model import Span

#: A value whose strokes are this much darker (or lighter) than its label's, on 0–255, was not
#: printed with it. Genuine scans, photos and screenshots of the held-out set stay within ±12
#: (bench/heldout_images); values retyped over the print differ by 20 and more.
STROKE = 16.0


class ValuePrintedDifferently(Rule):
    code = "IMG002"
    name = "value-printed-differently"
    severity = Severity.WARNING
    summary = "On a scan or photo, a field's value is printed with other strokes than its label."
    rationale = """
        A certificate prints its labels and their values in one pass, in one ink, on one
        scanner or camera: after a label (公司名称：, 发证日期：) the value's glyphs carry the same
        stroke darkness as the label's. A forger who edits the picture pastes a retyped value
        over the original, and the pasted glyphs come from another rendering: crisper or
        darker (or paler) than the scanned label beside them. The text stays consistent with
        itself, so no other rule sees it; this one compares the print. A suspicion, with the
        box to look at — the original or the registry decides.
    """
    citation = "The license template prints each field's label and value together (公司名称, 法定代表人, 发证日期, 有效期至…); image forensics: a pasted region differs from its surroundings in its print statistics (Farid, Image Forgery Detection, IEEE Signal Processing Magazine 26(2), 2009)."
    source = "practice"
    effective = None
    reads_text = False  # it judges the print, not what OCR read

    def applies(self, doc):
        return doc.is_license and doc.media is not None

    def check(self, doc, ctx):
        for source, origin in enumerate(doc.media, 1):
            printed = origin.value_print
            if printed is None or abs(printed[0]) < STROKE:
                continue
            label = doc.source_text(Span(source, 1, source, 1))
            how = "darker" if printed[0] > 0 else "paler"
            yield self.finding(
                doc,
                doc.clean_line(source),
                f"the value on this line ('{label}') is printed {how} than its label "
                f"(strokes {abs(printed[0]):.0f} of 255 apart; height ratio {printed[1]:.2f}): "
                "it may have been pasted over the print — look at the box",
            )
