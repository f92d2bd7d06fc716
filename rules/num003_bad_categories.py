"""NUM003: the category codes in the number are unknown, out of order or repeated.

The number carries only the class codes A1, A2, B1, B2 of 《电信业务分类目录（2015年版）》, joined
by dots in ascending order (``A2.B1.B2``). Sub-codes such as B25 appear only in the scope text.
D codes (domain registrars) are reported by NUM004.
"""

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import CATEGORY_CODES


class BadCategories(Rule):
    code = "NUM003"
    name = "bad-category-codes"
    severity = Severity.ERROR
    summary = "The number's category codes are not A1/A2/B1/B2 in ascending order without repeats."
    rationale = """
        Combined licenses print their classes dot-joined in ascending order (A2.B1.B2-…). A
        sub-code such as B25 or B21 in the number, an unknown class such as C1, a repeated code or
        an unusual order (B2.B1) does not occur on genuine licenses.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 (in force 2016-03-01): classes A1, A2, B1, B2; "
        "combined numbers such as A2.B1.B2-20090001 (domain reference facts 18, §4)."
    )

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
