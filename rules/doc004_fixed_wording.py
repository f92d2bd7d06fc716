"""DOC004 fixed-wording: the title, preamble or attachment heading differs from the template."""

import re

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import fold

from ._provisions import (
    closest,
    first_difference,
    front_laws,
    locate,
    normalize,
    normalized_variants,
)

_CITED = re.compile(r"《([^》]{1,40})》")
_SHOW = 16


def _short(text: str) -> str:
    return text if len(text) <= _SHOW else text[:_SHOW] + "…"


class FixedWording(Rule):
    code = "DOC004"
    name = "fixed-wording"
    severity = Severity.WARNING
    summary = "The title, preamble or attachment heading differs from the license template."
    rationale = """
        The front page's wording is fixed: the title 中华人民共和国增值电信业务经营许可证, the
        preamble
        "根据《中华人民共和国电信条例》及国家有关规定，经审查，准许你公司…特颁发(跨地区)增值电信业务经营许可证。"
        and the attachment heading "(附页)", printed by the licensing system from one template. They
        are compared with the template as the special provisions are, ignoring punctuation, widths,
        spaces and line wraps. A sentence added to the preamble (a right to transfer the license, a
        grant to related companies), a word removed (经审查) or a title changed was typed by hand: a
        warning naming the first differing words. Citing a law that the template does not cite (an
        invented 《…条例》) is an error: no genuine copy does it.
    """
    citation = (
        "The license template (正文 and 附页) as printed on genuine provincial and cross-regional "
        "licenses; the preamble cites 《中华人民共和国电信条例》(国务院令第291号, 2000)."
    )
    source = "template"
    effective = None

    def check(self, doc, ctx):
        parts = [("title", "the title", doc.title), ("grant", "the preamble", doc.grant)]
        if doc.attachment is not None and doc.attachment.title.text:
            parts.append(("attachment", "the attachment heading", doc.attachment.title))
        for key, label, field in parts:
            if field is None or not field.text.strip():
                continue
            if key == "grant":
                yield from self.laws(doc, field)
            norm = normalize(field.text)
            if norm in normalized_variants("front", key):
                continue
            template = closest(norm, "front", key)
            if template is None or norm == template:
                continue
            if key == "attachment" and any(
                v.endswith(norm) for v in normalized_variants("front", key)
            ):
                continue  # the heading's end, its beginning wrapped onto the line before
            if (
                key == "title"
                and len(norm) == len(template)
                and sum(a != b for a, b in zip(norm, template, strict=True)) == 1
            ):
                continue  # one character: a misspelling, DOC003
            difference = first_difference(template, norm)
            if difference is None:
                continue
            start, end, found, expected = difference
            if found and expected:
                what = f"'{_short(found)}' where the template reads '{_short(expected)}'"
            elif found:
                what = f"'{_short(found)}' is not in the template"
            else:
                what = f"'{_short(expected)}' of the template is missing here"
            yield self.finding(
                doc,
                locate(field, start, end if found else start + 1),
                f"{label} differs from the license template: {what}",
                unread=None if found else "the missing words may be there but not read",
            )

    def laws(self, doc, field):
        for match in _CITED.finditer(field.text):
            law = "".join(fold(match.group(1)).split())
            if law not in front_laws():
                yield self.finding(
                    doc,
                    field.span_at(match.start(1), match.end(1)),
                    f"the preamble cites 《{law}》, a law the license template does not cite "
                    f"(it cites 《{front_laws()[0]}》)",
                    Severity.ERROR,
                )
