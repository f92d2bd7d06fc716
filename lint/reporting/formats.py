"""Render findings. Every reporter takes the same :class:`Report` and returns the whole text.

Formats (``REPORTERS``):

- ``text``: one ``path:line:col: CODE [severity] message`` line per finding and a summary line;
  ANSI colours only when ``Report.color``.
- ``full``: the same header per finding, then the offending source line with a line-number gutter
  and carets under the reported columns (wide CJK characters count two terminal columns), then a
  blank line; the summary line last.
- ``json``: an array of finding objects, each with the ``url`` of its rule's documentation.
- ``json-lines``: the same objects, one a line (JSON Lines).
- ``sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
- ``github``: GitHub Actions workflow commands (``::error file=…::message``), one per finding.
- ``gitlab``: a GitLab Code Quality report (a JSON array of issues).
- ``junit``: JUnit XML for CI test dashboards (one test case per checked file).
- ``html``: a self-contained review page for a person (:mod:`liclint.reporting.html`, which imports Jinja2
  only when this format is used).

:func:`statistics` counts findings per code (for ``--statistics``).

Every reporter is deterministic (the same report gives the same text, byte for byte) and renders
any finding without raising: empty reports, files whose source is unknown, positions beyond the
line, and control characters, CJK or emoji in messages.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from liclint import __version__
from liclint.checking.meta import Metadata, Severity, explain
from liclint.checking.rule import Finding, fingerprint
from liclint.checking.runner import RULE_CRASHED, UNREADABLE
from liclint.reporting.report import Report, display_path

# --- text and full ------------------------------------------------------------------------------

_RESET = "\x1b[0m"
_BOLD = "1"
_SEVERITY_COLOR = {
    Severity.ERROR: "31",
    Severity.WARNING: "33",
    Severity.INFO: "34",
}  # red/yellow/blue
_CYAN = "36"
_BLUE = "34"


def _paint(text: str, *codes: str, color: bool) -> str:
    """``text`` in the given SGR codes when ``color``, else ``text`` unchanged."""
    if not color or not codes:
        return text
    return f"\x1b[{';'.join(codes)}m{text}{_RESET}"


def _header(f: Finding, color: bool) -> str:
    """``path:line:col: CODE [severity] message``, coloured like ruff when ``color``."""
    if not color:
        return f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}"
    sev = _SEVERITY_COLOR.get(f.severity, _BOLD)
    colon = _paint(":", _CYAN, color=True)
    return (
        f"{_paint(f.path, _BOLD, color=True)}{colon}{f.line}{colon}{f.column}{colon} "
        f"{_paint(f.code, _BOLD, sev, color=True)} "
        f"{_paint(f'[{f.severity.value}]', sev, color=True)} {f.message}"
    )


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 file``, ``2 files``; ``many`` for an irregular plural (``copies``)."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def _summary(report: Report) -> str:
    findings, files = report.findings, report.files
    if not findings:
        return f"All checks passed ({plural(files, 'file')})."
    counts = Counter(f.severity.value for f in findings)
    parts = [plural(counts[s], s) for s in ("error", "warning", "info") if counts[s]]
    return (
        f"Found {plural(len(findings), 'finding')} ({', '.join(parts)}) in {plural(files, 'file')}."
    )


def text(report: Report) -> str:
    """``path:line:col: CODE [severity] message`` per finding, then a one-line summary."""
    out = [_header(f, report.color) for f in report.findings]
    out.append(_summary(report))
    return "\n".join(out) + "\n"


_TAB = 4  # a tab in a quoted source line advances to the next multiple of this many columns


def _cells(line: str) -> list[tuple[str, int]]:
    """Each character of ``line`` as (what the terminal is shown, how many columns it takes).

    Wide and full-width characters (East Asian Width W/F) take two columns, combining marks none;
    a tab becomes spaces, and an invisible or control character (which could reorder or hide the
    text, or drive the terminal) is shown as ``<U+XXXX>``."""
    cells: list[tuple[str, int]] = []
    column = 0
    for ch in line:
        if ch == "\t":
            shown = " " * (_TAB - column % _TAB)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            shown = f"<U+{ord(ch):04X}>"
        else:
            shown = ch
        width = sum(_width(c) for c in shown)
        cells.append((shown, width))
        column += width
    return cells


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes (wide CJK characters two, combining marks none)."""
    return sum(_width(c) for c in text)


