"""Generate the cross-copy held-out set from the fictional example copies.

Every company, person, number, domain and address below is invented. The copies are built by
editing the three example licenses (provincial ICP, cross-regional SP, legacy ICP证); the clause
text of the special provisions is left as the examples have it.

    python bench/heldout_cross/make.py      # rewrites the scenario folders and manifest.toml
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent / "examples"

PROV = (EXAMPLES / "provincial_icp.md").read_text(encoding="utf-8")
CROSS = (EXAMPLES / "cross_regional_sp.txt").read_text(encoding="utf-8")
LEGACY = (EXAMPLES / "legacy_icp.txt").read_text(encoding="utf-8")

DEFAULT_AS_OF = "2026-03-15"

AUTHORITY = {
    "京": "北京市通信管理局",
    "沪": "上海市通信管理局",
    "浙": "浙江省通信管理局",
    "苏": "江苏省通信管理局",
    "粤": "广东省通信管理局",
    "闽": "福建省通信管理局",
    "皖": "安徽省通信管理局",
    "湘": "湖南省通信管理局",
    "鄂": "湖北省通信管理局",
    "川": "四川省通信管理局",
    "鲁": "山东省通信管理局",
    "豫": "河南省通信管理局",
    "冀": "河北省通信管理局",
    "": "中华人民共和国工业和信息化部",
}

# where the servers of each province's fictional sites are, and who connects them
HOSTING = {
    "京": ("北京市海淀区上地信息路26号数据中心4层", "北京广域数港科技有限公司"),
    "沪": ("上海市闵行区春东路508号数据中心2号楼", "上海汇川数据服务有限公司"),
    "浙": ("浙江省杭州市滨江区江南大道3880号数据中心5层", "杭州云栈网络科技有限公司"),
    "苏": ("江苏省南京市江宁区秣周东路12号机房", "南京石城数据服务有限公司"),
    "粤": ("广东省广州市黄埔区科学大道182号数据中心", "广州穗联网络技术有限公司"),
    "闽": ("福建省厦门市集美区软件园三期C区机房", "厦门鹭岛数据科技有限公司"),
    "皖": ("安徽省合肥市高新区望江西路800号机房", "合肥庐州云数据有限公司"),
    "湘": ("湖南省长沙市岳麓区尖山路39号数据中心", "长沙星城数据服务有限公司"),
    "鄂": ("湖北省武汉市东湖高新区光谷三路777号机房", "武汉江城数据科技有限公司"),
    "川": ("四川省成都市高新区天府五街200号数据中心", "成都锦官数据服务有限公司"),
    "鲁": ("山东省青岛市崂山区株洲路187号机房", "青岛海岸数据科技有限公司"),
    "豫": ("河南省郑州市郑东新区龙子湖智慧岛机房", "郑州中原云数据有限公司"),
    "冀": ("河北省石家庄市鹿泉区昌盛大街21号机房", "石家庄燕赵数据服务有限公司"),
}


def cn_date(iso: str, pad: bool = True, space: bool = True) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    sep = " " if space else ""
    if pad:
        return f"{y}年{sep}{m:02d}月{sep}{d:02d}日"
    return f"{y}年{sep}{m:02d}月{sep}{d}日"


@dataclass
class Lic:
    kind: str  # "prov" (provincial ICP), "cross" (跨地区 SP), "legacy" (…ICP证…号)
    number: str
    company: str
    rep: str
    issue: str
    expiry: str
    sites: list[tuple[str, str]] = field(default_factory=list)  # (网站名称, 网站域名)
    authority: str | None = None  # printed after 发证机关(盖章):
    watermark: tuple[str, str] | None = None  # (purpose, 有效期至 in Chinese)
    number_front: str | None = None  # how the number is written on the front page
    number_header: str | None = None  # how the number is written in page headers

    @property
    def province(self) -> str:
        return self.number[0] if not self.number[0].isascii() else ""


def _sites_block(lic: Lic, server: str, access: str) -> str:
    parts = []
    for name, domain in lic.sites:
        parts.append(
            f"网站名称：{name}\n\n网站域名：{domain}\n\n服务器放置地：{server}\n\n"
            f"网站接入服务提供单位：{access}\n"
        )
    return "\n".join(parts)


def render(lic: Lic) -> str:
    server, access = HOSTING.get(lic.province, HOSTING["京"])
    front = lic.number_front or lic.number
    header = lic.number_header or lic.number
    if lic.kind == "prov":
        t = PROV
        t = t.replace("经营许可证编号：浙B2-20230517", "经营许可证编号：" + front)
        t = t.replace("经营许可证编号: 浙B2-20230517", "经营许可证编号: " + header)
        assert "20230517" not in t
        t = t.replace("杭州青禾云图科技有限公司", lic.company).replace("林晓舟", lic.rep)
        t = t.replace("2023年 05月 17日", cn_date(lic.issue)).replace(
            "2028年 05月 17日", cn_date(lic.expiry)
        )
        start = t.index("网站名称：青禾云图")
        end = t.index("网站接入服务提供单位：杭州云栈网络科技有限公司")
        end = t.index("\n", end) + 1
        t = t[:start] + _sites_block(lic, server, access) + t[end:]
        wm_old = "仅供青禾云图平台资质审核使用  \n有效期至2028年3月31日  \n再次复印无效\n"
        assert wm_old in t
        if lic.watermark:
            purpose, until = lic.watermark
            t = t.replace(wm_old, f"仅供{purpose}使用  \n有效期至{until}  \n再次复印无效\n")
        else:
            t = t.replace("\n" + wm_old, "")
        if lic.authority:
            t = t.replace("发证机关(盖章):", "发证机关(盖章): " + lic.authority)
    elif lic.kind == "cross":
        t = CROSS
        t = t.replace(
            "经营许可证编号: B2-20220088",
            "经营许可证编号: " + header,
        )
        t = t.replace("经营许可证编号: " + header, "经营许可证编号: " + front, 1)
        assert "20220088" not in t
        t = t.replace("成都星河数联科技有限公司", lic.company).replace("周明远", lic.rep)
        t = t.replace("2022年03月08日", cn_date(lic.issue, space=False))
        t = t.replace("2027年03月08日", cn_date(lic.expiry, space=False))
        if lic.authority:
            t = t.replace("发证日期:", f"发证机关(盖章): {lic.authority}\n\n\n\n发证日期:", 1)
    elif lic.kind == "legacy":
        t = LEGACY
        t = t.replace("沪ICP证150321号", lic.number_front or lic.number)
        t = t.replace("上海澄川信息技术股份有限公司", lic.company).replace("韩若溪", lic.rep)
        t = t.replace("2025年 03月 2日", cn_date(lic.issue, pad=False))
        t = t.replace("2030年 03月 2日", cn_date(lic.expiry, pad=False))
        start = t.index("网站名称：澄川阅读")
        end = t.rindex("网站接入服务提供单位：上海云桥数据服务有限公司")
        end = t.index("\n", end) + 1
        t = t[:start] + _sites_block(lic, server, access) + t[end:]
        if lic.authority:
            t = t.replace("发证机关(盖章):", "发证机关(盖章): " + lic.authority)
    else:
        raise ValueError(lic.kind)
    for old in ("青禾", "星河数联", "澄川", "qinghe", "chengchuan", "周明远", "林晓舟", "韩若溪"):
        assert old not in t, (old, lic.number)
    return t


def attachment_only(text: str) -> str:
    """Only the attachment (附页) and the special provisions, as merchants often upload."""
    i = text.index("中华人民共和国增值电信业务经营许可证  \n(附 页)")
    return "\n\n" + text[i:]


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def ocr_spaced(text: str) -> str:
    """The text layer of a scanned PDF: a space between CJK characters, no markdown."""
    out = []
    for line in text.split("\n"):
        line = re.sub(r"^#+ ", "", line).rstrip()
        chars = list(line)
        buf = []
        for i, c in enumerate(chars):
            buf.append(c)
            if i + 1 < len(chars):
                n = chars[i + 1]
                if c != " " and n != " " and (CJK.match(c) or CJK.match(n)):
                    buf.append(" ")
        out.append("".join(buf))
    return "\n".join(out)


def plain_text(text: str) -> str:
    """A clerk's plain-text save: no markdown headings, no trailing double spaces."""
    return "\n".join(re.sub(r"^#+ ", "", ln).rstrip() for ln in text.split("\n"))


