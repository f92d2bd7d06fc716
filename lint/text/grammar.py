"""The grammar of license numbers, dates and clause numerals (pyparsing).

Only short spans are parsed here: the document model finds candidate spans with line labels and
precompiled regular expressions, then hands each span to these parsers. Results are memoised,
since the same number, date and numeral strings repeat on every page and across documents.

All parsers work on *folded* text (see :func:`fold`): full-width ASCII and the dashes seen in real
copies are mapped to their ASCII forms one character for one character, so an offset into folded
text is an offset into the original text too.
"""

from __future__ import annotations

import functools
import os
import re
import types
import unicodedata
from typing import NamedTuple

from liclint.text import datacache

# -- folding -------------------------------------------------------------------------------------

_VARIANTS_TSV = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "variants.tsv")


def _variant_data() -> tuple[dict[str, str], dict[str, str]]:
    """(variants, lookalikes) from data/variants.tsv, generated from published data (OpenCC's
    traditional, Japanese and compatibility tables; Unicode confusables): CJK look-alikes and
    variants with the simplified character a license prints, and non-Latin letters that look
    like the Latin letters and digits of numbers and domains."""
    variants, lookalikes = {}, {}
    with open(_VARIANTS_TSV, encoding="utf-8") as f:
        text = f.read()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            char, standard, _ = line.split("\t", 2)
            (lookalikes if standard.isascii() else variants)[char] = standard
    return variants, lookalikes


#: The invisible marks converters and hyphenating editors leave inside words: soft hyphen,
#: zero-width space, non-joiner and joiner, word joiner and the invisible operators, BOM.
INVISIBLE_MARKS = "\u00ad\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"


def _fold_table(variants: dict[str, str], lookalikes: dict[str, str]) -> dict[int, int]:
    table = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII -> ASCII
    table[0x3000] = ord(" ")  # ideographic space
    for (
        space
    ) in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f":
        table[ord(space)] = ord(" ")  # no-break, thin, en, em… spaces: a space
    for invisible in INVISIBLE_MARKS:
        table[ord(invisible)] = ord(" ")  # soft hyphen, zero-width and joiners: a gap, no letter
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63":
        table[ord(dash)] = ord("-")
    # CJK compatibility ideographs and Kangxi radicals look like the unified ideographs.
    for start, end in ((0x2F00, 0x2FD6), (0xF900, 0xFB00)):
        for cp in range(start, end):
            norm = unicodedata.normalize("NFKC", chr(cp))
            if len(norm) == 1 and norm != chr(cp):
                table[cp] = ord(norm)
    for table_part in (variants, lookalikes):
        table.update({ord(k): ord(v) for k, v in table_part.items()})
    return table


#: Bumped when _fold_table changes, so that the tables kept beside the bytecode are derived again.
_TABLE_VERSION = 3


def _tables() -> dict:
    """The variants, the look-alikes, the fold map and the character class of the characters it
    changes, derived from data/variants.tsv and Unicode's data. Kept beside the bytecode
    (:mod:`liclint.text.datacache`) until either changes: deriving them took 7 ms of every start."""
    info = os.stat(_VARIANTS_TSV)
    key = (
        f"{_VARIANTS_TSV}@{info.st_size}:{info.st_mtime_ns}, Unicode {unicodedata.unidata_version}"
        f", table {_TABLE_VERSION}"
    )
    tables = datacache.load("fold-tables", key)
    if tables is None:
        variants, lookalikes = _variant_data()
        fold = {chr(k): chr(v) for k, v in _fold_table(variants, lookalikes).items()}
        tables = {
            "variants": variants,
            "lookalikes": lookalikes,
            "fold": fold,
            "foldable": char_class(fold),
        }
        datacache.save("fold-tables", key, tables)
    return tables


# A regex that calls back only on characters that change: 4-10x faster than str.translate,
# which looks up every character of CJK text in the mapping.
def char_class(chars) -> str:
    """A regex class matching ``chars``, fast: only BMP characters go into it (one outside the
    BMP makes the engine test every character against a list instead of a bitmap, 30x slower);
    every astral character matches, and the caller looks it up."""
    bmp = "".join(c for c in sorted(chars) if ord(c) <= 0xFFFF)
    return "[" + re.escape(bmp) + "\U00010000-\U0010ffff]"  # re.escape works char by char


