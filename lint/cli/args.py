"""The command line's arguments, and what every command shares: exit codes, the one-line usage
error, the configuration file and the rules of the installed plugins."""

from __future__ import annotations

import argparse
import sys

from liclint import __version__
from liclint.running.config import parse_date, parse_size

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("info", "warning", "error")
#: The report formats of `check --format` (liclint.reporting.formats.REPORTERS, kept here so that the
#: parser is built without importing the engine).
FORMATS = ("text", "full", "json", "json-lines", "sarif", "github", "gitlab", "junit", "html")


class UsageError(Exception):
    """A mistake in how liclint was called; reported in one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage block
        raise UsageError(message)


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _milliseconds(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a number of milliseconds: {value!r}")
    return number


def _argument(parse):
    """An argparse type from one of the configuration's value parsers (one parser for both)."""

    def convert(value: str):
        try:
            return parse(value)
        except (TypeError, ValueError) as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = parse.__name__
    return convert


_date = _argument(parse_date)
_size = _argument(parse_size)


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
        "--output-format",
        dest="format",
        choices=FORMATS,
        default=None,
        help="report format (default: text): text, full (with the source line), json, "
        "json-lines (one finding a line), sarif, "
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
        help="print the resolved settings and where each came from, and the rules that will "
        "run, then exit",
    )
    check.add_argument(
        "--show-files",
        action="store_true",
        help="print the files that would be checked, then exit",
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
        help="only these rule codes or prefixes (comma-separated; ALL: every rule)",
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
        "--extend-ignore",
        type=_csv,
        metavar="CODES",
        help="leave these out too, besides the ignore list of the configuration",
    )
    check.add_argument(
        "--preview",
        action="store_true",
        help="also run the rules in preview (see `liclint rules`; a preview rule selected by "
        "its exact code runs without it)",
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
        "--extend-exclude",
        type=_csv,
        metavar="GLOBS",
        help="skip these patterns too, besides the exclude list of the configuration",
    )
    check.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the exclude patterns to files named on the command line too, and to the "
        "folders they are in (as ruff; the pre-commit hook uses it)",
    )
    check.add_argument(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="skip in directory walks what .gitignore files ignore (default: on)",
    )
    check.add_argument(
        "--no-project-batch",
        action="store_true",
        help="compare the checked copies with each other only, not with the other copies of "
        "the project (the configuration's folder or the git work tree)",
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
        "--statistics",
        action="store_true",
        help="print the number of findings per rule instead of the findings",
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

    explain = sub.add_parser(
        "explain",
        aliases=["rule"],
        parents=[common],
        help="show a rule's documentation (`rule` as in ruff: rule CODE, rule --all)",
    )
    explain.add_argument("code", nargs="?", metavar="CODE")
    explain.add_argument("--all", action="store_true", help="every rule's documentation")

    server = sub.add_parser(
        "server",
        parents=[common],
        help="the language server for editors, on stdio (needs liclint[server])",
    )
    server.add_argument(
        "--debounce",
        type=_milliseconds,
        default=300,
        metavar="MS",
        help="check a copy this long after the last change (default: 300)",
    )

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


def error(message: str) -> None:
    print(f"liclint: error: {message}", file=sys.stderr)


def file_settings(args: argparse.Namespace, start: str):
    """The settings of the configuration file: --config, none with --isolated, or the one found
    upwards from ``start``."""
    from liclint.running.config import ConfigError, Settings, find_config, load_config

    try:
        if args.config:
            return load_config(args.config)
        found = None if args.isolated else find_config(start)
        return load_config(found) if found else Settings()
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def registry(args: argparse.Namespace):
    """The rules of the installed plugins and of those the configuration names (``plugins``)."""
    from liclint.checking.plugins import load

    registry = load(modules=file_settings(args, ".").plugins)
    for problem in registry.errors:
        error(problem)
    return registry