# ---------------------------------------------------------------------------------------------
SCENARIOS: list[dict] = []


def scenario(name, kind, family, why, files, flagged, registry=None, as_of=DEFAULT_AS_OF):
    SCENARIOS.append(
        dict(
            name=name,
            kind=kind,
            family=family,
            why=why,
            files=files,
            flagged=flagged,
            registry=registry,
            as_of=as_of,
        )
    )


def reg(
    rows, header=("number", "company", "issue date", "expiry date", "status"), encoding="utf-8"
):
    return dict(header=header, rows=rows, encoding=encoding)


def site(name, domain):
    return [(name, domain)]


# ---- forged ---------------------------------------------------------------------------------

a = Lic(
    "prov",
    "浙B2-20240613",
    "杭州栖木云帆科技有限公司",
    "沈知远",
    "2024-06-13",
    "2029-06-13",
    site("栖木云帆", "qimu-yunfan.cn"),
)
b = Lic(
    "prov",
    "浙B2-20240613",
    "杭州拾光链动科技有限公司",
    "郑一鸣",
    "2024-06-13",
    "2029-06-13",
    site("拾光链动", "shiguang-liandong.cn"),
)
scenario(
    "f_company_swap_ledger",
    "forged",
    "company",
    "One license number is granted to one company (电信条例 art. 9, 42号令): a copy of an "
    "already recorded license with another company on every page is a forgery.",
    {"batch1/qimu_yunfan.md": render(a), "batch2/shiguang.md": render(b)},
    ["batch2/shiguang.md"],
)

