"""The ``liclint`` command line: check, parse, rules, explain, ledger.

Exit codes: 0 nothing at or above the fail level; 1 a finding at or above it; 2 a usage error,
unreadable input, a broken plugin or an internal error (one line on stderr; a traceback only with
``--debug``). Only the report goes to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("info", "warning", "error")
#: The report formats of `check --format` (liclint.reporters.REPORTERS, kept here so that the
#: parser is built without importing the engine).
FORMATS = ("text", "full", "json", "sarif", "github", "gitlab", "junit", "html")


class UsageError(Exception):
    """A mistake in how liclint was called; reported in one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage block
        raise UsageError(message)


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    number, unit = (value[:-1], value[-1].lower()) if value[-1:].isalpha() else (value, "")
    try:
        size = int(number) * units.get(unit, 1) if unit in ("", *units) else -1
    except ValueError:
        size = -1
    if size <= 0:
        raise argparse.ArgumentTypeError(f"not a size such as 2M or 500k: {value!r}")
    return size


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")

    parser = _Parser(
        prog="liclint",
        description="Lint copies of value-added telecom business operating licenses "
        "(增值电信业务经营许可证) for errors and signs of forgery.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"liclint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", parents=[common], help="check license copies (default: .)")
    check.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="files or directories to check; '-' reads standard input",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="report format (default: text): text, full (with the source line), json, sarif, "
        "github (workflow commands), gitlab (Code Quality), junit, html (a self-contained "
        "review page: use with --output-file)",
    )
    check.add_argument(
        "--output-file", "-o", metavar="FILE", help="write the report to FILE, not stdout"
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="the configuration file (default: liclint.toml, .liclint.toml or pyproject.toml "
        "[tool.liclint], searched upwards from the first path)",
    )
    check.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    check.add_argument(
        "--show-settings",
        action="store_true",
        help="print the resolved settings and where each came from, then exit",
    )
    check.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date taken as today (default: the local date)",
    )
    check.add_argument(
        "--select",
        type=_csv,
        metavar="CODES",
        help="only these rule codes or prefixes (comma-separated)",
    )
    check.add_argument(
        "--extend-select",
        type=_csv,
        metavar="CODES",
        help="add these rule codes or prefixes to the selection",
    )
    check.add_argument(
        "--ignore",
        type=_csv,
        metavar="CODES",
        help="leave out these rule codes or prefixes (comma-separated)",
    )
    check.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="the lowest severity that makes the exit code 1 (default: warning)",
    )
    check.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when there are findings (errors reading still exit 2)",
    )
    check.add_argument(
        "--include",
        type=_csv,
        metavar="GLOBS",
        help="file name patterns to check in directories (default: *.txt, *.md, *.pdf and "
        "images: see --show-settings)",
    )
    check.add_argument(
        "--exclude",
        type=_csv,
        metavar="GLOBS",
        help="file or directory patterns to skip",
    )
    check.add_argument(
        "--max-size",
        type=_size,
        metavar="SIZE",
        help="files larger than this are reported, not read (default: 2M)",
    )
    check.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a rule option, e.g. expiring-days=60 (see `liclint explain`)",
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="hide the findings recorded in this baseline file"
    )
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record this run's findings as accepted in FILE (the run then exits 0)",
    )
    check.add_argument(
        "--statistics", action="store_true", help="print the number of findings per rule"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        metavar="N",
        help="check files in N processes (default: the number of cores; 1: in this process)",
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="check files on a Dask cluster (tcp://host:8786; needs liclint[dask]) "
        "instead of local processes",
    )
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="the findings cache (default: $LICLINT_CACHE_DIR, or .liclint_cache beside the "
        "configuration file or in the current directory)",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the findings cache"
    )
    check.add_argument(
        "--ledger",
        metavar="LEDGER",
        help="record every copy in this ledger and check it against the copies recorded before "
        "and the registry snapshot (a SQLite file, or a sqlite:// or postgresql:// URL)",
    )
    check.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="say on stderr when copies are recorded in the ledger",
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help="no progress display on the terminal"
    )

    parse = sub.add_parser("parse", parents=[common], help="print the document model as JSON")
    parse.add_argument("path", metavar="FILE", help="a license copy; '-' reads standard input")
    parse.add_argument("--max-size", type=_size, default=None, metavar="SIZE")
    parse.add_argument(
        "--text",
        action="store_true",
        help="print the text liclint read (from a PDF or an image: with page and line numbers)",
    )
    for command in (check, parse):
        command.add_argument(
            "--ocr-engine",
            choices=("rapidocr", "tesseract"),
            help="the OCR engine for scanned PDFs and images (default: rapidocr)",
        )

    rules = sub.add_parser("rules", parents=[common], help="list every rule of every plugin")
    rules.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="markdown is the rule catalog docs/rules.md",
    )

    explain = sub.add_parser("explain", parents=[common], help="show a rule's documentation")
    explain.add_argument("code", metavar="CODE")

    ledger = sub.add_parser(
        "ledger", parents=[common], help="the ledger of checked copies and registry snapshots"
    )
    actions = ledger.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    load = actions.add_parser(
        "import", parents=[common], help="load a registry export (CSV) into the ledger"
    )
    load.add_argument("file", metavar="FILE.csv")
    show = actions.add_parser("show", parents=[common], help="list copies and registry rows")
    show.add_argument("--number", metavar="N", help="only this license number")
    show.add_argument("--company", metavar="C", help="only this company")
    show.add_argument("--format", choices=("text", "json"), default="text")
    forget = actions.add_parser(
        "forget",
        parents=[common],
        help="delete the copies checked under a path, or of a license number (exit 1: none)",
    )
    what = forget.add_mutually_exclusive_group(required=True)
    what.add_argument("--path", metavar="P", help="the copies recorded under this path")
    what.add_argument(
        "--number", metavar="N", help="every copy of this number (registry rows stay)"
    )
    stats = actions.add_parser("stats", parents=[common], help="count what the ledger holds")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    for action in (load, show, forget, stats):
        action.add_argument(
            "--ledger",
            metavar="LEDGER",
            help="a SQLite file or a database URL (default: the configuration's ledger)",
        )
    for command in (
        rules,
        explain,
        load,
        show,
        forget,
        stats,
    ):  # the plugins a configuration names have rules too
        command.add_argument("--config", metavar="FILE", help="the configuration file")
        command.add_argument(
            "--isolated", action="store_true", help="ignore every configuration file"
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help(sys.stderr)
            return EXIT_ERROR
        return _COMMANDS[args.command](args)
    except UsageError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as exc:
        if debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)")
        return EXIT_ERROR


