"""The ``html`` format: one self-contained review page for a person, not a CI log.

``liclint check --format html -o review.html PATHS`` writes a single HTML file with its stylesheet
and script inline and nothing to fetch (no CDN, no web font, no image), so it can be mailed or
attached to a ticket and opened offline. It holds:

- the batch: how many copies, a verdict per copy (clean, not a license, warnings, errors,
  unreadable), the
  findings by rule family and severity (an inline-SVG bar chart), the licenses expiring within
  :data:`EXPIRING_DAYS` days of the as-of date (an inline-SVG timeline), and a table of the copies,
  sortable, filterable by verdict, severity and rule code, searchable by company, number or file;
- each copy, rendered only when it is opened (so 1,000 copies load as fast as ten): its original
  text with line numbers and every finding marked at its span with the message under the line,
  its findings as links to their spans (``j``/``k`` step through them, ``/`` searches), the
  template wording beside a clause that differs from it with the differences marked, the parsed
  fields with their lines, and for a PDF or an image the page, OCR box and confidence.

The copies come from strangers. The page template is rendered by Jinja2 with autoescape; a copy's
own data travels as JSON (with ``<``, ``>``, ``&``, ``/`` and U+2028/U+2029 written as escapes),
gzip-compressed and base64-encoded in a ``<script type="application/x-liclint-copy">`` data block
(base64 holds nothing HTML could read as markup), and is put into the page by the report's script
with ``textContent`` and Text nodes only, never as markup. Invisible and
bidi control characters are shown as visible ``U+XXXX`` marks and the copy's text is shown in
its stored order (``unicode-bidi: bidi-override``). A Content-Security-Policy meta tag allows no
fetch of any kind and no script or style but the report's own (by hash).

The page is deterministic: the same report gives the same bytes.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import gzip
import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from liclint import __version__
from liclint.checking.rule import Finding, Severity
from liclint.checking.runner import UNREADABLE
from liclint.reporting.html.diff import template_diff, words
from liclint.reporting.html.pictures import pictures
from liclint.reporting.report import Report, display_path
from liclint.text.extract import split_lines

__all__ = ["EXPIRING_DAYS", "VERDICTS", "html", "pack", "script_json", "unpack", "visible"]

#: Licenses expiring within this many days of the as-of date are put on the timeline.
EXPIRING_DAYS = 90
#: A copy's verdict, from the best to the worst.
VERDICTS = ("clean", "not-a-license", "warnings", "errors", "unreadable")
SEVERITIES = ("error", "warning", "info")


# --- characters ---------------------------------------------------------------------------------

#: Characters that take no visible space or reorder the text around them, beyond the Unicode
#: categories Cc, Cf, Cs, Co, Cn, Zl and Zp: the Hangul fillers (letters that show nothing).
_EXTRA_HIDDEN = frozenset("\u115f\u1160\u3164\uffa0")
_HIDDEN_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def is_hidden(char: str) -> bool:
    """Whether ``char`` is shown as a ``U+XXXX`` mark (controls, bidi and format characters,
    unassigned and private-use code points, separators; a tab is shown as it is)."""
    if char == "\t":
        return False
    return char in _EXTRA_HIDDEN or unicodedata.category(char) in _HIDDEN_CATEGORIES


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()


def visible(value: object, marks: bool = True) -> Any:
    """``value`` as escaped HTML (a ``Markup``) in which every hidden character (see
    :func:`is_hidden`) is a visible ``U+XXXX`` mark (a styled element, or plain text where no
    element can stand: ``marks=False``, for SVG titles) and no ``://`` appears."""
    from markupsafe import Markup, escape

    out: list[str] = []
    run: list[str] = []
    for char in str(value):
        if is_hidden(char):
            if run:
                out.append(str(escape("".join(run))))
                run = []
            if marks:
                out.append(
                    f'<span class="ctl" title="{escape(_name(char))}">U+{ord(char):04X}</span>'
                )
            else:
                out.append(f"[U+{ord(char):04X}]")
        else:
            run.append(char)
    if run:
        out.append(str(escape("".join(run))))
    return Markup("".join(out).replace("://", ":&#47;&#47;"))


def _visible_text(value: object) -> Any:
    return visible(value, marks=False)


def _attribute(value: object) -> Any:
    """``value`` escaped for an attribute; hidden characters and the slashes of ``://`` are
    written as character references (the value the page's script reads back is unchanged, and
    the file itself holds no bidi control)."""
    from markupsafe import Markup, escape

    text = "".join(f"&#x{ord(c):X};" if is_hidden(c) else str(escape(c)) for c in str(value))
    return Markup(text.replace("://", ":&#47;&#47;"))


