"""The ledger: every license copy liclint has checked, and the registry snapshots it was given.

A ledger is a SQLite file (the default: a path) or a database a team shares (a URL:
``sqlite:///…``, ``postgresql://user@host/db``), used through SQLAlchemy Core, one code path for
both. It holds:

- ``copies``: one record per copy (by the digest of its bytes: the same copy checked twice is one
  record), with its identity facts (:mod:`liclint.across.facts`), the absolute path it was last checked
  under and when it was first and last seen; ``copy_paths``: every path it was checked under;
  ``copy_domains``: the website domains of each copy, for lookups;
- ``registry``: rows imported from an export of the licensing registry (one per license number);
- ``liclint_meta``: the schema version. An older ledger is upgraded when opened (the migrations
  below, in order, each in a transaction); a newer one is refused.

Writes are batched, each batch one transaction, retried when another writer holds the database
(SQLite in WAL mode with a busy timeout; PostgreSQL row locks), so concurrent runs on one ledger
are safe and a killed run leaves every committed batch. SQL goes through bound parameters only.
A new SQLite file is created readable by its owner only. A password in a URL is never printed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from liclint.across import LedgerError, redact
from liclint.across.facts import Facts, company_key
from liclint.across.registry import parse_number, read_registry
from liclint.across.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    copies,
    copy_domains,
    copy_paths,
    meta,
    registry,
)

_CHUNK = 500  # rows per IN (…) list and per write batch


@dataclass(frozen=True, slots=True)
class Record:
    """A copy as the ledger knows it."""

    path: str
    first_seen: str  # ISO 8601, UTC
    last_seen: str
    facts: Facts


#: What relates two copies: ("number", the normalised number), ("company", its company_key) or
#: ("domain", a website domain).
Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Member:
    """A copy holding a key, as :meth:`Ledger.members` reads it: its facts not parsed yet."""

    digest: str
    path: str
    first_seen: str
    facts: str  # JSON


@dataclass(frozen=True, slots=True)
class RegistryRow:
    """A license as a registry snapshot lists it."""

    number: str
    company: str
    issue: str | None
    expiry: str | None
    status: str  # one of registry.STATUSES
    authority: str | None
    scope: str | None
    source: str  # "registry.csv:12": the file and row it was imported from


def _url(target: str) -> URL:
    if "://" not in target:
        return URL.create("sqlite", database=target)
    try:
        url = sa.make_url(target)
    except Exception:
        raise LedgerError(f"ledger {redact(target)}: not a database URL") from None
    if url.drivername == "postgres":  # the old alias many hosting services still print
        url = url.set(drivername="postgresql")
    backend = url.get_backend_name()
    if backend == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # psycopg 3, from liclint[postgres]
    if backend not in ("sqlite", "postgresql"):
        raise LedgerError(
            f"ledger {redact(target)}: a ledger is a SQLite file or a PostgreSQL database, "
            f"not {backend}"
        )
    return url


class Ledger:
    """An open ledger. ``target`` is a path (SQLite) or a database URL. ``create=False`` refuses
    a SQLite file that does not exist yet (the read-only commands)."""

    def __init__(self, target: str, *, create: bool = True) -> None:
        self.name = redact(target)
        self.url = _url(target)
        self._secret = self.url.password
        if self.url.get_backend_name() == "sqlite":
            self.engine = self._sqlite(create)
        else:
            self.engine = self._postgres()
        self._writer = self.engine.execution_options(immediate=True)
        with self._errors():
            self._migrate()

    # -- opening ---------------------------------------------------------------------------------

    def _sqlite(self, create: bool) -> Engine:
        path = self.url.database or ""
        if path in ("", ":memory:"):
            raise LedgerError(f"ledger {self.name}: a SQLite ledger is a file")
        if not os.path.exists(path):
            if not create:
                raise LedgerError(f"ledger {self.name}: no such file")
            try:
                # readable by its owner only: it holds merchants' personal data
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            except FileExistsError:
                pass  # another run created it a moment ago
            except OSError as exc:
                raise LedgerError(f"ledger {self.name}: cannot create: {exc.strerror}") from None
        engine = sa.create_engine(self.url, connect_args={"timeout": 60})

        @sa.event.listens_for(engine, "connect")
        def _connect(dbapi, _record) -> None:
            dbapi.isolation_level = None  # transactions are begun below, as SQLAlchemy advises
            cursor = dbapi.cursor()
            cursor.execute("PRAGMA busy_timeout = 60000")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            # a writer takes the write lock first, so two writers queue instead of deadlocking
            immediate = conn.get_execution_options().get("immediate")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    def _postgres(self) -> Engine:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise LedgerError(
                f"ledger {self.name}: a PostgreSQL ledger needs psycopg: "
                "pip install 'liclint[postgres]'"
            ) from None
        return sa.create_engine(self.url, pool_pre_ping=True)

    def _migrate(self) -> None:
        with self._transaction() as conn:
            if conn.dialect.name == "postgresql":  # one migrating process at a time
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7417100)"))
            meta.create(conn, checkfirst=True)
            found = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema")).scalar()
            version = int(found) if found is not None else 0
            if version > SCHEMA_VERSION:
                raise LedgerError(
                    f"ledger {self.name}: its schema version {version} is newer than this "
                    f"liclint's ({SCHEMA_VERSION}); upgrade liclint to use it"
                )
            for migration in MIGRATIONS[version:]:
                migration(conn)
            if version < SCHEMA_VERSION:
                if found is None:
                    conn.execute(meta.insert().values(key="schema", value=str(SCHEMA_VERSION)))
                else:
                    conn.execute(
                        meta.update()
                        .where(meta.c.key == "schema")
                        .values(value=str(SCHEMA_VERSION))
                    )

    def schema_version(self) -> int:
        with self._errors(), self.engine.connect() as conn:
            return int(conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema")).scalar())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions and errors -----------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Connection]:
        with self._writer.begin() as conn:
            yield conn

    def _write(self, work: Callable[[Connection], Any]) -> Any:
        """Run ``work`` in one write transaction, again if another writer got in the way."""
        for attempt in range(8):
            try:
                with self._errors(retry=True), self._transaction() as conn:
                    return work(conn)
            except _Busy:
                time.sleep(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
        with self._errors(), self._transaction() as conn:  # the last try reports its error
            return work(conn)

    @contextlib.contextmanager
    def _errors(self, retry: bool = False) -> Iterator[None]:
        """Database errors as one-line LedgerErrors (no SQL, no parameters, no password)."""
        try:
            yield
        except sa.exc.DBAPIError as exc:
            if retry and _busy(exc):
                raise _Busy from None
            raise LedgerError(f"ledger {self.name}: {self._clean(exc.orig)}") from None
        except sa.exc.SQLAlchemyError as exc:
            raise LedgerError(f"ledger {self.name}: {self._clean(exc)}") from None

    def _clean(self, exc: BaseException | None) -> str:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if self._secret:
            text = text.replace(self._secret, "***")
        return text

    # -- copies ----------------------------------------------------------------------------------

    def record(self, items: Sequence[tuple[str, Facts]], when: str | None = None) -> None:
        """Record copies (path, facts) in one transaction; a copy recorded before (the same
        digest) gets the new path (unless it came from standard input) and last-seen time.
        Local paths are recorded as absolute paths."""
        if not items:
            return
        when = when or now()
        by_digest = {facts.digest: (stored_path(path), facts) for path, facts in items}
        # in digest order: two writers lock rows in the same order (no deadlock on PostgreSQL)
        rows = [_copy_row(*by_digest[digest], when) for digest in sorted(by_digest)]

        def work(conn: Connection) -> None:
            insert = _insert(conn)(copies)
            conn.execute(
                insert.on_conflict_do_update(
                    index_elements=[copies.c.digest],
                    set_={
                        # a copy piped in (<stdin>) keeps the path it was known by
                        "path": sa.case(
                            (insert.excluded.path.startswith("<"), copies.c.path),
                            else_=insert.excluded.path,
                        ),
                        "last_seen": insert.excluded.last_seen,
                    },
                ),
                rows,
            )
            ids = conn.execute(
                sa.select(copies.c.digest, copies.c.id).where(copies.c.digest.in_(by_digest))
            ).all()
            links = [
                {"copy_id": copy_id, "domain": domain}
                for digest, copy_id in ids
                for domain in {d.value for d in by_digest[digest][1].domains}
            ]
            if links:
                conn.execute(_insert(conn)(copy_domains).on_conflict_do_nothing(), links)
            paths = [{"copy_id": copy_id, "path": by_digest[digest][0]} for digest, copy_id in ids]
            conn.execute(_insert(conn)(copy_paths).on_conflict_do_nothing(), paths)

        self._write(work)

    def records(self, digests: Iterable[str]) -> dict[str, Record]:
        """The records of these digests (those the ledger has)."""
        out: dict[str, Record] = {}
        with self._errors(), self.engine.connect() as conn:
            for chunk in _chunks(list(digests)):
                rows = conn.execute(sa.select(copies).where(copies.c.digest.in_(chunk)))
                out.update((r.digest, _record(r)) for r in rows)
        return out

    def shared(self, digests: Sequence[str]) -> dict[str, list[Key]]:
        """For each of the copies ``digests`` that shares a license number, a company or a
        website domain with another copy of the ledger: those keys (``("number", "浙B2-…")``,
        ``("company", key)``, ``("domain", "example.cn")``). Three grouped queries a chunk;
        nothing is read of the copies that share nothing."""
        out: dict[str, list[Key]] = {}
        c, d = copies, copy_domains
        sources = (
            ("number", c.c.number, c),
            ("company", c.c.company_key, c),
            ("domain", d.c.domain, c.join(d, d.c.copy_id == c.c.id)),
        )
        with self._errors(), self.engine.connect() as conn:
            for chunk in _chunks(list(digests)):
                for kind, column, source in sources:
                    mine = sa.select(column).select_from(source).where(c.c.digest.in_(chunk))
                    many = sa.select(column).select_from(source).where(column.in_(mine))
                    many = many.group_by(column).having(sa.func.count() > 1)
                    query = sa.select(c.c.digest, column).select_from(source)
                    query = query.where(c.c.digest.in_(chunk), column.in_(many))
                    for digest, value in conn.execute(query):
                        out.setdefault(digest, []).append((kind, value))
        for keys in out.values():
            keys.sort()
        return out

    def members(self, keys: Iterable[Key]) -> Iterator[tuple[Key, Member]]:
        """Every copy holding one of ``keys`` (as :meth:`shared` names them), as (key, member),
        a member being the copy's digest, path, first-seen time and its facts as stored (JSON
        text, parsed by the caller only for the copies it keeps)."""
        wanted: dict[str, set[str]] = {}
        for kind, value in keys:
            wanted.setdefault(kind, set()).add(value)
        c, d = copies, copy_domains
        columns = (c.c.digest, c.c.path, c.c.first_seen, c.c.facts)
        sources = (
            ("number", c.c.number, c),
            ("company", c.c.company_key, c),
            ("domain", d.c.domain, c.join(d, d.c.copy_id == c.c.id)),
        )
        with self._errors(), self.engine.connect() as conn:
            for kind, column, source in sources:
                for chunk in _chunks(sorted(wanted.get(kind, ()))):
                    query = sa.select(column, *columns).select_from(source)
                    for value, *member in conn.execute(query.where(column.in_(chunk))):
                        yield (kind, value), Member(*member)

    # -- the registry ----------------------------------------------------------------------------

    def registry_size(self) -> int:
        with self._errors(), self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(registry)).scalar() or 0

    def registry_rows(self, numbers: Iterable[str]) -> dict[str, RegistryRow]:
        out: dict[str, RegistryRow] = {}
        with self._errors(), self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(numbers))):
                for r in conn.execute(sa.select(registry).where(registry.c.number.in_(chunk))):
                    out[r.number] = _registry_row(r)
        return out

    def import_registry(self, source: str | list[dict[str, Any]]) -> dict[str, int]:
        """Load a registry CSV (a path, or the rows :func:`read_registry` read from one) in one
        transaction: every row or none. Rows are keyed by license number; importing the same
        file again changes nothing. Returns counts: rows, added, changed, unchanged."""
        rows = read_registry(source) if isinstance(source, str) else source

        def work(conn: Connection) -> dict[str, int]:
            old = {}
            for chunk in _chunks([r["number"] for r in rows]):
                query = sa.select(registry).where(registry.c.number.in_(chunk))
                old.update((r.number, r._asdict()) for r in conn.execute(query))
            changed = [r for r in rows if r["number"] in old and _differs(old[r["number"]], r)]
            added = [r for r in rows if r["number"] not in old]
            if added:
                conn.execute(registry.insert(), added)
            for r in changed:
                conn.execute(registry.update().where(registry.c.number == r["number"]), r)
            return {
                "rows": len(rows),
                "added": len(added),
                "changed": len(changed),
                "unchanged": len(rows) - len(added) - len(changed),
            }

        return self._write(work)

    # -- commands --------------------------------------------------------------------------------

    def show(self, number: str | None = None, company: str | None = None) -> list[dict]:
        """Copies and registry rows (all, or those of a license number, written in any form the
        grammar reads, and/or of companies whose name contains ``company``)."""
        out: list[dict] = []
        c, g = copies, registry
        cq, gq = sa.select(c).order_by(c.c.number, c.c.path), sa.select(g).order_by(g.c.number)
        if number:
            key = number_key(number)
            cq, gq = cq.where(c.c.number == key), gq.where(g.c.number == key)
        if company:  # a part of the name is enough: 赤焰 finds 杭州赤焰数码科技有限公司
            key = company_key(company)
            cq = cq.where(c.c.company_key.contains(key, autoescape=True))
            gq = gq.where(g.c.company_key.contains(key, autoescape=True))
        with self._errors(), self.engine.connect() as conn:
            for r in conn.execute(cq):
                facts = json.loads(r.facts)
                out.append(
                    {
                        "kind": "copy",
                        "path": r.path,
                        "number": r.number,
                        "company": r.company,
                        "legal_representative": r.legal_representative,
                        "issue": r.issue,
                        "expiry": r.expiry,
                        "authority": r.authority,
                        "businesses": [b[0] for b in facts.get("businesses", ())],
                        "domains": [d[0] for d in facts.get("domains", ())],
                        "watermark": r.watermark,
                        "digest": r.digest,
                        "first_seen": r.first_seen,
                        "last_seen": r.last_seen,
                    }
                )
            for r in conn.execute(gq):
                out.append(
                    {
                        "kind": "registry",
                        "path": r.source,
                        "number": r.number,
                        "company": r.company,
                        "issue": r.issue,
                        "expiry": r.expiry,
                        "authority": r.authority,
                        "status": r.status,
                        "scope": r.scope,
                        "row": r.row,
                    }
                )
        return out

    def forget(self, path: str | None = None, number: str | None = None) -> int:
        """Delete the copies checked under ``path`` (under any spelling of it: as given, or
        absolute; a copy checked under several paths goes whole), or every copy of the license
        ``number``. Registry rows stay: they are the registry's public data, replaced by the next
        import. Returns how many copies were deleted."""
        c = copies

        def work(conn: Connection) -> int:
            if path is not None:
                names = {path, stored_path(path)}
                ids = sa.select(copy_paths.c.copy_id).where(copy_paths.c.path.in_(names))
                where = sa.or_(c.c.id.in_(ids), c.c.path.in_(names))
            else:
                where = c.c.number == number_key(number or "")
            doomed = [row.id for row in conn.execute(sa.select(c.c.id).where(where))]
            for chunk in _chunks(doomed):
                conn.execute(copy_domains.delete().where(copy_domains.c.copy_id.in_(chunk)))
                conn.execute(copy_paths.delete().where(copy_paths.c.copy_id.in_(chunk)))
                conn.execute(c.delete().where(c.c.id.in_(chunk)))
            return len(doomed)

        gone = self._write(work)
        # deleted data must not linger in the SQLite file's free pages
        if gone and self.url.get_backend_name() == "sqlite":
            with self._errors():
                raw = self.engine.raw_connection()  # VACUUM runs outside a transaction
                try:
                    raw.cursor().execute("VACUUM")
                finally:
                    raw.close()
        return gone

    def stats(self) -> dict[str, Any]:
        c, g = copies, registry
        with self._errors(), self.engine.connect() as conn:

            def one(query):
                return conn.execute(query).scalar()

            statuses = dict(
                conn.execute(sa.select(g.c.status, sa.func.count()).group_by(g.c.status)).all()
            )
            return {
                "ledger": self.name,
                "schema": SCHEMA_VERSION,
                "copies": one(sa.select(sa.func.count()).select_from(c)) or 0,
                "numbers": one(sa.select(sa.func.count(sa.distinct(c.c.number)))) or 0,
                "companies": one(sa.select(sa.func.count(sa.distinct(c.c.company_key)))) or 0,
                "first_seen": one(sa.select(sa.func.min(c.c.first_seen))),
                "last_seen": one(sa.select(sa.func.max(c.c.last_seen))),
                "registry": one(sa.select(sa.func.count()).select_from(g)) or 0,
                "registry_statuses": {k: statuses[k] for k in sorted(statuses)},
            }

    def integrity(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` ("ok"), or "ok" for a server database."""
        if self.url.get_backend_name() != "sqlite":
            return "ok"
        with self._errors(), self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA integrity_check").scalar()


