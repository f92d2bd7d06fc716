"""PRV003 order-number: an order cited in the special provisions carries the wrong number."""

import functools
import re

from liclint.checking.rule import Rule, Severity
from liclint.text.grammar import fold, numeral

from ._provisions import comparison

ORDERS = {"通信网络安全防护管理办法": 11, "电信和互联网用户个人信息保护规定": 24}
_CITATION = re.compile(r"《([^》]{2,40})》\s*\(?\s*工业和信息化部令第\s*([0-9]+)\s*号")


@functools.lru_cache(maxsize=1024)
def citations(text: str) -> tuple[tuple[str, int, int, int], ...]:
    """(title, number, start, end of the number) of every order cited in a clause's text.
    Memoised: clauses repeat the template's words from copy to copy."""
    return tuple(
        (m.group(1), int(m.group(2)), m.start(2), m.end(2)) for m in _CITATION.finditer(fold(text))
    )


class OrderNumber(Rule):
    code = "PRV003"
    name = "order-number"
    severity = Severity.ERROR
    summary = "A ministerial order cited in 特别规定事项 has the wrong order number."
    rationale = """
        The orders cited by the provisions have fixed numbers: clause 六 cites
        《通信网络安全防护管理办法》（工业和信息化部令第11号） and clause 七
        《电信和互联网用户个人信息保护规定》（工业和信息化部令第24号）. A different number was typed
        by someone who retyped the text.
    """
    citation = (
        "工业和信息化部令第11号《通信网络安全防护管理办法》 (2010-01-21, in force 2010-03-01); "
        "工业和信息化部令第24号《电信和互联网用户个人信息保护规定》 (2013-07-16, in force "
        "2013-09-01; http://www.gov.cn/gzdt/2013-07/19/content_2451360.htm)."
    )
    source = "regulation"
    effective = None

    def check(self, doc, ctx):
        if doc.provisions is None:
            return
        for clause in doc.provisions.clauses:
            for title, number, start, end in citations(clause.text.text):
                expected = ORDERS.get(title)
                if expected is not None and number != expected:
                    key = numeral(clause.value) if clause.value in range(1, 16) else None
                    yield self.finding(
                        doc,
                        clause.text.span_at(start, end),
                        f"《{title}》 is 工业和信息化部令第{expected}号, not 第{number}号",
                        comparison=key and comparison(f"clause {key}", "clauses", key, clause),
                    )