a = Lic(
    "prov",
    "皖B2-20230288",
    "合肥澄湖数码科技有限公司",
    "许安然",
    "2023-08-21",
    "2028-08-21",
    site("澄湖数码", "chenghu-shuma.cn"),
)
b = Lic(
    "prov",
    "皖B2-20230288",
    "合肥鹿鸣网络科技有限公司",
    "孔令杰",
    "2023-08-21",
    "2028-08-21",
    site("鹿鸣网络", "luming-wl.cn"),
)
scenario(
    "f_company_swap_same_batch",
    "forged",
    "company",
    "Two merchants in one batch present the same license number under different company "
    "names; one number belongs to one company, so both copies need a reviewer's look.",
    {"batch1/chenghu.md": render(a), "batch1/luming.md": render(b)},
    ["batch1/chenghu.md", "batch1/luming.md"],
)

a = Lic(
    "prov",
    "闽B2-20220415",
    "厦门海岬信息科技有限公司",
    "黄思远",
    "2024-09-03",
    "2027-06-10",
    site("海岬资讯", "haijia-info.cn"),
)
b = Lic(
    "prov",
    "闽B2-20220415",
    "厦门海岬信息科技有限公司",
    "黄思远",
    "2024-09-03",
    "2029-09-03",
    site("海岬资讯", "haijia-info.cn"),
)
scenario(
    "f_expiry_extended",
    "forged",
    "dates",
    "A re-issued license keeps its original 有效期至; the same license (same number, company "
    "and 发证日期) cannot carry a later expiry on a later copy.",
    {"batch1/haijia.md": render(a), "batch2/haijia_2026.md": render(b)},
    ["batch2/haijia_2026.md"],
)

a = Lic(
    "prov",
    "湘B2-20220137",
    "长沙麓溪网络科技有限公司",
    "罗一川",
    "2024-03-18",
    "2029-03-18",
    site("麓溪网", "luxi-net.cn"),
)
scenario(
    "f_expiry_extended_registry",
    "forged",
    "registry",
    "The 电信业务市场综合管理信息系统 record is authoritative: a copy whose 有效期至 is later "
    "than the registry's for the same license has been altered.",
    {"batch1/luxi.md": render(a)},
    ["batch1/luxi.md"],
    registry=reg(
        [
            ["湘B2-20220137", "长沙麓溪网络科技有限公司", "2024-03-18", "2027-01-05", "正常"],
            ["湘B2-20230722", "长沙橘洲云创科技有限公司", "2023-02-14", "2028-02-14", "正常"],
        ],
        encoding="utf-8-sig",
    ),
)

a = Lic(
    "prov",
    "京B2-20230911",
    "北京远岚互动科技有限公司",
    "秦朗",
    "2023-10-09",
    "2028-10-09",
    site("远岚互动", "yuanlan-hudong.com"),
)
scenario(
    "f_registry_other_company",
    "forged",
    "registry",
    "The registry names the holder of each number; a copy naming another company for that "
    "number is a borrowed or forged license.",
    {"batch1/yuanlan.md": render(a)},
    ["batch1/yuanlan.md"],
    registry=reg(
        [
            ["京B2-20230911", "北京栎阳科技有限公司", "2023-10-09", "2028-10-09", "正常"],
            ["京B2-20230455", "北京石榴籽文化传媒有限公司", "2023-05-30", "2028-05-30", "正常"],
        ]
    ),
)

a = Lic(
    "prov",
    "粤B2-20210776",
    "广州禾穗信息技术有限公司",
    "梁嘉禾",
    "2021-05-26",
    "2026-05-26",
    site("禾穗网", "hesui-it.cn"),
)
scenario(
    "f_registry_revoked",
    "forged",
    "registry",
    "A license revoked (吊销) by the issuing authority no longer permits the business even "
    "though the paper copy still shows a future 有效期至.",
    {"batch1/hesui.md": render(a)},
    ["batch1/hesui.md"],
    registry=reg(
        [
            ["粤B2-20210776", "广州禾穗信息技术有限公司", "2021-05-26", "2026-05-26", "吊销"],
            ["粤B2-20220954", "广州榕荫网络科技有限公司", "2022-11-08", "2027-11-08", "正常"],
        ]
    ),
)

a = Lic(
    "prov",
    "川B2-20220319",
    "成都岷山数智科技有限公司",
    "杨帆",
    "2022-04-07",
    "2027-04-07",
    site("岷山数智", "minshan-shuzhi.cn"),
)
scenario(
    "f_registry_cancelled",
    "forged",
    "registry",
    "A cancelled (注销) license, e.g. after the holder stopped the business or moved it to a "
    "跨地区 license (特别规定事项 十三), may not be presented as valid.",
    {"batch1/minshan.txt": render(a)},
    ["batch1/minshan.txt"],
    registry=reg(
        [["川B2-20220319", "成都岷山数智科技有限公司", "2022-04-07", "2027-04-07", "注销"]]
    ),
)

