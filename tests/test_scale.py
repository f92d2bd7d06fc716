"""Parallel runs and the findings cache: the same report, whatever runs it."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EXAMPLES
from liclint.cli.main import main

NAMES = ("provincial_icp.md", "expired_reissue.md", "forged.md", "legacy_icp.txt")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """150 copies (more than two batches), with distinct numbers and one unreadable file."""
    root = tmp_path_factory.mktemp("corpus")
    for i in range(150):
        name = NAMES[i % len(NAMES)]
        text = (EXAMPLES / name).read_text("utf-8").replace("20230517", f"2023{i:04d}")
        (root / f"{i:03d}_{name}").write_text(text, "utf-8")
    (root / "075_scan.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    return root


def run(capsys, *args):
    code = main(["check", "--isolated", "--as-of", "2026-11-24", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_two_jobs_give_the_report_of_one(corpus, capsys, fmt):
    one = run(capsys, "--no-cache", "--jobs", "1", "--format", fmt, str(corpus))
    two = run(capsys, "--no-cache", "--jobs", "2", "--format", fmt, str(corpus))
    assert one == two and one[0] == 2 and "075_scan.md" in one[1]


def test_a_cached_rerun_gives_the_same_report(corpus, capsys, tmp_path):
    cache = tmp_path / "cache"
    first = run(capsys, "--cache-dir", str(cache), "--format", "json", str(corpus))
    assert (cache / "CACHEDIR.TAG").is_file() and any(cache.rglob("*.json"))
    second = run(capsys, "--cache-dir", str(cache), "--format", "json", str(corpus))
    assert first == second
    uncached = run(capsys, "--no-cache", "--format", "json", str(corpus))
    assert uncached == first


def test_the_cache_follows_content_and_settings(tmp_path, capsys):
    cache = tmp_path / "cache"
    target = tmp_path / "copy.md"
    shutil.copy(EXAMPLES / "provincial_icp.md", target)
    assert run(capsys, "--cache-dir", str(cache), str(target))[0] == 0
    # the content changes: the cached clean result must not be reused
    target.write_text(target.read_text("utf-8").replace("2023年 05月 17日", "2023年 02月 30日"))
    code, out, _ = run(capsys, "--cache-dir", str(cache), str(target))
    assert code == 1 and "DAT001" in out
    # the settings change (another as-of date, another selection): another cache
    code, out, _ = run(capsys, "--cache-dir", str(cache), "--select", "NUM", str(target))
    assert code == 0
    keys = [p for p in cache.iterdir() if p.is_dir()]
    assert len(keys) == 2


def test_a_corrupt_cache_is_ignored(tmp_path, capsys):
    cache = tmp_path / "cache"
    target = tmp_path / "copy.md"
    shutil.copy(EXAMPLES / "forged.md", target)
    first = run(capsys, "--cache-dir", str(cache), str(target))
    for shard in cache.rglob("*.json"):
        shard.write_text("{not json", "utf-8")
    assert run(capsys, "--cache-dir", str(cache), str(target)) == first
    for shard in cache.rglob("*.json"):
        key = next(iter(json.loads(shard.read_text("utf-8"))))
        shard.write_text(json.dumps({key: [["bad"]]}), "utf-8")
    assert run(capsys, "--cache-dir", str(cache), str(target)) == first


def test_no_cache_writes_nothing(tmp_path, capsys):
    target = tmp_path / "copy.md"
    shutil.copy(EXAMPLES / "provincial_icp.md", target)
    run(capsys, "--no-cache", "--cache-dir", str(tmp_path / "cache"), str(target))
    assert not (tmp_path / "cache").exists()


def test_standard_input_is_read_here_when_workers_check_the_rest(corpus, capsys, monkeypatch):
    import io

    data = (EXAMPLES / "forged.md").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    _, out, _ = run(capsys, "--no-cache", "--jobs", "2", "-", str(corpus))
    assert "<stdin>:3:11: TXT004" in out and "<stdin>:25:6: DAT001" in out


def test_relative_paths_keep_their_spelling_with_workers(corpus, capsys, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    one = run(capsys, "--no-cache", "--jobs", "1", "--format", "json", corpus.name)
    two = run(capsys, "--no-cache", "--jobs", "2", "--format", "json", corpus.name)
    assert one == two
    assert f'"path": "{corpus.name}/001_expired_reissue.md"' in one[1]
