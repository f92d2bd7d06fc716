"""DOC002 missing-field: a required field of the front page is missing or empty."""

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
        Every genuine license prints the license number, the company name, the legal representative,
        the business type and coverage, the issue date and the expiry date: the content the
        licensing orders prescribe. A copy that lacks one of them, or prints the label with nothing
        after it, is incomplete or was cut to hide something, and cannot be verified. A partial copy
        without the front page at all (the special provisions only) is reported once, as info:
        missing pages are not an error of the license.
    """
    citation = (
        "信息产业部令第19号《电信业务经营许可证管理办法》 第十二条 and "
        "工业和信息化部令第42号《电信业务经营许可管理办法》: the 正文 states "
        "公司名称、法定代表人、业务种类、业务覆盖范围、有效期限、发证日期、经营许可证编号."
    )
    source = "regulation"
    effective = None

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
                yield self.finding(
                    doc, where, f"the license has no {label} field",
                    unread="the field may be there but not read",
                )  # fmt: skip
            elif not value.text.strip():
                yield self.finding(
                    doc, value.line, f"the {label} field is empty",
                    unread="its value may be there but not read",
                )  # fmt: skip
