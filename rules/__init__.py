"""The built-in rules, registered through the ``liclint`` entry-point group like any plugin.

One module per rule, named after its code (``num001_malformed_number.py``); a module whose name
starts with ``_`` holds shared data or helpers. Rule modules are imported only when the hook runs.
To add a rule, copy a rule module, give it a new code, and write its pass and fail cases in
``tests/rule_cases.toml``.
"""

from __future__ import annotations

import importlib
import pkgutil

from liclint.hookspecs import hookimpl


@hookimpl
def liclint_rules() -> list[type]:
    from liclint.rule import Rule

    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found += [
            obj
            for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, Rule) and obj.__module__ == module.__name__
        ]
    return found
