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
    assert [f.code for f in doubtful if f.code in ("AUT001", "AUT002")] == []
    wrong = lint(_ocr_doc(*_read(text, seal=("北京市通信管理局", 0.99))), RULES, Context(AS_OF))
    assert [f.code for f in wrong if f.code.startswith("AUT")] == ["AUT001"]


@pytest.mark.parametrize(
    ("example_file", "seal", "names"),
    [
        ("provincial_icp.md", ("北市通信皇理局", 0.87), "北京市通信管理局 or 河北省通信管理局"),
        ("provincial_icp.md", ("江苏通信管埋局", 0.90), "江苏省通信管理局"),
        ("cross_regional_sp.txt", ("浙省通信管理局", 0.91), "浙江省通信管理局"),
    ],
)
def test_aut004_a_seal_read_imperfectly_that_names_another_province(example_file, seal, names):
    """A reading ending in …通信管理局 (a character or two misread) whose province characters
    belong to no name of the number's province: a warning, never an OCR001."""
    found = lint(_ocr_doc(*_read(example(example_file), seal=seal)), RULES, Context(AS_OF))
    aut = [f for f in found if f.code == "AUT004"]
    assert [f.severity.value for f in aut] == ["warning"] and names in aut[0].message


@pytest.mark.parametrize(
    "seal",
    [
        ("江省通信管理局", 0.92),  # 江 is 浙江's too: consistent with the number
        ("浙省通信管埋局", 0.91),
        ("浙江省通信管理局", 0.99),  # exact: AUT001's, and right
        ("中华人民共和国工业和信息化部", 0.99),  # exact: AUT001's
        ("杭雀通信管理局", 0.92),  # no character of a province's name was read
        ("北市通信皇理局", 0.60),  # read too poorly to judge
        ("年人找和是工和德电长享", 0.90),  # no suffix read
        ("", 0.0),
    ],
)
def test_aut004_a_seal_consistent_with_the_number_or_unreadable_is_not_flagged(seal):
    found = lint(_ocr_doc(*_read(example("provincial_icp.md"), seal=seal)), RULES, Context(AS_OF))
    assert [f for f in found if f.code == "AUT004"] == []


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


def _sentence(inks):
    """Rows of a page: glyph squares of strokes in a line of Chinese text, one ink per glyph (a
    stretch retyped over the print has inks of its own), and two plain rows."""
    import numpy

    page = numpy.full((240, 40 + 50 * len(inks)), 235, numpy.uint8)
    page += numpy.random.default_rng(2).integers(0, 12, page.shape, dtype=numpy.uint8)
    text = "杭州青禾云图科技有限公司获准经营信息服务业务"[: len(inks)]
    rows = []
    for r, row_inks in enumerate((inks, [70] * len(inks), [72] * len(inks))):
        y = 10 + 80 * r
        for i, ink in enumerate(row_inks):
            x = 20 + i * 50
            page[y : y + 40, x : x + 6] = ink - (i % 3) * 4  # the print's own variation
            page[y : y + 6, x : x + 40] = ink - (i % 3) * 4
            page[y + 34 : y + 40, x : x + 40] = ink - (i % 3) * 4
        quad = ((10.0, y - 5.0), (30.0 + 50 * len(inks), y - 5.0),
                (30.0 + 50 * len(inks), y + 45.0), (10.0, y + 45.0))  # fmt: skip
        rows.append([Piece(text, quad, 0.99)])
    return page, rows


def test_print_runs_finds_a_stretch_of_a_line_printed_unlike_the_rest():
    from liclint.reading.page import print_runs

    plain = print_runs(*_sentence([70] * 12))
    assert plain == [None, None, None]
    retyped = print_runs(*_sentence([70] * 4 + [40] * 4 + [70] * 4))  # 云图科技, darker
    assert retyped[1:] == [None, None] and retyped[0] is not None
    difference, spread, chars = retyped[0]
    assert difference > 20 and spread > 3.5 and chars == "云图科技"
    paler = print_runs(*_sentence([70] * 6 + [110] * 3 + [70] * 3))[0]
    assert paler is not None and paler[0] < -20 and paler[2] == "科技有"
    two = print_runs(*_sentence([70] * 5 + [40] * 2 + [70] * 5))  # two glyphs: not a stretch
    assert two == [None, None, None]


def test_img002_names_the_stretch_of_a_line_printed_unlike_the_rest():
    text = example("provincial_icp.md")
    clean_text, media = _read(text)
    lines = split_lines(clean_text)
    at = next(i for i, row in enumerate(lines) if "获准经营" in row or row.startswith("公司名称"))
    chars = next(c for c in (lines[at][7:11], lines[at][2:5]) if c)
    odd = [Line(o.page, o.box, o.confidence, print_run=(19.0, 5.6, chars)) if i == at else o
           for i, o in enumerate(media)]  # fmt: skip
    found = [
        f for f in lint(_ocr_doc(clean_text, odd), RULES, Context(AS_OF)) if f.code == "IMG002"
    ]
    assert [(f.line, f.severity.value) for f in found] == [(at + 1, "warning")]
    assert f"'{chars}' on this line is printed darker than the rest" in found[0].message
    assert found[0].column == lines[at].index(chars) + 1


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
