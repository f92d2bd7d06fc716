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
import math
import os
import re
import subprocess
from dataclasses import dataclass

from liclint.reading.files import ReadError, kind
from liclint.reading.page import DETECT_SIDE, LARGE_SIDE, OVERLAY_ANGLE, Piece, overlay_texts
from liclint.reading.page import read as read_page

#: A page whose text layer has fewer characters than this is taken for a scan and OCR'd.
MIN_TEXT_LAYER = 20
#: Render scale for OCR at most: 72 dpi x 3 = 216 dpi.
RENDER_SCALE = 3


@dataclass(frozen=True, slots=True)
class Line:
    """Where a line of extracted text came from."""

    page: int  # 1-based
    box: tuple[float, float, float, float] | None = (
        None  # x0, y0, x1, y1 in pixels of the page image
    )
    confidence: float | None = None  # OCR's (the lowest of the line's pieces); None: a text layer
    #: "text" (the license's print), "overlay" (a merchant's watermark laid over the page) or
    #: "seal" (the arc text of the authority's seal); overlay and seal lines follow the page's
    kind: str = "text"
    #: for a row of a label and its value read by OCR: the value's print against the label's
    #: (stroke darkness difference, glyph height ratio, background texture ratio; page.value_print)
    value_print: tuple[float, float, float] | None = None
    #: for a row of Chinese text read by OCR: a stretch printed unlike the rest of the row
    #: (stroke darkness difference, that over the page's spread, its characters; page.print_runs)
    print_run: tuple[float, float, str] | None = None
    #: the page image the box is in: (width, height) upright, and the counterclockwise quarter
    #: turns that stood the page image upright (page_image gives it back for a report)
    frame: tuple[int, int, int] | None = None

    def properties(self) -> dict:
        out: dict = {"page": self.page}
        if self.kind != "text":
            out["kind"] = self.kind
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


def page_image(data: bytes, name: str, line: Line):
    """The page image a line read by OCR was read off, upright, at the size its box refers to
    (a PIL image), for a report to show the box on; None for a line without a frame. Decoding
    or rendering the page again costs a fraction of a second: no OCR."""
    if line.frame is None:
        return None
    width, height, turns = line.frame
    if kind(data) == "pdf":
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(data)
        try:
            page = document[line.page - 1]
            side = max(width, height) / max(page.get_size())
            image = page.render(scale=side).to_pil().convert("RGB")
        finally:
            document.close()
    else:
        image = _image(data, name)
    if turns:
        image = image.rotate(90 * turns, expand=True)  # counterclockwise, as numpy.rot90
    return image.resize((width, height)) if image.size != (width, height) else image


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
            layer, overlay = _text_layer(page)
            if len("".join(layer.split())) >= MIN_TEXT_LAYER:
                page_lines = layer.split("\n")
                methods.add("text layer")
                texts += page_lines + overlay
                lines += [Line(index + 1)] * len(page_lines)
                lines += [Line(index + 1, kind="overlay")] * len(overlay)
            else:  # a scanned page: render it and read it
                ocr = _ocr(engine, threads, name, what="a scanned PDF")
                # in colour (the seal is red), at the size the engine reads a page at: no larger
                # (RapidOCR: its max_side on the long side), else 216 dpi (Tesseract)
                scale = RENDER_SCALE
                if ocr.max_side:
                    scale = min(scale, ocr.max_side / max(page.get_size()))
                image = page.render(scale=scale).to_pil()
                page_texts, page_lines = _ocr_page(ocr, image, index + 1)
                methods.add("ocr")
                texts += page_texts
                lines += page_lines
                del image
            page.close()
    finally:
        document.close()
    return Extracted("\n".join(texts), tuple(lines), " and ".join(sorted(methods, reverse=True)))