_TABLES = _tables()
#: Traditional, Japanese, compatibility and look-alike forms of CJK characters (増 for 增, 電 for
#: 电, the katakana ニ for 二), with the simplified form a genuine copy prints.
VARIANTS: dict[str, str] = _TABLES["variants"]
#: Cyrillic, Greek and other letters that look like the Latin letters of numbers and domains.
LOOKALIKES: dict[str, str] = _TABLES["lookalikes"]
_FOLD: dict[str, str] = _TABLES["fold"]
_FOLDABLE = re.compile(_TABLES["foldable"])


def _fold_one(match: re.Match[str]) -> str:
    char = match.group()
    return _FOLD.get(char, char)


#: The full-width punctuation of nearly every Chinese text: str.replace folds each in one fast
#: scan, where the regex would call back for every comma. (Their folds are ASCII, which nothing
#: folds further, so the regex pass after them folds exactly the other characters.)
_COMMON = {char: _FOLD[char] for char in "，：（）；"}


def fold(text: str) -> str:
    """The text as the grammar reads it, one character for one character.

    Full-width ASCII, every kind of space and dash look-alikes become ASCII (the invisible soft
    hyphen, zero-width spaces and joiners a space: no letter); compatibility and
    variant forms of CJK characters become the unified simplified form; Cyrillic and Greek
    look-alikes become Latin. The result has exactly the length of ``text``, so positions stay
    valid; rules that care about these characters read the original text.
    """
    if text.isascii():
        return text
    if len(text) < 100:  # short: one regex call costs less than five scans
        return _FOLDABLE.sub(_fold_one, text)
    for char, folded in _COMMON.items():
        text = text.replace(char, folded)
    if _FOLDABLE.search(text) is None:
        return text
    return _FOLDABLE.sub(_fold_one, text)


# -- vocabulary ----------------------------------------------------------------------------------

#: The province of each license prefix, by its official name (the administrative divisions of
#: the People's Republic of China); its communications administration is 〈name〉通信管理局.
PROVINCE_NAMES = {
    "京": "北京市",
    "津": "天津市",
    "沪": "上海市",
    "渝": "重庆市",
    "冀": "河北省",
    "晋": "山西省",
    "蒙": "内蒙古自治区",
    "辽": "辽宁省",
    "吉": "吉林省",
    "黑": "黑龙江省",
    "苏": "江苏省",
    "浙": "浙江省",
    "皖": "安徽省",
    "闽": "福建省",
    "赣": "江西省",
    "鲁": "山东省",
    "豫": "河南省",
    "鄂": "湖北省",
    "湘": "湖南省",
    "粤": "广东省",
    "桂": "广西壮族自治区",
    "琼": "海南省",
    "川": "四川省",
    "黔": "贵州省",
    "滇": "云南省",
    "藏": "西藏自治区",
    "陕": "陕西省",
    "甘": "甘肃省",
    "青": "青海省",
    "宁": "宁夏回族自治区",
    "新": "新疆维吾尔自治区",
}

#: License prefixes of the 31 provincial communications administrations.
PROVINCES = "".join(PROVINCE_NAMES)
#: Prefixes used by ICP *filings* (or by mistake) but never by licenses, with the license prefix.
FILING_PREFIXES = {"蜀": "川", "陇": "甘", "贵": "黔", "云": "滇"}
#: The class codes a license number may carry (《电信业务分类目录（2015年版）》).
CATEGORY_CODES = ("A1", "A2", "B1", "B2")
#: The prefix of the ministry's licenses for foreign-invested enterprises.
FOREIGN = "合字"

_NUMERAL_DIGITS = "一二三四五六七八九"

_CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}


def _date_number(text: str) -> int:
    """The value of a year, month or day in Arabic or Chinese numerals (二〇二四, 元, 二十五)."""
    if text.isdigit() and text.isascii():
        return int(text)
    if text in ("元", "正"):
        return 1
    if len(text) == 4:  # a year digit by digit
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return _CN_DIGITS[text]
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


