"""PRV006: a clause of the special provisions matches no known template version.

Each clause and sub-item is compared with every known version of its text (data/provisions.toml),
ignoring punctuation, full/half width, whitespace, line wraps and page breaks; numbers are checked
by PRV003/PRV004 and removed prohibitions (不得) by PRV005. The finding points at the first
differing span.
"""

from liclint.checking.rule import Rule, Severity

from ._provisions import (
    borrowed_from,
    closest,
    comparison,
    first_difference,
    locate,
    normalize,
    normalized_variants,
    units,
)

_SHOW = 16


def _short(text: str) -> str:
    return text if len(text) <= _SHOW else text[:_SHOW] + "…"


class WordingMismatch(Rule):
    code = "PRV006"
    name = "wording-mismatch"
    severity = Severity.WARNING
    summary = "A clause of 特别规定事项 matches no known template version."
    rationale = """
        The provisions are printed from the ministry's template; genuine copies differ only in
        punctuation, widths, line wraps and a few known words (首页/主页, 账号/帐号…). Any other
        difference was typed by hand: a changed obligation, an OCR error or a rewritten text.
        The template is reconstructed from genuine copies, so a new official version would also
        show here: a warning, with the differing span.
    """
    citation = "Template versions A, B, C of 特别规定事项 as printed on genuine licenses (domain reference §2, C17)."

    def check(self, doc, ctx):
        for label, table, key, unit in units(doc):
            accepted = normalized_variants(table, key)
            if not accepted:
                continue
            norm = normalize(unit.text.text)
            if norm in accepted or (table != "clauses" and norm in _other_items(table, key)):
                continue
            if borrowed_from(unit.text.text, table, key) is not None:
                continue  # another clause's text: PRV008
            template = closest(norm, table, key)
            difference = _first_non_negation_difference(template, norm)
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
                locate(unit.text, start, end if found else start + 1),
                f"{label} differs from every known template version: {what}",
                comparison=comparison(label, table, key, unit),
            )


def _first_non_negation_difference(template: str, text: str):
    """The first difference that is not a removed 不得 (PRV005 reports those), in ``text`` offsets."""
    shift = 0
    for _ in range(8):
        difference = first_difference(template, text)
        if difference is None:
            return None
        start, end, found, expected = difference
        if expected != "不得" or found not in ("", "可"):
            return start - shift, end - shift, found, expected
        text = text[:start] + expected + text[end:]
        shift += len(expected) - len(found)
    return None


def _other_items(table: str, key: str) -> frozenset[str]:
    other = "items_14" if table == "items_13" else "items_13"
    return normalized_variants(other, key)
