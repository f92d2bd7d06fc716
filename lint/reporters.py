"""Render findings. Every reporter takes the same :class:`Report` and returns the whole text."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .rule import Finding, Rule


def _no_source(path: str) -> Sequence[str] | None:
    return None


@dataclass(frozen=True)
class Report:
    """What a run found: the sorted findings, how many files were checked, the rules that ran,
    and a way to get a checked file's original lines again (for formats that quote them)."""

    findings: Sequence[Finding]
    files: int
    rules: Sequence[type[Rule]] = ()
    source: Callable[[str], Sequence[str] | None] = _no_source
    color: bool = False  # ANSI colours (a terminal, and NO_COLOR not set)


def text(report: Report) -> str:
    """``path:line:col: CODE [severity] message`` per finding, then a one-line summary."""
    findings, files = report.findings, report.files
    out = [
        f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}" for f in findings
    ]
    if findings:
        counts = Counter(f.severity.value for f in findings)
        parts = [
            f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
            for s in ("error", "warning", "info")
            if counts[s]
        ]
        out.append(
            f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} "
            f"({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}."
        )
    else:
        out.append(f"All checks passed ({files} file{'s' if files != 1 else ''}).")
    return "\n".join(out) + "\n"


def json_(report: Report) -> str:
    """A JSON array of finding objects."""
    return json.dumps([f.as_dict() for f in report.findings], ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Callable[[Report], str]] = {"text": text, "json": json_}
