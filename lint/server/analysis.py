"""What the server says about one open copy, without pygls: its findings (from the same library
code as ``liclint check``, with the workspace's configuration), what a hover shows, and the
fixes that are mechanical and harmless. Positions here are liclint's (1-based, in characters);
:mod:`liclint.server.lsp` converts them for the client."""

from __future__ import annotations

import contextlib
import os
import re
import traceback
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from liclint.checking.meta import Metadata, Severity, explain
from liclint.checking.rule import Finding
from liclint.reading.files import matches
from liclint.reporting.formats import help_uri
from liclint.running.config import ConfigError, Settings, find_config, load_config
from liclint.running.linter import Linter, linter_for
from liclint.text.extract import parse_document, split_lines
from liclint.text.grammar import FOREIGN, PROVINCE_NAMES
from liclint.text.model import Document, as_dict

#: The codes whose findings have a fix: the character they point at is removed. Nothing else of a
#: copy is ever edited (its content is the license's, not liclint's to change).

#: What a number's category codes grant (its province: grammar.PROVINCE_NAMES).
CATEGORIES = {
    "A1": "第一类基础电信业务",
    "A2": "第二类基础电信业务",
    "B1": "第一类增值电信业务",
    "B2": "第二类增值电信业务",
}
_ROLES = {"front": "front page", "header": "page header", "watermark": "watermark"}


@dataclass
class Analysis:
    """One check of one copy's text: ``findings`` (empty for a text that is not a license),
    the document model (``document``: None for a text that is not a license), the rules that ran
    by code, and ``problem``: why the copy could not be checked (a configuration error, an
    internal error), which the server shows as one diagnostic on line 1."""

    path: str
    text: str
    lines: list[str]
    findings: list[Finding] = field(default_factory=list)
    document: Document | None = None
    rules: dict[str, type[Metadata]] = field(default_factory=dict)
    problem: str | None = None
    problem_severity: Severity = Severity.ERROR


# -- configuration -------------------------------------------------------------------------------

_CONFIGS: dict[str, tuple[int, Settings]] = {}


def settings_for(path: str | None, root: str | None = None) -> Settings:
    """The settings of the configuration that ``liclint check`` would use for ``path`` (found
    upwards from it, or from the workspace ``root`` for a document without a file), re-read when
    the file changes. Raises ConfigError."""
    start = path if path and os.path.isabs(path) else root
    found = find_config(start) if start else None
    if found is None:
        return Settings()
    key = str(found)
    try:
        stamp = found.stat().st_mtime_ns
    except OSError:
        stamp = -1
    cached = _CONFIGS.get(key)
    if cached is None or cached[0] != stamp:
        cached = (stamp, load_config(found))
        _CONFIGS[key] = cached
    return cached[1]


def excluded(path: str, settings: Settings) -> bool:
    """Whether ``exclude`` leaves ``path`` out (relative to the configuration's folder)."""
    if not settings.exclude:
        return False
    relative = path
    if settings.root is not None:
        with contextlib.suppress(ValueError):
            relative = os.path.relpath(path, settings.root)
    return matches(relative, settings.exclude) or matches(path, settings.exclude)


# -- checking ------------------------------------------------------------------------------------


def analyse(text: str, path: str, root: str | None = None) -> Analysis:
    """Check ``text`` as the copy at ``path`` (a file path, or a URI for a document that has no
    file). Never raises: whatever goes wrong is the analysis's ``problem``."""
    result = Analysis(path, text, split_lines(text))
    try:
        settings = settings_for(path, root)
        if excluded(path, settings):
            return result
        if len(text.encode("utf-8", "surrogatepass")) > settings.max_size:
            result.problem = f"not checked: larger than max-size ({settings.max_size} bytes)"
            result.problem_severity = Severity.INFO
            return result
        linter: Linter = linter_for(settings)
        findings = linter.check_text(text, path)
        doc = parse_document(path, text)
        if not doc.is_license:
            return result
        result.document, result.findings = doc, findings
        result.rules = {r.code: r for r in linter.registry.rules}
        if linter.plugin_errors:
            result.problem = "; ".join(linter.plugin_errors)
            result.problem_severity = Severity.WARNING
    except ConfigError as exc:
        result.problem = f"liclint configuration: {exc}"
    except Exception as exc:  # a crash is a diagnostic, never a dead server
        where = traceback.extract_tb(exc.__traceback__)[-1]
        result.problem = (
            f"liclint: internal error: {type(exc).__name__}: {exc} "
            f"({os.path.basename(where.filename)}:{where.lineno})"
        )
        result.findings, result.document = [], None
    return result