_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "/": "\\/",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&/\u2028\u2029\ud800-\udfff]")


def script_json(data: object) -> str:
    """``data`` as JSON that can stand inside ``<script type="application/json">``: no ``<``,
    ``>``, ``&`` or ``/`` (so no ``</script>`` or ``<!--``), U+2028/U+2029 and lone surrogates
    escaped (the output is always encodable as UTF-8)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(
        lambda m: _JSON_ESCAPES.get(m.group()) or f"\\u{ord(m.group()):04x}", text
    )


def pack(data: object) -> str:
    """``data`` as the page carries a copy: :func:`script_json`, gzip-compressed (no time stamp:
    the same data gives the same bytes) and base64-encoded. The page's script unpacks it with
    the browser's own ``DecompressionStream`` when the copy is opened; base64 holds no ``<``,
    ``&`` or quote, and the copies' text takes a third of the room it would as JSON."""
    raw = script_json(data).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode("ascii")


def unpack(blob: str) -> Any:
    """The data :func:`pack` packed (for tests and tools reading a report)."""
    return json.loads(gzip.decompress(base64.b64decode(blob)).decode("utf-8"))


# --- a copy -------------------------------------------------------------------------------------


@dataclasses.dataclass
class _Copy:
    """What the page shows of one checked file."""

    index: int
    path: str
    findings: list[Finding]
    lines: list[str] | None = None
    media: tuple | None = None
    doc: Any = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if any(f.code == UNREADABLE for f in self.findings):
            return "unreadable"
        severities = {f.severity for f in self.findings}
        if Severity.ERROR in severities:
            return "errors"
        if self.doc is not None and not self.doc.is_license:
            return "not-a-license"  # not clean: a merchant uploaded something else
        if Severity.WARNING in severities:
            return "warnings"
        return "clean"

    def count(self, severity: str) -> int:
        return sum(f.severity.value == severity for f in self.findings)

    def field_text(self, name: str) -> str:
        value = getattr(self.doc, name, None) if self.doc is not None else None
        if name == "number":
            value = value.field if value is not None else None
        return " ".join(value.text.split()) if value is not None else ""

    @property
    def expiry(self) -> dt.date | None:
        date = getattr(self.doc, "expiry_date", None) if self.doc is not None else None
        return date.value if date is not None else None


def _copies(report: Report) -> list[_Copy]:
    """Every checked file in the report's order (its copies, then any other file with
    findings), with the text, page lines and document model the run kept."""
    by_path: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    order = list(dict.fromkeys([*(c.path for c in report.copies), *by_path]))
    copies = []
    for index, path in enumerate(order):
        copy = _Copy(index, path, by_path.get(path, []))
        checked = report.copy(path)
        if checked is not None and checked.unreadable:
            copy.note = "this file could not be read (see the finding)"
        elif checked is None or checked.text is None:
            copy.note = "the text of this file was not kept by the run for the report"
        else:
            copy.lines = split_lines(checked.text)
            copy.media = tuple(checked.media) if checked.media else None
            copy.doc = checked.document
        copies.append(copy)
    return copies


def _int(value: object, default: int = 1) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return default


def _finding_data(f: Finding, picture: str | None = None) -> list:
    extra: dict[str, Any] = {"picture": picture} if picture else {}
    for pair in f.extra:
        try:
            key, value = pair
            json.dumps(value)
        except (TypeError, ValueError):
            continue
        extra[str(key)] = value
    return [
        _int(f.line),
        _int(f.column),
        _int(f.end_line),
        _int(f.end_column),
        str(f.code),
        f.severity.value,
        str(f.message),
        str(f.name),
        extra,
    ]


# --- parsed fields ------------------------------------------------------------------------------