class _Busy(Exception):
    """Another writer holds the database: try the transaction again."""


def _busy(exc: sa.exc.DBAPIError) -> bool:
    text = str(exc.orig).lower()
    code = getattr(exc.orig, "sqlstate", None)
    return (
        "database is locked" in text
        or "database is busy" in text
        or code in ("40001", "40P01")  # PostgreSQL: serialization failure, deadlock
    )


def stored_path(path: str) -> str:
    """A path as the ledger records it: absolute for a local file, as it is for a URL or for
    standard input (``<stdin>``)."""
    if path.startswith("<") or "://" in path:
        return path
    return os.path.abspath(path)


def number_key(text: str) -> str:
    """A license number as the ledger keys it (the normalised form), whatever its spelling."""
    return parse_number(text) or text.strip()


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _insert(conn: Connection):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _value(fact) -> str | None:
    return fact.value if fact is not None else None


def _copy_row(path: str, facts: Facts, when: str) -> dict[str, Any]:
    return {
        "digest": facts.digest,
        "path": path,
        "first_seen": when,
        "last_seen": when,
        "number": _value(facts.number),
        "company": _value(facts.company),
        "company_key": facts.company_key,
        "legal_representative": _value(facts.legal_representative),
        "issue": _value(facts.issue),
        "expiry": _value(facts.expiry),
        "authority": _value(facts.authority),
        "watermark": _value(facts.watermark),
        "facts": json.dumps(facts.as_dict(), ensure_ascii=False, sort_keys=True),
    }


def _record(row) -> Record:
    return Record(row.path, row.first_seen, row.last_seen, _facts(row.facts))


def _facts(text: str) -> Facts:
    return Facts.from_dict(json.loads(text))


def _registry_row(r) -> RegistryRow:
    return RegistryRow(
        r.number,
        r.company,
        r.issue,
        r.expiry,
        r.status,
        r.authority,
        r.scope,
        f"{r.source}:{r.row}",
    )


def _differs(old: dict, new: dict) -> bool:
    return any(old.get(k) != v for k, v in new.items() if k not in ("source", "row"))