def documentation(result: Analysis, code: str) -> str | None:
    """The documentation URL of the rule ``code``."""
    rule = result.rules.get(code)
    return help_uri(rule) if rule is not None else None


# -- hover ---------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text shown in Markdown as written."""
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", str(text))


def _within(position: tuple[int, int], item: dict) -> bool:
    start = (item["line"], item["column"])
    end = (item["end_line"], item["end_column"])
    return start <= position < end or start == end == position


def _entries(result: Analysis) -> Iterator[tuple[dict, str]]:
    """(where, Markdown) for every parsed field of the copy that a hover explains."""
    doc = result.document
    if doc is None:
        return
    model = as_dict(doc)
    for number, parsed in zip(model["numbers"], doc.numbers, strict=True):
        yield number, _number(number, parsed.parsed)
    for key, label in (
        ("company", "Company (公司名称)"),
        ("legal_representative", "Legal representative (法定代表人)"),
        ("authority", "Issuing authority (发证机关)"),
        ("cross_regional", "跨地区: a cross-regional license"),
    ):
        if model[key] is not None:
            yield model[key], f"**{label}**: {_md(model[key]['text'])}"
    for key, label in (
        ("issue_date", "Issue date (发证日期)"),
        ("expiry_date", "Expiry (有效期至)"),
    ):
        if model[key] is not None:
            yield model[key], _date(label, model[key])
    if model["scope"] is not None:
        yield model["scope"], _scope("Scope (业务种类及覆盖范围)", model["scope_parts"])
    attachment = model["attachment"]
    if attachment is not None:
        if attachment["company"] is not None:
            yield (
                attachment["company"],
                (f"**Company on the attachment (附页)**: {_md(attachment['company']['text'])}"),
            )
        if attachment["scope"] is not None:
            yield (
                attachment["scope"],
                _scope("Scope on the attachment (附页)", attachment["scope_parts"]),
            )
        for site in attachment["websites"]:
            text = _website(site)
            for key in ("name", "domain", "server_location", "access_provider"):
                if site[key] is not None:
                    yield site[key], text
    for mark in model["watermarks"]:
        lines = [f"**Watermark**: {_md(mark['usage']['text'])}"]
        if mark["purpose"] is not None:
            lines.append(f"- for: {_md(mark['purpose']['text'])}")
        if mark["valid_until"] is not None:
            until = mark["valid_until"]
            lines.append(f"- valid until: {until['value'] or _md(until['error'] or '?')}")
        lines.append(f"- 再次复印无效: {'yes' if mark['no_copy'] is not None else 'missing'}")
        yield mark["usage"], "\n".join(lines)
        if mark["valid_until"] is not None:
            yield mark["valid_until"], _date("Watermark valid until", mark["valid_until"])


def _line(item: dict) -> str:
    if item["end_line"] > item["line"]:
        return f"lines {item['line']}–{item['end_line']}"
    return f"line {item['line']}"


def _number(item: dict, parsed) -> str:
    lines = [f"**License number** ({_ROLES.get(item['role'], item['role'])}, {_line(item)})", ""]
    if parsed is None:
        lines.append(f"`{_md(item['text'])}` does not parse: {_md(item['error'] or '?')}")
        return "\n".join(lines)
    lines.append(f"- number: {_md(parsed.normalized)} ({parsed.kind})")
    if parsed.prefix is None:
        lines.append("- issued by the ministry (no province prefix): a cross-regional license")
    elif parsed.prefix == FOREIGN:
        lines.append("- 合字: issued by the ministry to a foreign-invested company")
    else:
        province = PROVINCE_NAMES.get(parsed.prefix, "not a province's abbreviation")
        lines.append(f"- province: {parsed.prefix} ({province})")
    for code in parsed.categories:
        lines.append(
            f"- category {code}: {CATEGORIES.get(code, 'not a category of the catalogue')}"
        )
    if parsed.year is not None:
        lines.append(f"- first issued: {parsed.year}")
    return "\n".join(lines)