def _fields(doc) -> list[list]:
    """[label, text, line, column, end_line, end_column, note] for every field the parser read."""
    from liclint.text.model import as_dict

    try:
        data = as_dict(doc)
    except Exception:
        return []
    rows: list[list] = []

    def add(label: str, field: dict | None, note: object = "") -> None:
        if not field:
            return
        text = field.get("text", "")
        note = "" if note is None or str(note) == text else str(note)
        rows.append(
            [
                label,
                text,
                field.get("line", 0),
                field.get("column", 0),
                field.get("end_line", 0),
                field.get("end_column", 0),
                note,
            ]
        )

    def date_note(field: dict | None) -> str:
        if not field:
            return ""
        return field.get("value") or (field.get("error") or "")

    add("title 标题", data["title"])
    for n in data["numbers"]:
        add(f"license number 经营许可证编号 ({n['role']})", n, n["normalized"] or n["error"] or "")
    add("company 公司名称", data["company"])
    add("legal representative 法定代表人", data["legal_representative"])
    add("scope 业务种类及覆盖范围", data["scope"])

    def scope(parts: dict | None, where: str) -> None:
        if not parts:
            return
        for b in parts["businesses"]:
            add(f"{where}business 业务", b["name"])
            add(f"{where}qualifier 限定", b["qualifier"])
        for e in parts["exclusions"]:
            add(f"{where}exclusion 不含", e)
        for i in parts["inclusions"]:
            add(f"{where}inclusion 含", i)
        for a in parts["areas"]:
            add(f"{where}area 覆盖范围", a)

    scope(data["scope_parts"], "")
    add("grant 颁发", data["grant"])
    add("authority 发证机关", data["authority"])
    for a in data["authorities"]:
        if a != data["authority"]:
            add("authority named 机关", a)
    add("issue date 发证日期", data["issue_date"], date_note(data["issue_date"]))
    add("expiry date 有效期至", data["expiry_date"], date_note(data["expiry_date"]))
    attachment = data["attachment"]
    if attachment:
        add("attachment 附页", attachment["title"])
        add("attachment company 附页公司", attachment["company"])
        add("attachment scope 附页业务", attachment["scope"])
        scope(attachment["scope_parts"], "attachment ")
        for w in attachment["websites"]:
            add("website name 网站名称", w["name"])
            add("website domain 网站域名", w["domain"])
            add("server location 服务器放置地", w["server_location"])
            add("access provider 接入服务提供单位", w["access_provider"])
    for w in data["watermarks"]:
        add("watermark 水印", w["usage"])
        add("watermark purpose 用途", w["purpose"])
        add("watermark valid until 有效期至", w["valid_until"], date_note(w["valid_until"]))
        add("watermark no copy 再次复印无效", w["no_copy"])
    provisions = data["provisions"]
    if provisions:
        add("provisions 特别规定事项", provisions["heading"])
        add("provisions company 规定事项公司", provisions["company"])
    return rows


# --- template wording ---------------------------------------------------------------------------


def _diffs(findings: list[Finding]) -> list[dict]:
    """The passages whose wording a rule compared with a template and found different: the
    copy's wording and the template's, with the differences marked (one per passage)."""
    out = []
    seen = set()
    for f in findings:
        c = f.comparison
        if c is None or (c.line, c.end_line) in seen:
            continue
        seen.add((c.line, c.end_line))
        if words(c.expected)[0] == words(c.text)[0]:
            continue
        try:
            mine, theirs = template_diff(c.text, c.expected)
        except Exception:  # a passage the comparison cannot handle is left out, not fatal
            continue
        out.append(
            {"label": c.label, "line": c.line, "end_line": c.end_line, "copy": mine,
             "template": theirs}
        )  # fmt: skip
    return sorted(out, key=lambda d: (d["line"], d["end_line"]))


# --- the batch ----------------------------------------------------------------------------------


def _family(code: str) -> str:
    match = re.match(r"[A-Za-z]+", code)
    return match.group().upper() if match else code


def _bar_chart(findings: Sequence[Finding]) -> dict:
    """Findings by rule family and severity, laid out as horizontal stacked bars."""
    counts: dict[str, Counter] = {}
    for f in findings:
        counts.setdefault(_family(f.code), Counter())[f.severity.value] += 1
    rows = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    top = max((sum(c.values()) for _, c in rows), default=1)
    label, width, height, gap = 56, 360, 18, 8
    bars = []
    for i, (family, c) in enumerate(rows):
        x = label
        segments = []
        for severity in SEVERITIES:
            if c[severity]:
                w = max(2.0, width * c[severity] / top)
                segments.append(
                    {"severity": severity, "x": round(x, 1), "w": round(w, 1), "n": c[severity]}
                )
                x += w
        bars.append(
            {
                "family": family,
                "y": i * (height + gap),
                "segments": segments,
                "total": sum(c.values()),
                "end": round(x + 6, 1),
            }
        )
    return {
        "bars": bars,
        "height": max(len(bars) * (height + gap) - gap, 0),
        "width": label + width + 60,
        "bar": height,
    }


