"""AUT004 seal-names-other-authority: a seal read imperfectly still names another authority."""

from liclint.checking.rule import LOW_CONFIDENCE, Rule, Severity
from liclint.text.grammar import fold
from liclint.text.model import Span

from ._places import AUTHORITIES, SHORT_NAMES, authority_prefix, issuer

#: The end of every provincial seal's text.
SUFFIX = "通信管理局"
#: OCR reads a seal's arc text with a few characters wrong: the suffix counts as read when this
#: many of its five characters are in place.
SUFFIX_READ = 4


class SealNamesOtherAuthority(Rule):
    code = "AUT004"
    name = "seal-names-other-authority"
    severity = Severity.WARNING
    summary = (
        "A seal whose text was read imperfectly still names a provincial administration that "
        "does not issue numbers of this prefix."
    )
    rationale = """
        The red seal over 发证机关 carries the issuing authority's name on its ring, and OCR
        reads an arc of red characters over black print less surely than a line of text: a
        character or two come out wrong (北京市通信管理局 as 北市通信皇理局). AUT001 judges a seal
        read as an authority's exact name; this rule judges the rest. A ring that ends in
        …通信管理局 (four of its five characters in place) is a provincial administration's, and
        the characters before it that belong to province names say which: 浙 is only 浙江's, 北
        is 北京's, 河北's or 湖北's. When none of them belongs to the province of the number's
        prefix — or the number is the ministry's, which stamps 工业和信息化部 — the seal names
        another authority however the other characters were misread. A warning: look at the
        seal on the original.
    """
    citation = (
        "《中华人民共和国电信条例》 第九条: a province's license is issued by that province's "
        "电信管理机构, a cross-regional one by the ministry; 工业和信息化部令第42号"
        "《电信业务经营许可管理办法》 第三条 (the licensing authorities); 《国务院关于国家行政机关"
        "和企业事业单位社会团体印章管理的规定》 (国发〔1999〕25号): a state organ's seal bears "
        "its name."
    )
    source = "regulation"
    effective = None
    # it allows for OCR's misreadings itself (the province characters that were read), so its
    # findings are not turned into OCR001 for a seal read with doubt; a line read with
    # confidence below LOW_CONFIDENCE is not judged at all
    reads_text = False

    def applies(self, doc):
        return doc.is_license and doc.media is not None

    def check(self, doc, ctx):
        issued = issuer(doc)
        if issued is None:
            return
        prefix, expected = issued
        number = doc.number
        for source, origin in enumerate(doc.media, 1):
            if origin.kind != "seal" or (origin.confidence or 0) < LOW_CONFIDENCE:
                continue
            reading = "".join(fold(doc.source_text(Span(source, 1, source, 1))).split())
            if not reading or authority_prefix(reading) is not None:
                continue  # nothing read, or an exact name: AUT001's
            named = provinces(reading)
            if not named or prefix in named:
                continue
            which = " or ".join(AUTHORITIES[p] for p in sorted(named, key=list(SHORT_NAMES).index))
            yield self.finding(
                doc,
                doc.clean_line(source),
                f"the seal reads '{reading}', which as far as it could be read names {which}; "
                f"the number '{number.field.text.strip()}' "
                f"(line {doc.source_line(number.field.line)}) is issued by {expected}: "
                "compare the seal on the original",
            )


def provinces(reading: str) -> set[str]:
    """The prefixes of the provinces a seal's reading may name: for a reading ending in the
    provincial suffix (SUFFIX_READ of its characters in place), the provinces whose short name
    has the most of the characters read before it; empty when none has any."""
    for start in range(len(reading) - len(SUFFIX), -1, -1):
        window = reading[start : start + len(SUFFIX)]
        if sum(a == b for a, b in zip(window, SUFFIX, strict=True)) >= SUFFIX_READ:
            head = set(reading[:start])
            break
    else:
        return set()
    shared = {p: len(head & set(name)) for p, name in SHORT_NAMES.items()}
    most = max(shared.values(), default=0)
    return {p for p, n in shared.items() if n == most} if most else set()
