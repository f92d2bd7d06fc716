"""The grammar: unit tests for every real number form, and properties over generated ones."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liclint.text import grammar
from liclint.text.grammar import (
    CATEGORY_CODES,
    PROVINCES,
    GrammarError,
    LicenseNumber,
    fold,
    numeral,
    parse_date,
    parse_heading,
    parse_number,
)


def number(text):
    result = parse_number(fold(text))
    assert isinstance(result, LicenseNumber), result
    return result


def test_provincial_number():
    n = number("京B2-20181623")
    assert (n.kind, n.prefix, n.categories, n.year, n.normalized) == (
        "license",
        "京",
        ("B2",),
        2018,
        "京B2-20181623",
    )


def test_ministry_numbers():
    assert number("B2-20196370").prefix is None
    assert number("B2-20196370").ministry
    foreign = number("合字A2.B1.B2-20160011")
    assert (foreign.prefix, foreign.categories, foreign.ministry) == (
        "合字",
        ("A2", "B1", "B2"),
        True,
    )


def test_legacy_number_year_from_its_first_two_digits():
    n = number("京ICP证130204号")
    assert (n.kind, n.year, n.normalized) == ("legacy", 2013, "京ICP证130204号")
    assert number("京ICP证 060288 号").normalized == "京ICP证060288号"


def test_filing_parses_as_its_own_kind():
    n = number("京ICP备12345678号-1")
    assert (n.kind, n.site, n.year) == ("filing", "-1", None)
    assert number("京ICP备2023020373号").kind == "filing"


def test_tolerates_what_copies_contain():
    for text in [
        "京 B2-20181623",
        "京Ｂ２－２０１８１６２３",
        "京B2—20181623",
        "京B2-20181623号",
        "：京B2-20181623",
        "京B2-20181623(全网)",
        "京B2-20181623-15",
    ]:
        assert number(text).normalized == "京B2-20181623", text


def test_diagnoses_what_is_wrong():
    short = parse_number("京B2-2018162")
    assert isinstance(short, GrammarError)
    assert "4-digit year" in short.message and short.offset == 4
    assert isinstance(parse_number("京B2 20181623"), GrammarError)
    assert "end of the number" in parse_number("京B2-20181623 extra").message
    assert isinstance(parse_number(""), GrammarError)


def test_unknown_codes_parse_so_rules_can_name_them():
    assert number("浙D3-20210002").categories == ("D3",)
    assert number("京B25-20181623").categories == ("B25",)


def test_dates():
    assert parse_date("2024 年 11 月 04 日") == (2024, 11, 4)
    assert parse_date("2023年 07月 1日") == (2023, 7, 1)
    missing = parse_date("2024年 月 04日")
    assert isinstance(missing, GrammarError) and "month" in missing.message


def test_headings_with_both_parenthesis_widths():
    assert parse_heading("十五、") == ("clause", 15)
    assert parse_heading("(十四)") == ("item", 14)
    assert parse_heading("（一）") == ("item", 1)
    assert parse_heading("十十、") is None


# -- properties ----------------------------------------------------------------------------------

categories = st.lists(st.sampled_from(CATEGORY_CODES), min_size=1, max_size=4, unique=True).map(
    lambda codes: sorted(codes)
)
prefixes = st.sampled_from([*PROVINCES, "合字", ""])
dashes = st.sampled_from(["-", "－", "—"])
spaces = st.sampled_from(["", " ", "\u3000"])


def widen(text: str) -> str:
    return "".join(
        chr(ord(c) + 0xFEE0) if c in string.ascii_letters + string.digits else c for c in text
    )


@given(
    prefixes,
    categories,
    st.integers(2000, 2099),
    st.integers(0, 9999),
    dashes,
    spaces,
    st.booleans(),
    st.booleans(),
)
def test_every_well_formed_number_parses_to_its_parts(
    prefix, cats, year, serial, dash, space, wide, hao
):
    body = f"{'.'.join(cats)}{dash}{year}{serial:04d}"
    text = prefix + space + (widen(body) if wide else body) + ("号" if hao else "")
    n = number(text)
    assert n.prefix == (prefix or None)
    assert n.categories == tuple(cats)
    assert n.year == year
    assert n.normalized == f"{prefix}{'.'.join(cats)}-{year}{serial:04d}"


@given(st.sampled_from(PROVINCES), st.integers(0, 999999), spaces)
def test_every_legacy_number_parses(prefix, digits, space):
    n = number(f"{prefix}ICP证{space}{digits:06d}{space}号")
    assert n.kind == "legacy" and n.digits == f"{digits:06d}"


@given(st.text(max_size=40))
def test_any_text_parses_or_gives_an_error_inside_it(text):
    result = parse_number(fold(text))
    if isinstance(result, GrammarError):
        assert 0 <= result.offset <= len(text)
        assert result.message


@given(st.integers(1000, 9999), st.integers(1, 12), st.integers(1, 31), spaces, st.booleans())
def test_dates_round_trip(year, month, day, space, pad):
    fmt = "02d" if pad else "d"
    text = f"{year}{space}年{space}{month:{fmt}}{space}月{space}{day:{fmt}}{space}日"
    assert parse_date(fold(text)) == (year, month, day)


@given(st.integers(1, 20))
def test_numerals_round_trip(value):
    assert parse_heading(numeral(value) + "、") == ("clause", value)
    assert parse_heading(f"（{numeral(value)}）") == ("item", value)


# -- the regex fast paths agree with the grammar --------------------------------------------------


_NUMBER_PARTS = st.lists(
    st.sampled_from(["京", "合字", "浙", "B", "A", "1", "2", ".", "-", " ", "\t", ":", "：", "号",
                     "2018", "1623", "0", "9", "ICP证", "x"]),
    max_size=12,
).map("".join)  # fmt: skip
_DATE_PARTS = st.lists(
    st.sampled_from(["2024", "1", "0", "12", "31", "年", "月", "日", " ", "\t", "十", "二"]),
    max_size=10,
).map("".join)


@given(_NUMBER_PARTS)
def test_number_fast_path_agrees_with_the_grammar(span):
    if grammar._PLAIN_NUMBER.fullmatch(span):
        assert grammar.parse_number.__wrapped__(span) == grammar._number_by_grammar(span)


@given(_DATE_PARTS)
def test_date_fast_path_agrees_with_the_grammar(span):
    if grammar._PLAIN_DATE.fullmatch(span):
        assert grammar.parse_date.__wrapped__(span) == grammar._date_by_grammar(span)


@pytest.mark.parametrize(
    "span",
    ["京B2-20181623", " 合字B1.B2-20130004", ": B2-20196370 ", "浙 B2 - 2023 0517", "B2-2019637"],
)
def test_number_fast_path_examples(span):
    assert grammar.parse_number.__wrapped__(span) == grammar._number_by_grammar(span)


@given(
    st.lists(
        st.sampled_from(["十", "五", "二", "一", "九", "、", "(", ")", "（", "）", " "]), max_size=6
    ).map("".join)
)
def test_heading_fast_path_agrees_with_the_grammar(span):
    if grammar._PLAIN_HEADING.fullmatch(span):
        assert grammar.parse_heading.__wrapped__(span) == grammar._heading_by_grammar(span)


def test_a_clean_copy_is_read_without_importing_pyparsing():
    import subprocess
    import sys

    code = (
        "import sys; from liclint.running.run import lint_text; from liclint.testing import SAMPLE; "
        "import datetime; lint_text(SAMPLE, as_of=datetime.date(2025, 6, 1)); "
        "print('pyparsing' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
