"""PLT002 province-allow-list: the license is issued in a province the platform does not accept."""

from __future__ import annotations

from liclint.checking.rule import Option, Rule, Severity
from liclint.text.grammar import PROVINCES

from ._options import strings


class ProvinceAllowList(Rule):
    code = "PLT002"
    name = "province-allow-list"
    severity = Severity.ERROR
    summary = "The license number's province is not one the platform accepts merchants from."
    rationale = """
        A provincial license number begins with the province's abbreviation (浙B2-…:
        浙江省通信管理局), and such a license covers that province only, so a merchant licensed in
        one province may not provide the service in another. Qinghe Market operates in a set of
        provinces (option allowed-provinces; empty: every province) and, for its own liability,
        accepts only licenses that cover them: a license of another province means the merchant
        would operate beyond its license on this platform, or that the license is someone
        else's. Numbers without a province prefix are issued by the ministry (工业和信息化部) —
        cross-regional licenses, and the 合字 numbers of foreign-invested companies — and are
        accepted unless allow-cross-regional is false. The rule reads the front page's number; a
        copy without a number (a partial copy), a malformed number or an ICP filing number
        (备案号) is left to DOC002, NUM001 and NUM004.
    """
    citation = (
        "Qinghe Market merchant onboarding policy (青禾市场商家入驻资质审核规范, fictional), "
        "section 2.1: the merchant's license must be issued by the communications administration "
        "of a province where the market operates, or be a cross-regional license of MIIT; "
        "《中华人民共和国电信条例》 第九条: a license approved by a province's communications "
        "administration covers that province."
    )
    source = "regulation"  # the policy applies 《电信条例》 第九条 to the platform's provinces
    effective = None  # every license
    options = {
        "allowed-provinces": Option(
            [],
            'license prefixes the platform accepts (a list, e.g. ["浙", "沪"]); '
            "empty: every province",
        ),
        "allow-cross-regional": Option(
            True,
            "accept numbers issued by the ministry: no province prefix (跨地区) or 合字",
        ),
    }

    def check(self, doc, ctx):
        allowed = strings(self.option(ctx, "allowed-provinces"))
        unknown = [p for p in allowed if len(p) != 1 or p not in PROVINCES]
        if unknown:
            # A misconfiguration: raising makes it a LIC001 finding naming this rule and plugin.
            raise ValueError(
                f"option allowed-provinces: {', '.join(map(repr, unknown))} is not a license "
                f"prefix (one of {PROVINCES})"
            )
        number = doc.number
        if number is None or number.parsed is None or number.parsed.kind == "filing":
            return
        text = number.field.text.strip()
        if number.parsed.ministry:
            if not self.option(ctx, "allow-cross-regional"):
                yield self.finding(
                    doc,
                    number.field,
                    f"'{text}' is issued by the ministry (no province prefix, or 合字), and this "
                    "platform does not accept such licenses (option allow-cross-regional)",
                )
            return
        prefix = number.parsed.prefix
        if allowed and prefix not in allowed:
            yield self.finding(
                doc,
                number.field,
                f"'{text}' is a license of {prefix}, and this platform accepts licenses of "
                f"{'、'.join(allowed)} only (option allowed-provinces)",
            )