a = Lic(
    "prov",
    "鲁B2-20200528",
    "青岛潮汐互联网络有限公司",
    "于海涛",
    "2025-09-01",
    "2030-09-01",
    site("潮汐互联", "chaoxi-hl.cn"),
)
scenario(
    "f_registry_status_expired",
    "forged",
    "registry",
    "A license not renewed 90 days before expiry lapses (42号令 art. 27); a copy dressed up "
    "as a renewal of a license the registry lists as 过期 is forged.",
    {"batch1/chaoxi.md": render(a)},
    ["batch1/chaoxi.md"],
    registry=reg(
        [["鲁B2-20200528", "青岛潮汐互联网络有限公司", "2020-09-01", "2025-09-01", "过期"]]
    ),
)

a = Lic(
    "prov",
    "豫B2-20210104",
    "郑州原野信息技术有限公司",
    "任志强",
    "2021-01-29",
    "2026-01-29",
    site("原野信息", "yuanye-info.cn"),
)
scenario(
    "f_registry_expiry_passed",
    "forged",
    "registry",
    "Validity is 5 years (42号令); when a merchant uploads only the attachment and provisions "
    "pages, only the registry shows that the license's 有效期至 has passed.",
    {"batch1/yuanye_attachment.md": attachment_only(render(a))},
    ["batch1/yuanye_attachment.md"],
    registry=reg(
        [["豫B2-20210104", "郑州原野信息技术有限公司", "2021-01-29", "2026-01-29", "正常"]]
    ),
)

a = Lic(
    "prov",
    "苏B2-20230642",
    "常州檀溪科技有限公司",
    "钱文博",
    "2023-11-02",
    "2028-11-02",
    site("檀溪科技", "tanxi-tech.cn"),
)
scenario(
    "f_registry_missing_number",
    "forged",
    "registry",
    "Every license issued is recorded in the 电信业务市场综合管理信息系统; a number missing "
    "from the export of that province is unverified.",
    {"batch1/tanxi.md": render(a)},
    ["batch1/tanxi.md"],
    registry=reg(
        [
            ["苏B2-20230102", "南京栖霞云点科技有限公司", "2023-01-16", "2028-01-16", "正常"],
            ["苏B2-20230245", "苏州平江数字科技有限公司", "2023-03-02", "2028-03-02", "正常"],
            ["苏B2-20231187", "无锡蠡湖信息技术有限公司", "2023-12-20", "2028-12-20", "正常"],
        ]
    ),
)

a = Lic(
    "prov",
    "浙B2-20230736",
    "宁波蓝港数据科技有限公司",
    "应晓东",
    "2023-07-19",
    "2028-07-19",
    site("蓝港数据", "langang-data.cn"),
)
b = Lic(
    "prov",
    "粤B2-20241022",
    "东莞橙果电子商务有限公司",
    "叶志明",
    "2024-12-03",
    "2029-12-03",
    site("橙果商城", "langang-data.cn"),
)
scenario(
    "f_domain_two_companies",
    "forged",
    "domain",
    "The 附页 lists the websites the license covers for its holder; a domain already on "
    "another company's license cannot also be that of a second company.",
    {"batch1/langang.md": render(a), "batch2/chengguo.md": render(b)},
    ["batch2/chengguo.md"],
)

a = Lic(
    "prov",
    "苏B2-20220851",
    "苏州锦帆网络科技有限公司",
    "陆一凡",
    "2022-10-14",
    "2027-10-14",
    site("锦帆网", "jinfan-net.cn"),
)
b = Lic(
    "prov",
    "苏B2-20240397",
    "苏州锦帆网络科技有限公司",
    "陆一凡",
    "2024-05-20",
    "2029-05-20",
    site("锦帆网", "jinfan-net.cn"),
)
scenario(
    "f_two_numbers_same_province",
    "forged",
    "number",
    "A company holds one license per issuing authority and adds businesses by 变更 of that "
    "license (42号令 art. 28); a second B2 number from the same province is suspect.",
    {"batch1/jinfan.md": render(a), "batch2/jinfan_new.md": render(b)},
    ["batch2/jinfan_new.md"],
)

