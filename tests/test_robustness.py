"""Hostile and broken input: the whole pipeline never crashes, stays in bounds, is deterministic."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CLEAN, example, report_of
from liclint.checking.plugins import load
from liclint.checking.rule import Context
from liclint.checking.runner import RULE_CRASHED, lint
from liclint.reading.files import ReadError, decode
from liclint.reporting.formats import REPORTERS
from liclint.text.extract import parse_document, split_lines
from liclint.text.model import as_dict

RULES = load().select()
RULES_CLASSES = [type(r) for r in RULES]
CTX = Context(dt.date(2026, 11, 24))
BASES = [example(name) for name in CLEAN] + [example("forged.md")]
#: Characters forgers and broken copies bring: the license's own, controls, look-alikes.
TRICKY = (
    "经营许可证编号：公司名称发证日期有效期至特别规定事项一二十五、()（）-－—年月日"
    "京B2ICP证备号0123456789 \t\n\r\u200b\u202e\u2066\ufeff\u0412\u0430増⼀\x00\x0c\u2028"
)


def pipeline(text: str) -> list:
    """Lint ``text`` and render every format; check every finding's position lies in the file."""
    doc = parse_document("t.txt", text)
    findings = lint(doc, RULES, CTX)
    crashed = [f.message for f in findings if f.code == RULE_CRASHED]
    assert not crashed, crashed
    lines = split_lines(text) or [""]
    for f in findings:
        assert 1 <= f.line <= f.end_line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, f
        if f.line == f.end_line:
            assert f.column <= f.end_column, f
    report = report_of(findings, 1, RULES_CLASSES, lambda path: lines)
    for render in REPORTERS.values():
        render(report)
    json.dumps(as_dict(doc), ensure_ascii=False)
    return findings


def mutate(base: str, edits: list[tuple[int, int, str]]) -> str:
    text = base
    for position, delete, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + delete :]
    return text


@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    assert pipeline(text) == pipeline(text)


@given(st.text(alphabet=TRICKY, max_size=600))
def test_license_alphabet_soup(text):
    assert pipeline(text) == pipeline(text)


@given(st.binary(max_size=600))
def test_arbitrary_bytes(data):
    try:
        text = decode(data)
    except ReadError as exc:
        assert "\n" not in str(exc)
        return
    pipeline(text)


@given(
    st.sampled_from(BASES),
    st.lists(
        st.tuples(st.integers(0, 20_000), st.integers(0, 40), st.text(alphabet=TRICKY, max_size=8)),
        min_size=1,
        max_size=12,
    ),
)
def test_license_with_random_edits(base, edits):
    text = mutate(base, edits)
    assert pipeline(text) == pipeline(text)


@given(st.sampled_from(BASES), st.lists(st.integers(0, 300), min_size=1, max_size=20))
def test_license_with_lines_dropped_or_repeated(base, picks):
    lines = base.split("\n")
    for pick in picks:
        at = pick % len(lines)
        if pick % 2:
            del lines[at]
        else:
            lines.insert(at, lines[at])
        if not lines:
            lines = [""]
    pipeline("\n".join(lines))


def test_hostile_shapes_small():
    """The benchmark's hostile shapes (bench/run.py) at small sizes."""
    head = "经营许可证编号：京B2-20181623\n公司名称：某某科技有限公司\n发证日期：2020年1月1日\n特别规定事项\n"
    cases = [
        head + "一、" + "你公司应当按照电信主管部门要求，" * 2000,
        head + "十五、你公司\n(十四)你公司\n" * 2000,
        head + "".join(f"经营许可证编号：京B2-2018{i:04d}\n特别规定事项\n" for i in range(500)),
        example("provincial_icp.md").replace("，", "，\u200b\u202e") * 3,
        "\n" * 50_000,
        "(" * 10_000 + "不含" * 5_000,
    ]
    for text in cases:
        pipeline(text)


@pytest.mark.slow
def test_benchmark_script_smoke_run():
    """bench/run.py runs end to end on 50 files (no timing is asserted: machines are noisy)."""
    import subprocess
    import sys

    from conftest import ROOT

    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--no-results"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for row in ("floor (read + 2 regexes)", "liclint --jobs 2", "cached re-run", "peak RSS"):
        assert f"| {row}" in done.stdout
    assert "| --jobs 2 report identical to --jobs 1 | True |" in done.stdout