def _width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _snippet(f: Finding, lines: Sequence[str] | None, color: bool) -> list[str]:
    """The gutter line quoting the finding's first line and the caret line under its columns;
    empty when the line is not known."""
    if lines is None or not isinstance(f.line, int) or not 1 <= f.line <= len(lines):
        return []
    line = lines[f.line - 1]
    if not isinstance(line, str):
        return []
    line = line.rstrip("\r\n")
    cells = _cells(line)
    start = min(max(f.column, 1), len(cells) + 1) - 1  # 0-based index of the first character
    # one line is shown: a finding over several lines is marked to the end of its first line
    end = len(cells) if f.end_line > f.line else min(max(f.end_column - 1, start), len(cells))
    offset = sum(w for _, w in cells[:start])
    width = max(1, sum(w for _, w in cells[start:end]))
    number = str(f.line)
    gutter = _paint(f"{number} |", _BLUE, _BOLD, color=color)
    blank = _paint(f"{' ' * len(number)} |", _BLUE, _BOLD, color=color)
    carets = _paint("^" * width, _SEVERITY_COLOR.get(f.severity, _BOLD), _BOLD, color=color)
    shown = "".join(s for s, _ in cells)
    return [f"{gutter} {shown}".rstrip(" "), f"{blank} {' ' * offset}{carets}"]


def full(report: Report) -> str:
    """Like ruff's ``full`` format: each finding's header line, its source line with a line-number
    gutter and carets under the reported columns, a blank line; then the summary line."""
    out: list[str] = []
    sources: dict[str, Sequence[str] | None] = {}
    for f in report.findings:
        if f.path not in sources:
            sources[f.path] = report.lines(f.path)
        out.append(_header(f, report.color))
        out += _snippet(f, sources[f.path], report.color)
        out.append("")
    out.append(_summary(report))
    return "\n".join(out) + "\n"


# --- json ---------------------------------------------------------------------------------------


def _objects(report: Report) -> list[dict[str, Any]]:
    """Each finding as a JSON object, with the ``url`` of its rule's documentation (as ruff's
    JSON; null for a code no rule of the run has)."""
    urls = {rule.code: help_uri(rule) for rule in report.rules}
    return [{**f.as_dict(), "url": urls.get(f.code)} for f in report.findings]


def json_(report: Report) -> str:
    """A JSON array of finding objects."""
    return json.dumps(_objects(report), ensure_ascii=False, indent=2) + "\n"


def json_lines(report: Report) -> str:
    """One JSON object a line per finding (JSON Lines); nothing for no findings."""
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in _objects(report))


# --- the paths of the CI formats ------------------------------------------------------------------

#: The formats CI services read; they place a finding by its path from the repository's root.
CI_FORMATS = ("github", "gitlab", "sarif", "junit")


def relative_to(report: Report, root: str | os.PathLike) -> Report:
    """``report`` with each local path under ``root`` relative to it (as GitHub annotations,
    GitLab Code Quality and code scanning need it); other paths, URLs and ``<stdin>`` as they
    are."""
    import dataclasses

    base = os.path.abspath(root)

    @functools.cache
    def rel(path: str) -> str:
        if path.startswith("<") or "://" in path:
            return path
        with contextlib.suppress(ValueError):  # another drive
            relative = os.path.relpath(os.path.abspath(path), base)
            if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
                return relative.replace(os.sep, "/")
        return path

    return dataclasses.replace(
        report,
        findings=[dataclasses.replace(f, path=rel(f.path)) for f in report.findings],
        copies=[dataclasses.replace(c, path=rel(c.path)) for c in report.copies],
    )


