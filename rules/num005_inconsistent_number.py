"""NUM005 inconsistent-number: the license number is not the same on every page."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import fold


def _key(number):
    if number.parsed is not None:
        return number.parsed.normalized
    return "".join(fold(number.field.text).split())


class InconsistentNumber(Rule):
    code = "NUM005"
    name = "inconsistent-number"
    severity = Severity.ERROR
    summary = "The license number differs between the front page and a page header."
    rationale = """
        The number is printed on the front page and again at the head of every following page, and a
        watermark often names it ("仅供京B2-20181623某平台审核使用"). A copy assembled from pages of
        different licenses, a number edited on one page only, or a watermark made for another
        license shows different numbers: the copy is not one genuine document. Spaces, full-width
        characters and dash variants are normalised before comparing.
    """
    citation = (
        "The license template: 经营许可证编号 printed at the head of every page after the 正文."
    )
    source = "template"
    effective = None

    def check(self, doc, ctx):
        front = doc.number
        if front is None or not front.field.text.strip():
            return
        expected = _key(front)
        for number in doc.numbers[1:]:
            if number.field.text.strip() and _key(number) != expected:
                where = "the watermark names" if number.role == "watermark" else "this page shows"
                yield self.finding(
                    doc,
                    number.field,
                    f"{where} license number '{number.field.text.strip()}' but the front "
                    f"page (line {doc.source_line(front.field.line)}) shows '{front.field.text.strip()}'",
                )
