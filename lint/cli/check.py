"""``liclint check``: the settings from the configuration and the command line, one library run
(:func:`liclint.running.run.run`), the report, and the exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from liclint.cli import args as args_


def _option_values(pairs: Sequence[str]) -> dict[str, object]:
    """--option NAME=VALUE pairs; values are read as TOML values would be (60, true, text)."""
    import tomllib

    options: dict[str, object] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip():
            raise args_.UsageError(f"--option {pair!r}: expected NAME=VALUE")
        try:
            options[name.strip()] = tomllib.loads(f"v = {raw}")["v"]
        except tomllib.TOMLDecodeError:
            options[name.strip()] = raw
    return options


def _settings(args: argparse.Namespace):
    """Defaults, then the configuration file, then the command line."""
    settings = args_.file_settings(args, next((p for p in args.paths if p != "-"), "."))
    options = dict(settings.options)
    options.update(_option_values(args.option))
    settings = settings.override(
        "command line",
        select=args.select,
        ignore=_extended(args.ignore, args.extend_ignore, settings.ignore),
        extend_select=args.extend_select,
        fail_on=args.fail_on,
        as_of=args.as_of,
        include=args.include,
        exclude=_extended(args.exclude, args.extend_exclude, settings.exclude),
        max_size=args.max_size,
        ocr_engine=args.ocr_engine,
        options=options if args.option else None,
        ledger=args.ledger,
        preview=args.preview or None,
        project_batch=False if args.no_project_batch else None,
    )
    jobs = args.jobs or os.cpu_count() or 1
    if jobs > 1 and not settings.ocr_threads:  # OCR in N processes: the cores shared, not N×
        settings = settings.override("--jobs", ocr_threads=max(1, (os.cpu_count() or 1) // jobs))
    return settings


def _extended(given, extra, configured):
    """``--ignore``/``--exclude`` (or the configuration's list) with the ``--extend-…`` ones added."""
    if not extra:
        return given
    return (*(configured if given is None else given), *extra)


def check(args: argparse.Namespace) -> int:
    from liclint.across import LedgerError, redact
    from liclint.checking.meta import Severity
    from liclint.checking.runner import UNREADABLE
    from liclint.reporting.formats import CI_FORMATS, REPORTERS, Report, relative_to, statistics
    from liclint.running import baseline
    from liclint.running.config import ConfigError
    from liclint.running.linter import linter_for
    from liclint.running.run import run

    try:
        settings = _settings(args)
        linter = linter_for(settings)  # also checks codes and options against the rules
        if args.show_settings:
            for problem in linter.plugin_errors:
                args_.error(problem)
            sys.stdout.write(settings.show())
            rules = linter.rule_classes  # as comments: the output stays a configuration file
            sys.stdout.write(f"# the rules that will run ({len(rules)}):\n")
            sys.stdout.write("".join(f"#   {r.code}  {r.name}\n" for r in rules))
            return args_.EXIT_ERROR if linter.plugin_errors else args_.EXIT_OK
        if args.show_files:
            sys.stdout.write("".join(f"{path}\n" for path in linter.files(args.paths)))
            return args_.EXIT_OK
        if args.baseline:
            baseline.load(args.baseline)  # a broken baseline fails before anything is checked
    except (ConfigError, baseline.BaselineError) as exc:
        raise args_.UsageError(str(exc)) from None
    for problem in linter.plugin_errors:
        args_.error(problem)
    if settings.ledger and not linter.cross_rules:
        print(
            f"liclint: warning: the ledger {redact(settings.ledger)} records the copies, but no "
            "cross-copy rule (CRS, REG) is selected: nothing is compared with it",
            file=sys.stderr,
        )
    form = args.format or "text"
    shown = _Progress(enabled=not args.quiet)
    unreadable = 0
    count = 0

    def progress(result) -> None:
        nonlocal unreadable, count
        count += len(result.findings)
        if result.unreadable and linter.reports(UNREADABLE):
            args_.error(f"{result.path}: {result.findings[0].message}")
            unreadable += 1
        shown.update(count, result.pages)

    def recorded(done: list[str]) -> None:
        if args.verbose and settings.ledger:
            for path in done:
                print(f"liclint: recorded {path} in {redact(settings.ledger)}", file=sys.stderr)
            sys.stderr.flush()

    jobs = args.jobs or os.cpu_count() or 1
    try:
        with _scheduler(args.scheduler) if args.scheduler else _pool(jobs) as executor:
            result = run(
                args.paths,
                settings,
                executor=executor,
                # on a cluster the workers read the files: no cache, which would read them here
                cache=None if args.scheduler else _cache_dir(args, settings),
                baseline=None if args.write_baseline else args.baseline,
                keep=form in ("full", "html"),  # the formats that show the copies' text
                progress=progress,
                recorded=recorded,
                force_exclude=args.force_exclude,
                respect_gitignore=args.respect_gitignore,
            )
    except LedgerError as exc:
        shown.done()
        raise args_.UsageError(str(exc)) from None
    shown.done()
    failed = bool(linter.plugin_errors) or unreadable > 0
    if args.write_baseline:
        try:
            written = baseline.write(args.write_baseline, result.findings)
        except baseline.BaselineError as exc:
            raise args_.UsageError(str(exc)) from None
        print(f"liclint: wrote {written} findings to {args.write_baseline}", file=sys.stderr)
        return args_.EXIT_ERROR if failed else args_.EXIT_OK
    if result.hidden:
        print(
            f"liclint: {result.hidden} findings hidden by the baseline {args.baseline}",
            file=sys.stderr,
        )
    report = Report(
        result.findings,
        result.copies,
        result.rules,
        color=args.output_file is None and _color(sys.stdout),
        as_of=settings.as_of or dt.date.today(),
    )
    if form in CI_FORMATS:  # paths from the repository's root, where CI places them
        from liclint.reading.files import git_root

        base = settings.root or Path.cwd()
        report = relative_to(report, git_root(base) or base)
    output = REPORTERS[form](report)
    if args.statistics:
        if form in ("text", "full"):
            output = statistics(report)  # as ruff: the table instead of the findings
        else:  # a machine-readable report stays parseable: the counts go to stderr
            sys.stderr.write(statistics(report))
    _write(output, args.output_file)
    if not result.copies:
        print(
            f"liclint: warning: no files to check (include: {', '.join(settings.include)})",
            file=sys.stderr,
        )
    if failed:
        return args_.EXIT_ERROR
    threshold = Severity(settings.fail_on).rank
    if not args.exit_zero and any(f.severity.rank >= threshold for f in result.findings):
        return args_.EXIT_FINDINGS
    return args_.EXIT_OK


class _pool:
    """A process pool of ``jobs`` workers, started only when first used (one file needs none)."""

    def __init__(self, jobs: int) -> None:
        self.jobs, self.executor = jobs, None
        self._max_workers = jobs

    def submit(self, fn, /, *args):
        if self.executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self.executor = ProcessPoolExecutor(self.jobs)
        return self.executor.submit(fn, *args)

    def __enter__(self):
        return self if self.jobs > 1 else None

    def __exit__(self, *exc) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)


