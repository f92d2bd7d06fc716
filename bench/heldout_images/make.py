#!/usr/bin/env python3
"""Generate the held-out set of printed-certificate images and PDFs (deterministic).

    /tmp/hvenv/bin/python bench/heldout_images/make.py          # writes out/ and manifest.toml
    /tmp/hvenv/bin/python bench/heldout_images/make.py --only g_b1_scan_p1

Needs Pillow, numpy and reportlab (see README.md) and Debian's CJK fonts
(fonts-noto-cjk, fonts-arphic-uming, fonts-wqy-zenhei). Every random choice comes from a
generator seeded by the file's name, so two runs write the same pixels.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import os
import random
import sys
import zlib
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
try:  # only to write the PDFs: layout() needs Pillow alone (bench/images.py imports this module)
    from reportlab import rl_config

    rl_config.invariant = 1  # no creation date / random id in the PDFs: same bytes every run
    rl_config.useA85 = 0  # image streams as raw JPEG, not ASCII85 text
    from reportlab.lib.utils import ImageReader  # noqa: E402
    from reportlab.pdfbase import pdfmetrics  # noqa: E402
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
    from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
except ImportError:
    rl_config = None

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from templates import TEMPLATES  # noqa: E402

OUT = os.path.join(HERE, "out")
DPI = 200
W, H = 1654, 2339  # A4 at 200 dpi
PT = 72.0 / DPI  # px -> pt

# --------------------------------------------------------------------------------------------
# fonts
NOTO = "/usr/share/fonts/opentype/noto/"
FACES = {
    # name: (regular file, index, bold file, index)
    "notoserif": (NOTO + "NotoSerifCJK-Regular.ttc", 2, NOTO + "NotoSerifCJK-Bold.ttc", 2),
    "notosans": (NOTO + "NotoSansCJK-Regular.ttc", 2, NOTO + "NotoSansCJK-Bold.ttc", 2),
    "uming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, None, 0),
    "ukai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0, None, 0),
    "zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, None, 0),
    "microhei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, None, 0),
    "droid": ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0, None, 0),
}
_font_cache: dict = {}


def font(face: str, size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    size = max(6, int(round(size)))
    key = (face, size, bold)
    if key not in _font_cache:
        reg, ri, bf, bi = FACES[face]
        path, idx = (bf, bi) if (bold and bf) else (reg, ri)
        _font_cache[key] = ImageFont.truetype(path, size, index=idx)
    return _font_cache[key]


def fake_bold(face: str, bold: bool) -> int:
    """stroke width used to embolden a face that has no bold file"""
    return 1 if (bold and FACES[face][2] is None) else 0


# reportlab fonts for the text-layer PDFs (Noto CJK is CFF, which reportlab cannot embed)
_pdf_fonts_done = False


def pdf_fonts():
    global _pdf_fonts_done
    if _pdf_fonts_done:
        return
    pdfmetrics.registerFont(TTFont("ZenHei", FACES["zenhei"][0], subfontIndex=0))
    pdfmetrics.registerFont(TTFont("UMing", FACES["uming"][0], subfontIndex=0))
    pdfmetrics.registerFont(TTFont("DroidSans", FACES["droid"][0]))
    pdfmetrics.registerFont(TTFont("MicroHei", FACES["microhei"][0], subfontIndex=0))
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    _pdf_fonts_done = True


# (Droid Sans Fallback has no Latin digits: it is used only where a forger's editor falls back to it)
PDF_FACE = {
    "notoserif": "STSong-Light",
    "notosans": "MicroHei",
    "uming": "UMing",
    "zenhei": "ZenHei",
    "ukai": "UMing",
    "microhei": "MicroHei",
    "droid": "DroidSans",
}

# --------------------------------------------------------------------------------------------
# the fictional licenses

AUTH = {
    "": "中华人民共和国工业和信息化部",
    "浙": "浙江省通信管理局",
    "粤": "广东省通信管理局",
    "京": "北京市通信管理局",
    "川": "四川省通信管理局",
    "苏": "江苏省通信管理局",
    "沪": "上海市通信管理局",
}

LEGAL_NOTE = "【依法须经批准的项目，经相关部门批准后方可开展相应经营活动】"


@dataclass
class Site:
    name: str
    domain: str
    server: str
    access: str


@dataclass
class Base:
    id: str
    number: str
    prov: str
    company: str
    legal_rep: str
    scope: list  # value lines before wrapping (paragraphs)
    issue: dt.date
    expiry: dt.date
    template: str
    face: str
    as_of: dt.date
    sites: list = field(default_factory=list)
    cross: bool = False
    date_fmt: str = "pad"
    scope_start: str = "first"  # value beside 业务种类 (first) or beside 及覆盖范围 (third)
    seal_block: str = "left"  # the 发证机关/日期 block at the label column or right of centre
    footer: str = ""  # "", "pn" (第 i 页 共 n 页), "dash" (- i -)
    hdr_space: bool = False  # page headers "京 B2-…" as in seed 003
    tint: tuple = (222, 232, 240)  # guilloche colour
    frame: tuple = (40, 80, 120)  # border colour
    paper: tuple = (251, 250, 246)
    note: str = ""

    @property
    def authority(self):
        return AUTH[self.prov]


def d(y, m, dd):
    return dt.date(y, m, dd)


BASES = {
    "B1": Base(
        id="B1",
        number="浙B2-20220436",
        prov="浙",
        company="杭州栖山数智科技有限公司",
        legal_rep="沈知远",
        scope=[
            "信息服务业务（仅限互联网信息服务）",
            "不含信息搜索查询服务、信息即时交互服务。",
            LEGAL_NOTE,
        ],
        issue=d(2022, 8, 16),
        expiry=d(2027, 8, 16),
        template="B",
        face="notoserif",
        as_of=d(2025, 9, 1),
        sites=[
            Site(
                "栖山数智",
                "qishan-shuzhi.cn",
                "浙江省杭州市西湖区转塘街道云栖小镇数据中心2号楼",
                "杭州启云网络服务有限公司",
            )
        ],
        date_fmt="pad",
        scope_start="first",
        seal_block="left",
        tint=(226, 236, 246),
        frame=(32, 78, 128),
        note="new provincial ICP license, 5 years",
    ),
    "B2": Base(
        id="B2",
        number="粤B2-20210583",
        prov="粤",
        company="深圳澜汐互动网络有限公司",
        legal_rep="邝嘉禾",
        scope=["信息服务业务（仅限互联网信息服务）", "不含信息即时交互服务。", LEGAL_NOTE],
        issue=d(2024, 3, 18),
        expiry=d(2026, 7, 22),
        template="A",
        face="uming",
        as_of=d(2025, 10, 20),
        sites=[
            Site(
                "澜汐",
                "lanxi-hudong.com",
                "广东省深圳市南山区高新南七道数字大厦5楼",
                "深圳市华南云链数据有限公司",
            ),
            Site(
                "澜汐社区",
                "lanxishequ.cn",
                "广东省深圳市南山区高新南七道数字大厦5楼",
                "深圳市华南云链数据有限公司",
            ),
        ],
        date_fmt="pad_sp",
        scope_start="third",
        seal_block="right",
        tint=(244, 228, 226),
        frame=(140, 52, 40),
        footer="pn",
        note="re-issue after a change: keeps the original expiry (number year 2021 + 5)",
    ),
    "B3": Base(
        id="B3",
        number="B2-20230917",
        prov="",
        company="南京云岫信息科技有限公司",
        legal_rep="许明澈",
        scope=["信息服务业务（不含互联网信息服务）", "全国"],
        issue=d(2023, 11, 20),
        expiry=d(2028, 11, 20),
        template="A",
        face="notosans",
        as_of=d(2025, 5, 15),
        cross=True,
        date_fmt="pad",
        scope_start="first",
        seal_block="right",
        tint=(228, 240, 228),
        frame=(36, 96, 60),
        note="cross-regional (跨地区) license from the ministry, no 附页",
    ),
    "B4": Base(
        id="B4",
        number="京ICP证170562号",
        prov="京",
        company="北京拾光纪元文化传媒有限公司",
        legal_rep="贺景行",
        scope=[
            "信息服务业务（仅限互联网信息服务）",
            "不含信息搜索查询服务、信息即时交互服务。",
            LEGAL_NOTE,
        ],
        issue=d(2022, 9, 5),
        expiry=d(2027, 9, 5),
        template="C",
        face="zenhei",
        as_of=d(2025, 11, 10),
        sites=[
            Site(
                "拾光纪元",
                "shiguangjiyuan.com",
                "北京市海淀区上地信息路甲28号科实大厦C座",
                "北京京数互联科技有限公司",
            ),
            Site(
                "拾光影评",
                "sgyingping.cn",
                "北京市海淀区上地信息路甲28号科实大厦C座",
                "北京京数互联科技有限公司",
            ),
        ],
        date_fmt="unpad_sp",
        scope_start="first",
        seal_block="left",
        tint=(236, 230, 244),
        frame=(92, 60, 120),
        note="legacy 京ICP证 number (2017), renewed 2022 under the 42号令 template",
    ),
    "B5": Base(
        id="B5",
        number="川B2-20240159",
        prov="川",
        company="成都青岚数据服务有限公司",
        legal_rep="罗蔓菁",
        scope=[
            "信息服务业务（仅限互联网信息服务）",
            "不含信息搜索查询服务、信息社区平台服务、信息即时交互服务。",
            LEGAL_NOTE,
        ],
        issue=d(2024, 4, 8),
        expiry=d(2029, 4, 8),
        template="B",
        face="notoserif",
        as_of=d(2025, 8, 20),
        sites=[
            Site(
                "青岚数据",
                "qinglan-data.cn",
                "四川省成都市高新区天府软件园E区3栋",
                "成都天府云数科技有限公司",
            )
        ],
        date_fmt="sp",
        scope_start="third",
        seal_block="right",
        tint=(240, 236, 220),
        frame=(120, 90, 30),
        hdr_space=True,
        footer="dash",
        note="new provincial ICP license, 5 years; spaced page headers",
    ),
    "B6": Base(
        id="B6",
        number="苏B2-20200344",
        prov="苏",
        company="苏州禾木网络科技有限公司",
        legal_rep="顾以宁",
        scope=["信息服务业务（仅限互联网信息服务）", "不含信息即时交互服务。", LEGAL_NOTE],
        issue=d(2023, 2, 27),
        expiry=d(2025, 10, 15),
        template="A",
        face="notosans",
        as_of=d(2025, 3, 10),
        sites=[
            Site(
                "禾木生活",
                "hemu-life.com",
                "江苏省苏州市工业园区星湖街328号创意产业园",
                "苏州园区云港数据有限公司",
            )
        ],
        date_fmt="pad",
        scope_start="first",
        seal_block="left",
        tint=(222, 238, 238),
        frame=(30, 100, 110),
        note="re-issue after a change, keeps the original expiry 2025 (number year 2020 + 5)",
    ),
    "B7": Base(
        id="B7",
        number="沪B2-20180725",
        prov="沪",
        company="上海鹿鸣信息技术有限公司",
        legal_rep="钱书昀",
        scope=[
            "信息服务业务（仅限互联网信息服务）",
            "不含信息搜索查询服务、信息即时交互服务。",
            LEGAL_NOTE,
        ],
        issue=d(2023, 7, 10),
        expiry=d(2028, 7, 10),
        template="C",
        face="uming",
        as_of=d(2025, 12, 1),
        sites=[
            Site(
                "鹿鸣",
                "luming-info.com",
                "上海市浦东新区张江高科技园区碧波路690号",
                "上海申云数据科技有限公司",
            ),
            Site(
                "鹿鸣读书",
                "lumingdushu.cn",
                "上海市浦东新区张江高科技园区碧波路690号",
                "上海申云数据科技有限公司",
            ),
        ],
        date_fmt="pad",
        scope_start="first",
        seal_block="right",
        tint=(232, 232, 232),
        frame=(70, 70, 70),
        footer="pn",
        note="renewal (number 2018, second 5-year term), 42号令 template",
    ),
}


def fmt_date(b: Base, x: dt.date) -> str:
    f = b.date_fmt
    if f == "pad":
        return f"{x.year}年{x.month:02d}月{x.day:02d}日"
    if f == "pad_sp":
        return f"{x.year}年 {x.month:02d}月 {x.day:02d}日"
    if f == "sp":
        return f"{x.year} 年 {x.month:02d} 月 {x.day:02d} 日"
    if f == "unpad_sp":
        return f"{x.year}年 {x.month:02d}月 {x.day}日"
    raise ValueError(f)


def check_base(b: Base):
    """domain.md consistency of a genuine base; raises on a generator bug"""
    import re

    m = re.match(
        r"^(?P<p>[\u4e00-\u9fff]?)(?:B2-(?P<y>\d{4})\d{4}|ICP证(?P<yy>\d{2})\d{4}号)$", b.number
    )
    assert m, b.number
    assert m.group("p") == b.prov
    ny = int(m.group("y")) if m.group("y") else 2000 + int(m.group("yy"))
    assert ny <= b.issue.year, b.id
    assert b.issue < b.expiry, b.id
    five = dt.date(b.issue.year + 5, b.issue.month, b.issue.day)
    assert b.expiry <= five + dt.timedelta(days=1), b.id
    assert (b.expiry.year - ny) % 5 == 0, b.id
    if b.expiry < five:
        assert b.issue.year > ny, b.id  # a re-issue
    assert b.issue < b.as_of < b.expiry, b.id
    assert (b.expiry - b.as_of).days > 180, b.id  # not "expiring soon"
    assert b.cross == (b.prov == ""), b.id
    if b.cross:
        assert "不含互联网信息服务" in b.scope[0] and not b.sites
    else:
        assert "仅限互联网信息服务" in b.scope[0] and b.sites
    if b.template == "C":
        assert b.issue >= dt.date(2017, 9, 1)


# --------------------------------------------------------------------------------------------
# layout: every printed line is an Item (page coordinates, 200 dpi, baseline y)


@dataclass
class Item:
    page: int
    key: str
    text: str
    x: float
    base: float
    size: float
    face: str
    bold: bool = False
    color: tuple = (28, 28, 30)


@dataclass
class Page:
    kind: str  # main, aux, prov
    items: list
    seal: tuple | None = None  # (cx, cy, diameter)


KINSOKU = "，。、；：）》」』】！？”’"


def wrap(text: str, fnt, width: float, indent: float = 0.0) -> list:
    lines, cur, avail = [], "", width - indent
    for ch in text:
        if cur and fnt.getlength(cur + ch) > avail and ch not in KINSOKU:
            lines.append(cur)
            cur, avail = "", width
        cur += ch
    if cur:
        lines.append(cur)
    return lines


X0, X1 = 200, W - 200  # text column
TOP, BOTTOM = 250, H - 250


def hdr_number(b: Base) -> str:
    if b.hdr_space and b.prov:
        return b.number.replace(b.prov, b.prov + " ", 1)
    return b.number


def layout(b: Base) -> list:
    pages = []
    face = b.face
    # ---------------- main page
    it = []
    ts = 60
    t1, t2 = "中华人民共和国", "增值电信业务经营许可证"
    ft = font(face, ts, True)
    gap = ts * 0.7
    wt = ft.getlength(t1) + gap + ft.getlength(t2)
    x = W / 2 - wt / 2
    it.append(Item(0, "title1", t1, x, 360, ts, face, True))
    it.append(Item(0, "title2", t2, x + ft.getlength(t1) + gap, 360, ts, face, True))
    ns = 40
    numline = "经营许可证编号：" + b.number
    x = W / 2 - font(face, ns).getlength(numline) / 2
    it.append(Item(0, "number", numline, x, 480, ns, face))
    ps = 38
    pre = (
        "根据《中华人民共和国电信条例》及国家有关规定，经审查，准许你公司按照本经营许可证（正文和附件）载明的内容经营"
        "增值电信业务，特颁发" + ("跨地区" if b.cross else "") + "增值电信业务经营许可证。"
    )
    fp = font(face, ps)
    y = 600
    for i, ln in enumerate(wrap(pre, fp, X1 - X0, indent=2 * ps)):
        it.append(Item(0, f"preamble{i}", ln, X0 + (2 * ps if i == 0 else 0), y, ps, face))
        y += 64
    fs = 40
    ff = font(face, fs)
    lx = X0 + 20
    vx = lx + ff.getlength("法定代表人：") + 24
    y += 70
    lh = 92
    it.append(Item(0, "lbl_company", "公司名称：", lx, y, fs, face))
    it.append(Item(0, "company", b.company, vx, y, fs, face))
    y += lh
    it.append(Item(0, "lbl_rep", "法定代表人：", lx, y, fs, face))
    it.append(Item(0, "legal_rep", b.legal_rep, vx, y, fs, face))
    y += lh
    labels = ["业务种类", "（服务项目）", "及覆盖范围："]
    vals = []
    for para in b.scope:
        vals += wrap(para, ff, X1 - vx)
    slh = 66
    start = 0 if b.scope_start == "first" else 2
    nrows = max(3, start + len(vals))
    for r in range(nrows):
        if r < 3:
            it.append(Item(0, f"lbl_scope{r}", labels[r], lx, y + r * slh, fs, face))
        if start <= r < start + len(vals):
            it.append(Item(0, f"scope{r - start}", vals[r - start], vx, y + r * slh, fs, face))
    y += nrows * slh + 150
    y = max(y, 1640)
    if b.seal_block == "left":
        bx = lx
    else:
        bx = W / 2 - 60
    bvx = bx + ff.getlength("发证机关（盖章）：") + 10
    it.append(Item(0, "lbl_issuer", "发证机关（盖章）：", bx, y, fs, face))
    it.append(Item(0, "lbl_issue", "发证日期：", bx, y + 120, fs, face))
    it.append(
        Item(
            0,
            "issue",
            fmt_date(b, b.issue),
            bx + ff.getlength("发证日期：") + 10,
            y + 120,
            fs,
            face,
        )
    )
    it.append(Item(0, "lbl_expiry", "有效期至：", bx, y + 230, fs, face))
    it.append(
        Item(
            0,
            "expiry",
            fmt_date(b, b.expiry),
            bx + ff.getlength("有效期至：") + 10,
            y + 230,
            fs,
            face,
        )
    )
    seal_cx = bx + ff.getlength("发证机关（盖章）") + 30
    pages.append(Page("main", it, seal=(seal_cx, y + 45, 330)))

    # ---------------- 附页
    if b.sites:
        it = []
        hs = 32
        pn = len(pages)
        it.append(Item(pn, "hdr_number", "经营许可证编号：" + hdr_number(b), X0, TOP, hs, face))
        ts2 = 50
        t = "中华人民共和国增值电信业务经营许可证"
        it.append(
            Item(
                pn,
                "aux_title",
                t,
                W / 2 - font(face, ts2, True).getlength(t) / 2,
                TOP + 140,
                ts2,
                face,
                True,
            )
        )
        t = "（附页）"
        it.append(
            Item(pn, "aux_title2", t, W / 2 - font(face, 44).getlength(t) / 2, TOP + 220, 44, face)
        )
        fs2 = 38
        f2 = font(face, fs2)
        y = TOP + 340
        para = b.company + "获准经营" + b.scope[0] + "相关信息："
        for i, ln in enumerate(wrap(para, f2, X1 - X0, indent=2 * fs2)):
            it.append(Item(pn, f"aux_para{i}", ln, X0 + (2 * fs2 if i == 0 else 0), y, fs2, face))
            y += 64
        y += 50
        for si, s in enumerate(b.sites):
            for k, (lab, val) in enumerate(
                (
                    ("网站名称：", s.name),
                    ("网站域名：", s.domain),
                    ("服务器放置地：", s.server),
                    ("网站接入服务提供单位：", s.access),
                )
            ):
                lw = f2.getlength(lab)
                it.append(Item(pn, f"site{si}_lbl{k}", lab, X0 + 40, y, fs2, face))
                key = ("site%d_name", "site%d_domain", "site%d_server", "site%d_access")[k] % si
                for j, ln in enumerate(wrap(val, f2, X1 - X0 - 40 - lw)):
                    it.append(
                        Item(pn, key + (f"_{j}" if j else ""), ln, X0 + 40 + lw, y, fs2, face)
                    )
                    y += 64
                y += 16
            y += 60
        pages.append(Page("aux", it))

    # ---------------- 特别规定事项
    paras = [p.replace("{company}", b.company) for p in TEMPLATES[b.template]]
    bs = 30
    fb = font(face, bs)
    blh = 50

    def new_prov_page():
        pn = len(pages)
        its = [
            Item(pn, "hdr_number", "经营许可证编号：" + hdr_number(b), X0, TOP, 30, face),
            Item(
                pn,
                "prov_title",
                "特别规定事项",
                W / 2 - font(face, 46, True).getlength("特别规定事项") / 2,
                TOP + 110,
                46,
                face,
                True,
            ),
        ]
        pages.append(Page("prov", its))
        return its, TOP + 200

    its, y = new_prov_page()
    n = 0
    for p in paras:
        for i, ln in enumerate(wrap(p, fb, X1 - X0, indent=2 * bs)):
            if y > BOTTOM:
                its, y = new_prov_page()
            its.append(
                Item(len(pages) - 1, f"prov{n}", ln, X0 + (2 * bs if i == 0 else 0), y, bs, face)
            )
            n += 1
            y += blh
        y += 14
    # footers
    if b.footer:
        tot = len(pages)
        for i, pg in enumerate(pages):
            t = f"第 {i + 1} 页 共 {tot} 页" if b.footer == "pn" else f"- {i + 1} -"
            pg.items.append(
                Item(
                    i,
                    "footer",
                    t,
                    W / 2 - font(face, 26).getlength(t) / 2,
                    H - 150,
                    26,
                    face,
                    color=(90, 90, 90),
                )
            )
    return pages


# --------------------------------------------------------------------------------------------
# drawing helpers


def lowfreq(rng: np.random.Generator, w: int, h: int, cell: int) -> np.ndarray:
    small = rng.random((h // cell + 3, w // cell + 3)).astype(np.float32)
    im = Image.fromarray((small * 255).astype(np.uint8), "L").resize(
        ((w // cell + 3) * cell, (h // cell + 3) * cell), Image.Resampling.BICUBIC
    )
    return np.asarray(im, dtype=np.float32)[:h, :w] / 255.0


def draw_guilloche(dr: ImageDraw.ImageDraw, b: Base, rng: random.Random, box, scale=1.0):
    """two crossing families of sine waves and a rosette: the tinted security background"""
    x0, y0, x1, y1 = box
    col = b.tint
    amp, lam = 26 * scale, 240 * scale
    step = 16 * scale
    for fam in (0, 1):
        ph0 = rng.random() * 6.28
        k = 0
        yy = y0 - amp
        while yy < y1 + amp:
            pts = []
            ph = ph0 + k * 0.23 + (math.pi if fam else 0)
            xx = x0
            while xx <= x1:
                pts.append((xx, yy + amp * math.sin(2 * math.pi * (xx - x0) / lam + ph)))
                xx += 8 * scale
            dr.line(pts, fill=col, width=max(1, int(round(1.4 * scale))))
            yy += step
            k += 1
    # rosette (hypotrochoid) in the middle
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    R, r, dd = 300 * scale, 113 * scale, 190 * scale
    pts = []
    for i in range(0, 4000):
        t = i * 0.0125
        pts.append(
            (
                cx + (R - r) * math.cos(t) + dd * math.cos((R - r) / r * t),
                cy + (R - r) * math.sin(t) - dd * math.sin((R - r) / r * t),
            )
        )
    c2 = tuple(max(0, c - 10) for c in col)
    dr.line(pts, fill=c2, width=max(1, int(round(1.2 * scale))))


def draw_border(dr: ImageDraw.ImageDraw, b: Base, scale=1.0):
    c = b.frame
    o, i = 70 * scale, 118 * scale
    w, h = W * scale, H * scale
    dr.rectangle([o, o, w - o, h - o], outline=c, width=int(6 * scale))
    dr.rectangle([i, i, w - i, h - i], outline=c, width=int(2.5 * scale))
    # wave band between the two frames
    mid = (o + i) / 2
    a = (i - o) / 2 - 7 * scale
    for ph in (0, math.pi):
        for side in range(4):
            pts = []
            if side in (0, 1):  # top, bottom
                yv = mid if side == 0 else h - mid
                xx = o + 10 * scale
                while xx <= w - o - 10 * scale:
                    pts.append((xx, yv + a * math.sin(xx / (14 * scale) + ph)))
                    xx += 3 * scale
            else:
                xv = mid if side == 2 else w - mid
                yy = o + 10 * scale
                while yy <= h - o - 10 * scale:
                    pts.append((xv + a * math.sin(yy / (14 * scale) + ph), yy))
                    yy += 3 * scale
            dr.line(pts, fill=c, width=max(1, int(1.6 * scale)))
    for cx, cy in ((mid, mid), (w - mid, mid), (mid, h - mid), (w - mid, h - mid)):
        r = (i - o) * 0.62
        dr.polygon(
            [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)],
            fill=(252, 250, 246),
            outline=c,
            width=int(2 * scale),
        )
        r2 = r * 0.45
        dr.polygon([(cx, cy - r2), (cx + r2, cy), (cx, cy + r2), (cx - r2, cy)], fill=c)


def make_seal(
    name: str, diameter: int, rng: random.Random, color=(212, 28, 36), face="notoserif"
) -> Image.Image:
    """a red round official seal: ring, five-pointed star, the authority's name on the upper arc"""
    S = 3
    D = diameter * S
    m = Image.new("L", (D, D), 0)
    dr = ImageDraw.Draw(m)
    ring = int(0.038 * D)
    dr.ellipse([ring // 2, ring // 2, D - ring // 2, D - ring // 2], outline=255, width=ring)
    c = D / 2
    rs = 0.19 * D
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rr = rs if k % 2 == 0 else rs * 0.382
        pts.append((c + rr * math.cos(ang), c + rr * math.sin(ang)))
    dr.polygon(pts, fill=255)
    n = len(name)
    cs = (0.155 if n <= 8 else 0.125) * D
    span = min(250.0, 24.0 * n) if n <= 8 else 262.0
    fnt = font(face, cs, True)
    rt = D / 2 - ring - cs * 0.62
    for k, ch in enumerate(name):
        theta = -span / 2 + span * (k + 0.5) / n  # degrees clockwise from the top
        g = Image.new("L", (int(cs * 1.6), int(cs * 1.6)), 0)
        ImageDraw.Draw(g).text(
            (g.width / 2, g.height / 2),
            ch,
            font=fnt,
            fill=255,
            anchor="mm",
            stroke_width=fake_bold(face, True) * S,
        )
        g = g.rotate(-theta, resample=Image.Resampling.BICUBIC)
        th = math.radians(theta)
        px, py = c + rt * math.sin(th), c - rt * math.cos(th)
        m.paste(255, (int(px - g.width / 2), int(py - g.height / 2)), g)
    m = m.resize((diameter, diameter), Image.Resampling.LANCZOS)
    a = np.asarray(m, dtype=np.float32) / 255.0
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    ink = 0.72 + 0.28 * lowfreq(nrng, diameter, diameter, 24)
    speck = nrng.random((diameter, diameter)) > 0.06
    a = a * ink * speck
    a = (
        np.asarray(
            Image.fromarray((a * 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(0.7)),
            dtype=np.float32,
        )
        / 255.0
    )
    rgba = np.zeros((diameter, diameter, 4), np.uint8)
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = color
    rgba[..., 3] = (np.clip(a * 0.9, 0, 1) * 255).astype(np.uint8)
    return Image.fromarray(rgba, "RGBA").rotate(
        rng.uniform(-14, 14), resample=Image.Resampling.BICUBIC
    )


def stamp(img: Image.Image, seal: Image.Image, cx: float, cy: float):
    """multiply the seal ink onto the page (black text under it stays black)"""
    x, y = int(cx - seal.width / 2), int(cy - seal.height / 2)
    region = np.asarray(img.crop((x, y, x + seal.width, y + seal.height)), dtype=np.float32)
    s = np.asarray(seal, dtype=np.float32)
    a = s[..., 3:4] / 255.0
    ink = s[..., :3] / 255.0
    out = region * (1 - a + a * ink)
    img.paste(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB"), (x, y))


def draw_item(dr: ImageDraw.ImageDraw, it: Item, scale=1.0, dx=0.0, dy=0.0):
    f = font(it.face, it.size * scale, it.bold)
    dr.text(
        (it.x * scale + dx, it.base * scale + dy),
        it.text,
        font=f,
        fill=it.color,
        anchor="ls",
        stroke_width=fake_bold(it.face, it.bold),
        stroke_fill=it.color,
    )


def render_page(b: Base, pg: Page, rng: random.Random, seal_name: str | None) -> Image.Image:
    img = Image.new("RGB", (W, H), b.paper)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    tex = lowfreq(nrng, W, H, 90)
    arr = np.asarray(img, dtype=np.float32) * (0.985 + 0.015 * tex[..., None])
    img = Image.fromarray(arr.astype(np.uint8), "RGB")
    dr = ImageDraw.Draw(img)
    draw_guilloche(dr, b, rng, (122, 122, W - 122, H - 122))
    draw_border(dr, b)
    for it in pg.items:
        draw_item(dr, it)
    if pg.seal and seal_name:
        cx, cy, dia = pg.seal
        seal = make_seal(
            seal_name, dia, rng, face=("notoserif" if rng.random() < 0.5 else "notosans")
        )
        stamp(img, seal, cx + rng.uniform(-25, 25), cy + rng.uniform(-12, 12))
    return img


# --------------------------------------------------------------------------------------------
# watermarks (the merchant's, over the whole picture)


@dataclass
class Watermark:
    text: str
    alpha: float
    color: tuple = (110, 110, 110)
    angle: float = 30.0
    size: int = 54
    face: str = "notosans"


def watermark(img: Image.Image, wm: Watermark | None, rng: random.Random) -> Image.Image:
    if wm is None:
        return img
    w, h = img.size
    diag = int(math.hypot(w, h)) + 200
    lay = Image.new("L", (diag, diag), 0)
    dr = ImageDraw.Draw(lay)
    f = font(wm.face, wm.size * w / W)
    tw = f.getlength(wm.text)
    sx, sy = tw + 140 * w / W, wm.size * 4.2 * w / W
    off = rng.random() * sx
    row = 0
    yy = 0.0
    while yy < diag:
        xx = -off + (sx / 2 if row % 2 else 0) - sx
        while xx < diag:
            dr.text((xx, yy), wm.text, font=f, fill=255)
            xx += sx
        yy += sy
        row += 1
    lay = lay.rotate(wm.angle, resample=Image.Resampling.BICUBIC)
    lay = lay.crop(((diag - w) // 2, (diag - h) // 2, (diag - w) // 2 + w, (diag - h) // 2 + h))
    a = np.asarray(lay, dtype=np.float32)[..., None] / 255.0 * wm.alpha
    base = np.asarray(img.convert("RGB"), dtype=np.float32)
    out = base * (1 - a) + np.array(wm.color, np.float32) * a
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB")


# --------------------------------------------------------------------------------------------
# geometry: page coordinates -> picture coordinates


class Affine:
    def __init__(self, ang_deg, cx, cy, tx, ty, s=1.0):
        a = math.radians(ang_deg)
        self.c, self.s_, self.cx, self.cy, self.tx, self.ty, self.k = (
            math.cos(a),
            math.sin(a),
            cx,
            cy,
            tx,
            ty,
            s,
        )

    def fwd(self, x, y):
        x, y = x - self.cx, y - self.cy
        return (
            self.k * (self.c * x - self.s_ * y) + self.cx + self.tx,
            self.k * (self.s_ * x + self.c * y) + self.cy + self.ty,
        )

    def pil_inverse(self):
        # x = (1/k) R^T (x' - c - t) + c
        c, s, k = self.c, self.s_, self.k
        ox, oy = self.cx + self.tx, self.cy + self.ty
        a, b_, d_, e = c / k, s / k, -s / k, c / k
        return (a, b_, self.cx - a * ox - b_ * oy, d_, e, self.cy - d_ * ox - e * oy)


def solve_h(src, dst):
    A, bb = [], []
    for (x, y), (u, v) in zip(src, dst):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        bb.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        bb.append(v)
    return np.linalg.solve(np.array(A, float), np.array(bb, float))


class Homography:
    def __init__(self, quad):
        rect = [(0, 0), (W, 0), (W, H), (0, H)]
        self.h = solve_h(rect, quad)
        self.hinv = solve_h(quad, rect)

    def fwd(self, x, y):
        a, b_, c, d_, e, f, g, h = self.h
        den = g * x + h * y + 1
        return ((a * x + b_ * y + c) / den, (d_ * x + e * y + f) / den)

    def pil_inverse(self):
        return tuple(float(v) for v in self.hinv)


# --------------------------------------------------------------------------------------------
# the forger's edit of a picture


@dataclass
class Edit:
    what: str  # human description for the manifest
    page: int | str  # page index or "all"
    old: str = ""
    new: str = ""
    key: str | None = None  # restrict to items whose key starts with this
    seal: str | None = None  # a seal naming this authority instead
    face: str | None = None  # retyped in this face (default: the base's)
    size_f: float = 1.0
    dy: float = 0.0
    dx: float = 0.0
    bold: bool = False
    bg: str = "flat"  # flat (median paper colour), clone (copied from beside), white
    noise: float = 0.0
    jpeg_q: int | None = None  # the retyped box carries another JPEG history
    color: tuple = (24, 24, 24)
    pdf_mode: str = (
        "inplace"  # text PDF: inplace (text replaced) or whiteout (box over old, new on top)
    )
    self_consistent: bool = False  # nothing inside the copy contradicts the edit
    field: str = ""
    line_hint: str = ""


def targets(pages, e: Edit):
    out = []
    for pg in pages:
        for it in pg.items:
            if e.page != "all" and it.page != e.page:
                continue
            if e.key and not it.key.startswith(e.key):
                continue
            if e.old and e.old in it.text:
                out.append(it)
    return out


def patch_raster(img: Image.Image, geo, it: Item, e: Edit, rng: random.Random):
    """paste a box over it's old span, retyped with the new value, the way a picture editor does"""
    f_old = font(it.face, it.size, it.bold)
    i0 = it.text.index(e.old)
    x0 = it.x + f_old.getlength(it.text[:i0])
    x1o = x0 + f_old.getlength(e.old)
    face = e.face or it.face
    size_new = it.size * e.size_f
    f_newp = font(face, size_new, e.bold)
    x1n = x0 + e.dx + f_newp.getlength(e.new)
    top, bot = it.base - it.size * 0.98, it.base + it.size * 0.3
    corners = [
        geo.fwd(x, y)
        for x, y in (
            (x0 - 5, top),
            (max(x1o, x1n) + 6, top),
            (max(x1o, x1n) + 6, bot),
            (x0 - 5, bot),
        )
    ]
    L = int(math.floor(min(p[0] for p in corners)))
    T = int(math.floor(min(p[1] for p in corners)))
    R = int(math.ceil(max(p[0] for p in corners)))
    B = int(math.ceil(max(p[1] for p in corners)))
    pw, ph = R - L, B - T
    arr = np.asarray(img, dtype=np.float32)
    if e.bg == "clone":
        sx = R + 30 if R + 30 + pw < img.width else L - 30 - pw
        patch = img.crop((sx, T, sx + pw, B))
    else:
        ring = np.concatenate(
            [
                arr[max(0, T - 6) : T, L:R].reshape(-1, 3),
                arr[B : B + 6, L:R].reshape(-1, 3),
                arr[T:B, max(0, L - 6) : L].reshape(-1, 3),
                arr[T:B, R : R + 6].reshape(-1, 3),
            ]
        )
        colr = np.median(ring, axis=0) if e.bg == "flat" else np.array([252, 252, 250], np.float32)
        patch = Image.new("RGB", (pw, ph), tuple(int(v) for v in colr))
    if e.noise:
        nrng = np.random.default_rng(rng.randrange(1 << 30))
        pa = np.asarray(patch, dtype=np.float32) + nrng.normal(0, e.noise, (ph, pw, 1))
        patch = Image.fromarray(np.clip(pa, 0, 255).astype(np.uint8), "RGB")
    p0 = geo.fwd(x0 + e.dx, it.base + e.dy)
    p1 = geo.fwd(x0 + 100, it.base)
    sc = math.hypot(p1[0] - geo.fwd(x0, it.base)[0], p1[1] - geo.fwd(x0, it.base)[1]) / 100
    f_new = font(face, size_new * sc, e.bold)
    dr = ImageDraw.Draw(patch)
    dr.text(
        (p0[0] - L, p0[1] - T),
        e.new,
        font=f_new,
        fill=e.color,
        anchor="ls",
        stroke_width=fake_bold(face, e.bold),
        stroke_fill=e.color,
    )
    if e.jpeg_q:
        bio = io.BytesIO()
        patch.save(bio, "JPEG", quality=e.jpeg_q)
        patch = Image.open(io.BytesIO(bio.getvalue())).convert("RGB")
    img.paste(patch, (L, T))


def apply_raster_edits(img, geo, pages, pidx, e: Edit | None, rng):
    if e is None or e.seal:
        return img
    for it in targets(pages, e):
        if it.page == pidx:
            patch_raster(img, geo, it, e, rng)
    return img


# --------------------------------------------------------------------------------------------
# surfaces


def jpeg_roundtrip(img: Image.Image, q: int, subsampling=2) -> Image.Image:
    bio = io.BytesIO()
    img.save(bio, "JPEG", quality=q, subsampling=subsampling)
    return Image.open(io.BytesIO(bio.getvalue())).convert("RGB")


def jpeg_bytes(img: Image.Image, q: int) -> bytes:
    bio = io.BytesIO()
    img.save(bio, "JPEG", quality=q, optimize=True)
    return bio.getvalue()


def scan(page_img: Image.Image, rng: random.Random):
    """flatbed scanner at 200 dpi: a slight skew, lid-white margins, blur, sensor noise, auto levels"""
    ang = rng.uniform(0.3, 1.5) * rng.choice((-1, 1))
    geo = Affine(ang, W / 2, H / 2, rng.uniform(-14, 14), rng.uniform(-10, 10))
    out = page_img.transform(
        (W, H),
        Image.Transform.AFFINE,
        geo.pil_inverse(),
        resample=Image.Resampling.BICUBIC,
        fillcolor=(238, 238, 236),
    )
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.45, 0.8)))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    a = np.asarray(out, dtype=np.float32)
    a = (a - 6) * 1.04  # auto levels: paper a little whiter, ink a little darker
    a += nrng.normal(0, rng.uniform(0.8, 1.8), a.shape[:2])[..., None]
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    return jpeg_roundtrip(out, rng.randint(82, 90)), geo


def desk(rng: random.Random, w: int, h: int) -> Image.Image:
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    kind = rng.choice(("wood", "grey", "walnut"))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    n = lowfreq(nrng, w, h, 160)
    if kind in ("wood", "walnut"):
        base = np.array((150, 108, 70) if kind == "wood" else (92, 62, 44), np.float32)
        grain = 0.5 + 0.5 * np.sin((xx * 0.35 + 60 * n + 8 * lowfreq(nrng, w, h, 12)) / 5.0)
        a = base * (0.82 + 0.22 * grain[..., None]) * (0.9 + 0.15 * n[..., None])
    else:
        base = np.array((150, 152, 156), np.float32)
        a = base * (0.92 + 0.1 * n[..., None]) + nrng.normal(0, 6, (h, w))[..., None]
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")


def photo(page_img: Image.Image, rng: random.Random, pidx, pages, edit, wm, wrng):
    """phone photo of the paper on a desk: perspective, uneven light, vignette, mild blur, JPEG"""
    CW, CH = 2000, 2700
    j = lambda: rng.uniform(-45, 45)  # noqa: E731
    quad = [
        (170 + j(), 190 + j()),
        (1830 + j(), 160 + j()),
        (1880 + j(), 2520 + j()),
        (120 + j(), 2560 + j()),
    ]
    geo = Homography(quad)
    bg = desk(rng, CW, CH)
    warped = page_img.transform(
        (CW, CH), Image.Transform.PERSPECTIVE, geo.pil_inverse(), resample=Image.Resampling.BICUBIC
    )
    mask = Image.new("L", (W, H), 255).transform(
        (CW, CH), Image.Transform.PERSPECTIVE, geo.pil_inverse(), resample=Image.Resampling.BILINEAR
    )
    shadow = mask.filter(ImageFilter.GaussianBlur(18))
    bga = np.asarray(bg, dtype=np.float32) * (
        1 - 0.45 * np.asarray(shadow, np.float32)[..., None] / 255.0
    )
    bg = Image.fromarray(np.clip(bga, 0, 255).astype(np.uint8), "RGB")
    bg.paste(warped, (0, 0), mask)
    img = bg
    # light: a gradient, a vignette and a soft shadow of the phone/hand
    yy, xx = np.mgrid[0:CH, 0:CW].astype(np.float32)
    gx, gy = rng.uniform(-0.18, 0.18), rng.uniform(-0.12, 0.12)
    light = 1.0 + gx * (xx / CW - 0.5) + gy * (yy / CH - 0.5)
    r2 = ((xx - CW / 2) / (CW / 2)) ** 2 + ((yy - CH / 2) / (CH / 2)) ** 2
    light *= 1.0 - rng.uniform(0.12, 0.25) * r2 / 2
    sx, sy = rng.choice((0.1, 0.9)) * CW, rng.uniform(0.6, 1.0) * CH
    light *= 1.0 - rng.uniform(0.1, 0.2) * np.exp(
        -(((xx - sx) ** 2 + (yy - sy) ** 2) / (2 * (CW * 0.22) ** 2))
    )
    cast = np.array((1.03, 1.0, 0.93) if rng.random() < 0.6 else (0.97, 1.0, 1.04), np.float32)
    a = np.asarray(img, dtype=np.float32) * light[..., None] * cast * 0.97
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.9, 1.5)))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    a = np.asarray(img, dtype=np.float32) + nrng.normal(0, rng.uniform(2.0, 3.5), (CH, CW, 3))
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")
    img = apply_raster_edits(img, geo, pages, pidx, edit, rng)
    img = watermark(img, wm, wrng)
    return img


