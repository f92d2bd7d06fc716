"""DOC003 misspelled-wording: the title or a label is misspelled by one character (许可正)."""

import functools
import re

from liclint.checking.rule import Rule, Severity
from liclint.text.labels import LABELS as FIELDS
from liclint.text.labels import PROVISIONS
from liclint.text.model import Span

TITLE = "增值电信业务经营许可证"
LABELS = (*FIELDS, PROVISIONS)
_LEAD = re.compile(r"[ \t#]*")
#: The title in three parts: one wrong character spoils one part, so a line with a one-off
#: misspelling of the title contains at least two of them (a cheap test before the regex).
_TITLE_PARTS = ("增值电信", "业务经营", "许可证")
_SHORT = 40  # only short lines carry a title or a label
#: What follows a label: a colon, or nothing (a word at the start of a wrapped sentence such as
#: "有效期届满" is not a misspelled "有效期至").
_AFTER_LABEL = re.compile(r"[ \t]*(?:\([ \t]*盖[ \t]*章[ \t]*\))?[ \t]*(?::|$)")


def _one_off(phrase: str) -> str:
    return "|".join(
        f"{re.escape(phrase[:i])}[^{re.escape(phrase[i])}]{re.escape(phrase[i + 1 :])}"
        for i in range(len(phrase))
    )


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    labels = re.compile("|".join(f"(?P<l{i}>{_one_off(p)})" for i, p in enumerate(LABELS)))
    return labels, re.compile(_one_off(TITLE))


class MisspelledWording(Rule):
    code = "DOC003"
    name = "misspelled-wording"
    severity = Severity.ERROR
    summary = "The title or a field label is misspelled (one character differs)."
    rationale = """
        The title 增值电信业务经营许可证 and the labels (经营许可证编号, 公司名称, 发证日期…) come
        from the license template, printed by the licensing system and never misspelled on a genuine
        copy. A misspelling such as 许可正 or 发证日朝 shows a retyped or fabricated copy. Variant
        forms of a character (増 for 增) are TXT004's, not this rule's.
    """
    citation = (
        "The license template: the title 中华人民共和国增值电信业务经营许可证 and its field labels."
    )
    source = "template"
    effective = None

    def check(self, doc, ctx):
        labels, title = _patterns()
        for index, line in enumerate(doc.folded):
            if not line or (len(line) > _SHORT and len(line.strip(" \t#")) > _SHORT):
                continue  # the common cases: a blank line, a line of running text
            start = _LEAD.match(line).end() if line[0] in " \t#" else 0
            content = line[start:].rstrip()
            if (
                not content
                or len(content) > _SHORT
                or content.startswith(LABELS)  # a label spelled right (the common case)
                or "".join(content.split()).startswith(LABELS)
            ):
                continue
            match = labels.match(content)
            if match and not _AFTER_LABEL.match(content, match.end()):
                match = None
            if match:
                expected = LABELS[int(match.lastgroup[1:])]
            elif sum(part in content for part in _TITLE_PARTS) >= 2:
                match, expected = title.search(content), TITLE
            if match:
                got = doc.lines[index][start + match.start() : start + match.end()]
                line, column = index + 1, start + match.start() + 1
                yield self.finding(
                    doc,
                    Span(line, column, line, column + len(got)),
                    f"'{got}' is a misspelling of '{expected}'",
                )
