"""DAT007 expiring-soon: the license expires within expiring-days (default 90) of the as-of date."""

from liclint.checking.rule import Option, Rule, Severity


class ExpiringSoon(Rule):
    code = "DAT007"
    name = "expiring-soon"
    severity = Severity.WARNING
    summary = "The license expires soon: within the renewal deadline of 90 days (configurable)."
    rationale = """
        A company that wants to continue must apply for renewal 90 days before expiry. A license
        inside that window (option expiring-days, default 90) is still valid, but a reviewer should
        ask for the renewed license or the renewal application before relying on it.
    """
    citation = (
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十七条 (clause 十二 of "
        "特别规定事项): 应当提前90日向原发证机关提出延续经营许可证的申请; the same 90 days in "
        "信息产业部令第19号《电信业务经营许可证管理办法》 第二十五条 and 工业和信息化部令第5号 "
        "第三十条 (续办)."
    )
    source = "regulation"
    effective = None
    options = {"expiring-days": Option(90, "warn when the license expires within this many days")}

    def check(self, doc, ctx):
        expiry = doc.expiry_date
        if expiry is None or expiry.value is None or expiry.value < ctx.as_of:
            return
        left = (expiry.value - ctx.as_of).days
        if left <= self.option(ctx, "expiring-days"):
            yield self.finding(
                doc,
                expiry.field,
                f"the license expires on {expiry.value.isoformat()}, in {left} day{'s' if left != 1 else ''}; "
                "renewal must be applied for 90 days before expiry",
            )
