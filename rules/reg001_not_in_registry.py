"""REG001: the license number is not in the loaded registry snapshot.

Platforms look licenses up in the 电信业务市场综合管理信息系统 and keep what they found; `liclint
ledger import` loads such an export. A number the export does not list was never issued, or was
issued after the export was taken: a warning by default (``severity = { REG001 = "error" }`` in
the configuration makes it an error for a complete export). Only when a registry is loaded.
"""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class NotInRegistry(CrossRule):
    code = "REG001"
    name = "not-in-registry"
    severity = Severity.WARNING
    summary = "The license number is not in the loaded registry snapshot."
    rationale = """
        Every license is recorded in the licensing registry. A number that a registry export does
        not list was made up, or is newer than the export: look it up in the registry before
        accepting the copy. Set the severity to error when the export is complete.
    """
    citation = """
        《电信业务经营许可管理办法》(工业和信息化部令第42号): licenses are managed through the
        电信业务市场综合管理信息系统 (domain reference, regulation fact 7).
    """

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
