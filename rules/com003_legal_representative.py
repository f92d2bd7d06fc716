"""COM003: the legal representative's name is not a plausible person's name.

Chinese names have 2–4 characters (more with the middle dot of minority and transliterated names,
张·三); foreign representatives are written in Latin letters. Digits, company words or a long
string are not a name.
"""

import re

from liclint.rule import Rule, Severity

_CJK_NAME = re.compile(
    r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,10}(?:[·•・][\u3400-\u9fff]{1,10}){1,3}"
)
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z.'\- ]{1,58}[A-Za-z.]")


class LegalRepresentative(Rule):
    code = "COM003"
    name = "legal-representative"
    severity = Severity.WARNING
    summary = "The legal representative (法定代表人) is not a plausible person's name."
    rationale = """
        The legal representative is a natural person registered with the company. A value with
        digits, punctuation, a company name or too many characters was filled in wrongly or
        forged.
    """
    citation = (
        "信息产业部令第19号 第十二条 / 工业和信息化部令第42号: the license states the 法定代表人."
    )

    def check(self, doc, ctx):
        rep = doc.legal_representative
        if rep is None or not rep.text.strip():
            return  # missing: DOC002
        name = rep.text.strip()
        if not (_CJK_NAME.fullmatch(name) or _LATIN_NAME.fullmatch(name)):
            yield self.finding(doc, rep, f"'{name}' is not a plausible name of a person")
