"""SCP005: the scope *includes* (含…) a service where scopes only exclude (不含…).

A scope narrows 信息服务业务 with 不含 followed by sub-types it does not cover
("不含信息搜索查询服务、信息即时交互服务"). Deleting the 不含 — leaving "含信息搜索查询服务…" —
turns the exclusion into an inclusion: the copy claims the very services the license withholds.
"""

from liclint.checking.rule import Rule, Severity

from ._scope import B25_SUBTYPES, compact


class Inclusion(Rule):
    code = "SCP005"
    name = "exclusion-turned-inclusion"
    severity = Severity.ERROR
    summary = "The scope says 含 (includes) where license scopes say 不含 (excludes)."
    rationale = """
        License scopes list what a business does not cover after 不含; they never list what it
        includes after a bare 含, 包含 or 包括. Such a list is an exclusion with its 不 removed,
        the smallest edit that widens a license to services it does not grant.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 B25 sub-types; scope wording on licenses "
        '"（仅限互联网信息服务）不含…" (domain reference facts 11, 12; C19).'
    )

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
