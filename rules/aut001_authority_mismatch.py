"""AUT001 authority-mismatch: the authority printed does not issue numbers of this prefix."""

from liclint.checking.rule import Rule, Severity

from ._places import authority_prefix, issuer


class AuthorityMismatch(Rule):
    code = "AUT001"
    name = "authority-mismatch"
    severity = Severity.ERROR
    summary = "The issuing authority printed on the copy does not issue numbers of this prefix."
    rationale = """
        Each provincial communications administration issues licenses under its own prefix only
        (浙B2-… by 浙江省通信管理局), and the ministry (工业和信息化部) issues the numbers without a
        prefix (cross-regional) and the 合字 numbers of foreign-invested companies. Where a copy
        prints its authority — after 发证机关, in a seal's text or in a note — it must be the one of
        its number. An authority of another province, or the ministry on a provincial number (or the
        reverse), shows that the number or the authority was changed.
    """
    citation = (
        "《中华人民共和国电信条例》(国务院令第291号) 第九条: the 《跨地区增值电信业务经营许可证》 "
        "is approved by the ministry, the 《增值电信业务经营许可证》 of one province by that "
        "province's 电信管理机构; 信息产业部令第19号《电信业务经营许可证管理办法》 第十四条: the "
        "licenses of foreign-invested companies are the ministry's."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        issued = issuer(doc)
        if issued is None:
            return
        prefix, expected = issued
        number = doc.number
        for mention in doc.authorities:
            named = authority_prefix(mention.text)
            if named is None or named == (prefix or ""):
                continue
            yield self.finding(
                doc,
                mention,
                f"the copy names '{mention.text.strip()}' as issuing authority, but the number "
                f"'{number.field.text.strip()}' (line {doc.source_line(number.field.line)}) is issued by {expected}",
            )
