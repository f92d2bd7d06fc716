"""Issue 21, a new user's trial: bad input reported as it is (the offset of an undecodable byte,
empty files, standard input by its name) and the project as the batch (a copy checked alone is
compared with the project's other copies)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys

import pytest

from conftest import example
from liclint.cli.main import main
from liclint.reading.files import ReadError, decode, read

GENUINE = example("provincial_icp.md")
COMPANY, OTHER = "杭州青禾云图科技有限公司", "杭州赤焰数码科技有限公司"
FORGED = GENUINE.replace(COMPANY, OTHER)


def check(capsys, *args):
    code = main(["check", "--as-of", "2025-06-01", *args])
    out, err = capsys.readouterr()
    return code, out, err


# -- bad input ------------------------------------------------------------------------------------


def test_an_invalid_utf8_byte_is_reported_at_its_utf8_offset():
    data = "经营许可证编号：浙B2-20230517\n".encode() * 5 + b"\xff" + "公司".encode()
    at = data.index(b"\xff")
    assert at > 100
    with pytest.raises(ReadError) as info:
        decode(data, "a.md")
    message = str(info.value)
    assert f"byte 0xFF at offset {at} is not valid UTF-8" in message
    assert "not text in UTF-8 or GB18030" in message


def test_gb18030_text_is_still_read():
    assert decode(GENUINE.encode("gb18030")) == GENUINE


@pytest.mark.parametrize(
    "data, says",
    [
        (b"", "empty file (0 bytes)"),
        (b"  \n\t\r\n", "blank file (only white space)"),
        (b"\xef\xbb\xbf\n", "blank file (only white space)"),
    ],
)
def test_an_empty_or_blank_file_is_its_own_finding(tmp_path, capsys, data, says):
    path = tmp_path / "upload.md"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=re.escape(says)):
        read(str(path))
    code, out, err = check(capsys, "--no-cache", str(path))
    assert code == 2  # an empty upload never passes a CI gate
    assert f"{path}:1:1: LIC002 [error] {says}" in out and "not a license" not in out
    assert says in err


def test_standard_input_too_large_is_named_once(capsys, monkeypatch):
    data = GENUINE.encode() * 40
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = check(capsys, "--no-cache", "--max-size", "4k", "-")
    assert code == 2
    assert out.startswith("<stdin>:1:1: LIC002 [error] too large (over 4096 bytes")
    assert "-:1:1" not in out and out.count("<stdin>") == 1
    assert err.count("<stdin>") == 1


# -- the project as the batch ---------------------------------------------------------------------


def _project(tmp_path, config: str | None = 'include = ["*.md"]\n'):
    root = tmp_path / "project"
    (root / "licenses").mkdir(parents=True)
    (root / "licenses" / "genuine.md").write_text(GENUINE, "utf-8")
    (root / "licenses" / "unrelated.md").write_text(example("expired_reissue.md"), "utf-8")
    (root / "incoming").mkdir()
    (root / "incoming" / "new.md").write_text(FORGED, "utf-8")
    if config is not None:
        (root / "liclint.toml").write_text(config, "utf-8")
    return root


def test_a_copy_checked_alone_is_compared_with_the_projects_other_copies(
    tmp_path, capsys, monkeypatch
):
    root = _project(tmp_path)
    monkeypatch.chdir(root)
    cache = ["--cache-dir", str(tmp_path / "cache")]
    code, out, _ = check(capsys, *cache, "incoming/new.md")
    assert code == 1
    assert "incoming/new.md:9:6: CRS001 [error]" in out
    assert "(licenses/genuine.md:9, in this project)" in out
    # the project's other copies join the comparison, not the report
    assert "licenses/genuine.md:9:6" not in out and "unrelated.md" not in out
    assert "in 1 file." in out
    # the second run reads the project's facts from the cache: the same report
    assert check(capsys, *cache, "incoming/new.md")[1] == out
    # turned off in the configuration, or on the command line
    code, out, _ = check(capsys, *cache, "--no-project-batch", "incoming/new.md")
    assert code == 0 and "CRS001" not in out
    (root / "liclint.toml").write_text('include = ["*.md"]\nproject-batch = false\n', "utf-8")
    code, out, _ = check(capsys, *cache, "incoming/new.md")
    assert code == 0 and "CRS001" not in out


def test_the_projects_excludes_leave_copies_out_of_the_batch(tmp_path, capsys, monkeypatch):
    root = _project(tmp_path, 'exclude = ["licenses/"]\n')
    monkeypatch.chdir(root)
    code, out, _ = check(capsys, "--no-cache", "incoming/new.md")
    assert code == 0 and "CRS001" not in out


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_git_work_tree_without_a_configuration_is_a_project(tmp_path, capsys, monkeypatch):
    root = _project(tmp_path, config=None)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("licenses/\n", "utf-8")
    monkeypatch.chdir(tmp_path)  # the work tree is found from the path checked
    code, out, _ = check(capsys, "--isolated", "--no-cache", str(root / "incoming" / "new.md"))
    assert code == 0, out  # what git ignores is not part of the project
    (root / ".gitignore").unlink()
    code, out, _ = check(capsys, "--isolated", "--no-cache", str(root / "incoming" / "new.md"))
    assert code == 1 and "CRS001" in out and "in this project" in out


def test_outside_a_project_only_the_named_files_are_compared(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.md").write_text(GENUINE, "utf-8")
    (tmp_path / "b.md").write_text(FORGED, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert check(capsys, "--isolated", "--no-cache", "b.md")[0] == 0
    code, out, _ = check(capsys, "--isolated", "--no-cache", "a.md", "b.md")
    assert code == 1 and out.count("CRS001") == 2 and "in this run" in out


def test_a_scan_of_the_project_joins_once_it_was_checked(tmp_path, capsys, monkeypatch):
    """The project batch never OCRs: a PDF or an image joins with the facts a run that checked
    it left in the cache."""
    from liclint.across.facts import facts_of
    from liclint.running.cache import Cache, digest
    from liclint.running.config import Settings
    from liclint.running.run import _facts_key
    from liclint.text.extract import parse_document

    root = _project(tmp_path, 'include = ["*.md", "*.png"]\n')
    (root / "licenses" / "genuine.md").unlink()
    scan = root / "licenses" / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # no OCR would read it
    monkeypatch.chdir(root)
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert check(capsys, *cache, "incoming/new.md")[0] == 0  # never checked: not compared
    # as a run that had OCR'd the scan would have left it
    key = digest(scan.read_bytes())
    store = Cache(tmp_path / "cache", _facts_key(Settings()))
    store.put(key, [], facts_of(parse_document("scan.png", GENUINE), key))
    store.save()
    code, out, _ = check(capsys, *cache, "incoming/new.md")
    assert code == 1 and "(licenses/scan.png:9, in this project)" in out
