"""NUM003 bad-category-codes: the number's category codes are unknown, out of order or repeated."""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import CATEGORY_CODES


class BadCategories(Rule):
    code = "NUM003"
    name = "bad-category-codes"
    severity = Severity.ERROR
    summary = "The number's category codes are not A1/A2/B1/B2 in ascending order without repeats."
    rationale = """
        License numbers carry only the class codes A1, A2, B1, B2 of 《电信业务分类目录》, joined by
        dots in ascending order on a combined license (A2.B1.B2-20090001). A sub-code such as B25 or
        B21 in the number (sub-codes appear only in the scope text), an unknown class such as C1, a
        repeated code or an unusual order (B2.B1) does not occur on genuine licenses. D codes
        (domain registrars) are NUM004's.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 (工业和信息化部通告, 2015-12-28, in force 2016-03-01) "
        "and the 2003 catalogue before it: the classes 第一类/第二类基础电信业务 (A1, A2) and "
        "第一类/第二类增值电信业务 (B1, B2); combined numbers as published, e.g. "
        "A2.B1.B2-20090001."
    )
    source = "catalogue"
    effective = None

    def check(self, doc, ctx):
        number = doc.number
        if number is None or number.parsed is None or number.parsed.kind != "license":
            return
        codes = number.parsed.categories
        if any(c.startswith("D") for c in codes):
            return
        where = number.field
        for code in codes:
            if code not in CATEGORY_CODES:
                hint = (
                    " (sub-codes appear in the scope, not in the number)"
                    if code[:2] in CATEGORY_CODES
                    else ""
                )
                yield self.finding(
                    doc,
                    where,
                    f"unknown category code '{code}'{hint}; numbers carry A1, A2, B1 or B2",
                )
                return
        if len(set(codes)) != len(codes):
            yield self.finding(doc, where, f"category codes '{'.'.join(codes)}' repeat a code")
        elif list(codes) != sorted(codes):
            yield self.finding(
                doc,
                where,
                f"category codes '{'.'.join(codes)}' are not in ascending order ('{'.'.join(sorted(codes))}')",
            )
