"""Part 1 of the detection work: copies in the surfaces they really arrive in stay clean, parse to
the same fields, and findings on edited copies still point at the original line and column."""

from __future__ import annotations

import re

import pytest
from surfaces import COMBINATIONS, TRANSFORMS, front_and_attachment, provisions_only

from conftest import CLEAN, INSIDE, check_text, example
from liclint.text.extract import parse_document
from liclint.text.grammar import fold

_PUNCT = re.compile(r"[\W_]+")


def _compact(text: str | None) -> str | None:
    return None if text is None else _PUNCT.sub("", fold(text))


def fields(text: str) -> dict:
    """What a reviewer reads off a copy, independent of its surface."""
    doc = parse_document("t.md", text)
    a, p = doc.attachment, doc.provisions
    return {
        "numbers": [n.parsed.normalized if n.parsed else n.field.text for n in doc.numbers],
        "company": _compact(doc.company and doc.company.text),
        "representative": _compact(doc.legal_representative and doc.legal_representative.text),
        "scope": _compact(doc.scope and doc.scope.text),
        "cross_regional": doc.cross_regional is not None,
        "issue": doc.issue_date and doc.issue_date.value,
        "expiry": doc.expiry_date and doc.expiry_date.value,
        "attachment": a
        and (
            _compact(a.company and a.company.text),
            _compact(a.scope and a.scope.text),
            [
                (_compact(s.name and s.name.text), s.domain and s.domain.text.strip())
                for s in a.websites
            ],
        ),
        "watermarks": [
            (
                _compact(w.purpose and w.purpose.text),
                w.valid_until and w.valid_until.value,
                w.no_copy is not None,
            )
            for w in doc.watermarks
        ],
        "preamble_company": p and _compact(p.company and p.company.text),
        "clauses": p
        and [
            (c.value, _compact(c.text.text), [(i.value, _compact(i.text.text)) for i in c.items])
            for c in p.clauses
        ],
    }


def _serious(findings):
    return [
        f"{f.line}:{f.column} {f.code} {f.message}" for f in findings if f.severity.value != "info"
    ]


CASES = [(name, t) for name in CLEAN for t in (*TRANSFORMS, *COMBINATIONS)]


def _apply(text: str, transform: str) -> str:
    for step in COMBINATIONS.get(transform, (TRANSFORMS.get(transform),)):
        text = step(text)
    return text


@pytest.mark.parametrize(("name", "transform"), CASES, ids=[f"{n}-{t}" for n, t in CASES])
def test_surface_parses_to_the_same_fields_and_stays_clean(name, transform):
    text = example(name)
    changed = _apply(text, transform)
    assert changed != text, f"{transform} changed nothing in {name}"
    assert fields(changed) == fields(text)
    assert _serious(check_text(changed, INSIDE)) == []


@pytest.mark.parametrize("name", CLEAN)
@pytest.mark.parametrize("partial", [front_and_attachment, provisions_only])
def test_partial_copy_reports_what_is_absent_as_info_at_most(name, partial):
    text = partial(example(name))
    findings = check_text(text, INSIDE)
    assert _serious(findings) == []
    assert parse_document("t.md", text).is_license


# -- findings on edited copies land on the original text --------------------------------------

EDITS = [
    ("经营许可证编号：浙B2-20230517", "经营许可证编号：浙B2-20230571"),  # NUM005 on the headers
    ("发证日期：2023年 05月 17日", "发证日期：2023年 02月 30日"),  # DAT001
    ("不得投资建设电信传输网络设施", "可投资建设电信传输网络设施"),  # PRV005
    ("(工业和信息化部令第11号)", "(工业和信息化部令第12号)"),  # PRV003
]
POSITION_TRANSFORMS = (
    "ocr_spaces",
    "page_furniture",
    "uploader_notes",
    "indented",
    "markdown_table",
)


def _located(text: str, finding) -> str:
    """The compact text a finding points at in ``text``."""
    line = text.split("\n")[finding.line - 1]
    end = finding.end_column if finding.end_line == finding.line else len(line) + 1
    return _compact(line[finding.column - 1 : end - 1])


@pytest.mark.parametrize("transform", POSITION_TRANSFORMS)
def test_findings_point_at_the_original_text(transform):
    edited = example("provincial_icp.md")
    for old, new in EDITS:
        edited = edited.replace(old, new, 1)
    plain = check_text(edited, INSIDE)
    changed = _apply(edited, transform)
    moved = check_text(changed, INSIDE)
    assert sorted(f.code for f in moved) == sorted(f.code for f in plain)
    assert {"NUM005", "DAT001", "PRV005", "PRV003"} <= {f.code for f in moved}
    by_code = {}
    for f in plain:
        by_code.setdefault(f.code, []).append(_located(edited, f))
    for f in moved:
        assert _located(changed, f) in by_code[f.code], (f, _located(changed, f), by_code[f.code])
