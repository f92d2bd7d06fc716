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

import functools
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from liclint.across import LedgerError
from liclint.across.facts import Fact, Facts, company_key
from liclint.checking.meta import Context, Metadata, Severity
from liclint.checking.rule import Finding, fingerprint
from liclint.checking.runner import crashed

if TYPE_CHECKING:
    from liclint.across.ledger import Key, Ledger, RegistryRow

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
    this_run: bool  # in this run's batch (else remembered by the ledger)
    #: how many copies it stands for: the related copies with the same facts (values, not
    #: positions) are one Other, the first of them in order
    copies: int = 1
    #: one of the project's other copies (compared, not checked: :func:`liclint.running.run.run`)
    project: bool = False

    def cite(self, fact: Fact | None = None) -> str:
        """Where it is, for a message: ``other.md:7, in this run`` (``…, in this project`` for
        a copy of the project that was not checked) or ``…, in the ledger since 2025-06-01
        09:30 UTC`` (when it was first recorded, by the clock, not the as-of date)."""
        where = f"{self.path}:{fact.line}" if fact is not None else self.path
        if self.this_run:
            return f"{where}, in this {'project' if self.project else 'run'}"
        return f"{where}, in the ledger since {self.first_seen[:16].replace('T', ' ')} UTC"


@dataclass(frozen=True, slots=True)
class Related:
    """What a cross-copy rule sees besides the copy itself."""

    #: the copies sharing the number, the company or a domain: this run's first, then by path;
    #: copies with the same facts are one Other (its ``copies`` counts them)
    others: Sequence[Other] = ()
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
    the paths of each batch once it is committed.

    Nothing is dropped however many copies share a key: each key (a number, a company, a
    domain) is read once a run and summarised as one record for each distinct set of facts
    (values, not positions: the first such copy in order, and how many there are). A rule that
    compares values sees exactly what it would see with every copy, at the cost of the distinct
    facts, not of the copies: 10,000 uploads of one genuine license are one record."""

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
        # the project's other copies (compared, never checked): digest -> the first path
        self._project: dict[bytes, str] = {}
        self._when = ""

    @property
    def active(self) -> bool:
        return bool(self.rules) or self.ledger is not None

    def add(self, path: str, facts: Facts | None, *, checked: bool = True) -> None:
        """A checked copy (its facts are None if it could not be read). ``checked=False``: a
        copy of the project that is compared with the checked ones but gets no findings."""
        if facts is None or not self.active:
            return
        key = bytes.fromhex(facts.digest)
        if not checked:
            if key in self._run or key in self._project:
                return
            self._project[key] = path
        else:
            self._project.pop(key, None)
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
            if self.ledger is None and len(self._run) + len(self._project) < 2:
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
        self.flush()
        if not self.rules or not self._run:
            return []
        if len(self._run) + len(self._project) + (self.ledger is not None) < 2:
            return []
        store = self._open()
        assert store is not None
        loaded = store.registry_size() > 0
        out: list[Finding] = []
        summaries: dict[Key, _Summary] = {}  # each key read once a run
        keys = sorted(self._run)
        for start in range(0, len(keys), 500):
            chunk = [key.hex() for key in keys[start : start + 500]]
            shared = store.shared(chunk)
            todo = {k for found in shared.values() for k in found if k not in summaries}
            if todo:
                summaries.update(self._summaries(store, todo))
            # every copy is checked against a loaded registry; else only the related ones
            own = store.records(chunk if loaded else [d for d in chunk if d in shared])
            rows = {}
            if loaded:
                rows = store.registry_rows(
                    r.facts.number.value for r in own.values() if r.facts.number
                )
            for digest in chunk:
                record = own.get(digest)
                if record is None:
                    continue
                facts = _Facts.of(record.facts)
                others = self._others(facts, shared.get(digest, ()), summaries)
                registry_row = rows.get(facts.number.value) if facts.number else None
                if not others and not loaded:
                    continue
                related = Related(others, registry_row, loaded)
                for path in self._paths(digest):
                    found = self._check(Copy(path, facts), related, ctx)
                    out += self.configure(path, found)
        out.sort()
        return out

    def _summaries(self, store: Ledger, keys: set[Key]) -> dict[Key, _Summary]:
        """Each key's copies as groups of the same facts: the first two copies of each group in
        the rules' order (this run's first, then by path) and how many there are. Only the
        copies kept are parsed into Facts."""
        found: dict[Key, dict[tuple, _Group]] = {}
        for key, member in store.members(keys):
            data = json.loads(member.facts)
            profile = _profile(data)
            groups = found.setdefault(key, {})
            group = groups.get(profile)
            if group is None:
                group = groups[profile] = _Group()
            group.count += 1
            rank = self._rank(member.digest, member.path, member.first_seen)
            if len(group.firsts) < 2 or rank < group.firsts[-1][0]:
                group.firsts = sorted([*group.firsts, (rank, data)], key=lambda f: f[0])[:2]
        parsed: dict[str, Other] = {}
        out: dict[Key, _Summary] = {}
        for key, groups in found.items():
            for group in groups.values():
                for rank, data in group.firsts:
                    digest = rank[3]
                    if digest not in parsed:
                        this_run = rank[0] == 0
                        project = this_run and bytes.fromhex(digest) in self._project
                        facts = _Facts.from_dict(data)
                        parsed[digest] = Other(rank[1], facts, rank[2], this_run, 1, project)
                    group.others.append(parsed[digest])
                group.firsts = []
            out[key] = _Summary(groups)
        return out

    def _rank(self, digest: str, stored: str, first_seen: str) -> tuple:
        """Where a copy stands in the order the rules see: this run's (and the project's)
        first, then by the path shown (see :func:`_order`)."""
        paths = self._paths(digest) or self._project_path(digest)
        if paths:
            return (0, paths[0], first_seen, digest)
        return (1, stored, first_seen, digest)

    def _others(
        self, facts: Facts, keys: Sequence[Key], summaries: dict[Key, _Summary]
    ) -> tuple[Other, ...]:
        """The copies related to this one, one for each distinct set of facts, in order."""
        mine = _profile(facts.as_dict()) if keys else ()
        lists = [summaries[key].without(mine, facts.digest) for key in keys if key in summaries]
        if len(lists) <= 1:
            return tuple(lists[0]) if lists else ()
        seen: dict[str, Other] = {}
        for others in lists:
            for other in others:
                seen.setdefault(other.facts.digest, other)
        return tuple(sorted(seen.values(), key=_order))

    def _paths(self, digest: str) -> tuple[str, ...]:
        """The paths a copy was checked under in this run, sorted (none: not checked here)."""
        known = self._run.get(bytes.fromhex(digest))
        if known is None:
            return ()
        return known if isinstance(known, tuple) else (known,)

    def _project_path(self, digest: str) -> tuple[str, ...]:
        path = self._project.get(bytes.fromhex(digest))
        return (path,) if path is not None else ()

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


@dataclass(slots=True)
class _Group:
    """The copies of one key with one set of facts: the first two in order, how many."""

    count: int = 0
    firsts: list = field(default_factory=list)  # (rank, facts as a dict) while reading
    others: list[Other] = field(default_factory=list)  # the first two, in order


class _Summary:
    """One key's copies, one Other for each distinct set of facts (counting its copies), in the
    rules' order."""

    __slots__ = ("groups", "index", "reps")

    def __init__(self, groups: dict[tuple, _Group]) -> None:
        self.groups = groups
        reps = []
        for group in groups.values():
            first = group.others[0]
            reps.append(replace(first, copies=group.count) if group.count > 1 else first)
        self.reps = sorted(reps, key=_order)
        at = {r.facts.digest: i for i, r in enumerate(self.reps)}
        self.index = {p: at[g.others[0].facts.digest] for p, g in groups.items()}

    def without(self, profile: tuple, digest: str) -> list[Other]:
        """The key's Others as a copy with this profile and digest sees them: its own group
        stands for the other copies with its facts (if any)."""
        at = self.index.get(profile)
        if at is None:
            return self.reps
        group = self.groups[profile]
        rest = [o for o in group.others if o.facts.digest != digest]
        if not rest:
            return self.reps[:at] + self.reps[at + 1 :]
        same = replace(rest[0], copies=group.count - 1)
        if rest[0] is group.others[0]:  # this copy is not the group's first: it keeps its place
            return [*self.reps[:at], same, *self.reps[at + 1 :]]
        return sorted([*self.reps[:at], *self.reps[at + 1 :], same], key=_order)