def status_icons(dr, w, y, color, rng, big):
    # signal bars, "5G", wifi, battery
    x = w - 40 * big
    bw, bh = 46 * big, 22 * big
    lvl = rng.randint(25, 95)
    dr.rounded_rectangle(
        [x - bw, y - bh / 2, x, y + bh / 2], radius=5 * big, outline=color, width=int(2 * big)
    )
    dr.rectangle([x + 2 * big, y - 5 * big, x + 5 * big, y + 5 * big], fill=color)
    dr.rectangle(
        [
            x - bw + 4 * big,
            y - bh / 2 + 4 * big,
            x - bw + 4 * big + (bw - 8 * big) * lvl / 100,
            y + bh / 2 - 4 * big,
        ],
        fill=color,
    )
    f = font("notosans", 24 * big, True)
    dr.text((x - bw - 10 * big, y), f"{lvl}", font=f, fill=color, anchor="rm")
    x -= bw + 70 * big
    for k in range(3):  # wifi arcs
        r = (8 + 9 * k) * big
        dr.arc(
            [x - r, y + 8 * big - r, x + r, y + 8 * big + r],
            225,
            315,
            fill=color,
            width=int(3 * big),
        )
    x -= 40 * big
    dr.text((x, y), "5G", font=f, fill=color, anchor="rm")
    x -= 95 * big
    for k in range(4):
        hh = (6 + 5 * k) * big
        dr.rectangle(
            [x + k * 9 * big, y + 11 * big - hh, x + k * 9 * big + 6 * big, y + 11 * big],
            fill=color,
        )