a = Lic(
    "cross",
    "B2-20230459",
    "武汉松果通信科技有限公司",
    "江涛",
    "2023-06-28",
    "2028-06-28",
    authority="中华人民共和国工业和信息化部",
)
b = Lic(
    "cross",
    "B2-20230459",
    "武汉松果通信科技有限公司",
    "江涛",
    "2023-06-28",
    "2028-06-28",
    authority="湖北省通信管理局",
)
scenario(
    "f_authority_differs",
    "forged",
    "authority",
    "A license has one issuing authority (a 跨地区 license is issued by MIIT, 电信条例 art. 9); "
    "the same license with another 发证机关 on a later copy has been altered.",
    {"batch1/songguo_sp.txt": render(a), "batch2/songguo_sp.txt": render(b)},
    ["batch2/songguo_sp.txt"],
)

a = Lic(
    "prov",
    "粤B2-20230187",
    "佛山青瓷网络科技有限公司",
    "何文静",
    "2023-03-09",
    "2028-03-09",
    site("青瓷网", "qingci-net.cn"),
    authority="深圳市通信管理局",
)
scenario(
    "f_registry_authority",
    "forged",
    "authority",
    "Provincial licenses are issued by the provincial 通信管理局 the registry names; a copy "
    "sealed by another authority is not the registered license.",
    {"batch1/qingci.md": render(a)},
    ["batch1/qingci.md"],
    registry=reg(
        [
            [
                "粤B2-20230187",
                "佛山青瓷网络科技有限公司",
                "2023-03-09",
                "2028-03-09",
                "正常",
                "广东省通信管理局",
            ]
        ],
        header=("许可证编号", "公司名称", "发证日期", "有效期至", "状态", "发证机关"),
    ),
)

a = Lic(
    "prov",
    "浙B2-20250106",
    "温州星禾数据科技有限公司",
    "潘俊杰",
    "2025-01-22",
    "2030-01-22",
    site("星禾数据", "xinghe-data.cn"),
)
b = Lic(
    "prov",
    "浙B2-20250106",
    "温州星禾数据技术有限公司",
    "潘俊杰",
    "2025-01-22",
    "2030-01-22",
    site("星禾数据", "xinghe-shuju.cn"),
)
scenario(
    "f_company_near_name",
    "forged",
    "company",
    "A company is identified by its exact registered name; a look-alike name (技术 for 科技) on "
    "the same number is another company, not a spelling variant.",
    {"batch1/xinghe.md": render(a), "batch2/xinghe_jishu.md": render(b)},
    ["batch2/xinghe_jishu.md"],
)

a = Lic("cross", "B2-20210633", "西安云岭数联科技有限公司", "杜若衡", "2021-11-15", "2026-11-15")
b = Lic("cross", "B2-20210633", "西安北辰讯达科技有限公司", "白子墨", "2021-11-15", "2026-11-15")
scenario(
    "f_cross_regional_swap",
    "forged",
    "company",
    "A 跨地区 license is issued by MIIT to one company; the same number presented by another "
    "company is a forgery.",
    {"batch1/yunling_sp.txt": render(a), "batch2/beichen_sp.txt": render(b)},
    ["batch2/beichen_sp.txt"],
)

a = Lic(
    "legacy",
    "沪ICP证160482号",
    "上海锦鲤网络科技有限公司",
    "邵明轩",
    "2021-06-08",
    "2026-06-08",
    [("锦鲤网", "jinli-wl.com"), ("锦鲤社区", "jinli-wl.net")],
)
b = Lic(
    "legacy",
    "沪ICP证160482号",
    "上海鹿角信息科技有限公司",
    "方可",
    "2021-06-08",
    "2026-06-08",
    [("鹿角资讯", "lujiao-info.com")],
    number_front="沪ICP证 160482 号",
    number_header="沪ICP证 160482 号",
)
scenario(
    "f_legacy_swap_spaced",
    "forged",
    "company",
    "A legacy 沪ICP证 number survives renewals and stays with its holder; written with spaces "
    "it is still the same number, here presented by another company.",
    {"batch1/jinli.txt": render(a), "batch2/lujiao.txt": render(b)},
    ["batch2/lujiao.txt"],
)

# ---- harmless -------------------------------------------------------------------------------

a = Lic(
    "prov",
    "浙B2-20230391",
    "杭州青苔数字科技有限公司",
    "傅雨晴",
    "2023-04-25",
    "2028-04-25",
    site("青苔数字", "qingtai-digital.cn"),
)
scenario(
    "h_same_copy_twice",
    "harmless",
    "duplicate",
    "Merchants resubmit the same copy when asked again; the same bytes checked twice are one "
    "license, not a conflict.",
    {"batch1/license.md": render(a), "batch2/license.md": render(a)},
    [],
)

a = Lic(
    "prov",
    "鄂B2-20240215",
    "武汉江豚信息技术有限公司",
    "邓子涵",
    "2024-03-12",
    "2029-03-12",
    site("江豚资讯", "jiangtun-info.cn"),
)
scenario(
    "h_same_copy_renamed",
    "harmless",
    "duplicate",
    "Upload systems rename files; the same copy under another file name is still the same "
    "license of the same company.",
    {"batch1/jiangtun_icp.md": render(a), "batch2/upload_20260312_0031.md": render(a)},
    [],
)

