"""SCP010 cross-regional-one-province: a ministry's cross-regional license covers one province only."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import FOREIGN

from ._places import PROVINCE_NAMES
from ._scope import compact
from .scp009_coverage_beyond_province import _province


class CrossRegionalOneProvince(Rule):
    code = "SCP010"
    name = "cross-regional-one-province"
    severity = Severity.ERROR
    summary = "A cross-regional (ministry) license's coverage is a single province."
    rationale = """
        The ministry issues the 跨地区 license, with a number without a province prefix
        (B2-20211234), for a business that covers two or more provinces or the whole country; a
        business within one province is licensed by that province's communications
        administration, under a number with its prefix (苏B2-…). A ministry number whose coverage
        is one province (江苏省) alone combines the parts of two kinds of license: the coverage of
        a provincial license was put under a ministry number, or the coverage was narrowed by hand.
        Foreign-invested licenses (合字B2-…) are the ministry's whatever their coverage, and are
        not checked.
    """
    citation = (
        "《中华人民共和国电信条例》 第九条: a value-added business covering two or more provinces "
        "is approved by the ministry (《跨地区增值电信业务经营许可证》), one within a province by "
        "that province's 电信管理机构."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        number, parts = doc.number, doc.scope_parts
        if number is None or number.parsed is None or parts is None or not parts.areas:
            return
        if number.parsed.kind != "license" or number.parsed.prefix not in (None, ""):
            return  # a provincial number (SCP009), a foreign-invested one (合字), a legacy one
        provinces = {_province(compact(area.text)) for area in parts.areas}
        if len(provinces) != 1 or None in provinces:
            return  # 全国, two provinces, or an area that is not a province (a city): no proof
        (prefix,) = provinces
        if prefix == FOREIGN:
            return
        area = parts.areas[0]
        yield self.finding(
            doc,
            area,
            f"the number '{number.field.text.strip()}' is the ministry's (a cross-regional "
            f"license), but its coverage covers {PROVINCE_NAMES[prefix]} only: a business within "
            "one province is licensed by that province's administration",
        )