@functools.cache
def _pyparsing():
    """The pyparsing grammar of numbers, dates and clause headings, built on first use: a clean
    copy is read by the regex fast paths alone, and liclint starts without importing pyparsing."""
    import pyparsing as pp

    pp.ParserElement.set_default_whitespace_chars(" \t")

    _prefix_char = pp.Regex(_CJK).set_name("a province abbreviation")
    _foreign = pp.Literal(FOREIGN)
    _category = pp.Regex(r"[A-Z][0-9]*").set_name("a category code such as B2")
    _categories = pp.Combine(_category + pp.ZeroOrMore("." + _category))
    _serial = pp.Regex(r"[0-9]{8}(?![0-9])").set_name("a 4-digit year and a 4-digit serial")
    _site = pp.Regex(r"-[0-9]+A?(?![0-9A-Za-z])").set_name("a site suffix")
    _note = pp.Regex(r"\([^()]*\)").set_name("an annotation in parentheses")
    _hao = pp.Literal("号")

    _modern = (
        pp.Opt(_foreign("foreign") | _prefix_char("prefix"))
        + _categories("categories")
        + pp.Suppress(pp.Literal("-").set_name("'-' after the category code"))
        + _serial("digits")
        + pp.Opt(pp.Suppress(_hao))
        + pp.Opt(_site("site"))
        + pp.Opt(_note("note"))
    )
    _legacy = (
        _prefix_char("prefix")
        + pp.Suppress("ICP证")
        + pp.Regex(r"[0-9]{6}(?![0-9])").set_name("6 digits after 'ICP证'")("digits")
        + pp.Opt(pp.Suppress(_hao))
        + pp.Opt(_note("note"))
    )
    _filing = (
        _prefix_char("prefix")
        + pp.Suppress("ICP备")
        + pp.Regex(r"[0-9]{6,10}(?![0-9])").set_name("the filing's digits")("digits")
        + pp.Suppress(_hao)
        + pp.Opt(_site("site"))
    )
    LICENSE_NUMBER = (
        pp.Opt(pp.Suppress(pp.Regex(r"[:：]")))
        + (
            pp.Group(_filing)("filing") | pp.Group(_legacy)("legacy") | pp.Group(_modern)("modern")
        ).set_name("a license number such as 京B2-20181623")
        + pp.StringEnd().set_name("the end of the number")
    ).parse_with_tabs()

    _year = pp.Regex(r"[0-9]{4}(?![0-9])|[〇零○O一二三四五六七八九]{4}").set_name("a 4-digit year")
    _month = pp.Regex(r"[0-9]{1,2}(?![0-9])|十[一二]?|[元正一二三四五六七八九]").set_name(
        "a month number"
    )
    _day = pp.Regex(
        r"[0-9]{1,2}(?![0-9])|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
    ).set_name("a day number")
    _chinese = (
        _year("year")
        + pp.Suppress(pp.Literal("年").set_name("'年'"))
        + _month("month")
        + pp.Suppress(pp.Literal("月").set_name("'月'"))
        + _day("day")
        + pp.Suppress(pp.Literal("日").set_name("'日'"))
    )
    # 2024-01-05, 2024/1/5, 2024.01.05: one separator, twice
    _numeric = pp.Regex(
        r"(?P<year>[0-9]{4})\s*(?P<sep>[-/.])\s*(?P<month>[0-9]{1,2})\s*(?P=sep)\s*(?P<day>[0-9]{1,2})"
        r"(?![0-9])"
    )
    DATE = (
        (_numeric | _chinese).set_name("a date such as 2024年1月5日 or 2024-01-05")
        + pp.StringEnd().set_name("the end of the date")
    ).parse_with_tabs()

    NUMERAL = pp.Regex("二十|十[一二三四五六七八九]?|[一二三四五六七八九]").set_name(
        "a numeral 一…二十"
    )
    #: A clause heading ``十五、`` or a sub-item heading ``(十四)`` / ``（十四）``.
    HEADING = (
        NUMERAL("clause") + pp.Suppress("、")
        | pp.Suppress(pp.Regex(r"[(（]")) + NUMERAL("item") + pp.Suppress(pp.Regex(r"[)）]"))
    ) + pp.StringEnd()
    HEADING.parse_with_tabs()
    return types.SimpleNamespace(
        number=LICENSE_NUMBER, date=DATE, heading=HEADING, error=pp.ParseBaseException
    )


