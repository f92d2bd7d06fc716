"""COM006 unknown-public-suffix: a website's domain does not end in a real public suffix."""

import functools

from liclint.checking.rule import Rule, Severity

from ._common import domains
from .com004_malformed_domain import problem


@functools.cache
def _rules(section: str = "ICANN") -> tuple[frozenset[str], int]:
    """The rules of the list's ICANN (or PRIVATE) section as written (Unicode: punycoded names are decoded
    before the lookup), and the most labels a rule has.

    Read from the file the publicsuffixlist package ships, line by line as its parser reads it,
    and kept beside liclint's bytecode (:mod:`liclint.text.datacache`) until that file changes:
    building the package's ``PublicSuffixList`` object took 13 ms of every start that met a
    domain."""
    import os

    from publicsuffixlist import PSLFILE

    from liclint.text import datacache

    info = os.stat(PSLFILE)
    key = f"{section} rules and most labels of {PSLFILE}@{info.st_size}:{info.st_mtime_ns}"
    found = datacache.load("public-suffixes", key)
    if found is None:
        with open(PSLFILE, encoding="utf-8", errors="surrogateescape") as f:
            text = f.read()
        begin = text.index(f"// ===BEGIN {section} DOMAINS===\n")
        end = text.index(f"// ===END {section} DOMAINS===", begin)
        rules = []
        for line in text[begin:end].splitlines():
            rule = line.lower().split(" ")[0].rstrip()
            if rule and not rule.startswith("//"):
                rules.append(rule)
        found = {"rules": rules, "most": max(rule.count(".") for rule in rules) + 1}
        datacache.save("public-suffixes", key, found)
    return frozenset(found["rules"]), found["most"]


def _suffix_labels(labels: list[str]) -> int:
    """How many of the last labels are the public suffix (0: none), by the list's rules: the
    longest match wins; a wildcard rule (*.kawasaki.jp) covers one more label and an exception
    rule (!city.kawasaki.jp) one fewer. (publicsuffixlist's algorithm, ICANN rules only.)"""
    rules, most = _rules()
    for i in range(max(0, len(labels) - (most + 1)), len(labels)):
        depth = len(labels) - i
        suffix = ".".join(labels[i:])
        if "!" + suffix in rules:
            return depth - 1
        if "*." + suffix in rules:
            return depth + 1 if i > 0 else depth
        if suffix in rules:
            return depth
    return 0


def public_suffix(domain: str) -> str | None:
    """The domain's public suffix, or None if it ends in no suffix of the list."""
    name = domain.strip().lower().rstrip(".")
    if not name or "." not in name:
        return None
    try:
        if "xn--" in name:
            name = name.encode("ascii").decode("idna")
    except (ValueError, UnicodeError):
        return None
    labels = name.lower().split(".")
    if "" in labels:
        return None
    count = _suffix_labels(labels)
    return ".".join(labels[-count:]) if count else None


class UnknownPublicSuffix(Rule):
    code = "COM006"
    name = "unknown-public-suffix"
    severity = Severity.ERROR
    summary = "A website domain does not end in a suffix of the Public Suffix List."
    rationale = """
        A website licensed for internet information services has a registered domain, and every
        registrable domain ends in a suffix of the Public Suffix List (ICANN section): a top-level
        domain such as .cn or .top, or a public second level such as .com.cn. A domain ending in a
        suffix that exists nowhere (.cm0, .comm, .chn) or in a reserved name (.example, .test,
        .invalid, .localhost) cannot be registered: it was typed by hand. The list is the one
        shipped with the publicsuffixlist package, read offline.
    """
    citation = (
        "Public Suffix List, ICANN section (https://publicsuffix.org/list/), as shipped by the "
        "publicsuffixlist package; the IANA root zone database "
        "(https://www.iana.org/domains/root/db); RFC 2606 and RFC 6761 (reserved names); the 附页 "
        "field 网站域名."
    )
    source = "published-list"
    effective = None

    def check(self, doc, ctx):
        for field, domain in domains(doc):
            if problem(domain):
                continue  # not even a well-formed name: COM004
            if public_suffix(domain) is None:
                last = domain.lower().rsplit(".", 1)[-1]
                yield self.finding(
                    doc,
                    field,
                    f"domain '{domain}' ends in '.{last}', which is not a public suffix (no such "
                    "top-level domain, or a reserved one): it cannot be a registered domain",
                )
