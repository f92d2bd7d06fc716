"""COM004 malformed-domain: a website domain in the attachment is not a valid domain name."""

import re

from liclint.checking.rule import Rule, Severity

from ._common import domains

_IDN_TLD = re.compile(r"xn--[a-z0-9-]{2,59}")
_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


# Written out, not as regexes: a class of the 27,000 CJK characters takes a millisecond to
# compile, at every start.
def _label(label: str) -> bool:
    """1–63 ASCII letters, digits, hyphens or CJK characters (U+3400–U+9FFF), no hyphen at
    either end."""
    return (
        1 <= len(label) <= 63
        and not label.startswith("-")
        and not label.endswith("-")
        and all(c in _LABEL_CHARS or "\u3400" <= c <= "\u9fff" for c in label)
    )


def _tld(label: str) -> bool:
    """2–63 ASCII letters or CJK characters, or an IDN label (xn--…)."""
    return (
        2 <= len(label) <= 63 and all("a" <= c <= "z" or "\u3400" <= c <= "\u9fff" for c in label)
    ) or bool(_IDN_TLD.fullmatch(label))


def problem(domain: str) -> str | None:
    """Why ``domain`` is not a valid domain name, or None."""
    name = domain.lower().removesuffix(".")
    if not name:
        return "it is empty"
    if any(c in name for c in "/:@ \t") or "://" in name:
        return "a domain has no scheme, path, port or spaces"
    if len(name) > 253:
        return "it is longer than 253 characters"
    labels = name.split(".")
    if len(labels) < 2:
        return "it has no top-level domain"
    for label in labels:
        if not label:
            return "it has an empty label (two dots in a row, or a leading dot)"
        if not _label(label):
            return f"label '{label}' is not 1–63 letters, digits or inner hyphens"
    if not _tld(labels[-1]):
        return f"top-level domain '{labels[-1]}' is not made of letters"
    return None


class MalformedDomain(Rule):
    code = "COM004"
    name = "malformed-domain"
    severity = Severity.ERROR
    summary = "A website domain (网站域名) is not a syntactically valid domain name."
    rationale = """
        The attachment lists the domains the license covers, and the licensing system accepts
        registered domain names only: labels of 1–63 letters, digits or hyphens (not at either end),
        at least two labels, 253 characters at most, a top-level domain of letters (or an IDN xn--
        label), no scheme, path, port or spaces. A malformed one was typed by hand.
    """
    citation = (
        "RFC 1035 section 2.3.1 and RFC 1123 section 2.1 (the syntax of host names), RFC 5890 "
        "(internationalised labels, xn--); the 附页 field 网站域名."
    )
    source = "published-list"
    effective = None

    def check(self, doc, ctx):
        for field, domain in domains(doc):
            why = problem(domain)
            if why:
                yield self.finding(doc, field, f"domain '{field.text.strip()}' is malformed: {why}")
