"""A page image read as a certificate is printed: upright, with the authority's red seal read
apart from the text under it, and the merchant's overlay watermark separated from the license.

The printed license is black text on a tinted, bordered page; on top of it lie two things that
are not its text:

- the **seal**, red ink stamped over 发证机关（盖章） and 发证日期. The page is read from each
  pixel's brightest channel, in which coloured ink is as light as the paper: the text under the
  seal (and under a coloured watermark) reads cleanly. The
  seal itself is found by colour (a round red blob), its ring unwrapped (a polar transform) and
  its arc text read as one line, of kind ``seal``.
- the **overlay watermark** a merchant lays across the page (仅供…使用 再次复印无效), at an angle
  and repeated. OCR boxes at another angle than the page's lines, and short pieces made of the
  watermark's characters, are overlay: they never join a content line; the distinct watermark
  texts follow the page's lines as lines of kind ``overlay`` (the copy's watermark note).

Orientation: a page whose lines run vertically is turned a quarter; a page that reads as no
license is tried the way the engine's own orientation detection says (Tesseract's), else
upside down. A full page (an A4 scan or photo) is read by RapidOCR at 1600
pixels on its long side, small images (screenshots) as they are: that pays for the seal's extra
line and keeps a process's memory near the bare engine's.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: Words every page of a license prints; a reading with none of them is probably upside down.
ANCHORS = ("许可证", "公司", "发证", "有效期", "经营", "规定", "网站", "业务", "服务", "编号")
#: A box more than this many degrees off the page's lines is overlay text.
OVERLAY_ANGLE = 8.0
#: Pixels lighter than the ink's level plus this share of the way to white are paper.
PAPER = 0.7
#: An upright page's lines run within this many degrees of the horizontal (a photo's tilt).
LEVEL = 12.0
#: Pages whose shorter side is at least this many pixels (an A4 scan or photo) are read at the
#: engine's max_side (RapidOCR: LARGE_SIDE pixels on the long side); smaller images as they are.
LARGE_PAGE = 1400
LARGE_SIDE = 1600
#: RapidOCR's detector looks for lines at this many pixels on the long side at most (its default
#: never shrinks a page). On the held-out pages it finds the same lines as at 1,600 (the text
#: read differs by a few ASCII/full-width punctuation marks), in 0.7x the time and with about
#: 250 MB less peak memory; at 800 it starts to lose headings (bench/images.py).
DETECT_SIDE = 1024


@dataclass(frozen=True, slots=True)
class Piece:
    """A box the engine read: its text, quadrilateral (tl, tr, br, bl) and confidence."""

    text: str
    quad: tuple
    score: float

    @property
    def angle(self) -> float:
        (x0, y0), (x1, y1) = self.quad[0], self.quad[1]
        return math.degrees(math.atan2(y1 - y0, x1 - x0))

    @property
    def vertical(self) -> bool:
        """Whether the box runs top to bottom (a page lying on its side), whatever the order
        the engine gives its corners in."""
        xs = [x for x, _ in self.quad]
        ys = [y for _, y in self.quad]
        return max(ys) - min(ys) > 3 * (max(xs) - min(xs))


@dataclass(frozen=True, slots=True)
class Reading:
    """What one page gave: content rows (each a list of pieces, left to right), the distinct
    overlay texts, and the seal (its text and confidence, or None when the page has none; an
    empty text when a seal is there but could not be read)."""

    rows: list
    overlay: list
    seal: tuple | None
    seal_box: tuple | None
    #: per row: how the value after a label is printed against the label (see value_print)
    prints: list
    #: per row: a stretch printed unlike the rest of the row (see print_runs)
    runs: list
    #: counterclockwise quarter turns that stood the page upright: the boxes are the upright
    #: page's
    turns: int = 0


def read(ocr, image) -> Reading:
    """Read one page (a PIL image, any mode) with an engine: ``read(gray)`` -> pieces,
    ``read_line(gray)`` -> (text, confidence), and ``max_side``, the long side in pixels a
    full page is read at (None: as it is)."""
    import numpy

    rgb = numpy.asarray(image.convert("RGB"))
    gray = full = _print(rgb)
    scale = 1.0
    limit = getattr(ocr, "max_side", None)
    if limit and min(gray.shape) >= LARGE_PAGE and max(gray.shape) > limit:
        import cv2

        scale = limit / max(gray.shape)  # a full page: smaller and faster, text still legible
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    pieces = ocr.read(gray)
    turns = 0
    if sum(p.vertical for p in pieces) > max(3, len(pieces) // 3):  # lines run vertically
        turns = _quarter(ocr, gray, pieces)
        pieces = ocr.read(numpy.ascontiguousarray(numpy.rot90(gray, turns)))
    elif _anchors(pieces) < 2:  # no license read: turned the way the engine sees, or over
        sees = getattr(ocr, "orientation", None)
        for k in dict.fromkeys(k for k in (sees(gray) if sees else None, 2) if k):
            turned = ocr.read(numpy.ascontiguousarray(numpy.rot90(gray, k)))
            if _anchors(turned) > _anchors(pieces):
                turns, pieces = k, turned
                break
    content, overlay = _separate(pieces)
    upright = numpy.ascontiguousarray(numpy.rot90(rgb, turns)) if turns else rgb
    seal = None
    seal_box = _find_seal(upright)
    if seal_box is not None:
        seal = _read_seal(ocr, upright, seal_box)
    if turns:
        gray = numpy.ascontiguousarray(numpy.rot90(gray, turns))
        full = numpy.ascontiguousarray(numpy.rot90(full, turns)) if scale != 1.0 else gray
    rows = _rows(content)
    prints = [value_print(gray, row) for row in rows]
    if scale != 1.0:  # boxes in the page image's own pixels, where a reviewer looks
        rows = [[_scaled(p, 1 / scale) for p in row] for row in rows]
    # in the page's own pixels: shrunk, a crisp thin stroke averages into the paper
    runs = print_runs(full, rows)
    overlays = overlay_texts(p.text for p in overlay)
    return Reading(rows, overlays, seal, seal_box, prints, runs, turns)


#: A page lying on its side is turned the way its longest lines read better, tried on this many.
PROBES = 6


def _quarter(ocr, gray, pieces) -> int:
    """Quarter turns (1 or 3, counterclockwise) that stand a page lying on its side upright:
    its longest vertical lines read as single lines both ways, and the way that finds more of
    a license's words, then reads with more confidence, wins — two line readings each instead
    of a second and third reading of the whole page."""
    import numpy

    boxes = []
    extents = sorted((_extent(p.quad) for p in pieces if p.vertical), key=lambda e: e[1] - e[3])
    for x0, y0, x1, y1 in ((int(v) for v in e) for e in extents):
        crop = gray[max(0, y0) : y1, max(0, x0) : x1]
        if crop.size:
            boxes.append(crop)
        if len(boxes) == PROBES:
            break
    best = None
    for k in (1, 3):
        read = [ocr.read_line(numpy.ascontiguousarray(numpy.rot90(c, k))) for c in boxes]
        text = "".join(t for t, _ in read)
        rank = (sum(word in text for word in ANCHORS), sum(score for _, score in read))
        if best is None or rank > best[1]:
            best = (k, rank)
    return best[0]


def _extent(quad) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1): the upright box around a quadrilateral."""
    xs = [x for x, _ in quad]
    ys = [y for _, y in quad]
    return min(xs), min(ys), max(xs), max(ys)


