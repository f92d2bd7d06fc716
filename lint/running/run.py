"""The run: the one entry point that owns checking a batch of copies, for the command line and
the Python API alike.

:func:`run` discovers the files under the paths, reads them (text, PDF text layers, OCR),
checks them (in this process or on an executor, through the findings cache), cross-checks the
batch (and the ledger), hides what the baseline accepted, reports progress, and returns a
:class:`RunResult`: the findings, and per copy what the formats need. The formats render that
result; none reads or OCRs a copy again.

Views of it: :func:`check_files` streams each file's :class:`FileResult` as it is done (the
findings of one copy alone: no cross-copy findings, which need the whole batch);
:func:`lint_paths` returns :func:`run`'s findings; :func:`lint_text` checks one text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from liclint.across.cross import CrossCheck
from liclint.across.facts import Facts, facts_of
from liclint.checking.meta import Metadata
from liclint.checking.rule import Finding
from liclint.checking.runner import UNREADABLE, unreadable
from liclint.reading.files import (
    STDIN,
    ReadError,
    decode,
    discover,
    git_root,
    is_media,
    is_url,
    read_bytes,
)
from liclint.running import baseline as baselines
from liclint.running.cache import Cache, digest
from liclint.running.config import Settings, load_config
from liclint.running.linter import FileResult, Linter, linter_for, read_copy
from liclint.text.extract import parse_document
from liclint.text.model import Document

if TYPE_CHECKING:
    from concurrent.futures import Executor  # importing it pulls in logging: 5 ms

#: The name standard input is reported under.
STDIN_NAME = "<stdin>"

__all__ = [
    "FileResult",
    "RunResult",
    "check_files",
    "lint_paths",
    "lint_text",
    "parse_text",
    "project_root",
    "run",
]


@dataclass
class RunResult:
    """What a run found.

    ``copies``: every file checked, clean ones too, in file order, each a :class:`FileResult`
    with its own findings (and, with ``keep``, its text, page lines and document model);
    ``findings``: every finding of the run, cross-copy ones included, sorted, less those the
    baseline accepted (``hidden`` counts them); ``rules``: the rules that ran."""

    copies: list[FileResult]
    findings: list[Finding]
    rules: list[type[Metadata]]
    settings: Settings
    plugin_errors: list[str] = field(default_factory=list)
    hidden: int = 0

    @property
    def unreadable(self) -> list[FileResult]:
        """The files that could not be read (reported as LIC002 unless it is ignored)."""
        return [c for c in self.copies if c.unreadable]


def run(
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    executor: Executor | None = None,
    cache: str | os.PathLike | None = None,
    baseline: str | os.PathLike | None = None,
    keep: bool = False,
    progress: Callable[[FileResult], None] | None = None,
    recorded: Callable[[list[str]], None] | None = None,
    force_exclude: bool = False,
    respect_gitignore: bool = True,
) -> RunResult:
    """Check every file under ``paths`` and the batch across copies.

    ``settings`` choose the rules (default: the defaults); its ``ledger``, if any, is recorded
    into and checked against. ``executor`` checks batches of files in other processes or on a
    cluster; ``cache`` is a findings cache directory; ``baseline`` a baseline file:
    its findings are hidden (a ``BaselineError`` before anything is checked if it cannot be
    read). ``keep``: each
    copy's result holds its text, page lines and document model (for formats that show whole
    copies). ``progress`` is called with each file's result as it is done, ``recorded`` with
    the paths of each batch committed to the ledger. ``force_exclude``: the configured
    excludes apply to files named in ``paths`` too (and to the folders they are in), as ruff's
    ``--force-exclude``; ``respect_gitignore``: walks skip what git ignores.

    Inside a project (a configuration file's folder, else the top of a git work tree) the
    copies checked are also compared with the project's other copies (``settings``'
    ``project_batch``; see :func:`project_root`): the files its include and exclude select,
    read for their identity facts only, through the cache; they get no findings of their own.
    Raises ``LedgerError`` for a ledger that cannot be used."""
    settings = settings or Settings()
    linter = linter_for(settings)
    accepted = baselines.load(baseline) if baseline is not None else None
    copies: list[FileResult] = []
    findings: list[Finding] = []
    paths = list(paths)
    files = discover(
        paths,
        settings.include,
        settings.exclude,
        force_exclude=force_exclude,
        respect_gitignore=respect_gitignore,
        root=settings.root,
    )
    cross = CrossCheck(
        linter.cross_rules,
        linter.context(),
        settings.ledger,
        configure=linter.configure,
        recorded=recorded,
    )
    project = project_root(paths, settings) if cross.rules else None
    known = _ProjectFacts(linter, cache) if project is not None else None
    with cross:
        cross.open()
        for result in _stream(files, linter, executor, cache, keep):
            # a copy's facts serve the cross-check, done below: kept only when asked (memory
            # flat in the number of files)
            copies.append(result if keep else replace(result, facts=None))
            findings.extend(result.findings)
            cross.add(result.path, result.facts)
            if known is not None:
                known.checked(result)
            if progress is not None:
                progress(result)
        if known is not None and known.keys:  # a license was checked: compare it
            for path, facts in known.copies(project, respect_gitignore):
                cross.add(path, facts, checked=False)
        if known is not None:
            known.save()
        findings.extend(cross.findings())
    findings.sort()
    hidden = 0
    if accepted is not None:
        shown = baselines.hide(findings, accepted, baseline)
        hidden = len(findings) - len(shown)
        findings = shown
    return RunResult(copies, findings, linter.rule_classes, settings, linter.plugin_errors, hidden)


def check_files(
    paths: Iterable[str],
    *,
    as_of: dt.date | None = None,
    config: Settings | str | os.PathLike | None = None,
    executor: Executor | None = None,
    cache: str | os.PathLike | None = None,
    batch_size: int = 64,
) -> Iterator[FileResult]:
    """Each file's :class:`FileResult`, in file order, as it is done: a stream, so memory stays
    flat in the number of files (a bounded number of batches is in flight at once). The
    findings are each copy's own: the cross-copy findings need the whole batch (:func:`run`).

    ``executor`` (a ``ProcessPoolExecutor``, Dask's ``Client.get_executor()``…) checks batches
    of ``batch_size`` files; without one they are checked in this process. ``cache`` is a cache
    directory (:mod:`liclint.running.cache`): files whose bytes were checked before under the same
    settings are not checked again."""
    linter = linter_for(_settings(config, as_of))
    return _stream(linter.files(list(paths)), linter, executor, cache, False, batch_size)


def lint_paths(
    paths: Iterable[str],
    *,
    as_of: dt.date | None = None,
    config: Settings | str | os.PathLike | None = None,
    executor: Executor | None = None,
    ledger: str | None = None,
) -> list[Finding]:
    """Every finding of :func:`run` on ``paths``, in file order: each file's findings and the
    cross-copy findings, which compare the files with each other and, with ``ledger`` (a SQLite
    file or a database URL; default: the configuration's ``ledger``), with every copy it
    recorded before and its registry snapshot; the files are recorded in it. Unreadable files
    are LIC002 findings."""
    settings = _settings(config, as_of).override("argument", ledger=ledger)
    result = run(paths, settings, executor=executor)
    order = {c.path: i for i, c in enumerate(result.copies)}
    return sorted(result.findings, key=lambda f: (order.get(f.path, len(order)), f))


def lint_text(
    text: str,
    *,
    path: str = "<text>",
    as_of: dt.date | None = None,
    config: Settings | str | os.PathLike | None = None,
) -> list[Finding]:
    """The findings of one license copy given as text, sorted by position."""
    return linter_for(_settings(config, as_of)).check_text(text, path)


def parse_text(text: str, *, path: str = "<text>") -> Document:
    """The document model of a license copy's text (fields with their lines and columns)."""
    return parse_document(path, text)


def _settings(config: Settings | str | os.PathLike | None, as_of: dt.date | None) -> Settings:
    if config is None:
        settings = Settings()
    elif isinstance(config, Settings):
        settings = config
    else:
        settings = load_config(config)
    return settings.override("argument", as_of=as_of)


# -- checking files, in this process or on an executor, through the cache -------------------------


def _stream(files, linter: Linter, executor, cache, keep: bool, batch_size: int = 64):
    store = Cache(cache, linter.cache_key()) if cache is not None else None
    path_matters = bool(linter.settings.per_file_ignores)
    in_flight: deque = deque()
    limit = 2 * _workers(executor)
    files = iter(files)
    parallel = False
    try:
        while chunk := list(itertools.islice(files, batch_size)):
            # a run that fits in one batch stays in this process: no pool start-up for one file
            parallel = parallel or (executor is not None and len(chunk) == batch_size)
            use = executor if parallel else None
            in_flight.append(_start(chunk, linter, use, store, path_matters, keep))
            while len(in_flight) > (limit if executor is not None else 0):
                yield from _finish(in_flight.popleft(), store, keep)
        while in_flight:
            yield from _finish(in_flight.popleft(), store, keep)
    finally:
        if store is not None:
            store.save()


def _check_batch(settings: Settings, batch: list[tuple[str, bytes | None]], keep: bool):
    """Check a batch of files in a worker (the unit of work sent to a pool or a cluster). The
    document model is not sent back: it is parsed again from the text where it is needed."""
    linter = linter_for(settings)
    results = [linter.check_path(path, data, keep) for path, data in batch]
    return [replace(r, document=None) for r in results] if keep else results


def _workers(executor) -> int:
    """How many workers an executor has: a process pool's, a Dask cluster's (its threads)."""
    count = getattr(executor, "_max_workers", None)
    client = getattr(executor, "_client", None)
    if not count and client is not None:
        with contextlib.suppress(Exception):
            count = len(client.nthreads())
    return max(count or 4, 1)


def _start(chunk, linter: Linter, executor, store, path_matters: bool, keep: bool):
    """Look a chunk's files up in the cache and start checking the others."""
    slots: list[FileResult | tuple[str, str | None]] = []
    todo: list[tuple[str, bytes | None]] = []
    for path in chunk:
        if path == STDIN:  # standard input belongs to this process, never to a worker
            slots.append(_stdin(linter.check_path(path, keep=keep)))
            continue
        data = key = None
        if store is not None:
            try:
                _, data = read_bytes(path, linter.settings.max_size)
            except ReadError:
                data = None  # reported by the check itself
            else:
                key = digest(data, path if path_matters else "")
                hit = store.get(key, path)
                if hit is not None:
                    slots.append(_cached(path, hit, data, linter, keep))
                    continue
        slots.append((path, key))
        todo.append((path, data))
    if not todo:
        pending = []
    elif executor is None:
        pending = [linter.check_path(path, data, keep) for path, data in todo]
    else:
        # a worker may run in another directory: it gets absolute paths, the report keeps the
        # user's spelling (_finish)
        todo = [(p if is_url(p) else os.path.abspath(p), data) for p, data in todo]
        pending = executor.submit(_check_batch, linter.settings, todo, keep)
    return slots, pending


def _cached(path: str, hit, data: bytes, linter: Linter, keep: bool) -> FileResult:
    """A file's result from the cache; with ``keep``, its text from the bytes already read (a
    text file) or from the cache (a PDF or an image: what was read off it is stored)."""
    findings, facts, copy = hit
    if not keep:  # nothing read: no pages
        return FileResult(path, findings, facts=facts, is_license=facts is not None)
    if copy is not None:
        text, media = copy
    elif not is_media(data):
        text, media = decode(data, path), None
    else:  # an entry written without the text: read it once more
        _, text, media = read_copy(path, linter.settings, data)
    doc = parse_document(path, text)
    doc.media = media
    return FileResult(path, findings, False, 0, facts, text, media, doc, facts is not None)


def _finish(started, store, keep: bool) -> Iterator[FileResult]:
    slots, pending = started
    results = iter(pending if isinstance(pending, list) else pending.result())
    for slot in slots:
        if isinstance(slot, FileResult):
            yield slot
            continue
        path, key = slot
        result = next(results)
        if result.path != path:
            result = _renamed(result, path)
        if store is not None and key is not None and not result.unreadable:
            copy = (result.text, result.media) if result.media is not None else None
            store.put(key, result.findings, result.facts, copy)
        if keep and result.document is None and result.text is not None:
            doc = parse_document(result.path, result.text)
            doc.media = result.media
            result = replace(result, document=doc)
        yield result


def _stdin(result: FileResult) -> FileResult:
    """Standard input's result under its name, ``<stdin>``, also when it could not be read."""
    if result.path != STDIN:
        return result
    findings = [
        unreadable(STDIN_NAME, f.message.removeprefix(f"{STDIN_NAME}: "))
        if f.code == UNREADABLE
        else replace(f, path=STDIN_NAME)
        for f in result.findings
    ]
    return replace(result, path=STDIN_NAME, findings=findings)


def _renamed(result: FileResult, path: str) -> FileResult:
    """A worker's result under the path the user gave (not the absolute one sent)."""
    findings = [
        unreadable(path, f.message) if f.code == UNREADABLE else replace(f, path=path)
        for f in result.findings
    ]
    return replace(result, path=path, findings=findings)


# -- the project as the batch ---------------------------------------------------------------------


def project_root(paths: Iterable[str], settings: Settings) -> Path | None:
    """The project the checked copies belong to, whose other copies join the cross-check: the
    configuration file's folder, else the top of the git work tree the first path (or the
    working directory) is in; None when ``project_batch`` is off or there is none."""
    if not settings.project_batch:
        return None
    local = [p for p in paths if p != STDIN and not is_url(p)]
    if settings.root is not None:
        root = Path(os.path.abspath(settings.root))
        return None if _covers(local, root) else root
    if not local and any(is_url(p) for p in paths):
        return None  # copies in object storage belong to no local project
    top = git_root(local[0] if local else os.curdir)
    root = Path(top) if top is not None else None
    return None if root is not None and _covers(local, root) else root


def _covers(paths: list[str], root: Path) -> bool:
    """Whether the paths checked hold the whole project (``liclint check .`` at its top): then
    every copy of the project is in the run, and there is no other copy to compare with."""
    for path in paths:
        folder = Path(os.path.abspath(path))
        if folder == root or root.is_relative_to(folder):
            return True
    return False


class _ProjectFacts:
    """The identity facts of the project's copies, kept in the cache folder by the digest of
    each file's bytes under a key of their own: they depend on liclint's reading of a copy, not
    on the rules, the options or the as-of date, so every run (and every day) shares them. A
    text copy not seen before is parsed (no rule runs); a PDF or an image joins once a run has
    checked it (the project batch never OCRs)."""

    def __init__(self, linter: Linter, cache) -> None:
        self.linter = linter
        self.store = Cache(cache, _facts_key(linter.settings)) if cache is not None else None
        self.done: set[str] = set()  # the files checked in this run, as absolute paths
        self.keys: set[tuple[str, str]] = set()  # their numbers, companies and domains

    def checked(self, result: FileResult) -> None:
        if result.path != STDIN_NAME and not is_url(result.path):
            self.done.add(os.path.abspath(result.path))
        if result.facts is not None:
            self.keys.update(_keys(result.facts))
            if self.store is not None:
                self.store.put(result.facts.digest, [], result.facts)

    def copies(self, root: Path, respect_gitignore: bool) -> Iterator[tuple[str, Facts]]:
        """The project's copies (path, facts) not checked in this run that share a number, a
        company or a domain with one that was."""
        settings = self.linter.settings
        top = str(root)
        with contextlib.suppress(ValueError):  # shown relative to the working directory
            relative = os.path.relpath(root)
            top = top if relative.startswith(os.pardir) else relative
        for path in discover(
            [top], settings.include, settings.exclude, respect_gitignore=respect_gitignore
        ):
            if os.path.abspath(path) in self.done:
                continue
            shown = path[2:] if path.startswith("./") else path
            try:
                found, facts = self._facts(shown)
            except Exception:  # a copy of the project never fails the run
                continue
            if found and facts is not None and not self.keys.isdisjoint(_keys(facts)):
                yield shown, facts  # related to a checked copy: the others change nothing

    def _facts(self, path: str) -> tuple[bool, Facts | None]:
        try:
            _, data = read_bytes(path, self.linter.settings.max_size)
        except ReadError:
            return False, None
        key = digest(data)
        hit = self.store.get(key, path) if self.store is not None else None
        if hit is not None:
            return True, hit[1]
        if is_media(data):
            return False, None
        doc = parse_document(path, decode(data, path))
        facts = facts_of(doc, key) if doc.is_license else None
        if self.store is not None:
            self.store.put(key, [], facts)
        return True, facts

    def save(self) -> None:
        if self.store is not None:
            self.store.save()


def _keys(facts: Facts) -> list[tuple[str, str]]:
    """What relates a copy to others: its number, its company, each of its domains."""
    keys = [("domain", d.value) for d in facts.domains]
    if facts.number is not None:
        keys.append(("number", facts.number.value))
    if facts.company_key:
        keys.append(("company", facts.company_key))
    return keys


def _facts_key(settings: Settings) -> str:
    """The cache key of the project's facts: liclint's version, the OCR engine and the modules
    that read a copy (their size and time, so that an edited checkout is not served stale)."""
    import sys

    from liclint import __version__

    stamps = []
    for name in ("liclint.text.extract", "liclint.text.model", "liclint.across.facts"):
        source = getattr(sys.modules.get(name), "__file__", None)
        with contextlib.suppress(OSError, TypeError):
            info = os.stat(source)
            stamps.append(f"{name}@{info.st_size}:{info.st_mtime_ns}")
    return digest("project-facts", __version__, settings.ocr_engine, *stamps)
