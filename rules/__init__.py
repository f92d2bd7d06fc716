"""The built-in rules, registered through the ``liclint`` entry-point group like any plugin.

One module per rule, named after its code (``num001_malformed_number.py``); a module whose name
starts with ``_`` holds shared data or helpers. Rule modules are imported only when the hook runs.
To add a rule, copy a rule module, give it a new code, and write its pass and fail cases in
``tests/rule_cases.toml``. The cross-copy rules (CRS, REG: subclasses of
:class:`liclint.across.cross.CrossRule`) are provided through the ``liclint_cross_rules`` hook and
tested in ``tests/test_ledger.py``.
"""

from __future__ import annotations

import importlib
import pkgutil

from liclint.checking.hookspecs import hookimpl


@hookimpl
def liclint_rules() -> list[type]:
    return [r for r in _rules() if r.kind == "document"]


@hookimpl
def liclint_cross_rules() -> list[type]:
    return [r for r in _rules() if r.kind == "cross"]


def _rules() -> list[type]:
    """The rule classes of every rule module (imported once)."""
    from liclint.checking.meta import Metadata

    if not _FOUND:
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            _FOUND.extend(
                obj
                for obj in vars(module).values()
                if isinstance(obj, type)
                and issubclass(obj, Metadata)
                and obj.__module__ == module.__name__
            )
    return _FOUND


_FOUND: list[type] = []
