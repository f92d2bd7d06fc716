"""SCP004 unknown-exclusion: the scope excludes something that is not a sub-type of 信息服务业务."""

from liclint.checking.rule import Rule, Severity

from ._scope import B25_SUBTYPES, compact


class UnknownExclusion(Rule):
    code = "SCP004"
    name = "unknown-exclusion"
    severity = Severity.WARNING
    summary = "The scope excludes something that is not one of the five B25 sub-types."
    rationale = """
        Scopes narrow the information services with "不含…" followed by sub-types of B25 from the
        catalogue (信息搜索查询服务、信息即时交互服务 …); free wording after 不含 does not come from
        the licensing system. Before 2016 the SP wording was
        "（不含固定网电话信息服务和互联网信息服务）": it is accepted on numbers from before 2016
        only, and is an anachronism on a number issued later.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 (in force 2016-03-01) B25 信息服务业务: "
        "信息发布平台和递送服务、信息搜索查询服务、信息社区平台服务、信息即时交互服务、信息保护和处理服务; "
        "the 2003 catalogue's 信息服务业务（不含固定网电话信息服务和互联网信息服务）."
    )
    source = "catalogue"
    effective = None

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
