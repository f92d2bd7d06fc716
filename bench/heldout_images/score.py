#!/usr/bin/env python3
"""Score liclint, as a black box, on the held-out printed-certificate set.

    python bench/heldout_images/score.py --out /tmp/table.md               # default OCR engine
    python bench/heldout_images/score.py --ocr-engine tesseract --out t.md

Each file of manifest.toml is checked alone (one liclint process per file, so the cross-copy
rules never compare a tampered twin with its genuine copy):

    liclint check --format json --as-of AS_OF --no-cache [--ocr-engine E] FILE

A genuine copy is *clean* when liclint reports no finding of severity warning or error; a
tampered copy is *flagged* when it reports at least one. *Flagged beyond its twin* counts the
tampered copies with a warning/error code that the genuine twin did not get (a flag that the
edit, not the surface, caused). A *crash* is exit code 2, a traceback on stderr, output that is
not JSON, or a timeout.

Standard library only; Python 3.11+.
"""
from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import datetime as dt
import json
import os
import subprocess
import sys
import time
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
LICLINT = "/work/main/.venv/bin/liclint"
BAD = ("warning", "error")
SURFACES = ["scan", "photo", "screenshot", "rotated", "scanpdf", "textpdf"]


def run_one(entry: dict, engine: str | None, timeout: int) -> dict:
    path = os.path.join(HERE, entry["path"])
    cmd = [LICLINT, "check", "--format", "json", "--as-of", entry["as_of"], "--no-cache"]
    if engine:
        cmd += ["--ocr-engine", engine]
    cmd.append(path)
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=HERE)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = -9, (e.stdout or b"").decode("utf-8", "replace") if isinstance(e.stdout, bytes) else (
            e.stdout or ""), f"timeout after {timeout}s"
    secs = time.monotonic() - t0
    findings, crash, why = [], False, ""
    try:
        data = json.loads(out) if out.strip() else []
        findings = data if isinstance(data, list) else data.get("findings", [])
    except json.JSONDecodeError:
        crash, why = True, "stdout is not JSON"
    if rc == 2 or rc not in (0, 1):
        crash, why = True, f"exit code {rc}"
    if "Traceback" in err:
        crash, why = True, "traceback on stderr"
    for f in findings:  # an internal error reported as a finding
        if "crash" in (f.get("name") or "").lower() or "internal error" in (f.get("message") or "").lower():
            crash, why = True, f"finding {f.get('code')}: {f.get('message')}"
    bad = [f for f in findings if f.get("severity") in BAD]
    return dict(entry=entry, rc=rc, secs=secs, findings=findings, bad=bad, crash=crash, why=why,
                stderr=err.strip()[-2000:], cmd=" ".join(cmd))


