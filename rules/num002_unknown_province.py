"""NUM002: the license number's prefix is not one of the 31 provincial license abbreviations.

Provincial licenses carry the abbreviation of the issuing communications administration:
京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇藏陕甘青宁新. Sichuan, Guizhou, Yunnan and Gansu use 川,
黔, 滇 and 甘 on licenses; 蜀 and 陇 are the prefixes of their ICP *filings*, and 贵 or 云 are
mistakes a forger makes by guessing.
"""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import FILING_PREFIXES, FOREIGN, PROVINCES


class UnknownProvince(Rule):
    code = "NUM002"
    name = "unknown-province"
    severity = Severity.ERROR
    summary = "The number's prefix is not a provincial license abbreviation (or 合字)."
    rationale = """
        Only the 31 provincial administrations issue provincial licenses, each under its own
        one-character abbreviation; the ministry issues numbers without a prefix or with 合字. Any
        other character before the category code does not exist on a genuine license. The filing
        prefixes 蜀, 陇 and the guesses 贵, 云 are reported as warnings naming the right prefix.
    """
    citation = (
        "Provincial license abbreviations as printed on licenses (domain reference §3, "
        "fact 15); 《电信条例》 art. 9: provincial licenses are issued by the 通信管理局."
    )

    def check(self, doc, ctx):
        number = doc.number
        if number is None or number.parsed is None or number.parsed.kind == "filing":
            return
        prefix = number.parsed.prefix
        if prefix is None or prefix == FOREIGN or prefix in PROVINCES:
            return
        at = number.parsed.prefix_offset
        where = number.field.span_at(at, at + len(prefix))
        if prefix in FILING_PREFIXES:
            right = FILING_PREFIXES[prefix]
            yield self.finding(
                doc,
                where,
                f"'{prefix}' is not used on licenses (licenses of that province use '{right}'; "
                f"'{prefix}' appears on ICP filings or is a guess)",
                Severity.WARNING,
            )
        else:
            yield self.finding(
                doc, where, f"'{prefix}' is not the abbreviation of any provincial administration"
            )
