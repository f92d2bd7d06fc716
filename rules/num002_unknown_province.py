"""NUM002 unknown-province: the number's prefix is not a provincial license abbreviation."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import FILING_PREFIXES, FOREIGN, PROVINCES


class UnknownProvince(Rule):
    code = "NUM002"
    name = "unknown-province"
    severity = Severity.ERROR
    summary = "The number's prefix is not a provincial license abbreviation (or 合字)."
    rationale = """
        Only the 31 provincial administrations issue provincial licenses, each under its own
        one-character abbreviation: 京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇藏陕甘青宁新;
        the ministry issues numbers without a prefix or with 合字. Any other character before the
        category code does not exist on a genuine license. Sichuan, Guizhou, Yunnan and Gansu print
        川, 黔, 滇 and 甘 on licenses: 蜀 and 陇 are the prefixes of their ICP filings, and 贵 or 云
        the guesses of a forger; these are reported as warnings naming the right prefix.
    """
    citation = (
        "The prefixes the provincial communications administrations print on their licenses and in "
        "their published license lists (川, 黔, 滇, 甘; 蜀 and 陇 only on ICP filings); "
        "《中华人民共和国电信条例》 第九条: the provincial license is issued by the province's "
        "电信管理机构."
    )
    source = "practice"
    effective = None

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
