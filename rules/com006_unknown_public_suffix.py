"""COM006: a website's domain does not end in a real public suffix (.cn, .com.cn, .中国 …).

The attachment lists domains the licensee registered. A registrable domain ends in a suffix of
the Public Suffix List (ICANN section): a top-level domain such as .cn or .top, or a public
second level such as .com.cn. ``.cm0``, ``.comm`` or ``.chn`` exist nowhere, and the reserved
names (.example, .test, .invalid, .localhost) cannot be registered. The list is the one shipped by
the ``publicsuffixlist`` package, read offline.
"""

import functools

from liclint.rule import Rule, Severity

from .com004_malformed_domain import problem


@functools.cache
def _psl():
    from publicsuffixlist import PublicSuffixList

    # the list as written (Unicode), without a punycode copy of every rule: three times faster
    # to load; punycoded names are decoded before the lookup instead
    return PublicSuffixList(only_icann=True, accept_encoded_idn=False)


def public_suffix(domain: str) -> str | None:
    """The domain's public suffix, or None if it ends in no suffix of the list."""
    name = domain.strip().lower().rstrip(".")
    if not name or "." not in name:
        return None
    try:
        if "xn--" in name:
            name = name.encode("ascii").decode("idna")
        return _psl().publicsuffix(name, accept_unknown=False)
    except (ValueError, UnicodeError):
        return None


class UnknownPublicSuffix(Rule):
    code = "COM006"
    name = "unknown-public-suffix"
    severity = Severity.ERROR
    summary = "A website domain does not end in a suffix of the Public Suffix List."
    rationale = """
        A website licensed for internet information services has a registered domain, and every
        registrable domain ends in a public suffix (ICANN's top-level domains and the public
        second levels under them). A domain ending in a suffix that does not exist, or in a
        reserved one such as .example, cannot be registered: it was typed by hand.
    """
    citation = (
        "Public Suffix List (publicsuffix.org, ICANN section), as shipped by the publicsuffixlist "
        "package; RFC 2606 / RFC 6761 reserved names; the 附页 field 网站域名."
    )

    def check(self, doc, ctx):
        if doc.attachment is None:
            return
        for site in doc.attachment.websites:
            if site.domain is None or not site.domain.text.strip():
                continue
            domain = site.domain.text.strip()
            if problem(domain):
                continue  # not even a well-formed name: COM004
            if public_suffix(domain) is None:
                last = domain.lower().rstrip(".").rsplit(".", 1)[-1]
                yield self.finding(
                    doc,
                    site.domain,
                    f"domain '{domain}' ends in '.{last}', which is not a public suffix (no such "
                    "top-level domain, or a reserved one): it cannot be a registered domain",
                )
