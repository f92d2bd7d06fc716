"""Render findings. Every reporter takes the same sorted list of :class:`Finding`."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence

from .rule import Finding


def text(findings: Sequence[Finding], files: int) -> str:
    """``path:line:col: CODE [severity] message`` per finding, then a one-line summary."""
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


def json_(findings: Sequence[Finding], files: int) -> str:
    """A JSON array of finding objects."""
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Callable[[Sequence[Finding], int], str]] = {"text": text, "json": json_}