class _scheduler:
    """An executor on a Dask cluster (``dask.distributed``), for ``--scheduler ADDRESS``."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise args_.UsageError("--scheduler needs Dask: pip install 'liclint[dask]'") from None
        try:
            self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise args_.UsageError(f"--scheduler {address}: cannot connect: {exc}") from None

    def __enter__(self):
        # pure=False: a task is named by its arguments (settings and paths), not by the files'
        # contents; an impure task is never served from another run's result
        return self.client.get_executor(pure=False)

    def __exit__(self, *exc) -> None:
        self.client.close()


def _cache_dir(args: argparse.Namespace, settings) -> str | None:
    from liclint.running.cache import DIRECTORY

    if args.no_cache:
        return None
    if args.cache_dir or os.environ.get("LICLINT_CACHE_DIR"):
        return args.cache_dir or os.environ["LICLINT_CACHE_DIR"]
    return str((settings.root or Path.cwd()) / DIRECTORY)


def _color(stream) -> bool:
    """ANSI colours on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _write(output: str, path: str | None) -> None:
    if path is None:
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(output)
    except OSError as exc:
        raise args_.UsageError(f"--output-file {path}: {exc.strerror or exc}") from None


class _Progress:
    """Files done, files/s and findings so far on stderr — on a terminal, never in CI logs."""

    def __init__(self, enabled: bool) -> None:
        import time

        self.enabled = (
            enabled
            and sys.stderr.isatty()
            and not os.environ.get("CI")
            and not os.environ.get("NO_PROGRESS")
        )
        self.clock = time.monotonic
        self.start = self.last = self.clock()
        self.shown = False
        self.pages = 0
        self.files = 0

    def update(self, findings: int, pages: int = 0) -> None:
        self.files += 1
        self.pages += pages
        files = self.files
        if not self.enabled:
            return
        now = self.clock()
        if now - self.last < 0.2 or now - self.start < 1.0:
            return  # short runs show nothing; long ones refresh five times a second
        self.last = now
        rate = files / max(now - self.start, 1e-9)
        read = f" ({self.pages} pages of PDFs and images)" if self.pages else ""
        sys.stderr.write(
            f"\rliclint: {files} files{read}, {rate:,.1f} files/s, {findings} findings"
        )
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
