"""Settings: defaults, a configuration file, the command line — and where each value came from.

liclint reads ``liclint.toml`` (or ``.liclint.toml``; keys at the top level) or the
``[tool.liclint]`` table of ``pyproject.toml``, in the first directory that has one, walking up
from the first checked path as ruff does; ``--config FILE`` names a file instead. Command-line
options override the file. Every key is checked: an unknown key or a bad value is a
:class:`ConfigError` naming the file and the key. Rule codes and option names are checked once
the plugins are loaded (:meth:`Settings.validate`).

Keys (kebab-case, as ruff's): ``select``, ``ignore``, ``extend-select``, ``fail-on``, ``as-of``,
``include``, ``exclude``, ``per-file-ignores`` (glob → codes), ``severity`` (code → level),
``plugins`` (modules to load as plugins), ``max-size``, ``ocr-engine`` (``rapidocr`` or
``tesseract``), ``ocr-threads``, ``project-batch`` (``false``: the checked copies are compared
with each other only, not with the project's other copies), ``ledger`` (a SQLite file, relative
to the configuration's folder, or a database URL: :mod:`liclint.across.ledger`), and the table
``options`` (rule options, for example ``expiring-days = 60``). As in ruff, ``select = ["ALL"]`` is every rule, and
``extend-ignore`` and ``extend-exclude`` add to ``ignore`` and ``exclude`` (one list each in the
resolved settings).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liclint.across import redact
from liclint.reading.files import DEFAULT_INCLUDE, DEFAULT_MAX_BYTES

LEVELS = ("info", "warning", "error")
CONFIG_FILES = ("liclint.toml", ".liclint.toml", "pyproject.toml")
#: The selection of every rule (``select = ["ALL"]``, ``--select ALL``), as in ruff.
ALL = "ALL"


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    """The resolved settings of a run. Hashable and picklable (tuples, not lists or dicts), so a
    worker process can rebuild the same linter from them."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: str = "warning"
    as_of: dt.date | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    plugins: tuple[str, ...] = ()
    max_size: int = DEFAULT_MAX_BYTES
    ocr_engine: str = "rapidocr"  # for scanned PDFs and images: "rapidocr" or "tesseract"
    ocr_threads: int = 0  # threads an OCR engine may use (0: its default; --jobs sets it)
    options: tuple[tuple[str, Any], ...] = ()
    ledger: str | None = None  # the ledger to record copies in and check them against
    preview: bool = False  # also run the rules whose lifecycle is "preview"
    #: compare the copies checked with the project's other copies (liclint.running.run.run)
    project_batch: bool = True
    #: the configuration file these settings were read from, if any
    path: str | None = None
    #: key -> where its value came from ("default", the file and table, "command line")
    sources: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def root(self) -> Path | None:
        """The directory of the configuration file (plugins and globs are relative to it)."""
        return Path(self.path).parent if self.path else None

    def source(self, key: str) -> str:
        return dict(self.sources).get(key, "default")

    def override(self, origin: str = "command line", **values: Any) -> Settings:
        """These settings with ``values`` (attribute names) replaced; ``None`` leaves a value."""
        given = {k: _freeze(v) for k, v in values.items() if v is not None}
        if not given:
            return self
        sources = dict(self.sources)
        sources.update((_key(k), origin) for k in given)
        return dataclasses.replace(self, **given, sources=tuple(sorted(sources.items())))

    def validate(self, codes: Iterable[str], options: Mapping[str, Any]) -> None:
        """Check rule codes and option names against the loaded rules (``options``: name ->
        default). Raises :class:`ConfigError` naming where the bad value came from."""
        codes = tuple(codes)

        def check(key: str, prefixes: Iterable[str]) -> None:
            for prefix in prefixes:
                if not any(c.startswith(prefix.upper()) for c in codes):
                    raise ConfigError(
                        f"{self.source(key)}: {key}: {prefix!r} matches no rule "
                        "(see `liclint rules`)"
                    )

        check("select", (p for p in self.select if p.upper() != ALL))
        check("ignore", self.ignore)
        check("extend-select", (p for p in self.extend_select if p.upper() != ALL))
        check("per-file-ignores", (c for _, cs in self.per_file_ignores for c in cs))
        check("severity", (c for c, _ in self.severity))
        for name, value in self.options:
            if name not in options:
                known = ", ".join(sorted(options)) or "none"
                raise ConfigError(
                    f"{self.source('options')}: options: unknown rule option {name!r} "
                    f"(known: {known})"
                )
            default = options[name]
            if default is not None and not _same_kind(value, default):
                raise ConfigError(
                    f"{self.source('options')}: options.{name}: {value!r} is not "
                    f"{_KINDS.get(type(default).__name__, type(default).__name__)}"
                )

    def show(self) -> str:
        """The resolved settings and where each came from, for ``--show-settings``: valid TOML,
        so that it can be pasted into liclint.toml (a value that is not set is commented out)."""
        lines = [f"# configuration file: {self.path or 'none'}"]
        for f in dataclasses.fields(self):
            if f.name in ("path", "sources"):
                continue
            key = _key(f.name)
            value = getattr(self, f.name)
            if f.name in ("per_file_ignores", "severity", "options"):
                value = dict(value)
            elif f.name == "ledger" and value is not None:
                value = redact(value)
            if value is None:
                lines.append(f"# {key} = (not set)  # {self.source(key)}")
            else:
                lines.append(f"{key} = {_toml(value)}  # {self.source(key)}")
        return "\n".join(lines) + "\n"


