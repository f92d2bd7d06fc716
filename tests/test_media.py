"""PDF files and scanned images (liclint[pdf], liclint[ocr]): read as a reviewer would read them.

The fixtures in tests/fixtures/media/ were rendered from the fictional examples (see its README):
a text PDF, a form PDF that writes values before labels, a scan made of page images, a scan with
an OCR text layer, phone-like photos (PNG, JPEG), each also tampered (an impossible issue date on
page 1, another license number in the header of page 3).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from liclint.cli.main import main

MEDIA = Path(__file__).resolve().parent / "fixtures" / "media"
FIXTURES = {
    f["file"]: f for f in tomllib.loads((MEDIA / "fixtures.toml").read_text("utf-8"))["fixture"]
}
AS_OF = "2025-06-01"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def results():
    """Each fixture's text (parse --text), model (parse) and findings (check), read once."""
    import contextlib
    import io

    cache: dict[str, tuple[str, dict, list]] = {}

    def read(name: str):
        if name not in cache:
            path = str(MEDIA / name)
            outputs = []
            for args in (
                ["parse", "--text", path],
                ["parse", path],
                ["check", "--isolated", "--no-cache", "--as-of", AS_OF, "--format", "json", path],
            ):
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    main(args)
                outputs.append(buffer.getvalue())
            cache[name] = (outputs[0], json.loads(outputs[1]), json.loads(outputs[2]))
        return cache[name]

    return read


def line_of(text: str, needle: str) -> tuple[int, int]:
    """(page, line) of the first line of `parse --text` output containing ``needle`` (spaces
    ignored, as OCR puts them anywhere)."""
    for row in text.splitlines():
        where, _, content = row.partition(" | ")
        if needle in "".join(content.split()):
            parts = where.split()
            return int(parts[0].lstrip("p")), int(parts[-1])
    raise AssertionError(f"{needle!r} not in the extracted text")


CLEAN = ["text.pdf", "form.pdf", "scan.pdf", "scan_ocr_layer.pdf", "photo.png", "photo.jpg"]


@pytest.mark.parametrize("name", CLEAN)
def test_the_key_fields_are_read(results, name):
    _, model, findings = results(name)
    assert next(n["normalized"] for n in model["numbers"]) == "浙B2-20230517"
    assert model["company"]["text"].strip() == "杭州青禾云图科技有限公司"
    assert model["issue_date"]["value"] == "2023-05-17"
    assert model["expiry_date"]["value"] == "2028-05-17"
    assert [f for f in findings if f["severity"] != "info"] == []


@pytest.mark.parametrize("name", [*CLEAN, "cross_regional.pdf"])
def test_the_tampered_copy_is_caught_on_the_right_page_and_line(results, name):
    tampered = name.replace(".", "_tampered.")
    text, _, findings = results(tampered)
    for edit in FIXTURES[tampered]["edit"]:
        changed = "".join(edit["changed"].split())
        page, line = line_of(text, changed)
        assert page == edit["page"]
        hits = [f for f in findings if f["line"] == line and f["severity"] == "error"]
        assert hits, (edit, findings)
        assert all(f["page"] == page for f in hits)
        assert f"(page {page})" in hits[0]["message"]


def test_ocr_findings_carry_the_box_and_confidence(results):
    _, _, findings = results("scan_tampered.pdf")
    (date,) = [f for f in findings if f["code"] == "DAT001"]
    x0, y0, x1, y1 = date["box"]
    assert 0 <= x0 < x1 and 0 <= y0 < y1 and 0.5 < date["ocr_confidence"] <= 1


def test_a_text_layer_has_no_box_and_a_scan_layer_is_not_ocrd_again(results):
    for name in ("text_tampered.pdf", "scan_ocr_layer_tampered.pdf"):
        _, _, findings = results(name)
        assert findings and all("box" not in f and "ocr_confidence" not in f for f in findings)


def test_parse_text_shows_pages_lines_and_confidence(results):
    text, _, _ = results("scan.pdf")
    first = text.splitlines()[0]
    assert first.startswith("p1 (") and "|" in first
    assert any(row.startswith("p3 ") for row in text.splitlines())


