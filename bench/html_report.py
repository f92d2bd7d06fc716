"""Benchmark of the html format: the review page of 1,000 copies in headless Chromium.

    python bench/html_report.py                        # 1,000 copies; writes bench/HTML_RESULTS.md
    python bench/html_report.py --copies 200 --runs 3  # a smaller batch
    python bench/html_report.py --screenshots docs/images   # the README's two screenshots, then exit

The batch is made from the 100 copies of bench/heldout/ (forged and harmless, genuine in shape,
fictional in content), cycled to the number asked, each with its own license serial, company
name and website domains (a batch of different merchants, as a reviewer gets one). ``liclint check --format
html`` writes the page; Debian's Chromium (``apt-get install chromium``) opens it headless through
Playwright, and the figures are the page's own: from navigation to the end of the report's script
(the table sortable, filters and search working), the time to open a copy (unpacked and rendered
on demand), and the file's size. The issue's bar: interactive within 3 s, under 25 MB.

The screenshots are taken of a report over examples/ as of 2026-07-01 (one license then expires
within 90 days): the batch summary, and examples/forged.md opened at its removed 不得 (PRV005),
with the template wording beside the clause.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "heldout"
CHROMIUM = os.environ.get("LICLINT_CHROMIUM", "/usr/bin/chromium")
AS_OF = "2026-11-25"
_SERIAL = re.compile(r"((?:[A-Z][0-9](?:\.[A-Z][0-9])*)\s*-\s*[0-9]{4})\s*([0-9]{4})")
_LEGACY_SERIAL = re.compile(r"(ICP证[0-9]{2})[0-9]{4}")
#: Characters inserted into company names to make each copy's company its own (32 x 32 names).
_SYLLABLES = "安宝博辰达丰广海恒华佳锦凯朗力茂宁鹏启瑞盛泰通维欣新雅亿源卓正智"


def corpus(folder: Path, copies: int) -> list[Path]:
    """``copies`` license copies in ``folder``, cycled from the held-out set, each with its own
    license serial, company name and domains; their paths."""
    from liclint.text.extract import parse_document

    manifest = tomllib.loads((HELDOUT / "manifest.toml").read_text("utf-8"))
    bases = [(HELDOUT / "copies" / c["file"]).read_text("utf-8") for c in manifest["copy"]]
    companies, domains = [], []
    for text in bases:
        doc = parse_document("base.txt", text)
        companies.append(doc.company.text.strip() if doc.company is not None else "")
        sites = doc.attachment.websites if doc.attachment is not None else []
        domains.append({w.domain.text.strip() for w in sites if w.domain is not None} - {""})
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(copies):
        base, company = bases[i % len(bases)], companies[i % len(bases)]
        text = _SERIAL.sub(lambda m, i=i: f"{m[1]}{i % 10000:04d}", base)
        text = _LEGACY_SERIAL.sub(lambda m, i=i: f"{m[1]}{i % 10000:04d}", text)
        for domain in sorted(domains[i % len(bases)], key=len, reverse=True):
            text = text.replace(domain, f"c{i:04d}-{domain}")
        if len(company) > 4:
            n = len(_SYLLABLES)
            mark = _SYLLABLES[i // n % n] + _SYLLABLES[i % n]
            text = text.replace(company, company[:2] + mark + company[2:])
        path = folder / f"{i:06d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def report(paths: list[str], output: Path, as_of: str = AS_OF) -> float:
    """Write the html report of ``paths``; the seconds ``liclint check`` took."""
    cmd = [sys.executable, "-m", "liclint", "check", "--isolated", "--no-cache", "--quiet",
           "--exit-zero", "--as-of", as_of, "--format", "html", "--output-file", str(output),
           *paths]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def browser(playwright):
    if not Path(CHROMIUM).exists():
        sys.exit(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set LICLINT_CHROMIUM)")
    return playwright.chromium.launch(executable_path=CHROMIUM)


def measure(page_file: Path, runs: int) -> dict:
    """Load the page ``runs`` times in a fresh tab; the figures of each run."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list[float]] = {"wall": [], "ready": [], "open": [], "filter": []}
    problems: list[str] = []
    requests: list[str] = []
    url = page_file.resolve().as_uri()
    with sync_playwright() as p:
        chromium = browser(p)
        version = chromium.version
        for _ in range(runs):
            page = chromium.new_page(viewport={"width": 1400, "height": 1000})
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: requests.append(r.url) if r.url != url else None)
            start = time.perf_counter()
            page.goto(url, wait_until="commit")
            page.wait_for_selector("html[data-ready='1']", state="attached", timeout=60_000)
            results["wall"].append(time.perf_counter() - start)
            results["ready"].append(page.evaluate("window.liclintReady") / 1000)
            nodes = page.evaluate("document.getElementsByTagName('*').length")
            rows = page.locator("#copies tbody tr")
            middle = rows.count() // 2
            index = rows.nth(middle).get_attribute("data-i")
            start = time.perf_counter()
            rows.nth(middle).locator("a").click()
            page.wait_for_selector(f"#copy[data-shown='{index}'] .ln")
            results["open"].append(time.perf_counter() - start)
            page.keyboard.press("Escape")
            start = time.perf_counter()
            page.select_option("#f-severity", "error")  # the table is filtered in the event
            results["filter"].append(time.perf_counter() - start)
            page.close()
        chromium.close()
    return {
        "runs": results,
        "nodes": nodes,
        "problems": problems,
        "requests": requests,
        "chromium": version,
    }


