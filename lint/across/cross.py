"""Cross-copy rules: what shows only against other copies and against the licensing registry.

The commonest forgery takes a genuine license and puts another company on every page: nothing
inside the copy is wrong. It shows against other copies (the same number with two companies) and
against the registry. A cross-copy rule sees one copy's identity facts (:mod:`liclint.across.facts`),
the other copies *related* to it — those sharing its license number, its company or one of its
website domains, from this run and from the ledger — and the registry's row for its number.

Plugins provide them through the ``liclint_cross_rules`` hook (``docs/plugins.md``)::

    class SameLegalRepresentative(CrossRule):
        code = "XYZ001"
        ...
        def check(self, copy, related, ctx):
            for other in related.others:
                ...
                yield self.finding(copy, copy.facts.company, "…", other)

:class:`CrossCheck` runs them: it records the facts of every checked copy in a ledger (the one
the user named, or a temporary one for the run), then checks each copy of the run against the
related records. Findings are the same whatever the order of the files and the number of jobs.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from liclint.across import LedgerError
from liclint.across.facts import Fact, Facts
from liclint.checking.meta import Context, Metadata, Severity
from liclint.checking.rule import Finding, fingerprint
from liclint.checking.runner import crashed

if TYPE_CHECKING:
    from liclint.across.ledger import Ledger, Record, RegistryRow

__all__ = ["Copy", "CrossCheck", "CrossRule", "LedgerError", "Other", "Related"]


@dataclass(frozen=True, slots=True)
class Copy:
    """The copy being checked: its path in this run and its facts."""

    path: str
    facts: Facts


@dataclass(frozen=True, slots=True)
class Other:
    """Another copy related to the one being checked."""

    path: str
    facts: Facts
    first_seen: str  # ISO 8601, UTC
    this_run: bool  # checked in this run (else remembered by the ledger)

    def cite(self, fact: Fact | None = None) -> str:
        """Where it is, for a message: ``other.md:7, in this run`` or ``…, in the ledger since
        2025-06-01 09:30 UTC`` (when it was first recorded, by the clock, not the as-of date)."""
        where = f"{self.path}:{fact.line}" if fact is not None else self.path
        if self.this_run:
            return f"{where}, in this run"
        return f"{where}, in the ledger since {self.first_seen[:16].replace('T', ' ')} UTC"


@dataclass(frozen=True, slots=True)
class Related:
    """What a cross-copy rule sees besides the copy itself."""

    others: Sequence[Other] = ()  # sharing the number, the company or a domain; oldest first
    registry: RegistryRow | None = None  # the registry's row for the copy's number
    registry_loaded: bool = False  # whether the ledger holds a registry snapshot at all


class CrossRule(Metadata):
    """Base class of a cross-copy rule: the metadata every rule has
    (:class:`liclint.checking.meta.Metadata`), a check of one copy against the related ones."""

    kind = "cross"

    def applies(self, copy: Copy) -> bool:
        """Whether the rule has anything to say about this copy (by default: every copy)."""
        return True

    def check(self, copy: Copy, related: Related, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        copy: Copy,
        fact: Fact | None,
        message: str,
        other: Other | RegistryRow | str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding at a fact of the copy (its whole span), against ``other`` (a copy, a
        registry row or a value): the fingerprint is of the code, the fact and the other."""
        where = (fact.line, fact.column, fact.end_line, fact.end_column) if fact else (1, 1, 1, 1)
        against = getattr(other, "facts", other)
        against = getattr(against, "digest", None) or getattr(against, "number", None) or other
        text = f"{fact.value if fact else ''}\0{against or ''}"
        return Finding(
            copy.path,
            *where,
            self.code,
            severity or self.severity,
            message,
            self.name,
            fingerprint(self.code, text),
        )


