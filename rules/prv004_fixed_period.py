"""PRV004 fixed-period: a fixed period or deadline in the special provisions was changed."""

import datetime as dt
import functools
import re

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import fold

from ._provisions import comparison, numbers, units, variants

_NUMBER = re.compile(r"[0-9]+")
_ORDER = re.compile(r"工业和信息化部令第\s*[0-9]+\s*号")


@functools.cache
def _accepted(table: str, key: str) -> frozenset[tuple[str, ...]]:
    """The numbers of every variant of a clause, in order."""
    return frozenset(numbers(v) for v in variants(table, key))


class FixedPeriod(Rule):
    code = "PRV004"
    name = "fixed-period"
    severity = Severity.ERROR
    summary = "A period fixed by the template (10个工作日, 30日内, 提前90日) was changed."
    rationale = """
        The provisions fix 10个工作日 (reporting after illegal information was handled, clause 九),
        30日 (applications and notices, 十一/十二/十三 and 十五(八)) and 提前90日 (renewal, 十二).
        They come from the regulation (renewal 90 days before expiry: 42号令 第二十七条) and are the
        same on every license. Every number of a clause is compared with the numbers of the same
        clause in the template versions (order numbers are PRV003's); a changed number loosens an
        obligation and shows the text was edited. The known versions of the provisions cite
        工业和信息化部令第24号 (in force 2013-09-01): a license issued before that date had other
        provisions, which this rule does not judge.
    """
    citation = (
        "工业和信息化部令第42号《电信业务经营许可管理办法》 第二十七条 (提前90日) and "
        "第二十八、二十九条 (30日内); the 特别规定事项 of the license template (九: 10个工作日, "
        "十一 to 十三: 30日, 十二: 提前90日)."
    )
    source = "template"
    effective = dt.date(2013, 9, 1)

    def check(self, doc, ctx):
        for label, table, key, unit in units(doc):
            accepted = _accepted(table, key)
            if not accepted:
                continue
            found = numbers(unit.text.text)
            if found in accepted:
                continue
            text = fold(unit.text.text)
            expected = min(
                accepted,
                key=lambda a: (
                    sum(x != y for x, y in zip(a, found, strict=False)) + abs(len(a) - len(found))
                ),
            )
            orders = [m.span() for m in _ORDER.finditer(text)]
            spans = [
                m for m in _NUMBER.finditer(text) if not any(a <= m.start() < b for a, b in orders)
            ]
            for i, match in enumerate(spans):
                want = expected[i] if i < len(expected) else None
                if match.group() != want:
                    context = text[match.end() : match.end() + 4]
                    wanted = f"{want}{context}" if want else "no number here"
                    yield self.finding(
                        doc,
                        unit.text.span_at(match.start(), match.end()),
                        f"{label} says '{match.group()}{context}' where the template says '{wanted}'",
                        comparison=comparison(label, table, key, unit),
                    )
                    break
            else:
                yield self.finding(
                    doc,
                    unit.text,
                    f"{label} lacks the period '{expected[len(spans)]}' of the template",
                    comparison=comparison(label, table, key, unit),
                )