def _scaled(piece: Piece, factor: float) -> Piece:
    quad = tuple((x * factor, y * factor) for x, y in piece.quad)
    return Piece(piece.text, quad, piece.score)


def _anchors(pieces) -> int:
    text = "".join(p.text for p in pieces)
    return sum(word in text for word in ANCHORS)


def _print(rgb):
    """The page as its black print shows it: each pixel's brightest channel, in which coloured
    ink — the red seal and border, a green or blue watermark — is as light as the paper and
    black text stays black; evened out against uneven light (divided by a blurred background);
    what is far lighter than the print's ink made white."""
    import cv2
    import numpy

    ink = rgb.max(axis=2).astype(numpy.float32)
    small = cv2.resize(ink, None, fx=0.125, fy=0.125, interpolation=cv2.INTER_AREA)
    background = cv2.GaussianBlur(cv2.dilate(small, numpy.ones((7, 7), numpy.uint8)), (0, 0), 3)
    background = cv2.resize(
        background, (ink.shape[1], ink.shape[0]), interpolation=cv2.INTER_LINEAR
    )
    even = numpy.clip(ink / numpy.maximum(background, 1) * 255, 0, 255)
    # what is much lighter than the print's ink — a translucent gray watermark, a tinted
    # background pattern — is paper: the print's ink is the darkest there is (a phone's black
    # screen chrome aside)
    dark = even[even > 20]
    if dark.size:
        level = float(numpy.percentile(dark, 1.5))
        even[even > level + PAPER * (255 - level)] = 255
    return even.astype(numpy.uint8)


