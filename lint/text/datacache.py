"""Derived data kept beside liclint's bytecode, so that every start does not derive it again:
which plugins are installed, the fold tables, the public suffixes.

Entries are JSON files in the ``__pycache__`` directory of the liclint package, where Python
keeps the package's bytecode: they are trusted exactly as that bytecode is (whoever can write
there can change liclint itself), unlike a directory in the user's home, which CI systems save
and restore between runs. Each entry is stored with the key it was computed under (what it
depends on); an entry under another key is stale and is computed again. Writes are atomic (a
temporary file renamed over the entry), so concurrent runs never read half an entry. Nothing is
written when Python is told not to write bytecode (``PYTHONDONTWRITEBYTECODE``, ``-B``) or
cannot write there (a read-only installation): then the data is derived at every start, as
before.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from typing import Any

DIRECTORY = os.path.join(os.path.dirname(__file__), "__pycache__")


def load(name: str, key: str) -> Any | None:
    """The value stored as ``name`` under ``key``, or None (absent, stale or unreadable)."""
    try:
        with open(os.path.join(DIRECTORY, f"liclint-{name}.json"), encoding="utf-8") as f:
            entry = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    return entry.get("value")


def save(name: str, key: str, value: Any) -> None:
    """Store ``value`` (JSON data) as ``name`` under ``key``, if bytecode may be written."""
    if sys.dont_write_bytecode:
        return
    import tempfile

    with contextlib.suppress(OSError):
        os.makedirs(DIRECTORY, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".liclint-{name}.", dir=DIRECTORY)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"key": key, "value": value}, f, ensure_ascii=False)
            os.chmod(temporary, 0o644)  # readable by all, as bytecode is
            os.replace(temporary, os.path.join(DIRECTORY, f"liclint-{name}.json"))
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)  # gone after the rename; left over if writing failed
