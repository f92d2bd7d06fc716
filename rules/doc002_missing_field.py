"""DOC002: a required field of the front page is missing or empty.

Article 12 of the old 19号令 and the 42号令 list what a license states: company name, legal
representative, business type and coverage, validity, issuing date and the license number. A copy
without one of them is incomplete, or was cut to hide something.
"""

from liclint.checking.rule import Rule, Severity

from ._common import DATE_LABELS

_FIELDS = (
    ("number", "经营许可证编号 (license number)"),
    ("company", "公司名称 (company name)"),
    ("legal_representative", "法定代表人 (legal representative)"),
    ("scope", "业务种类及覆盖范围 (business type and coverage)"),
    *DATE_LABELS.items(),
)


class MissingField(Rule):
    code = "DOC002"
    name = "missing-field"
    severity = Severity.ERROR
    summary = "A required field (number, company, legal representative, scope, dates) is missing."
    rationale = """
        Every genuine license prints the license number, the company name, the legal
        representative, the business type and coverage, the issue date and the expiry date. A copy
        that lacks one of them, or prints the label with nothing after it, cannot be verified. A
        partial copy without the front page at all (the special provisions only) is reported once,
        as info: missing pages are not an error of the license.
    """
    citation = (
        "信息产业部令第19号 第十二条 and 工业和信息化部令第42号: the content of a license "
        "(公司名称、法定代表人、业务种类、业务覆盖范围、有效期限、发证日期、经营许可证编号)."
    )

    def check(self, doc, ctx):
        if not doc.has_front_page:
            yield self.finding(
                doc,
                1,
                "the copy has no front page (正本): a partial copy; its fields cannot be checked",
                Severity.INFO,
            )
            return
        where = doc.title.line if doc.title else 1
        for attr, label in _FIELDS:
            value = getattr(doc, attr)
            if attr == "number":
                value = doc.number.field if doc.number else None
            elif attr in ("issue_date", "expiry_date") and value is not None:
                value = value.field
            if value is None:
                yield self.finding(doc, where, f"the license has no {label} field")
            elif not value.text.strip():
                yield self.finding(doc, value.line, f"the {label} field is empty")
