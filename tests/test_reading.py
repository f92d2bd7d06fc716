"""Reading files: encodings, line endings, directory walks, and files that are not text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liclint.reading.files import ReadError, decode, discover, read

TEXT = "经营许可证编号：京B2-20181623\n公司名称：示例科技有限公司\n"


def test_utf8_with_and_without_bom():
    assert decode(TEXT.encode()) == TEXT
    assert decode(codecs.BOM_UTF8 + TEXT.encode()) == TEXT


def test_gb18030_from_chinese_windows():
    assert decode(TEXT.encode("gb18030")) == TEXT


def test_utf16_with_bom():
    assert decode(TEXT.encode("utf-16")) == TEXT


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")))
def test_utf8_is_never_misread_as_gb18030(text):
    assert decode(text.encode("utf-8")) == text


def test_binary_is_not_text():
    with pytest.raises(ReadError, match="not text"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_undecodable_bytes():
    with pytest.raises(ReadError, match="not text in UTF-8 or GB18030"):
        decode(b"\xff\xff\xff abc")


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 100)
    with pytest.raises(ReadError, match="too large"):
        read(str(path), max_bytes=10)


def test_missing_and_directory(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read(str(tmp_path / "nope.txt"))
    with pytest.raises(ReadError, match="is a directory"):
        read(str(tmp_path))


def test_walk_include_exclude_and_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "a.md", "c.pdf", "b/1.txt", "skip.txt", "d.docx"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.replace(str(tmp_path), "") for p in discover([str(tmp_path)], exclude=["skip.txt"])]
    # text, PDFs and images by default; other files are not walked into
    assert found == ["/a.md", "/c.pdf", "/b/1.txt", "/b/2.txt"]
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "LICENSE.txt").write_text("x", encoding="utf-8")
    assert len(list(discover([str(tmp_path)], exclude=["skip.txt"]))) == 4
    only_md = list(discover([str(tmp_path)], include=["*.md"]))
    assert [p.rsplit("/", 1)[1] for p in only_md] == ["a.md"]
