"""The html format: a self-contained review page, checked as text and in headless Chromium.

The browser tests drive Debian's Chromium (``apt-get install chromium``; .ci/run installs it)
through Playwright with ``executable_path``; no browser is downloaded. They are skipped, with the
reason printed, only when no Chromium binary exists.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, example, report_of
from liclint.checking.plugins import load
from liclint.checking.rule import Context, Finding, Severity
from liclint.checking.runner import UNREADABLE, lint
from liclint.cli.args import FORMATS
from liclint.cli.main import main
from liclint.reporting.formats import REPORTERS, Report
from liclint.reporting.html import html, pack, script_json, unpack, visible
from liclint.reporting.html.diff import template_diff
from liclint.text.extract import parse_document, split_lines

RULES = load().select()
AS_OF = dt.date(2026, 7, 1)  # examples/expired_reissue.md expires 73 days later
MEDIA = ROOT / "tests" / "fixtures" / "media"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
#: A fictional copy carrying what a hostile merchant could put in one.
HOSTILE_COMPANY = "杭州<script>window.PWNED=1</script>青禾科技有限公司"
HOSTILE_LINES = [
    '<img src=x onerror="window.PWNED=2">',
    '<a href="javascript:window.PWNED=3">点此核验</a> javascript:window.PWNED=4',
    "</script><script>window.PWNED=5</script><!--",
    "\u2028\u2029 & &amp; &lt;b&gt; https://evil.example/x.js",
    f"bidi: 浙B2-2023{BIDI}0517 \u200b\u2060\ufeff\u3164 end",
]
HOSTILE_NAME = "evil<img src=x onerror=window.PWNED=6>.md"
#: The rules of one copy (the batch has copies of one license, which rules comparing copies
#: with one another would also report).
FAMILIES = "NUM,DAT,SCP,AUT,WMK,PRV,DOC,COM,TXT"


def hostile_text() -> str:
    text = example("provincial_icp.md").replace("杭州青禾云图科技有限公司", HOSTILE_COMPANY, 1)
    text = text.replace("经营许可证编号：浙B2-20230517", "经营许可证编号：浙B2-2023\u202e0517", 1)
    return text + "\n" + "\n".join(HOSTILE_LINES) + "\n"


def batch(folder: Path) -> Path:
    """examples/ (clean, warnings, errors, not a license), an unreadable file and the hostile
    copy, in ``folder``."""
    shutil.copytree(EXAMPLES, folder / "examples", ignore=shutil.ignore_patterns("ci", "liclint-*"))
    (folder / "examples" / HOSTILE_NAME).write_text(hostile_text(), "utf-8")
    (folder / "examples" / "zz_broken.txt").write_bytes(b"\x00\x01binary\xff")
    return folder / "examples"


def run_cli(*args: str, cwd: Path) -> int:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return main(["check", "--isolated", "--no-cache", "--jobs", "1", "--quiet",
                     "--select", FAMILIES, *args])  # fmt: skip
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    """The review page of the batch, written by the command line."""
    folder = tmp_path_factory.mktemp("batch")
    batch(folder)
    out = folder / "review.html"
    code = run_cli("--as-of", AS_OF.isoformat(), "--format", "html", "-o", str(out), "examples",
                   cwd=folder)  # fmt: skip
    assert code == 2  # findings, and an unreadable file
    return out


@pytest.fixture(scope="module")
def page(page_file) -> str:
    return page_file.read_text("utf-8")


class Elements(HTMLParser):
    """Every element with its attributes, and the text of each script and style."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._in: tuple[str, dict] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = (tag, dict(attrs))
            self._text = ""

    def handle_data(self, data):
        if self._in is not None:
            self._text += data

    def handle_endtag(self, tag):
        if self._in is not None and tag == self._in[0]:
            if tag == "script":
                self.scripts.append((self._in[1], self._text))
            else:
                self.styles.append(self._text)
            self._in = None


def copies_of(text: str) -> dict[str, dict]:
    """The copies a page carries, by path."""
    blobs = re.findall(
        r'<script type="application/x-liclint-copy" id="data-\d+">([^<]*)</script>', text
    )
    data = [unpack(b) for b in blobs]
    return {d["path"]: d for d in data}


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# --- the format, without a browser ---------------------------------------------------------------


def test_registered():
    assert "html" in FORMATS and "html" in REPORTERS


