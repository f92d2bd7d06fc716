"""The differences between a passage of a copy and the wording it was compared with, marked for
the html report (letters, digits and ideographs compared; punctuation, widths and spaces are not
differences)."""

from __future__ import annotations

import difflib
import re

from liclint.text.grammar import fold

#: Text longer than this many times the other is not diffed against it (difflib is quadratic):
#: the whole passage is marked as differing instead.
_MAX_DIFF_RATIO = 3

_WORD = re.compile(r"[^\W_]")


def words(text: str) -> tuple[str, list[int]]:
    """The letters, digits and ideographs of ``text`` with widths folded, and where each is
    (the wording comparison ignores punctuation, widths and spaces)."""
    chars, where = [], []
    for match in _WORD.finditer(fold(text)):
        chars.append(match.group())
        where.append(match.start())
    return "".join(chars), where


def _segments(text: str, where: list[int], ranges: list[tuple[int, int]], gaps: list[int]):
    """``text`` as [piece, flag] runs: flag 1 where a word range differs, 2 a point where the
    other side has words this one lacks (an empty piece), 0 elsewhere."""
    flags = [0] * len(text)
    for a, b in ranges:
        if a < b and where:
            for i in range(where[a], where[b - 1] + 1):
                flags[i] = 1
    points = sorted({(where[g] if g < len(where) else len(text)) for g in gaps})
    out: list[list] = []
    point = 0
    for i, char in enumerate(text):
        while point < len(points) and points[point] == i:
            out.append(["", 2])
            point += 1
        if out and out[-1][1] == flags[i] and out[-1][0]:
            out[-1][0] += char
        else:
            out.append([char, flags[i]])
    out += [["", 2] for _ in points[point:]]
    return out


def template_diff(text: str, template: str) -> tuple[list[list], list[list]]:
    """(copy runs, template runs) marking where the wording of ``text`` and ``template`` differ
    (see :func:`_segments`); punctuation, widths and spaces are not differences."""
    a, wa = words(template)
    b, wb = words(text)
    if not a or not b or len(b) > _MAX_DIFF_RATIO * len(a) or len(a) > _MAX_DIFF_RATIO * len(b):
        return _segments(text, wb, [(0, len(b))], []), _segments(template, wa, [(0, len(a))], [])
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    copy_ranges, copy_gaps, template_ranges, template_gaps = [], [], [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if a2 > a1:
            template_ranges.append((a1, a2))
        else:
            template_gaps.append(a1)
        if b2 > b1:
            copy_ranges.append((b1, b2))
        else:
            copy_gaps.append(b1)
    return (
        _segments(text, wb, copy_ranges, copy_gaps),
        _segments(template, wa, template_ranges, template_gaps),
    )
