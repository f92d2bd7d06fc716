"""Normalisation: the clean text extraction reads, with a map back to the original.

Copies reach reviewers as OCR text layers (a space between every CJK character), markdown written
by a clerk (tables, emphasis, bullets), scans with page headers and footers (``第 1 页 共 5 页``,
``- 2 -``, ``2/5``), separators (``---``, form feeds), and with one long line or many short
ones. This module is the only place that knows about such surfaces: it turns the decoded lines
into clean lines that say the same thing the way a printed license does, and records for every
clean character the original line and column it came from. Rules never see the noise, and
findings still point at the original text (:meth:`Origin.position`).

What it does, line by line (each step keeps the map):

* drops page furniture: page numbers and headers, separator lines, markdown table rules;
* removes form feeds and other page-break controls;
* turns markdown table rows into ``label：value`` lines (a header row of labels over rows of
  values becomes one ``label：value`` line per cell);
* removes markdown emphasis (``**…**``), blockquote marks and list bullets;
* removes whitespace next to a CJK character (Chinese does not separate words with spaces, OCR
  does), and on OCR-spaced lines also inside numbers, dates and domains;
* splits a line that holds several fields (``公司名称：… 法定代表人：…``) or several clauses
  (``…上报。十、你公司…``) into one line each.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from liclint.text.grammar import fold
from liclint.text.labels import LABELS

_WS = r"[^\S\r\n]"  # whitespace within a line (short to compile: it is used ~100 times)
_CJK_CHARS = "\u2e80-\u2fdf\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
_CJK = f"[{_CJK_CHARS}]"
#: Whitespace with a CJK character (or CJK punctuation) on at least one side.
_CJK_GAP = re.compile(f"(?<={_CJK}){_WS}+(?=\\S)|(?<=\\S){_WS}+(?={_CJK})")
#: Whitespace inside numbers, dates and domains on OCR-spaced lines (spaces between two Latin
#: letters are kept: "John Smith").
_OCR_GAP = re.compile(f"(?<=[0-9.\\-:/]){_WS}+(?=[0-9A-Za-z.\\-])|(?<=[A-Za-z]){_WS}+(?=[0-9.\\-])")
_CONTROLS = re.compile("[\f\v\x1c-\x1e\x85]")

_PAGE = r"第\s*[0-9]+\s*页"
_FURNITURE = re.compile(
    rf"""
    {_PAGE}(?:\s*[,，/]?\s*共\s*[0-9]+\s*页)?           # 第 1 页 共 5 页
    | 共\s*[0-9]+\s*页\s*[,，]?\s*{_PAGE}                # 共 5 页 第 1 页
    | [-—–]\s*[0-9]{{1,3}}\s*[-—–]                      # - 2 -
    | [0-9]{{1,3}}\s*/\s*[0-9]{{1,3}}                   # 2/5
    | (?i:page)\s*[0-9]+(?:\s*(?:(?i:of)|/)\s*[0-9]+)?  # Page 2 of 5
    | (?:[-=*_~—·.]\s*){{3,}}                           # --- *** ___ === (separators)
    | \|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?)?\s*           # |---|---| (a markdown table rule)
    | <!--.*?-->                                        # an HTML comment (page-break marks)
    """,
    re.X,
)
#: A chat app's header around a pasted message: a sender and a time (张三 10:42, 李四 2024/1/5 10:42).
_CHAT_HEADER = re.compile(
    r"[^\s:：]{1,16}[ \t]+(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}[ \t]+)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
)
#: Furniture is short: longer lines are not tested against it.
_FURNITURE_MAX = 40
_FURNITURE_START = frozenset("第共-—–0123456789Pp=*_~·.|<")
#: A bare page number: furniture unless it is the value of the label on the line before.
_PAGE_NUMBER = re.compile(r"[0-9]{1,3}")
_LEAD = re.compile(r"[ \t\u3000]*(?:>[ \t]*)*(?:[-*+•·][ \t]+)?")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")

_LABEL_AT = re.compile("(?:" + "|".join(LABELS) + ")")
#: A label at the start of a line, perhaps OCR-spaced, and the whitespace that stands for its
#: colon ("公司名称    杭州…", "公 司 名 称 \t 杭 州 …").
_SPACED_LABEL = re.compile("(?:" + "|".join(f"{_WS}*".join(label) for label in LABELS) + ")")
_SPACE_RUN = re.compile(f"{_WS}+")
_LABEL_GAP = re.compile(
    "(?:"
    + "|".join(f"{_WS}*".join(label) for label in LABELS)
    + rf")(?:{_WS}*\({_WS}*盖{_WS}*章{_WS}*\))?({_WS}+)(?=[^\s:(（])"
)
_INLINE_LABEL = re.compile(
    f"{_WS}+(?=(?:" + "|".join(LABELS) + f")(?:{_WS}*\\([^()]{{0,6}}\\))?{_WS}*[:：])"
)
#: A clause heading after a sentence's end on the same line; the line is cut at the match's end.
_INLINE_HEADING = re.compile(
    r"[。;；][ \t\u3000]*(?=[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])"
)
#: Characters a line needs cleaning for wherever they are (markup, controls, odd spaces; a
#: backslash: pandoc's markdown ends a line broken inside a paragraph with one, a hard break).
_MARKUP = re.compile("[|*_<>\\\\\f\v\x1c-\x1e\x85\u3000\u00a0\u2002-\u200a\u202f\u205f]")
#: A markdown hard break: one backslash ending a line (two are an escaped backslash).
_HARD_BREAK = re.compile(r"(?<!\\)\\[ \t]*$")
#: A label written tightly, as a printed license has it: followed by its colon or by nothing.
_TIGHT_LABEL = re.compile("(?:" + "|".join(LABELS) + ")(?:[(（]盖章[)）])?[ \t]*(?:[:：]|$)")
_LABEL_FIRST = frozenset(label[0] for label in LABELS)
_BULLETS = frozenset("-+•·")


def _plain(raw: str, markup: bool = True) -> bool:
    """Whether a line needs no cleaning: no markup, not OCR-spaced, no bullet, and if it starts
    like a label, a tight label with one colon (no second field on the line). ``markup``: False
    if the whole text has none (the line is not searched for it)."""
    body = raw.lstrip(" \t")
    if not body:
        return True
    if markup and _MARKUP.search(body):
        return False
    spaces = body.count(" ") + body.count("\t")
    if 3 * spaces >= len(body) - spaces:
        return False
    first = body[0]
    if first in _BULLETS:
        return body[1:2] not in (" ", "\t")
    if first in _LABEL_FIRST:
        return bool(_TIGHT_LABEL.match(body)) and body.count(":") + body.count("：") <= 1
    return True


_TABLE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)


class Segment(NamedTuple):  # a named tuple: cheaper than a frozen dataclass
    """From clean offset ``start`` on, characters come from ``line``:``column`` onwards."""

    start: int
    line: int  # 0-based original line
    column: int  # 0-based original column
    advance: bool = True  # False for characters liclint inserted (they all map to one place)


class Origin:
    """Where every character of the clean lines came from in the original text."""

    __slots__ = ("_starts", "rows", "source")

    def __init__(self, rows: list[list[Segment] | int], source: list[str]) -> None:
        self.rows = rows  # per clean line: its segments, or the original line it is unchanged from
        self.source = source
        self._starts = [None if isinstance(row, int) else [s.start for s in row] for row in rows]

    def position(self, line: int, column: int) -> tuple[int, int]:
        """The original 1-based (line, column) of clean 1-based (line, column)."""
        if not self.rows:
            return line, column
        row = min(max(line, 1), len(self.rows)) - 1
        if isinstance(self.rows[row], int):
            return self.rows[row] + 1, column
        index = max(bisect.bisect_right(self._starts[row], column - 1) - 1, 0)
        seg = self.rows[row][index]
        offset = column - 1 - seg.start if seg.advance else 0
        return seg.line + 1, seg.column + max(offset, 0) + 1

    def span(self, line: int, column: int, end_line: int, end_column: int):
        """The original (line, column, end_line, end_column) of a clean span (end exclusive)."""
        start = self.position(line, column)
        if (end_line, end_column) <= (line, column):
            return (*start, *start)
        last = self.position(end_line, end_column - 1)
        return (*start, last[0], last[1] + 1)


class _Builder:
    """Accumulates one clean line and its segments."""

    __slots__ = ("parts", "segments", "size")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.size = 0

    def copy(self, text: str, line: int, column: int) -> None:
        if not text:
            return
        last = self.segments[-1] if self.segments else None
        if not (
            last is not None
            and last.advance
            and last.line == line
            and last.column + (self.size - last.start) == column
        ):
            self.segments.append(Segment(self.size, line, column))
        self.parts.append(text)
        self.size += len(text)

    def insert(self, text: str, line: int, column: int) -> None:
        self.segments.append(Segment(self.size, line, column, False))
        self.parts.append(text)
        self.size += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def normalize(
    lines: list[str], folded_lines: list[str] | None = None
) -> tuple[list[str], list[str], Origin]:
    """The clean lines of a copy, the same lines folded (:func:`fold`), and their :class:`Origin`.

    ``folded_lines`` are ``lines`` already folded, if the caller folded the whole text at once
    (one call instead of one a line)."""
    if folded_lines is None:
        folded_lines = [fold(line) for line in lines]
    out: list[str] = []
    folds: list[str] = []
    rows: list[list[Segment] | int] = []
    header: list[tuple[str, int, int]] | None = None  # a table header row of labels
    previous = ""  # the last non-blank line kept
    # One search of the whole text first: most copies have no markup and no clause heading
    # inside a line, and then no line needs searching for them.
    markup = _MARKUP.search("\n".join(lines)) is not None
    inline = _INLINE_HEADING.search("\n".join(folded_lines)) is not None
    for index, raw in enumerate(lines):
        if not raw:  # a blank line: kept as it is
            out.append(raw)
            folds.append(raw)
            rows.append(index)
            header = None
            continue
        folded = folded_lines[index]
        stripped = folded.strip(" \t\u3000\f\v")
        if (
            stripped
            and len(stripped) <= _FURNITURE_MAX
            and stripped[0] in _FURNITURE_START
            and (
                _FURNITURE.fullmatch(stripped)
                or (_PAGE_NUMBER.fullmatch(stripped) and not previous.endswith(":"))
            )
        ) or (stripped and len(stripped) <= _FURNITURE_MAX and _CHAT_HEADER.fullmatch(stripped)):
            continue
        if stripped:
            previous = stripped
        if "|" in raw and _TABLE_ROW.fullmatch(folded):
            size = len(out)
            header = _table_row(raw, folded, index, header, out, rows)
            folds += [fold(line) for line in out[size:]]
            continue
        header = None
        if _plain(raw, markup) and not (inline and _INLINE_HEADING.search(folded)):
            out.append(raw)  # nothing to clean: the common case
            folds.append(folded)
            rows.append(index)
            continue
        for start, end in _pieces(folded):
            builder = _Builder()
            _clean(raw, folded, index, start, end, builder)
            text = builder.text()
            out.append(text)
            folds.append(fold(text))
            rows.append(builder.segments or [Segment(0, index, start)])
    return out, folds, Origin(rows, lines)


def _pieces(folded: str) -> list[tuple[int, int]]:
    """Where a line is split: before inline field labels and before inline clause headings."""
    cuts = []
    lead = _LEAD.match(folded).end()
    if _LABEL_AT.match(folded, lead):
        cuts += [m.end() for m in _INLINE_LABEL.finditer(folded, lead + 2)]
    if "、" in folded or ")" in folded:
        cuts += [m.end() for m in _INLINE_HEADING.finditer(folded)]
    cuts += [m.start() for m in _BREAK_TAG.finditer(folded)]
    if not cuts:
        return [(0, len(folded))]
    bounds, start = [], 0
    for cut in sorted(set(cuts)):
        if cut > start:
            bounds.append((start, cut))
            start = cut
    bounds.append((start, len(folded)))
    return bounds


def _clean(raw: str, folded: str, index: int, start: int, end: int, out: _Builder) -> None:
    """Copy ``raw[start:end]`` into ``out`` without markup, controls and OCR spacing."""
    tag = _BREAK_TAG.match(folded, start)
    if tag:
        start = tag.end()
    lead = _LEAD.match(folded, start).end()
    if lead > start and folded[start:lead].strip(" \t\u3000"):
        start = lead  # a blockquote mark or bullet; plain indentation is kept for extraction
    line = folded[start:end]
    drops: list[tuple[int, int]] = []
    # An OCR-spaced line (as many spaced as tight neighbours of CJK characters, counted on the
    # raw text, where full-width digits count as CJK) loses its spaces next to CJK characters
    # and inside numbers. Elsewhere spaces are kept: the grammar and the rules ignore them.
    body = raw[start:end]
    spaces = len(body) - len("".join(body.split()))
    # OCR-spaced: whitespace after every third character or more often (there cannot be more
    # gaps than whitespace characters, so most lines are decided without the regex)
    gaps = len(_CJK_GAP.findall(raw, start, end)) if 3 * spaces >= len(body) - spaces else 0
    spaced = bool(gaps) and 3 * gaps >= len(body) - spaces
    if spaced:
        drops += [(m.start() - start, m.end() - start) for m in _CJK_GAP.finditer(raw, start, end)]
        drops += [m.span() for m in _OCR_GAP.finditer(line)]
    indent = len(line) - len(line.lstrip(" \t\u3000"))
    colon = _LABEL_GAP.match(line, indent)
    if colon and spaced and colon.group(1) in (" ", "\u3000"):
        # on an OCR-spaced line one space follows every character: only a wider gap (or a tab)
        # stands for a colon ("业 务 种 类 和 相 应…" is a sentence that wraps at a label's words)
        colon = None
    if colon:  # a label, perhaps spaced out, and the whitespace standing for its colon
        drops += [m.span() for m in _SPACE_RUN.finditer(line, indent, colon.start(1))]
        drops.append(colon.span(1))
    else:
        label = _SPACED_LABEL.match(line, indent)
        if label:
            drops += [m.span() for m in _SPACE_RUN.finditer(line, indent, label.end())]
    if _CONTROLS.search(line):
        drops += [m.span() for m in _CONTROLS.finditer(line)]
    if "\\" in line and (hard := _HARD_BREAK.search(line)):
        drops.append(hard.span())
    if "*" in line or "__" in line:
        drops += [m.span() for m in _EMPHASIS.finditer(line)]
    if not drops:
        out.copy(raw[start:end], index, start)
        return
    position = 0
    for a, b in sorted(drops):
        if a < position:
            a = position
        if b <= a:
            continue
        if a == 0 and not line[:b].strip(" \t\u3000\u00a0"):
            continue  # leading indentation stays: extraction knows it
        out.copy(raw[start + position : start + a], index, start + position)
        if colon and a <= colon.start(1) < b:
            out.insert("：", index, start + colon.start(1))  # whitespace standing for a colon
        position = b
    out.copy(raw[start + position : end].rstrip("\f\v"), index, start + position)


def _cells(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a markdown table row, without the cell padding."""
    cells = []
    bar = folded.index("|")
    while True:
        nxt = folded.find("|", bar + 1)
        if nxt < 0:
            break
        a, b = bar + 1, nxt
        while a < b and folded[a] in " \t\u3000":
            a += 1
        while b > a and folded[b - 1] in " \t\u3000":
            b -= 1
        cells.append((a, b))
        bar = nxt
    return cells