# --- sarif --------------------------------------------------------------------------------------

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/liclint/liclint"
RULES_DOC = "https://github.com/liclint/liclint/blob/main/docs/rules.md"
#: The partialFingerprints key of a finding's fingerprint (bump the version if its recipe changes).
FINGERPRINT_KEY = "liclintFingerprint/v1"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _collapse(text: str) -> str:
    return " ".join(str(text).split())


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation other than ``-`` and
    ``_`` dropped, spaces turned into hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def help_uri(rule: type[Metadata]) -> str | None:
    """Where docs/rules.md documents ``rule`` (its ``## CODE name (severity)`` heading); None
    for a plugin's rule, which liclint's catalog does not document."""
    if not _documented(rule):
        return None
    return f"{RULES_DOC}#{github_anchor(f'{rule.code} {rule.name} ({rule.severity.value})')}"


def _documented(rule: type[Metadata]) -> bool:
    """A built-in rule or one of the engine's (docs/rules.md has them), not a plugin's; a rule
    class not loaded through a registry by its module."""
    plugin = getattr(rule, "plugin", "")
    return (
        getattr(rule, "kind", "") == "engine"
        or plugin == "builtin"
        or (not plugin and rule.__module__.startswith(("liclint.rules.", "liclint.checking.")))
    )


def _artifact_uri(path: str) -> str:
    """A finding's path as a URI reference: forward slashes, relative paths kept relative (no
    leading ``./``), percent-encoded where a URI needs it (spaces, ``%``, ``#``, ``?``, non-ASCII)."""
    from urllib.parse import quote  # imported by the formats that need it: a fast start-up

    p = str(path).replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    if re.match(r"[A-Za-z]:/", p):  # a Windows drive path
        return "file:///" + quote(p, safe="/:")
    if p.startswith("/"):
        return "file://" + quote(p, safe="/")
    return quote(p, safe="/") or "."


def _fingerprint(f: Finding) -> str:
    """The finding's fingerprint, or (for a finding made without one) one of its code and message."""
    return f.fingerprint or fingerprint(f.code, f"{f.message}\0{f.path}")


def _rule_descriptor(rule: type[Metadata]) -> dict[str, Any]:
    severity = getattr(rule, "severity", Severity.WARNING)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _collapse(rule.summary)},
        "fullDescription": {"text": _collapse(rule.rationale)},
        "help": {"text": explain(rule)},
        **({"helpUri": uri} if (uri := help_uri(rule)) else {}),
        "defaultConfiguration": {"level": _SARIF_LEVEL.get(severity, "warning")},
    }


