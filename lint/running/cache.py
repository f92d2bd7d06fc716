"""The findings cache: a file whose content was checked before, under the same settings, is not
checked again (as ruff's cache, ``.liclint_cache/``).

An entry is keyed by a digest of the file's bytes (and its path, when per-file ignores make
findings depend on it); the cache file it lives in is named by a digest of everything else that
changes findings: the liclint version, the installed plugins and their versions, the rules that
run, their options and severities, and the as-of date. Entries are sharded by the first two hex
digits of their key, loaded when first needed, and written back atomically (a temporary file and
``os.replace``), so concurrent runs never see a half-written file: the last writer of a shard wins
and an entry lost that way is computed again. A cache file that cannot be read is ignored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path

from liclint.across.facts import Facts
from liclint.checking.meta import Severity
from liclint.checking.rule import Comparison, Finding

DIRECTORY = ".liclint_cache"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# liclint's cache (https://bford.info/cachedir/)\n"


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


class Cache:
    """Findings (and the copy's identity facts) by content key, for one set of settings
    (``key``)."""

    def __init__(self, directory: str | Path, key: str) -> None:
        self.root = Path(directory)
        self.folder = self.root / key
        self._shards: dict[str, dict[str, list]] = {}
        self._dirty: set[str] = set()

    def get(self, key: str, path: str):
        """(findings, facts, copy) of an entry, or None; ``copy`` is (text, lines) for a PDF or
        an image (what was read off it), None for a text file."""
        entry = self._shard(key[:2]).get(key)
        if not isinstance(entry, dict):
            return None  # none, or an entry of an older liclint: recompute it
        try:
            rows, facts, copy = entry["findings"], entry["facts"], entry.get("copy")
            found = [
                Finding(
                    path, r[0], r[1], r[2], r[3], r[4], Severity(r[5]), r[6], r[7], r[8],
                    tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in r[9]),
                    Comparison(*r[10]) if len(r) > 10 and r[10] else None,
                )
                for r in rows
            ]  # fmt: skip
            if copy is not None:
                copy = (copy[0], tuple(_line(line) for line in copy[1]))
            return found, Facts.from_dict(facts) if facts else None, copy
        except (TypeError, ValueError, IndexError, KeyError):
            return None  # an entry of another shape: recompute it

    def put(self, key: str, findings: list[Finding], facts: Facts | None = None, copy=None) -> None:
        shard = key[:2]
        rows = [
            [f.line, f.column, f.end_line, f.end_column, f.code, f.severity.value, f.message,
             f.name, f.fingerprint, [list(pair) for pair in f.extra],
             list(dataclasses.astuple(f.comparison)) if f.comparison else None]
            for f in findings
        ]  # fmt: skip
        entry = {"findings": rows, "facts": facts.as_dict() if facts else None}
        if copy is not None:
            text, lines = copy
            entry["copy"] = [text, [dataclasses.asdict(line) for line in lines]]
        self._shard(shard)[key] = entry
        self._dirty.add(shard)

    def save(self) -> None:
        """Write the changed shards (merged with what other runs wrote meanwhile)."""
        if not self._dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tag = self.root / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text(_TAG, "utf-8")
                (self.root / ".gitignore").write_text("# liclint's cache\n*\n", "utf-8")
        except OSError:
            return  # a read-only tree: run without a cache
        for shard in sorted(self._dirty):
            merged = {**self._load(shard), **self._shards[shard]}
            target = self.folder / f"{shard}.json"
            try:
                fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{shard}.", suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(merged, handle, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, target)
            except OSError:
                with contextlib.suppress(OSError, UnboundLocalError):
                    os.unlink(tmp)
        self._dirty.clear()

    def _shard(self, shard: str) -> dict[str, list]:
        if shard not in self._shards:
            self._shards[shard] = self._load(shard)
        return self._shards[shard]

    def _load(self, shard: str) -> dict[str, list]:
        try:
            data = json.loads((self.folder / f"{shard}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


def _line(data: dict):
    """A :class:`liclint.reading.media.Line` as :meth:`Cache.put` stored it (lists back to
    tuples); imported here, as only a PDF's or an image's entry has lines."""
    from liclint.reading.media import Line

    return Line(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})
