"""PRV005 negation-removed: a prohibition (不得…) of the special provisions lost its 不得."""

import datetime as dt
import functools

from liclint.checking.rule import Rule, Severity

from ._provisions import comparison, locate, normalize, units, variants

_AFTER = 5  # characters after 不得 that identify a prohibition


@functools.cache
def prohibitions(table: str, key: str) -> frozenset[str]:
    """The words following 不得 in every variant of a clause."""
    sets = []
    for text in variants(table, key):
        norm = normalize(text)
        found, at = set(), norm.find("不得")
        while at >= 0:
            found.add(norm[at + 2 : at + 2 + _AFTER])
            at = norm.find("不得", at + 2)
        sets.append(found)
    return frozenset(set.intersection(*sets)) if sets else frozenset()


class NegationRemoved(Rule):
    code = "PRV005"
    name = "negation-removed"
    severity = Severity.ERROR
    summary = "A prohibition (不得…) that every template has was turned into a permission."
    rationale = """
        Where every known template version says 不得X ("shall not X"), a copy that says X without
        不得, or 可X, turns a prohibition into a permission: the smallest edit that reverses an
        obligation of the license ("不得投资建设电信传输网络设施" → "可投资建设…"). Prohibitions
        that genuine copies themselves print with and without 不得 (十五(三) in four of five copies
        seen) are not checked. The known versions of the provisions cite 工业和信息化部令第24号 (in
        force 2013-09-01): a license issued before that date had other provisions, which this rule
        does not judge.
    """
    citation = (
        "The 特别规定事项 of the license template: the prohibitions (不得…) of clauses 二, 三, 四, "
        "十五(二) and the others every version prints."
    )
    source = "template"
    effective = dt.date(2013, 9, 1)

    def check(self, doc, ctx):
        for label, table, key, unit in units(doc):
            words = prohibitions(table, key)
            if not words:
                continue
            norm = normalize(unit.text.text)
            for word in sorted(words):
                if "不得" + word in norm:
                    continue
                at = norm.find(word)
                if at < 0:
                    continue  # the whole sentence is gone or rewritten: PRV006
                if norm[at - 1 : at] == "可":
                    start, said = at - 1, f"'可{word}…'"
                else:
                    start, said = at, f"'{word}…' without 不得"
                yield self.finding(
                    doc,
                    locate(unit.text, start, at + len(word)),
                    f"{label} says {said} where every template says '不得{word}…' "
                    "(a prohibition turned into a permission)",
                    comparison=comparison(label, table, key, unit),
                )
