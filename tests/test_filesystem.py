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


def test_walk_skips_fifos_and_loops_of_folders_and_yields_broken_links(tree):
    found = sorted(os.path.relpath(p, tree) for p in discover([str(tree)]))
    # a broken link (and a link to itself) is yielded: its reading is reported, not skipped
    assert found == ["broken.md", "dir.txt/inner.md", "good.md", "image.md", "loop.md"]


def test_walk_reports_binary_and_broken_links_and_checks_the_rest(tree, capsys):
    code, out, err = run(capsys, str(tree))
    assert code == 2
    assert "image.md: not a readable image" in err and err.count("\n") == 3
    # each unreadable file is a finding of the report too (LIC002), the other two are clean
    assert "image.md:1:1: LIC002 [error] not a readable image" in out and "in 5 files" in out
    assert "broken.md:1:1: LIC002 [error] no such file" in out
    assert "loop.md:1:1: LIC002 [error] cannot read" in out


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
    monkeypatch.setattr("liclint.running.run.discover", lambda *args, **kwargs: iter(listed))
    (tree / "good.md").unlink()
    code, out, err = run(capsys, str(tree))
    assert code == 2 and "good.md: no such file" in err and err.count("\n") == 1
    assert "good.md:1:1: LIC002 [error] no such file" in out and "in 2 files" in out


def test_too_large_is_reported(tree, capsys):
    code, _, err = run(capsys, "--max-size", "1k", str(tree / "good.md"))
    assert code == 2 and "too large" in err and "--max-size" in err


# -- excludes, .gitignore and files named on the command line -----------------------------------


def _files(tmp_path, names):
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(LICENSE, encoding="utf-8")


def test_an_exclude_with_a_trailing_slash_is_a_folder(tmp_path):
    _files(tmp_path, ["a.md", "drafts/b.md", "sub/drafts/c.md", "drafts.md"])
    found = sorted(
        os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)], exclude=["drafts/"])
    )
    assert found == ["a.md", "drafts.md"]  # the folders, as "drafts" does
    found = sorted(
        os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)], exclude=["drafts*/"])
    )
    assert found == ["a.md", "drafts.md"]  # a folder pattern never excludes a file


def test_force_exclude_applies_the_excludes_to_named_files_and_their_folders(tmp_path, monkeypatch):
    _files(tmp_path, ["a.md", "drafts/b.md", "licenses/drafts/c.md"])
    monkeypatch.chdir(tmp_path)
    named = ["a.md", "drafts/b.md", str(tmp_path / "licenses" / "drafts" / "c.md")]
    assert list(discover(named, exclude=["drafts/"])) == named  # named: checked, as ruff
    assert list(discover(named, exclude=["drafts/"], force_exclude=True)) == ["a.md"]
    # only the folders below the project's root count: a root inside "drafts" excludes nothing
    inside = tmp_path / "drafts"
    assert list(
        discover([str(inside / "b.md")], exclude=["drafts/"], force_exclude=True, root=inside)
    ) == [str(inside / "b.md")]


def test_the_cli_force_exclude_uses_the_configurations_excludes(tmp_path, capsys, monkeypatch):
    _files(tmp_path, ["drafts/b.md"])
    (tmp_path / "liclint.toml").write_text('exclude = ["drafts/"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "--no-cache", "drafts/b.md")
    assert code == 0 and "(1 file)" in out
    code, out, err = run(capsys, "--no-cache", "--force-exclude", "drafts/b.md")
    assert code == 0 and "no files to check" in err


def _git_tree(tmp_path):
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _files(tmp_path, ["a.md", "build-out/b.md", "scans/c.md", "scans/keep.md", "notes/d.md"])
    (tmp_path / ".gitignore").write_text("build-out/\nscans/*\n!scans/keep.md\n", "utf-8")
    (tmp_path / "notes" / ".gitignore").write_text("d.md\n", "utf-8")


@pytest.mark.skipif(__import__("shutil").which("git") is None, reason="needs git")
def test_walks_respect_gitignore_unless_told_not_to(tmp_path, capsys):
    _git_tree(tmp_path)
    found = sorted(os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)]))
    assert found == ["a.md", "scans/keep.md"]
    every = discover([str(tmp_path)], respect_gitignore=False)
    assert len(list(every)) == 5
    _, out, _ = run(capsys, "--no-cache", str(tmp_path))
    assert "(2 files)" in out
    _, out, _ = run(capsys, "--no-cache", "--no-respect-gitignore", str(tmp_path))
    assert "(5 files)" in out
    # a file named on the command line is checked, ignored or not (as ruff)
    _, out, _ = run(capsys, "--no-cache", str(tmp_path / "notes" / "d.md"))
    assert "(1 file)" in out


def test_outside_a_git_work_tree_no_gitignore_applies(tmp_path):
    _files(tmp_path, ["a.md", "b.md"])
    (tmp_path / ".gitignore").write_text("b.md\n", "utf-8")
    assert len(list(discover([str(tmp_path)]))) == 2
