"""PRV006 wording-mismatch: a clause of the special provisions matches no known template version."""

import datetime as dt

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
        punctuation, widths, line wraps and a few known words (首页/主页, 账号/帐号…). Each clause
        and sub-item is compared with every known version of its text, ignoring punctuation, full
        and half width, whitespace, line wraps and page breaks; numbers are PRV003's and PRV004's,
        removed prohibitions (不得) PRV005's. Any other difference was typed by hand: a changed
        obligation, an OCR error or a rewritten text. The template is reconstructed from genuine
        copies, so a new official version would also show here: a warning, pointing at the first
        differing span. The known versions of the provisions cite 工业和信息化部令第24号 (in force
        2013-09-01): a license issued before that date had other provisions, which this rule does
        not judge.
    """
    citation = (
        "The 特别规定事项 of the license template in the versions printed on genuine licenses (no "
        "official publication of its text was found): the wording of each clause 一…十五 and of "
        "each sub-item of 十五."
    )
    source = "template"
    effective = dt.date(2013, 9, 1)

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
                unread=None if found else "the missing words may be there but not read",
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
