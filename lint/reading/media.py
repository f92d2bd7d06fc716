"""PDF files and scanned images: the text a reviewer would read off them, line by line, with where
each line came from (page, box on the page, OCR confidence).

A PDF with a text layer is read from it (pypdfium2, ``liclint[pdf]``); a page without one (a scan)
is rendered and read by OCR, as are images (RapidOCR, ``liclint[ocr]``; or Tesseract). Pages are
processed one at a time, so a long PDF never holds every page image in memory. The text this
module returns goes through the same normalisation, parser and rules as a text file: OCR spacing,
page furniture and full-width characters are :mod:`liclint.text.normalize`'s business, not this one's.

Nothing here is imported for text input.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass

from liclint.reading.files import ReadError, kind

#: A page whose text layer has fewer characters than this is taken for a scan and OCR'd.
MIN_TEXT_LAYER = 20
#: Render scale for OCR: 72 dpi x 3 = 216 dpi.
RENDER_SCALE = 3


@dataclass(frozen=True, slots=True)
class Line:
    """Where a line of extracted text came from."""

    page: int  # 1-based
    box: tuple[float, float, float, float] | None = (
        None  # x0, y0, x1, y1 in pixels of the page image
    )
    confidence: float | None = None  # OCR's (the lowest of the line's pieces); None: a text layer

    def properties(self) -> dict:
        out: dict = {"page": self.page}
        if self.box is not None:
            out["box"] = [round(v, 1) for v in self.box]
        if self.confidence is not None:
            out["ocr_confidence"] = round(self.confidence, 3)
        return out


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text of a PDF or image, one :class:`Line` for each of its lines."""

    text: str
    lines: tuple[Line, ...]
    method: str  # "text layer", "ocr" or "text layer and ocr"


def extract(
    data: bytes, name: str, engine: str = "rapidocr", threads: int | None = None
) -> Extracted:
    """The text of a PDF or an image (see :func:`kind`)."""
    what = kind(data)
    if what == "pdf":
        return _pdf(data, name, engine, threads)
    if what == "image":
        ocr = _ocr(engine, threads, name)
        texts, lines = _ocr_page(ocr, _image(data, name), 1)
        return Extracted("\n".join(texts), tuple(lines), "ocr")
    raise ReadError(f"{name}: not a PDF or an image")


# -- PDF --------------------------------------------------------------------------------------------


def _pdf(data: bytes, name: str, engine: str, threads: int | None) -> Extracted:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise ReadError(
            f"{name}: a PDF; reading PDF files needs: pip install 'liclint[pdf]'"
        ) from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReadError(f"{name}: not a readable PDF ({exc})") from None
    texts: list[str] = []
    lines: list[Line] = []
    methods = set()
    try:
        for index in range(len(document)):
            page = document[index]
            layer = _text_layer(page)
            if len("".join(layer.split())) >= MIN_TEXT_LAYER:
                page_lines = layer.split("\n")
                methods.add("text layer")
                texts += page_lines
                lines += [Line(index + 1)] * len(page_lines)
            else:  # a scanned page: render it and read it
                ocr = _ocr(engine, threads, name, what="a scanned PDF")
                image = page.render(scale=RENDER_SCALE, grayscale=True).to_pil()
                page_texts, page_lines = _ocr_page(ocr, image, index + 1)
                methods.add("ocr")
                texts += page_texts
                lines += page_lines
                del image
            page.close()
    finally:
        document.close()
    return Extracted("\n".join(texts), tuple(lines), " and ".join(sorted(methods, reverse=True)))


