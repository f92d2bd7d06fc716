"""Find plugins through the ``liclint`` entry-point group and collect their rules."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pluggy

from liclint.checking import hookspecs
from liclint.checking.meta import Metadata
from liclint.checking.runner import ENGINE_RULES

GROUP = "liclint"


class SelectionError(ValueError):
    """A --select / --ignore entry that names no rule."""


@dataclass
class Registry:
    """Every rule of every loaded plugin, by code, and what went wrong while loading."""

    rules: list[type[Metadata]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def get(self, code: str) -> type[Metadata] | None:
        code = code.upper()
        return next((r for r in self.rules if r.code == code), None)

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Metadata]:
        """Instances of the rules whose code starts with a selected prefix and no ignored one."""
        for prefix in (*select, *ignore):
            if not any(r.code.startswith(prefix.upper()) for r in self.rules):
                raise SelectionError(f"{prefix!r} matches no rule (see `liclint rules`)")
        chosen = [
            r
            for r in self.rules
            if (not select or r.code.startswith(tuple(p.upper() for p in select)))
            and not r.code.startswith(tuple(p.upper() for p in ignore))
        ]
        return [r() for r in chosen]


def load(
    plugins: Iterable[tuple[str, object]] | None = None,
    modules: Sequence[str] = (),
) -> Registry:
    """Load the plugins (by default: every entry point of the ``liclint`` group), and the
    ``modules`` named by the configuration's ``plugins`` key. Those must be importable as they
    are (installed, or on PYTHONPATH): the configuration's folder is not added to the import
    path, so a configuration file dropped into a checked folder cannot run a file beside it.

    A plugin that fails to import, implements an unknown hook, or returns a rule with broken
    metadata is reported in ``Registry.errors`` and left out; the other plugins still load.
    """
    manager = pluggy.PluginManager(GROUP)
    manager.add_hookspecs(hookspecs)
    registry = Registry()
    for rule in ENGINE_RULES:  # the engine's own findings, listed like every rule
        rule.plugin = "liclint"
        registry.rules.append(rule)
    if plugins is None:
        plugins = _entry_point_plugins(registry)
    plugins = [*plugins, *_module_plugins(modules, registry)]
    for name, plugin in plugins:
        if manager.is_registered(plugin):
            continue  # named by the configuration and found as an entry point too
        try:
            manager.register(plugin, name=name)
        except Exception as exc:  # a broken plugin must not break the run
            registry.errors.append(f"plugin {name!r} could not be registered: {exc}")
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        registry.errors.append(f"plugin {manager.get_name(exc.plugin)!r}: {exc}")
    for hook, kind in (
        (manager.hook.liclint_rules, "document"),
        (manager.hook.liclint_cross_rules, "cross"),
    ):
        for impl in hook.get_hookimpls():
            try:
                provided = list(impl.function())
            except Exception as exc:
                registry.errors.append(
                    f"plugin {impl.plugin_name!r} failed to list its rules: {exc}"
                )
                continue
            _add_rules(registry, impl.plugin_name, provided, kind)
    registry.rules.sort(key=lambda r: r.code)
    return registry


def _entry_point_plugins(registry: Registry) -> list[tuple[str, object]]:
    loaded = []
    for name, value, _, _ in installed_plugins():
        try:
            loaded.append((name, _load_entry_point(value)))
        except Exception as exc:
            registry.errors.append(f"plugin {name!r} ({value}) failed to load: {exc}")
    return loaded


def installed_plugins() -> list[tuple[str, str, str, str]]:
    """(name, value, distribution, version) of every entry point of the ``liclint`` group, by name.

    Asking importlib.metadata costs a start about 15 ms (importing it, and reading every installed
    distribution's metadata), so the answer is kept beside the bytecode (:mod:`liclint.text.datacache`),
    keyed by what is installed: the ``*.dist-info`` / ``*.egg-info`` entries of the import path
    with their modification times (installing, upgrading or removing a distribution changes
    them)."""
    from liclint.text import datacache

    key = _installed_key()
    found = datacache.load("plugins", key)
    if found is None:
        from importlib.metadata import entry_points

        found = [
            [ep.name, ep.value, ep.dist.name if ep.dist else "", ep.dist.version if ep.dist else ""]
            for ep in sorted(entry_points(group=GROUP), key=lambda ep: ep.name)
        ]
        datacache.save("plugins", key, found)
    return [tuple(entry) for entry in found]


def _installed_key() -> str:
    """Every ``*.dist-info`` / ``*.egg-info`` of the import path (in its order) with its
    modification time; for a file on the path (a zip), the file's."""
    parts = [sys.executable, sys.version]
    for entry in sys.path:
        try:
            if os.path.isfile(entry):
                parts.append(f"{entry}@{os.stat(entry).st_mtime_ns}")
                continue
            with os.scandir(entry or ".") as listing:
                parts += sorted(
                    f"{entry}/{item.name}@{item.stat().st_mtime_ns}"
                    for item in listing
                    if item.name.endswith((".dist-info", ".egg-info"))
                )
        except OSError:
            continue  # not on disk
    return "\n".join(parts)


def _load_entry_point(value: str) -> object:
    """The object an entry point's value (``module`` or ``module:attribute``) names, as
    importlib.metadata's ``EntryPoint.load`` finds it."""
    module, _, attribute = value.split("[")[0].partition(":")
    found = importlib.import_module(module.strip())
    for part in filter(None, attribute.strip().split(".")):
        found = getattr(found, part)
    return found


def _module_plugins(modules: Sequence[str], registry: Registry) -> list[tuple[str, object]]:
    loaded = []
    for name in modules:
        try:
            loaded.append((name, importlib.import_module(name)))
        except Exception as exc:
            registry.errors.append(
                f"plugin {name!r} (from the configuration's plugins) failed to import: "
                f"{type(exc).__name__}: {exc}"
            )
    return loaded


_HOOKS = {"document": ("liclint_rules", "Rule"), "cross": ("liclint_cross_rules", "CrossRule")}


def _add_rules(registry: Registry, plugin: str, provided: list[object], kind: str) -> None:
    seen = {r.code: r for r in registry.rules}
    hook, base = _HOOKS[kind]
    for rule in provided:
        if not (isinstance(rule, type) and issubclass(rule, Metadata) and rule.kind == kind):
            registry.errors.append(
                f"plugin {plugin!r} returned {rule!r} from {hook}, not a {base} subclass"
            )
            continue
        problems = rule.metadata_errors()
        if rule.code in seen and seen[rule.code] is not rule:
            problems.append(f"code {rule.code} is already used by {seen[rule.code].__qualname__}")
        if problems:
            registry.errors.extend(f"plugin {plugin!r}: {p}" for p in problems)
            continue
        if rule.code not in seen:
            seen[rule.code] = rule
            if not rule.__dict__.get("plugin"):
                rule.plugin = plugin
            registry.rules.append(rule)
