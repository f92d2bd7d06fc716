"""Benchmarks: hostile inputs at full size, throughput and scale on license-shaped copies, start-up.

    python bench/run.py                 # everything; writes bench/RESULTS.md
    python bench/run.py --files 2000    # a smaller corpus (default 10,000 files)
    python bench/run.py --quick         # a smoke run: small corpus, a tenth of each hostile size

Machines are shared and noisy: compare the ratios measured in one run (liclint against the floor,
2 jobs against 1, full against half size), not seconds across runs. Every case runs the whole
pipeline: decode, normalise, extract, all rules, the report.

The corpus is made from the clean license copies of bench/heldout/ (genuine in shape: their
layouts, template versions and quirks; fictional in content), each of its own merchant (license
number, company, domains).
The floor reads the same files and runs two precompiled regexes (license numbers, dates) with
finditer: what any tool that looks at these files must at least do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
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
    from liclint.checking.plugins import load
    from liclint.checking.rule import Context
    from liclint.checking.runner import lint
    from liclint.reading.files import read
    from liclint.text.extract import parse_document

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


# -- the corpus and the floor ----------------------------------------------------------------------

HELDOUT = ROOT / "bench" / "heldout"
_SERIAL = re.compile(r"((?:[A-Z][0-9](?:\.[A-Z][0-9])*)\s*-\s*[0-9]{4})\s*([0-9]{4})")
FLOOR = r"""
import re, sys
numbers = re.compile(r"[A-Z][0-9](?:\.[A-Z][0-9])*\s*-\s*[0-9]{8}|ICP[证備备][0-9]{6,10}")
dates = re.compile(r"[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日")
found = 0
for path in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    text = open(path, encoding="utf-8").read()
    found += sum(1 for _ in numbers.finditer(text)) + sum(1 for _ in dates.finditer(text))
