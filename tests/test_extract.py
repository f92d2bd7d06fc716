"""Extraction of the document model from fictional copies with each quirk of real ones."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import CLEAN, example
from liclint.text.extract import parse_document

SMALL = """\

# 中华人民共和国 增值电信业务经营许可证

经营许可证编号：
闽 B2－20190042

公司名称：厦门海鸥示例科技有限公司

法定代表人：王小明

业务种类
(服务项目)
及覆盖范围：信息服务业务（仅限互联网信
息服务）

发证日期:

2024 年 3 月 5 日

有效期至：2029年 03月 05日

经营许可证编号: 闽B2-20190042

中华人民共和国增值电信业务经营许可证
(附 页)

厦门海鸥示例科技有限公司获准经营信息服务业务(仅限互联网信
息服务)相关信息

网站名称：海鸥示例

网站域名：haiou-demo.cn

服务器放置地：福建省厦门市思明区示例路1号
数据中心2层

网站接入服务提供单位：厦门示例云有限公司

仅供平台审核使用
有效期至2025年1月31日
再次复印无效
"""


def test_fields_with_their_lines():
    doc = parse_document("t.md", SMALL)
    assert doc.is_license
    assert doc.title.text == "中华人民共和国 增值电信业务经营许可证" and doc.title.line == 2
    front, header = doc.numbers
    assert (front.field.text, front.field.line, front.role) == ("闽 B2－20190042", 5, "front")
    assert front.parsed.normalized == header.parsed.normalized == "闽B2-20190042"
    assert header.role == "header" and header.field.line == 22
    assert (doc.company.text, doc.company.line) == ("厦门海鸥示例科技有限公司", 7)
    assert doc.legal_representative.text == "王小明"
    assert doc.scope.text == "信息服务业务（仅限互联网信息服务）"
    assert [p.line for p in doc.scope.pieces if p.text] == [13, 14]
    assert doc.scope.span.line == 13


def test_date_below_its_label_and_unpadded():
    doc = parse_document("t.md", SMALL)
    assert doc.issue_date.value == dt.date(2024, 3, 5) and doc.issue_date.field.line == 18
    assert doc.expiry_date.value == dt.date(2029, 3, 5) and doc.expiry_date.field.line == 20


def test_watermark_date_is_not_the_expiry():
    doc = parse_document("t.md", SMALL)
    (mark,) = doc.watermarks
    assert mark.usage.text == "仅供平台审核使用"
    assert mark.valid_until.value == dt.date(2025, 1, 31)
    assert mark.no_copy.line == 41
    assert doc.expiry_date.value == dt.date(2029, 3, 5)


def test_attachment_and_wrapped_values():
    doc = parse_document("t.md", SMALL)
    att = doc.attachment
    assert att.company.text == "厦门海鸥示例科技有限公司"
    assert att.scope.text == "信息服务业务(仅限互联网信息服务)"
    (site,) = att.websites
    assert site.domain.text == "haiou-demo.cn"
    assert site.server_location.text == "福建省厦门市思明区示例路1号数据中心2层"
    assert site.access_provider.text == "厦门示例云有限公司"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings(newline):
    doc = parse_document("t.md", SMALL.replace("\n", newline))
    assert doc.numbers[1].field.line == 22
    assert doc.expiry_date.field.span.line == 20


def test_columns_count_characters():
    doc = parse_document("t.md", SMALL)
    span = doc.source_span(doc.numbers[1].field.span)
    assert (span.line, span.column, span.end_column) == (22, 10, 22)


@pytest.mark.parametrize("name", CLEAN)
def test_examples_have_every_part(name):
    doc = parse_document(name, example(name))
    assert doc.is_license
    assert all(n.parsed for n in doc.numbers) and len(doc.numbers) >= 4
    assert doc.issue_date.value and doc.expiry_date.value
    clauses = doc.provisions.clauses
    assert [c.value for c in clauses] == list(range(1, 16))
    assert len(clauses[-1].items) in (13, 14)
    assert doc.provisions.company.text == doc.company.text
    assert len(doc.pages) >= 4


def test_clause_split_over_a_page_break_is_joined():
    doc = parse_document("x.md", example("provincial_icp.md"))
    nine = doc.provisions.clauses[8]
    assert nine.text.text.endswith("上报。")
    assert nine.text.pieces[0].line != nine.text.pieces[-1].line


def test_cross_regional_wording_found():
    doc = parse_document("x.txt", example("cross_regional_sp.txt"))
    assert doc.cross_regional.text == "跨地区"
    assert doc.number.parsed.prefix is None
    assert doc.attachment is None


def test_not_a_license():
    doc = parse_document("README.md", "# A project\n\nSome text about 增值电信业务经营许可证.\n")
    assert not doc.is_license
