"""What every rule declares up front, as zlint and pkilint do: the metadata both kinds of rule
share (:class:`liclint.checking.rule.Rule` over one document, and
:class:`liclint.across.cross.CrossRule` across copies), and the documentation made from it
(``liclint explain``, ``liclint rules``, docs/rules.md, SARIF).

A rule is described once, in fields: ``summary`` (what it finds, one line) and ``rationale``
(why that is a problem). ``citation`` names the public source it rests on (the regulation and
article, the template, a published list), ``source`` says which kind of source that is.
``effective`` and ``ineffective`` bound the licenses it applies to by their issue date: a license
issued before ``effective`` or on or after ``ineffective`` is not checked by the rule (not
applicable, which is not a pass). ``lifecycle`` is ``stable`` or ``preview`` (a preview rule runs
only when the run asks for preview rules, or selects it by its exact code).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar


class Severity(enum.Enum):
    """How bad a finding is: error = a clear violation, warning = likely wrong, info = worth knowing."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

#: The kinds of public source a rule may rest on.
SOURCES = {
    "regulation": "a law, a State Council regulation or a ministerial order (title and article)",
    "catalogue": "《电信业务分类目录》, the telecom business catalogue (its version and code)",
    "template": "the license template as MIIT prints it (the field or clause)",
    "published-list": "a list the ministry or a registry publishes (domain registries, PSL…)",
    "practice": "how genuine licenses are printed and issued, as public copies show",
    "engine": "liclint itself: what it could not do (a crash, an unreadable file)",
}
LIFECYCLES = ("stable", "preview")


@dataclass(frozen=True, slots=True)
class Option:
    """A setting a rule reads from the run's context, with its default and meaning."""

    default: Any
    help: str


@dataclass(frozen=True, slots=True)
class Context:
    """What a run knows besides the document: the date taken as today and rule options."""

    as_of: dt.date
    options: Mapping[str, Any] = field(default_factory=dict)


_CODE = re.compile(r"[A-Z]{2,5}[0-9]{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Metadata:
    """The metadata of a rule; subclasses add ``applies`` and ``check`` for what they see."""

    kind: ClassVar[str] = ""  # "document", "cross" or "engine": which hook provides it
    code: ClassVar[str]  # family prefix + number, e.g. "NUM001"
    name: ClassVar[str]  # kebab-case, e.g. "malformed-number"
    severity: ClassVar[Severity]
    summary: ClassVar[str]  # one line: what it finds
    rationale: ClassVar[str]  # why that is a problem
    citation: ClassVar[str]  # the public source: regulation and article, template, list
    source: ClassVar[str] = ""  # a key of SOURCES
    effective: ClassVar[dt.date | None] = None  # licenses issued from this date on (None: all)
    ineffective: ClassVar[dt.date | None] = None  # … and before this date (None: no end)
    lifecycle: ClassVar[str] = "stable"
    #: what removing a finding's span removes, for a rule whose findings' spans hold only
    #: invisible characters ("bidi control"): an editor offers the removal as a quick fix
    fix: ClassVar[str | None] = None
    options: ClassVar[Mapping[str, Option]] = {}
    plugin: ClassVar[str] = ""  # the plugin that registered the rule (set when loading)

    def option(self, ctx: Context, name: str) -> Any:
        return ctx.options.get(name, self.options[name].default)

    @classmethod
    def in_force(cls, issued: dt.date | None) -> bool:
        """Whether the rule applies to a license issued on ``issued`` (unknown: it does)."""
        if issued is None:
            return True
        if cls.effective is not None and issued < cls.effective:
            return False
        return cls.ineffective is None or issued < cls.ineffective

    @classmethod
    def metadata_errors(cls) -> list[str]:
        """What is wrong with this rule's metadata (empty if nothing): checked when loading."""
        errors = []
        q = cls.__qualname__
        for attr in ("code", "name", "severity", "summary", "rationale", "citation", "source"):
            if not getattr(cls, attr, None):
                errors.append(f"{q} has no {attr}")
        # ``effective`` must be decided, not inherited from Metadata's default: set in the rule's
        # class body or in a base class below Metadata (EngineRule sets it for LIC001/LIC002)
        if not any(
            "effective" in vars(c)
            for c in cls.__mro__
            if c is not Metadata and issubclass(c, Metadata)
        ):
            errors.append(f"{q} does not set effective (a datetime.date, or None: every license)")
        if getattr(cls, "code", None) and not _CODE.fullmatch(cls.code):
            errors.append(f"{q}: code {cls.code!r} is not a family prefix + 3 digits")
        if getattr(cls, "name", None) and not _NAME.fullmatch(cls.name):
            errors.append(f"{q}: name {cls.name!r} is not kebab-case")
        if getattr(cls, "severity", None) and not isinstance(cls.severity, Severity):
            errors.append(f"{q}: severity must be a Severity")
        if getattr(cls, "source", None) and cls.source not in SOURCES:
            errors.append(f"{q}: source {cls.source!r} is not one of {', '.join(SOURCES)}")
        for attr in ("effective", "ineffective"):
            value = getattr(cls, attr, None)
            if value is not None and (
                not isinstance(value, dt.date) or isinstance(value, dt.datetime)
            ):
                errors.append(f"{q}: {attr} must be a datetime.date or None")
        if cls.lifecycle not in LIFECYCLES:
            errors.append(f"{q}: lifecycle {cls.lifecycle!r} is not stable or preview")
        return errors


def describe(rule: type[Metadata]) -> dict[str, Any]:
    """A rule's metadata as data (``liclint rules --format json``)."""
    return {
        "code": rule.code,
        "name": rule.name,
        "kind": rule.kind,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "rationale": " ".join(rule.rationale.split()),
        "citation": " ".join(rule.citation.split()),
        "source": rule.source,
        "effective": rule.effective.isoformat() if rule.effective else None,
        "ineffective": rule.ineffective.isoformat() if rule.ineffective else None,
        "lifecycle": rule.lifecycle,
        "fix": rule.fix,
        "plugin": rule.plugin,
        "options": {k: {"default": o.default, "help": o.help} for k, o in rule.options.items()},
    }


def _applies_to(rule: type[Metadata]) -> str:
    if rule.effective and rule.ineffective:
        return f"licenses issued from {rule.effective} to before {rule.ineffective}"
    if rule.effective:
        return f"licenses issued from {rule.effective} on"
    if rule.ineffective:
        return f"licenses issued before {rule.ineffective}"
    return "every license"


def explain(rule: type[Metadata]) -> str:
    """A rule's documentation, as `liclint explain` prints it and docs/rules.md contains it."""
    lines = [
        f"{rule.code} {rule.name} ({rule.severity.value})",
        "",
        rule.summary,
        "",
        "Why: " + " ".join(rule.rationale.split()),
        "",
        "Citation: "
        + " ".join(rule.citation.split())
        + (f" [{rule.source}]" if rule.source else ""),
        "",
        f"Applies to: {_applies_to(rule)}"
        + (
            "; a preview rule (runs with --preview or when selected by code)"
            if rule.lifecycle == "preview"
            else ""
        ),
    ]
    for name, opt in rule.options.items():
        lines += ["", f"Option {name} (default {opt.default}): {opt.help}"]
    return "\n".join(lines) + "\n"


def catalog(rules) -> str:
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
        body = explain(r).split("\n", 2)[2].strip()
        out += ["", f"## {r.code} {r.name} ({r.severity.value})", "", body]
    return "\n".join(out) + "\n"
