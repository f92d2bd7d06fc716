"""DAT006 expired: the license has expired at the as-of date (--as-of, default today)."""

from liclint.checking.rule import Rule, Severity


class Expired(Rule):
    code = "DAT006"
    name = "expired"
    severity = Severity.ERROR
    summary = "The license's expiry date (有效期至) has passed at the as-of date."
    rationale = """
        A license is valid up to and including the day printed after 有效期至. After that day (at
        the as-of date: --as-of, by default today) the company may no longer operate the licensed
        business on it unless it was renewed; a renewed license is a new document with a new expiry
        date, so an expired copy must not be accepted.
    """
    citation = (
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十七条 (earlier "
        "信息产业部令第19号《电信业务经营许可证管理办法》 第二十五条): a license, valid for 5 "
        "years, continues only if its renewal (延续) was applied for 90 days before expiry; the "
        "renewed license is a new certificate."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        expiry = doc.expiry_date
        if expiry is None or expiry.value is None or expiry.value >= ctx.as_of:
            return
        days = (ctx.as_of - expiry.value).days
        yield self.finding(
            doc,
            expiry.field,
            f"the license expired on {expiry.value.isoformat()}, {days} day{'s' if days != 1 else ''} "
            f"before the as-of date {ctx.as_of.isoformat()}",
        )