def test_sarif_carries_page_and_box(capsys):
    _code, out, _ = run(
        capsys, "check", "--isolated", "--no-cache", "--as-of", AS_OF, "--format", "sarif",
        str(MEDIA / "photo_tampered.jpg"),
    )  # fmt: skip
    (result,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "DAT001"]
    assert result["properties"]["page"] == 1 and len(result["properties"]["box"]) == 4


@pytest.mark.parametrize("name", ["photo_tampered.jpg", "scan_tampered.pdf"])
def test_the_html_report_shows_the_print_around_a_findings_box(capsys, name):
    """A finding on a picture carries the part of the page around its box, cut from the file
    again (no OCR), with the box drawn; a finding on a text layer has none."""
    import base64
    import io
    import re

    from PIL import Image

    from liclint.reporting.html import unpack
    from liclint.reporting.html.pictures import WIDTH

    _code, out, _ = run(
        capsys, "check", "--isolated", "--no-cache", "--as-of", AS_OF, "--format", "html",
        str(MEDIA / name), str(MEDIA / "text_tampered.pdf"),
    )  # fmt: skip
    copies = [unpack(b) for b in re.findall(r'id="data-\d+">([^<]+)</script>', out)]
    shown = {c["path"].rsplit("/", 1)[-1]: c for c in copies}
    boxed = [f for f in shown[name]["findings"] if f[8].get("box")]
    assert boxed and all(
        f[8].get("picture", "").startswith("data:image/jpeg;base64,") for f in boxed
    )
    picture = Image.open(io.BytesIO(base64.b64decode(boxed[0][8]["picture"].split(",", 1)[1])))
    assert picture.format == "JPEG" and 40 < picture.width <= WIDTH
    assert all("picture" not in f[8] for f in shown["text_tampered.pdf"]["findings"])
    assert "img-src data:" in out  # the page's policy lets the pictures show


def test_a_low_confidence_line_is_named_in_the_message():
    from liclint.reading.media import Line
    from liclint.running.config import Settings
    from liclint.running.linter import linter_for
    from liclint.testing import SAMPLE

    text = SAMPLE.replace("2023年 05月 17日", "2023年 02月 30日")
    media = tuple(
        Line(1, (0, 10 * i, 100, 10 * i + 9), 0.55) for i in range(len(text.splitlines()))
    )
    import datetime

    linter = linter_for(Settings(as_of=datetime.date(2025, 6, 1)))
    (date,) = [f for f in linter.check_text(text, "x.pdf", media) if "DAT001" in f.message]
    assert date.code == "OCR001" and date.severity.value == "info"  # not a forgery claim
    assert "confidence 0.55" in date.message and "look at the box" in date.message


def test_by_content_not_by_name(tmp_path, capsys):
    disguised = tmp_path / "license.txt"
    disguised.write_bytes((MEDIA / "text_tampered.pdf").read_bytes())
    code, out, _ = run(
        capsys, "check", "--isolated", "--no-cache", "--as-of", AS_OF, str(disguised)
    )
    assert code == 1 and "DAT001" in out and "(page 1)" in out


@pytest.mark.parametrize(
    "name, blocked, extra",
    [("text.pdf", "pypdfium2", "liclint[pdf]"), ("photo.png", "rapidocr", "liclint[ocr]")],
)
def test_without_the_extra_one_line_names_it(capsys, monkeypatch, name, blocked, extra):
    import liclint.reading.media

    monkeypatch.setitem(sys.modules, blocked, None)  # importing it raises ImportError
    liclint.reading.media._rapidocr_engine.cache_clear()
    code, _, err = run(capsys, "check", "--isolated", "--no-cache", str(MEDIA / name))
    liclint.reading.media._rapidocr_engine.cache_clear()
    assert code == 2 and extra in err and err.count("\n") == 1 and "Traceback" not in err


