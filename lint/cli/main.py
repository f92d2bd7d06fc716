"""The ``liclint`` command line: check, parse, rules, explain (rule), ledger, server.

Exit codes: 0 nothing at or above the fail level; 1 a finding at or above it; 2 a usage error,
unreadable input, a broken plugin or an internal error (one line on stderr; a traceback only with
``--debug``). Only the report goes to stdout.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from liclint.cli import args as args_
from liclint.cli.check import check
from liclint.cli.commands import explain, ledger, parse, rules, server

_COMMANDS = {
    "check": check,
    "parse": parse,
    "rules": rules,
    "explain": explain,
    "rule": explain,  # ruff's name for it
    "ledger": ledger,
    "server": server,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = args_.build_parser().parse_args(argv)
        if args.command is None:
            args_.build_parser().print_help(sys.stderr)
            return args_.EXIT_ERROR
        return _COMMANDS[args.command](args)
    except args_.UsageError as exc:
        args_.error(str(exc))
        return args_.EXIT_ERROR
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return args_.EXIT_ERROR
    except KeyboardInterrupt:
        args_.error("interrupted")
        return 130
    except Exception as exc:
        if debug:
            raise
        args_.error(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)"
        )
        return args_.EXIT_ERROR
