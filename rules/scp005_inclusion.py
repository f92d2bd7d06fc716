"""SCP005 exclusion-turned-inclusion: the scope includes (含…) where scopes only exclude (不含…)."""

from liclint.checking.rule import Rule, Severity

from ._scope import B25_SUBTYPES, compact


class Inclusion(Rule):
    code = "SCP005"
    name = "exclusion-turned-inclusion"
    severity = Severity.ERROR
    summary = "The scope says 含 (includes) where license scopes say 不含 (excludes)."
    rationale = """
        A scope narrows 信息服务业务 with 不含 followed by the sub-types it does not cover
        ("不含信息搜索查询服务、信息即时交互服务"); scopes never list what a business includes after
        a bare 含, 包含 or 包括. Such a list ("含信息搜索查询服务…") is an exclusion with its 不
        removed: the smallest edit that widens a license to the very services it withholds.
    """
    citation = (
        "Scopes as licenses print them: 信息服务业务（仅限互联网信息服务）不含… followed by "
        "sub-types of B25 of 《电信业务分类目录（2015年版）》."
    )
    source = "practice"
    effective = None

    def check(self, doc, ctx):
        if doc.scope_parts is None:
            return
        for included in doc.scope_parts.inclusions:
            name = compact(included.text)
            known = name in B25_SUBTYPES or name == "互联网信息服务"
            yield self.finding(
                doc,
                included,
                f"the scope includes '{name}' (含…): "
                + (
                    "scopes exclude the sub-types of 信息服务业务 they do not grant (不含…)"
                    if known
                    else "scopes never list inclusions, only exclusions (不含…)"
                ),
            )
