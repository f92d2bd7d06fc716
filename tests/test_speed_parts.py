"""The parts written for speed (issue 9) agree with what they replaced.

Each fast path is checked against the slower code it stands in for: the derived-data cache,
the cached plugin list, the public suffix lookup, folding, the one-pass scan of the TXT rules, the
validators written out instead of CJK regexes, and the date arithmetic without dateutil.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib.metadata import entry_points

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liclint.checking import plugins
from liclint.rules import _text
from liclint.rules.com003_legal_representative import _chinese_name
from liclint.rules.com004_malformed_domain import _label, _tld
from liclint.rules.com006_unknown_public_suffix import _rules, public_suffix
from liclint.rules.dat004_validity_over_five_years import five_years_after
from liclint.text import datacache, grammar
from liclint.text.extract import parse_document


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(datacache, "DIRECTORY", str(tmp_path))
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    return tmp_path


# -- the derived-data cache -----------------------------------------------------------------------


def test_cache_round_trip_and_stale_key(cache_dir):
    assert datacache.load("x", "k1") is None
    datacache.save("x", "k1", {"a": ["增", 1]})
    assert datacache.load("x", "k1") == {"a": ["增", 1]}
    assert datacache.load("x", "k2") is None  # another key: stale
    assert [p.name for p in cache_dir.iterdir()] == ["liclint-x.json"]  # no temporary left


def test_cache_writes_nothing_when_bytecode_is_not_written(cache_dir, monkeypatch):
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    datacache.save("x", "k", 1)
    assert datacache.load("x", "k") is None and not list(cache_dir.iterdir())


def test_a_broken_or_unwritable_cache_is_not_used(cache_dir, monkeypatch):
    (cache_dir / "liclint-x.json").write_text("{not json", "utf-8")
    assert datacache.load("x", "k") is None
    monkeypatch.setattr(datacache, "DIRECTORY", str(cache_dir / "file" / "below"))
    (cache_dir / "file").write_text("", "utf-8")  # a file where the directory would be
    datacache.save("x", "k", 1)  # silently nothing
    assert datacache.load("x", "k") is None


# -- the plugin list ------------------------------------------------------------------------------


def test_installed_plugins_are_the_entry_points_and_then_come_from_the_cache(
    cache_dir, monkeypatch
):
    expected = [
        (ep.name, ep.value, ep.dist.name if ep.dist else "", ep.dist.version if ep.dist else "")
        for ep in sorted(entry_points(group="liclint"), key=lambda ep: ep.name)
    ]
    assert plugins.installed_plugins() == expected
    assert json.loads((cache_dir / "liclint-plugins.json").read_text("utf-8"))["value"]

    def fail(**_):
        raise AssertionError("importlib.metadata asked again")

    monkeypatch.setattr("importlib.metadata.entry_points", fail)
    assert plugins.installed_plugins() == expected


def test_a_new_distribution_changes_the_key(tmp_path, monkeypatch):
    before = plugins._installed_key()
    (tmp_path / "demo-1.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    assert plugins._installed_key() != before


def test_entry_point_values_load_as_importlib_metadata_loads_them():
    assert plugins._load_entry_point("liclint.rules") is __import__("liclint.rules").rules
    assert plugins._load_entry_point("liclint.text.grammar:fold") is grammar.fold
    assert plugins._load_entry_point("liclint.text.grammar : LicenseNumber.year [extra]") is (
        grammar.LicenseNumber.year
    )


# -- public suffixes ------------------------------------------------------------------------------


def test_public_suffixes_agree_with_the_publicsuffixlist_package():
    from publicsuffixlist import PublicSuffixList

    psl = PublicSuffixList(only_icann=True, accept_encoded_idn=False)
    rules, _ = _rules()
    names = ["example.com", "foo.cm0", "a.b", "x..com", ".com", "a.com.", "A.COM.CN", " a.cn "]
    names += ["xn--fiqs8s", "a.xn--fiqs8s", "a.xn--zz", "www.city.kawasaki.jp", "a.b.kawasaki.jp"]
    for rule in rules:
        base = rule.lstrip("!").replace("*", "x")
        names += [base, "a." + base, "b.a." + base, base.split(".", 1)[-1]]
    for name in names:
        plain = name.strip().lower().rstrip(".")
        try:
            decoded = plain.encode("ascii").decode("idna") if "xn--" in plain else plain
            want = psl.publicsuffix(decoded, accept_unknown=False) if "." in plain else None
        except (ValueError, UnicodeError):
            want = None
        assert public_suffix(name) == want, name


# -- folding --------------------------------------------------------------------------------------

_FOLDING = st.text(
    st.sampled_from(
        [*"，：（）；、。 ab1", "增", "増", "電", "⼀", "ニ", "А", "－", "　", "\U00020000"]
    )
    | st.characters(),
    max_size=300,
)


@given(_FOLDING)
def test_fold_is_the_character_by_character_substitution(text):
    assert grammar.fold(text) == grammar._FOLDABLE.sub(grammar._fold_one, text)


def test_the_cached_fold_tables_are_the_derived_ones():
    variants, lookalikes = grammar._variant_data()
    fold = {chr(k): chr(v) for k, v in grammar._fold_table(variants, lookalikes).items()}
    assert (variants, lookalikes, fold) == (grammar.VARIANTS, grammar.LOOKALIKES, grammar._FOLD)
    assert grammar._TABLES["foldable"] == grammar.char_class(fold)


# -- the TXT rules' one pass ----------------------------------------------------------------------


def test_every_character_a_txt_rule_looks_for_is_found_by_the_one_pass():
    from liclint.rules import (
        txt001_bidi_control,
        txt002_invisible_character,
        txt003_lookalike_letter,
        txt004_variant_character,
    )

    for rule in (
        txt001_bidi_control,
        txt002_invisible_character,
        txt003_lookalike_letter,
        txt004_variant_character,
    ):
        sample = [c for c in map(chr, range(0x110000)) if re.fullmatch(rule.CHARACTERS, c)]
        assert sample
        for char in sample[:: max(1, len(sample) // 500)] + sample[-1:]:
            doc = parse_document("t.txt", f"公司名称：某{char}公司\n")
            assert _text.present(doc, rule.CHARACTERS), (rule.__name__, hex(ord(char)))


def test_a_clean_text_has_none():
    doc = parse_document("t.txt", "公司名称：某某科技有限公司（北京），B2-20181623\n")
    assert doc.memo.get("txt_characters") is None
    assert not _text.present(doc, "[\u202a-\u202e]")
    assert doc.memo["txt_characters"] == frozenset()


# -- validators without CJK regexes ---------------------------------------------------------------

_NAMES = st.text(st.sampled_from([*"张三·•・a1- Zé\n", "\u33ff", "\u3400", "\u9fff", "\ua000"]))
_OLD_NAME = re.compile(
    r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,10}(?:[·•・][\u3400-\u9fff]{1,10}){1,3}"
)
_OLD_LABEL = re.compile(r"(?!-)[a-z0-9\u3400-\u9fff-]{1,63}(?<!-)")
_OLD_TLD = re.compile(r"[a-z\u3400-\u9fff]{2,63}|xn--[a-z0-9-]{2,59}")


@given(_NAMES)
def test_name_and_domain_checks_match_the_regexes_they_replace(text):
    assert _chinese_name(text) == bool(_OLD_NAME.fullmatch(text))
    assert _label(text) == bool(_OLD_LABEL.fullmatch(text))
    assert _tld(text) == bool(_OLD_TLD.fullmatch(text))


@pytest.mark.parametrize("text", ["a" * 63, "a" * 64, "xn--" + "a" * 59, "xn--" + "a" * 60])
def test_domain_length_limits(text):
    assert _label(text) == bool(_OLD_LABEL.fullmatch(text))
    assert _tld(text) == bool(_OLD_TLD.fullmatch(text))


def test_five_years_after_is_dateutils():
    from dateutil.relativedelta import relativedelta

    day = dt.date(2000, 1, 1)
    while day < dt.date(2030, 1, 1):
        assert five_years_after(day) == day + relativedelta(years=5)
        day += dt.timedelta(days=1)


# -- the legacy number's fast path ----------------------------------------------------------------

_LEGACY_PARTS = st.tuples(
    st.sampled_from(["", ":", "：", " : "]),
    st.sampled_from(["京", "㐀", "\uf900", "合", "A", "字", ""]),
    st.lists(st.sampled_from(["", " ", "\t"]), min_size=4, max_size=4),
    st.sampled_from(["120458", "12045", "1204589", "12045x"]),
    st.sampled_from(["", "号", "号(注)", "号-1"]),
)


@given(_LEGACY_PARTS)
def test_legacy_fast_path_agrees_with_the_grammar(parts):
    colon, prefix, (w1, w2, w3, w4), digits, tail = parts
    span = f"{w1}{colon}{prefix}{w2}ICP证{w3}{digits}{w4}{tail}{w1}"
    if re.fullmatch(grammar._PLAIN_LEGACY, span):
        assert grammar.parse_number.__wrapped__(span) == grammar._number_by_grammar(span)
