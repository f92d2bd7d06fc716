"""DAT006: the license has expired at the as-of date (``--as-of``, default today)."""

from liclint.checking.rule import Rule, Severity


class Expired(Rule):
    code = "DAT006"
    name = "expired"
    severity = Severity.ERROR
    summary = "The license's expiry date (有效期至) has passed at the as-of date."
    rationale = """
        A license is valid up to and including the day printed after 有效期至. After that day the
        company may no longer operate the licensed business on it unless it was renewed; a renewed
        license is a new document with a new expiry date, so an expired copy must not be accepted.
    """
    citation = (
        "《电信业务经营许可管理办法》(工业和信息化部令第42号): value-added licenses are valid for 5 "
        "years; continuing requires renewal (延续) before expiry."
    )

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
