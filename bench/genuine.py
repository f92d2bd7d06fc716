"""Genuine copies stay clean in every surface they arrive in (a hand check, not a test).

    python bench/genuine.py DIR      # e.g. the project's reference seeds, kept outside the repo

Every ``*.txt``/``*.md`` file in DIR is taken as a genuine license. Each is checked as it is, after
every surface transform of ``tests/surfaces.py`` and their combinations, and as the two partial
copies (front page and attachment; special provisions only), on a date inside its window (the
issue date + 30 days, or the day before expiry if that is earlier). Prints every finding at
warning or above; a genuine copy should have none.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from surfaces import COMBINATIONS, TRANSFORMS, front_and_attachment, provisions_only  # noqa: E402

from liclint.checking.plugins import load  # noqa: E402
from liclint.checking.rule import Context, Severity  # noqa: E402
from liclint.checking.runner import lint  # noqa: E402
from liclint.text.extract import parse_document  # noqa: E402


def inside(text: str) -> dt.date:
    doc = parse_document("x", text)
    issue = doc.issue_date and doc.issue_date.value
    expiry = doc.expiry_date and doc.expiry_date.value
    day = (issue or dt.date.today()) + dt.timedelta(days=30)
    return min(day, expiry - dt.timedelta(days=1)) if expiry else day


def variants(text: str):
    yield "as-is", text
    for name, transform in TRANSFORMS.items():
        yield name, transform(text)
    for name, chain in COMBINATIONS.items():
        out = text
        for transform in chain:
            out = transform(out)
        yield name, out
    yield "front+attachment", front_and_attachment(text)
    yield "provisions-only", provisions_only(text)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if folder is None or not folder.is_dir():
        print("usage: python bench/genuine.py DIR", file=sys.stderr)
        return 2
    rules = load().select()
    bad = checked = 0
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md")):
        text = path.read_text(encoding="utf-8")
        ctx = Context(inside(text))
        for name, variant in variants(text):
            checked += 1
            for f in lint(parse_document(path.name, variant), rules, ctx):
                if f.severity.rank >= Severity.WARNING.rank:
                    bad += 1
                    print(
                        f"{path.name} [{name}] @{ctx.as_of}: {f.line}:{f.column} {f.code} {f.message}"
                    )
    print(f"{checked} copies checked, {bad} findings at warning or above")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
