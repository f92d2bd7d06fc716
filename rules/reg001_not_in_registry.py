"""REG001 not-in-registry: the license number is not in the loaded registry snapshot."""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class NotInRegistry(CrossRule):
    code = "REG001"
    name = "not-in-registry"
    severity = Severity.WARNING
    summary = "The license number is not in the loaded registry snapshot."
    rationale = """
        Every license is recorded in the ministry's licensing registry
        (电信业务市场综合管理信息系统), where platforms look licenses up and keep what they found;
        `liclint ledger import` loads such an export. A number that the export does not list was
        made up, or was issued after the export was taken: look it up in the registry before
        accepting the copy. A warning by default; set the severity to error (severity = { REG001 =
        "error" }) when the export is complete. Runs only when a registry is loaded.
    """
    citation = (
        "The licenses the 电信业务市场综合管理信息系统 publishes for query; "
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第三条: the ministry's 管理平台 "
        "publishes licensing information for public query (信息公示、查询)."
    )
    source = "published-list"
    effective = None

    def check(self, copy, related, ctx):
        number = copy.facts.number
        if not related.registry_loaded or number is None or related.registry is not None:
            return
        if "ICP备" in number.value:
            return  # a filing number, not a license (NUM004)
        yield self.finding(
            copy,
            number,
            f"license number {number.value} is not in the registry snapshot: look it up in the "
            "registry before accepting this copy",
        )
