"""The special provisions' template text (data/provisions.toml) and how clause text is compared.

Comparison ignores what copies vary in without meaning: punctuation, full/half width, whitespace
and line wraps. Numbers are compared separately (PRV003, PRV004), so the wording comparison writes
every number as "#".
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import tomllib

from liclint.checking.rule import Comparison
from liclint.text.grammar import fold, numeral

_NOT_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]")
_DIGITS = re.compile(r"[0-9]+")
_ALTERNATION = re.compile(r"\{([^{}]*)\}")
_ORDER_CITATION = re.compile(r"工业和信息化部令第\s*[0-9]+\s*号")


@functools.lru_cache(maxsize=512)
def normalize(text: str) -> str:
    """Text without punctuation or whitespace, widths folded, every number written as '#'.

    Memoised: several PRV rules normalize the same clause of the same document."""
    return _DIGITS.sub("#", _NOT_WORD.sub("", fold(text)))


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """:func:`normalize`, with the offset in ``text`` of every character of the result."""
    chars, where = [], []
    in_number = False
    for match in _WORD.finditer(fold(text)):
        c = match.group()
        if "0" <= c <= "9":
            if in_number:
                continue
            c, in_number = "#", True
        else:
            in_number = False
        chars.append(c)
        where.append(match.start())
    return "".join(chars), where


@functools.lru_cache(maxsize=1024)
def numbers(text: str) -> tuple[str, ...]:
    """The numbers in a clause, leaving out those of 工业和信息化部令第N号 citations (PRV003)."""
    return tuple(_DIGITS.findall(_ORDER_CITATION.sub("", fold(text))))


def _expand(template: str) -> list[str]:
    parts = _ALTERNATION.split(template)
    options = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    return ["".join(choice) for choice in itertools.product(*options)]


@functools.cache
def _data() -> dict:
    with open(os.path.join(os.path.dirname(__file__), "data", "provisions.toml"), "rb") as f:
        return tomllib.load(f)


@functools.cache
def front_laws() -> tuple[str, ...]:
    """The laws the front page's preamble cites (data/provisions.toml [front] laws)."""
    return tuple(_data()["front"]["laws"])


@functools.cache
def variants(table: str, key: str) -> tuple[str, ...]:
    """Every accepted raw text of clause ``key`` ("十二") in ``table`` ("clauses", "items_13"…)."""
    templates = _data()[table].get(key, ())
    return tuple(text for template in templates for text in _expand(template))


@functools.cache
def normalized_variants(table: str, key: str) -> frozenset[str]:
    return frozenset(normalize(v) for v in variants(table, key))


def item_table(count: int) -> str:
    """The sub-item table matching a 十五 with ``count`` sub-items."""
    return "items_13" if count == 13 else "items_14"


def units(doc) -> list:
    """(label, table, key, clause) for the clauses and sub-items the template has, computed once
    per document.

    Only the first clause (sub-item) of each numeral is compared: repeated numerals are reported
    by PRV001/PRV002, and comparing them all would make hostile input quadratic.
    """
    if "units" not in doc.memo:
        doc.memo["units"] = list(_units(doc))
    return doc.memo["units"]


def _units(doc):
    provisions = doc.provisions
    if provisions is None:
        return
    seen: set[int] = set()
    for clause in provisions.clauses:
        if clause.value is None or clause.value in seen or clause.value > 15:
            continue
        seen.add(clause.value)
        key = numeral(clause.value)
        yield f"clause {key}", "clauses", key, clause
        if key == "十五":
            table = item_table(len(clause.items))
            items: set[int] = set()
            for item in clause.items:
                if item.value is not None and item.value not in items and item.value <= 14:
                    items.add(item.value)
                    key = numeral(item.value)
                    yield f"clause 十五({key})", table, key, item


#: Text longer than this many times the template is not diffed (difflib is quadratic).
MAX_DIFF_RATIO = 3


def closest(text: str, table: str, key: str) -> str | None:
    """The normalized template variant closest to ``text`` (normalized)."""
    options = normalized_variants(table, key)
    if not options:
        return None
    if len(text) > MAX_DIFF_RATIO * max(len(v) for v in options):
        return max(options, key=len)
    import difflib  # only for text that differs from the template

    return max(
        options, key=lambda v: difflib.SequenceMatcher(None, v, text, autojunk=False).ratio()
    )