def _error(message: str) -> None:
    print(f"liclint: error: {message}", file=sys.stderr)


def _file_settings(args: argparse.Namespace, start: str):
    """The settings of the configuration file: --config, none with --isolated, or the one found
    upwards from ``start``."""
    from .config import ConfigError, Settings, find_config, load_config

    try:
        if args.config:
            return load_config(args.config)
        found = None if args.isolated else find_config(start)
        return load_config(found) if found else Settings()
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _registry(args: argparse.Namespace):
    """The rules of the installed plugins and of those the configuration names (``plugins``)."""
    from .plugins import load

    registry = load(modules=_file_settings(args, ".").plugins)
    for problem in registry.errors:
        _error(problem)
    return registry


def _option_values(pairs: Sequence[str]) -> dict[str, object]:
    """--option NAME=VALUE pairs; values are read as TOML values would be (60, true, text)."""
    import tomllib

    options: dict[str, object] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--option {pair!r}: expected NAME=VALUE")
        try:
            options[name.strip()] = tomllib.loads(f"v = {raw}")["v"]
        except tomllib.TOMLDecodeError:
            options[name.strip()] = raw
    return options


def _settings(args: argparse.Namespace):
    """Defaults, then the configuration file, then the command line."""
    settings = _file_settings(args, next((p for p in args.paths if p != "-"), "."))
    options = dict(settings.options)
    options.update(_option_values(args.option))
    settings = settings.override(
        "command line",
        select=args.select,
        ignore=args.ignore,
        extend_select=args.extend_select,
        fail_on=args.fail_on,
        as_of=args.as_of,
        include=args.include,
        exclude=args.exclude,
        max_size=args.max_size,
        ocr_engine=args.ocr_engine,
        options=options if args.option else None,
        ledger=args.ledger,
    )
    jobs = args.jobs or os.cpu_count() or 1
    if jobs > 1 and not settings.ocr_threads:  # OCR in N processes: the cores shared, not N×
        settings = settings.override("--jobs", ocr_threads=max(1, (os.cpu_count() or 1) // jobs))
    return settings


def _check(args: argparse.Namespace) -> int:
    from . import baseline
    from .api import check_files, linter_for
    from .config import ConfigError, redact
    from .cross import CrossCheck, LedgerError
    from .reporters import REPORTERS, Report, statistics
    from .rule import Severity

    try:
        settings = _settings(args)
        linter = linter_for(settings)  # also checks codes and options against the rules
        if args.show_settings:
            for problem in linter.plugin_errors:
                _error(problem)
            sys.stdout.write(settings.show())
            return EXIT_ERROR if linter.plugin_errors else EXIT_OK
        accepted = baseline.load(args.baseline) if args.baseline else None
    except (ConfigError, baseline.BaselineError) as exc:
        raise UsageError(str(exc)) from None
    for problem in linter.plugin_errors:
        _error(problem)
    if settings.ledger and not linter.cross_rules:
        print(
            f"liclint: warning: the ledger {redact(settings.ledger)} records the copies, but no "
            "cross-copy rule (CRS, REG) is selected: nothing is compared with it",
            file=sys.stderr,
        )
    failed = bool(linter.plugin_errors)
    findings, files = [], 0
    paths: list[str] = []  # every file checked, clean ones too (the html format lists them)
    progress = _Progress(enabled=not args.quiet)
    jobs = args.jobs or os.cpu_count() or 1

    def recorded(done: list[str]) -> None:
        if args.verbose:
            for path in done:
                print(f"liclint: recorded {path} in {redact(cross.ledger)}", file=sys.stderr)
            sys.stderr.flush()

    cross = CrossCheck(linter, recorded=recorded)
    try:
        with cross, _scheduler(args.scheduler) if args.scheduler else _pool(jobs) as executor:
            cross.open()
            # on a cluster the workers read the files: no cache, which would read them here
            cache = None if args.scheduler else _cache_dir(args, settings)
            for result in check_files(args.paths, config=settings, executor=executor, cache=cache):
                files += 1
                paths.append(result.path)
                if result.unreadable:
                    _error(f"{result.path}: {result.findings[0].message}")
                    failed = True
                findings.extend(result.findings)
                cross.add(result.path, result.facts)
                progress.update(files, len(findings), result.pages)
            findings.extend(cross.findings())
    except LedgerError as exc:
        progress.done()
        raise UsageError(str(exc)) from None
    progress.done()
    findings.sort()
    if args.write_baseline:
        try:
            count = baseline.write(args.write_baseline, findings)
        except baseline.BaselineError as exc:
            raise UsageError(str(exc)) from None
        print(f"liclint: wrote {count} findings to {args.write_baseline}", file=sys.stderr)
        return EXIT_ERROR if failed else EXIT_OK
    if accepted is not None:
        shown = baseline.hide(findings, accepted, args.baseline)
        if len(shown) < len(findings):
            print(
                f"liclint: {len(findings) - len(shown)} findings hidden by the baseline "
                f"{args.baseline}",
                file=sys.stderr,
            )
        findings = shown
    report = Report(
        findings,
        files,
        linter.rule_classes,
        _source(settings.max_size),
        color=args.output_file is None and _color(sys.stdout),
        paths=paths,
        as_of=settings.as_of or dt.date.today(),
        read=_copy(settings),
    )
    output = REPORTERS[args.format or "text"](report)
    if args.statistics:
        if (args.format or "text") in ("text", "full"):
            output += statistics(report)
        else:  # a machine-readable report stays parseable: the counts go to stderr
            sys.stderr.write(statistics(report))
    _write(output, args.output_file)
    if files == 0:
        print(
            f"liclint: warning: no files to check (include: {', '.join(settings.include)})",
            file=sys.stderr,
        )
    if failed:
        return EXIT_ERROR
    threshold = Severity(settings.fail_on).rank
    if not args.exit_zero and any(f.severity.rank >= threshold for f in findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _source(max_size: int):
    """The original lines of a checked file, read again on demand (for formats quoting them)."""
    from .extract import split_lines
    from .reading import STDIN, ReadError, read

    cache: dict[str, list[str] | None] = {}

    def lines(path: str) -> list[str] | None:
        if path not in cache:
            try:
                cache[path] = None if path == STDIN else split_lines(read(path, max_size).text)
            except ReadError:
                cache[path] = None
        return cache[path]

    return lines


def _copy(settings):
    """A checked file's text and, for a PDF or an image, where each line came from, read again
    for the formats that show whole copies (html); None when it cannot be read again."""
    from .api import read_copy
    from .reading import STDIN, ReadError

    def copy(path: str):
        if path == STDIN:  # read once, by the check
            return None
        try:
            _, text, media = read_copy(path, settings)
        except ReadError:
            return None
        return text, media

    return copy


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
            raise UsageError("--scheduler needs Dask: pip install 'liclint[dask]'") from None
        try:
            self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"--scheduler {address}: cannot connect: {exc}") from None

    def __enter__(self):
        # pure=False: a task is named by its arguments (settings and paths), not by the files'
        # contents; an impure task is never served from another run's result
        return self.client.get_executor(pure=False)

    def __exit__(self, *exc) -> None:
        self.client.close()


def _cache_dir(args: argparse.Namespace, settings) -> str | None:
    from .cache import DIRECTORY

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
        raise UsageError(f"--output-file {path}: {exc.strerror or exc}") from None


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

    def update(self, files: int, findings: int, pages: int = 0) -> None:
        self.pages += pages
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


def _parse(args: argparse.Namespace) -> int:
    from .api import read_copy
    from .config import Settings
    from .extract import parse_document, split_lines
    from .model import as_dict
    from .reading import DEFAULT_MAX_BYTES, ReadError

    settings = Settings(
        max_size=args.max_size or DEFAULT_MAX_BYTES, ocr_engine=args.ocr_engine or "rapidocr"
    )
    try:
        name, text, media = read_copy(args.path, settings)
    except ReadError as exc:
        _error(str(exc))
        return EXIT_ERROR
    if args.text:
        for number, line in enumerate(split_lines(text), 1):
            where = ""
            if media is not None and number <= len(media):
                origin = media[number - 1]
                where = f"p{origin.page} "
                if origin.confidence is not None:
                    where += f"({origin.confidence:.2f}) "
            sys.stdout.write(f"{where}{number:4d} | {line}\n")
        return EXIT_OK
    doc = parse_document(name, text)
    doc.media = media
    sys.stdout.write(json.dumps(as_dict(doc), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    registry = _registry(args)
    if args.format == "json":
        data = [_rule_dict(r) for r in registry.rules]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown(registry.rules))
    else:
        for r in registry.rules:
            print(f"{r.code}  {r.name:<34} {r.severity.value:<8} {r.summary}")
    return EXIT_ERROR if registry.errors else EXIT_OK


def _rule_dict(rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "rationale": rule.rationale,
        "citation": rule.citation,
        "options": {k: {"default": o.default, "help": o.help} for k, o in rule.options.items()},
    }


def explain_text(rule) -> str:
    """A rule's documentation, as `liclint explain` prints it and docs/rules.md contains it."""
    lines = [
        f"{rule.code} {rule.name} ({rule.severity.value})",
        "",
        rule.summary,
        "",
        "Why: " + " ".join(rule.rationale.split()),
        "",
        "Citation: " + " ".join(rule.citation.split()),
    ]
    for name, opt in rule.options.items():
        lines += ["", f"Option {name} (default {opt.default}): {opt.help}"]
    return "\n".join(lines) + "\n"


def rules_markdown(rules) -> str:
    """The rule catalog (docs/rules.md): a table, then every rule's explanation."""
    out = [
        "# Rules",
        "",
        "Generated by `liclint rules --format markdown` from the rules' metadata; do not edit.",
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
    ]
    out += [f"| {r.code} | {r.name} | {r.severity.value} | {r.summary} |" for r in rules]
    for r in rules:
        body = explain_text(r).split("\n", 2)[2].strip()
        out += ["", f"## {r.code} {r.name} ({r.severity.value})", "", body]
    return "\n".join(out) + "\n"


def _explain(args: argparse.Namespace) -> int:
    from .runner import ENGINE_FINDINGS

    if args.code.upper() in ENGINE_FINDINGS:
        sys.stdout.write(ENGINE_FINDINGS[args.code.upper()])
        return EXIT_OK
    registry = _registry(args)
    rule = registry.get(args.code)
    if rule is None:
        raise UsageError(f"unknown rule code {args.code!r} (see `liclint rules`)")
    sys.stdout.write(explain_text(rule))
    return EXIT_ERROR if registry.errors else EXIT_OK


def _ledger(args: argparse.Namespace) -> int:
    from .cross import LedgerError
    from .reporters import plural

    target = args.ledger or _file_settings(args, ".").ledger
    if not target:
        raise UsageError(
            f"ledger {args.action}: no ledger (give --ledger, or ledger = in liclint.toml)"
        )
    try:
        from .ledger import Ledger, read_registry

        rows = read_registry(args.file) if args.action == "import" else None  # before the ledger
        with Ledger(target, create=args.action == "import") as ledger:
            if args.action == "import":
                counts = ledger.import_registry(rows)
                print(
                    f"liclint: imported {args.file} into {ledger.name}: {plural(counts['rows'], 'row')}, "
                    f"{counts['added']} added, {counts['changed']} changed, "
                    f"{counts['unchanged']} unchanged",
                    file=sys.stderr,
                )
            elif args.action == "show":
                _show_records(ledger.show(args.number, args.company), args.format)
            elif args.action == "forget":
                gone = ledger.forget(path=args.path, number=args.number)
                what = f"path {args.path}" if args.path else f"license number {args.number}"
                if not gone:
                    print(
                        f"liclint: warning: {ledger.name} holds no copy of the {what} "
                        "(see `liclint ledger show`)",
                        file=sys.stderr,
                    )
                    return EXIT_FINDINGS
                print(
                    f"liclint: forgot {plural(gone, 'copy', 'copies')} of the {what} in "
                    f"{ledger.name}",
                    file=sys.stderr,
                )
            else:
                stats = ledger.stats()
                if args.format == "json":
                    sys.stdout.write(json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
                else:
                    for key, value in stats.items():
                        if isinstance(value, dict):
                            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
                        print(f"{key:<18} {value}")
    except LedgerError as exc:
        raise UsageError(str(exc)) from None
    return EXIT_OK


def _show_records(records: list[dict], form: str) -> None:
    from .reporters import columns, plural

    if form == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        return
    width = max((columns(r["company"] or "-") for r in records), default=0)
    for r in records:
        state = f"  [{r['status']}]" if r["kind"] == "registry" else ""
        company = r["company"] or "-"
        company += " " * (width - columns(company))  # aligned on a terminal: CJK is two wide
        print(
            f"{r['kind']:<8} {r['number'] or '-':<16} {company}  "
            f"{r['issue'] or '?'} – {r['expiry'] or '?'}{state}  {r['path']}"
        )
    print(plural(len(records), "record"), file=sys.stderr)


_COMMANDS = {
    "check": _check,
    "parse": _parse,
    "rules": _rules,
    "explain": _explain,
    "ledger": _ledger,
}
