"""SCP003 category-scope-mismatch: the scope names a business the number does not grant."""

from liclint.checking.rule import Rule, Severity

from ._scope import INFORMATION_SERVICES, business_class, compact


class CategoryScopeMismatch(Rule):
    code = "SCP003"
    name = "category-scope-mismatch"
    severity = Severity.WARNING
    summary = "The scope names a business of a class the number does not grant."
    rationale = """
        The category code in the number states which classes of business the license covers: a B2
        number covers the second class of value-added services only, so a scope that also lists
        互联网数据中心业务 (B1 since 2016) needs B1.B2; a legacy 京ICP证 number covers internet
        information services only, so its scope holds 信息服务业务 and nothing else. The class of a
        business is read from the catalogue in force in the number's year (the 2003 catalogue before
        2016, the 2015 catalogue from 2016). A business of another class in the scope means that the
        scope was extended by hand or the number belongs to another license.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 (工业和信息化部通告, 2015-12-28, in force 2016-03-01) "
        "and the 2003 catalogue before it: the class (B1, B2) of each business."
    )
    source = "catalogue"
    effective = None

    def check(self, doc, ctx):
        number, parts = doc.number, doc.scope_parts
        if number is None or number.parsed is None or parts is None:
            return
        parsed = number.parsed
        for business in parts.businesses:
            name = compact(business.name.text)
            found = business_class(name, parsed.year)
            if parsed.kind == "legacy":
                if found is not None and found[0] != INFORMATION_SERVICES:
                    yield self.finding(
                        doc,
                        business.name,
                        f"the scope names {name}, but the number '{number.field.text.strip()}' "
                        "is an ICP证 number, which grants internet information services only",
                    )
                continue
            if parsed.kind != "license" or not parsed.categories:
                continue
            if found is not None and found[1] not in parsed.categories:
                yield self.finding(
                    doc,
                    business.name,
                    f"the scope names {found[0]} ({found[1]}) but the number "
                    f"'{number.field.text.strip()}' covers only {'.'.join(parsed.categories)}",
                )
