"""PRV007 template-date: clauses 十一/十二 use the 42号令's wording on a license issued before it."""

import datetime as dt

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import fold

#: The 42号令 was published by MIIT on this day: before it, its wording existed nowhere.
PUBLISHED = dt.date(2017, 7, 13)
MARKERS = ("电信业务市场综合管理信息系统", "延续经营许可证", "或者业务范围需要变化")


class TemplateDate(Rule):
    code = "PRV007"
    name = "template-date"
    severity = Severity.INFO
    summary = "42号令 wording in clauses 十一/十二 on a license issued before 2017-09-01 (a warning before it was published)."
    rationale = """
        Clauses 十一 and 十二 of the provisions follow the regulation in force when the license was
        issued. The wording of 工业和信息化部令第42号 (in force 2017-09-01) —
        "或者业务范围需要变化", "《电信业务市场综合管理信息系统》", "延续经营许可证的申请" — on a
        license dated before the order took effect suggests that the provisions were copied from a
        newer license; on one dated before MIIT published the order (2017-07-13), when the wording
        existed nowhere, it is a warning. Older wording on newer licenses is common and not
        reported.
    """
    citation = (
        "工业和信息化部令第42号《电信业务经营许可管理办法》 (in force 2017-09-01) "
        "第二十七至二十九条, whose wording clauses 十一 and 十二 of later licenses copy; before it "
        "工业和信息化部令第5号 (续办, 向我部提出申请)."
    )
    source = "regulation"
    effective = None
    ineffective = dt.date(2017, 9, 1)  # the 42号令 in force: its wording is expected from then on

    def check(self, doc, ctx):
        issue = doc.issue_date
        if doc.provisions is None or issue is None or issue.value is None:
            return
        for clause in doc.provisions.clauses:
            if clause.value not in (11, 12):
                continue
            text = "".join(fold(clause.text.text).split())
            for marker in MARKERS:
                if marker in text:
                    unpublished = issue.value < PUBLISHED
                    yield self.finding(
                        doc,
                        clause.numeral,
                        f"clause {clause.numeral.text} uses the wording of the 42号令 ('{marker}', "
                        + ("published " + PUBLISHED.isoformat() + ", " if unpublished else "")
                        + f"in force {self.ineffective.isoformat()}) on a license issued "
                        f"{issue.value.isoformat()}",
                        Severity.WARNING if unpublished else None,
                    )
                    break