def _text_layer(page) -> str:
    """A page's text in reading order. Characters are taken in the content stream's order and cut
    into runs (a run ends where the next character is not on the same row, further right); runs
    are then placed by position: runs on one row left to right, rows top to bottom. So a form
    that writes its values before its labels reads label, value; a scanner's text layer, whose
    stretched lines may overlap, keeps each line's own order."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count)
        runs: list[tuple[str, tuple[float, float, float, float]]] = []
        chars: list[str] = []
        box = None
        for index in range(min(count, len(text))):
            char = text[index]
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            if char in "\r\n" or top <= bottom:
                if char in "\r\n" and chars:  # pdfium's own line break ends a run
                    runs.append(("".join(chars), box))
                    chars, box = [], None
                elif char == " " and chars:
                    chars.append(char)
                continue
            here = (left, -top, right, -bottom)  # y grows downwards, as in images
            same_row = box is not None and box[1] < (here[1] + here[3]) / 2 < box[3]
            if chars and not (same_row and here[0] >= box[2] - (box[3] - box[1])):
                runs.append(("".join(chars), box))
                chars, box = [], None
            chars.append(char)
            box = (
                here
                if box is None
                else (box[0], min(box[1], here[1]), here[2], max(box[3], here[3]))
            )
        if chars:
            runs.append(("".join(chars), box))
    finally:
        textpage.close()
    return "\n".join(_rows([(t.strip(), b) for t, b in runs if t.strip()])[0])


def _rows(pieces):
    """Pieces (text, box) grouped into lines: pieces whose boxes share a row (they overlap
    vertically by more than half the smaller height) form one line, left to right. Returns the
    lines' texts and their pieces."""
    rows: list[list] = []
    for piece in sorted(pieces, key=lambda p: (p[1][1], p[1][0])):
        box = piece[1]
        if rows:
            last = rows[-1]
            top = max(p[1][1] for p in last)
            bottom = min(p[1][3] for p in last)
            height = min(box[3] - box[1], min(p[1][3] - p[1][1] for p in last))
            if min(bottom, box[3]) - max(top, box[1]) > height / 2:
                last.append(piece)
                continue
        rows.append([piece])
    texts = []
    for row in rows:
        row.sort(key=lambda p: p[1][0])
        texts.append("  ".join(p[0] for p in row))  # two spaces: a gap between pieces
    return texts, rows


# -- images and OCR ----------------------------------------------------------------------------------


def _image(data: bytes, name: str):
    try:
        from PIL import Image, ImageOps
    except ImportError:
        raise ReadError(
            f"{name}: an image; reading images needs: pip install 'liclint[ocr]'"
        ) from None
    import io

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception as exc:  # Pillow raises many kinds for broken files
        raise ReadError(f"{name}: not a readable image ({type(exc).__name__})") from None
    return ImageOps.exif_transpose(image).convert("L")


def _ocr(engine: str, threads: int | None, name: str, what: str = "an image"):
    if engine == "tesseract":
        return _Tesseract(threads, name)
    return _rapidocr(threads or 0, name, what)


@functools.cache
def _rapidocr_engine(threads: int):
    from rapidocr import RapidOCR

    for logger in ("RapidOCR", "rapidocr"):
        logging.getLogger(logger).setLevel(logging.WARNING)
    params = {"Global.use_cls": False, "Global.log_level": "warning"}
    if threads:
        params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
        params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
    try:
        return RapidOCR(params=params)
    except Exception:  # older releases do not know the log level key
        params.pop("Global.log_level")
        return RapidOCR(params=params)


def _rapidocr(threads: int, name: str, what: str):
    try:
        engine = _rapidocr_engine(threads)
    except ImportError:
        raise ReadError(
            f"{name}: {what}; reading it needs OCR: pip install 'liclint[ocr]'"
        ) from None
    return _RapidOCR(engine)


class _RapidOCR:
    def __init__(self, engine) -> None:
        self.engine = engine

    def read(self, image) -> list[tuple[str, tuple[float, float, float, float], float]]:
        import numpy

        result = self.engine(numpy.asarray(image.convert("RGB")))
        if result is None or result.txts is None:
            return []
        pieces = []
        for text, quad, score in zip(result.txts, result.boxes, result.scores, strict=True):
            quad = tuple((float(x), float(y)) for x, y in quad)  # tl, tr, br, bl
            pieces.append((text, quad, float(score)))
        return pieces