def short(msg: str, n: int = 220) -> str:
    msg = " ".join(msg.split())
    return msg if len(msg) <= n else msg[: n - 1] + "…"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ocr-engine", default=None, help="passed through to liclint (rapidocr|tesseract)")
    ap.add_argument("--out", required=True, help="write the markdown table here")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="liclint processes at once (default 2)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per file")
    ap.add_argument("--raw", default=None, help="also write every result as JSON here")
    args = ap.parse_args()

    with open(os.path.join(HERE, "manifest.toml"), "rb") as f:
        entries = tomllib.load(f)["file"]
    missing = [e["path"] for e in entries if not os.path.exists(os.path.join(HERE, e["path"]))]
    if missing:
        sys.exit(f"score.py: {len(missing)} files missing (run make.py first): {missing[:3]}")

    t0 = time.monotonic()
    results = {}
    with cf.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = {ex.submit(run_one, e, args.ocr_engine, args.timeout): e["path"] for e in entries}
        for k, fu in enumerate(cf.as_completed(futs), 1):
            r = fu.result()
            results[futs[fu]] = r
            e = r["entry"]
            tag = "CRASH" if r["crash"] else ("flag" if r["bad"] else "clean")
            print(f"[{k:2d}/{len(entries)}] {e['path']:44s} {e['kind']:8s} {tag:5s} {r['secs']:5.1f}s "
                  f"{','.join(sorted({f['code'] for f in r['bad']}))}", file=sys.stderr, flush=True)
    wall = time.monotonic() - t0
    byname = {os.path.splitext(os.path.basename(p))[0]: r for p, r in results.items()}

    rows = collections.OrderedDict((s, collections.Counter()) for s in SURFACES)
    secs = collections.Counter()
    false_findings, missed, crashes = [], [], []
    for e in entries:
        r = results[e["path"]]
        c = rows.setdefault(e["surface"], collections.Counter())
        secs[e["surface"]] += r["secs"]
        if r["crash"]:
            c["crash"] += 1
            crashes.append(r)
        if e["kind"] == "genuine":
            c["g_total"] += 1
            if not r["bad"] and not r["crash"]:
                c["g_clean"] += 1
            for f in r["bad"]:
                false_findings.append((e, f))
        else:
            c["t_total"] += 1
            if r["bad"]:
                c["t_flag"] += 1
                twin = byname.get(e["twin"])
                twin_codes = {f["code"] for f in twin["bad"]} if twin else set()
                if {f["code"] for f in r["bad"]} - twin_codes:
                    c["t_beyond"] += 1
            else:
                missed.append((e, r))
            if e.get("self_consistent"):
                c["t_selfc"] += 1
                if r["bad"]:
                    c["t_selfc_flag"] += 1

    engine = args.ocr_engine or "default (rapidocr)"
    L = []
    L.append(f"### liclint on bench/heldout_images — OCR engine: {engine}")
    L.append("")
    L.append(f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} (local), {len(entries)} files, "
             f"{args.jobs} at a time, wall time {wall:.0f} s.")
    L.append("")
    L.append("| surface | genuine clean / total | tampered flagged / total | flagged beyond twin | "
             "self-consistent edits flagged | crashes | liclint s |")
    L.append("|---|---|---|---|---|---|---|")
    tot = collections.Counter()
    for s, c in rows.items():
        tot.update(c)
        L.append(f"| {s} | {c['g_clean']} / {c['g_total']} | {c['t_flag']} / {c['t_total']} | {c['t_beyond']} | "
                 f"{c['t_selfc_flag']} / {c['t_selfc']} | {c['crash']} | {secs[s]:.0f} |")
    L.append(f"| **all** | **{tot['g_clean']} / {tot['g_total']}** | **{tot['t_flag']} / {tot['t_total']}** | "
             f"**{tot['t_beyond']}** | {tot['t_selfc_flag']} / {tot['t_selfc']} | **{tot['crash']}** | "
             f"{sum(secs.values()):.0f} |")
    L.append("")
    L.append("#### False findings on genuine copies (warning/error)")
    L.append("")
    if false_findings:
        L.append("| file | code | severity | page | message |")
        L.append("|---|---|---|---|---|")
        for e, f in false_findings:
            L.append(f"| {os.path.basename(e['path'])} | {f.get('code')} | {f.get('severity')} | {f.get('page', '')} | "
                     f"{short(f.get('message', '')).replace('|', '¦')} |")
    else:
        L.append("none")
    L.append("")
    L.append("#### Missed tampered copies (no warning/error)")
    L.append("")
    if missed:
        L.append("| file | surface | self-consistent | edit |")
        L.append("|---|---|---|---|")
        for e, r in missed:
            L.append(f"| {os.path.basename(e['path'])} | {e['surface']} | {'yes' if e.get('self_consistent') else 'no'} | "
                     f"{short(e['edit']).replace('|', '¦')} |")
    else:
        L.append("none")
    L.append("")
    L.append("#### Flagged tampered copies: what was reported")
    L.append("")
    L.append("| file | codes (warning/error) | twin's codes |")
    L.append("|---|---|---|")
    for e in entries:
        if e["kind"] != "tampered":
            continue
        r = results[e["path"]]
        if r["bad"]:
            tw = byname.get(e["twin"])
            L.append(f"| {os.path.basename(e['path'])} | {', '.join(sorted({f['code'] for f in r['bad']}))} | "
                     f"{', '.join(sorted({f['code'] for f in tw['bad']})) if tw else ''} |")
    L.append("")
    L.append("#### Crashes")
    L.append("")
    if crashes:
        for r in crashes:
            L.append(f"- {os.path.basename(r['entry']['path'])}: {r['why']}; stderr: `{short(r['stderr'], 400)}`")
    else:
        L.append("none")
    L.append("")
    text = "\n".join(L)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    if args.raw:
        with open(args.raw, "w", encoding="utf-8") as f:
            json.dump([{k: v for k, v in r.items() if k != "entry"} | {"path": p} for p, r in results.items()], f,
                      ensure_ascii=False, indent=1)
    print(text)


if __name__ == "__main__":
    main()
