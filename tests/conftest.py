from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from liclint.checking.plugins import load
from liclint.checking.rule import Context
from liclint.checking.runner import lint
from liclint.text.extract import parse_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CLEAN = ("provincial_icp.md", "cross_regional_sp.txt", "legacy_icp.txt", "expired_reissue.md")
#: A date inside the validity window of every clean example.
INSIDE = dt.date(2025, 6, 1)

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("LICLINT_HYPOTHESIS", "default"))

_REGISTRY = load()
# the CLI's findings cache goes to a temporary folder, not into the repository
os.environ.setdefault(
    "LICLINT_CACHE_DIR", str(Path(__import__("tempfile").mkdtemp(prefix="liclint-cache-")))
)


@pytest.fixture(scope="session")
def registry():
    assert not _REGISTRY.errors, _REGISTRY.errors
    return _REGISTRY


def example(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def check_text(text, as_of=INSIDE, select=(), ignore=(), options=None, path="t.txt"):
    rules = _REGISTRY.select(select, ignore)
    return lint(parse_document(path, text), rules, Context(as_of, options or {}))


def report_of(
    findings, files=1, rules=(), source=None, color=False, paths=(), as_of=None, read=None
):
    """A Report as a run would give it: ``files`` copies (the paths of ``paths`` and of the
    findings first), each with the text ``read(path)`` (text, media) or ``source(path)`` (lines)
    gives, or none; a callable that raises or returns None leaves the copy without text."""
    from liclint.reporting.formats import Report
    from liclint.running.linter import FileResult

    order = list(dict.fromkeys([*paths, *(f.path for f in findings)]))
    order += [f"other-{i}.txt" for i in range(max(0, files - len(order)))]
    copies = []
    for path in order:
        text = media = None
        try:
            if read is not None and (got := read(path)) is not None:
                text, media = got
            elif source is not None and (lines := source(path)) is not None:
                text = "\n".join(lines)
        except Exception:
            text = media = None
        mine = [f for f in findings if f.path == path]
        copies.append(FileResult(path, mine, text=text, media=media))
    return Report(list(findings), copies, list(rules), color=color, as_of=as_of)


def pytest_collection_modifyitems(config, items):
    """Markers by what a test needs: ``ocr`` (tests/test_media.py, and any test asking for
    RapidOCR), ``browser`` (the ``browser`` fixture: Chromium), ``postgres`` (the PostgreSQL
    server); each of those is also ``slow``, so ``pytest -m "not slow"`` runs the core alone."""
    import pytest

    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.path.name == "test_media.py" or "rapidocr" in item.name:
            item.add_marker(pytest.mark.ocr)
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        params = item.callspec.id.split("-") if hasattr(item, "callspec") else []
        if "postgres_server" in fixtures or "postgresql" in params:
            item.add_marker(pytest.mark.postgres)
        if any(item.get_closest_marker(m) for m in ("ocr", "browser", "postgres")):
            item.add_marker(pytest.mark.slow)