# -- results -------------------------------------------------------------------------------------


# The results are named tuples: cheaper than frozen dataclasses to define (at every start) and
# to create.


class GrammarError(NamedTuple):
    """Why a span does not parse: a reviewer-readable message and the offset it points at."""

    message: str
    offset: int


class LicenseNumber(NamedTuple):
    """A parsed license (or filing) number."""

    kind: str  # "license" (modern), "legacy" (京ICP证NNNNNN号) or "filing" (京ICP备…号)
    prefix: str | None  # province abbreviation, "合字", or None for the ministry's numbers
    categories: tuple[str, ...]  # ("A2", "B1", "B2") for modern numbers, () otherwise
    digits: str  # the 8 (modern), 6 (legacy) or 6–10 (filing) digits
    site: str | None  # "-1" suffix of a site filing on top of the number, if any
    prefix_offset: int  # where the prefix (or the categories, if no prefix) starts in the span

    @property
    def year(self) -> int | None:
        """The year the number was first issued, or None for filings."""
        if self.kind == "license":
            return int(self.digits[:4])
        if self.kind == "legacy":
            return 2000 + int(self.digits[:2])
        return None

    @property
    def normalized(self) -> str:
        """The number in its canonical form: ASCII hyphen, no spaces, no trailing 号."""
        prefix = self.prefix or ""
        if self.kind == "legacy":
            return f"{prefix}ICP证{self.digits}号"
        if self.kind == "filing":
            return f"{prefix}ICP备{self.digits}号{self.site or ''}"
        return f"{prefix}{'.'.join(self.categories)}-{self.digits}"

    @property
    def ministry(self) -> bool:
        """True for the ministry's numbers: no province prefix, or 合字."""
        return self.prefix is None or self.prefix == FOREIGN


class DateParts(NamedTuple):
    """A date as printed: year, month and day (not yet checked against the calendar)."""

    year: int
    month: int
    day: int


def _error(exc) -> GrammarError:
    """A GrammarError from pyparsing's ParseBaseException."""
    rest = exc.pstr[exc.loc :].split()
    where = f", found '{rest[0][:12]}'" if rest else ", found the end of the text"
    return GrammarError(f"{exc.msg[:1].lower()}{exc.msg[1:]}{where}", exc.loc)


#: The common shapes of a number and a date as one regex each: a match is read directly, and
#: only other text goes through the pyparsing grammar (which also explains what is wrong). Both
#: agree on every input (tests/test_grammar.py); the grammar is the definition.
_PLAIN_NUMBER = re.compile(
    r"[ \t]*(?:[:：][ \t]*)?(?P<prefix>合字|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])?[ \t]*"
    r"(?P<categories>[A-Z][0-9]*(?:\.[A-Z][0-9]*)*)[ \t]*-[ \t]*(?P<digits>[0-9]{8})[ \t]*"
)
#: A legacy number (京ICP证130204号): compiled on first use, as few copies have one.
_PLAIN_LEGACY = (
    r"[ \t]*(?:[:：][ \t]*)?(?P<prefix>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[ \t]*ICP证"
    r"[ \t]*(?P<digits>[0-9]{6})[ \t]*(?:号[ \t]*)?"
)
_NUMERAL = "二十|十[一二三四五六七八九]?|[一二三四五六七八九]"
_PLAIN_HEADING = re.compile(f"({_NUMERAL})、|[(（]({_NUMERAL})[)）]")
_PLAIN_DATE = re.compile(
    r"[ \t]*([0-9]{4})[ \t]*年[ \t]*([0-9]{1,2})[ \t]*月[ \t]*([0-9]{1,2})[ \t]*日[ \t]*"
    r"|[ \t]*([0-9]{4})[ \t]*([-/.])[ \t]*([0-9]{1,2})[ \t]*\5[ \t]*([0-9]{1,2})[ \t]*"
)


_FORMAT = re.compile(f"[{INVISIBLE_MARKS}]")


