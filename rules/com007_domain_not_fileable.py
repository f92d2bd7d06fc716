"""COM007 domain-not-fileable: a website's domain is one its holder cannot have filed."""

from liclint.checking.rule import Rule, Severity

from ._common import domains
from .com004_malformed_domain import problem
from .com006_unknown_public_suffix import _rules

#: Second-level domains reserved for bodies that are not companies: government agencies
#: (gov.cn), the military (mil.cn) and, by CERNET, education and research institutions (edu.cn).
RESERVED = {
    "gov.cn": "government agencies",
    "mil.cn": "the military",
    "edu.cn": "education institutions",
}


def hosting_suffix(domain: str) -> str | None:
    """The platform suffix (the Public Suffix List's PRIVATE section: github.io, netlify.app…)
    under which ``domain`` is a subdomain, or None."""
    rules, _ = _rules("PRIVATE")
    labels = domain.lower().rstrip(".").split(".")
    for i in range(1, len(labels) - 1):
        suffix = ".".join(labels[i:])
        if suffix in rules or "*." + ".".join(labels[i + 1 :]) in rules:
            return suffix
    return None


class DomainNotFileable(Rule):
    code = "COM007"
    name = "domain-not-fileable"
    severity = Severity.ERROR
    summary = "A website's domain is a platform's subdomain or a reserved domain: it cannot be the holder's."
    rationale = """
        The attachment lists the websites a license covers, and a website is filed (备案) under a
        domain its holder registered with a licensed registrar. A subdomain of a hosting
        platform's domain (name.github.io, name.netlify.app: the Public Suffix List's private
        section) belongs to the platform, not to the company; a domain under gov.cn, mil.cn or
        edu.cn is reserved for government agencies, the military and education institutions, not
        for a company holding a value-added telecom license. Such a domain was put there by
        someone who never filed the site.
    """
    citation = (
        "工业和信息化部令第43号《互联网域名管理办法》 (in force 2017-11-01) 第二十七、二十八条: a "
        "domain is registered by its holder with a licensed registrar; the Public Suffix List, "
        "PRIVATE section (https://publicsuffix.org/list/); CNNIC 《国家顶级域名注册实施细则》: "
        "gov.cn for government bodies."
    )
    source = "published-list"
    effective = None

    def check(self, doc, ctx):
        for field, domain in domains(doc):
            domain = domain.lower()
            if problem(domain) is not None:
                continue  # malformed: COM004
            platform = hosting_suffix(domain)
            if platform is not None:
                yield self.finding(
                    doc,
                    field,
                    f"'{domain}' is a subdomain of {platform}, a platform's hosting domain: the "
                    "domain belongs to the platform, and a licensed website is filed under a "
                    "domain its holder registered",
                )
                continue
            reserved = next((r for r in RESERVED if domain == r or domain.endswith("." + r)), None)
            if reserved is not None:
                yield self.finding(
                    doc,
                    field,
                    f"'{domain}' is under {reserved}, which is reserved for {RESERVED[reserved]}, "
                    "not for a company's website",
                )
