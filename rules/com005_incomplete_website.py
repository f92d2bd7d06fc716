"""COM005 incomplete-website: a website entry of the attachment lacks one of its four fields."""

from liclint.checking.rule import Rule, Severity

_FIELDS = (
    ("name", "网站名称 (site name)"),
    ("domain", "网站域名 (domain)"),
    ("server_location", "服务器放置地 (server location)"),
    ("access_provider", "网站接入服务提供单位 (access provider)"),
)


class IncompleteWebsite(Rule):
    code = "COM005"
    name = "incomplete-website"
    severity = Severity.WARNING
    summary = "A website entry lacks its name, domain, server location or access provider."
    rationale = """
        The attachment of an ICP license records each website with four fields: 网站名称, 网站域名,
        服务器放置地 and 网站接入服务提供单位. An entry with a field missing or empty was cut or
        edited, and the website cannot be checked against the filing system.
    """
    citation = (
        "The license template: each entry of the 附页 prints 网站名称, 网站域名, 服务器放置地 and "
        "网站接入服务提供单位."
    )
    source = "template"
    effective = None

    def check(self, doc, ctx):
        if doc.attachment is None:
            return
        for site in doc.attachment.websites:
            missing = [
                label
                for attr, label in _FIELDS
                if not (getattr(site, attr) and getattr(site, attr).text.strip())
            ]
            if missing:
                yield self.finding(doc, site.line, f"the website entry lacks {', '.join(missing)}")
