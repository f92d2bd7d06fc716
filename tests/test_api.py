"""The Python API: what a service or a batch job calls."""

from __future__ import annotations

import datetime as dt
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import liclint
from conftest import EXAMPLES, example
from liclint.cli.main import main

EXPIRED_AT = dt.date(2026, 11, 24)


def test_lint_text_returns_findings_with_positions_and_dicts():
    findings = liclint.lint_text(example("expired_reissue.md"), path="up.md", as_of=EXPIRED_AT)
    expired = [f for f in findings if f.code == "DAT006"]
    assert expired and expired[0].path == "up.md" and expired[0].line == 23
    assert expired[0].as_dict()["severity"] == "error" and len(expired[0].fingerprint) == 16
    assert liclint.lint_text(example("provincial_icp.md"), as_of=dt.date(2025, 6, 1)) == []


def test_config_as_settings_or_file(tmp_path):
    settings = liclint.Settings(ignore=("DAT006",), as_of=EXPIRED_AT)
    assert not any(
        f.code == "DAT006"
        for f in liclint.lint_text(example("expired_reissue.md"), config=settings)
    )
    (tmp_path / "liclint.toml").write_text('select = ["DAT006"]\n', "utf-8")
    found = liclint.lint_text(
        example("expired_reissue.md"), as_of=EXPIRED_AT, config=tmp_path / "liclint.toml"
    )
    assert [f.code for f in found] == ["DAT006"]
    with pytest.raises(liclint.ConfigError, match="matches no rule"):
        liclint.lint_text("", config=liclint.Settings(select=("QQQ",)))


def test_lint_paths_is_the_cli_and_runs_on_a_process_pool(capsys):
    serial = liclint.lint_paths([str(EXAMPLES)], as_of=EXPIRED_AT)
    with ProcessPoolExecutor(2) as pool:
        parallel = liclint.lint_paths([str(EXAMPLES)], as_of=EXPIRED_AT, executor=pool)
    assert serial == parallel and serial
    main(["check", "--isolated", "--format", "json", "--as-of", "2026-11-24", str(EXAMPLES)])
    import json

    cli = json.loads(capsys.readouterr().out)
    assert [f.as_dict() for f in serial] == [
        {k: v for k, v in d.items() if k != "url"} for d in cli
    ]


def test_results_stream_per_file_and_unreadable_files_are_findings(tmp_path):
    (tmp_path / "a.md").write_text(example("provincial_icp.md"), "utf-8")
    (tmp_path / "b.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    results = list(liclint.check_files([str(tmp_path)], as_of=dt.date(2025, 6, 1)))
    assert [r.path.rsplit("/", 1)[-1] for r in results] == ["a.md", "b.md"]
    assert results[0].findings == [] and results[1].unreadable
    assert results[1].findings[0].code == "LIC002"


def test_everything_crossing_a_process_boundary_pickles():
    finding = liclint.lint_text(example("expired_reissue.md"), as_of=EXPIRED_AT)[0]
    settings = liclint.Settings(select=("DAT",), options=(("expiring-days", 30),))
    for value in (finding, settings):
        assert pickle.loads(pickle.dumps(value)) == value


def test_parse_text_gives_the_model():
    doc = liclint.parse_text(example("provincial_icp.md"))
    assert doc.number.parsed.normalized == "浙B2-20230517"
    assert doc.company.text == "杭州青禾云图科技有限公司"


def test_the_testing_sample_is_the_clean_example():
    from liclint.testing import SAMPLE

    assert example("provincial_icp.md") == SAMPLE


def test_importing_liclint_does_not_load_the_engine():
    import subprocess
    import sys

    code = (
        "import sys, liclint; liclint.__version__; "
        "print(sorted(m for m in sys.modules if m.startswith(('liclint.', 'pyparsing', 'pluggy'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