def token(text: str) -> str:
    """``text`` as an identifier reads: folded (:func:`fold`), and without the invisible format
    characters that a converter or a hyphenating editor leaves inside words (soft hyphen,
    zero-width spaces and joiners, word joiner, BOM). Whether one of them is a tamper signal is
    the TXT rules' business; a number, a date or a domain reads the same with or without it."""
    return fold(_FORMAT.sub("", text) if _FORMAT.search(text) else text)


@functools.lru_cache(maxsize=4096)
def parse_number(span: str) -> LicenseNumber | GrammarError:
    """Parse a (folded) license number span such as ``京 B2-20181623`` or ``京ICP证130204号``."""
    span = _FORMAT.sub("", span)  # the caller folds (token); invisible marks never count
    start = len(span) - len(span.lstrip(" \t:："))
    plain = _PLAIN_NUMBER.fullmatch(span)
    if plain:
        categories = tuple(plain["categories"].split("."))
        return LicenseNumber("license", plain["prefix"], categories, plain["digits"], None, start)
    legacy = re.fullmatch(_PLAIN_LEGACY, span) if "ICP证" in span else None
    if legacy:
        return LicenseNumber("legacy", legacy["prefix"], (), legacy["digits"], None, start)
    return _number_by_grammar(span)


def _number_by_grammar(span: str) -> LicenseNumber | GrammarError:
    try:
        result = _pyparsing().number.parse_string(span)
    except _pyparsing().error as exc:
        return _error(exc)
    if "filing" in result:
        kind, sub = "filing", result["filing"]
    elif "legacy" in result:
        kind, sub = "legacy", result["legacy"]
    else:
        kind, sub = "license", result["modern"]
    prefix = sub.get("foreign") or sub.get("prefix") or None
    categories = tuple(sub["categories"].split(".")) if kind == "license" else ()
    start = len(span) - len(span.lstrip(" \t:："))
    return LicenseNumber(kind, prefix, categories, sub["digits"], sub.get("site"), start)


@functools.lru_cache(maxsize=4096)
def parse_date(span: str) -> DateParts | GrammarError:
    """Parse a (folded) date such as ``2024 年 11 月 04 日``, ``二〇二四年元月二十五日`` or
    ``2024-11-04`` (also ``2024/11/4``, ``2024.11.04``).

    The calendar is checked by the caller."""
    span = _FORMAT.sub("", span)  # the caller folds (token); invisible marks never count
    plain = _PLAIN_DATE.fullmatch(span)
    if plain:
        year, month, day = plain.group(1, 2, 3) if plain[1] else plain.group(4, 6, 7)
        return DateParts(int(year), int(month), int(day))
    return _date_by_grammar(span)


def _date_by_grammar(span: str) -> DateParts | GrammarError:
    try:
        result = _pyparsing().date.parse_string(span)
    except _pyparsing().error as exc:
        return _error(exc)
    return DateParts(*(_date_number(result[part]) for part in ("year", "month", "day")))


@functools.lru_cache(maxsize=256)
def parse_heading(span: str) -> tuple[str, int] | None:
    """Parse ``十五、`` to ``("clause", 15)`` and ``(十四)`` to ``("item", 14)``; None if neither."""
    plain = _PLAIN_HEADING.fullmatch(span)
    if plain:
        kind = "clause" if plain[1] else "item"
        return kind, _numeral_int(plain[1] or plain[2])
    return _heading_by_grammar(span)


def _heading_by_grammar(span: str) -> tuple[str, int] | None:
    try:
        result = _pyparsing().heading.parse_string(span)
    except _pyparsing().error:
        return None
    kind = "clause" if "clause" in result else "item"
    return kind, _numeral_int(result[kind])


def _numeral_int(text: str) -> int:
    if text == "二十":
        return 20
    if text.startswith("十"):
        return 10 + (_NUMERAL_DIGITS.index(text[1]) + 1 if len(text) == 2 else 0)
    return _NUMERAL_DIGITS.index(text) + 1


def numeral(value: int) -> str:
    """The Chinese numeral for 1…20 (the inverse of :func:`parse_heading`'s value)."""
    if not 1 <= value <= 20:
        raise ValueError(value)
    if value == 20:
        return "二十"
    if value >= 10:
        return "十" + (_NUMERAL_DIGITS[value - 11] if value > 10 else "")
    return _NUMERAL_DIGITS[value - 1]