def _date(label: str, item: dict) -> str:
    value = item["value"] or f"not a date: {_md(item['error'] or '?')}"
    return f"**{label}** ({_line(item)}): {value}\n\nas printed: {_md(item['text'])}"


def _scope(label: str, parts: dict | None) -> str:
    lines = [f"**{label}**", ""]
    if parts is None:
        return lines[0]
    for business in parts["businesses"]:
        qualifier = business["qualifier"]
        more = f" ({_md(qualifier['text'])})" if qualifier is not None else ""
        lines.append(f"- business: {_md(business['name']['text'])}{more}")
    for key, what in (("exclusions", "不含"), ("inclusions", "含"), ("areas", "area")):
        for item in parts[key]:
            lines.append(f"- {what}: {_md(item['text'])}")
    return "\n".join(lines)


def _website(site: dict) -> str:
    lines = [f"**Website** (attachment, line {site['line']})", ""]
    for key, label in (
        ("name", "网站名称"),
        ("domain", "网站域名"),
        ("server_location", "服务器放置地"),
        ("access_provider", "网站接入服务提供单位"),
    ):
        value = site[key]
        lines.append(f"- {label}: {_md(value['text']) if value is not None else '—'}")
    return "\n".join(lines)


def findings_at(result: Analysis, line: int, column: int) -> list[Finding]:
    """The findings whose span holds the 1-based position (a finding of no width: its position)."""
    here = (line, column)
    return [
        f
        for f in result.findings
        if (f.line, f.column) <= here < (f.end_line, f.end_column) or (f.line, f.column) == here
    ]


def hover(result: Analysis, line: int, column: int) -> str | None:
    """Markdown for a hover at the 1-based position: the innermost parsed field there with its
    parsed value, and the explanation of every finding there."""
    parts = []
    here = (line, column)
    fields = [(item, text) for item, text in _entries(result) if _within(here, item)]
    if fields:
        # the innermost field: fewest lines, then fewest columns
        parts.append(min(fields, key=lambda e: (e[0]["end_line"] - e[0]["line"], _size(e[0])))[1])
    for f in findings_at(result, line, column):
        rule = result.rules.get(f.code)
        text = f"**{f.code}** {_md(f.name)} ({f.severity.value}): {_md(f.message)}"
        if rule is not None:
            text += "\n\n" + _md(explain(rule)).replace("\n", "  \n").replace("  \n  \n", "\n\n")
            text += f"\n\n[{f.code} in the rule catalog]({help_uri(rule)})"
        parts.append(text)
    return "\n\n---\n\n".join(parts) or None


def _size(item: dict) -> int:
    return item["end_column"] - item["column"]


# -- fixes ---------------------------------------------------------------------------------------


def invisible(char: str) -> bool:
    """Whether removing ``char`` changes nothing a reader sees: a format character (bidi controls,
    zero-width characters, the BOM, the soft hyphen), a Hangul filler or the combining grapheme
    joiner."""
    return (
        unicodedata.category(char) == "Cf"
        or char == "\u034f"
        or "FILLER" in unicodedata.name(char, "")
    )


@dataclass(frozen=True)
class Fix:
    """Remove ``text`` (invisible characters) at the 1-based span; ``finding`` asked for it,
    and its rule calls what is removed ``what`` (its ``fix``)."""

    finding: Finding
    line: int
    column: int
    end_column: int
    text: str
    what: str

    @property
    def title(self) -> str:
        names = ", ".join(
            f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed').title()}" for c in self.text
        )
        return f"Remove the {self.what} {names}"


def fixes(result: Analysis) -> list[Fix]:
    """A fix for every finding of a rule with a ``fix`` (TXT001, TXT002) whose span, in the
    current text, holds only invisible characters on one line: anything else is never edited."""
    out = []
    for f in result.findings:
        what = getattr(result.rules.get(f.code), "fix", None)
        if what is None or f.end_line != f.line or not 1 <= f.line <= len(result.lines):
            continue
        text = result.lines[f.line - 1][f.column - 1 : f.end_column - 1]
        if text and all(invisible(c) for c in text):
            out.append(Fix(f, f.line, f.column, f.end_column, text, what))
    return out