def screenshot(photo_img: Image.Image, rng: random.Random):
    """a phone screenshot of the photo opened in a chat app"""
    SW, SH = 1080, 2400
    theme = rng.choice(("dark", "light"))
    bgc = (0, 0, 0) if theme == "dark" else (237, 237, 237)
    fg = (255, 255, 255) if theme == "dark" else (20, 20, 20)
    scr = Image.new("RGB", (SW, SH), bgc)
    dr = ImageDraw.Draw(scr)
    # the photo as the chat app shows it (recompressed, downscaled)
    ph = jpeg_roundtrip(photo_img, rng.randint(72, 82))
    top_ui = 260 if theme == "light" else 90
    avail_h = SH - top_ui - 220
    sc = min(SW / ph.width, avail_h / ph.height)
    pw, phh = int(ph.width * sc), int(ph.height * sc)
    ph = ph.resize((pw, phh), Image.Resampling.LANCZOS)
    scr.paste(ph, ((SW - pw) // 2, top_ui + (avail_h - phh) // 2))
    # status bar
    hh, mm = rng.randint(8, 22), rng.randint(0, 59)
    f = font("notosans", 34, True)
    if theme == "light":
        dr.rectangle([0, 0, SW, top_ui], fill=(247, 247, 247))
    dr.text((60, 48), f"{hh}:{mm:02d}", font=f, fill=fg, anchor="lm")
    status_icons(dr, SW, 48, fg, rng, 1.0)
    if theme == "light":
        f2 = font("notosans", 40)
        dr.text((50, 170), "‹", font=font("notosans", 80), fill=fg, anchor="lm")
        dr.text(
            (SW / 2, 170),
            rng.choice(("聊天图片", "图片", "查看图片")),
            font=f2,
            fill=fg,
            anchor="mm",
        )
        dr.text((SW - 60, 170), "···", font=f2, fill=fg, anchor="rm")
        dr.line([0, top_ui - 1, SW, top_ui - 1], fill=(210, 210, 210), width=2)
        dr.rectangle([0, SH - 200, SW, SH], fill=(247, 247, 247))
        f3 = font("notosans", 30)
        for k, lab in enumerate(("分享", "收藏", "编辑", "删除")):
            cx = SW * (k + 0.5) / 4
            dr.rounded_rectangle(
                [cx - 26, SH - 165, cx + 26, SH - 113], radius=8, outline=fg, width=3
            )
            dr.text((cx, SH - 80), lab, font=f3, fill=fg, anchor="mm")
    else:
        f3 = font("notosans", 30)
        dr.rounded_rectangle(
            [SW / 2 - 150, SH - 170, SW / 2 + 150, SH - 100],
            radius=10,
            outline=(200, 200, 200),
            width=2,
        )
        dr.text(
            (SW / 2, SH - 135),
            f"查看原图({rng.uniform(1.1, 3.9):.1f}M)",
            font=f3,
            fill=(230, 230, 230),
            anchor="mm",
        )
        dr.ellipse([SW - 130, SH - 175, SW - 60, SH - 105], outline=(220, 220, 220), width=3)
        dr.text(
            (SW - 95, SH - 140), "↓", font=font("notosans", 40), fill=(220, 220, 220), anchor="mm"
        )
        dr.text((SW - 60, 150), "···", font=font("notosans", 44), fill=(220, 220, 220), anchor="rm")
    dr.rounded_rectangle(
        [SW / 2 - 140, SH - 22, SW / 2 + 140, SH - 12],
        radius=5,
        fill=(fg if theme == "dark" else (40, 40, 40)),
    )
    return scr


# --------------------------------------------------------------------------------------------
# text-layer PDF (reportlab): the same layout as vector text, watermark as transparent rotated text


def render_text_pdf(
    path: str,
    b: Base,
    pages,
    rng: random.Random,
    wm: Watermark | None,
    edit: Edit | None,
    seal_name: str,
):
    pdf_fonts()
    cv = rl_canvas.Canvas(path, pagesize=(W * PT, H * PT), pageCompression=1)
    cv.setTitle("增值电信业务经营许可证")
    face = PDF_FACE[b.face]
    tg = set(id(t) for t in targets(pages, edit)) if (edit and not edit.seal) else set()

    def Y(y):
        return (H - y) * PT

    for pg in pages:
        cv.setFillColorRGB(*(c / 255 for c in b.paper))
        cv.rect(0, 0, W * PT, H * PT, stroke=0, fill=1)
        # guilloche + border, drawn into a bitmap of the background only (like a printed form's artwork)
        bg = Image.new("RGB", (W // 2, H // 2), b.paper)
        dr = ImageDraw.Draw(bg)
        draw_guilloche(
            dr, b, random.Random(rng.random()), (61, 61, W // 2 - 61, H // 2 - 61), scale=0.5
        )
        draw_border(dr, b, scale=0.5)
        cv.drawImage(ImageReader(bg), 0, 0, W * PT, H * PT)
        for it in pg.items:
            text = it.text
            fsz = it.size * PT
            cv.setFillColorRGB(*(c / 255 for c in it.color))
            if id(it) in tg:
                i0 = text.index(edit.old)
                pre, post = text[:i0], text[i0 + len(edit.old) :]
                fname = PDF_FACE[edit.face] if edit.face else face
                if edit.pdf_mode == "whiteout":
                    cv.setFont(face, fsz)
                    cv.drawString(
                        it.x * PT, Y(it.base), text
                    )  # the old text stays in the text layer
                    x0 = it.x * PT + pdfmetrics.stringWidth(pre, face, fsz)
                    wold = pdfmetrics.stringWidth(edit.old, face, fsz)
                    cv.setFillColorRGB(*(c / 255 for c in b.paper))
                    cv.rect(x0 - 1, Y(it.base) - fsz * 0.25, wold + 2, fsz * 1.2, stroke=0, fill=1)
                    cv.setFillColorRGB(*(c / 255 for c in edit.color))
                    cv.setFont(fname, fsz * edit.size_f)
                    cv.drawString(x0 + edit.dx * PT, Y(it.base + edit.dy), edit.new)
                else:
                    cv.setFont(face, fsz)
                    cv.drawString(it.x * PT, Y(it.base), pre)
                    x = it.x * PT + pdfmetrics.stringWidth(pre, face, fsz)
                    cv.setFont(fname, fsz * edit.size_f)
                    cv.drawString(x, Y(it.base + edit.dy), edit.new)
                    x += pdfmetrics.stringWidth(edit.new, fname, fsz * edit.size_f)
                    cv.setFont(face, fsz)
                    cv.drawString(x, Y(it.base), post)
                continue
            cv.setFont(face, fsz)
            if it.bold:
                t = cv.beginText(it.x * PT, Y(it.base))
                t.setFont(face, fsz)
                t.setTextRenderMode(2)
                cv.setStrokeColorRGB(*(c / 255 for c in it.color))
                cv.setLineWidth(0.35)
                t.textOut(text)
                t.setTextRenderMode(0)  # Tr persists across BT/ET: reset it
                cv.drawText(t)
            else:
                cv.drawString(it.x * PT, Y(it.base), text)
        if pg.seal:
            cx, cy, dia = pg.seal
            seal = make_seal(seal_name, dia * 2, rng)
            cx += rng.uniform(-25, 25)
            cv.drawImage(
                ImageReader(seal),
                (cx - dia / 2) * PT,
                Y(cy + dia / 2),
                dia * PT,
                dia * PT,
                mask="auto",
            )
        if wm:
            cv.saveState()
            cv.setFillColorRGB(*(c / 255 for c in wm.color))
            cv.setFillAlpha(wm.alpha)
            cv.setStrokeAlpha(wm.alpha)
            wf = PDF_FACE[wm.face]
            fs = wm.size * PT
            cv.setFont(wf, fs)
            tw = pdfmetrics.stringWidth(wm.text, wf, fs)
            cv.translate(W * PT / 2, H * PT / 2)
            cv.rotate(wm.angle)
            sx, sy = tw + 50, fs * 4.2
            rows = int(H * PT * 1.3 / sy)
            for r in range(-rows // 2 - 1, rows // 2 + 2):
                off = sx / 2 if r % 2 else 0
                for c in range(-4, 5):
                    cv.drawString(c * sx + off - tw / 2, r * sy, wm.text)
            cv.restoreState()
        cv.showPage()
    cv.save()


# --------------------------------------------------------------------------------------------
# the set


@dataclass
class Spec:
    name: str
    base: str
    surface: str  # scan, photo, screenshot, rotated, scanpdf, textpdf
    pages: str = "main"  # main | aux | all
    wm: Watermark | None = None
    rot: int = 0  # rotated surface: 90, 180, 270
    fmt: str = "jpg"
    kind: str = "genuine"
    twin: str | None = None
    edit: Edit | None = None
    wm_order: str = (
        "after"  # tampered scans: the forger's box under (after) or over (before) the watermark
    )


def WM(platform, alpha, date=None, color=(110, 110, 110), angle=30, size=54, face="notosans"):
    t = f"仅供{platform}平台资质审核使用"
    if date:
        t += f"  有效期至{date.year}年{date.month}月{date.day}日"
    t += "  再次复印无效"
    return Watermark(t, alpha, color, angle, size, face)


GENUINE = [
    # flatbed scans (main page; B4 also its 附页)
    Spec("g_b1_scan_p1", "B1", "scan", wm=WM("优品汇", 0.16, d(2026, 3, 31))),
    Spec(
        "g_b3_scan_p1",
        "B3",
        "scan",
        wm=WM("快送", 0.30, d(2026, 6, 30), color=(60, 90, 170), angle=35),
    ),
    Spec("g_b5_scan_p1", "B5", "scan", wm=None),
    Spec("g_b7_scan_p1", "B7", "scan", wm=WM("云集优选", 0.09, color=(150, 150, 150), angle=25)),
    Spec(
        "g_b4_scan_aux",
        "B4",
        "scan",
        pages="aux",
        wm=WM("拾趣商城", 0.22, d(2026, 9, 30), color=(190, 60, 60)),
    ),
    Spec("g_b1_scan_aux", "B1", "scan", pages="aux", wm=WM("优品汇", 0.16, d(2026, 3, 31))),
    # phone photos
    Spec("g_b1_photo_p1", "B1", "photo", wm=None),
    Spec(
        "g_b2_photo_p1", "B2", "photo", wm=WM("鲸选", 0.20, color=(90, 90, 90), angle=28, size=64)
    ),
    Spec(
        "g_b4_photo_p1", "B4", "photo", wm=WM("拾趣商城", 0.12, d(2026, 9, 30), color=(190, 60, 60))
    ),
    Spec(
        "g_b6_photo_p1",
        "B6",
        "photo",
        wm=WM("禾苗到家", 0.35, color=(120, 120, 120), angle=32, size=60),
    ),
    # chat-app screenshots of photos
    Spec("g_b2_shot_p1", "B2", "screenshot", wm=WM("鲸选", 0.18, angle=28, size=64), fmt="png"),
    Spec("g_b3_shot_p1", "B3", "screenshot", wm=None, fmt="jpg"),
    Spec(
        "g_b5_shot_p1",
        "B5",
        "screenshot",
        wm=WM("青柠严选", 0.24, d(2026, 12, 31), color=(40, 120, 80)),
        fmt="png",
    ),
    Spec("g_b7_shot_p1", "B7", "screenshot", wm=WM("云集优选", 0.10, angle=25), fmt="jpg"),
    # scanned the wrong way round
    Spec("g_b4_rot180_p1", "B4", "rotated", rot=180, wm=WM("拾趣商城", 0.14, color=(190, 60, 60))),
    Spec("g_b6_rot90_p1", "B6", "rotated", rot=90, wm=None),
    Spec("g_b1_rot270_p1", "B1", "rotated", rot=270, wm=WM("优品汇", 0.12, d(2026, 3, 31))),
    # scanned PDFs (every page)
    Spec(
        "g_b2_scanpdf",
        "B2",
        "scanpdf",
        pages="all",
        wm=WM("鲸选", 0.15, angle=28, size=64),
        fmt="pdf",
    ),
    Spec("g_b5_scanpdf", "B5", "scanpdf", pages="all", wm=None, fmt="pdf"),
    Spec(
        "g_b7_scanpdf",
        "B7",
        "scanpdf",
        pages="all",
        wm=WM("云集优选", 0.26, d(2026, 8, 31), color=(70, 100, 160)),
        fmt="pdf",
    ),
    # text-layer PDFs (watermark = transparent rotated text in the text layer)
    Spec(
        "g_b1_textpdf",
        "B1",
        "textpdf",
        pages="all",
        wm=WM("优品汇", 0.18, d(2026, 3, 31)),
        fmt="pdf",
    ),
    Spec("g_b2_textpdf", "B2", "textpdf", pages="all", wm=WM("鲸选", 0.12, angle=28), fmt="pdf"),
    Spec("g_b3_textpdf", "B3", "textpdf", pages="all", wm=None, fmt="pdf"),
    Spec(
        "g_b4_textpdf",
        "B4",
        "textpdf",
        pages="all",
        wm=WM("拾趣商城", 0.25, d(2026, 9, 30), color=(190, 60, 60)),
        fmt="pdf",
    ),
    Spec(
        "g_b5_textpdf",
        "B5",
        "textpdf",
        pages="all",
        wm=WM("青柠严选", 0.08, color=(40, 120, 80)),
        fmt="pdf",
    ),
    Spec(
        "g_b6_textpdf", "B6", "textpdf", pages="all", wm=WM("禾苗到家", 0.30, angle=32), fmt="pdf"
    ),
    Spec(
        "g_b7_textpdf",
        "B7",
        "textpdf",
        pages="all",
        wm=WM("云集优选", 0.15, d(2026, 8, 31)),
        fmt="pdf",
    ),
]


def T(name, twin, edit, **kw):
    return ("T", name, twin, edit, kw)


TAMPER = [
    # ---- flatbed scans
    T(
        "t_b1_scan_p1_expiry7y",
        "g_b1_scan_p1",
        Edit(
            "有效期至 2027年08月16日 -> 2029年08月16日 (7 years after the issue date), retyped 4% larger on a 3 px lower baseline",
            0,
            "2027年08月16日",
            "2029年08月16日",
            key="expiry",
            size_f=1.04,
            dy=3,
            bg="flat",
            noise=0.5,
            jpeg_q=95,
            field="expiry",
            line_hint="有效期至",
        ),
    ),
    T(
        "t_b3_scan_p1_company",
        "g_b3_scan_p1",
        Edit(
            "公司名称 南京云岫信息科技有限公司 -> 南京云岫智联科技有限公司 retyped in Noto Serif (the page is Noto Sans); "
            "the copy is the front page only, so nothing else names the company",
            0,
            "云岫信息科技",
            "云岫智联科技",
            key="company",
            face="notoserif",
            bg="flat",
            jpeg_q=70,
            self_consistent=True,
            field="company",
            line_hint="公司名称",
        ),
    ),
    T(
        "t_b5_scan_p1_issue_before_number",
        "g_b5_scan_p1",
        Edit(
            "发证日期 2024 年 04 月 08 日 -> 2023 年 04 月 08 日 (before the number's year 2024; the box cuts into the seal)",
            0,
            "2024",
            "2023",
            key="issue",
            dy=-2,
            bg="flat",
            noise=1.0,
            field="issue",
            line_hint="发证日期",
        ),
    ),
    T(
        "t_b7_scan_p1_legalrep",
        "g_b7_scan_p1",
        Edit(
            "法定代表人 钱书昀 -> 钱书文, retyped in AR PL UKai, 6% smaller",
            0,
            "钱书昀",
            "钱书文",
            key="legal_rep",
            face="ukai",
            size_f=0.94,
            bg="clone",
            self_consistent=True,
            field="legal_rep",
            line_hint="法定代表人",
        ),
    ),
    T(
        "t_b4_scan_aux_domain",
        "g_b4_scan_aux",
        Edit(
            "附页 网站域名 shiguangjiyuan.com -> shiguangjiyuan.net, retyped in WenQuanYi Micro Hei, the box with another JPEG history",
            1,
            "shiguangjiyuan.com",
            "shiguangjiyuan.net",
            key="site0_domain",
            face="microhei",
            bg="flat",
            jpeg_q=60,
            self_consistent=True,
            field="domain",
            line_hint="网站域名",
        ),
    ),
    T(
        "t_b1_scan_aux_company",
        "g_b1_scan_aux",
        Edit(
            "附页 company 杭州栖山数智科技有限公司 -> 杭州栖山云智科技有限公司 (the only page of the copy)",
            1,
            "栖山数智科技",
            "栖山云智科技",
            key="aux_para0",
            size_f=1.03,
            dy=2,
            bg="flat",
            noise=2.5,
            self_consistent=True,
            field="company",
            line_hint="获准经营",
        ),
    ),
    # ---- phone photos
    T(
        "t_b1_photo_p1_company_face",
        "g_b1_photo_p1",
        Edit(
            "公司名称 杭州栖山数智科技有限公司 -> 杭州栖山智能科技有限公司, retyped bold in Noto Sans on a serif page",
            0,
            "数智科技",
            "智能科技",
            key="company",
            face="notosans",
            bold=True,
            bg="flat",
            self_consistent=True,
            field="company",
            line_hint="公司名称",
        ),
    ),
    T(
        "t_b2_photo_p1_expiry_cycle",
        "g_b2_photo_p1",
        Edit(
            "有效期至 2026年 07月 22日 -> 2027年 07月 22日 (off the number's 5-year cycle: 2027-2021=6)",
            0,
            "2026",
            "2027",
            key="expiry",
            dy=-3,
            bg="flat",
            field="expiry",
            line_hint="有效期至",
        ),
    ),
    T(
        "t_b6_photo_p1_number_year",
        "g_b6_photo_p1",
        Edit(
            "经营许可证编号 苏B2-20200344 -> 苏B2-20210344 on the front page (the 附页 is not in the copy; the "
            "expiry 2025 is then off the number's 5-year cycle: (2025-2021) % 5 != 0)",
            0,
            "20200344",
            "20210344",
            key="number",
            size_f=0.97,
            bg="flat",
            noise=1.5,
            field="number",
            line_hint="经营许可证编号",
        ),
    ),
    # ---- screenshots
    T(
        "t_b3_shot_p1_seal",
        "g_b3_shot_p1",
        Edit(
            "seal reads 北京市通信管理局 on a cross-regional (ministry) license",
            0,
            seal="北京市通信管理局",
            field="seal",
            line_hint="发证机关（盖章）",
        ),
    ),
    T(
        "t_b5_shot_p1_expiry6y",
        "g_b5_shot_p1",
        Edit(
            "有效期至 2029 年 04 月 08 日 -> 2030 年 04 月 08 日 (6 years)",
            0,
            "2029",
            "2030",
            key="expiry",
            size_f=1.05,
            bg="flat",
            field="expiry",
            line_hint="有效期至",
        ),
    ),
    T(
        "t_b7_shot_p1_issue_plausible",
        "g_b7_shot_p1",
        Edit(
            "发证日期 2023年07月10日 -> 2023年08月10日 (still a plausible re-issue date)",
            0,
            "07月10日",
            "08月10日",
            key="issue",
            face="notoserif",
            bg="flat",
            self_consistent=True,
            field="issue",
            line_hint="发证日期",
        ),
    ),
    # ---- rotated scans
    T(
        "t_b4_rot180_p1_number",
        "g_b4_rot180_p1",
        Edit(
            "京ICP证170562号 -> 京ICP证180562号 on the front page ((2027-2018) % 5 != 0)",
            0,
            "170562",
            "180562",
            key="number",
            dy=2,
            bg="flat",
            jpeg_q=75,
            field="number",
            line_hint="经营许可证编号",
        ),
    ),
    T(
        "t_b6_rot90_p1_seal",
        "g_b6_rot90_p1",
        Edit(
            "seal reads 浙江省通信管理局 on a 苏B2 license",
            0,
            seal="浙江省通信管理局",
            field="seal",
            line_hint="发证机关（盖章）",
        ),
    ),
    # ---- scanned PDFs
    T(
        "t_b2_scanpdf_header",
        "g_b2_scanpdf",
        Edit(
            "page header of page 4 (特别规定事项, 2nd page) 粤B2-20210583 -> 粤B2-20210538",
            3,
            "20210583",
            "20210538",
            key="hdr_number",
            bg="flat",
            noise=1.0,
            field="page header number",
            line_hint="经营许可证编号",
        ),
    ),
    T(
        "t_b5_scanpdf_company_p1",
        "g_b5_scanpdf",
        Edit(
            "公司名称 on page 1 only: 成都青岚数据服务有限公司 -> 成都青岚科技服务有限公司 (附页 and 特别规定事项 keep the old name)",
            0,
            "青岚数据服务",
            "青岚科技服务",
            key="company",
            size_f=1.02,
            dy=2,
            bg="flat",
            jpeg_q=92,
            field="company",
            line_hint="公司名称",
        ),
    ),
    T(
        "t_b7_scanpdf_company_all",
        "g_b7_scanpdf",
        Edit(
            "company name 上海鹿鸣信息技术有限公司 -> 上海鹿鸣网络技术有限公司 retyped on every page where it appears "
            "(front page, 附页, 特别规定事项 preamble): self-consistent",
            "all",
            "鹿鸣信息技术",
            "鹿鸣网络技术",
            size_f=1.0,
            dy=1,
            bg="flat",
            self_consistent=True,
            field="company",
            line_hint="公司名称 / 获准经营 / 《特别规定事项》是",
        ),
    ),
    T(
        "t_b5_scanpdf_expiry",
        "g_b5_scanpdf",
        Edit(
            "有效期至 2029 年 04 月 08 日 -> 2032 年 04 月 08 日 (8 years)",
            0,
            "2029",
            "2032",
            key="expiry",
            bg="flat",
            noise=1.0,
            field="expiry",
            line_hint="有效期至",
        ),
    ),
    # ---- text PDFs
    T(
        "t_b1_textpdf_budei",
        "g_b1_textpdf",
        Edit(
            "clause 二: '，不得超越许可的业务覆盖范围开展经营活动' -> '，超越许可的业务覆盖范围开展经营活动' (a 不得 removed)",
            "all",
            "，不得超越许可的业务覆盖范围",
            "，超越许可的业务覆盖范围",
            key="prov",
            field="clause 二",
            line_hint="二、你公司应当按照许可的业务种类",
        ),
    ),
    T(
        "t_b3_textpdf_keyi",
        "g_b3_textpdf",
        Edit(
            "clause 六: '你公司应当按照《通信网络安全防护管理办法》' -> '你公司可以按照…' (应当 -> 可以)",
            "all",
            "六、你公司应当按照",
            "六、你公司可以按照",
            key="prov",
            field="clause 六",
            line_hint="六、你公司",
        ),
    ),
    T(
        "t_b4_textpdf_expiry7y",
        "g_b4_textpdf",
        Edit(
            "有效期至 2027年 09月 5日 -> 2029年 09月 5日 (7 years), typed over a paper-coloured box, the old date still "
            "in the text layer beneath",
            0,
            "2027",
            "2029",
            key="expiry",
            face="zenhei",
            pdf_mode="whiteout",
            field="expiry",
            line_hint="有效期至",
        ),
    ),
    T(
        "t_b6_textpdf_company_p1",
        "g_b6_textpdf",
        Edit(
            "公司名称 on the front page only: 苏州禾木网络科技有限公司 -> 苏州禾木信息科技有限公司",
            0,
            "禾木网络科技",
            "禾木信息科技",
            key="company",
            face="uming",
            field="company",
            line_hint="公司名称",
        ),
    ),
    T(
        "t_b2_textpdf_legalrep",
        "g_b2_textpdf",
        Edit(
            "法定代表人 邝嘉禾 -> 邝嘉明",
            0,
            "邝嘉禾",
            "邝嘉明",
            key="legal_rep",
            self_consistent=True,
            field="legal_rep",
            line_hint="法定代表人",
        ),
    ),
    T(
        "t_b7_textpdf_scope",
        "g_b7_textpdf",
        Edit(
            "scope: '不含信息搜索查询服务、信息即时交互服务。' -> '含信息搜索查询服务、信息即时交互服务。' (exclusion turned into inclusion)",
            0,
            "不含信息搜索",
            "含信息搜索",
            key="scope",
            field="scope",
            line_hint="及覆盖范围",
        ),
    ),
    T(
        "t_b5_textpdf_quarter",
        "g_b5_textpdf",
        Edit(
            "clause 十四: '每年第一季度' -> '每年第二季度'",
            "all",
            "每年第一季度",
            "每年第二季度",
            key="prov",
            field="clause 十四",
            line_hint="十四、你公司应当在每年",
        ),
    ),
    T(
        "t_b6_textpdf_header",
        "g_b6_textpdf",
        Edit(
            "page header on the 3rd page: 苏B2-20200344 -> 苏B2-20200434",
            2,
            "20200344",
            "20200434",
            key="hdr_number",
            field="page header number",
            line_hint="经营许可证编号",
        ),
    ),
]


def all_specs():
    gmap = {s.name: s for s in GENUINE}
    specs = list(GENUINE)
    for _, name, twin, edit, kw in TAMPER:
        g = gmap[twin]
        specs.append(replace(g, name=name, kind="tampered", twin=twin, edit=edit, **kw))
    return specs


# --------------------------------------------------------------------------------------------
# building one file


def seed_of(name: str) -> int:
    return zlib.crc32(name.encode())


def page_indices(spec: Spec, pages) -> list:
    """the pages of the license (layout(b)) a file shows, 0-based"""
    if spec.surface == "textpdf":  # render_text_pdf draws every page
        return list(range(len(pages)))
    if spec.pages == "main":
        return [0]
    if spec.pages == "aux":
        return [1]
    return list(range(len(pages)))


def build(spec: Spec) -> dict:
    b = BASES[spec.base]
    seed = seed_of(
        spec.twin or spec.name
    )  # a twin shares every random choice with its genuine copy
    pages = layout(b)
    e = spec.edit
    seal_name = e.seal if (e and e.seal) else b.authority
    pidx = page_indices(spec, pages)
    rng = random.Random(seed)
    wrng = random.Random(seed + 7)
    ext = spec.fmt
    path = os.path.join(OUT, f"{spec.name}.{ext}")
    if spec.surface == "textpdf":
        render_text_pdf(path, b, pages, rng, spec.wm, e, seal_name)
        return dict(path=path, pages=len(pages))
    # raster page renders; the seal is random too, so take it from a per-page rng
    imgs = []
    for i in pidx:
        prng = random.Random(seed * 31 + i)
        pimg = render_page(b, pages[i], prng, seal_name if pages[i].seal else None)
        if e and e.seal and i == 0:
            pass  # the wrong seal is already in pimg (seal_name)
        imgs.append((i, pimg))
    if spec.surface in ("scan", "rotated", "scanpdf"):
        outs = []
        for i, pimg in imgs:
            srng = random.Random(seed * 17 + i)
            s, geo = scan(pimg, srng)
            if spec.wm_order == "before":
                s = watermark(s, spec.wm, random.Random(wrng.random()))
                s = apply_raster_edits(s, geo, pages, i, e, srng)
            else:
                s = apply_raster_edits(s, geo, pages, i, e, srng)
                s = watermark(s, spec.wm, random.Random(seed + 7 + i))
            if spec.surface == "rotated":
                s = s.rotate(spec.rot, expand=True)
            outs.append(s)
        if spec.surface == "scanpdf":
            cv = rl_canvas.Canvas(path, pagesize=(W * PT, H * PT))
            for k, s in enumerate(outs):
                q = random.Random(seed + 100 + k).randint(68, 76)
                s = s.resize((1240, 1754), Image.Resampling.LANCZOS)  # the scanner's PDF mode: 150 dpi
                cv.drawImage(ImageReader(io.BytesIO(jpeg_bytes(s, q))), 0, 0, W * PT, H * PT)
                cv.showPage()
            cv.save()
        else:
            q = random.Random(seed + 100).randint(80, 88)
            if ext == "png":
                outs[0].save(path, "PNG", optimize=True)
            else:
                with open(path, "wb") as fh:
                    fh.write(jpeg_bytes(outs[0], q))
        return dict(path=path, pages=len(outs))
    if spec.surface in ("photo", "screenshot"):
        i, pimg = imgs[0]
        prng = random.Random(seed * 13 + 1)
        ph = photo(pimg, prng, i, pages, e, spec.wm, random.Random(seed + 7))
        if spec.surface == "photo":
            with open(path, "wb") as fh:
                fh.write(jpeg_bytes(ph, random.Random(seed + 100).randint(84, 90)))
        else:
            shot = screenshot(ph, random.Random(seed * 19 + 3))
            if ext == "png":
                shot.save(path, "PNG", optimize=True)
            else:
                with open(path, "wb") as fh:
                    fh.write(jpeg_bytes(shot, random.Random(seed + 100).randint(80, 88)))
        return dict(path=path, pages=1)
    raise ValueError(spec.surface)


# --------------------------------------------------------------------------------------------
# manifest


def tq(s) -> str:
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


SURFACE_DOC = {
    "scan": "flatbed scan, 200 dpi, skew <= 1.5 deg, noise, JPEG",
    "photo": "phone photo on a desk: perspective, uneven light, vignette, blur, JPEG",
    "screenshot": "chat-app screenshot of a phone photo (status bar, app chrome), 1080x2400",
    "rotated": "flatbed scan rotated 90/180/270 deg",
    "scanpdf": "scanned PDF: every page a 200 dpi JPEG scan, no text layer",
    "textpdf": "PDF with a text layer; the watermark is transparent rotated text in the text layer",
}


def write_manifest(rows):
    lines = [
        "# Held-out printed-certificate set, generated by make.py (do not edit by hand).",
        "# One [[file]] per copy. kind = genuine | tampered; as_of is the date to pass to --as-of.",
        "# For tampered copies: twin = the genuine copy it was made from, edit = the one change,",
        '# page = 1-based page of the file ("all" = every page where the text occurs),',
        "# self_consistent = nothing inside the copy contradicts the edit (only a registry or",
        "# another copy can show it).",
        "",
    ]
    for spec, info in rows:
        b = BASES[spec.base]
        lines.append("[[file]]")
        lines.append(f"path = {tq(os.path.relpath(info['path'], HERE))}")
        lines.append(f"surface = {tq(spec.surface)}")
        lines.append(f"base = {tq(spec.base)}")
        lines.append(f"number = {tq(b.number)}")
        lines.append(f"kind = {tq(spec.kind)}")
        lines.append(f"as_of = {tq(b.as_of.isoformat())}")
        lines.append(f"pages = {info['pages']}")
        lines.append(
            f"content = {tq({'main': 'front page', 'aux': '附页', 'all': 'every page'}[spec.pages])}"
        )
        lines.append(f"font = {tq(b.face)}")
        if spec.surface == "rotated":
            lines.append(f"rotation = {spec.rot}")
        if spec.wm:
            lines.append(f"watermark = {tq(spec.wm.text)}")
            lines.append(f"watermark_alpha = {spec.wm.alpha}")
        else:
            lines.append('watermark = ""')
        if spec.kind == "tampered":
            e = spec.edit
            lines.append(f"twin = {tq(spec.twin)}")
            lines.append(f"edit = {tq(e.what)}")
            lines.append(f"field = {tq(e.field)}")
            if e.page == "all":
                lines.append('page = "all"')
            else:
                pg_in_file = e.page + 1 if spec.pages == "all" else 1
                lines.append(f"page = {pg_in_file}")
            lines.append(f"line = {tq(e.line_hint)}")
            if e.seal:
                lines.append(f"old = {tq(b.authority)}")
                lines.append(f"new = {tq(e.seal)}")
            else:
                lines.append(f"old = {tq(e.old)}")
                lines.append(f"new = {tq(e.new)}")
            lines.append(f"self_consistent = {'true' if e.self_consistent else 'false'}")
        lines.append("")
    with open(os.path.join(HERE, "manifest.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*", help="build only these names (no manifest)")
    args = ap.parse_args()
    if rl_config is None:
        sys.exit("make.py: needs reportlab (see README.md)")
    for b in BASES.values():
        check_base(b)
    os.makedirs(OUT, exist_ok=True)
    specs = all_specs()
    names = [s.name for s in specs]
    assert len(names) == len(set(names))
    rows = []
    for s in specs:
        if args.only and s.name not in args.only:
            continue
        if s.edit and not s.edit.seal:
            pages = layout(BASES[s.base])
            tg = targets(pages, s.edit)
            assert tg, f"{s.name}: edit target not found"
            if s.edit.page == "all" and s.edit.key is None:
                assert len({t.page for t in tg}) >= 3, (s.name, [(t.page, t.key) for t in tg])
        info = build(s)
        rows.append((s, info))
        print(
            f"{s.name:36s} {s.surface:10s} {os.path.getsize(info['path']) / 1024:7.0f} KiB",
            flush=True,
        )
    if not args.only:
        write_manifest(rows)


if __name__ == "__main__":
    main()
