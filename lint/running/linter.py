"""The rules of a run, chosen and configured by :class:`Settings`, and how one copy is checked."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from liclint.across.cross import CrossRule
from liclint.across.facts import Facts, facts_of
from liclint.checking.meta import Context, Metadata, Severity
from liclint.checking.plugins import load
from liclint.checking.rule import Finding, Rule
from liclint.checking.runner import EngineRule, lint, unreadable
from liclint.reading.files import ReadError, decode, discover, is_media, matches, read_bytes
from liclint.running.cache import digest
from liclint.running.config import ALL, ConfigError, Settings
from liclint.text.extract import parse_document
from liclint.text.model import Document


@dataclass(frozen=True, slots=True)
class FileResult:
    """One checked file: its findings, whether it could be read at all, its identity facts for
    the cross-copy rules, and — when the run was asked to keep them (``keep``) — what the
    formats that show a whole copy need: the text read, where each line came from (a PDF or an
    image), and the document model. The text of a PDF or an image is always kept (the cache
    stores it, so that no copy is OCR'd twice)."""

    path: str
    findings: list[Finding]
    unreadable: bool = False
    pages: int = 0  # pages read from a PDF or an image (0 for text)
    facts: Facts | None = None  # the copy's identity facts, for the cross-copy rules and ledger
    text: str | None = None
    media: tuple | None = None  # liclint.reading.media.Line per line of text
    document: Document | None = None
    is_license: bool = False  # read as a license copy (else not one, or unreadable)


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
        # ALL (as in ruff) selects every rule: the prefix every code starts with
        select = tuple("" if p.upper() == ALL else p for p in settings.select)
        extend = tuple("" if p.upper() == ALL else p.upper() for p in settings.extend_select)
        chosen = [type(r) for r in registry.select(select, settings.ignore)]
        ignored = tuple(p.upper() for p in settings.ignore)
        if extend:
            chosen += [
                r
                for r in registry.rules
                if r not in chosen and r.code.startswith(extend) and not r.code.startswith(ignored)
            ]
        exact = {c.upper() for c in (*settings.select, *settings.extend_select)}
        chosen = [
            r for r in chosen if r.lifecycle == "stable" or settings.preview or r.code in exact
        ]
        # the engine's findings are dropped by --ignore, not by a --select of other codes
        engine = [
            r for r in registry.rules if r.kind == "engine" and not r.code.startswith(ignored)
        ]
        chosen = sorted({*chosen, *engine}, key=lambda r: r.code)
        self.rules: list[Rule] = [r() for r in chosen if r.kind == "document"]
        self.cross_rules: list[CrossRule] = [r() for r in chosen if r.kind == "cross"]
        self._engine = {r.code for r in chosen if issubclass(r, EngineRule)}
        self._dropped = {r.code for r in registry.rules if r.kind == "engine"} - self._engine
        self.rule_classes: list[type[Metadata]] = chosen
        self._levels = [(code.upper(), Severity(level)) for code, level in settings.severity]
        self._options = dict(settings.options)

    def context(self) -> Context:
        return Context(self.settings.as_of or dt.date.today(), self._options)

    def reports(self, code: str) -> bool:
        """Whether this run reports the engine finding ``code`` (LIC002: unreadable files)."""
        return code not in self._dropped

    def check_text(self, text: str, path: str = "<text>", media=None) -> list[Finding]:
        """The findings of one copy's text, as configured (per-file ignores, severities).
        ``media``: for text extracted from a PDF or an image, where each line came from."""
        return self._check(text, path, media)[0]

    def _check(self, text: str, path: str, media) -> tuple[list[Finding], Document]:
        doc = parse_document(path, text)
        doc.media = media
        return self.configure(path, lint(doc, self.rules, self.context())), doc

    def check_path(self, path: str, data: bytes | None = None, keep: bool = False) -> FileResult:
        """Read (unless ``data`` holds the file's bytes) and check one file; a file that cannot
        be read is one LIC002 finding. ``keep``: the result holds the text, the lines' origins
        and the document model."""
        try:
            if data is None:
                path, data = read_bytes(path, self.settings.max_size)
            name, text, media = read_copy(path, self.settings, data)
        except ReadError as exc:
            reason = str(exc).removeprefix(f"{path}: ")
            return FileResult(path, self.configure(path, [unreadable(path, reason)]), True)
        pages = media[-1].page if media else 0
        findings, doc = self._check(text, name, media)
        facts = facts_of(doc, digest(data)) if doc.is_license else None
        is_license = doc.is_license
        if keep:
            return FileResult(name, findings, False, pages, facts, text, media, doc, is_license)
        if media is not None:  # what was read off a PDF or an image is kept for the cache
            return FileResult(name, findings, False, pages, facts, text, media, None, is_license)
        return FileResult(name, findings, pages=pages, facts=facts, is_license=is_license)

    def cache_key(self) -> str:
        """A digest of everything besides a file's content that changes its findings."""
        from liclint import __version__
        from liclint.checking.plugins import installed_plugins

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
            "ignore": sorted(self._dropped),
            "as_of": self.context().as_of.isoformat(),
            "ocr": self.settings.ocr_engine,
        }
        return digest(json.dumps(facts, sort_keys=True))

    def files(self, paths: Sequence[str]) -> Iterator[str]:
        """The files ``paths`` stand for, with the include and exclude patterns applied."""
        return discover(paths, self.settings.include, self.settings.exclude)

    def configure(self, path: str, findings: list[Finding]) -> list[Finding]:
        """The findings as configured for this path: ignored engine findings, per-file ignores,
        severities."""
        ignored = self._ignored(path)
        out = []
        for f in findings:
            if f.code in self._dropped or (ignored and f.code.startswith(ignored)):
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
    read through :mod:`liclint.reading.media`, with where each line came from (``media``; None
    for text). Raises ReadError."""
    name, data = read_bytes(path, settings.max_size) if data is None else (path, data)
    if not is_media(data):
        return name, decode(data, name), None
    from liclint.reading.media import extract

    extracted = extract(data, name, settings.ocr_engine, settings.ocr_threads or None)
    return name, extracted.text, extracted.lines


def _code_stamp(rule: type[Metadata]) -> str:
    """A rule's module, qualified name and its source file's size and modification time."""
    module = sys.modules.get(rule.__module__)
    stamp = ""
    source = getattr(module, "__file__", None)
    if source:
        with contextlib.suppress(OSError):
            info = os.stat(source)
            stamp = f"{info.st_size}:{info.st_mtime_ns}"
    return f"{rule.__module__}.{rule.__qualname__}@{stamp}"


@functools.lru_cache(maxsize=8)
def linter_for(settings: Settings) -> Linter:
    """The linter of these settings, built once per process (workers of a pool build theirs
    once; the CLI and the API share one)."""
    return Linter(settings)