a = Lic(
    "prov",
    "湘B2-20230722",
    "长沙橘洲云创科技有限公司",
    "谭明",
    "2023-02-14",
    "2028-02-14",
    site("橘洲云创", "juzhou-yunchuang.cn"),
)
scenario(
    "h_duplicate_in_batch",
    "harmless",
    "duplicate",
    "A browser saves a second download as 'name (1)'; two identical copies in one batch are "
    "one license.",
    {"batch1/license.md": render(a), "batch1/license (1).md": render(a)},
    [],
)

a = Lic(
    "prov",
    "粤B2-20230834",
    "星桥网络科技（深圳）有限公司",
    "蔡文轩",
    "2023-08-30",
    "2028-08-30",
    site("星桥", "xingqiao-net.cn"),
)
b = Lic(
    "prov",
    "粤B2-20230834",
    "星桥网络科技 (深圳) 有限公司",
    "蔡文轩",
    "2023-08-30",
    "2028-08-30",
    site("星桥", "xingqiao-net.cn"),
)
scenario(
    "h_brackets_spaces",
    "harmless",
    "company",
    "Copies retyped by clerks write the registered name with half-width brackets and spaces; "
    "the company is the same.",
    {"batch1/xingqiao.md": render(a), "batch2/xingqiao_retyped.md": render(b)},
    [],
)

a = Lic(
    "prov",
    "京B2-20240522",
    "北京松针互动科技有限公司",
    "高远",
    "2024-05-22",
    "2029-05-22",
    site("松针互动", "songzhen-hd.com"),
)
scenario(
    "h_ocr_spaced",
    "harmless",
    "company",
    "The text layer of a scanned PDF puts a space between CJK characters; it is the same "
    "license and company as the clean copy.",
    {"batch1/songzhen.md": render(a), "batch2/songzhen_scan.txt": ocr_spaced(render(a))},
    [],
)

a = Lic(
    "prov",
    "闽B2-20220633",
    "福州榕城数据科技有限公司",
    "陈立",
    "2022-06-10",
    "2027-06-10",
    site("榕城数据", "rongcheng-data.cn"),
)
b = Lic(
    "prov",
    "闽B2-20220633",
    "福州榕城数据科技有限公司",
    "王晴",
    "2024-09-03",
    "2027-06-10",
    site("榕城数据", "rongcheng-data.cn"),
)
scenario(
    "h_reissue",
    "harmless",
    "dates",
    "After a change of 法定代表人 the authority re-issues the license (42号令 art. 29) with a "
    "new 发证日期 and the original 有效期至.",
    {"batch1/rongcheng.md": render(a), "batch2/rongcheng_reissued.md": render(b)},
    [],
)

a = Lic(
    "prov",
    "苏B2-20230418",
    "南京青柠信息技术有限公司",
    "吴晓宁",
    "2023-04-11",
    "2028-04-11",
    site("青柠网", "qingning-info.cn"),
)
b = Lic(
    "prov",
    "苏B2-20230418",
    "南京青柠数字科技有限公司",
    "吴晓宁",
    "2025-07-02",
    "2028-04-11",
    site("青柠网", "qingning-info.cn"),
)
scenario(
    "h_rename",
    "harmless",
    "rename",
    "A company renamed at the 工商 registry has its license re-issued under the new name "
    "(42号令 art. 29): later 发证日期, same number and 有效期至, same website.",
    {"batch1/qingning.md": render(a), "batch2/qingning_renamed.md": render(b)},
    [],
)

u1 = Lic(
    "prov",
    "浙B2-20240128",
    "杭州竹溪文化创意有限公司",
    "金一诺",
    "2024-02-27",
    "2029-02-27",
    site("竹溪文创", "zhuxi-wenchuang.cn"),
)
u2 = Lic(
    "prov",
    "粤B2-20220954",
    "广州榕荫网络科技有限公司",
    "冯志伟",
    "2022-11-08",
    "2027-11-08",
    site("榕荫网", "rongyin-net.cn"),
)
u3 = Lic(
    "legacy",
    "京ICP证170233号",
    "北京银杏树下信息技术有限公司",
    "唐雪",
    "2022-05-18",
    "2027-05-18",
    [("银杏阅读", "yinxing-read.com"), ("银杏", "yinxing.net.cn")],
)
u4 = Lic("cross", "B2-20230971", "成都青城讯通科技有限公司", "彭博", "2023-09-05", "2028-09-05")
scenario(
    "h_unrelated_batch",
    "harmless",
    "batch",
    "A platform's daily batch holds licenses of unrelated companies with their own numbers, "
    "authorities and websites; none conflicts with another.",
    {
        "batch1/zhuxi.md": render(u1),
        "batch1/rongyin.md": render(u2),
        "batch1/yinxing.txt": render(u3),
        "batch1/qingcheng_sp.txt": render(u4),
    },
    [],
)