def _is_label(text: str) -> bool:
    compact = "".join(fold(text).split()).rstrip(":：")
    return any(compact.startswith(label) for label in LABELS)


def _table_row(raw, folded, index, header, out, rows):
    """Rewrite one markdown table row; returns the header row in force for the next row."""
    cells = [c for c in _cells(folded)]
    texts = [folded[a:b] for a, b in cells]
    if len(cells) > 2 and all(_is_label(t) for t in texts if t):
        return [(raw[a:b], index, a) for a, b in cells]  # a header row of labels
    if header is not None and len(header) == len(cells):
        pairs = [(header[i], cells[i]) for i in range(len(cells))]
    elif len(cells) >= 2 and texts[0] and len(texts[0]) <= 16:
        label_cell = cells[0]
        value = (cells[1][0], cells[-1][1])
        pairs = [((raw[label_cell[0] : label_cell[1]], index, label_cell[0]), value)]
    else:
        pairs = [(None, (cells[0][0], cells[-1][1]))] if cells else []
    for label, (a, b) in pairs:
        builder = _Builder()
        if label is not None:
            label_text, label_line, label_column = label
            _clean(
                label_text,
                fold(label_text),
                label_line,
                0,
                len(label_text),
                _Shift(builder, label_column),
            )
            if not label_text.rstrip().endswith((":", "：")):
                builder.insert("：", index, max(a - 1, 0))
        _clean(raw, folded, index, a, b, builder)
        out.append(builder.text())
        rows.append(builder.segments or [Segment(0, index, a)])
    return header


class _Shift:
    """A builder view that shifts copied columns (for text cut out of a longer line)."""

    def __init__(self, builder: _Builder, shift: int) -> None:
        self.builder, self.shift = builder, shift

    def copy(self, text: str, line: int, column: int) -> None:
        self.builder.copy(text, line, column + self.shift)
