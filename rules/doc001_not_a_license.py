"""DOC001: the text is not a license copy at all; it is skipped.

A pre-commit hook or a directory walk hands liclint every ``*.md`` and ``*.txt`` file, README
files included. Rather than report a missing license number in a README, liclint says once that the
file does not look like a license and runs no other rule on it.
"""

from liclint.checking.rule import Rule, Severity
from liclint.text.extract import ANCHORS


class NotALicense(Rule):
    code = "DOC001"
    name = "not-a-license"
    severity = Severity.INFO
    summary = "The file does not look like a license copy; no other rule is run on it (a warning for a PDF or an image)."
    rationale = """
        A license copy prints a fixed title and fixed labels (经营许可证编号, 公司名称, 法定代表人,
        业务种类, 发证日期, 有效期至, 特别规定事项). A file with fewer than three of them is not a license,
        so checking it would only produce noise; it is reported as skipped so that a reviewer sees
        it was not checked. A PDF or an image whose extracted text does not read as a license is
        a warning instead: it was sent as a license, so the reading failed and the copy went
        unchecked.
    """
    citation = "《电信业务经营许可管理办法》(工业和信息化部令第42号): the license's content; the license template."

    def applies(self, doc):
        return not doc.is_license

    def check(self, doc, ctx):
        found = f"{doc.anchors} of the {len(ANCHORS)} fixed labels and headings of a license found"
        if doc.media is not None:
            # a PDF or an image is sent as a license: if its text does not read as one, the
            # reading failed (a poor scan, the wrong OCR engine) and the copy was not checked
            yield self.finding(
                doc,
                1,
                f"the text read from this PDF or image is not a license copy ({found}): the copy "
                "was not checked; see what was read with `liclint parse --text`",
                Severity.WARNING,
            )
            return
        yield self.finding(doc, 1, f"not a license copy ({found}); skipped")