class _Tesseract:
    """Tesseract (Debian's tesseract-ocr with chi_sim), one page at a time, single-threaded."""

    def __init__(self, threads: int | None, name: str) -> None:
        import shutil

        self.binary = shutil.which("tesseract")
        if self.binary is None:
            raise ReadError(
                f"{name}: the OCR engine 'tesseract' is not installed "
                "(apt-get install tesseract-ocr tesseract-ocr-chi-sim), or use ocr-engine = rapidocr"
            )
        self.threads = threads or 1

    def read(self, image) -> list[tuple[str, tuple[float, float, float, float], float]]:
        import csv
        import io
        import subprocess

        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        env = {**os.environ, "OMP_THREAD_LIMIT": str(self.threads)}
        done = subprocess.run(
            [self.binary, "stdin", "stdout", "-l", "chi_sim", "--psm", "6", "tsv"],
            input=buffer.getvalue(),
            capture_output=True,
            env=env,
            check=False,
        )
        if done.returncode != 0:
            raise ReadError(
                f"tesseract failed: {done.stderr.decode(errors='replace').strip()[:200]}"
            )
        rows = csv.DictReader(io.StringIO(done.stdout.decode("utf-8")), delimiter="\t", quoting=3)
        lines: dict[tuple[str, str, str], list] = {}
        for row in rows:
            if row.get("level") != "5" or not (row.get("text") or "").strip():
                continue
            key = (row["block_num"], row["par_num"], row["line_num"])
            x, y, w, h = (float(row[k]) for k in ("left", "top", "width", "height"))
            lines.setdefault(key, []).append(
                (row["text"], (x, y, x + w, y + h), float(row["conf"]) / 100)
            )
        pieces = []
        for words in lines.values():
            box = (
                min(b[0] for _, b, _ in words),
                min(b[1] for _, b, _ in words),
                max(b[2] for _, b, _ in words),
                max(b[3] for _, b, _ in words),
            )
            quad = ((box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3]))
            pieces.append((" ".join(t for t, _, _ in words), quad, min(c for _, _, c in words)))
        return pieces


def _ocr_page(ocr, image, page: int) -> tuple[list[str], list[Line]]:
    """The lines of one page image, in reading order. OCR gives a quadrilateral for each piece of
    text; on a photo the page is slightly rotated, so two pieces are on one line when the middle
    of the second's left edge lies within the first's right edge (not when their upright boxes
    overlap, which neighbouring lines of a tilted page do)."""
    rows = [[piece] for piece in ocr.read(image)]
    merged = True
    while merged:  # join a row to the row it continues, until none continues another
        merged = False
        for first in rows:
            for second in rows:
                if second is not first and _continues(first[-1][1], second[0][1]):
                    first.extend(second)
                    rows.remove(second)
                    merged = True
                    break
            if merged:
                break
    rows.sort(key=lambda row: (_left_middle(row[0][1])[1], row[0][1][0][0]))
    texts, lines = [], []
    for row in rows:
        texts.append("  ".join(text for text, _, _ in row))  # two spaces: a gap between pieces
        xs = [x for _, quad, _ in row for x, _ in quad]
        ys = [y for _, quad, _ in row for _, y in quad]
        box = (min(xs), min(ys), max(xs), max(ys))
        lines.append(Line(page, box, min(score for _, _, score in row)))
    return texts, lines


def _continues(left, right) -> bool:
    """Whether the piece with quadrilateral ``right`` goes on the line of ``left``: the middle of
    its left edge lies within the right edge of ``left``, and it starts after ``left`` ends."""
    (_, tr, br, _) = left
    x, y = _left_middle(right)
    return tr[1] <= y <= br[1] and x >= min(tr[0], br[0]) - (br[1] - tr[1])


def _left_middle(quad) -> tuple[float, float]:
    (tl, _, _, bl) = quad
    return (tl[0] + bl[0]) / 2, (tl[1] + bl[1]) / 2
