"""Score liclint's cross-copy checks (CRS, REG) on the held-out set in bench/heldout_cross/.

Black-box, through the command line only. For each scenario of manifest.toml, in a temporary
directory: copy the scenario, import registry.csv into a fresh ledger if there is one, check
batch1 with the ledger, then batch2 if there is one. A copy counts as flagged when it gets a
finding of severity error or warning whose code starts with CRS or REG. A scenario is right
when exactly the copies listed in `flagged` are flagged (none for a harmless scenario).

    python bench/heldout_cross.py                 # writes bench/heldout_cross/RESULTS.md (FIRST_RUN.md keeps the untuned first run)
    python bench/heldout_cross.py --root DIR --out FILE.md
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LICLINT = REPO / ".venv" / "bin" / "liclint"
CROSS_PREFIXES = ("CRS", "REG")
COUNTED = {"error", "warning"}
TIMEOUT = 600


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)


def rel(path: str, work: Path) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(work.resolve())
        except ValueError:
            return str(p)
    return os.path.normpath(str(p)).replace(os.sep, "/")


def score_one(sc: dict, root: Path) -> dict:
    src = root / sc["name"]
    res: dict = {"notes": [], "findings": [], "other": defaultdict(int)}
    with tempfile.TemporaryDirectory(prefix="liclint-heldout-cross-") as tmp:
        work = Path(tmp) / sc["name"]
        shutil.copytree(src, work)
        ledger = Path(tmp) / "ledger.sqlite"
        if (work / "registry.csv").exists():
            p = run(
                [str(LICLINT), "ledger", "import", "--ledger", str(ledger), "registry.csv"], work
            )
            msg = (p.stdout + p.stderr).strip()
            res["notes"].append(f"ledger import exit {p.returncode}: {msg}")
        for batch in ("batch1", "batch2"):
            if not (work / batch).is_dir():
                continue
            cmd = [
                str(LICLINT),
                "check",
                "--isolated",
                "--no-cache",
                "--as-of",
                sc["as_of"],
                "--ledger",
                str(ledger),
                "--format",
                "json",
                batch,
            ]
            p = run(cmd, work)
            if p.returncode not in (0, 1):
                res["notes"].append(f"check {batch} exit {p.returncode}: {p.stderr.strip()}")
                continue
            try:
                findings = json.loads(p.stdout or "[]")
            except json.JSONDecodeError as e:
                res["notes"].append(f"check {batch}: output is not JSON ({e}): {p.stdout[:300]!r}")
                continue
            if isinstance(findings, dict):  # tolerate a wrapped report
                findings = findings.get("findings", [])
            for f in findings:
                path = rel(str(f.get("path", "")), work)
                code = str(f.get("code", ""))
                if code.startswith(CROSS_PREFIXES):
                    res["findings"].append({**f, "path": path, "run": batch})
                else:
                    res["other"][(path, code, f.get("severity"))] += 1
    got = sorted({f["path"] for f in res["findings"] if f.get("severity") in COUNTED})
    expected = sorted(sc.get("flagged", []))
    res["got"] = got
    res["expected"] = expected
    res["extra"] = sorted(set(got) - set(expected))
    res["missing"] = sorted(set(expected) - set(got))
    res["right"] = not res["extra"] and not res["missing"]
    return res


def table(rows: list[tuple[dict, dict]]) -> str:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for sc, res in rows:
        groups[(sc["kind"], sc["family"])].append(res)
        groups[(sc["kind"], "(all)")].append(res)
        groups[("all", "(all)")].append(res)
    order = sorted(groups, key=lambda k: (k[0] == "all", k[0], k[1] == "(all)", k[1]))
    out = [
        "| kind | family | scenarios | right | false alarm | missed |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for k in order:
        g = groups[k]
        out.append(
            f"| {k[0]} | {k[1]} | {len(g)} | {sum(r['right'] for r in g)} | "
            f"{sum(bool(r['extra']) for r in g)} | {sum(bool(r['missing']) for r in g)} |"
        )
    return "\n".join(out)


def fmt_finding(f: dict) -> str:
    return (
        f"`{f['path']}:{f.get('line')}:{f.get('column')}` {f.get('code')} "
        f"[{f.get('severity')}] {f.get('message')}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=REPO / "bench" / "heldout_cross")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    root = args.root.resolve()
    out = args.out or root / "RESULTS.md"
    manifest = tomllib.loads((root / "manifest.toml").read_text(encoding="utf-8"))
    scenarios = manifest["scenario"]
    version = run([str(LICLINT), "--version"], REPO).stdout.strip()

    rows = []
    for sc in scenarios:
        res = score_one(sc, root)
        verdict = (
            "right"
            if res["right"]
            else (
                "false alarm + missed"
                if res["extra"] and res["missing"]
                else "false alarm"
                if res["extra"]
                else "missed"
            )
        )
        print(f"{sc['name']:40s} {sc['kind']:8s} {verdict}", flush=True)
        res["verdict"] = verdict
        rows.append((sc, res))

    tab = table(rows)
    print()
    print(tab)

    md = [
        "# Cross-copy held-out set: first run",
        "",
        f"{version}, run {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC by "
        "`bench/heldout_cross.py`.",
        "",
        "A copy is flagged when it gets an error or warning whose code starts with CRS or REG. "
        "A scenario is right when exactly the copies of its `flagged` list are flagged. "
        '"false alarm" counts scenarios with a flagged copy that should not be, "missed" '
        "scenarios with a copy that should be flagged and is not (a scenario can be both).",
        "",
        tab,
        "",
        "## Scenarios",
        "",
        "| scenario | kind | family | expected | flagged by liclint | verdict |",
        "|---|---|---|---|---|---|",
    ]
    for sc, res in rows:
        md.append(
            f"| {sc['name']} | {sc['kind']} | {sc['family']} | "
            f"{', '.join(res['expected']) or '—'} | {', '.join(res['got']) or '—'} | "
            f"{res['verdict']} |"
        )
    md += ["", "## Scenarios not right: what liclint reported", ""]
    for sc, res in rows:
        if res["right"]:
            continue
        md += [
            f"### {sc['name']} ({sc['kind']}, {sc['family']}): {res['verdict']}",
            "",
            f"Why: {sc['why']}",
            "",
        ]
        if res["extra"]:
            md.append(f"- flagged but should not be: {', '.join(res['extra'])}")
        if res["missing"]:
            md.append(f"- should be flagged but is not: {', '.join(res['missing'])}")
        for n in res["notes"]:
            md.append(f"- note: {n}")
        if res["findings"]:
            md.append("- CRS/REG findings (all severities):")
            md += [f"  - {fmt_finding(f)} (run {f['run']})" for f in res["findings"]]
        else:
            md.append("- no CRS/REG finding at all")
        other = sorted(res["other"].items())
        if other:
            md.append(
                "- other findings: "
                + "; ".join(
                    f"{p} {c} [{s}]" + (f" ×{n}" if n > 1 else "") for (p, c, s), n in other
                )
            )
        md.append("")
    out.write_text("\n".join(md) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
