#!/usr/bin/env python3
"""Score liclint, as a black box, on the held-out meaning set (manifest.toml).

    python3 score.py [--liclint PATH] [--manifest manifest.toml] [--out TABLE.md]

Every copy is checked on its own (one process per file, so the cross-copy rules never compare two
copies of the set) with

    liclint check --format json --as-of <as_of> --no-cache --jobs 1 FILE

(`--no-cache` only so that no cache directory is written outside this folder).

* harmless copy: passes when liclint reports no warning and no error (info is allowed);
* forged copy: caught on its line when a warning or error sits within ±1 line of the defect's
  line, caught anywhere when any warning or error is reported;
* crash: exit status other than 0/1, output that is not JSON, or a LIC… finding (liclint's own
  failure codes) — such a copy counts as neither clean nor caught.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
LICLINT = "/work/main/.venv/bin/liclint"
SEVERE = {"warning", "error"}


def findings_of(data):
    """The findings of a JSON report, whatever the outer shape (a list, or a dict holding one)."""
    if isinstance(data, list):
        out = []
        for x in data:
            if isinstance(x, dict) and "findings" in x and "code" not in x:
                out += findings_of(x["findings"])
            else:
                out.append(x)
        return out
    if isinstance(data, dict):
        for k in ("findings", "results", "diagnostics", "files"):
            if k in data:
                return findings_of(data[k])
    return []


def line_of(f):
    for k in ("line", "start_line", "row"):
        if isinstance(f.get(k), int):
            return f[k]
    loc = f.get("location") or {}
    for k in ("line", "row"):
        if isinstance(loc.get(k), int):
            return loc[k]
    return None


def run(liclint, path, as_of):
    cmd = [liclint, "check", "--format", "json", "--as-of", as_of, "--no-cache", "--jobs", "1", path]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE, timeout=300)
    crash = None
    fs = []
    if p.returncode not in (0, 1):
        crash = f"exit {p.returncode}: {p.stderr.strip()[:200]}"
    try:
        fs = findings_of(json.loads(p.stdout)) if p.stdout.strip() else []
    except json.JSONDecodeError as e:
        crash = crash or f"not JSON ({e}): {p.stdout[:120]!r} {p.stderr.strip()[:120]}"
    lic = [f for f in fs if str(f.get("code", "")).startswith("LIC")]
    if lic and not crash:
        crash = "; ".join(f"{f.get('code')} {f.get('message', '')[:120]}" for f in lic)
    fs = [f for f in fs if not str(f.get("code", "")).startswith("LIC")]
    return fs, crash


def fmt_f(f):
    return f"{f.get('code')} [{f.get('severity')}] line {line_of(f)}: {f.get('message', '')}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--liclint", default=LICLINT)
    ap.add_argument("--manifest", default=os.path.join(HERE, "manifest.toml"))
    ap.add_argument("--out", default=None, help="write the table (markdown) to this file")
    args = ap.parse_args()
    with open(args.manifest, "rb") as fh:
        man = tomllib.load(fh)
    copies = man["copy"]

    H = collections.OrderedDict()  # family -> [total, clean, crashes, [details]]
    Fm = collections.OrderedDict()  # family -> [total, on_line, anywhere, crashes, [details]]
    per_copy = []
    for i, c in enumerate(copies, 1):
        path = os.path.join(HERE, c["path"])
        fs, crash = run(args.liclint, path, c["as_of"])
        severe = [f for f in fs if str(f.get("severity", "")).lower() in SEVERE]
        print(f"[{i}/{len(copies)}] {c['kind']:8} {c['id']}: {len(severe)} warning/error"
              + (f" CRASH {crash}" if crash else ""), file=sys.stderr)
        if c["kind"] == "harmless":
            row = H.setdefault(c["family"], [0, 0, 0, []])
            row[0] += 1
            if crash:
                row[2] += 1
                row[3].append(f"`{c['id']}` CRASH: {crash}")
            elif not severe:
                row[1] += 1
            else:
                for f in severe:
                    row[3].append(f"`{c['id']}` {fmt_f(f)}")
            per_copy.append((c, fs, crash, None))
        else:
            row = Fm.setdefault(c["family"], [0, 0, 0, 0, []])
            row[0] += 1
            on = [f for f in severe if line_of(f) is not None and abs(line_of(f) - c["line"]) <= 1]
            if crash:
                row[3] += 1
                row[4].append(f"`{c['id']}` CRASH: {crash}")
            else:
                if on:
                    row[1] += 1
                if severe:
                    row[2] += 1
                if not on:
                    got = "; ".join(fmt_f(f) for f in severe) if severe else "nothing"
                    row[4].append(f"`{c['id']}` (line {c['line']}: {c['defect']}) — "
                                  + ("missed" if not severe else "elsewhere: " + got))
            per_copy.append((c, fs, crash, on))

    out = []
    out.append("## Harmless copies (must give no warning/error)\n")
    out.append("| family | copies | clean | with false findings | crashes |")
    out.append("|---|---:|---:|---:|---:|")
    th = [0, 0, 0]
    for fam, (n, clean, cr, _) in H.items():
        out.append(f"| {fam} | {n} | {clean} | {n - clean - cr} | {cr} |")
        th[0] += n
        th[1] += clean
        th[2] += cr
    out.append(f"| **all** | **{th[0]}** | **{th[1]}** | **{th[0] - th[1] - th[2]}** | **{th[2]}** |")
    out.append("\n## Forged copies (one defect each)\n")
    out.append("| family | copies | caught on line (±1) | caught anywhere | missed | crashes |")
    out.append("|---|---:|---:|---:|---:|---:|")
    tf = [0, 0, 0, 0]
    for fam, (n, on, anyw, cr, _) in Fm.items():
        out.append(f"| {fam} | {n} | {on} | {anyw} | {n - anyw - cr} | {cr} |")
        for j, v in enumerate((n, on, anyw, cr)):
            tf[j] += v
    out.append(f"| **all** | **{tf[0]}** | **{tf[1]}** | **{tf[2]}** | **{tf[0] - tf[2] - tf[3]}** | **{tf[3]}** |")
    out.append("\n## False findings on harmless copies\n")
    any_false = False
    for fam, (_, _, _, det) in H.items():
        for d in det:
            out.append(f"- [{fam}] {d}")
            any_false = True
    if not any_false:
        out.append("none")
    out.append("\n## Forged copies not caught on their line\n")
    any_miss = False
    for fam, (_, _, _, _, det) in Fm.items():
        for d in det:
            out.append(f"- [{fam}] {d}")
            any_miss = True
    if not any_miss:
        out.append("none")
    out.append("\n## Forged copies caught on their line (the finding)\n")
    for c, fs, crash, on in per_copy:
        if c["kind"] == "forged" and on:
            out.append(f"- `{c['id']}` (line {c['line']}): " + "; ".join(fmt_f(f) for f in on))
    text = "\n".join(out) + "\n"
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
