"""Business names of 《电信业务分类目录》 and the sub-types of 信息服务业务, for the SCP rules."""

from __future__ import annotations

from liclint.text.grammar import fold

#: The class of each business of 《电信业务分类目录（2015年版）》 (in force 2016-03-01, as amended
#: in 2019), by the names licenses print. The 2015 catalogue moved internet access to B1 and online
#: data processing and multi-party communication to B2.
CATALOGUE_2015 = {
    "互联网数据中心业务": "B1",  # B11
    "内容分发网络业务": "B1",  # B12
    "国内互联网虚拟专用网业务": "B1",  # B13
    "互联网接入服务业务": "B1",  # B14
    "在线数据处理与交易处理业务": "B2",  # B21
    "国内多方通信服务业务": "B2",  # B22
    "存储转发类业务": "B2",  # B23
    "呼叫中心业务": "B2",  # B24
    "信息服务业务": "B2",  # B25
    "编码和规程转换业务": "B2",  # B26
}
#: The 2003 catalogue, which applied to numbers issued before 2016.
CATALOGUE_2003 = {
    "在线数据处理与交易处理业务": "B1",
    "国内多方通信服务业务": "B1",
    "国内因特网虚拟专用网业务": "B1",
    "因特网数据中心业务": "B1",
    "存储转发类业务": "B2",
    "呼叫中心业务": "B2",
    "因特网接入服务业务": "B2",
    "信息服务业务": "B2",
}
#: Narrower names a scope may print for a business of the catalogue: its numbered sub-items
#: (B11 互联网资源协作服务, B24-1/B24-2 call centres, B26-1 domain name resolution) and the internet
#: information service that an ICP license grants.
SUB_BUSINESSES = {
    "互联网资源协作服务业务": "互联网数据中心业务",
    "国内呼叫中心业务": "呼叫中心业务",
    "离岸呼叫中心业务": "呼叫中心业务",
    "互联网域名解析服务业务": "编码和规程转换业务",
    "互联网信息服务业务": "信息服务业务",
}
#: The five sub-types of 信息服务业务 (B25) in the 2015 catalogue.
B25_SUBTYPES = (
    "信息发布平台和递送服务",
    "信息搜索查询服务",
    "信息社区平台服务",
    "信息即时交互服务",
    "信息保护和处理服务",
)
#: The qualifiers a 信息服务业务 (B25) takes: an ICP license, other information services (SP), and
#: the 2003 catalogue's SP wording (numbers before 2016).
B25_QUALIFIERS = (
    "仅限互联网信息服务",
    "不含互联网信息服务",
    "不含固定网电话信息服务和互联网信息服务",
    "不含固定网电话信息服务",
)
INFORMATION_SERVICES = "信息服务业务"
NOT_ICP = "不含互联网信息服务"
PRE_2016_NOT_ICP = "不含固定网电话信息服务和互联网信息服务"


#: The catalogue in force for a number year: 《电信业务分类目录（2015年版）》 (MIIT notice of
#: 2015-12-28, in force 2016-03-01) from the numbers of 2016 on, the 2003 catalogue before.
CATALOGUE_2015_FROM_YEAR = 2016


def business_class(name: str, year: int | None) -> tuple[str, str] | None:
    """(catalogue name, class) of a business as the scope names it, by the catalogue in force in
    ``year`` (a number from before 2016 may also print the 2015 names it was re-issued under;
    without a year, either catalogue). None for a name the catalogue does not have."""
    name = compact(name)
    name = SUB_BUSINESSES.get(name, name)
    if year is not None and year >= CATALOGUE_2015_FROM_YEAR:
        catalogues = [CATALOGUE_2015]
    else:
        catalogues = [CATALOGUE_2003, CATALOGUE_2015]
    for catalogue in catalogues:
        if name in catalogue:
            return name, catalogue[name]
    return None


def compact(text: str) -> str:
    return "".join(fold(text).split())


def excludes_icp(scope: str) -> bool:
    text = compact(scope)
    return NOT_ICP in text or PRE_2016_NOT_ICP in text
