"""liclint: a rule-based linter for Chinese value-added telecom business operating licenses.

The Python API (see :mod:`liclint.running.run`)::

    import liclint

    findings = liclint.lint_text(text, as_of=datetime.date(2025, 6, 1))
    findings = liclint.lint_paths(["archive/"], config="liclint.toml")
    result = liclint.run(["archive/"], liclint.load_config("liclint.toml"), keep=True)
    doc = liclint.parse_text(text)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: name -> the module that defines it; imported on first use, so that `import liclint` (and the
#: command line's start-up) stays cheap.
_API = {
    "run": "running.run",
    "RunResult": "running.run",
    "lint_text": "running.run",
    "lint_paths": "running.run",
    "check_files": "running.run",
    "parse_text": "running.run",
    "FileResult": "running.linter",
    "Linter": "running.linter",
    "Settings": "running.config",
    "ConfigError": "running.config",
    "find_config": "running.config",
    "load_config": "running.config",
    "Finding": "checking.rule",
    "Severity": "checking.meta",
    "Rule": "checking.rule",
    "Option": "checking.meta",
    "Context": "checking.meta",
    "hookimpl": "checking.hookspecs",
    "CrossRule": "across.cross",
    "CrossCheck": "across.cross",
    "Ledger": "across.ledger",
    "LedgerError": "across",
}
__all__ = [  # noqa: RUF022 (the order of _API)
    "__version__",
    "run",
    "RunResult",
    "lint_text",
    "lint_paths",
    "check_files",
    "parse_text",
    "Linter",
    "FileResult",
    "Settings",
    "ConfigError",
    "find_config",
    "load_config",
    "Finding",
    "Severity",
    "Rule",
    "Option",
    "Context",
    "hookimpl",
    "CrossRule",
    "CrossCheck",
    "Ledger",
    "LedgerError",
]

if TYPE_CHECKING:
    from liclint.across import LedgerError
    from liclint.across.cross import CrossCheck, CrossRule
    from liclint.across.ledger import Ledger
    from liclint.checking.hookspecs import hookimpl
    from liclint.checking.meta import Context, Option, Severity
    from liclint.checking.rule import Finding, Rule
    from liclint.running.config import ConfigError, Settings, find_config, load_config
    from liclint.running.linter import FileResult, Linter
    from liclint.running.run import RunResult, check_files, lint_paths, lint_text, parse_text, run


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'liclint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
