"""Layouts of the front page that move values away from their labels, and the labels of older
template versions: read as the license says (harmless), while a wrong value in them is still
found (forged), and a layout that only looks like one is not taken for it."""

from __future__ import annotations

import datetime as dt

from surfaces import pandoc_breaks, two_columns, values_before_labels

from conftest import INSIDE, check_text, example
from liclint.text.extract import parse_document


def _serious(findings):
    return [f"{f.line} {f.code} {f.message}" for f in findings if f.severity.value != "info"]


# -- two columns: the labels in one block, the values in the next ------------------------------


def test_two_columns_pairs_each_label_with_its_value():
    doc = parse_document("t.md", two_columns(example("provincial_icp.md")))
    assert doc.company.text == "杭州青禾云图科技有限公司"
    assert doc.legal_representative.text == "林晓舟"
    assert doc.scope.text.startswith("信息服务业务") and doc.scope.text.endswith("经营活动】")
    assert doc.issue_date.value == dt.date(2023, 5, 17)
    assert doc.expiry_date.value == dt.date(2028, 5, 17)


def test_two_columns_wrong_date_is_still_found_on_its_value():
    text = two_columns(example("provincial_icp.md")).replace("2023年 05月 17日", "2023年 02月 30日")
    line = text.split("\n").index("2023年 02月 30日") + 1
    assert any(f.code == "DAT001" and f.line == line for f in check_text(text, INSIDE))


def test_two_columns_with_a_value_missing_is_not_paired_by_force():
    # four labels' worth of values for five labels: nothing lines up, the fields stay empty
    text = two_columns(example("legacy_icp.txt")).replace("韩若溪\n", "", 1)
    text = text.replace(
        "信息服务业务（仅限互联网信息服务）\n不含信息搜索查询服务、信息即时交互服\n", ""
    )
    text = text.replace("务。【依法须经批准的项目，经相关部门批\n准后方可开展相应经营活动】\n", "")
    codes = {f.code for f in check_text(text, INSIDE) if f.severity.value != "info"}
    assert "DOC002" in codes


def test_a_value_that_does_not_fit_its_label_breaks_the_pairing():
    # the block below the labels is not their values: a date where the company should be
    text = two_columns(example("legacy_icp.txt")).replace(
        "上海澄川信息技术股份有限公司\n", "2025年 03月 2日\n", 1
    )
    doc = parse_document("t.md", text)
    assert doc.company is not None and doc.company.text == ""


def test_two_columns_with_the_older_coverage_label_among_the_values():
    text = two_columns(example("cross_regional_sp.txt")).replace(
        "\n全国\n", "\n业务覆盖范围:全国\n", 1
    )
    doc = parse_document("t.txt", text)
    assert [a.text for a in doc.scope_parts.areas] == ["全国"]
    assert doc.company.text == "成都星河数联科技有限公司"
    assert doc.expiry_date.value == dt.date(2027, 3, 8)
    assert _serious(check_text(text, INSIDE)) == []


# -- values printed before their labels --------------------------------------------------------


def test_values_before_labels_read_upwards():
    doc = parse_document("t.txt", values_before_labels(example("cross_regional_sp.txt")))
    assert doc.company.text == "成都星河数联科技有限公司"
    assert doc.legal_representative.text == "周明远"
    assert doc.scope.text == "信息服务业务(不含互联网信息服务)全国"
    assert doc.issue_date.value == dt.date(2022, 3, 8)
    assert doc.expiry_date.value == dt.date(2027, 3, 8)


def test_values_before_labels_forged_company_is_still_found():
    text = values_before_labels(example("provincial_icp.md")).replace(
        "杭州青禾云图科技有限公司\n公司名称", "杭州青禾云途科技有限公司\n公司名称", 1
    )
    line = text.split("\n").index("杭州青禾云途科技有限公司") + 1
    assert any(f.code == "COM001" for f in check_text(text, INSIDE))
    assert all(f.line != line or f.code != "DOC002" for f in check_text(text, INSIDE))


def test_values_under_labels_are_not_read_upwards():
    # a value on the line after its label, and the next label right after it: not a layout of
    # values before labels (each label but the first has a value above it)
    text = example("legacy_icp.txt").replace("公司名称: 上海", "公司名称:\n上海", 1)
    text = text.replace("\n\n法定代表人: 韩若溪", "\n法定代表人:\n韩若溪", 1)
    doc = parse_document("t.txt", text)
    assert doc.company.text == "上海澄川信息技术股份有限公司"
    assert doc.legal_representative.text == "韩若溪"


# -- pandoc's hard line breaks -------------------------------------------------------------------


def test_pandoc_backslash_breaks_are_not_text():
    doc = parse_document("t.md", pandoc_breaks(example("legacy_icp.txt")))
    assert doc.scope is not None and "\\" not in doc.scope.text
    assert doc.scope.text.startswith("信息服务业务")
    assert doc.number.parsed is not None


def test_a_backslash_inside_a_line_stays():
    text = example("provincial_icp.md").replace("林晓舟", "林晓\\舟", 1)
    assert parse_document("t.md", text).legal_representative.text == "林晓\\舟"


# -- the labels of older template versions -----------------------------------------------------

OLD = """\


中华人民共和国 增值电信业务经营许可证

经营许可证编号: B2-20220088

根据《中华人民共和国电信条例》及国家有关规定,经审查,准许你公司按照本经营许可证(正文和附件)载明的内容经营增值电信业务,特颁发跨地区增值电信业务经营许可证。

公司名称:成都星河数联科技有限公司
注册住所:四川省成都市高新区天府大道北段1700号
法定代表人:周明远
业务种类:信息服务业务(不含互联网信息服务)
业务覆盖范围:全国
有效期限:2022年03月08日至2027年03月08日
发证机关:中华人民共和国工业和信息化部
签发人:李向东
发证日期:2022年03月08日

经营许可证编号: B2-20220088
"""


def test_old_labels_give_the_expiry_and_the_coverage():
    doc = parse_document("t.txt", OLD)
    assert doc.expiry_date.value == dt.date(2027, 3, 8)
    assert doc.issue_date.value == dt.date(2022, 3, 8)
    assert [a.text for a in doc.scope_parts.areas] == ["全国"]
    assert doc.scope.text.startswith("信息服务业务(不含互联网信息服务)")
    assert "注册住所" not in doc.scope.text and "四川省" not in doc.company.text


def test_old_labels_read_clean():
    assert _serious(check_text(OLD, INSIDE)) == []


def test_old_validity_over_five_years_is_found_on_its_line():
    text = OLD.replace("至2027年03月08日", "至2032年03月08日")
    line = text.split("\n").index("有效期限:2022年03月08日至2032年03月08日") + 1
    assert any(f.code == "DAT004" and f.line == line for f in check_text(text, INSIDE))


def test_old_label_misspelled_is_still_a_misspelling():
    text = OLD.replace("有效期限:", "有效朝限:")
    assert any(f.code == "DOC003" for f in check_text(text, INSIDE))


def test_old_coverage_beyond_a_province_is_still_found():
    text = OLD.replace("经营许可证编号: B2-20220088", "经营许可证编号: 川B2-20220088")
    text = text.replace("特颁发跨地区增值", "特颁发增值").replace(
        "发证机关:中华人民共和国工业和信息化部", "发证机关:四川省通信管理局"
    )
    assert any(f.code == "SCP009" for f in check_text(text, INSIDE))
