"""Pass and fail cases of the Qinghe Market rules, on liclint's sample license.

``SAMPLE`` is a clean provincial license (浙B2-20230517, line 5) stamped
仅供青禾云图平台资质审核使用 (line 44). Each case edits it with ``str.replace`` to make what a rule
must catch, and checks the unedited text stays clean.
"""

from __future__ import annotations

import re

import pytest
from liclint.testing import SAMPLE, lines_of, run_rule

import liclint_plugin_example
from liclint_plugin_example.plt001_watermark_for_this_platform import WatermarkForThisPlatform
from liclint_plugin_example.plt002_province_allow_list import ProvinceAllowList

NOTE = "仅供青禾云图平台资质审核使用"
NUMBER = "浙B2-20230517"
#: The special provisions pages alone: a partial copy, no front page and no watermark.
PROVISIONS_ONLY = SAMPLE[SAMPLE.index("## 特别规定事项") :]
#: The same without the page headers: a copy with no license number at all.
NO_NUMBER = re.sub(r"经营许可证编号[:：].*\n", "", PROVISIONS_ONLY)


def test_the_hook_returns_both_rules():
    assert liclint_plugin_example.liclint_rules() == [WatermarkForThisPlatform, ProvinceAllowList]
    for rule in (WatermarkForThisPlatform, ProvinceAllowList):
        assert rule.metadata_errors() == []
        assert "Qinghe Market" in rule.citation


# -- PLT001 watermark-for-this-platform ------------------------------------------------------------


def test_plt001_passes_a_copy_stamped_for_the_platform():
    assert run_rule(WatermarkForThisPlatform, SAMPLE) == []


def test_plt001_flags_a_copy_stamped_for_another_platform():
    text = SAMPLE.replace(NOTE, "仅供蓝鲸商城入驻审核使用")
    findings = run_rule(WatermarkForThisPlatform, text)
    assert lines_of(findings) == [44]
    assert findings[0].code == "PLT001" and "'蓝鲸商城入驻审核'" in findings[0].message
    assert findings[0].column == 3  # the purpose, after 仅供


def test_plt001_flags_a_copy_without_a_note_at_line_1():
    findings = run_rule(WatermarkForThisPlatform, SAMPLE.replace(NOTE + "  \n", ""))
    assert lines_of(findings) == [1]
    assert "no usage note" in findings[0].message


def test_plt001_flags_a_note_without_purpose():
    findings = run_rule(WatermarkForThisPlatform, SAMPLE.replace(NOTE, "仅供使用"))
    assert lines_of(findings) == [44] and "for no one" in findings[0].message


def test_plt001_reads_the_platform_names_option():
    strict = {"platform-names": ["青禾市场", "Qinghe Market"]}
    assert lines_of(run_rule(WatermarkForThisPlatform, SAMPLE, options=strict)) == [44]
    stamped = SAMPLE.replace(NOTE, "仅供青禾市场商家入驻审核使用")
    assert run_rule(WatermarkForThisPlatform, stamped, options=strict) == []
    as_configured = {"platform-names": ("青禾市场",)}  # the configuration file gives a tuple
    assert run_rule(WatermarkForThisPlatform, stamped, options=as_configured) == []


def test_plt001_ignores_spacing_case_and_full_width_letters():
    text = SAMPLE.replace(NOTE, "仅供 ＱＩＮＧＨＥ  Market 平台审核使用")
    options = {"platform-names": ["Qinghe Market"]}
    assert run_rule(WatermarkForThisPlatform, text, options=options) == []


def test_plt001_passes_when_one_of_several_notes_names_the_platform():
    text = SAMPLE.replace("再次复印无效", "再次复印无效\n\n仅供蓝鲸商城入驻审核使用", 1)
    assert run_rule(WatermarkForThisPlatform, text) == []
    alone = text.replace(NOTE, "仅供白鹭优选审核使用")
    assert len(run_rule(WatermarkForThisPlatform, alone)) == 2  # each note for someone else


def test_plt001_on_a_partial_copy():
    assert lines_of(run_rule(WatermarkForThisPlatform, PROVISIONS_ONLY)) == [1]
    assert lines_of(run_rule(WatermarkForThisPlatform, NO_NUMBER)) == [1]


def test_plt001_an_empty_name_list_is_a_configuration_error():
    with pytest.raises(ValueError, match="platform-names is empty"):
        run_rule(WatermarkForThisPlatform, SAMPLE, options={"platform-names": []})


def test_plt001_does_not_apply_to_what_is_not_a_license():
    minutes = "# 会议纪要\n\n下周一讨论青禾市场的入驻流程。\n"
    assert run_rule(WatermarkForThisPlatform, minutes) == []


# -- PLT002 province-allow-list --------------------------------------------------------------------


def test_plt002_allows_every_province_by_default():
    assert run_rule(ProvinceAllowList, SAMPLE) == []


def test_plt002_flags_a_province_not_on_the_list():
    findings = run_rule(ProvinceAllowList, SAMPLE, options={"allowed-provinces": ["沪", "苏"]})
    assert lines_of(findings) == [5]
    assert (findings[0].column, findings[0].end_column) == (9, 21)  # the number
    assert "沪、苏" in findings[0].message


def test_plt002_passes_a_province_on_the_list():
    assert run_rule(ProvinceAllowList, SAMPLE, options={"allowed-provinces": ("沪", "浙")}) == []
    assert run_rule(ProvinceAllowList, SAMPLE, options={"allowed-provinces": "浙"}) == []


@pytest.mark.parametrize("number", ["B2-20230517", "合字B2-20230517"])
def test_plt002_ministry_numbers_follow_allow_cross_regional(number):
    text = SAMPLE.replace(NUMBER, number)
    only_sh = {"allowed-provinces": ["沪"]}
    assert run_rule(ProvinceAllowList, text, options=only_sh) == []
    refused = run_rule(ProvinceAllowList, text, options={**only_sh, "allow-cross-regional": False})
    assert lines_of(refused) == [5] and "ministry" in refused[0].message


def test_plt002_leaves_missing_malformed_and_filing_numbers_to_the_builtins():
    only_sh = {"allowed-provinces": ["沪"]}
    assert run_rule(ProvinceAllowList, NO_NUMBER, options=only_sh) == []
    for number in ("浙B2-2023", "浙ICP备2023051701号"):
        assert run_rule(ProvinceAllowList, SAMPLE.replace(NUMBER, number), options=only_sh) == []


def test_plt002_reads_the_page_header_of_a_partial_copy():
    findings = run_rule(ProvinceAllowList, PROVISIONS_ONLY, options={"allowed-provinces": ["沪"]})
    assert lines_of(findings) == [25]  # line 76 of SAMPLE


def test_plt002_a_province_name_instead_of_a_prefix_is_a_configuration_error():
    with pytest.raises(ValueError, match="'浙江' is not a license prefix"):
        run_rule(ProvinceAllowList, SAMPLE, options={"allowed-provinces": ["浙江"]})
