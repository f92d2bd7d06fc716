"""Values printed away from their labels: how a page's layout was flattened into text.

A license's front page is a table: labels in the left column, values in the right. Text
extraction usually keeps each label with its value (``公司名称：…``), but two flattenings do not:

* **two columns**: the extractor reads the left column, then the right one — a block of labels
  with nothing after them, then a block of values in the same order;
* **values before labels**: each row's value comes out above its label (cells read bottom-up, or
  a template that sets the label under the value).

:func:`detached_values` finds either layout on the front page and says which lines hold each
label's value. It pairs only what lines up: as many values as labels (the business scope, which
may run over several lines, takes the lines left over), each value of the shape its label
expects (a date for 发证日期, a number for 经营许可证编号…). Anything else is left to the usual
reading, so a copy whose values are really missing is still reported as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from liclint.text.grammar import GrammarError, parse_date, parse_number, token

#: The label whose value may run over several lines.
SCOPE = "业务种类"
#: The older templates' coverage label: inside a block of values, the end of the scope's value.
COVERAGE = "业务覆盖范围"
#: Labels that may be left without a value on a genuine copy (the seal's space), and so stand
#: without one in a layout of values before labels.
MAY_BE_BLANK = frozenset({"发证机关"})
#: The fewest empty labels that make a layout: one or two empty labels are a copy's gaps.
_MIN_LABELS = 3

_AUTHORITY = re.compile(r"(?:通信|电信)管理(?:局|委员会)|工业和信息化部|信息产业部")


def _date(text: str) -> bool:
    return not isinstance(parse_date(token(text).strip()), GrammarError)


#: The shape of each label's value: enough to tell a block of values that lines up with a block
#: of labels from one that does not (a date where the company's name should stand).
_FITS = {
    "经营许可证编号": lambda text: not isinstance(parse_number(token(text).strip()), GrammarError),
    "发证日期": _date,
    "有效期至": _date,
    "有效期限": lambda text: "至" in text,
    "公司名称": lambda text: "业务" not in text and not _date(text),
    "法定代表人": lambda text: (
        len(text.strip()) <= 20
        and not any(word in text for word in ("业务", "服务", "公司"))
        and not _date(text)
    ),
    SCOPE: lambda text: "业务" in text,
    "发证机关": lambda text: _AUTHORITY.search(text) is not None,
}


def fits(label: str, text: str) -> bool:
    """Whether ``text`` (folded) has the shape of the value of ``label``."""
    check = _FITS.get(label)
    return check is None or check(text)


#: ``label_at(index)``: the label of a line, and whether text follows it on the line; None for a
#: line that is not a label. ``fits(label, text)``: whether a value has the shape its label asks.
LabelAt = Callable[[int], "tuple[str, bool] | None"]
Fits = Callable[[str, str], bool]


def detached_values(
    contents: list[str], end: int, label_at: LabelAt, fits: Fits, stops: Callable[[str], bool]
) -> dict[int, list[int]]:
    """For each label line of the front page (``contents[:end]``, the lines' content) whose value
    stands elsewhere, the indexes of the lines holding that value. ``stops(content)``: a line no
    value runs across (a heading, the grant sentence)."""
    labels = [label_at(index) for index in range(len(contents))]  # each looked up once
    if sum(label is not None and not label[1] for label in labels[:end]) < _MIN_LABELS:
        return {}  # both layouts have at least _MIN_LABELS labels without a value beside them
    label_at = labels.__getitem__
    paired = _two_columns(contents, end, label_at, fits, stops)
    if not paired:
        paired = _before_labels(contents, end, label_at, fits, stops)
    return paired


def _assign(labels: list[tuple[int, str]], values: list[int]) -> list[list[int]] | None:
    """Values to labels in order: one line each, the scope the lines left over."""
    n, m = len(labels), len(values)
    if m == n:
        return [[v] for v in values]
    names = [name for _, name in labels]
    if m < n or SCOPE not in names:
        return None
    at = names.index(SCOPE)
    extra = m - n
    out = [[v] for v in values[:at]]
    out.append(values[at : at + extra + 1])
    out += [[v] for v in values[at + extra + 1 :]]
    return out


def _checked(labels, groups, contents, fits) -> dict[int, list[int]]:
    if groups is None:
        return {}
    for (_, name), lines in zip(labels, groups, strict=True):
        if not fits(name, contents[lines[0]]):
            return {}
    return {index: lines for (index, _), lines in zip(labels, groups, strict=True)}


def _two_columns(contents, end, label_at, fits, stops) -> dict[int, list[int]]:
    """A block of three or more labels without values, then a block of their values."""
    i = 0
    while i < end:
        labels: list[tuple[int, str]] = []
        j = i
        while j < end and contents[j]:
            label = label_at(j)
            if label is None:
                if labels and _label_tail(contents[j]):
                    j += 1  # (服务项目) / 及覆盖范围 of a label written over three lines
                    continue
                break
            name, has_value = label
            if has_value:
                break
            labels.append((j, name))
            j += 1
        if len(labels) < _MIN_LABELS or (j < end and contents[j] and label_at(j) is not None):
            i = max(j, i + 1)
            continue
        k = j
        while k < end and not contents[k]:
            k += 1
        values = []
        while k < end and contents[k] and not stops(contents[k]):
            label = label_at(k)
            if label is not None and not (label[0] == COVERAGE and values):
                break
            values.append(k)
            k += 1
        paired = _checked(labels, _assign(labels, values), contents, fits)
        if paired:
            return paired
        i = max(j, i + 1)
    return {}


def _before_labels(contents, end, label_at, fits, stops) -> dict[int, list[int]]:
    """Every empty label with its value in the lines just above it, and nothing just below."""
    paired: dict[int, list[int]] = {}
    for index in range(end):
        label = label_at(index)
        if label is None or label[1]:
            continue
        name = label[0]
        below = contents[index + 1] if index + 1 < len(contents) else ""
        if below and label_at(index + 1) is None:
            return {}  # a value under its label: the usual layout
        lines = []
        j = index - 1
        while j >= 0 and contents[j] and label_at(j) is None and not stops(contents[j]):
            lines.insert(0, j)
            j -= 1
        if not lines:
            if name in MAY_BE_BLANK:
                continue
            return {}
        if not fits(name, contents[lines[0]]) or (name != SCOPE and len(lines) > 1):
            return {}
        paired[index] = lines
    return paired if len(paired) >= _MIN_LABELS else {}


def _label_tail(content: str) -> bool:
    compact = "".join(content.split()).rstrip(":")
    return compact in ("(服务项目)", "及覆盖范围", "(服务项目)及覆盖范围")
