"""SCP003: the scope names a business of a class the number's category code does not cover.

A ``B2`` number covers the second class of value-added services only; a scope that also lists
互联网数据中心业务 (B1 since 2016) needs ``B1.B2``. The class of a business is read from the
catalogue in force in the number's year (2003 catalogue before 2016, 2015 catalogue after).
"""

from liclint.rule import Rule, Severity

from ._scope import catalogue_for, compact


class CategoryScopeMismatch(Rule):
    code = "SCP003"
    name = "category-scope-mismatch"
    severity = Severity.WARNING
    summary = "The scope names a business whose class is not in the number's category codes."
    rationale = """
        The category code in the number states which classes of business the license covers.
        A business of another class in the scope means that the scope was extended by hand or the
        number belongs to another license.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 (in force 2016-03-01) and the 2003 catalogue before it "
        "(domain reference facts 9, 10)."
    )

    def check(self, doc, ctx):
        number, scope = doc.number, doc.scope
        if number is None or number.parsed is None or scope is None:
            return
        if number.parsed.kind != "license" or not number.parsed.categories:
            return
        text = compact(scope.text)
        catalogue = catalogue_for(number.parsed.year)
        for business, cls in catalogue.items():
            at = text.find(business)
            if at >= 0 and f"不含{business}" not in text and cls not in number.parsed.categories:
                yield self.finding(
                    doc,
                    scope,
                    f"the scope names {business} ({cls}) but the number "
                    f"'{number.field.text.strip()}' covers only {'.'.join(number.parsed.categories)}",
                )
