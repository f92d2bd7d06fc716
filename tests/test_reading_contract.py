"""The reading contract (issue 20): the verdict does not change under the representation changes
real pipelines make, and does change under an edit of meaning.

A library of meaning-preserving transforms, composed at random (hypothesis) over the genuine
example copies, never raises a warning or an error; a library of meaning-changing edits always
raises one on the edited line.
"""

from __future__ import annotations

import os
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLEAN, INSIDE, check_text, example

#: Compositions a run tries: 1,500 (and 1,000 edits) in the suite; a thorough run by hand:
#: LICLINT_CONTRACT_EXAMPLES=50000 python -m pytest tests/test_reading_contract.py
EXAMPLES = int(os.environ.get("LICLINT_CONTRACT_EXAMPLES", "1500"))


def _serious(findings):
    return [f"{f.line}:{f.code} {f.message}" for f in findings if f.severity.value != "info"]


# -- meaning-preserving: what converters, editors, viewers and mail do to a text ------------------

_NUMBER = re.compile(
    r"((?:[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇藏陕甘青宁新]|合字)?B[12]-)(\d{4})(\d{4})"
)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def nbsp_after_colons(text):
    return re.sub(r"：(?=\S)", "：\u00a0", text)


def thin_spaces_in_dates(text):
    return _DATE.sub(lambda m: f"{m[1]}\u2009年\u2009{m[2]}\u2009月\u2009{m[3]}\u2009日", text)


def iso_dates(text):
    return _DATE.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", text)


def slash_dates(text):
    return _DATE.sub(lambda m: f"{m[1]}/{int(m[2])}/{int(m[3])}", text)


def fullwidth_numbers(text):
    def wide(m):
        return m[0].translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})

    return _NUMBER.sub(wide, text)


def nonbreaking_hyphens(text):
    return _NUMBER.sub(lambda m: m[0].replace("-", "\u2011"), text)


def soft_hyphens_everywhere(text):
    # a hyphenating converter: a soft hyphen inside every long run of ideographs
    return re.sub(r"([\u4e00-\u9fff]{6})(?=[\u4e00-\u9fff]{6})", "\\1\u00ad", text)


def crlf(text):
    return text.replace("\n", "\r\n")


def trailing_spaces(text):
    return re.sub(r"(\r?\n)", r"  \1", text)  # before the line ending, CRLF or LF


def ideographic_spaces_between_labels(text):
    return re.sub(
        r"^(公司名称|法定代表人)：", lambda m: "\u3000".join(m[1]) + "：", text, flags=re.M
    )


TRANSFORMS = [
    nbsp_after_colons, thin_spaces_in_dates, iso_dates, slash_dates, fullwidth_numbers,
    nonbreaking_hyphens, soft_hyphens_everywhere, crlf, trailing_spaces,
    ideographic_spaces_between_labels,
]  # fmt: skip


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    name=st.sampled_from(CLEAN),
    transforms=st.lists(st.sampled_from(TRANSFORMS), min_size=1, max_size=4, unique=True),
)
def test_meaning_preserving_transforms_never_raise_a_warning(name, transforms):
    text = example(name)
    for transform in transforms:
        text = transform(text)
    assert _serious(check_text(text, INSIDE)) == [], [t.__name__ for t in transforms]


# -- meaning-changing: one edit of what the license says -------------------------------------------


def expiry_a_year_later(text):
    m = re.search(r"有效期至[:：]?\s*(\d{4})", text)
    return text[: m.start(1)] + str(int(m[1]) + 1) + text[m.end(1) :], m.start(1)


def header_number_changed(text):
    m = list(_NUMBER.finditer(text))[-1]
    return text[: m.start(3)] + f"{(int(m[3]) + 1) % 10000:04d}" + text[m.end(3) :], m.start(3)


def prohibition_removed(text):
    at = text.index("不得投资建设")
    return text[:at] + "可投资建设" + text[at + len("不得投资建设") :], at


def company_changed_once(text):
    m = re.search(r"公司名称[:：]\s*(\S+?)有限公司", text)
    return text[: m.end(1) - 1] + "星" + text[m.end(1) :], m.end(1) - 1


EDITS = [expiry_a_year_later, header_number_changed, prohibition_removed, company_changed_once]


@settings(max_examples=EXAMPLES * 2 // 3, deadline=None)
@given(
    name=st.sampled_from(CLEAN),
    edit=st.sampled_from(EDITS),
    transforms=st.lists(st.sampled_from(TRANSFORMS), max_size=2, unique=True),
)
def test_meaning_changing_edits_always_raise_a_warning_on_their_line(name, edit, transforms):
    text = example(name)
    if edit is prohibition_removed and "不得投资建设" not in text:
        return
    if edit is header_number_changed and len(_NUMBER.findall(text)) < 2:
        return  # a legacy number (京ICP证…): no page header in the modern form to edit
    edited, at = edit(text)
    line = edited.count("\n", 0, at) + 1  # the transforms keep the lines
    for transform in transforms:
        edited = transform(edited)
    serious = [f for f in check_text(edited, INSIDE) if f.severity.value != "info"]
    # on the edited line, or naming it (the company on the front page differs from the others)
    assert any(f.line == line or f"(line {line})" in f.message for f in serious), (
        edit.__name__,
        [t.__name__ for t in transforms],
        line,
        [f"{f.line}:{f.code}" for f in serious],
    )
