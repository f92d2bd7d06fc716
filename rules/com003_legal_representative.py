"""COM003 legal-representative: the legal representative is not a plausible person's name."""

import re

from liclint.checking.rule import Rule, Severity

_NAME_DOT = re.compile("[·•・]")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z.'\- ]{1,58}[A-Za-z.]")


def _chinese_name(name: str) -> bool:
    """2–4 CJK characters (U+3400–U+9FFF), or 2–4 parts of 1–10 joined by middle dots (张·三).

    Written out, not as a regex: a class of the 27,000 CJK characters takes a millisecond to
    compile, at every start."""
    parts = _NAME_DOT.split(name)
    if not all(1 <= len(p) <= 10 and all("\u3400" <= c <= "\u9fff" for c in p) for p in parts):
        return False
    return 2 <= len(name) <= 4 if len(parts) == 1 else len(parts) <= 4


class LegalRepresentative(Rule):
    code = "COM003"
    name = "legal-representative"
    severity = Severity.WARNING
    summary = "The legal representative (法定代表人) is not a plausible person's name."
    rationale = """
        The legal representative is a natural person registered with the company. Chinese names have
        2–4 characters (more with the middle dot of minority and transliterated names, 张·三);
        foreign representatives are written in Latin letters. A value with digits, punctuation, a
        company name or too many characters was filled in wrongly or forged.
    """
    citation = (
        "信息产业部令第19号《电信业务经营许可证管理办法》 第十二条: the license states the "
        "法定代表人; 《中华人民共和国公司法》(2023) 第十条: the legal representative is the "
        "director or manager who acts for the company, a natural person."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        rep = doc.legal_representative
        if rep is None or not rep.text.strip():
            return  # missing: DOC002
        name = rep.text.strip()
        if not (_chinese_name(name) or _LATIN_NAME.fullmatch(name)):
            yield self.finding(doc, rep, f"'{name}' is not a plausible name of a person")
