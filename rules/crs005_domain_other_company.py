"""CRS005 domain-other-company: a website domain of this copy is on another company's license."""

from liclint.across.cross import CrossRule
from liclint.checking.rule import Severity


class DomainOtherCompany(CrossRule):
    code = "CRS005"
    name = "domain-other-company"
    severity = Severity.WARNING
    summary = "A website domain of this copy is on another company's license."
    rationale = """
        The attachment (附页) lists the websites the license covers, and a website is run by one
        licensee: the 附页 lists the licensee's own sites. The same domain (lower case, without
        www.) on the licenses of two companies means that one copy lists a site that is not its
        company's — a way to make a merchant's own site look licensed with someone else's license,
        or an attachment taken from another license. Ask which company runs it: the ICP filing of
        the domain names its operator.
    """
    citation = (
        "The license template: the 附页 lists 网站名称 and 网站域名 of the licensee's websites; "
        "《互联网信息服务管理办法》(国务院令第292号) 第四条 and 第七条: the provider of an "
        "internet information service holds the license, or files the site, for its own service."
    )
    source = "template"
    effective = None

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
