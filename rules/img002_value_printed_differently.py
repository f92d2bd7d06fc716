"""IMG002 value-printed-differently: on a picture, part of a line is printed unlike the rest."""

from liclint.checking.rule import Rule, Severity
from liclint.text.model import Span

#: A value whose strokes are this much darker (or lighter) than its label's, on 0–255, was not
#: printed with it. Genuine scans, photos and screenshots of the held-out set stay within ±12
#: (bench/heldout_images); values retyped over the print differ by 20 and more. (A stretch
#: inside a line of text is measured by the page pipeline, against the page's own spread:
#: liclint.reading.page.print_runs.)
STROKE = 16.0


class ValuePrintedDifferently(Rule):
    code = "IMG002"
    name = "value-printed-differently"
    severity = Severity.WARNING
    summary = (
        "On a scan or photo, a field's value, or a stretch of a line, is printed with other "
        "strokes than the rest of its line."
    )
    rationale = """
        A certificate is printed in one pass, in one ink, and scanned or photographed at once:
        after a label (公司名称：, 发证日期：) the value's glyphs carry the same stroke darkness as
        the label's, and the characters of a sentence (the company named in the attachment's
        获准经营… line) the same as their neighbours'. A forger who edits the picture pastes
        retyped characters over the original, and they come from another rendering: another
        face, weight or size, crisper or darker (or paler) than the scanned print beside them.
        The text stays consistent with itself, so no other rule sees it; this one compares the
        print — a value against its label, and any stretch of three or more characters against
        the rest of its line, measured against how much the page's own print varies. A
        suspicion, with the box to look at: the original or the registry decides.
    """
    citation = "The license template prints each field's label and value together (公司名称, 法定代表人, 发证日期, 有效期至…); image forensics: a pasted region differs from its surroundings in its print statistics (Farid, Image Forgery Detection, IEEE Signal Processing Magazine 26(2), 2009)."
    source = "practice"
    effective = None
    reads_text = False  # it judges the print, not what OCR read

    def applies(self, doc):
        return doc.is_license and doc.media is not None

    def check(self, doc, ctx):
        for source, origin in enumerate(doc.media, 1):
            printed, run = origin.value_print, origin.print_run
            line = doc.clean_line(source)
            if printed is not None and abs(printed[0]) >= STROKE:
                label = doc.source_text(Span(source, 1, source, 1))
                how = "darker" if printed[0] > 0 else "paler"
                yield self.finding(
                    doc,
                    line,
                    f"the value on this line ('{label}') is printed {how} than its label "
                    f"(strokes {abs(printed[0]):.0f} of 255 apart; height ratio {printed[1]:.2f}): "
                    "it may have been pasted over the print — look at the box",
                )
            elif run is not None:
                difference, spread, chars = run
                how = "darker" if difference > 0 else "paler"
                where, what = self._stretch(doc, line, chars)
                yield self.finding(
                    doc,
                    where,
                    f"{what} on this line is printed {how} than the rest of the line (strokes "
                    f"{abs(difference):.0f} of 255 apart, {spread:.1f} times the page's own "
                    "variation): it may have been retyped over the print — look at the box",
                )

    @staticmethod
    def _stretch(doc, line, chars):
        """Where the stretch's characters are on the clean line, and how to name them."""
        text = doc.lines[line - 1] if 1 <= line <= len(doc.lines) else ""
        at = text.find(chars) if chars else -1
        if at < 0:
            return line, "a stretch of characters"
        return Span(line, at + 1, line, at + 1 + len(chars)), f"'{chars}'"