class _Facts(Facts):
    """The facts of a related copy, read by every copy it is related to: its company key is
    computed once."""

    @classmethod
    def of(cls, facts: Facts) -> _Facts:
        return cls(*(getattr(facts, f.name) for f in fields(Facts)))

    @functools.cached_property
    def company_key(self) -> str | None:  # type: ignore[override]
        return company_key(self.company.value) if self.company else None


def _profile(data: dict) -> tuple:
    """A copy's facts (``Facts.as_dict``, or as an older liclint stored them) without their
    positions and digest: two copies with the same profile look the same to any rule that
    compares values."""
    return (
        tuple(v[0] if v else None for v in (data.get(name) for name in _SINGLE)),
        tuple(f[0] for f in data.get("businesses") or ()),
        tuple(f[0] for f in data.get("domains") or ()),
        tuple(data.get("categories") or ()),
        data.get("prefix") or "",
    )


_LISTS = ("digest", "businesses", "domains", "categories", "prefix")
#: the facts that are one Fact each (number, company, …): every field of Facts but those above
_SINGLE = tuple(f.name for f in fields(Facts) if f.name not in _LISTS)


def _order(other: Other) -> tuple:
    """The order the rules see: this run's copies first, then by path."""
    return (not other.this_run, other.path, other.first_seen, other.facts.digest)


def _issued(facts: Facts):
    """The issue date of a copy, as a date (None: not read)."""
    import datetime as dt

    value = facts.issue.value if facts.issue else None
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None
