"""SCP008 unknown-business: the scope names a business that 《电信业务分类目录》 does not have."""

from liclint.checking.rule import Rule, Severity

from ._scope import CATALOGUE_2003, CATALOGUE_2015, business_class, compact


class UnknownBusiness(Rule):
    code = "SCP008"
    name = "unknown-business"
    severity = Severity.WARNING
    summary = "The scope names a business that is not in the telecom business catalogue."
    rationale = """
        A license grants businesses of the catalogue by their catalogue names (信息服务业务,
        在线数据处理与交易处理业务, 互联网数据中心业务…) or a numbered sub-item (离岸呼叫中心业务).
        Games, payment, live streaming or "network information services" (网络游戏业务,
        互联网支付业务, 网络信息服务业务) are not telecom businesses of the catalogue and no license
        grants them as such: a scope that names one was written or extended by hand. The catalogue
        in force in the number's year decides: from 2016 the 2015 edition (互联网数据中心业务),
        before it the 2003 edition (因特网数据中心业务), whose names on a number from 2016 or later
        are an anachronism. Basic telecom businesses (numbers with an A code) are not checked.
    """
    citation = (
        "《电信业务分类目录（2015年版）》 (工业和信息化部通告, 2015-12-28, in force 2016-03-01, "
        "amended 2019) and the 2003 catalogue before it: the names of the businesses."
    )
    source = "catalogue"
    effective = None

    def check(self, doc, ctx):
        parts = doc.scope_parts
        if parts is None:
            return
        parsed = doc.number.parsed if doc.number is not None else None
        if parsed is not None and any(c.startswith("A") for c in parsed.categories):
            return
        year = parsed.year if parsed is not None else None
        for business in parts.businesses:
            name = compact(business.name.text)
            if business_class(name, year) is not None:
                continue
            if name in CATALOGUE_2003 and year is not None:
                modern = name.replace("因特网", "互联网")  # the 2015 edition's word
                yield self.finding(
                    doc,
                    business.name,
                    f"{name} is the name of the 2003 catalogue; the 2015 catalogue, in force for "
                    f"a number from {year}, calls it {modern}",
                )
                continue
            yield self.finding(
                doc,
                business.name,
                f"{name} is not a business of 《电信业务分类目录》 (the catalogue's value-added "
                "businesses are " + "、".join(CATALOGUE_2015) + ")",
            )