def test_text_formats_never_import_jinja2(tmp_path):
    code = (
        "import sys\nfrom liclint.cli.main import main\n"
        "main(['check', '--isolated', '--no-cache', '--exit-zero', '-o', sys.argv[1], "
        "'examples/forged.md'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe') "
        "or m == 'liclint.reporting.html'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "out.txt")],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert out.strip() == "[]"


def test_every_copy_is_listed(page):
    copies = copies_of(page)
    names = {Path(p).name for p in copies}
    assert names == {
        "README.md", "cross_regional_sp.txt", "expired_reissue.md", "forged.md",
        "legacy_icp.txt", "provincial_icp.md", HOSTILE_NAME, "zz_broken.txt",
    }  # fmt: skip
    verdicts = {Path(p).name: d["verdict"] for p, d in copies.items()}
    assert verdicts["provincial_icp.md"] == "clean"  # clean copies are listed too
    assert verdicts["expired_reissue.md"] == "warnings"
    assert verdicts["forged.md"] == "errors"
    assert verdicts["zz_broken.txt"] == "unreadable"
    assert verdicts["README.md"] == "not-a-license"  # not a clean copy: something else
    rows = re.findall(r'<tr data-i="(\d+)" data-rank="\d" data-verdict="([\w-]+)"', page)
    assert len(rows) == 8
    tiles = dict(
        re.findall(r'data-verdict="([\w-]+)" aria-pressed="false"><span class="n">(\d+)', page)
    )
    assert tiles == {
        "clean": "3", "not-a-license": "1", "warnings": "1", "errors": "2", "unreadable": "1"
    }  # fmt: skip


def test_copy_data(page):
    forged = next(d for p, d in copies_of(page).items() if p.endswith("forged.md"))
    source = example("forged.md")
    assert forged["lines"] == split_lines(source)
    assert forged["company"] == "杭州青禾云图科技有限公司"
    assert forged["number"] == "浙B2-20230517" and forged["expiry"] == "2028-05-17"
    codes = [f[4] for f in forged["findings"]]
    assert codes == ["TXT004", "DAT001", "COM001", "PRV005", "PRV003", "NUM005"]
    line, column, end_line, end_column = forged["findings"][3][:4]
    assert end_line == line
    assert forged["lines"][line - 1][column - 1 : end_column - 1].startswith("可投资")
    fields = {row[0]: row for row in forged["fields"]}
    assert fields["company 公司名称"][1:3] == ["杭州青禾云图科技有限公司", 9]
    assert fields["issue date 发证日期"][6] == "2023-02-30 is not a day of the calendar"
    assert fields["expiry date 有效期至"][6] == "2028-05-17"
    # the template wording beside the clauses that differ, the differences marked
    diffs = {d["label"]: d for d in forged["diffs"]}
    assert set(diffs) == {"clause 三", "clause 六"}
    three = diffs["clause 三"]
    assert three["line"] == three["end_line"] == 60
    assert [run[0] for run in three["copy"] if run[1] == 1] == ["可"]
    assert [run[0] for run in three["template"] if run[1] == 1] == ["不得"]
    six = diffs["clause 六"]
    assert [run[0] for run in six["copy"] if run[1] == 1] == ["2"]
    assert [run[0] for run in six["template"] if run[1] == 1] == ["1"]
    clean = next(d for p, d in copies_of(page).items() if p.endswith("provincial_icp.md"))
    assert clean["diffs"] == [] and clean["findings"] == []


def test_template_diff():
    mine, theirs = template_diff("你公司，可投资建设 电信网络。", "你公司,不得投资建设电信网络。")
    assert mine == [["你公司，", 0], ["可", 1], ["投资建设 电信网络。", 0]]
    assert theirs == [["你公司,", 0], ["不得", 1], ["投资建设电信网络。", 0]]
    # words missing on one side are a point on it
    mine, theirs = template_diff("你公司投资", "你公司不得投资")
    assert mine == [["你公司", 0], ["", 2], ["投资", 0]]
    assert theirs == [["你公司", 0], ["不得", 1], ["投资", 0]]
    assert template_diff("相同", "相同") == ([["相同", 0]], [["相同", 0]])


def test_summary(page):
    # findings by family and severity, as an inline SVG bar chart
    chart = re.search(r'<svg id="families".*?</svg>', page, re.S).group()
    segments = re.findall(r'data-family="(\w+)" data-severity="(\w+)"><title>\w+: (\d+)', chart)
    assert ("DAT", "error", "1") in segments and ("DAT", "warning", "1") in segments
    assert ("LIC", "error", "1") in segments and ("DOC", "info", "1") in segments
    # the licenses expiring within 90 days of the as-of date, as an inline SVG timeline
    timeline = re.search(r'<svg id="timeline".*?</svg>', page, re.S).group()
    points = re.findall(r'<a href="#copy-(\d+)"><circle[^>]*><title>([^<]*)</title>', timeline)
    assert len(points) == 1 and "expires 2026-09-12, in 73 days" in points[0][1]
    assert "粤B2-20210934" in points[0][1]


def test_content_security_policy(page):
    parsed = Elements(page)
    metas = [a for t, a in parsed.elements if t == "meta" and a.get("http-equiv")]
    assert len(metas) == 1 and metas[0]["http-equiv"] == "Content-Security-Policy"
    policy = dict(
        (part.split()[0], part.split()[1:])
        for part in metas[0]["content"].split(";")
        if part.strip()
    )
    assert policy["default-src"] == ["'none'"]
    executable = [text for attrs, text in parsed.scripts if attrs.get("type") is None]
    assert len(executable) == 1 and len(parsed.styles) == 1
    assert policy["script-src"] == [f"'{sha256(executable[0])}'"]
    assert policy["style-src"] == [f"'{sha256(parsed.styles[0])}'"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    # pictures of a page are embedded in the page itself: nothing is fetched from anywhere
    assert policy["img-src"] == ["data:"]
    assert not any(k in policy for k in ("connect-src", "font-src", "frame-src"))
    # every other script is a data block
    assert {attrs.get("type") for attrs, _ in parsed.scripts} == {
        None,
        "application/x-liclint-copy",
    }
    # nothing the policy would block or that fetches: no style or event attributes, no
    # external resources
    for tag, attrs in parsed.elements:
        assert "style" not in attrs, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "src" not in attrs, tag
        assert tag not in ("img", "link", "iframe", "object", "embed", "base", "form"), tag
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs
    assert "@import" not in parsed.styles[0] and "url(" not in parsed.styles[0]


def test_no_urls(page):
    assert "http://" not in page and "https://" not in page  # the hostile copy has one
    markup = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    assert "//" not in markup  # nor a protocol-relative one


def test_hostile_text_is_escaped(page):
    parsed = Elements(page)
    assert not [t for t, _ in parsed.elements if t == "img"]
    assert [a.get("type") for a, _ in parsed.scripts].count(None) == 1
    # the company and the file name are shown escaped in the table
    assert "杭州&lt;script&gt;window.PWNED=1&lt;/script&gt;青禾科技有限公司" in page
    assert "evil&lt;img src=x onerror=window.PWNED=6&gt;.md" in page
    assert "<script>window" not in page and "<img" not in page
    # no bidi control is in the page itself: the number's U+202E is a visible mark
    assert not any(c in page for c in BIDI + "\u2028\u2029\u200b\u2060\ufeff")
    assert '<span class="ctl" title="U+202E RIGHT-TO-LEFT OVERRIDE">U+202E</span>' in page
    # the copy's own text travels unchanged, to be shown as text
    copy = next(d for p, d in copies_of(page).items() if p.endswith(HOSTILE_NAME))
    assert copy["lines"][-len(HOSTILE_LINES) :] == HOSTILE_LINES
    assert copy["company"] == HOSTILE_COMPANY


def test_script_json_escapes():
    value = {"text": "</script><!--<script>&\u2028\u2029 / \ud800 \x00", "n": [1, None]}
    out = script_json(value)
    assert not set(out) & set("<>&\u2028\u2029\ud800")
    assert out.count("/") == out.count("\\/") == 2  # a slash only as \/
    out.encode("utf-8")  # lone surrogates are escaped: the page is always UTF-8
    assert json.loads(out) == value
    assert unpack(pack(value)) == value
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", pack(value))


def test_visible():
    assert str(visible("<b>&\"'")) == "&lt;b&gt;&amp;&#34;&#39;"
    assert str(visible("a\u202eb\tc")) == (
        'a<span class="ctl" title="U+202E RIGHT-TO-LEFT OVERRIDE">U+202E</span>b\tc'
    )
    assert str(visible("\u3164")) == '<span class="ctl" title="U+3164 HANGUL FILLER">U+3164</span>'
    assert str(visible("https://x")) == "https:&#47;&#47;x"
    assert str(visible("增值电信 ①")) == "增值电信 ①"


def test_deterministic(page, page_file, tmp_path):
    again = tmp_path / "again.html"
    code = run_cli("--as-of", AS_OF.isoformat(), "--format", "html", "-o", str(again), "examples",
                   cwd=page_file.parent)  # fmt: skip
    assert code == 2
    assert again.read_bytes() == page_file.read_bytes()
    assert REPORTERS["html"](forged_report()) == REPORTERS["html"](forged_report())


def forged_report(copies: int = 1) -> Report:
    source = example("forged.md")
    findings, paths = [], []
    for i in range(copies):
        path = f"batch/{i:04d}.md"
        text = source.replace("20230517", f"2023{i:04d}")
        paths.append(path)
        findings += lint(parse_document(path, text), RULES, Context(AS_OF))
    texts = {p: source.replace("20230517", f"2023{i:04d}") for i, p in enumerate(paths)}
    return report_of(
        sorted(findings), copies, [type(r) for r in RULES], lambda p: split_lines(texts[p]),
        paths=paths, as_of=AS_OF,
    )  # fmt: skip


def test_size():
    # 1,000 copies must stay under 25 MB: 200 forged copies (six findings and two template
    # differences each) under 5 MB
    out = html(forged_report(200)).encode("utf-8")
    assert len(out) < 5_000_000, len(out)
    # the copies are carried packed, not as 200 rendered texts
    assert out.count(b'class="ln"') == 0 and out.count(b"<tr data-i=") == 200


def test_odd_reports_render():
    def boom(path):
        raise OSError("gone")

    odd = [
        Finding("a.txt", 0, 0, -5, 10**9, "X1", Severity.ERROR, "line 0"),
        Finding("a.txt", 10**6, 3, 2, 1, "NUM001", Severity.WARNING, "beyond \x00 the end"),
        Finding("b.txt", 1, 1, 1, 1, UNREADABLE, Severity.ERROR, "cannot read"),
        Finding("c.txt", 2, 5, 2, 9, "TXT001", Severity.INFO, "\u202e", extra=(("page", 2),)),
    ]
    for report in (
        report_of([], 0),
        report_of(odd, 3),
        report_of(odd, 3, source=boom, paths=["a.txt", "z.txt"], as_of=AS_OF),
        report_of(odd, 3, source=lambda p: ["x\u202ey", "", "😀 emoji"], read=boom),
        report_of(odd, 3, read=lambda p: ("line\n" * 3, ("not a media line",) * 3)),
    ):
        out = html(report)
        out.encode("utf-8")
        assert out.count("<tr data-i=") == len(
            {*(c.path for c in report.copies), *(f.path for f in report.findings)}
        )


# --- in the browser ------------------------------------------------------------------------------

CHROMIUM = os.environ.get("LICLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"no Chromium binary ({CHROMIUM}): apt-get install chromium chromium-driver"
        print(f"\nskipping the browser tests: {reason}", file=sys.stderr)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


class Page:
    """A tab on the review page that records console errors, page errors, dialogs and every
    request besides the page itself."""

    def __init__(self, browser, page_file: Path, fragment: str = "") -> None:
        self.url = page_file.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog {d.message}"), d.dismiss()))
        self.page.on("request", lambda r: r.url != self.url and self.requests.append(r.url))
        self.page.goto(self.url + fragment)
        self.page.wait_for_selector("html[data-ready='1']", state="attached")

    def open(self, name: str) -> int:
        if self.page.locator("#batch").is_hidden():
            self.page.keyboard.press("Escape")
        row = self.page.locator("#copies tbody tr", has_text=name).first
        index = int(row.get_attribute("data-i"))
        row.locator("a").click()
        self.page.wait_for_selector(f"#copy[data-shown='{index}']", state="attached")
        return index

    def shown_rows(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "#copies tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.path)"
        )

    def in_view(self, selector: str) -> bool:
        return self.page.eval_on_selector(
            selector,
            "e => { const r = e.getBoundingClientRect();"
            " return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }",
        )

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.requests == [], self.requests
        assert self.page.evaluate("window.PWNED") is None


def test_loads_without_errors_or_requests(browser, page_file):
    tab = Page(browser, page_file)
    assert tab.page.locator("#copies tbody tr").count() == 8
    assert tab.page.locator(".ln").count() == 0  # copies are rendered when opened, not before
    for name in ("README.md", "forged.md", "provincial_icp.md", "zz_broken.txt", "legacy_icp"):
        tab.open(name)
        assert tab.page.locator("#copy").is_visible()
        tab.page.keyboard.press("Escape")
        tab.page.wait_for_selector("#batch", state="visible")
    tab.clean()


def test_finding_links_scroll_to_their_spans(browser, page_file):
    tab = Page(browser, page_file)
    i = tab.open("forged.md")
    links = tab.page.locator("#copy .flink")
    assert links.count() == 6
    for k in (5, 0, 3, 1, 4, 2):  # in an order that makes the page scroll both ways
        links.nth(k).click()
        assert tab.in_view(f"#m{i}-{k}"), k
        assert "current" in tab.page.get_attribute(f"#m{i}-{k}", "class")
    # the PRV005 mark covers the offending words and carries its message
    mark = tab.page.locator(f"#m{i}-3")
    assert mark.inner_text().startswith("可投资")
    assert "PRV005" in mark.get_attribute("title")
    # the clause's template wording is beside it, the differences marked
    diff = tab.page.locator("#copy .diff", has_text="clause 三")
    assert diff.locator("mark.chg.mine").all_inner_texts() == ["可"]
    assert diff.locator("mark.chg.theirs").all_inner_texts() == ["不得"]
    # a deep link opens the copy at a finding
    other = Page(browser, page_file, f"#copy-{i}-f5")
    other.page.wait_for_selector(f"#copy[data-shown='{i}']", state="attached")
    assert other.in_view(f"#m{i}-5")
    # a field's line link scrolls to the line
    tab.page.locator("#copy a.llink").last.click()
    line = tab.page.locator("#copy a.llink").last.inner_text().split(":")[0]
    assert tab.in_view(f"#c{i}-L{line}")
    tab.clean()
    other.clean()


def test_keyboard(browser, page_file):
    tab = Page(browser, page_file)
    i = tab.open("forged.md")
    keys = tab.page.keyboard
    keys.press("j")
    assert tab.page.get_attribute(f"#f{i}-0", "class").endswith("current")
    keys.press("j")
    keys.press("j")
    assert tab.in_view(f"#m{i}-2") and "current" in tab.page.get_attribute(f"#m{i}-2", "class")
    keys.press("k")
    assert "current" in tab.page.get_attribute(f"#m{i}-1", "class")
    assert "current" not in tab.page.get_attribute(f"#m{i}-2", "class")
    keys.press("/")
    assert tab.page.evaluate("document.activeElement.id") == "q"
    keys.type("青禾")  # typing a search goes back to the table, filtered
    tab.page.wait_for_selector("#batch", state="visible")
    assert len(tab.shown_rows()) == 3
    keys.press("Escape")
    keys.press("j")
    assert tab.page.locator("#copies tr.cursor").count() == 1
    tab.clean()


def test_filters_search_and_sorting(browser, page_file):
    tab = Page(browser, page_file)
    p = tab.page
    assert len(tab.shown_rows()) == 8
    p.select_option("#f-severity", "error")
    assert sorted(Path(r).name for r in tab.shown_rows()) == [
        HOSTILE_NAME,
        "forged.md",
        "zz_broken.txt",
    ]
    p.select_option("#f-code", "NUM005")
    assert sorted(Path(r).name for r in tab.shown_rows()) == [HOSTILE_NAME, "forged.md"]
    p.select_option("#f-code", "DAT")  # a family
    assert [Path(r).name for r in tab.shown_rows()] == ["forged.md"]
    p.select_option("#f-severity", "warning")
    assert [Path(r).name for r in tab.shown_rows()] == ["expired_reissue.md"]
    p.select_option("#f-code", "")
    assert sorted(Path(r).name for r in tab.shown_rows()) == [HOSTILE_NAME, "expired_reissue.md"]
    p.click("#f-clear")
    assert len(tab.shown_rows()) == 8
    p.fill("#q", "B2-20210934")  # a number
    assert [Path(r).name for r in tab.shown_rows()] == ["expired_reissue.md"]
    p.fill("#q", "ｂ２－２０２１")  # full-width, as a copy may print it
    assert [Path(r).name for r in tab.shown_rows()] == ["expired_reissue.md"]
    p.fill("#q", "no such company")
    assert tab.shown_rows() == [] and p.locator("#none").is_visible()
    p.fill("#q", "")
    p.click(".tile.v-unreadable")
    assert [Path(r).name for r in tab.shown_rows()] == ["zz_broken.txt"]
    p.click(".tile.v-unreadable")
    # a bar of the chart filters by its family and severity
    p.click('#families rect[data-family="DAT"][data-severity="warning"]')
    assert [Path(r).name for r in tab.shown_rows()] == ["expired_reissue.md"]
    p.click("#f-clear")
    p.click("button[data-sort='expiry']")
    expiries = p.eval_on_selector_all("#copies tbody tr", "rs => rs.map(r => r.dataset.expiry)")
    dated = [e for e in expiries if e]
    assert dated == sorted(dated) and expiries[: len(dated)] == dated  # no date: last
    p.click("button[data-sort='expiry']")
    expiries = p.eval_on_selector_all("#copies tbody tr", "rs => rs.map(r => r.dataset.expiry)")
    assert [e for e in expiries if e] == sorted(dated, reverse=True)
    p.click("button[data-sort='rank']")
    verdicts = p.eval_on_selector_all("#copies tbody tr", "rs => rs.map(r => r.dataset.verdict)")
    assert verdicts[0] == "unreadable" and verdicts[-1] == "clean"
    p.click("button[data-sort='company']")
    assert p.get_attribute("th:has(button[data-sort='company'])", "aria-sort") == "ascending"
    tab.clean()


def test_hostile_copy_executes_nothing(browser, page_file):
    tab = Page(browser, page_file)
    i = tab.open("evil")
    p = tab.page
    text = p.locator("#copy .text").inner_text()
    for line in ('<img src=x onerror="window.PWNED=2">', "javascript:window.PWNED=4",
                 "</script><script>window.PWNED=5</script><!--", HOSTILE_COMPANY):  # fmt: skip
        assert line in text
    assert p.locator("img").count() == 0 and p.locator("#copy a[href^='javascript']").count() == 0
    assert p.locator("script").count() == 9  # the report's own and the eight copies' data
    # bidi controls are visible marks, not characters that reorder the text
    marks = p.locator(f"#c{i}-L{len(split_lines(hostile_text()))} .ctl").all_inner_texts()
    assert marks == [f"U+{ord(c):04X}" for c in BIDI + "\u200b\u2060\ufeff\u3164"]
    assert not any(c in text for c in BIDI)
    assert p.locator("#copy h2 .ctl").count() == 0  # the file name has none
    # the number with its U+202E, in the table and in the copy's head
    assert p.locator("#copy .copyhead .ctl").all_inner_texts() == ["U+202E"]
    p.keyboard.press("Escape")
    assert p.locator("#copies .ctl").all_inner_texts() == ["U+202E"]
    for k in range(p.locator("#copies tbody tr").count()):  # open every copy
        p.goto(f"{tab.url}#copy-{k}")
        p.wait_for_selector(f"#copy[data-shown='{k}']", state="attached")
    tab.clean()


def test_pdf_and_image_copies(browser, tmp_path):
    pytest.importorskip("pypdfium2")
    pytest.importorskip("rapidocr")
    for name in ("text_tampered.pdf", "photo_tampered.png"):
        shutil.copy(MEDIA / name, tmp_path / name)
    out = tmp_path / "media.html"
    run_cli("--as-of", AS_OF.isoformat(), "--format", "html", "-o", str(out), ".", cwd=tmp_path)
    copies = copies_of(out.read_text("utf-8"))
    pdf, photo = copies["text_tampered.pdf"], copies["photo_tampered.png"]
    assert {m[0] for m in pdf["media"]} == {1, 2, 3, 4, 5} and pdf["media"][0][1] is None
    assert all(m[1] is not None and 0 < m[2] <= 1 for m in photo["media"])
    tab = Page(browser, out)
    i = tab.open("text_tampered.pdf")
    number = tab.page.locator("#copy .flist li", has_text="NUM005")
    assert "page 3" in number.locator(".where").inner_text()
    assert tab.page.locator(f"#c{i}-L1 .pg").inner_text() == "p1"
    i = tab.open("photo_tampered.png")
    where = tab.page.locator("#copy .flist li", has_text="DAT001").locator(".where").inner_text()
    assert re.search(
        r"page 1 · box [0-9.]+, [0-9.]+, [0-9.]+, [0-9.]+ · OCR confidence 0\.\d+", where
    )
    assert "OCR confidence" in tab.page.get_attribute(f"#c{i}-L1 .no", "title")
    tab.clean()


def test_screenshots(browser, page_file, tmp_path):
    tab = Page(browser, page_file)
    summary = tmp_path / "html-summary.png"
    tab.page.screenshot(path=str(summary))
    tab.open("forged.md")
    tab.page.locator("#copy .flink", has_text="PRV005").click()
    copy = tmp_path / "html-copy.png"
    tab.page.screenshot(path=str(copy))
    for shot in (summary, copy):
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20_000
    tab.clean()
