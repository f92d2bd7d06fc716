"""Filesystem edge cases: skipped in a walk or reported in one line, never a hang or traceback."""

from __future__ import annotations

import os

import pytest

from conftest import EXAMPLES
from liclint.cli.main import main
from liclint.reading.files import ReadError, discover, read

LICENSE = (EXAMPLES / "provincial_icp.md").read_text(encoding="utf-8")


def run(capsys, *args):
    code = main(["check", "--as-of", "2025-06-01", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "good.md").write_text(LICENSE, encoding="utf-8")
    (tmp_path / "dir.txt").mkdir()  # a directory named like a file
    (tmp_path / "dir.txt" / "inner.md").write_text(LICENSE, encoding="utf-8")
    (tmp_path / "broken.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)  # a directory loop
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return tmp_path


def test_walk_skips_links_fifos_and_loops(tree):
    found = sorted(os.path.relpath(p, tree) for p in discover([str(tree)]))
    assert found == ["dir.txt/inner.md", "good.md", "image.md"]


def test_walk_reports_binary_and_checks_the_rest(tree, capsys):
    code, out, err = run(capsys, str(tree))
    assert code == 2
    assert "image.md: not a readable image" in err and err.count("\n") == 1
    # the unreadable file is a finding of the report too (LIC002), the other two are clean
    assert "image.md:1:1: LIC002 [error] not a readable image" in out and "in 3 files" in out


@pytest.mark.parametrize(
    "name, message",
    [("fifo.txt", "not a regular file"), ("broken.md", "no such file"), ("loop.md", "cannot read")],
)
def test_named_special_files_are_reported_not_opened(tree, capsys, name, message):
    code, _, err = run(capsys, str(tree / name))
    assert code == 2 and message in err and "Traceback" not in err


def test_device_file_is_not_read(capsys):
    code, _, err = run(capsys, "/dev/zero")
    assert code == 2 and "not a regular file" in err


def test_unreadable_file(tree, monkeypatch):
    real_open = open

    def deny(path, *args, **kwargs):
        if str(path).endswith("good.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(ReadError, match="permission denied"):
        read(str(tree / "good.md"))


def test_file_vanishing_between_listing_and_reading(tree, capsys, monkeypatch):
    listed = [str(tree / "good.md"), str(tree / "dir.txt" / "inner.md")]
    monkeypatch.setattr("liclint.running.linter.discover", lambda *args, **kwargs: iter(listed))
    (tree / "good.md").unlink()
    code, out, err = run(capsys, str(tree))
    assert code == 2 and "good.md: no such file" in err and err.count("\n") == 1
    assert "good.md:1:1: LIC002 [error] no such file" in out and "in 2 files" in out


def test_too_large_is_reported(tree, capsys):
    code, _, err = run(capsys, "--max-size", "1k", str(tree / "good.md"))
    assert code == 2 and "too large" in err and "--max-size" in err
