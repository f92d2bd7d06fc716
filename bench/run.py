"""Benchmarks: hostile inputs at full size, throughput on license-shaped copies, start-up.

    python bench/run.py            # every case
    python bench/run.py --quick    # a tenth of each size (a smoke run)

Each hostile case runs at half and at full size in a fresh process; the time ratio full/half
should be about 2 (linear). Machines are shared and noisy, so compare ratios within one run,
not seconds across runs. Every case runs the whole pipeline: decode, extract, all rules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "provincial_icp.md").read_text(encoding="utf-8")
MB = 1024 * 1024
HEAD = "经营许可证编号：京B2-20181623\n公司名称：某某科技有限公司\n发证日期：2020年1月1日\n特别规定事项\n"


def hostile(name: str, size: int) -> str:
    """A hostile text of about ``size`` characters."""
    if name == "20MB-file":  # many license copies glued together
        return (EXAMPLE * (size // len(EXAMPLE) + 1))[:size]
    if name == "5MB-line":  # one line, no breaks, starting like a clause
        return HEAD + "一、" + "你公司应当按照电信主管部门要求，" * (size // 16)
    if name == "clause-headers":  # 100,000 clause and item headers
        unit = "十五、你公司\n(十四)你公司\n"
        return HEAD + unit * (size // len(unit))
    if name == "license-numbers":  # thousands of page headers, each with another number
        lines = [
            f"经营许可证编号：京B2-2018{i % 10000:04d}\n特别规定事项\n" for i in range(size // 30)
        ]
        return HEAD + "".join(lines)
    if name == "invisible-chars":  # a zero-width space or bidi control after every comma
        marked = EXAMPLE.replace(",", ",\u200b").replace("，", "，\u202e")
        return (marked * (size // len(marked) + 1))[:size]
    raise ValueError(name)


#: case -> full size in characters (the 20 MB file is ~20 MB of UTF-8).
CASES = {
    "20MB-file": 7 * MB,  # CJK text: about 3 bytes a character, so ~20 MB on disk
    "5MB-line": 5 * MB // 3,
    "clause-headers": 100_000 * 14,
    "license-numbers": 5_000 * 30,
    "invisible-chars": 2 * MB,
}


def run_case(path: str) -> dict:
    """Lint one file in this process; report seconds, findings and peak memory."""
    from liclint.extract import parse_document
    from liclint.plugins import load
    from liclint.reading import read
    from liclint.rule import Context
    from liclint.runner import lint

    rules = load().select()
    ctx = Context(dt.date(2026, 11, 24))
    start = time.perf_counter()
    source = read(path, max_bytes=64 * MB)
    findings = lint(parse_document(source.path, source.text), rules, ctx)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    crashed = sum(f.code == "LIC001" for f in findings)
    return {"seconds": seconds, "findings": len(findings), "crashed": crashed, "peak_mb": peak}


def child(case: str, size: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(hostile(case, size))
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", f.name],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = json.loads(out)
        result["bytes"] = os.path.getsize(f.name)
        return result
    finally:
        os.unlink(f.name)


def throughput(copies: int) -> float:
    """Licenses per second on one core, full catalog, distinct license-shaped copies."""
    from liclint.extract import parse_document
    from liclint.plugins import load
    from liclint.rule import Context
    from liclint.runner import lint

    names = sorted(p for p in (ROOT / "examples").iterdir() if p.name != "README.md")
    texts = [p.read_text(encoding="utf-8") for p in names]
    corpus = [
        t.replace("20230517", f"2023{i:04d}").replace("杭州青禾", f"杭州青禾{i}")
        for i in range(copies)
        for t in texts
    ][:copies]
    rules = load().select()
    ctx = Context(dt.date(2026, 11, 24))
    start = time.perf_counter()
    for i, text in enumerate(corpus):
        lint(parse_document(f"{i}.md", text), rules, ctx)
    return len(corpus) / (time.perf_counter() - start)


def startup() -> tuple[float, float]:
    """Seconds for `python -m liclint --version` and for importing the dependencies alone."""

    def best(cmd: list[str]) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        return min(times)

    deps = "import pyparsing, pluggy, dateutil.relativedelta"
    return best([sys.executable, "-m", "liclint", "--version"]), best([sys.executable, "-c", deps])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a tenth of each size")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.child)))
        return
    scale = 0.1 if args.quick else 1.0
    print(
        f"{'case':<16} {'size':>9} {'half s':>8} {'full s':>8} {'ratio':>6} {'findings':>9} "
        f"{'peak MB':>8}"
    )
    for case, size in CASES.items():
        full_size = int(size * scale)
        half, full = child(case, full_size // 2), child(case, full_size)
        ratio = full["seconds"] / max(half["seconds"], 1e-9)
        assert full["crashed"] == 0, f"{case}: a rule crashed"
        print(
            f"{case:<16} {full['bytes'] / MB:>7.1f}MB {half['seconds']:>8.2f} "
            f"{full['seconds']:>8.2f} {ratio:>6.2f} {full['findings']:>9} {full['peak_mb']:>8.0f}"
        )
    rate = throughput(200 if args.quick else 2000)
    print(f"throughput: {rate:,.0f} licenses/s (one core, all rules)")
    cli, deps = startup()
    print(
        f"start-up: liclint --version {cli * 1000:.0f} ms; importing the dependencies "
        f"{deps * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
