"""liclint: a rule-based linter for Chinese value-added telecom business operating licenses.

The Python API (see :mod:`liclint.api`)::

    import liclint

    findings = liclint.lint_text(text, as_of=datetime.date(2025, 6, 1))
    findings = liclint.lint_paths(["archive/"], config="liclint.toml")
    doc = liclint.parse_text(text)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: name -> the module that defines it; imported on first use, so that `import liclint` (and the
#: command line's start-up) stays cheap.
_API = {
    "lint_text": "api",
    "lint_paths": "api",
    "check_files": "api",
    "parse_text": "api",
    "Linter": "api",
    "FileResult": "api",
    "Settings": "config",
    "ConfigError": "config",
    "find_config": "config",
    "load_config": "config",
    "Finding": "rule",
    "Severity": "rule",
    "Rule": "rule",
    "Option": "rule",
    "Context": "rule",
    "hookimpl": "hookspecs",
    "CrossRule": "cross",
    "CrossCheck": "cross",
    "Ledger": "ledger",
    "LedgerError": "cross",
}
__all__ = [  # noqa: RUF022 (the order of _API)
    "__version__",
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
    from .api import FileResult, Linter, check_files, lint_paths, lint_text, parse_text
    from .config import ConfigError, Settings, find_config, load_config
    from .cross import CrossCheck, CrossRule, LedgerError
    from .hookspecs import hookimpl
    from .ledger import Ledger
    from .rule import Context, Finding, Option, Rule, Severity


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'liclint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
