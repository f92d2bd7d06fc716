"""Dates a copy prints beside the front page's: a copy-certification note, and the issue date
repeated on a later page (the attachment's heading, a page's 发证日期).

A reviewer's copy often carries a note certifying it against the original (本复印件与原件核对一致,
此件与原件相符…) with the day it was certified; some attachments repeat the issue date in their
heading ("…相关信息（发证日期：2021年09月01日）"). This module finds where such a date is on a
line; extraction makes it a date field of the model.
"""

from __future__ import annotations

import re

#: A note certifying a copy against its original.
_CERTIFIED = re.compile(r"与原件(?:核对)?(?:一致|相符|相同|无误)")
_DIGIT = "[0-9〇○零一二三四五六七八九]"
#: A date: 2024年05月20日 (Arabic or Chinese numerals), 2024-05-20, 2024/5/20, 2024.5.20.
_DATE = re.compile(
    rf"{_DIGIT}{{4}}[ \t]*年[ \t]*[0-9〇○零一二三四五六七八九十元]{{1,3}}[ \t]*月[ \t]*"
    r"[0-9〇○零一二三四五六七八九十]{1,3}[ \t]*日"
    r"|[0-9]{4}[ \t]*[-./][ \t]*[0-9]{1,2}[ \t]*[-./][ \t]*[0-9]{1,2}(?![0-9])"
)
_ISSUE_LABEL = re.compile(r"发证日期[ \t]*:?[ \t]*")


def certification_date(folded: str) -> tuple[int, int] | None:
    """Where the date of a copy-certification note is on a (folded) line, or None: the first date
    after the note's words, or else before them."""
    note = _CERTIFIED.search(folded)
    if note is None:
        return None
    date = _DATE.search(folded, note.end()) or _DATE.search(folded, 0, note.start())
    return date.span() if date else None


def issue_date_in(folded: str) -> tuple[int, int] | None:
    """Where a 发证日期 given inside running text is (the attachment's heading), or None."""
    label = _ISSUE_LABEL.search(folded)
    if label is None:
        return None
    date = _DATE.match(folded, label.end())
    return date.span() if date else None
