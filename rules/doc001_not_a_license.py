"""DOC001 not-a-license: the text is not a license copy at all; it is skipped."""

from liclint.checking.rule import Rule, Severity
from liclint.text.labels import ANCHORS


class NotALicense(Rule):
    code = "DOC001"
    name = "not-a-license"
    severity = Severity.INFO
    summary = "The file does not look like a license copy; no other rule is run on it (a warning for a PDF or an image)."
    rationale = """
        A license copy prints a fixed title and fixed labels (经营许可证编号, 公司名称, 法定代表人,
        业务种类, 发证日期, 有效期至, 特别规定事项). A file with fewer than three of them — a README
        that a pre-commit hook or a directory walk handed over — is not a license, and checking it
        would only produce noise (a missing license number in a README): it is reported once as
        skipped, so that a reviewer sees it was not checked, and no other rule runs on it. A PDF or
        an image whose extracted text does not read as a license is a warning instead: it was sent
        as a license, so the reading failed and the copy went unchecked.
    """
    reads_text = False  # it says the reading failed: never itself a doubtful reading
    citation = (
        "The license template: the title 增值电信业务经营许可证 and the labels of the 正文, which "
        "print the content 信息产业部令第19号《电信业务经营许可证管理办法》 第十二条 prescribes."
    )
    source = "template"
    effective = None

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
