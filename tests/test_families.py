"""Detection cases by family (tests/families.toml), each run through the whole catalog."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from conftest import INSIDE, check_text, example

CASES = tomllib.loads((Path(__file__).parent / "families.toml").read_text(encoding="utf-8"))["case"]


def _body_line(text: str, heading: str) -> re.Match[str]:
    match = re.search(f"(?m)^{re.escape(heading)}(.*)$", text)
    assert match, f"no line starts with {heading!r}"
    return match


def build(case) -> str:
    """The edited copy: replacements, or a clause's body moved under another numeral."""
    text = example(case["base"])
    for old, new in case.get("replace_all", []):
        assert old in text, f"{case['name']}: {old!r} is not in {case['base']}"
        text = text.replace(old, new)
    for old, new in case.get("replace", []):
        assert old in text, f"{case['name']}: {old!r} is not in {case['base']}"
        text = text.replace(old, new, 1)
    if "swap" in case:
        a, b = (_body_line(text, h) for h in case["swap"])
        first, second = sorted((a, b), key=lambda m: m.start())
        text = (
            text[: first.start(1)]
            + second[1]
            + text[first.end(1) : second.start(1)]
            + first[1]
            + text[second.end(1) :]
        )
    for key in ("item_copy", "clause_copy"):
        if key in case:
            source, target = (_body_line(text, h) for h in case[key])
            text = text[: target.start(1)] + source[1] + text[target.end(1) :]
    return text


def _lines_with(text: str, needles) -> set[int]:
    needles = [needles] if isinstance(needles, str) else needles
    return {i for i, line in enumerate(text.split("\n"), 1) if any(n in line for n in needles)}


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['family']}-{c['kind']}-{c['name']}" for c in CASES]
)
def test_family_case(case):
    text = build(case)
    as_of = dt.date.fromisoformat(case.get("as_of", INSIDE.isoformat()))
    serious = [f for f in check_text(text, as_of) if f.severity.value != "info"]
    shown = [f"{f.line}:{f.column} {f.code} {f.message}" for f in serious]
    if case["kind"] == "harmless":
        assert shown == []
    else:
        lines = _lines_with(text, case["at"])
        assert lines, f"{case['at']!r} is on no line of the edited copy"
        assert any(f.line in lines for f in serious), (sorted(lines), shown)


def test_every_family_has_five_forged_and_five_harmless_cases():
    families = {c["family"] for c in CASES}
    for family in families:
        kinds = [c["kind"] for c in CASES if c["family"] == family]
        assert kinds.count("forged") >= 5 and kinds.count("harmless") >= 5, family
