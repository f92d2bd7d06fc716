"""COM001 company-mismatch: the company name differs between front page, attachment and provisions."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import fold


def _same(a: str, b: str) -> bool:
    return "".join(fold(a).split()) == "".join(fold(b).split())


class CompanyMismatch(Rule):
    code = "COM001"
    name = "company-mismatch"
    severity = Severity.ERROR
    summary = "The company name is not the same on the front page, attachment and provisions."
    rationale = """
        The company name is printed three times: after 公司名称 on the front page, in the
        attachment's header ("…公司获准经营…相关信息") and in the preamble of the special provisions
        ("《特别规定事项》是经营许可证重要组成部分，…公司应当…"). All pages of a license name the
        same licensee, so a different name on one page (spaces and widths ignored) shows pages of
        different licenses put together, or a name edited on one page only.
    """
    citation = (
        "The license template: 公司名称 on the 正文, the 附页 header “…获准经营…相关信息” and the "
        "preamble of 特别规定事项; 信息产业部令第19号《电信业务经营许可证管理办法》 第十二条: the "
        "正文 and the 附件 make up one license."
    )
    source = "template"
    effective = None

    def check(self, doc, ctx):
        front = doc.company
        if front is None or not front.text.strip():
            return
        others = []
        if doc.attachment is not None and doc.attachment.company is not None:
            others.append(("the attachment", doc.attachment.company))
        if doc.provisions is not None and doc.provisions.company is not None:
            others.append(("the preamble of the special provisions", doc.provisions.company))
        for where, name in others:
            if name.text.strip() and not _same(name.text, front.text):
                yield self.finding(
                    doc,
                    name,
                    f"{where} names the company '{name.text.strip()}' but the front page (line "
                    f"{doc.source_line(front.line)}) names '{front.text.strip()}'",
                )
