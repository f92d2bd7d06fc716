from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from liclint.extract import parse_document
from liclint.plugins import load
from liclint.rule import Context
from liclint.runner import lint

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
