"""NUM001 malformed-number: a license number does not have the form of a license number."""

import re

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import fold

#: A category code typed in lower case (b2 for B2): the grammar's message alone would not say so.
_LOWER_CODE = re.compile(r"(?<![A-Za-z])[ab][12](?![0-9]{3})")


class MalformedNumber(Rule):
    code = "NUM001"
    name = "malformed-number"
    severity = Severity.ERROR
    summary = "A license number does not match the grammar of license numbers."
    rationale = """
        Every license number the ministry and the provincial administrations issue has a fixed
        shape: an optional province abbreviation (or 合字), the category code, a hyphen, a 4-digit
        year and a 4-digit serial (京B2-20181623, B2-20196370, 合字B2-20160011, A2.B1.B2-20090001);
        or the legacy 京ICP证 + 6 digits + 号 (京ICP证130204号). Spaces, full-width characters and
        the dashes －/— seen in genuine copies are accepted. A number with a digit too many or too
        few, a missing hyphen, a category code in lower case or stray characters was mistyped or
        forged.
    """
    citation = (
        "License numbers as MIIT and the provincial communications administrations print them on "
        "licenses and in their published lists of licensed companies: [province | 合字] "
        "A1/A2/B1/B2 (dot-joined) - YYYY NNNN, or the legacy 京ICP证NNNNNN号."
    )
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        for number in doc.numbers:
            if number.error is None or not number.field.text.strip():
                continue
            at = number.error.offset
            why = number.error.message
            if _LOWER_CODE.search(fold(number.field.text)):
                why = "its category code is in lower case (license numbers print A1, A2, B1, B2)"
            yield self.finding(
                doc,
                number.field.span_at(at, at + 1),
                f"license number '{number.field.text.strip()}' is malformed: {why}",
            )