def _text_layer(page) -> tuple[str, list[str]]:
    """A page's text in reading order, and its overlay texts. Characters are taken in the content
    stream's order and cut into runs (a run ends where the next character is not on the same
    row, further right); runs are then placed by position: runs on one row left to right, rows
    top to bottom. So a form that writes its values before its labels reads label, value; a
    scanner's text layer, whose stretched lines may overlap, keeps each line's own order.

    Characters drawn at an angle (a text matrix with a rotation: a merchant's diagonal watermark
    laid over the page) are overlay, never part of a line: their runs are the overlay texts."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count)
        runs: list[tuple[str, tuple[float, float, float, float]]] = []
        chars: list[str] = []
        overlay: list[str] = [""]
        box = None
        for index in range(min(count, len(text))):
            char = text[index]
            angle = pdfium_c.FPDFText_GetCharAngle(textpage.raw, index)
            if _tilted(angle):
                if char.strip():
                    overlay[-1] += char
                continue
            if overlay[-1]:
                overlay.append("")
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
    content = "\n".join(_rows([(t.strip(), b) for t, b in runs if t.strip()])[0])
    return content, overlay_texts(overlay)


def _tilted(angle: float) -> bool:
    """Whether a character's angle (radians; pdfium gives -1 when it cannot tell) is off the
    page's lines by more than page.OVERLAY_ANGLE degrees."""
    if angle < 0:
        return False
    degrees = math.degrees(angle) % 360
    return min(degrees, 360 - degrees) > OVERLAY_ANGLE


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
    return ImageOps.exif_transpose(image).convert("RGB")


def _ocr(engine: str, threads: int | None, name: str, what: str = "an image"):
    if engine == "tesseract":
        return _Tesseract(threads, name)
    return _rapidocr(threads or 0, name, what)


