"""The ``liclint`` command line: check, parse, rules, explain.

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

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("info", "warning", "error")


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
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date taken as today (default: the local date)",
    )
    check.add_argument(
        "--select",
        type=_csv,
        default=[],
        metavar="CODES",
        help="only these rule codes or prefixes (comma-separated)",
    )
    check.add_argument(
        "--ignore",
        type=_csv,
        default=[],
        metavar="CODES",
        help="leave out these rule codes or prefixes (comma-separated)",
    )
    check.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        default="warning",
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
        default=None,
        metavar="GLOBS",
        help="file name patterns to check in directories (default: *.txt,*.md)",
    )
    check.add_argument(
        "--exclude",
        type=_csv,
        default=[],
        metavar="GLOBS",
        help="file or directory patterns to skip",
    )
    check.add_argument(
        "--max-size",
        type=_size,
        default=None,
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

    parse = sub.add_parser("parse", parents=[common], help="print the document model as JSON")
    parse.add_argument("path", metavar="FILE", help="a license copy; '-' reads standard input")
    parse.add_argument("--max-size", type=_size, default=None, metavar="SIZE")

    rules = sub.add_parser("rules", parents=[common], help="list every rule of every plugin")
    rules.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="markdown is the rule catalog docs/rules.md",
    )

    explain = sub.add_parser("explain", parents=[common], help="show a rule's documentation")
    explain.add_argument("code", metavar="CODE")
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


def _registry():
    from .plugins import load

    registry = load()
    for problem in registry.errors:
        _error(problem)
    return registry


def _options(pairs: Sequence[str], rules) -> dict[str, object]:
    known = {name: opt for rule in rules for name, opt in rule.options.items()}
    options: dict[str, object] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or name not in known:
            choices = ", ".join(sorted(known)) or "none"
            raise UsageError(f"--option {pair!r}: expected NAME=VALUE with NAME one of: {choices}")
        kind = type(known[name].default)
        try:
            options[name] = kind(raw)
        except ValueError:
            raise UsageError(f"--option {name}: {raw!r} is not a valid {kind.__name__}") from None
    return options


def _check(args: argparse.Namespace) -> int:
    from .extract import parse_document
    from .plugins import SelectionError
    from .reading import DEFAULT_INCLUDE, DEFAULT_MAX_BYTES, ReadError, discover, read
    from .reporters import REPORTERS, Report
    from .rule import Context, Severity
    from .runner import lint

    registry = _registry()
    failed = bool(registry.errors)
    try:
        rules = registry.select(args.select, args.ignore)
    except SelectionError as exc:
        raise UsageError(str(exc)) from None
    ctx = Context(args.as_of or dt.date.today(), _options(args.option, rules))
    max_bytes = args.max_size or DEFAULT_MAX_BYTES
    findings, files = [], 0
    for path in discover(args.paths, args.include or DEFAULT_INCLUDE, args.exclude):
        try:
            source = read(path, max_bytes)
        except ReadError as exc:
            _error(str(exc))
            failed = True
            continue
        files += 1
        findings.extend(lint(parse_document(source.path, source.text), rules, ctx))
    findings.sort()
    report = Report(findings, files, [type(r) for r in rules])
    sys.stdout.write(REPORTERS[args.format](report))
    sys.stdout.flush()
    if failed:
        return EXIT_ERROR
    threshold = Severity(args.fail_on).rank
    if not args.exit_zero and any(f.severity.rank >= threshold for f in findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _parse(args: argparse.Namespace) -> int:
    from .extract import parse_document
    from .model import as_dict
    from .reading import DEFAULT_MAX_BYTES, ReadError, read

    try:
        source = read(args.path, args.max_size or DEFAULT_MAX_BYTES)
    except ReadError as exc:
        _error(str(exc))
        return EXIT_ERROR
    doc = parse_document(source.path, source.text)
    sys.stdout.write(json.dumps(as_dict(doc), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    registry = _registry()
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
    registry = _registry()
    rule = registry.get(args.code)
    if rule is None:
        raise UsageError(f"unknown rule code {args.code!r} (see `liclint rules`)")
    sys.stdout.write(explain_text(rule))
    return EXIT_ERROR if registry.errors else EXIT_OK


_COMMANDS = {"check": _check, "parse": _parse, "rules": _rules, "explain": _explain}