a = Lic(
    "prov",
    "闽B2-20230317",
    "云杉智联科技(厦门)有限公司",
    "郭晨",
    "2023-03-21",
    "2028-03-21",
    site("云杉智联", "yunshan-zl.cn"),
)
scenario(
    "h_registry_fullwidth_slash",
    "harmless",
    "registry",
    "Registry exports write names with full-width brackets and dates as 2023/3/21; a copy "
    "with half-width brackets and 2023年 03月 21日 is the same license.",
    {"batch1/yunshan.md": render(a)},
    [],
    registry=reg(
        [
            ["闽B2-20230317", "云杉智联科技（厦门）有限公司", "2023/3/21", "2028/3/21", "正常"],
            ["闽B2-20220633", "福州榕城数据科技有限公司", "2024/9/3", "2027/6/10", "正常"],
        ]
    ),
)

a = Lic(
    "prov",
    "苏B2-20230509",
    "无锡泊舟科技有限公司",
    "顾南",
    "2023-05-17",
    "2028-05-17",
    site("泊舟", "bozhou-tech.cn"),
)
b = Lic(
    "prov",
    "冀B2-20240088",
    "石家庄麦田网络科技有限公司",
    "赵磊",
    "2024-02-06",
    "2029-02-06",
    site("麦田网", "maitian-wl.cn"),
)
scenario(
    "h_registry_gbk_chinese",
    "harmless",
    "registry",
    "An export saved by Excel on Chinese Windows is GBK with Chinese headers, dates like "
    "2023年05月17日 and status 有效; copies matching it are fine.",
    {"batch1/bozhou.md": render(a), "batch1/maitian.md": render(b)},
    [],
    registry=reg(
        [
            [
                "苏B2-20230509",
                "无锡泊舟科技有限公司",
                "2023年05月17日",
                "2028年05月17日",
                "有效",
                "江苏省通信管理局",
            ],
            [
                "冀B2-20240088",
                "石家庄麦田网络科技有限公司",
                "2024年02月06日",
                "2029年02月06日",
                "有效",
                "河北省通信管理局",
            ],
        ],
        header=("许可证编号", "公司名称", "发证日期", "有效期至", "状态", "发证机关"),
        encoding="gbk",
    ),
)

a = Lic(
    "prov",
    "粤B2-20220561",
    "深圳鲸落信息技术有限公司",
    "林浩然",
    "2022-07-07",
    "2027-07-07",
    site("鲸落", "jingluo-info.cn"),
)
b = Lic("cross", "B2-20240318", "深圳鲸落信息技术有限公司", "林浩然", "2024-04-16", "2029-04-16")
scenario(
    "h_provincial_and_ministry",
    "harmless",
    "number",
    "A company may hold a provincial ICP license and a 跨地区 MIIT license for other "
    "businesses (SP, 不含互联网信息服务): two numbers from two authorities.",
    {"batch1/jingluo_icp.md": render(a), "batch1/jingluo_sp.txt": render(b)},
    [],
)

a = Lic(
    "prov",
    "苏B2-20200617",
    "苏州枕河科技有限公司",
    "沈清",
    "2020-08-12",
    "2025-08-12",
    site("枕河", "zhenhe-tech.cn"),
)
b = Lic(
    "prov",
    "苏B2-20200617",
    "苏州枕河科技有限公司",
    "沈清",
    "2025-08-12",
    "2030-08-12",
    site("枕河", "zhenhe-tech.cn"),
)
scenario(
    "h_renewal",
    "harmless",
    "dates",
    "A license renewed (延续, 42号令 art. 27) keeps its number and runs another 5 years from "
    "the old expiry: a later 发证日期 and a later 有效期至.",
    {"batch1/zhenhe_2020.md": render(a), "batch2/zhenhe_2025.md": render(b)},
    [],
)

a = Lic(
    "prov",
    "浙B2-20250219",
    "杭州白露数据科技有限公司",
    "厉思琪",
    "2025-02-19",
    "2030-02-19",
    site("白露数据", "bailu-data.cn"),
)
b = Lic(
    "prov",
    "浙B2-20250219",
    "杭州白露数据科技有限公司",
    "厉思琪",
    "2025-02-19",
    "2030-02-19",
    site("白露数据", "bailu-data.cn"),
    number_front="浙B2－20250219",
    number_header="浙 B2-20250219",
)
scenario(
    "h_number_dash_variants",
    "harmless",
    "number",
    "Copies write the number with a full-width dash or a space after the province (seed 003: "
    "'京 B2-…'); it is the same number of the same company.",
    {"batch1/bailu.md": render(a), "batch2/bailu_copy.md": render(b)},
    [],
)