def _timeline(copies: Sequence[_Copy], as_of: dt.date) -> dict:
    """The copies expiring within EXPIRING_DAYS days of ``as_of``, placed on a day axis."""
    left, width, row, top = 16, 640, 16, 34
    soon = sorted(
        (
            c
            for c in copies
            if c.expiry is not None and 0 <= (c.expiry - as_of).days <= EXPIRING_DAYS
        ),
        key=lambda c: (c.expiry, c.index),
    )
    stacks: Counter = Counter()
    points = []
    for c in soon:
        days = (c.expiry - as_of).days  # type: ignore[operator]
        level = stacks[days]
        stacks[days] += 1
        points.append(
            {
                "index": c.index,
                "x": round(left + width * days / EXPIRING_DAYS, 1),
                "y": top + level * row,
                "days": days,
                "date": c.expiry.isoformat(),  # type: ignore[union-attr]
                "label": c.field_text("number") or c.path,
                "company": c.field_text("company"),
            }
        )
    ticks = []
    for days in range(0, EXPIRING_DAYS + 1, 15):
        ticks.append(
            {
                "x": round(left + width * days / EXPIRING_DAYS, 1),
                "label": (as_of + dt.timedelta(days=days)).strftime("%m-%d"),
                "days": days,
            }
        )
    levels = max(stacks.values(), default=0)
    expired = sum(c.expiry is not None and c.expiry < as_of for c in copies)
    return {
        "points": points,
        "ticks": ticks,
        "width": left * 2 + width,
        "height": top + max(levels, 1) * row + 8,
        "axis": top - 12,
        "left": left,
        "right": left + width,
        "expired": expired,
    }


# --- the page -----------------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    return files(__package__).joinpath(name).read_text("utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@cache
def _template():
    from jinja2 import Environment

    env = Environment(autoescape=True, keep_trailing_newline=True, trim_blocks=True,
                      lstrip_blocks=True)  # fmt: skip
    env.filters["visible"] = visible
    env.filters["visible_text"] = _visible_text
    env.filters["attribute"] = _attribute
    return env.from_string(_asset("report.html.j2"))


def _copy_data(copy: _Copy) -> dict:
    shown = pictures(copy.path, copy.media, copy.findings) if copy.media else {}
    data: dict[str, Any] = {
        "path": display_path(copy.path),
        "verdict": copy.verdict,
        "company": copy.field_text("company"),
        "number": copy.field_text("number"),
        "expiry": copy.expiry.isoformat() if copy.expiry else "",
        "lines": copy.lines,
        "findings": [_finding_data(f, shown.get(i)) for i, f in enumerate(copy.findings)],
        "note": copy.note,
    }
    if copy.media:
        data["media"] = [_origin(m) for m in copy.media]
    if copy.doc is not None:
        data["fields"] = _fields(copy.doc)
        data["diffs"] = _diffs(copy.findings)
        data["license"] = bool(copy.doc.is_license)
    return data


def _origin(line: Any) -> list:
    """[page, box or None, OCR confidence or None] of a line read from a PDF or an image."""
    try:
        props = line.properties()
        return [_int(props.get("page"), 0), props.get("box"), props.get("ocr_confidence")]
    except Exception:  # not a liclint.reading.media.Line: shown without its page
        return [0, None, None]


def html(report: Report) -> str:
    """The review page of ``report`` (see the module's documentation)."""
    as_of = report.as_of or dt.date.today()
    copies = _copies(report)
    verdicts = Counter(c.verdict for c in copies)
    codes = sorted({f.code for c in copies for f in c.findings})
    families = sorted({_family(code) for code in codes})
    css, js = _asset("report.css"), _asset("report.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"script-src '{_sha256(js)}'; "
        f"style-src '{_sha256(css)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    rows = []
    for c in copies:
        rows.append(
            {
                "index": c.index,
                "path": display_path(c.path),
                "verdict": c.verdict,
                "rank": VERDICTS.index(c.verdict),
                "company": c.field_text("company"),
                "number": c.field_text("number"),
                "expiry": c.expiry.isoformat() if c.expiry else "",
                "days": (c.expiry - as_of).days if c.expiry else None,
                "errors": c.count("error"),
                "warnings": c.count("warning"),
                "infos": c.count("info"),
                "severities": " ".join(s for s in SEVERITIES if c.count(s)),
                "codes": " ".join(sorted({f.code for f in c.findings})),
                "blob": pack(_copy_data(c)),
            }
        )
    severity_counts = Counter(f.severity.value for c in copies for f in c.findings)
    return _template().render(
        version=__version__,
        as_of=as_of.isoformat(),
        expiring_days=EXPIRING_DAYS,
        copies=rows,
        verdicts=[(v, verdicts[v]) for v in VERDICTS],
        findings=sum(len(c.findings) for c in copies),
        severity_counts=[(s, severity_counts[s]) for s in SEVERITIES],
        codes=codes,
        families=families,
        chart=_bar_chart([f for c in copies for f in c.findings]),
        timeline=_timeline(copies, as_of),
        csp=csp,
        css=css,
        js=js,
    )
