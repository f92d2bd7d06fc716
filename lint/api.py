"""The Python API: lint license copies from a service or a batch job. The CLI is a layer over it.

    import liclint

    findings = liclint.lint_text(text, path="upload-123.txt", as_of=datetime.date(2025, 6, 1))
    for f in findings:
        print(f.line, f.code, f.message)

    findings = liclint.lint_paths(["archive/"], config="liclint.toml")
    doc = liclint.parse_text(text)  # the document model: number, company, dates, scope…

``config`` is a :class:`Settings` object, the path of a configuration file, or ``None`` for the
defaults (the API does not search for configuration files; :func:`find_config` does). Settings
and findings are picklable, so :func:`lint_paths` runs the files on any ``concurrent.futures``
executor (a process pool, or a distributed map with the same interface).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .cache import Cache, digest
from .config import ConfigError, Settings, load_config
from .cross import CrossCheck, CrossRule
from .extract import parse_document
from .facts import Facts, facts_of
from .model import Document
from .plugins import load
from .reading import (
    STDIN,
    ReadError,
    decode,
    discover,
    is_media,
    is_url,
    matches,
    read_bytes,
)
from .rule import Context, Finding, Rule, Severity, fingerprint
from .runner import UNREADABLE, lint

if TYPE_CHECKING:
    from concurrent.futures import Executor  # importing it pulls in logging: 5 ms

__all__ = [
    "ConfigError",
    "FileResult",
    "Linter",
    "Settings",
    "lint_paths",
    "lint_text",
    "linter_for",
    "parse_text",
]


@dataclass(frozen=True, slots=True)
class FileResult:
    """The findings of one file, and whether it could be read at all."""

    path: str
    findings: list[Finding]
    unreadable: bool = False
    pages: int = 0  # pages read from a PDF or an image (0 for text)
    facts: Facts | None = None  # the copy's identity facts, for the cross-copy rules and ledger


class Linter:
    """The rules of a run, chosen and configured by :class:`Settings`, ready to check files.

    Building one loads the plugins and checks the settings against their rules (a
    :class:`ConfigError` for a code or option that does not exist). ``plugin_errors`` lists
    plugins that could not be loaded; the other rules still run.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings = settings or Settings()
        registry = load(modules=settings.plugins)
        self.plugin_errors: list[str] = registry.errors
        self.registry = registry
        options = {n: o.default for r in registry.rules for n, o in r.options.items()}
        try:
            settings.validate([r.code for r in registry.rules], options)
        except ConfigError as exc:
            if not registry.errors:
                raise
            # the rule or option may belong to the plugin that did not load: say both
            raise ConfigError(f"{'; '.join(registry.errors)}; then: {exc}") from None
        selected = registry.select(settings.select, settings.ignore)
        if settings.extend_select:
            have = {type(r) for r in selected}
            selected += [
                r()
                for r in registry.rules
                if r not in have
                and r.code.startswith(tuple(settings.extend_select))
                and not r.code.startswith(tuple(settings.ignore))
            ]
            selected.sort(key=lambda r: r.code)
        self.rules: list[Rule] = [r for r in selected if not isinstance(r, CrossRule)]
        self.cross_rules: list[CrossRule] = [r for r in selected if isinstance(r, CrossRule)]
        self._levels = [(code.upper(), Severity(level)) for code, level in settings.severity]
        self._options = dict(settings.options)

    @property
    def rule_classes(self) -> list[type[Rule]]:
        return sorted((type(r) for r in (*self.rules, *self.cross_rules)), key=lambda r: r.code)

    def context(self) -> Context:
        return Context(self.settings.as_of or dt.date.today(), self._options)

    def check_text(self, text: str, path: str = "<text>", media=None) -> list[Finding]:
        """The findings of one copy's text, as configured (per-file ignores, severities).
        ``media``: for text extracted from a PDF or an image, where each line came from."""
        return self._check(text, path, media)[0]

    def _check(self, text: str, path: str, media) -> tuple[list[Finding], Document]:
        doc = parse_document(path, text)
        doc.media = media
        return self.configure(path, lint(doc, self.rules, self.context())), doc

    def check_path(self, path: str, data: bytes | None = None) -> FileResult:
        """Read (unless ``data`` holds the file's bytes) and check one file; a file that cannot
        be read is one LIC002 finding."""
        try:
            if data is None:
                path, data = read_bytes(path, self.settings.max_size)
            name, text, media = read_copy(path, self.settings, data)
        except ReadError as exc:
            reason = str(exc).removeprefix(f"{path}: ")
            return FileResult(path, [unreadable(path, reason)], True)
        pages = media[-1].page if media else 0
        findings, doc = self._check(text, name, media)
        facts = facts_of(doc, digest(data)) if doc.is_license else None
        return FileResult(name, findings, pages=pages, facts=facts)

    def cache_key(self) -> str:
        """A digest of everything besides a file's content that changes its findings."""
        from . import __version__
        from .plugins import installed_plugins

        plugins = sorted(
            f"{name}={dist}-{version}" for name, _, dist, version in installed_plugins()
        )
        facts = {
            "version": __version__,
            "plugins": plugins,
            "modules": list(self.settings.plugins),
            # the code of every rule that runs (an edited plugin must not be served stale results)
            "rules": [_code_stamp(type(r)) for r in self.rules],
            "options": sorted((k, repr(v)) for k, v in self._options.items()),
            "severity": list(self.settings.severity),
            "as_of": self.context().as_of.isoformat(),
            "ocr": self.settings.ocr_engine,
        }
        return digest(json.dumps(facts, sort_keys=True))

    def files(self, paths: Sequence[str]) -> Iterator[str]:
        """The files ``paths`` stand for, with the include and exclude patterns applied."""
        return discover(paths, self.settings.include, self.settings.exclude)

    def configure(self, path: str, findings: list[Finding]) -> list[Finding]:
        """The findings as configured for this path: per-file ignores, severities."""
        ignored = self._ignored(path)
        out = []
        for f in findings:
            if ignored and f.code.startswith(ignored):
                continue
            for code, level in self._levels:
                if f.code.startswith(code):
                    f = replace(f, severity=level)
                    break
            out.append(f)
        return out

    def _ignored(self, path: str) -> tuple[str, ...]:
        codes: list[str] = []
        if not self.settings.per_file_ignores:
            return ()
        relative = path
        root = self.settings.root
        if root is not None:
            with contextlib.suppress(ValueError):  # a path on another drive
                relative = os.path.relpath(os.path.abspath(path), root)
        for glob, globbed in self.settings.per_file_ignores:
            if matches(relative, (glob,)) or matches(path, (glob,)):
                codes += [c.upper() for c in globbed]
        return tuple(codes)