a = Lic("cross", "B2-20220745", "上海雁栖信息科技有限公司", "储文", "2022-12-01", "2027-12-01")
b = Lic(
    "prov",
    "沪B2-20240113",
    "上海竹屿网络科技有限公司",
    "孙悦",
    "2024-01-31",
    "2029-01-31",
    site("竹屿", "zhuyu-wl.cn"),
)
scenario(
    "h_registry_other_rows",
    "harmless",
    "registry",
    "A registry export lists revoked and cancelled licenses too (here the company's own "
    "earlier provincial license, cancelled); only the row of the presented number counts.",
    {"batch1/yanqi_sp.txt": render(a), "batch1/zhuyu.md": render(b)},
    [],
    registry=reg(
        [
            ["B2-20220745", "上海雁栖信息科技有限公司", "2022-12-01", "2027-12-01", "正常"],
            ["沪B2-20180392", "上海雁栖信息科技有限公司", "2018-04-20", "2023-04-20", "注销"],
            ["沪B2-20210466", "上海鸦青贸易有限公司", "2021-03-15", "2026-03-15", "吊销"],
            ["沪B2-20240113", "上海竹屿网络科技有限公司", "2024-01-31", "2029-01-31", "正常"],
        ]
    ),
)

a = Lic(
    "prov",
    "粤B2-20240476",
    "广州木棉映画文化传播有限公司",
    "区颖",
    "2024-07-25",
    "2029-07-25",
    site("木棉映画", "mumian-yinghua.cn"),
    watermark=("栗子商城入驻审核", "2026年6月30日"),
)
b = Lic(
    "prov",
    "粤B2-20240476",
    "广州木棉映画文化传播有限公司",
    "区颖",
    "2024-07-25",
    "2029-07-25",
    site("木棉映画", "mumian-yinghua.cn"),
    watermark=("青蔓应用市场上架审核", "2026年12月31日"),
)
scenario(
    "h_watermark_differs",
    "harmless",
    "dates",
    "Merchants watermark each copy for one platform (仅供…使用, 有效期至…, 再次复印无效); the "
    "note's date is not the license's 有效期至, so two notes do not conflict.",
    {"batch1/mumian_lizi.md": render(a), "batch2/mumian_qingman.md": render(b)},
    [],
)

a = Lic(
    "prov",
    "皖B2-20240167",
    "芜湖青弋数字科技有限公司",
    "储安",
    "2024-04-09",
    "2029-04-09",
    site("青弋数字", "qingyi-shuzi.cn"),
)
scenario(
    "h_gbk_crlf",
    "harmless",
    "duplicate",
    "The same license saved on a Chinese Windows machine (GBK, CRLF, no markdown) has other "
    "bytes but the same content.",
    {
        "batch1/qingyi.md": render(a),
        "batch2/qingyi_windows.txt": plain_text(render(a)).replace("\n", "\r\n").encode("gbk"),
    },
    [],
)

a = Lic(
    "cross",
    "B2-20230826",
    "南昌鹭洲通信科技有限公司",
    "万振",
    "2023-09-12",
    "2028-09-12",
    authority="中华人民共和国工业和信息化部",
)
scenario(
    "h_registry_authority_shortform",
    "harmless",
    "authority",
    "工业和信息化部 and 中华人民共和国工业和信息化部 name the same ministry that issues 跨地区 "
    "licenses.",
    {"batch1/luzhou_sp.txt": render(a)},
    [],
    registry=reg(
        [
            [
                "B2-20230826",
                "南昌鹭洲通信科技有限公司",
                "2023-09-12",
                "2028-09-12",
                "正常",
                "工业和信息化部",
            ]
        ],
        header=("number", "company", "issue date", "expiry date", "status", "authority"),
    ),
)


# ---------------------------------------------------------------------------------------------
def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    for s in SCENARIOS:
        d = HERE / s["name"]
        if d.exists():
            shutil.rmtree(d)
        for rel, content in s["files"].items():
            p = d / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
        for f in s["flagged"]:
            assert f in s["files"], (s["name"], f)
        if s["registry"]:
            r = s["registry"]
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(r["header"])
            w.writerows(r["rows"])
            (d / "registry.csv").write_bytes(buf.getvalue().encode(r["encoding"]))
    lines = ["# Cross-copy held-out set: one [[scenario]] per folder (generated by make.py).", ""]
    for s in SCENARIOS:
        lines += [
            "[[scenario]]",
            f"name = {toml_str(s['name'])}",
            f"kind = {toml_str(s['kind'])}",
            f"family = {toml_str(s['family'])}",
            f"as_of = {toml_str(s['as_of'])}",
            f"why = {toml_str(s['why'])}",
            "flagged = [" + ", ".join(toml_str(f) for f in s["flagged"]) + "]",
            "",
        ]
    (HERE / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")
    kinds = [s["kind"] for s in SCENARIOS]
    print(
        f"{len(SCENARIOS)} scenarios: {kinds.count('forged')} forged, {kinds.count('harmless')} harmless"
    )


if __name__ == "__main__":
    main()
