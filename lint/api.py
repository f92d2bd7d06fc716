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
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace

from .config import ConfigError, Settings, load_config
from .extract import parse_document
from .model import Document
from .plugins import load
from .reading import ReadError, Source, discover, matches, read
from .rule import Context, Finding, Rule, Severity, fingerprint
from .runner import UNREADABLE, lint

__all__ = [
    "ConfigError",
    "FileResult",
    "Linter",
    "Settings",
    "lint_paths",
    "lint_text",
    "parse_text",
]


@dataclass(frozen=True, slots=True)
class FileResult:
    """The findings of one file, and whether it could be read at all."""

    path: str
    findings: list[Finding]
    unreadable: bool = False


class Linter:
    """The rules of a run, chosen and configured by :class:`Settings`, ready to check files.

    Building one loads the plugins and checks the settings against their rules (a
    :class:`ConfigError` for a code or option that does not exist). ``plugin_errors`` lists
    plugins that could not be loaded; the other rules still run.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings = settings or Settings()
        registry = load(modules=settings.plugins, root=str(settings.root or ""))
        self.plugin_errors: list[str] = registry.errors
        self.registry = registry
        options = {n: o.default for r in registry.rules for n, o in r.options.items()}
        settings.validate([r.code for r in registry.rules], options)
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
        self.rules: list[Rule] = selected
        self._levels = [(code.upper(), Severity(level)) for code, level in settings.severity]
        self._options = dict(settings.options)

    @property
    def rule_classes(self) -> list[type[Rule]]:
        return [type(r) for r in self.rules]

    def context(self) -> Context:
        return Context(self.settings.as_of or dt.date.today(), self._options)

    def check_text(self, text: str, path: str = "<text>") -> list[Finding]:
        """The findings of one copy's text, as configured (per-file ignores, severities)."""
        return self._configure(path, lint(parse_document(path, text), self.rules, self.context()))

    def check_source(self, source: Source) -> list[Finding]:
        return self.check_text(source.text, source.path)

    def check_path(self, path: str) -> FileResult:
        """Read and check one file; a file that cannot be read is one LIC002 finding."""
        try:
            source = read(path, self.settings.max_size)
        except ReadError as exc:
            reason = str(exc).removeprefix(f"{path}: ")
            return FileResult(path, [unreadable(path, reason)], True)
        return FileResult(source.path, self.check_source(source))

    def files(self, paths: Sequence[str]) -> Iterator[str]:
        """The files ``paths`` stand for, with the include and exclude patterns applied."""
        return discover(paths, self.settings.include, self.settings.exclude)

    def _configure(self, path: str, findings: list[Finding]) -> list[Finding]:
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
def _linter(settings: Settings) -> Linter:
    """One linter per settings and process (workers of a pool build theirs once)."""
    return Linter(settings)


def _check_path(settings: Settings, path: str) -> FileResult:
    return _linter(settings).check_path(path)


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
    return _linter(_settings(config, as_of)).check_text(text, path)


def lint_paths(
    paths: Iterable[str],
    *,
    as_of: dt.date | None = None,
    config: Settings | str | os.PathLike | None = None,
    executor: Executor | None = None,
) -> list[Finding]:
    """The findings of every file under ``paths`` (directories are walked for the include
    patterns), in file order; unreadable files are LIC002 findings. With ``executor``, files are
    checked by ``executor.map`` (for example a ``ProcessPoolExecutor``)."""
    return [f for result in check_files(paths, as_of=as_of, config=config, executor=executor)
            for f in result.findings]  # fmt: skip


def check_files(
    paths: Iterable[str],
    *,
    as_of: dt.date | None = None,
    config: Settings | str | os.PathLike | None = None,
    executor: Executor | None = None,
) -> Iterator[FileResult]:
    """Each file's :class:`FileResult` as it is done, in file order (a stream: memory does not
    grow with the number of files)."""
    settings = _settings(config, as_of)
    linter = _linter(settings)
    files = linter.files(list(paths))
    if executor is None:
        yield from map(linter.check_path, files)
    else:
        yield from executor.map(functools.partial(_check_path, settings), files)
