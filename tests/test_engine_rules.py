"""The engine's own findings, LIC001 (a rule crashed) and LIC002 (a file could not be read), are
rules like the others: listed, explained, and ignorable."""

from __future__ import annotations

import json

from conftest import example
from liclint.checking.plugins import load
from liclint.cli.main import main
from liclint.running.config import Settings
from liclint.running.linter import Linter


def test_engine_rules_are_listed_and_explained(capsys):
    assert main(["rules", "--isolated", "--format", "json"]) == 0
    listed = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["LIC001"]["kind"] == listed["LIC002"]["kind"] == "engine"
    assert main(["explain", "LIC002"]) == 0
    assert "unreadable-file (error)" in capsys.readouterr().out


def test_unreadable_file_is_lic002_and_a_readable_one_is_not(tmp_path, capsys):
    broken = tmp_path / "archive.txt"
    broken.write_bytes(b"PK\x03\x04\x00\x00binary")
    good = tmp_path / "copy.md"
    good.write_text(example("provincial_icp.md"), "utf-8")
    assert main(["check", "--isolated", "--no-cache", "--format", "json", str(broken)]) == 2
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)]
    assert codes == ["LIC002"]
    main(["check", "--isolated", "--no-cache", "--format", "json", str(good)])
    assert "LIC002" not in [f["code"] for f in json.loads(capsys.readouterr().out)]


def test_ignore_lic002_passes_unreadable_files(tmp_path, capsys):
    broken = tmp_path / "archive.txt"
    broken.write_bytes(b"PK\x03\x04\x00\x00binary")
    args = ["check", "--isolated", "--no-cache", "--format", "json", "--ignore", "LIC002"]
    assert main([*args, str(broken)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and "archive.txt" not in err


def test_select_keeps_the_engine_findings_ignore_drops_them():
    selected = Linter(Settings(select=("NUM",)))
    assert selected.reports("LIC001") and selected.reports("LIC002")
    ignored = Linter(Settings(ignore=("LIC001",)))
    assert not ignored.reports("LIC001") and ignored.reports("LIC002")
    assert {r.code for r in load().rules} >= {"LIC001", "LIC002"}
