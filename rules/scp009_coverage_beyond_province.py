"""SCP009 coverage-beyond-province: a provincial license covers more than its province."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import FOREIGN

from ._places import PROVINCE_NAMES, SHORT_NAMES
from ._scope import compact


def _province(area: str) -> str | None:
    """The prefix of the province an area names (浙江省, 浙江), None for a city or anything else."""
    for prefix, name in PROVINCE_NAMES.items():
        if area == name or area == SHORT_NAMES[prefix]:
            return prefix
    return None


class CoverageBeyondProvince(Rule):
    code = "SCP009"
    name = "coverage-beyond-province"
    severity = Severity.ERROR
    summary = "A provincial license's coverage names 全国 or another province."
    rationale = """
        The coverage of a license is what its issuing authority may grant: a province's
        communications administration grants its own province; coverage of two or more provinces or
        of the whole country (全国) needs the ministry's cross-regional license (a number without a
        province prefix). A scope of 全国, or of another province, on a provincial number (川B2-…)
        was widened by hand, or the number belongs to another license.
    """
    citation = (
        "《中华人民共和国电信条例》(国务院令第291号) 第九条: a business covering two or more "
        "provinces needs the ministry's 《跨地区增值电信业务经营许可证》, one within a province "
        "that province's 《增值电信业务经营许可证》."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        number, parts = doc.number, doc.scope_parts
        if number is None or number.parsed is None or parts is None:
            return
        prefix = number.parsed.prefix
        if prefix is None or prefix == FOREIGN or prefix not in PROVINCE_NAMES:
            return  # the ministry's numbers may cover any area
        for area in parts.areas:
            name = compact(area.text)
            other = _province(name)
            if name == "全国" or (other is not None and other != prefix):
                yield self.finding(
                    doc,
                    area,
                    f"the coverage names {name}, but '{number.field.text.strip()}' is a license "
                    f"of {PROVINCE_NAMES[prefix]} (its authority grants only its own province; "
                    "wider coverage needs the ministry's cross-regional license)",
                )
