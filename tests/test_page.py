"""Pages read as a certificate is printed (liclint.reading.page), and verdicts that allow for
OCR: overlay watermarks separated, the seal found and its reading judged, OCR001 and IMG001."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import example
from liclint.checking.meta import Context
from liclint.checking.plugins import load
from liclint.checking.runner import lint
from liclint.reading.media import Line, _tilted
from liclint.reading.page import Piece, _separate, overlay_texts
from liclint.text.extract import parse_document, split_lines

AS_OF = dt.date(2025, 6, 1)


def piece(text, angle=0.0, score=1.0, x=0.0, y=0.0):
    import math

    w = 30.0 * len(text)
    dx, dy = w * math.cos(math.radians(angle)), w * math.sin(math.radians(angle))
    return Piece(text, ((x, y), (x + dx, y + dy), (x + dx, y + dy + 30), (x, y + 30)), score)


def test_tilted_and_repeated_watermark_pieces_are_overlay_never_content():
    pieces = [
        piece("经营许可证编号：浙B2-20230517", 0.5),
        piece("公司名称：杭州青禾云图科技有限公司", 0.8),
        piece("发证日期：2023年05月17日", 0.6),
        piece("仅供青禾平台资质审核使用", -31.0),
        piece("再次复印无效", -29.5),
        piece("平台资质", -30.0),
        piece(
            "审核", -3.0, score=0.6
        ),  # a short piece of the watermark's characters, read with doubt
        piece("林晓舟", 0.4),  # a short piece of print: kept
    ]
    content, overlay = _separate(pieces)
    assert [p.text for p in content] == [
        "经营许可证编号：浙B2-20230517", "公司名称：杭州青禾云图科技有限公司",
        "发证日期：2023年05月17日", "林晓舟",
    ]  # fmt: skip
    assert {p.text for p in overlay} == {
        "仅供青禾平台资质审核使用",
        "再次复印无效",
        "平台资质",
        "审核",
    }


def test_a_dense_watermark_does_not_set_the_page_angle():
    lines = [piece(f"第{i}行许可证内容文字", 1.0) for i in range(3)]
    marks = [piece("仅供青禾平台资质审核使用", -33.0) for _ in range(6)]
    content, overlay = _separate(lines + marks)
    assert content == lines and overlay == marks


def test_overlay_pieces_are_joined_into_the_watermark_note():
    texts = overlay_texts(
        ["仅供青禾平台资质审核", "平台资质审核使用", "再次复印无效", "复印无效", "审核"]
    )
    assert texts == ["仅供青禾平台资质审核使用", "再次复印无效"]


def test_text_layer_characters_drawn_at_an_angle_are_overlay():
    import math

    assert not _tilted(0.0) and not _tilted(-1) and not _tilted(math.radians(359))
    assert _tilted(math.radians(330)) and _tilted(math.radians(45))


def test_the_seal_is_found_by_colour_and_a_red_border_is_not_a_seal():
    cv2 = pytest.importorskip("cv2")
    import numpy

    from liclint.reading.page import _find_seal

    page = numpy.full((1200, 900, 3), 245, numpy.uint8)
    cv2.rectangle(page, (20, 20), (880, 1180), (200, 30, 30), 6)  # a red border
    assert _find_seal(page) is None
    cv2.circle(page, (600, 900), 110, (210, 40, 40), 8)  # the ring
    cv2.putText(page, "*", (570, 930), cv2.FONT_HERSHEY_SIMPLEX, 3, (210, 40, 40), 8)
    x, y, w, h = _find_seal(page)
    assert abs(x + w / 2 - 600) < 15 and abs(y + h / 2 - 900) < 15 and 200 < w < 260


def _ocr_doc(text, media):
    doc = parse_document("scan.jpg", text)
    doc.media = tuple(media)
    return doc


def _read(text, confidence=0.99, seal=None):
    """The text as OCR would give it, and its lines' origins; a seal's line after the line of
    有效期至 (a page's seal follows that page's lines)."""
    lines = split_lines(text)
    media = [Line(1, (0, 10.0 * i, 100, 10.0 * i + 9), confidence) for i in range(len(lines))]
    if seal is not None:
        at = next(i for i, row in enumerate(lines) if "有效期至" in row) + 1
        lines.insert(at, seal[0])
        media.insert(at, Line(1, (600, 800, 800, 1000), seal[1], "seal"))
    return "\n".join(lines), media


RULES = load().select()


def test_a_finding_on_a_low_confidence_line_is_ocr001_not_a_forgery_claim():
    text = example("provincial_icp.md").replace("浙B2-20230517", "浙B2-2023O517", 1)
    clean_text, media = _read(text)
    line = next(i for i, row in enumerate(split_lines(text)) if "2023O517" in row)
    sure = lint(_ocr_doc(clean_text, media), RULES, Context(AS_OF))
    assert (
        any(f.line == line + 1 and f.code.startswith("NUM") for f in sure) is False
    )  # O: a confusion
    assert any(
        f.line == line + 1 and f.code == "OCR001" and f.severity.value == "info" for f in sure
    )
    doubtful = [Line(o.page, o.box, 0.5) if i == line else o for i, o in enumerate(media)]
    found = lint(_ocr_doc(clean_text, doubtful), RULES, Context(AS_OF))
    on_line = [f for f in found if f.line == line + 1]
    assert on_line and all(f.code == "OCR001" for f in on_line)
    assert "look at the box" in on_line[0].message and "page 1" in on_line[0].message


def test_a_clear_finding_on_ocr_text_stays_what_it_is():
    text = example("provincial_icp.md").replace(
        "有效期至：2028年 05月 17日", "有效期至：2029年 05月 17日"
    )
    found = lint(_ocr_doc(*_read(text)), RULES, Context(AS_OF))
    assert any(f.code.startswith("DAT") and f.severity.value == "error" for f in found)


def test_a_seal_read_with_doubt_is_not_an_authority_claim_a_clear_wrong_seal_is():
    text = example("provincial_icp.md")
    doubtful = lint(_ocr_doc(*_read(text, seal=("北市通信皇理局", 0.87))), RULES, Context(AS_OF))
    assert [f.code for f in doubtful if f.code.startswith("AUT")] == []
    wrong = lint(_ocr_doc(*_read(text, seal=("北京市通信管理局", 0.99))), RULES, Context(AS_OF))
    assert [f.code for f in wrong if f.code.startswith("AUT")] == ["AUT001"]


def test_img001_says_when_a_seal_could_not_be_read():
    text = example("provincial_icp.md")
    unread = lint(_ocr_doc(*_read(text, seal=("", 0.0))), RULES, Context(AS_OF))
    assert [f.severity.value for f in unread if f.code == "IMG001"] == ["info"]
    read = lint(_ocr_doc(*_read(text, seal=("浙江省通信管理局", 0.99))), RULES, Context(AS_OF))
    assert [f for f in read if f.code == "IMG001"] == []


def _label_and_value(value_ink: int):
    """A row image: the label 公司名称： in gray-black ink, then a wide gap, then the value's
    glyphs in ``value_ink`` (as a pasted, retyped value would be), as squares of strokes."""
    import numpy

    row = numpy.full((60, 900), 235, numpy.uint8)
    rng = numpy.random.default_rng(1)
    row += rng.integers(0, 12, row.shape, dtype=numpy.uint8)  # the paper's texture
    for i in range(5):  # the label's glyphs, ink 70
        x = 10 + i * 50
        row[10:50, x : x + 6] = 70
        row[10:16, x : x + 40] = 70
        row[44:50, x : x + 40] = 70
    for i in range(6):  # the value's glyphs
        x = 380 + i * 50
        row[10:50, x : x + 6] = value_ink
        row[10:16, x : x + 40] = value_ink
        row[44:50, x : x + 40] = value_ink
    quad = ((0.0, 0.0), (900.0, 0.0), (900.0, 60.0), (0.0, 60.0))
    return row, [Piece("公司名称：杭州青禾云图科技有限公司", quad, 0.99)]


def test_value_print_measures_a_value_against_its_label():
    from liclint.reading.page import value_print

    same = value_print(*_label_and_value(70))
    pasted = value_print(*_label_and_value(15))
    assert same is not None and abs(same[0]) < 2 and abs(same[1] - 1) < 0.05
    assert pasted is not None and pasted[0] > 40


def test_img002_flags_a_value_printed_unlike_its_label_and_not_a_like_one():
    text = example("provincial_icp.md")
    clean_text, media = _read(text)
    at = next(i for i, row in enumerate(split_lines(clean_text)) if row.startswith("公司名称"))
    like = [Line(o.page, o.box, o.confidence, value_print=(3.0, 0.98, 1.0)) if i == at else o
            for i, o in enumerate(media)]  # fmt: skip
    unlike = [Line(o.page, o.box, 0.6, value_print=(29.0, 0.86, 0.8)) if i == at else o
              for i, o in enumerate(media)]  # fmt: skip
    assert [
        f for f in lint(_ocr_doc(clean_text, like), RULES, Context(AS_OF)) if f.code == "IMG002"
    ] == []
    found = [
        f for f in lint(_ocr_doc(clean_text, unlike), RULES, Context(AS_OF)) if f.code == "IMG002"
    ]
    # a warning even on a line read with doubt: it judges the print, not the reading
    assert [(f.line, f.severity.value) for f in found] == [(at + 1, "warning")]
    assert (
        "printed darker than its label" in found[0].message
        and "look at the box" in found[0].message
    )


def test_rapidocr_keeps_detecting_after_reading_a_seal_line():
    """RapidOCR keeps a call's flags for the next call: a seal's line is read without
    detection, and the next page must still be detected (a regression: the next small page
    came back as one recognised line)."""
    pytest.importorskip("rapidocr")
    from pathlib import Path

    from PIL import Image

    from liclint.reading.media import _ocr
    from liclint.reading.page import read

    photo = Image.open(Path(__file__).parent / "fixtures" / "media" / "photo.png")
    engine = _ocr("rapidocr", 0, "photo.png")
    first = read(engine, photo)
    engine.read_line(__import__("numpy").full((40, 200), 255, "uint8"))
    second = read(engine, photo)
    assert len(second.rows) == len(first.rows) > 5


@pytest.mark.parametrize("degrees", [90, 270])
def test_a_page_lying_on_its_side_is_read_upright(degrees):
    """A page photographed on its side is stood upright (page._quarter probes its longest lines
    both ways) and reads as the upright page does."""
    pytest.importorskip("rapidocr")
    import difflib
    from pathlib import Path

    from PIL import Image

    from liclint.reading.media import _ocr
    from liclint.reading.page import read

    photo = Image.open(Path(__file__).parent / "fixtures" / "media" / "photo.png")
    engine = _ocr("rapidocr", 0, "photo.png")

    def text(image):
        return "".join(p.text for row in read(engine, image).rows for p in row)

    upright, turned = text(photo), text(photo.rotate(degrees, expand=True))
    assert difflib.SequenceMatcher(None, upright, turned, autojunk=False).ratio() > 0.9
