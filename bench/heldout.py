"""Score liclint on the held-out set (bench/heldout/): run it once, untuned, and report by family.

    python bench/heldout.py [--verbose]

bench/heldout/ was written by someone who had not read the code (see its README). Each copy in
its manifest is harmless (no finding at warning or above allowed) or forged with one defect (a
finding at warning or above must point at one of the defect's lines). A forged copy flagged only
on other lines counts as a miss ("elsewhere").
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import sys
import tomllib
from pathlib import Path

from liclint.checking.plugins import load
from liclint.checking.rule import Context, Severity
from liclint.checking.runner import lint
from liclint.reading.files import read
from liclint.text.extract import parse_document

HERE = Path(__file__).resolve().parent / "heldout"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args()
    manifest = tomllib.loads((HERE / "manifest.toml").read_text(encoding="utf-8"))
    rules = load().select()
    table: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    misses = []
    for copy in manifest["copy"]:
        source = read(str(HERE / "copies" / copy["file"]), 8 * 1024 * 1024)
        as_of = dt.date.fromisoformat(str(copy.get("as_of", "2026-11-25")))
        findings = [
            f
            for f in lint(parse_document(source.path, source.text), rules, Context(as_of))
            if f.severity.rank >= Severity.WARNING.rank
        ]
        row = table[(copy["kind"], copy["family"])]
        row["copies"] += 1
        if copy["kind"] == "harmless":
            verdict = "ok" if not findings else "false alarm"
        else:
            lines = set(copy.get("lines", []))
            if any(f.line in lines for f in findings):
                verdict = "ok"
            else:
                verdict = "elsewhere" if findings else "missed"
        row[verdict] += 1
        if verdict != "ok":
            shown = "; ".join(f"{f.line}:{f.column} {f.code} {f.message}" for f in findings[:4])
            misses.append(
                f"{copy['file']} [{copy['kind']}/{copy['family']}] {verdict}: {copy['what']} "
                f"(lines {copy.get('lines', [])}) -> {shown or 'no finding'}"
            )
    print("| kind | family | copies | right | false alarm | flagged elsewhere | missed |")
    print("|---|---|---:|---:|---:|---:|---:|")
    totals = collections.Counter()
    for (kind, family), row in sorted(table.items()):
        totals.update(row)
        print(
            f"| {kind} | {family} | {row['copies']} | {row['ok']} | {row['false alarm']} | "
            f"{row['elsewhere']} | {row['missed']} |"
        )
    print(
        f"| all | | {totals['copies']} | {totals['ok']} | {totals['false alarm']} | "
        f"{totals['elsewhere']} | {totals['missed']} |"
    )
    if args.verbose:
        print()
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