def test_text_input_never_imports_the_extras():
    code = (
        "import sys, liclint.cli.main\n"
        "try:\n    liclint.cli.main.main(['check', '--isolated', '--no-cache', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pypdfium2', 'rapidocr', 'onnxruntime', 'PIL', 'numpy', "
        "'liclint.reading.media') if m in sys.modules))"
    )
    example = str(Path(__file__).resolve().parent.parent / "examples" / "provincial_icp.md")
    out = subprocess.run(
        [sys.executable, "-c", code, example], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.skipif(
    __import__("shutil").which("tesseract") is None,
    reason="Tesseract (apt-get install tesseract-ocr tesseract-ocr-chi-sim; .ci/run installs it)",
)
def test_tesseract_is_the_other_engine_and_its_doubts_are_named(capsys):
    args = ["--isolated", "--no-cache", "--jobs", "1", "--ocr-engine", "tesseract"]
    code, out, _ = run(capsys, "check", *args, "--as-of", AS_OF, "--format", "json",
                       str(MEDIA / "scan_tampered.pdf"))  # fmt: skip
    findings = json.loads(out)
    assert code == 1

    def said(code):  # a finding of ``code``, or the OCR001 that stands for it on a doubtful line
        return [f for f in findings if f["code"] == code or f"{code} would say" in f["message"]]

    assert any(f["page"] == 1 for f in said("DAT001"))
    assert any(f["page"] == 3 and "20230571" in f["message"] for f in said("NUM005"))
    assert all("ocr_confidence" in f and "box" in f for f in findings if f.get("kind") != "overlay")
    doubtful = [f for f in findings if f.get("ocr_confidence", 1) < 0.8 and f["code"] != "DOC001"]
    assert all(f["code"] == "OCR001" or f["severity"] == "info" for f in doubtful)


def test_a_scan_that_does_not_read_as_a_license_is_a_warning_not_a_skip():
    import datetime

    from liclint.reading.media import Line
    from liclint.running.config import Settings
    from liclint.running.linter import linter_for

    text = "下于平时\n| | |\n经营许可证 编号 浙B2\n"
    media = tuple(Line(1, (0, 0, 10, 10), 0.2) for _ in text.splitlines())
    linter = linter_for(Settings(as_of=datetime.date(2025, 6, 1)))
    (finding,) = linter.check_text(text, "scan.jpg", media)
    assert finding.code == "DOC001" and finding.severity.value == "warning"
    assert "was not checked" in finding.message and "parse --text" in finding.message


@pytest.mark.parametrize(("degrees", "turns"), [(0, 0), (90, 3), (180, 2), (270, 1)])
def test_tesseract_says_which_way_a_page_is_turned(degrees, turns):
    """Tesseract's orientation detection (psm 0) gives the counterclockwise quarter turns that
    stand a page upright; page.read asks it when a page reads as no license."""
    import shutil

    import numpy

    from liclint.reading.media import _Tesseract

    pdfium = pytest.importorskip("pypdfium2")
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    scan = pdfium.PdfDocument((MEDIA / "scan.pdf").read_bytes())[0].render(scale=2).to_pil()
    page = scan.convert("L").rotate(degrees, expand=True)
    assert _Tesseract(1, "scan.pdf").orientation(numpy.asarray(page)) == turns


def test_tesseract_lines_lose_the_border_marks_at_their_ends():
    from liclint.reading.media import _trimmed

    words = [
        ("芭", (10, 100, 40, 130), 0.3),  # the border's ornament, far from the line
        ("中华人民共和国", (200, 100, 420, 130), 0.9),
        ("增值电信业务经营许可证", (425, 100, 760, 130), 0.9),
        ("四", (900, 100, 930, 130), 0.2),
    ]
    assert [t for t, _, _ in _trimmed(words)] == ["中华人民共和国", "增值电信业务经营许可证"]
    near = [("公司", (170, 100, 200, 130), 0.3), *words[1:3]]  # a doubtful word of the line itself
    assert next(t for t, _, _ in _trimmed(near)) == "公司"
    sure = [("芭", (10, 100, 40, 130), 0.9), *words[1:3]]  # read with confidence: kept
    assert next(t for t, _, _ in _trimmed(sure)) == "芭"
    ended = [*words[1:3], ("。", (762, 100, 790, 130), 0.4), ("|", (800, 100, 806, 130), 0.3)]
    assert [t for t, _, _ in _trimmed(ended)][-1] == "。"  # the sentence's end stays