def _separate(pieces):
    """(content, overlay): a piece at another angle than the page's lines is overlay, and so is
    a short piece made mostly of the characters of the overlay pieces and read with doubt."""
    long = sorted(p.angle for p in pieces if len(p.text) >= 6)
    if not long:
        return pieces, []
    # the page's lines run near the horizontal once the page is upright; a dense watermark may
    # outnumber them, so its angle never stands for the page's
    level = [a for a in long if abs(a) <= LEVEL] or long
    page = level[len(level) // 2]
    content, overlay = [], []
    for p in pieces:
        off = abs(p.angle - page)
        if len(p.text) >= 3 and off > OVERLAY_ANGLE:
            overlay.append(p)
        else:
            content.append(p)
    alphabet = set("".join(p.text for p in overlay))
    if alphabet:
        kept = []
        for p in content:
            chars = [c for c in p.text if not c.isspace()]
            mine = sum(c in alphabet for c in chars)
            tilted = abs(p.angle - page) > OVERLAY_ANGLE / 2
            if chars and len(chars) <= 3 and mine * 2 >= len(chars) and (p.score < 0.9 or tilted):
                overlay.append(p)
            else:
                kept.append(p)
        content = kept
    return content, overlay


def overlay_texts(pieces) -> list[str]:
    """The distinct overlay texts of a page (pieces: strings): the pieces of a repeated watermark joined where
    they overlap by MIN_OVERLAP characters or more (选平台资质 + 平台资质审核使用), longest first,
    leaving out pieces that are part of a longer one."""
    texts = {"".join(p.split()) for p in pieces if len(p.strip()) >= 2}
    merged = True
    while merged:
        merged = False
        for a in sorted(texts):
            for b in sorted(texts):
                joined = _join(a, b) if a != b else None
                if joined is not None:
                    texts -= {a, b}
                    texts.add(joined)
                    merged = True
                    break
            if merged:
                break
    kept: list[str] = []
    for text in sorted(texts, key=lambda t: (-len(t), t)):
        if not any(text in other for other in kept):
            kept.append(text)
    return kept


#: Two overlay pieces are one text when one's end is the other's start for this many characters.
MIN_OVERLAP = 3


def _join(a: str, b: str) -> str | None:
    """``a`` and ``b`` as one text when ``b`` is in ``a``, or ``a`` ends with how ``b`` starts."""
    if b in a:
        return a
    for n in range(min(len(a), len(b)) - 1, MIN_OVERLAP - 1, -1):
        if a.endswith(b[:n]):
            return a + b[n:]
    return None


def _rows(pieces) -> list[list[Piece]]:
    """Pieces grouped into lines, in reading order. On a photo the page is slightly rotated, so
    two pieces are on one line when the middle of the second's left edge lies within the
    first's right edge (not when their upright boxes overlap, which neighbouring lines of a
    tilted page do)."""
    rows = [[piece] for piece in pieces]
    merged = True
    while merged:  # join a row to the row it continues, until none continues another
        merged = False
        for first in rows:
            for second in rows:
                if second is not first and _continues(first[-1].quad, second[0].quad):
                    first.extend(second)
                    rows.remove(second)
                    merged = True
                    break
            if merged:
                break
    rows.sort(key=lambda row: (_left_middle(row[0].quad)[1], row[0].quad[0][0]))
    return rows


def _continues(left, right) -> bool:
    (_, tr, br, _) = left
    x, y = _left_middle(right)
    return tr[1] <= y <= br[1] and x >= min(tr[0], br[0]) - (br[1] - tr[1])


def _left_middle(quad) -> tuple[float, float]:
    (tl, _, _, bl) = quad
    return (tl[0] + bl[0]) / 2, (tl[1] + bl[1]) / 2


# -- the seal ------------------------------------------------------------------------------------


def _red(rgb):
    import numpy

    r, g, b = (rgb[..., i].astype(numpy.int16) for i in range(3))
    return ((r > 110) & (r - g > 45) & (r - b > 35)).astype(numpy.uint8)


def _find_seal(rgb):
    """(x, y, width, height) of the seal: the largest round red blob of a seal's size (a red
    border is a thin frame, red text a short run: neither is round and filled like a stamp)."""
    import cv2
    import numpy

    red = _red(rgb)
    if red.mean() < 0.001:
        return None
    w = red.shape[1]
    k = max(3, w // 200)
    blob = cv2.dilate(red, numpy.ones((k, k), numpy.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(blob, 8)
    best = None
    for i in range(1, count):
        x, y, bw, bh, _ = (int(v) for v in stats[i])
        if not (0.06 * w <= bw <= 0.45 * w and 0.75 <= bw / max(bh, 1) <= 1.33):
            continue
        fill = float(red[y : y + bh, x : x + bw].mean())
        if 0.03 < fill < 0.7 and (best is None or bw > best[2]):
            best = (x, y, bw, bh)
    return best


def _read_seal(ocr, rgb, box) -> tuple[str, float]:
    """The seal's arc text: the ring unwrapped from the bottom, clockwise, into a strip read
    as one line (text, confidence)."""
    import cv2
    import numpy

    x, y, bw, bh = box
    cx, cy, radius = x + bw / 2, y + bh / 2, max(bw, bh) / 2
    ink = numpy.where(_red(rgb) > 0, 0, 255).astype(numpy.uint8)
    size = (int(radius), int(2 * math.pi * radius))
    polar = cv2.warpPolar(
        ink, size, (cx, cy), radius, cv2.WARP_POLAR_LINEAR + cv2.WARP_FILL_OUTLIERS
    )
    polar = numpy.roll(polar, -polar.shape[0] // 4, axis=0)  # start at the bottom, the gap
    band = polar[:, int(0.55 * radius) : int(0.98 * radius)]
    strip = cv2.rotate(band, cv2.ROTATE_90_COUNTERCLOCKWISE)
    text, score = ocr.read_line(strip)
    return "".join(text.split()), score


# -- how a value is printed beside its label -------------------------------------------------------

#: A pixel of the evened-out page darker than this is ink.
INK = 140
#: A gap between glyphs at least this many glyph heights wide separates a label from its value.
LABEL_GAP = 0.8
#: A row that begins with a label: a few characters and a colon (公司名称：, 发证日期:).
_LABELLED = re.compile(r"\s*\S{2,12}?[：:]")


def value_print(gray, row) -> tuple[float, float, float] | None:
    """How the value after a label is printed against the label on one row (``公司名称：`` and
    the company, ``发证日期：`` and the date): (stroke darkness of the value's glyphs less the
    label's, 0–255; the value's glyph height over the label's; the value's background texture
    over the label's). The value is what follows the widest gap between glyphs when it is at
    least LABEL_GAP glyph heights; None for a row without a label and a value of two glyphs
    each. A value retyped over the print differs from its label in stroke, size or ground."""
    import numpy

    if not _LABELLED.match("".join(p.text for p in row)):
        return None  # not a label and its value: a line of the provisions, a heading
    glyphs = _row_glyphs(gray, row)
    if len(glyphs) < 4:
        return None
    height = float(numpy.median([g["h"] for _, _, g in glyphs]))
    gaps = [(glyphs[i + 1][0] - glyphs[i][1], i) for i in range(len(glyphs) - 1)]
    gap, at = max(gaps)
    label, value = glyphs[: at + 1], glyphs[at + 1 :]
    if gap < LABEL_GAP * height or len(label) < 2 or len(value) < 2:
        return None

    def median(part, key):
        return float(numpy.median([g[key] for _, _, g in part]))

    return (
        round(median(value, "stroke") - median(label, "stroke"), 1),
        round(median(value, "h") / max(median(label, "h"), 1.0), 3),
        round((median(value, "ground") + 0.5) / (median(label, "ground") + 0.5), 3),
    )


#: A stretch of at least RUN glyphs inside a line of Chinese text whose strokes all differ from
#: the rest of the line's, in one direction, by at least RUN_STROKE (0–255) and RUN_SPREAD times
#: the page's spread of glyph strokes (their median absolute deviation), was not printed with
#: the line. On the genuine pages of the held-out set (bench/heldout_images) no stretch of a
#: line differs by more than 7.2 or 2.8 times the spread; retyped stretches differ by 13 to 75
#: and 4 to 27 times.
RUN = 3
RUN_STROKE = 12.0
RUN_SPREAD = 3.5


def print_runs(gray, rows) -> list[tuple[float, float, str] | None]:
    """For each row: a stretch of it printed unlike the rest of the row, as (stroke darkness of
    the stretch less the rest's, 0–255; that over the page's spread; the stretch's characters
    as far as the glyphs' places tell them), or None. Only rows of Chinese
    characters are measured: a digit or a Latin letter is printed thinner than a character, and
    a row of labels and values is value_print's."""
    import numpy

    glyphs, chars = [], []  # per row: its glyphs, and the character each glyph stands in
    for row in rows:
        found, named = [], []
        for piece in row:
            mine = _row_glyphs(gray, [piece])
            found += mine
            # Chinese is printed in cells of one width: a glyph's middle names its character
            x0, _, x1, _ = _extent(piece.quad)
            cell = (x1 - x0) / max(len(piece.text), 1)
            for a, b, _ in mine:
                at = min(max(int(((a + b) / 2 - x0) / cell), 0), len(piece.text) - 1)
                named.append((row.index(piece), at))
        glyphs.append(found)
        chars.append(named)
    strokes = [g["stroke"] for row in glyphs for _, _, g in row]
    if len(strokes) < 20:
        return [None] * len(rows)
    spread = max(
        float(numpy.median(numpy.abs(numpy.subtract(strokes, numpy.median(strokes))))), 1.0
    )
    out = []
    for row, found, named in zip(rows, glyphs, chars, strict=True):
        text = "".join(p.text for p in row)
        ideographs = sum("\u4e00" <= c <= "\u9fff" for c in text)
        if (
            len(found) < RUN + 3
            or len(found) > ideographs + 1
            or any(c.isascii() and c.isalnum() for c in text)
        ):
            out.append(None)
            continue
        run = _odd_run([g["stroke"] for _, _, g in found])
        if run is None or abs(run[0]) < max(RUN_STROKE, RUN_SPREAD * spread):
            out.append(None)
            continue
        difference, first, last = run
        matched = _cells(named[first], named[last], row)
        out.append((round(difference, 1), round(abs(difference) / spread, 1), matched))
    return out


def _cells(first, last, row) -> str:
    """The Chinese characters from one glyph's cell to another's ((piece, cell) each)."""
    (p, a), (q, b) = first, last
    if p == q:
        text = row[p].text[a : b + 1]
    else:
        text = row[p].text[a:] + "".join(x.text for x in row[p + 1 : q]) + row[q].text[: b + 1]
    return "".join(c for c in text if "\u4e00" <= c <= "\u9fff")


def _odd_run(values) -> tuple[float, int, int] | None:
    """The stretch of at least RUN values that differ most, all in one direction, from the
    median of the others: (the least difference of the stretch, its first and last index); the
    stretch grown while its neighbours differ by half as much."""
    import numpy

    values = numpy.asarray(values, dtype=float)
    best = None
    for i in range(len(values) - RUN + 1):
        rest = numpy.median(numpy.concatenate((values[:i], values[i + RUN :])))
        part = values[i : i + RUN] - rest
        least = part.min() if part.min() > 0 else part.max() if part.max() < 0 else 0.0
        if least and (best is None or abs(least) > abs(best[0])):
            best = (float(least), i, i + RUN - 1, float(rest))
    if best is None:
        return None
    least, first, last, rest = best
    while first > 0 and (values[first - 1] - rest) * least >= 0.5 * least * least:
        first -= 1
    while last < len(values) - 1 and (values[last + 1] - rest) * least >= 0.5 * least * least:
        last += 1
    return least, first, last


def _row_glyphs(gray, row) -> list:
    """(x0, x1, measures) of each glyph of a row, left to right, in the page's pixels."""
    glyphs = []
    for piece in row:
        xs = [x for x, _ in piece.quad]
        ys = [y for _, y in piece.quad]
        x0, y0 = int(max(0, min(xs))), int(max(0, min(ys)))
        crop = gray[y0 : int(max(ys)), x0 : int(max(xs))]
        if crop.size:
            glyphs += [(x0 + a, x0 + b, g) for a, b, g in _glyphs(crop)]
    return glyphs


def _glyphs(crop):
    """(x0, x1, measures) of each glyph of a piece: columns of ink split at gaps, parts of one
    glyph (川, 儿) joined; punctuation and specks (narrower than half their height) left out."""
    import numpy

    ink = crop < INK
    columns = [*ink.any(axis=0), False]
    height = crop.shape[0]
    spans, start = [], None
    for x, inked in enumerate(columns):
        if inked and start is None:
            start = x
        elif not inked and start is not None:
            if spans and start - spans[-1][1] < 0.12 * height and x - spans[-1][0] < 1.15 * height:
                spans[-1][1] = x
            else:
                spans.append([start, x])
            start = None
    out = []
    for a, b in spans:
        part = ink[:, a:b]
        rows = numpy.flatnonzero(part.any(axis=1))
        h = int(rows[-1] - rows[0] + 1)
        if b - a <= 0.45 * h or h <= 0.3 * height:
            continue
        around = crop[:, a:b][~part]
        out.append(
            (a, b, {
                "h": h,
                "stroke": float(255 - crop[:, a:b][part].mean()),
                "ground": float(around[around >= 200].std()) if (around >= 200).sum() > 20 else 0.0,
            })
        )  # fmt: skip
    return out
