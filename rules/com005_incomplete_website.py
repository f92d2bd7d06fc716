"""COM005: a website entry of the attachment lacks one of its four fields.

Each website of an ICP license's attachment has 网站名称, 网站域名, 服务器放置地 and
网站接入服务提供单位.
"""

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
        The attachment records each website with four fields. An entry with a field missing or
        empty was cut or edited, and the website cannot be checked against the filing system.
    """
    citation = "The license template: 附页 entries 网站名称/网站域名/服务器放置地/网站接入服务提供单位 (domain reference C11)."

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
