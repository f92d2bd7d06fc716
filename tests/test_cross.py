"""The cross-copy rules on their pass and fail cases (tests/cross_cases.toml), the same findings
whatever the order of the files and the number of jobs, and the plugin hook for such rules."""

from __future__ import annotations

import datetime as dt
import types
from pathlib import Path

import pytest
from test_rules import CROSS_CASES

from conftest import INSIDE, example
from liclint.across.cross import CrossRule
from liclint.checking.hookspecs import hookimpl
from liclint.checking.plugins import load
from liclint.checking.rule import Severity
from liclint.testing import run_cross


def copies_of(case) -> dict[str, str]:
    out = {}
    for index, copy in enumerate(case["copies"]):
        text = example(copy["base"])
        for old, new in copy.get("replace", []):
            assert old in text, f"{case['name']}: {old!r} is not in {copy['base']}"
            text = text.replace(old, new, 1)
        for old, new in copy.get("replace_all", []):
            assert old in text, f"{case['name']}: {old!r} is not in {copy['base']}"
            text = text.replace(old, new)
        out["abcdefgh"[index] + Path(copy["base"]).suffix] = text
    return out


@pytest.mark.parametrize("case", CROSS_CASES, ids=[f"{c['rule']}-{c['name']}" for c in CROSS_CASES])
def test_cross_case(case, registry):
    rule = registry.get(case["rule"])
    as_of = dt.date.fromisoformat(case.get("as_of", INSIDE.isoformat()))
    registry_csv = case.get("registry")
    findings = run_cross(
        rule, copies_of(case), registry=registry_csv and registry_csv.strip() + "\n", as_of=as_of
    )
    assert all(f.code == case["rule"] for f in findings)
    if "severity" in case:
        assert {f.severity.value for f in findings} == {case["severity"]}
    # "path:line", or "path:line:severity" to check the severity too
    got = [
        f"{f.path}:{f.line}:{f.severity.value}" if e.count(":") == 2 else f"{f.path}:{f.line}"
        for f, e in zip(sorted(findings), sorted(case["expect"]), strict=False)
    ]
    assert len(findings) == len(case["expect"]) and got == sorted(case["expect"]), [
        f.message for f in findings
    ]


class SameRepresentative(CrossRule):
    """A third party's cross-copy rule: two companies with one legal representative."""

    code = "ACME101"
    name = "shared-representative"
    severity = Severity.WARNING
    summary = "Another company's copy names the same legal representative."
    rationale = "Policy: one person fronting several merchants."
    citation = "ACME onboarding policy 4.2."
    source = "practice"
    effective = None

    def check(self, copy, related, ctx):
        mine = copy.facts
        for other in related.others:
            theirs = other.facts
            if (
                mine.legal_representative and theirs.legal_representative
                and theirs.legal_representative.value == mine.legal_representative.value
                and theirs.company_key != mine.company_key
            ):  # fmt: skip
                yield self.finding(
                    copy, mine.legal_representative, f"also for {other.cite()}", other
                )


def cross_plugin(*rules):
    module = types.SimpleNamespace()
    module.liclint_cross_rules = hookimpl(lambda: list(rules))
    return module


def test_a_third_party_cross_rule_is_registered_through_the_hook(tmp_path):
    import liclint.rules

    registry = load([("builtin", liclint.rules), ("acme", cross_plugin(SameRepresentative))])
    assert registry.errors == [] and registry.get("ACME101") is SameRepresentative
    assert SameRepresentative.plugin == "acme"
    # it is related to another copy through the shared domain, and names that copy
    other = example("provincial_icp.md").replace(
        "杭州青禾云图科技有限公司", "杭州赤焰数码科技有限公司"
    )
    other = other.replace("浙B2-20230517", "浙B2-20240611")
    copies = {"a.md": example("provincial_icp.md"), "b.md": other}
    findings = run_cross(SameRepresentative, copies)
    assert [(f.path, f.line, f.code) for f in findings] == [
        ("a.md", 11, "ACME101"),
        ("b.md", 11, "ACME101"),
    ]
    assert "also for b.md, in this run" in findings[0].message


def test_a_cross_hook_returning_a_single_copy_rule_is_an_error():
    from liclint.rules.num001_malformed_number import MalformedNumber

    registry = load([("bad", cross_plugin(MalformedNumber))])
    assert registry.get("NUM001") is None
    assert "from liclint_cross_rules, not a CrossRule subclass" in registry.errors[0]


def test_a_cross_rule_never_runs_on_one_document(registry):
    from liclint.checking.rule import Context
    from liclint.checking.runner import lint
    from liclint.text.extract import parse_document

    rules = [r() for r in registry.rules if issubclass(r, CrossRule)]
    assert len(rules) == 13
    doc = parse_document("a.md", example("provincial_icp.md"))
    assert lint(doc, rules, Context(INSIDE)) == []
    assert all(r.kind == "cross" for r in rules)


def test_a_crashing_cross_rule_is_a_finding_and_the_others_still_run():
    class Crashing(SameRepresentative):
        code = "ACME102"
        name = "crashes"

        def check(self, copy, related, ctx):
            raise RuntimeError("boom")

    copies = {
        "a.md": example("provincial_icp.md"),
        "b.md": example("provincial_icp.md").replace("林晓舟", "林晓周"),
    }
    [finding, *_] = run_cross(Crashing, copies)
    assert finding.code == "LIC001" and "ACME102" in finding.message and "boom" in finding.message


# -- nothing lost however many copies share a key ---------------------------------------------


def _many(tmp_path, texts):
    from liclint import lint_paths

    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"c{i:04d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths, lint_paths(paths, as_of=INSIDE)


def test_300_copies_of_one_company_with_300_numbers_all_get_their_finding(tmp_path):
    from test_ledger import fictional

    texts = [fictional(i, company="杭州赤焰数码科技有限公司") for i in range(300)]
    paths, findings = _many(tmp_path, texts)
    found = [f for f in findings if f.code == "CRS004"]
    assert sorted(f.path for f in found) == paths  # each copy once
    assert all("and 298 more numbers" in f.message for f in found)


def test_400_copies_sharing_a_domain_all_get_their_finding(tmp_path):
    from test_ledger import fictional

    texts = [fictional(i).replace(f"site{i}.cn", "shared.cn") for i in range(400)]
    paths, findings = _many(tmp_path, texts)
    found = [f for f in findings if f.code == "CRS005"]
    assert sorted(f.path for f in found) == paths
    assert all("and 398 more companies" in f.message for f in found)


def test_copies_with_the_same_facts_are_one_other_that_counts_them():
    seen = {}

    class Recording(SameRepresentative):
        code = "ACME103"
        name = "records-what-it-sees"

        def check(self, copy, related, ctx):
            seen[copy.path] = [(o.path, o.copies, o.this_run) for o in related.others]
            return iter(())

    text = example("provincial_icp.md")
    copies = {f"same{i}.md": text + "\n" * i for i in range(5)}  # other bytes, the same facts
    copies["other.md"] = text.replace("杭州青禾云图科技有限公司", "杭州赤焰数码科技有限公司")
    run_cross(Recording, copies)
    assert seen["other.md"] == [("same0.md", 5, True)]  # the first of them, counting five
    assert seen["same0.md"] == [("other.md", 1, True), ("same1.md", 4, True)]
    assert seen["same3.md"] == [("other.md", 1, True), ("same0.md", 4, True)]
