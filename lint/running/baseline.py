"""Baselines: accept today's findings, report only new ones (``--write-baseline``, ``--baseline``).

A baseline records each finding by path (relative to the baseline file's folder), code and fingerprint (a digest of the offending text and
its line, not of the position), so lines moving up or down in a file do not break it. A finding is
hidden when the baseline holds one more unused entry with the same path, code and fingerprint:
two identical problems in a file need two entries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from liclint.checking.rule import Finding

FORMAT = "liclint-baseline/1"


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message names the file."""


def _key(path: str, root: str | None = None) -> str:
    """A path as the baseline stores it: relative to the baseline file's folder (so the same file
    matches however it was named on the command line and from wherever liclint runs)."""
    if root is not None and "://" not in path and not path.startswith("<"):
        path = os.path.relpath(os.path.abspath(path), root)
    return path.replace(os.sep, "/").removeprefix("./")


def _root(baseline: str | Path) -> str:
    return os.path.dirname(os.path.abspath(baseline))


def write(path: str | Path, findings: Iterable[Finding]) -> int:
    """Record ``findings`` in a baseline file; returns how many were recorded."""
    root = _root(path)
    entries = [
        {"path": _key(f.path, root), "code": f.code, "fingerprint": f.fingerprint,
         "message": f.message}
        for f in findings
    ]  # fmt: skip
    entries.sort(key=lambda e: (e["path"], e["code"], e["fingerprint"], e["message"]))
    data = {"format": FORMAT, "findings": entries}
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot be written: {exc.strerror or exc}") from None
    return len(entries)


def load(path: str | Path) -> Counter[tuple[str, str, str]]:
    """The entries of a baseline file, counted."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a liclint baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BaselineError(f"{path}: not a liclint baseline (expected format {FORMAT!r})")
    try:
        return Counter((_key(e["path"]), e["code"], e["fingerprint"]) for e in data["findings"])
    except (KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: a baseline entry lacks path, code or fingerprint") from exc


def hide(
    findings: Sequence[Finding], baseline: Counter[tuple[str, str, str]], path: str | Path
) -> list[Finding]:
    """``findings`` without those the baseline (read from ``path``) accepts: each entry hides
    one finding."""
    left = Counter(baseline)
    root = _root(path)
    out = []
    for f in findings:
        key = (_key(f.path, root), f.code, f.fingerprint)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(f)
    return out