@functools.cache
def _rapidocr_engine(threads: int):
    from rapidocr import RapidOCR

    for logger in ("RapidOCR", "rapidocr"):
        logging.getLogger(logger).setLevel(logging.WARNING)
    # the detector finds lines at DETECT_SIDE pixels on the long side at most (the recogniser
    # still reads each line off the page as given): detection's activations are the engine's
    # peak memory and grow with the area, and a page's lines are found as well (page.py)
    params = {
        "Global.use_cls": False,
        "Global.log_level": "warning",
        "Det.limit_type": "max",
        "Det.limit_side_len": DETECT_SIDE,
        # each line recognised on its own, not padded to the widest of a batch of six: a third
        # less peak memory and no slower on two cores (bench/images.py)
        "Rec.rec_batch_num": 1,
    }
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
    #: a full page is read at this many pixels on its long side (page.read)
    max_side = LARGE_SIDE

    def __init__(self, engine) -> None:
        self.engine = engine

    def read(self, gray) -> list[Piece]:
        """The pieces of text on a page (a grayscale array)."""
        import cv2

        # the flags every call: RapidOCR keeps the last call's (read_line turns detection off)
        result = self.engine(
            cv2.cvtColor(gray, cv2.COLOR_GRAY2RGB), use_det=True, use_cls=False, use_rec=True
        )
        if result is None or result.txts is None:
            return []
        pieces = []
        for text, quad, score in zip(result.txts, result.boxes, result.scores, strict=True):
            quad = tuple((float(x), float(y)) for x, y in quad)  # tl, tr, br, bl
            pieces.append(Piece(text, quad, float(score)))
        return pieces

    def read_line(self, gray) -> tuple[str, float]:
        """One line of text (a grayscale strip), without detection."""
        import cv2

        result = self.engine(cv2.cvtColor(gray, cv2.COLOR_GRAY2RGB), use_det=False, use_cls=False)
        if result is None or not result.txts:
            return "", 0.0
        return "".join(result.txts), float(min(result.scores))


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

    #: Tesseract reads a page at its own resolution (it wants 300 dpi, not fewer pixels)
    max_side = None

    def read(self, gray) -> list[Piece]:
        """The lines of a page (a grayscale array), as Tesseract's psm 6 reads them."""
        return self._run(gray, "6")

    def orientation(self, gray) -> int | None:
        """Counterclockwise quarter turns that stand the page upright, by Tesseract's
        orientation and script detection (psm 0, the ``osd`` data Debian installs with it), or
        None when it cannot tell. Its guess on a photo is often unsure: page.read takes it only
        when the turned page reads more of a license than the page as it came."""
        done = subprocess.run(
            [self.binary, "stdin", "stdout", "--psm", "0"],
            input=_png(gray),
            capture_output=True,
            env={**os.environ, "OMP_THREAD_LIMIT": str(self.threads)},
            check=False,
        )
        out = done.stdout.decode("utf-8", errors="replace")
        rotate = re.search(r"Rotate: (\d+)", out)
        if done.returncode != 0 or rotate is None:
            return None
        return (4 - int(rotate.group(1)) // 90) % 4  # Tesseract says clockwise

    def read_line(self, gray) -> tuple[str, float]:
        """One line of text (a grayscale strip)."""
        pieces = self._run(gray, "7")
        if not pieces:
            return "", 0.0
        return "".join(p.text for p in pieces), min(p.score for p in pieces)

    def _run(self, gray, psm: str) -> list[Piece]:
        import csv
        import io

        env = {**os.environ, "OMP_THREAD_LIMIT": str(self.threads)}
        done = subprocess.run(
            [self.binary, "stdin", "stdout", "-l", "chi_sim", "--psm", psm, "tsv"],
            input=_png(gray),
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
            words = _trimmed(words)
            if not words:
                continue
            box = (
                min(b[0] for _, b, _ in words),
                min(b[1] for _, b, _ in words),
                max(b[2] for _, b, _ in words),
                max(b[3] for _, b, _ in words),
            )
            quad = ((box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3]))
            pieces.append(
                Piece(" ".join(t for t, _, _ in words), quad, min(c for _, _, c in words))
            )
        return pieces


def _png(gray) -> bytes:
    """A grayscale array as PNG bytes, for Tesseract's standard input."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(gray).save(buffer, format="PNG")
    return buffer.getvalue()


def _trimmed(words: list) -> list:
    """A Tesseract line without the marks a border or a background pattern leaves at its ends
    (|, “, a stray Latin letter or digit read with little confidence, or a character or two read
    with little confidence and set apart from the line by more than STRAY_GAP line heights: the
    border's ornament); a line of such marks alone is dropped."""

    def mark(word, neighbour) -> bool:
        text, box, confidence = word
        if text.strip() and all(c in PRINTED_MARKS for c in text.strip()):
            return False  # a sentence's 。 or a bracket's ）: the print's own
        ideographs = sum("\u4e00" <= c <= "\u9fff" for c in text)
        bare = len(text.strip()) <= 1 or not any(c.isalnum() for c in text)
        if ideographs == 0 and (confidence < 0.6 or bare):
            return True
        if neighbour is None or len(text.strip()) > 2 or confidence >= 0.6:
            return False
        other = neighbour[1]
        gap = max(other[0] - box[2], box[0] - other[2])
        return gap > STRAY_GAP * max(box[3] - box[1], other[3] - other[1])

    while words and mark(words[0], words[1] if len(words) > 1 else None):
        words = words[1:]
    while words and mark(words[-1], words[-2] if len(words) > 1 else None):
        words = words[:-1]
    return words


#: Full-width punctuation a license prints at a line's end or start (never a border's mark).
PRINTED_MARKS = frozenset("。，、；：）】》」』！？（【《「『")
#: A character this many line heights away from the rest of its line, read with little
#: confidence, is the border's ornament or the background's pattern, not the license's print.
STRAY_GAP = 1.5


def _ocr_page(ocr, image, page: int) -> tuple[list[str], list[Line]]:
    """The lines of one page image, in reading order (:func:`liclint.reading.page.read`), then
    the page's overlay texts and its seal's text, each on a line of its own."""
    reading = read_page(ocr, image)
    width, height = image.size if reading.turns % 2 == 0 else image.size[::-1]
    frame = (width, height, reading.turns)
    texts, lines = [], []
    for row, printed, run in zip(reading.rows, reading.prints, reading.runs, strict=True):
        texts.append("  ".join(p.text for p in row))  # two spaces: a gap between pieces
        xs = [x for p in row for x, _ in p.quad]
        ys = [y for p in row for _, y in p.quad]
        box = (min(xs), min(ys), max(xs), max(ys))
        confidence = min(p.score for p in row)
        lines.append(Line(page, box, confidence, value_print=printed, print_run=run, frame=frame))
    for text in reading.overlay:
        texts.append(text)
        lines.append(Line(page, None, None, "overlay"))
    if reading.seal is not None:
        x, y, w, h = reading.seal_box
        texts.append(reading.seal[0])
        lines.append(Line(page, (x, y, x + w, y + h), reading.seal[1], "seal", frame=frame))
    return texts, lines
