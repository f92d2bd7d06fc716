"""CRS005: a website domain of this copy is on the license of another company.

The attachment (附页) lists the websites the license covers; a website is run by one licensee. The
same domain on the licenses of two companies means that one copy lists a site that is not its
company's — a way to make a merchant's own site look licensed with someone else's license, or an
attachment taken from another license.
"""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class DomainOtherCompany(CrossRule):
    code = "CRS005"
    name = "domain-other-company"
    severity = Severity.WARNING
    summary = "A website domain of this copy is on another company's license."
    rationale = """
        A website is operated by one licensee, and the 附页 lists the licensee's own sites. The
        same domain (lower case, without www.) on another company's copy means one of the two
        lists a site that is not its own: ask which company runs it (the ICP filing of the
        domain names its operator).
    """
    citation = """
        The license template's 附页 (网站名称, 网站域名) and 《互联网信息服务管理办法》 (the ICP
        license covers the licensee's own services); domain reference, template fields.
    """

    def check(self, copy, related, ctx):
        mine = copy.facts
        if mine.company is None:
            return
        for domain in mine.domains:
            firsts = {}
            for other in related.others:
                theirs = other.facts
                if theirs.company is None or theirs.company_key == mine.company_key:
                    continue
                if mine.number and theirs.number and theirs.number.value == mine.number.value:
                    continue  # the same license under another name: CRS001 (a rename?)
                if any(d.value == domain.value for d in theirs.domains):
                    firsts.setdefault(theirs.company_key, other)
            if not firsts:
                continue
            other = next(iter(firsts.values()))
            at = next(d for d in other.facts.domains if d.value == domain.value)
            count = len(firsts) - 1
            more = f" and {count} more compan{'y' if count == 1 else 'ies'}" if count else ""
            yield self.finding(
                copy,
                domain,
                f"domain {domain.value} is also on the license of '{other.facts.company.value}' "
                f"({other.cite(at)}{more}), not only of '{mine.company.value}'",
                other,
            )