#: The words of a clause that carry its duty: a difference touching one changes what the clause
#: obliges or forbids, so on an OCR'd copy it is never taken for a misreading.
DUTY_WORDS = ("不得", "应当", "可以", "须", "禁止", "不", "可", "未经", "批准", "许可")


def comparison(label: str, table: str, key: str, unit) -> Comparison:
    """A clause (sub-item) and the template wording closest to it, which a finding about its
    wording carries for the html report to show beside it."""
    best = closest(normalize(unit.text.text), table, key)
    raw = next((v for v in variants(table, key) if normalize(v) == best), best or "")
    return Comparison(label, unit.numeral.line, unit.end_line, unit.text.text, raw, DUTY_WORDS)


def first_difference(template: str, text: str) -> tuple[int, int, str, str] | None:
    """(start, end, found, expected) of the first difference, in normalized ``text`` offsets."""
    if len(text) > MAX_DIFF_RATIO * len(template):
        common = 0
        while common < len(template) and template[common] == text[common]:
            common += 1
        return common, len(text), text[common:], template[common:]
    import difflib  # only for text that differs from the template

    matcher = difflib.SequenceMatcher(None, template, text, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            return b1, b2, text[b1:b2], template[a1:a2]
    return None


def sequence_problems(nodes, last: tuple[int, ...], name):
    """(node or None, message) for numerals missing, repeated or out of order in ``nodes``.

    ``last`` holds the accepted values of the final numeral (15 for clauses; 13 or 14 for the
    sub-items of 十五); ``name(value)`` says how to call a numeral ("clause 三", "sub-item (三)").
    A None node means "at the end of the sequence".
    """
    expected, seen = 1, set()
    for node in nodes:
        if node.value is None:
            yield node, f"'{node.numeral.text}' is not a numeral 一…二十"
            continue
        if node.value in seen:
            yield node, f"{name(node.value)} appears twice"
            continue
        if node.value < expected:
            yield node, f"{name(node.value)} is out of order (after {name(expected - 1)})"
        elif node.value > expected:
            gap = ", ".join(name(v) for v in range(expected, node.value))
            yield node, f"{gap} missing before {name(node.value)}"
        if node.value > max(last):
            yield (
                node,
                f"{name(node.value)} is beyond the last one of every template ({name(max(last))})",
            )
        seen.add(node.value)
        expected = max(expected, node.value + 1)
    if expected <= min(last):
        gap = ", ".join(name(v) for v in range(expected, min(last) + 1))
        yield None, f"{gap} missing at the end"


def locate(field, norm_start: int, norm_end: int):
    """The document span of normalized offsets [norm_start, norm_end) of ``field``'s text."""
    _, where = normalize_with_map(field.text)
    if not where:
        return field.span
    start = where[min(norm_start, len(where) - 1)]
    end = where[min(max(norm_end, norm_start + 1), len(where)) - 1] + 1
    return field.span_at(start, end)


#: A unit is "another clause's text" when it is at least this similar to another clause of the
#: template and at most OWN_SIMILARITY similar to every variant of its own.
OTHER_SIMILARITY = 0.8
OWN_SIMILARITY = 0.6


def _similarity(a: str, b: str) -> float:
    if len(a) > MAX_DIFF_RATIO * max(len(b), 1) or len(b) > MAX_DIFF_RATIO * max(len(a), 1):
        return 0.0
    import difflib  # only for text that differs from the template

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@functools.cache
def _own(table: str, key: str) -> frozenset[str]:
    """The accepted texts of a clause; both numberings of 十五's sub-items are genuine."""
    own = normalized_variants(table, key)
    if table != "clauses":
        own |= normalized_variants("items_13" if table == "items_14" else "items_14", key)
    return own


@functools.lru_cache(maxsize=256)
def borrowed_from(text: str, table: str, key: str) -> str | None:
    """The key of another clause (sub-item) of ``table`` whose template text ``text`` carries, or
    None. Only text that matches no variant of its own clause is compared (genuine copies never
    get that far)."""
    norm = normalize(text)
    own = _own(table, key)
    if not own or norm in own:
        return None
    if max(_similarity(norm, v) for v in own) > OWN_SIMILARITY:
        return None
    best, best_key = OTHER_SIMILARITY, None
    for other in _data()[table]:
        if other == key:
            continue
        for variant in normalized_variants(table, other):
            ratio = _similarity(norm, variant)
            if ratio >= best:
                best, best_key = ratio, other
    return best_key