def read_copy(path: str, settings: Settings, data: bytes | None = None):
    """(name, text, media) of a copy: a text file decoded, or a PDF or an image (by content)
    read through :mod:`liclint.media`, with where each line came from (``media``; None for
    text). Raises ReadError."""
    name, data = read_bytes(path, settings.max_size) if data is None else (path, data)
    if not is_media(data):
        return name, decode(data, name), None
    from .media import extract

    extracted = extract(data, name, settings.ocr_engine, settings.ocr_threads or None)
    return name, extracted.text, extracted.lines


def _code_stamp(rule: type[Rule]) -> str:
    """A rule's module, qualified name and its source file's size and modification time."""
    module = sys.modules.get(rule.__module__)
    stamp = ""
    source = getattr(module, "__file__", None)
    if source:
        with contextlib.suppress(OSError):
            info = os.stat(source)
            stamp = f"{info.st_size}:{info.st_mtime_ns}"
    return f"{rule.__module__}.{rule.__qualname__}@{stamp}"


def unreadable(path: str, reason: str) -> Finding:
    """The finding standing for a file that could not be read (binary, too large, missing)."""
    return Finding(
        path, 1, 1, 1, 1, UNREADABLE, Severity.ERROR, reason, "unreadable-file",
        fingerprint(UNREADABLE, path),
    )  # fmt: skip


def _settings(config: Settings | str | os.PathLike | None, as_of: dt.date | None) -> Settings:
    if config is None:
        settings = Settings()
    elif isinstance(config, Settings):
        settings = config
    else:
        settings = load_config(config)
    return settings.override("argument", as_of=as_of)


@functools.lru_cache(maxsize=8)
def linter_for(settings: Settings) -> Linter:
    """The linter of these settings, built once per process (workers of a pool build theirs
    once; the CLI and check_files share one)."""
    return Linter(settings)


def _check_batch(settings: Settings, batch: list[tuple[str, bytes | None]]) -> list[FileResult]:
    """Check a batch of files in a worker (the unit of work sent to a pool or a cluster)."""
    linter = linter_for(settings)
    return [linter.check_path(path, data) for path, data in batch]


def parse_text(text: str, *, path: str = "<text>") -> Document:
    """The document model of a license copy's text (fields with their lines and columns)."""
    return parse_document(path, text)


def lint_text(
    text: str,
    *,
    path: str = "<text>",
    as_of: dt.date | None = None,
    config: Settings | str | os.PathLike | None = None,
) -> list[Finding]:
    """The findings of one license copy given as text, sorted by position."""
    return linter_for(_settings(config, as_of)).check_text(text, path)