class CrossCheck:
    """Records the copies of a run and checks each against the related ones.

    ``rules`` run with ``context``; ``configure`` (path, findings) -> findings applies the run's
    configuration (per-file ignores, severities) to each copy's findings. ``ledger``: a ledger
    path or URL to record into and check against; without one, a temporary ledger for this run
    only, opened once a second copy arrives (one file needs none). ``recorded`` is called with
    the paths of each batch once it is committed."""

    def __init__(
        self,
        rules: Sequence[CrossRule],
        context: Context,
        ledger: str | None = None,
        *,
        configure: Callable[[str, list[Finding]], list[Finding]] | None = None,
        recorded: Callable[[list[str]], None] | None = None,
        batch: int = 256,
    ) -> None:
        self.rules = tuple(rules)
        self.context = context
        self.configure = configure or (lambda path, findings: findings)
        self.ledger = ledger
        self.recorded = recorded
        self.batch = batch
        self._store: Ledger | None = None
        self._tmp: str | None = None
        self._pending: list[tuple[str, Facts]] = []
        # the copies of this run: digest (as bytes) -> the path it was checked under, or the
        # sorted paths when there are several (compact: a run may have millions of files)
        self._run: dict[bytes, str | tuple[str, ...]] = {}
        self._when = ""

    @property
    def active(self) -> bool:
        return bool(self.rules) or self.ledger is not None

    def add(self, path: str, facts: Facts | None) -> None:
        """A checked copy (its facts are None if it could not be read)."""
        if facts is None or not self.active:
            return
        key = bytes.fromhex(facts.digest)
        known = self._run.get(key)
        if known is None:
            self._run[key] = path
        elif path not in (known if isinstance(known, tuple) else (known,)):
            self._run[key] = tuple(
                sorted((known if isinstance(known, tuple) else (known,)) + (path,))
            )
        self._pending.append((path, facts))
        if len(self._pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Write the copies not yet recorded (one transaction)."""
        if not self._pending:
            return
        store = self._open()
        if store is None:
            return
        store.record(self._pending, self._when)
        if self.recorded is not None:
            self.recorded([path for path, _ in self._pending])
        self._pending = []

    def open(self) -> None:
        """Open the user's ledger now (a bad path or URL fails before any file is checked)."""
        if self.ledger is not None:
            self._open()

    def _open(self) -> Ledger | None:
        if self._store is None:
            if self.ledger is None and len(self._run) < 2:
                return None  # one copy has nothing to be compared with
            from liclint.across.ledger import Ledger, now

            self._when = now()
            target = self.ledger
            if target is None:
                self._tmp = tempfile.mkdtemp(prefix="liclint-run-")
                target = str(Path(self._tmp) / "run.sqlite")
            self._store = Ledger(target)
        return self._store

    def findings(self) -> list[Finding]:
        """The findings of the cross-copy rules on every copy of the run, sorted, as configured
        (per-file ignores, severities)."""
        ctx = self.context
        if not self.rules or len(self._run) + (self.ledger is not None) < 2:
            self.flush()
            return []
        self.flush()
        store = self._open()
        assert store is not None
        loaded = store.registry_size() > 0
        out: list[Finding] = []
        keys = sorted(self._run)
        for start in range(0, len(keys), 500):
            chunk = [key.hex() for key in keys[start : start + 500]]
            by_key: dict[tuple[str, str], list[Record]] = {}
            own: dict[str, Record] = {}
            for record in store.related(chunk):
                for key in _keys(record.facts):
                    by_key.setdefault(key, []).append(record)
                own[record.facts.digest] = record
            if loaded:  # every copy is checked against the registry; else only related ones
                own = store.records(chunk)
            rows = {}
            if loaded:
                rows = store.registry_rows(
                    r.facts.number.value for r in own.values() if r.facts.number
                )
            for digest in chunk:
                record = own.get(digest)
                if record is None:
                    continue
                facts = record.facts
                seen: dict[str, Other] = {}
                for key in _keys(facts):
                    for r in by_key.get(key, ()):
                        d = r.facts.digest
                        if d != digest and d not in seen:
                            paths = self._paths(d)
                            this_run = bool(paths)
                            path = paths[0] if this_run else r.path
                            seen[d] = Other(path, r.facts, r.first_seen, this_run)
                others = sorted(seen.values(), key=lambda o: (not o.this_run, o.path))
                registry_row = rows.get(facts.number.value) if facts.number else None
                if not others and not loaded:
                    continue
                related = Related(tuple(others), registry_row, loaded)
                for path in self._paths(digest):
                    found = self._check(Copy(path, facts), related, ctx)
                    out += self.configure(path, found)
        out.sort()
        return out

    def _paths(self, digest: str) -> tuple[str, ...]:
        """The paths a copy was checked under in this run, sorted (none: not in this run)."""
        known = self._run.get(bytes.fromhex(digest))
        if known is None:
            return ()
        return known if isinstance(known, tuple) else (known,)

    def _check(self, copy: Copy, related: Related, ctx: Context) -> list[Finding]:
        found: list[Finding] = []
        for rule in self.rules:
            try:
                if rule.in_force(_issued(copy.facts)) and rule.applies(copy):
                    found.extend(rule.check(copy, related, ctx))
            except Exception as exc:
                found.append(crashed(copy.path, rule, exc))
        return found

    def close(self) -> None:
        """Close the ledger (copies not yet flushed are not recorded) and remove a temporary
        one."""
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> CrossCheck:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _keys(facts: Facts) -> list[tuple[str, str]]:
    """What relates two copies: the number, the company, each domain."""
    keys = []
    if facts.number:
        keys.append(("number", facts.number.value))
    if facts.company_key:
        keys.append(("company", facts.company_key))
    keys += [("domain", d.value) for d in facts.domains]
    return keys


def _issued(facts: Facts):
    """The issue date of a copy, as a date (None: not read)."""
    import datetime as dt

    value = facts.issue.value if facts.issue else None
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None
