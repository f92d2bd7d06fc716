"""IMG001 seal-unreadable: a picture of the license has a seal whose text could not be read."""

from liclint.checking.rule import Rule, Severity
from liclint.text.model import Span

#: A seal's text shorter than this is taken as not read (an authority's name is longer).
SHORTEST = 4


class SealUnreadable(Rule):
    code = "IMG001"
    name = "seal-unreadable"
    severity = Severity.INFO
    summary = "The seal on a picture of the license was found but its text could not be read."
    rationale = """
        The authority stamps its red seal over 发证机关 and 发证日期; the seal names the
        authority, which must be the authority of the number's prefix (AUT001 checks the name
        when it is read). On a photo or a scan the arc text may be too faint, too small or cut:
        then nothing was checked against it, and the reviewer should compare the seal with the
        authority by eye. This is information, not a finding against the copy.
    """
    citation = "工业和信息化部令第42号《电信业务经营许可管理办法》: the license states its 发证机关, whose seal authenticates it (the license template: 发证机关（盖章）)."
    source = "template"
    effective = None

    def applies(self, doc):
        return doc.is_license and doc.media is not None

    def check(self, doc, ctx):
        for source, origin in enumerate(doc.media, 1):
            if origin.kind != "seal":
                continue
            read = doc.source_text(Span(source, 1, source, 1))
            if len("".join(read.split())) >= SHORTEST:
                continue
            yield self.finding(
                doc,
                doc.clean_line(source),
                f"the seal on page {origin.page} could not be read"
                + (f" (read '{read}')" if read else "")
                + ": compare it with the issuing authority on the original",
            )