def lint_paths(
    paths: Iterable[str],
    *,
    as_of: dt.date | None = None,
    config: Settings | str | os.PathLike | None = None,
    executor: Executor | None = None,
    ledger: str | None = None,
) -> list[Finding]:
    """The findings of every file under ``paths`` (directories are walked for the include
    patterns), in file order; unreadable files are LIC002 findings. With ``executor`` (for
    example a ``ProcessPoolExecutor``), batches of files are checked on it (see check_files).

    The cross-copy rules compare the files with each other and, with ``ledger`` (a SQLite file
    or a database URL; default: the configuration's ``ledger``), with every copy it recorded
    before and its registry snapshot; the files are recorded in it. Streaming with a ledger:
    :class:`liclint.cross.CrossCheck` over :func:`check_files`, as the CLI does."""
    settings = _settings(config, as_of)
    by_file: dict[str, list[Finding]] = {}
    with CrossCheck(linter_for(settings), ledger) as cross:
        cross.open()
        for result in check_files(paths, config=settings, executor=executor):
            by_file.setdefault(result.path, []).extend(result.findings)
            cross.add(result.path, result.facts)
        for f in cross.findings():
            by_file[f.path].append(f)
    return [f for findings in by_file.values() for f in sorted(findings)]


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
    flat in the number of files (a bounded number of batches is in flight at once).

    ``executor`` (a ``ProcessPoolExecutor``, Dask's ``Client.get_executor()``…) checks batches
    of ``batch_size`` files; without one they are checked in this process. ``cache`` is a cache
    directory (:mod:`liclint.cache`): files whose bytes were checked before under the same
    settings are not checked again."""
    settings = _settings(config, as_of)
    linter = linter_for(settings)
    store = Cache(cache, linter.cache_key()) if cache is not None else None
    path_matters = bool(settings.per_file_ignores)
    in_flight: deque = deque()
    limit = 2 * _workers(executor)
    files = linter.files(list(paths))
    parallel = False
    try:
        while chunk := list(itertools.islice(files, batch_size)):
            # a run that fits in one batch stays in this process: no pool start-up for one file
            parallel = parallel or (executor is not None and len(chunk) == batch_size)
            use = executor if parallel else None
            in_flight.append(_start(chunk, settings, linter, use, store, path_matters))
            while len(in_flight) > (limit if executor is not None else 0):
                yield from _finish(in_flight.popleft(), store)
        while in_flight:
            yield from _finish(in_flight.popleft(), store)
    finally:
        if store is not None:
            store.save()


def _workers(executor) -> int:
    """How many workers an executor has: a process pool's, a Dask cluster's (its threads)."""
    count = getattr(executor, "_max_workers", None)
    client = getattr(executor, "_client", None)
    if not count and client is not None:
        with contextlib.suppress(Exception):
            count = len(client.nthreads())
    return max(count or 4, 1)


def _start(chunk, settings, linter, executor, store, path_matters):
    """Look a chunk's files up in the cache and start checking the others."""
    slots: list[FileResult | tuple[str, str | None]] = []
    todo: list[tuple[str, bytes | None]] = []
    for path in chunk:
        if path == STDIN:  # standard input belongs to this process, never to a worker
            slots.append(linter.check_path(path))
            continue
        data = key = None
        if store is not None:
            try:
                _, data = read_bytes(path, settings.max_size)
            except ReadError:
                data = None  # reported by the check itself
            else:
                key = digest(data, path if path_matters else "")
                hit = store.get(key, path)
                if hit is not None:
                    findings, facts = hit
                    slots.append(FileResult(path, findings, facts=facts))  # nothing read: no pages
                    continue
        slots.append((path, key))
        todo.append((path, data))
    if not todo:
        pending = []
    elif executor is None:
        pending = [linter.check_path(path, data) for path, data in todo]
    else:
        # a worker may run in another directory: it gets absolute paths, the report keeps the
        # user's spelling (_finish)
        todo = [(p if is_url(p) else os.path.abspath(p), data) for p, data in todo]
        pending = executor.submit(_check_batch, settings, todo)
    return slots, pending


def _finish(started, store) -> Iterator[FileResult]:
    slots, pending = started
    results = iter(pending if isinstance(pending, list) else pending.result())
    for slot in slots:
        if isinstance(slot, FileResult):
            yield slot
            continue
        result = next(results)
        if result.path != slot[0]:
            result = _renamed(result, slot[0])
        if store is not None and slot[1] is not None and not result.unreadable:
            store.put(slot[1], result.findings, result.facts)
        yield result


def _renamed(result: FileResult, path: str) -> FileResult:
    """A worker's result under the path the user gave (not the absolute one sent)."""
    findings = [
        unreadable(path, f.message) if f.code == UNREADABLE else replace(f, path=path)
        for f in result.findings
    ]
    return FileResult(path, findings, result.unreadable, result.pages, result.facts)