def _region(f: Finding) -> dict[str, int]:
    line = max(1, int(f.line))
    column = max(1, int(f.column))
    end_line = max(line, int(f.end_line))
    end_column = max(1, int(f.end_column))
    if end_line == line:
        end_column = max(end_column, column)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _location(f: Finding) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _artifact_uri(f.path)},
            "region": _region(f),
        }
    }


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF 2.1.0 log of ``report`` as a dict (see :func:`sarif`)."""
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule in report.rules:
        if rule.code not in index:
            index[rule.code] = len(descriptors)
            descriptors.append(_rule_descriptor(rule))

    results = []
    notifications = []
    skipped = _not_licenses(report)
    for f in report.findings:
        if f.path in skipped and f.severity is Severity.INFO:
            # a README beside the licenses is no code-scanning alert: a note of the run
            notifications.append(_notification(f, index, "note"))
            continue
        result: dict[str, Any] = {"ruleId": f.code}
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        result["level"] = _SARIF_LEVEL.get(f.severity, "warning")
        result["message"] = {"text": f.message or f.code}
        result["locations"] = [_location(f)]
        result["partialFingerprints"] = {FINGERPRINT_KEY: _fingerprint(f)}
        if f.extra:  # a PDF or an image: the page, the box on it, the OCR confidence
            result["properties"] = dict(f.extra)
        results.append(result)
        if f.code in (UNREADABLE, RULE_CRASHED):
            notifications.append(_notification(f, index, "error"))

    invocation: dict[str, Any] = {
        "executionSuccessful": not any(f.code == UNREADABLE for f in report.findings)
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver: dict[str, Any] = {
        "name": "liclint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": descriptors,
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _notification(f: Finding, index: dict[str, int], level: str) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "locations": [_location(f)],
        "message": {"text": f"{display_path(f.path)}: {f.message}"},
        "level": level,
        "descriptor": {"id": f.code},
    }
    if f.code in index:
        notification["descriptor"]["index"] = index[f.code]
    return notification


def _not_licenses(report: Report) -> set[str]:
    """The paths of the copies that were read but are not licenses and have
    nothing above info: their notes are no code-scanning results."""
    serious = {f.path for f in report.findings if f.severity.rank >= Severity.WARNING.rank}
    return {
        c.path
        for c in report.copies
        if not c.is_license and not c.unreadable and c.path not in serious
    }


def sarif(report: Report) -> str:
    """SARIF 2.1.0 (one run), as GitHub code scanning accepts it: the rules that ran with their
    documentation (``helpUri`` for liclint's own rules only), one result per finding with its
    region (columns in code points) and its fingerprint, and unreadable files (LIC002) and
    crashed rules (LIC001) also as tool execution notifications; execution is unsuccessful when
    a file could not be read. A file that is not a license (a README beside the copies) is no
    result: its note is a notification."""
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"


# --- github -------------------------------------------------------------------------------------

_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    """A workflow command's message, escaped as the Actions runner unescapes it."""
    return str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """A workflow command's property value: also ``:`` and ``,``, which end a property."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    """GitHub Actions workflow commands, one per finding: ``::error`` for errors, ``::warning``
    for warnings, ``::notice`` for infos, each an annotation at the finding's file and lines.

    Columns are given only for a finding on one line (GitHub rejects columns on an annotation of
    several lines); GitHub's ``endColumn`` is the last column of the annotation, so it is the
    finding's (exclusive) end column minus one."""
    out = []
    for f in report.findings:
        line = max(1, int(f.line))
        end_line = max(line, int(f.end_line))
        props = [("file", display_path(f.path)), ("line", str(line)), ("endLine", str(end_line))]
        if end_line == line:
            column = max(1, int(f.column))
            props += [("col", str(column)), ("endColumn", str(max(column, int(f.end_column) - 1)))]
        props.append(("title", f"{f.code} {f.name}".strip()))
        joined = ",".join(f"{k}={_escape_property(v)}" for k, v in props)
        out.append(
            f"::{_GITHUB_COMMAND.get(f.severity, 'warning')} {joined}::{_escape_data(f.message)}"
        )
    return "".join(line + "\n" for line in out)


# --- gitlab -------------------------------------------------------------------------------------

#: GitLab Code Quality severities (info, minor, major, critical, blocker) of liclint's: an error
#: is "major" (a clear violation that should block a merge, but not an outage: GitLab keeps
#: "critical" and "blocker" for those), a warning "minor", an info "info".
GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab(report: Report) -> str:
    """A GitLab Code Quality report: a JSON array with one issue per finding.

    The fingerprint must be unique per issue and stable across runs: it is a digest of the
    finding's own fingerprint (which does not change when lines move), its path, and which
    occurrence of that fingerprint in that file it is (two identical findings get two)."""
    seen: Counter[tuple[str, str]] = Counter()
    issues = []
    for f in report.findings:
        path = display_path(f.path)
        key = (_fingerprint(f), path)
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.blake2b(
            f"{key[0]}\0{path}\0{occurrence}".encode("utf-8", "surrogatepass"), digest_size=16
        ).hexdigest()
        issues.append(
            {
                "description": f"{f.code} {f.message}",
                "check_name": f.code,
                "fingerprint": digest,
                "severity": GITLAB_SEVERITY.get(f.severity, "minor"),
                "location": {"path": path, "lines": {"begin": max(1, int(f.line))}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


# --- junit --------------------------------------------------------------------------------------


@functools.cache
def _xml_invalid() -> re.Pattern[str]:
    """Characters XML 1.0 cannot hold (compiled on first use: 4 ms, for JUnit output only)."""
    return re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(value: str) -> str:
    """``value`` with the characters XML 1.0 cannot hold (most controls, lone surrogates, U+FFFE/F)
    written as ``\\uXXXX``; ElementTree escapes the rest (``&``, ``<``, quotes)."""
    return _xml_invalid().sub(lambda m: f"\\u{ord(m.group()):04x}", str(value))


def junit(report: Report) -> str:
    """JUnit XML as Jenkins and GitLab read it: a test suite "liclint" with one test case per
    checked file (class name and name the path; a clean file passes). A file with findings at
    warning or above has one ``<failure>``: its message is the first finding (``CODE message``,
    and how many more), its type the code, its text every finding, one a line (``path:line:col:
    CODE [severity] message``) — Jenkins shows one failure a test case. A file that could not
    be read, or on which a rule crashed, is an ``<error>`` instead. Infos go to the case's
    ``<system-out>``. A run without files is one passing test case "liclint". ``tests`` counts
    test cases, ``failures`` and ``errors`` the test cases that failed or erred."""
    import xml.etree.ElementTree as ET  # imported by the format that needs it: a fast start-up

    by_path: dict[str, list[Finding]] = {c.path: [] for c in report.copies}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)

    suites = ET.Element("testsuites", {"name": "liclint"})
    suite = ET.SubElement(suites, "testsuite", {"name": "liclint"})
    failed = erred = 0
    if not by_path:
        ET.SubElement(suite, "testcase", {"classname": "liclint", "name": "liclint"})
    for path, findings in by_path.items():
        name = _xml_text(display_path(path))
        case = ET.SubElement(suite, "testcase", {"classname": name, "name": name})
        errors = [f for f in findings if f.code in (UNREADABLE, RULE_CRASHED)]
        failures = [
            f for f in findings if f not in errors and f.severity.rank >= Severity.WARNING.rank
        ]
        infos = [f for f in findings if f not in errors and f not in failures]
        for tag, listed in (("error", errors), ("failure", failures), ("system-out", infos)):
            if not listed:
                continue
            first, more = listed[0], len(listed) - 1
            message = f"{first.code} {first.message}" + (f" (and {more} more)" if more else "")
            attributes = {"message": _xml_text(message), "type": _xml_text(first.code)}
            element = ET.SubElement(case, tag, attributes if tag != "system-out" else {})
            element.text = "\n".join(_xml_text(_junit_line(f)) for f in listed)
        erred += bool(errors)
        failed += bool(failures) and not errors
    tests = max(1, len(by_path))
    for element in (suites, suite):
        element.set("tests", str(tests))
        element.set("failures", str(failed))
        element.set("errors", str(erred))
    suite.set("skipped", "0")
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def _junit_line(f: Finding) -> str:
    return f"{display_path(f.path)}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}"


# --- statistics ---------------------------------------------------------------------------------


def statistics(report: Report) -> str:
    """Findings per code, as ``ruff --statistics``: ``count<TAB>code<TAB>name`` lines, the most
    frequent code first (then by code); nothing when there are no findings."""
    counts = Counter(f.code for f in report.findings)
    if not counts:
        return ""
    names = {rule.code: rule.name for rule in report.rules}
    for f in report.findings:
        if f.name:
            names.setdefault(f.code, f.name)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    count_width = max(len(str(n)) for _, n in rows)
    code_width = max(len(code) for code, _ in rows)
    return "".join(
        f"{n:>{count_width}}\t{code:<{code_width}}\t{names.get(code, '')}".rstrip() + "\n"
        for code, n in rows
    )


def html(report: Report) -> str:
    """A self-contained HTML review page (see :mod:`liclint.reporting.html`)."""
    from liclint.reporting.html import html as render  # Jinja2 is imported only for this format

    return render(report)


REPORTERS: dict[str, Callable[[Report], str]] = {
    "text": text,
    "full": full,
    "json": json_,
    "json-lines": json_lines,
    "sarif": sarif,
    "github": github,
    "gitlab": gitlab,
    "junit": junit,
    "html": html,
}
