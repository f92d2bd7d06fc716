"""NUM007 cross-regional-mismatch: the number's issuer and the 跨地区 wording disagree."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import FOREIGN


class CrossRegionalMismatch(Rule):
    code = "NUM007"
    name = "cross-regional-mismatch"
    severity = Severity.ERROR
    summary = (
        "A number without province prefix lacks the 跨地区 wording, or a provincial one has it."
    )
    rationale = """
        The ministry grants cross-regional licenses "特颁发跨地区增值电信业务经营许可证" with
        numbers without a province prefix (B2-20196370); a provincial administration grants
        "特颁发增值电信业务经营许可证" with its prefix; 合字 numbers are the ministry's licenses of
        foreign-invested companies. A provincial number on a cross-regional grant, or a prefix-less
        number on a provincial grant, combines parts of two different kinds of license.
    """
    citation = (
        "《中华人民共和国电信条例》 第九条: the 《跨地区增值电信业务经营许可证》 (two or more "
        "provinces) is approved by the ministry, the 《增值电信业务经营许可证》 of one province by "
        "its 电信管理机构; the grant of the license template, "
        "特颁发(跨地区)增值电信业务经营许可证."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        number = doc.number
        if number is None or number.parsed is None or number.parsed.kind == "filing":
            return
        prefix = number.parsed.prefix
        if prefix is None and doc.cross_regional is None and doc.grant is not None:
            yield self.finding(
                doc,
                number.field,
                "the number has no province prefix (a ministry number) but the license does not "
                f"grant a 跨地区 (cross-regional) license (line {doc.source_line(doc.grant.line)})",
            )
        elif prefix not in (None, FOREIGN) and doc.cross_regional is not None:
            yield self.finding(
                doc,
                doc.cross_regional,
                f"the license grants a 跨地区 (cross-regional) license but its number "
                f"'{number.field.text.strip()}' has the provincial prefix '{prefix}'",
            )