def screenshots(folder: Path) -> list[Path]:
    """The README's screenshots: a report over examples/ (summary, and forged.md opened)."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "review.html"
        report(["examples/"], page_file, as_of="2026-07-01")
        url = page_file.resolve().as_uri()
        with sync_playwright() as p:
            chromium = browser(p)
            page = chromium.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            page.wait_for_selector("html[data-ready='1']", state="attached")
            summary = folder / "html-summary.png"
            page.screenshot(path=str(summary))
            row = page.locator("#copies tbody tr", has_text="forged.md")
            index = row.get_attribute("data-i")
            link = f"#copy-{index}"
            page.goto(url + link)
            page.wait_for_selector(f"#copy[data-shown='{index}'] .ln")
            page.locator(".flink", has_text="PRV005").click()
            page.wait_for_timeout(300)
            copy = folder / "html-copy.png"
            page.screenshot(path=str(copy))
            chromium.close()
    return [summary, copy]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshots", metavar="DIR", help="write the two screenshots to DIR")
    parser.add_argument("--output", default=str(ROOT / "bench" / "HTML_RESULTS.md"))
    args = parser.parse_args()
    if args.screenshots:
        for path in screenshots(Path(args.screenshots)):
            print(f"wrote {path}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus(Path(tmp) / "copies", args.copies)
        page_file = Path(tmp) / "review.html"
        seconds = report([str(Path(tmp) / "copies")], page_file)
        size = page_file.stat().st_size
        again = Path(tmp) / "again.html"
        report([str(Path(tmp) / "copies")], again)
        same = page_file.read_bytes() == again.read_bytes()
        figures = measure(page_file, args.runs)
    runs = figures["runs"]
    worst_ready = max(runs["wall"])
    rows = [
        ("copies in the batch", f"{len(paths):,}"),
        ("`liclint check --format html` (whole run: check and page)", f"{seconds:.1f} s"),
        ("file size", f"{size / 1e6:.1f} MB ({size / len(paths) / 1e3:.1f} kB a copy)"),
        ("same bytes on a second run", "yes" if same else "**no**"),
        (
            "navigation to interactive (script done), median / worst of "
            f"{len(runs['wall'])} loads",
            f"{statistics.median(runs['wall']):.2f} s / {worst_ready:.2f} s",
        ),
        ("the page's own clock at interactive, median", f"{statistics.median(runs['ready']):.2f} s"),
        ("elements in the initial DOM", f"{figures['nodes']:,}"),
        ("open a copy from the table (unpack and render), median", f"{statistics.median(runs['open']) * 1000:.0f} ms"),
        ("filter the table by severity, median", f"{statistics.median(runs['filter']) * 1000:.0f} ms"),
        ("console errors / network requests", f"{len(figures['problems'])} / {len(figures['requests'])}"),
    ]  # fmt: skip
    verdict = "meets" if worst_ready < 3 and size < 25e6 else "**misses**"
    lines = [
        "# HTML report benchmark",
        "",
        "Generated by `python bench/html_report.py` (see its docstring); do not edit by hand.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, Chromium {figures['chromium']} (headless, Debian's "
        "package, driven by Playwright).",
        "",
        f"The page {verdict} the issue's bar (interactive within 3 s, under 25 MB) for this batch.",
        "",
        "| what | measured |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in rows),
        "",
    ]
    Path(args.output).write_text("\n".join(lines), "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