print(found)
"""


def templates() -> list[str]:
    """The clean copies of the held-out set: genuine-shaped, fictional."""
    manifest = tomllib.loads((HELDOUT / "manifest.toml").read_text("utf-8"))
    names = [
        c["file"]
        for c in manifest["copy"]
        if c["kind"] == "harmless" and c["family"] == "meaning" and "base" in c["what"]
    ]
    return [(HELDOUT / "copies" / name).read_text("utf-8") for name in sorted(names)]


#: The characters of the brand names that give each generated copy a company of its own.
_BRANDS = (
    "安宝博辰达德鼎丰福富光瀚禾恒弘宏华辉汇佳嘉金锦景聚凯康坤蓝乐力林隆茂铭鹏奇启千乾庆瑞润森尚盛"
    "拓泰腾天同万维伟祥翔欣星兴旭雅易益银盈永宇裕元远悦泽展哲致卓晨超诚驰聪丹帆飞峰芳冠航浩皓骏俊"
    "朗澜立亮琳路明宁"
)
_LEGACY = re.compile(r"(ICP证[0-9]{2})[0-9]{4}")


def write_corpus(folder: Path, files: int) -> list[str]:
    """``files`` license copies in ``folder``; their paths. As in a platform's archive, each copy
    is of its own merchant: its own license number, company and domains (10,000 merchants for
    each clean copy of bench/heldout/; beyond that merchants repeat, as re-uploads do). Copies
    that shared a company or a domain under different numbers would be findings of the
    cross-copy rules, which a genuine archive does not have."""
    from liclint.running.run import parse_text

    folder.mkdir(parents=True, exist_ok=True)
    bases = templates()
    merchants = []  # (company, domains) of each base
    for base in bases:
        doc = parse_text(base)
        sites = doc.attachment.websites if doc.attachment else []
        merchants.append((doc.company.text, [w.domain.text for w in sites if w.domain]))
    paths = []
    for i in range(files):
        k = i // len(bases) % 10000  # the merchant's index among those of its base
        text = bases[i % len(bases)]
        serial = f"{k:04d}"
        text = _SERIAL.sub(lambda m, serial=serial: m[1] + serial, text)
        text = _LEGACY.sub(lambda m, serial=serial: m[1] + serial, text)
        company, domains = merchants[i % len(bases)]
        brand = _BRANDS[k % 100] + _BRANDS[k // 100]
        text = text.replace(company, company[:2] + brand + company[2:])
        for domain in domains:
            label, dot, rest = domain.partition(".")
            text = text.replace(domain, f"{label}{k}{dot}{rest}")
        path = folder / f"{i:06d}.txt"
        path.write_text(text, "utf-8")
        paths.append(str(path))
    return paths


def timed(cmd: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - start, done


def liclint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "liclint", "check", "--isolated", "--as-of", "2026-11-25",
            "--format", "json", "--exit-zero", "--quiet", *args]  # fmt: skip


def best(runs: int, cmd: list[str]) -> float:
    return min(timed(cmd)[0] for _ in range(runs))


def peak_rss(cmd_args: list[str]) -> float:
    """Peak RSS (MB) of one in-process run of liclint (``--jobs 1``)."""
    code = (
        "import resource, runpy, sys; sys.argv = ['liclint'] + sys.argv[1:]\n"
        "try:\n    runpy.run_module('liclint', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)"
    )
    cmd = [sys.executable, "-c", code, *liclint_cmd(*cmd_args)[3:]]
    _, done = timed(cmd)
    return float(done.stderr.strip().splitlines()[-1])


def scale(files: int, quick: bool) -> list[tuple[str, str]]:
    """Every figure of the speed issue, measured in this run; (name, value) rows."""
    rows: list[tuple[str, str]] = []
    runs = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paths = write_corpus(tmp / "x1", files)
        size = sum(os.path.getsize(p) for p in paths) / MB
        listing = tmp / "x1.list"
        listing.write_text("\n".join(paths), "utf-8")
        floor = best(runs, [sys.executable, "-c", FLOOR, str(listing)])
        one = best(runs, liclint_cmd("--no-cache", "--jobs", "1", str(tmp / "x1")))
        two = best(runs, liclint_cmd("--no-cache", "--jobs", "2", str(tmp / "x1")))
        rows += [
            ("corpus", f"{files:,} files, {size:.1f} MB (mean {size * MB / files / 1024:.1f} KB)"),
            ("floor (read + 2 regexes)", f"{files / floor:,.0f} files/s, {size / floor:.1f} MB/s"),
            (
                "liclint --jobs 1 --format json",
                f"{files / one:,.0f} files/s, {size / one:.1f} MB/s",
            ),
            ("liclint / floor (time)", f"{one / floor:.2f}x (target <= 2.5x)"),
            (
                "liclint --jobs 2",
                f"{files / two:,.0f} files/s; speed-up {one / two:.2f}x (target >= 1.7x)",
            ),
        ]
        same = [
            timed(liclint_cmd("--no-cache", "--jobs", j, str(tmp / "x1")))[1].stdout
            for j in ("1", "2")
        ]
        rows.append(("--jobs 2 report identical to --jobs 1", str(same[0] == same[1])))
        # the cross-copy checks (CRS, REG) compare the files of a run in a temporary ledger;
        # --ledger records them in a lasting one (each timed run starts a new ledger file)
        alone = best(
            runs, liclint_cmd("--no-cache", "--jobs", "1", "--ignore", "CRS,REG", str(tmp / "x1"))
        )
        ledger_runs = []
        for attempt in range(runs):
            ledger = tmp / f"ledger{attempt}.sqlite"
            cmd = liclint_cmd("--no-cache", "--jobs", "1", "--ledger", str(ledger), str(tmp / "x1"))
            ledger_runs.append(timed(cmd)[0])
        with_ledger = min(ledger_runs)
        rows += [
            (
                "liclint --jobs 1 without the cross-copy rules",
                f"{files / alone:,.0f} files/s; the batch's cross-check costs {one / alone:.2f}x",
            ),
            (
                "liclint --jobs 1 --ledger (a new SQLite file)",
                f"{files / with_ledger:,.0f} files/s; {with_ledger / one:.2f}x the run without "
                "a ledger (target <= 1.5x)",
            ),
        ]
        cache = tmp / "cache"
        timed(liclint_cmd("--cache-dir", str(cache), "--jobs", "1", str(tmp / "x1")))
        cached = best(runs, liclint_cmd("--cache-dir", str(cache), "--jobs", "1", str(tmp / "x1")))
        # other rules, another cache entry: filled by a first run, then timed
        alone_cmd = liclint_cmd(
            "--cache-dir", str(cache), "--jobs", "1", "--ignore", "CRS,REG", str(tmp / "x1")
        )
        timed(alone_cmd)
        cached_alone = best(runs, alone_cmd)
        rows += [
            (
                "cached re-run",
                f"{files / cached:,.0f} files/s; {cached / floor:.2f}x the floor (target <= 1.5x)",
            ),
            (
                "cached re-run without the cross-copy rules",
                f"{files / cached_alone:,.0f} files/s; {cached_alone / floor:.2f}x the floor",
            ),
        ]
        rss1 = peak_rss(["--no-cache", "--jobs", "1", str(tmp / "x1")])
        for factor in (4, 16):
            folder = tmp / f"x{factor}"
            write_corpus(folder, files * factor)
            seconds = best(1, liclint_cmd("--no-cache", "--jobs", "1", str(folder)))
            rows.append(
                (
                    f"{factor}x files ({files * factor:,})",
                    f"{files * factor / seconds:,.0f} files/s",
                )
            )
        rss16 = peak_rss(["--no-cache", "--jobs", "1", str(tmp / "x16")])
        rows.append(
            (
                "peak RSS 1x / 16x files",
                f"{rss1:.0f} MB / {rss16:.0f} MB = {rss16 / rss1:.2f}x (target <= 1.2x)",
            )
        )
        for mb in (0.1, 0.5, 2) if quick else (1, 5, 20):
            big = tmp / f"big{mb}.txt"
            text = "\n".join(templates())
            size = int(mb * MB)
            big.write_text((text * (size // len(text.encode()) + 1))[: size // 3], "utf-8")
            seconds = best(1, liclint_cmd("--no-cache", "--max-size", "64M", str(big)))
            rows.append((f"one file of {os.path.getsize(big) / MB:.1f} MB", f"{seconds:.2f} s"))
    rows += media_rows()
    cli, deps, bare = startup(5 if quick else 20)
    rows += [
        ("start-up: python -c pass", f"{bare * 1000:.0f} ms"),
        ("start-up: import pyparsing, pluggy", f"{deps * 1000:.0f} ms"),
        (
            "start-up: liclint check one.txt",
            f"{cli * 1000:.0f} ms = {cli / deps:.2f}x the imports (target <= 1.4x)",
        ),
    ]
    return rows


def media_rows() -> list[tuple[str, str]]:
    """Seconds per page and peak memory for PDFs and images (liclint[pdf], liclint[ocr])."""
    import importlib.util

    if not (importlib.util.find_spec("pypdfium2") and importlib.util.find_spec("rapidocr")):
        return [("PDF and OCR", "not measured: pip install -e '.[ocr]'")]
    media = ROOT / "tests" / "fixtures" / "media"
    rows = []
    for name, pages, what in (
        ("text.pdf", 5, "text PDF (text layer)"),
        ("scan.pdf", 5, "scanned PDF (OCR)"),
        ("photo.jpg", 1, "photo JPEG (OCR)"),
    ):
        start = time.perf_counter()
        rss = peak_rss(["--no-cache", "--jobs", "1", str(media / name)])
        seconds = time.perf_counter() - start
        rows.append((what, f"{seconds / pages:.2f} s a page ({pages} pages), peak {rss:.0f} MB"))
    return rows


def startup(runs: int = 20) -> tuple[float, float, float]:
    """Median seconds (of ``runs``) of `liclint check one.txt`, of importing the dependencies, and of
    `python -c pass`, as a user's second run sees them: after a first run, not counted, that writes
    the bytecode (and liclint's derived data, see liclint.text.datacache)."""

    def median(cmd: list[str]) -> float:
        timed(cmd)
        return statistics.median(timed(cmd)[0] for _ in range(runs))

    # one file outside any project: the start-up of one check, not a project batch's walk
    folder = tempfile.mkdtemp(prefix="liclint-startup-")
    one = shutil.copy(ROOT / "examples" / "provincial_icp.md", os.path.join(folder, "one.txt"))
    cli = median(liclint_cmd("--no-cache", one))
    shutil.rmtree(folder, ignore_errors=True)
    deps = median([sys.executable, "-c", "import pyparsing, pluggy"])
    return cli, deps, median([sys.executable, "-c", "pass"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a smoke run")
    parser.add_argument("--files", type=int, default=10_000, help="corpus size (default 10,000)")
    parser.add_argument("--no-results", action="store_true", help="do not write RESULTS.md")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # Measure what users see: Python keeps the bytecode it compiles (an environment that says
    # otherwise would make every run compile liclint from source).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if args.child:
        print(json.dumps(run_case(args.child)))
        return
    files = min(args.files, 50) if args.quick else args.files
    rows = scale(files, args.quick)
    hostile_rows = []
    scale_factor = 0.01 if args.quick else 1.0
    for case, size in CASES.items():
        full_size = int(size * scale_factor)
        half, full = child(case, full_size // 2), child(case, full_size)
        assert full["crashed"] == 0, f"{case}: a rule crashed"
        hostile_rows.append(
            f"| {case} | {full['bytes'] / MB:.1f} MB | {half['seconds']:.2f} | "
            f"{full['seconds']:.2f} | {full['seconds'] / max(half['seconds'], 1e-9):.2f} | "
            f"{full['findings']} | {full['peak_mb']:.0f} |"
        )
    report = [
        "# Benchmark results",
        "",
        f"Measured {dt.date.today().isoformat()} by `python bench/run.py"
        + (" --quick" if args.quick else f" --files {files}")
        + f"` on {platform.node() or 'this machine'}: {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.platform()}.",
        "",
        "| measure | result |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in rows],
        "",
        "Hostile inputs (each at half and full size in a fresh process; ratio ~2 means linear):",
        "",
        "| case | size | half s | full s | ratio | findings | peak MB |",
        "|---|---|---:|---:|---:|---:|---:|",
        *hostile_rows,
        "",
    ]
    text = "\n".join(report)
    print(text)
    if not args.no_results:
        results = ROOT / "bench" / "RESULTS.md"
        # the images' sections are bench/images.py's: kept as they are
        kept = results.read_text("utf-8") if results.exists() else ""
        at = kept.find("\n## Images")
        results.write_text(text + (kept[at:] if at >= 0 else ""), "utf-8")


if __name__ == "__main__":
    main()
