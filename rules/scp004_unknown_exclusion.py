"""SCP004: the scope excludes something that is not a sub-type of 信息服务业务.

Scopes narrow the information services with "不含…" followed by B25 sub-types
(信息搜索查询服务、信息即时交互服务 …). Before 2016 the SP wording was
"（不含固定网电话信息服务和互联网信息服务）"; it is accepted only on numbers from before 2016.
"""

from liclint.checking.rule import Rule, Severity

from ._scope import B25_SUBTYPES, compact


class UnknownExclusion(Rule):
    code = "SCP004"
    name = "unknown-exclusion"
    severity = Severity.WARNING
    summary = "The scope excludes something that is not one of the five B25 sub-types."
    rationale = """
        The exclusions in a scope are taken from the catalogue's list of information service
        sub-types. Free wording after 不含 does not come from the licensing system; the pre-2016
        wording on a number issued later is an anachronism.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 B25 信息服务业务: 信息发布平台和递送服务、信息搜索查询服务、"
        "信息社区平台服务、信息即时交互服务、信息保护和处理服务 (domain reference facts 11, 12)."
    )

    def check(self, doc, ctx):
        if doc.scope_parts is None:
            return
        year = doc.number.parsed.year if doc.number and doc.number.parsed else None
        for excluded in doc.scope_parts.exclusions:
            name = compact(excluded.text)
            if name in B25_SUBTYPES or name == "互联网信息服务":
                continue
            if name == "固定网电话信息服务":
                if year is not None and year >= 2016:
                    yield self.finding(
                        doc,
                        excluded,
                        f"'不含固定网电话信息服务' is the wording of the 2003 catalogue, but the number is from {year}",
                    )
                continue
            yield self.finding(
                doc,
                excluded,
                f"the scope excludes '{name}', which is not one of the five sub-types of 信息服务业务",
            )
