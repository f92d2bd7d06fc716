"""The other commands: ``parse``, ``rules``, ``explain`` (``rule``), ``ledger`` and ``server``."""

from __future__ import annotations

import argparse
import json
import sys

from liclint.cli import args as args_


def parse(args: argparse.Namespace) -> int:
    from liclint.reading.files import DEFAULT_MAX_BYTES, ReadError
    from liclint.running.config import Settings
    from liclint.running.linter import read_copy
    from liclint.text.extract import parse_document, split_lines
    from liclint.text.model import as_dict

    settings = Settings(
        max_size=args.max_size or DEFAULT_MAX_BYTES, ocr_engine=args.ocr_engine or "rapidocr"
    )
    try:
        name, text, media = read_copy(args.path, settings)
    except ReadError as exc:
        args_.error(str(exc))
        return args_.EXIT_ERROR
    if args.text:
        for number, line in enumerate(split_lines(text), 1):
            where = ""
            if media is not None and number <= len(media):
                origin = media[number - 1]
                where = f"p{origin.page} "
                if origin.confidence is not None:
                    where += f"({origin.confidence:.2f}) "
            sys.stdout.write(f"{where}{number:4d} | {line}\n")
        return args_.EXIT_OK
    doc = parse_document(name, text)
    doc.media = media
    sys.stdout.write(json.dumps(as_dict(doc), ensure_ascii=False, indent=2) + "\n")
    return args_.EXIT_OK


def rules(args: argparse.Namespace) -> int:
    from liclint.checking.meta import catalog, describe

    registry = args_.registry(args)
    if args.format == "json":
        data = [describe(r) for r in registry.rules]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(catalog(registry.rules))
    else:
        for r in registry.rules:
            print(f"{r.code}  {r.name:<34} {r.severity.value:<8} {r.summary}")
    return args_.EXIT_ERROR if registry.errors else args_.EXIT_OK


def explain(args: argparse.Namespace) -> int:
    from liclint.checking.meta import explain as explain_rule

    if args.all == bool(args.code):
        raise args_.UsageError(f"{args.command}: give a rule CODE or --all, not both or neither")
    registry = args_.registry(args)
    if args.all:
        sys.stdout.write("\n".join(explain_rule(r) for r in registry.rules))
        return args_.EXIT_ERROR if registry.errors else args_.EXIT_OK
    rule = registry.get(args.code)
    if rule is None:
        raise args_.UsageError(f"unknown rule code {args.code!r} (see `liclint rules`)")
    sys.stdout.write(explain_rule(rule))
    return args_.EXIT_ERROR if registry.errors else args_.EXIT_OK


def server(args: argparse.Namespace) -> int:
    """``liclint server``: the language server on stdio, with pygls (the ``server`` extra)."""
    try:
        from liclint.server.lsp import serve
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol", "cattrs", "attrs"):
            raise
        raise args_.UsageError(
            f"server needs pygls and lsprotocol ({exc.name} is missing): "
            "pip install 'liclint[server]'"
        ) from None
    return serve(args.debounce / 1000)


def ledger(args: argparse.Namespace) -> int:
    from liclint.across import LedgerError
    from liclint.reporting.formats import plural

    target = args.ledger or args_.file_settings(args, ".").ledger
    if not target:
        raise args_.UsageError(
            f"ledger {args.action}: no ledger (give --ledger, or ledger = in liclint.toml)"
        )
    try:
        from liclint.across.ledger import Ledger
        from liclint.across.registry import read_registry

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
                    return args_.EXIT_FINDINGS
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
        raise args_.UsageError(str(exc)) from None
    return args_.EXIT_OK


def _show_records(records: list[dict], form: str) -> None:
    from liclint.reporting.formats import columns, plural

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
