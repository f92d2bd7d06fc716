"""CRS001 number-other-company: the same license number is on another copy with another company."""

from liclint.across.cross import CrossRule
from liclint.across.facts import company_key
from liclint.checking.rule import Severity


class NumberOtherCompany(CrossRule):
    code = "CRS001"
    name = "number-other-company"
    severity = Severity.ERROR
    summary = "The license number is on another copy that names another company."
    rationale = """
        A license number belongs to one company: the authority issues it to that company, and a
        change of the licensee or of its name goes back to the 原发证机关, which re-issues the
        license under the same number with a new issue date (and the same expiry date). Two copies
        of one number with the same issue date (or one not readable) that name two companies show
        that one carries a company that does not hold the license — the commonest forgery of a copy,
        a genuine license with another name put on every page, which no rule inside one copy can
        see: an error. With different issue dates they may be the license before and after a change
        of name: a warning that says so. When a loaded registry (电信业务市场综合管理信息系统) lists
        this copy's company for the number, the other copy is the suspect (it gets REG002) and this
        copy is only told, as info. Companies are compared with widths, spaces and brackets
        normalised, never by similarity; one finding per copy names the first other company (of the
        same issue first) and how many more.
    """
    citation = (
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十八、二十九条 (earlier "
        "信息产业部令第19号《电信业务经营许可证管理办法》 第二十六、二十七条): a change of the "
        "licensee or of its name is applied for to the 原发证机关, which re-issues the license."
    )
    source = "regulation"
    effective = None

    def check(self, copy, related, ctx):
        mine = copy.facts
        if mine.number is None or mine.company is None:
            return
        by_company = {}
        for other in related.others:
            theirs = other.facts
            if theirs.number is None or theirs.number.value != mine.number.value:
                continue
            if theirs.company is not None and theirs.company_key != mine.company_key:
                by_company.setdefault(theirs.company_key, []).append(other)
        if not by_company:
            return
        others = [o for group in by_company.values() for o in group]
        same_issue = [o for o in others if not _reissue(mine, o.facts)]
        first = (same_issue or others)[0]
        count = len(by_company) - 1
        more = f" and {count} more {'company' if count == 1 else 'companies'}" if count else ""
        message = (
            f"license number {mine.number.value} is also on a copy for "
            f"'{first.facts.company.value}' ({first.cite(first.facts.company)}{more}), but "
            f"this copy names '{mine.company.value}'"
        )
        row = related.registry
        if row is not None and company_key(row.company) == mine.company_key:
            yield self.finding(
                copy,
                mine.company,
                message + f"; the registry ({row.source}) lists this copy's company, so the "
                "other copy is the suspect one",
                first,
                Severity.INFO,
            )
        elif same_issue:
            yield self.finding(
                copy, mine.company, message + ": one license belongs to one company", first
            )
        else:
            yield self.finding(
                copy,
                mine.company,
                message + f" and is issued {mine.issue.value}, the other "
                f"{first.facts.issue.value}: if the company was renamed, the later issue "
                "carries the new name; check the registry",
                first,
                Severity.WARNING,
            )


def _reissue(mine, theirs) -> bool:
    """Both copies have issue dates, and they differ: another issue of the license."""
    return bool(mine.issue and theirs.issue and mine.issue.value != theirs.issue.value)