def _key(attribute: str) -> str:
    return attribute.replace("_", "-")


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _same_kind(value: Any, default: Any) -> bool:
    if isinstance(default, list | tuple):
        return isinstance(value, list | tuple)
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


def find_config(start: str | Path) -> Path | None:
    """The configuration file for ``start``: the first of liclint.toml, .liclint.toml or a
    pyproject.toml with a ``[tool.liclint]`` table, in ``start``'s directory or a parent."""
    here = Path(os.path.abspath(start))  # not resolve(): a symlink loop is the reader's to report
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        # broken: ours to report if it holds our table (load_config says where it is broken)
        return "tool.liclint" in text
    return "liclint" in data.get("tool", {})


def load_config(path: str | Path) -> Settings:
    """The settings in one configuration file (over the defaults)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    table = "top level"
    if path.name == "pyproject.toml":
        table = "[tool.liclint]"
        data = data.get("tool", {}).get("liclint")
        if data is None:
            raise ConfigError(f"{path}: has no [tool.liclint] table")
    elif isinstance(data.get("tool"), dict) and "liclint" in data["tool"]:
        raise ConfigError(
            f"{path}: [tool.liclint] belongs in pyproject.toml; in {path.name} the keys stand "
            "at the top level (select = […], not [tool.liclint] select = […])"
        )
    origin = f"{path} {table}"
    values = {}
    for key, value in data.items():
        parse = _KEYS.get(key)
        if parse is None:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{origin}: unknown key {key!r} (known keys: {known})")
        try:
            values[key.replace("-", "_")] = parse(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{origin}: {key}: {exc}") from None
    for key in ("ignore", "exclude"):  # extend-ignore, extend-exclude: added to the list
        extra = values.pop(f"extend_{key}", None)
        if extra:
            values[key] = (*values.get(key, ()), *extra)
    ledger = values.get("ledger")
    if ledger is not None and "://" not in ledger and not os.path.isabs(ledger):
        values["ledger"] = str(path.parent.absolute() / ledger)  # beside the configuration
    settings = Settings(path=str(path))
    return settings.override(origin, **values)


def _toml(value: Any) -> str:
    """A setting's value written as TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{_toml(str(k))} = {_toml(v)}" for k, v in value.items())
        return "{ " + ", ".join(pairs) + " }" if value else "{}"
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string


# -- value checks --------------------------------------------------------------------------------


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"expected a list of strings, got {value!r}")
    return tuple(value)


def _level(value: Any) -> str:
    if value not in LEVELS:
        raise ValueError(f"expected one of {', '.join(LEVELS)}, got {value!r}")
    return value


def parse_date(value: Any) -> dt.date:
    """A date as the configuration and the command line take it: 2025-06-01."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date YYYY-MM-DD such as 2025-06-01, got {value!r}")


def _globs_to_codes(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise TypeError(f"expected a table of glob = [codes], got {value!r}")
    return tuple(sorted((glob, _strings(codes)) for glob, codes in value.items()))


def _levels(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise TypeError(f"expected a table of CODE = level, got {value!r}")
    return tuple(sorted((code, _level(level)) for code, level in value.items()))


_KINDS = {"int": "a whole number", "float": "a number", "str": "text", "bool": "true or false",
          "tuple": "a list", "list": "a list"}  # fmt: skip
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: Any) -> int:
    """A number of bytes, or a size as the configuration and the command line take it: "2M",
    "500k"."""
    if isinstance(value, str):
        number, unit = value.strip()[:-1], value.strip()[-1:].lower()
        if not unit.isalpha():
            number, unit = value.strip(), ""
        if number.isdigit() and unit in _UNITS:
            value = int(number) * _UNITS[unit]
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"expected a size such as 2M, 500k or a number of bytes, got {value!r}")
    return value


def _engine(value: Any) -> str:
    if value not in ("rapidocr", "tesseract"):
        raise ValueError(f"expected rapidocr or tesseract, got {value!r}")
    return value


def _threads(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(
            f"expected a number of threads (0 for the engine's default), got {value!r}"
        )
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _ledger(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a SQLite file or a database URL, got {value!r}")
    return value


def _options(value: Any) -> tuple[tuple[str, Any], ...]:
    if not isinstance(value, dict):
        raise TypeError(f"expected a table of option = value, got {value!r}")
    out = []
    for name, v in value.items():
        if isinstance(v, dict) or (
            isinstance(v, list) and not all(isinstance(i, str | int | float) for i in v)
        ):
            raise TypeError(f"option {name!r}: expected a value or a list of values, got {v!r}")
        out.append((name, tuple(v) if isinstance(v, list) else v))
    return tuple(sorted(out))


_KEYS = {
    "select": _strings,
    "ignore": _strings,
    "extend-select": _strings,
    "extend-ignore": _strings,
    "fail-on": _level,
    "as-of": parse_date,
    "include": _strings,
    "exclude": _strings,
    "extend-exclude": _strings,
    "per-file-ignores": _globs_to_codes,
    "severity": _levels,
    "plugins": _strings,
    "max-size": parse_size,
    "ocr-engine": _engine,
    "ocr-threads": _threads,
    "ledger": _ledger,
    "preview": _bool,
    "project-batch": _bool,
    "options": _options,
}
