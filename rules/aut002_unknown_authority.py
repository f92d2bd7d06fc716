"""AUT002 unknown-authority: the copy names an issuing authority that does not exist."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import fold

from ._places import AUTHORITIES, authority_prefix


class UnknownAuthority(Rule):
    code = "AUT002"
    name = "unknown-authority"
    severity = Severity.ERROR
    summary = "The issuing authority named on the copy does not exist."
    rationale = """
        Value-added licenses are issued by the ministry (工业和信息化部; before 2008 信息产业部) and
        by the 31 provincial communications administrations, each under its official name:
        浙江省通信管理局, 北京市通信管理局, 广西壮族自治区通信管理局. A name that no authority has —
        "广西省通信管理局" (Guangxi is an autonomous region, not a province),
        "福建省通信管理委员会", another kind of body, a ministry that never issued licenses — was
        typed by someone who does not know the authorities: a fabricated copy. Checked where a copy
        prints its authority as such: the value of 发证机关, and a line of its own (a seal's text or
        a signature).
    """
    citation = (
        "《中华人民共和国电信条例》 第三条 and 第九条: the ministry and the 电信管理机构 of the "
        "provinces, autonomous regions and municipalities license telecom business; "
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第三条: "
        "工业和信息化部和省、自治区、直辖市通信管理局 are the licensing authorities "
        "(信息产业部令第19号 第三条: 信息产业部 before 2008)."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        seen = set()
        for mention in self._printed(doc):
            text = mention.text.strip()
            if not text or mention.line in seen:
                continue
            seen.add(mention.line)
            if authority_prefix(text) is None or not _exact(text):
                yield self.finding(
                    doc,
                    mention.strip(),
                    f"'{text}' is not an issuing authority: licenses are issued by "
                    "工业和信息化部 or by a province's communications administration under its full "
                    "name (浙江省通信管理局, 广西壮族自治区通信管理局…)",
                )

    @staticmethod
    def _printed(doc):
        """The value of 发证机关, and authorities on a line of their own."""
        authority = doc.authority
        if authority is not None:
            before = doc.folded[authority.line - 1][: authority.pieces[0].column - 1]
            if "发证机关" in before:
                yield authority
        for mention in doc.authorities:
            if doc.folded[mention.line - 1].strip(" \t:：()（）盖章") == mention.text.strip():
                yield mention


_NAMES = {*AUTHORITIES.values()}


def _exact(text: str) -> bool:
    """Whether ``text`` ends in an authority's full name (a seal may add 中华人民共和国)."""
    compact = "".join(fold(text).split())
    if compact.endswith(("工业和信息化部", "信息产业部")):
        return True
    return any(compact.endswith(name) for name in _NAMES)
