"""AUT001: the issuing authority printed on the copy is not the authority of the number's prefix.

A provincial license (浙B2-…) is issued by that province's communications administration
(浙江省通信管理局); a number without a province prefix, or with 合字, by the ministry
(工业和信息化部). Where a copy prints its authority — after 发证机关, in a seal's text or in a
note — it must be that one.
"""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import FOREIGN

from ._places import AUTHORITIES, MINISTRY, authority_prefix


class AuthorityMismatch(Rule):
    code = "AUT001"
    name = "authority-mismatch"
    severity = Severity.ERROR
    summary = "The issuing authority printed on the copy does not issue numbers of this prefix."
    rationale = """
        Each provincial communications administration issues licenses under its own prefix only,
        and the ministry issues the numbers without a prefix (cross-regional) and the 合字 numbers
        of foreign-invested companies. An authority of another province, or the ministry on a
        provincial number (or the reverse), shows that the number or the authority was changed.
    """
    citation = (
        "《中华人民共和国电信条例》 art. 9 and 工业和信息化部令第42号: cross-regional licenses are "
        "approved by MIIT, provincial ones by the province's 通信管理局 (domain reference fact 2, §3)."
    )

    def check(self, doc, ctx):
        number = doc.number
        if number is None or number.parsed is None or number.parsed.kind == "filing":
            return
        prefix = number.parsed.prefix
        ministry = prefix is None or prefix == FOREIGN
        if not ministry and prefix not in AUTHORITIES:
            return  # an unknown prefix: NUM002
        expected = MINISTRY if ministry else AUTHORITIES[prefix]
        for mention in doc.authorities:
            named = authority_prefix(mention.text)
            if named is None or named == ("" if ministry else prefix):
                continue
            yield self.finding(
                doc,
                mention,
                f"the copy names '{mention.text.strip()}' as issuing authority, but the number "
                f"'{number.field.text.strip()}' (line {doc.source_line(number.field.line)}) is issued by {expected}",
            )
