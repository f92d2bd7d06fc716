#!/usr/bin/env python3.11
"""Generate the held-out evaluation set of fictional 增值电信业务经营许可证 copies.

stdlib only.  Writes copies/*.txt|*.md and manifest.toml next to this file and
self-checks every manifest line number against the generated text.

All companies, people, numbers and domains are fictional.  Clause texts of the
特别规定事项 are the three template versions (A, B, C) seen in the genuine seeds.
"""
from __future__ import annotations

import datetime as dt
import json
import pathlib
import random
import re
import shutil
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "copies"
AS_OF = (2026, 11, 25)
AS_OF_S = "2026-11-25"

# ---------------------------------------------------------------------------
# Special provisions (特别规定事项) templates, canonical full-width punctuation
# ---------------------------------------------------------------------------
INTRO = "《特别规定事项》是经营许可证重要组成部分，{company}应当按照经营许可证载明的许可事项开展经营活动，并遵守下列规定事项："

MAIN_COMMON = {
    "一": "你公司应当按照《中华人民共和国电信条例》、《互联网信息服务管理办法》等法律法规要求，严格执行电信网码号资源、业务资费、市场管理、服务质量、电信设备管理、设施建设和运行、安全生产及网络与信息安全等行业管理规定，履行维护国家安全和利益的义务，配合电信主管部门依法开展监督检查工作。",
    "二": "你公司应当按照许可的业务种类和业务覆盖范围，依法开展业务经营活动，不得经营或变相经营未经许可的其他电信业务，不得超越许可的业务覆盖范围开展经营活动。你公司应当在公司主要经营场所、{homepage}、业务宣传手册等显著位置标明经营许可证编号。",
    "三": "你公司在未取得国内通信设施服务业务经营许可时，不得投资建设电信传输网络设施。你公司需使用电信传输网等网络基础设施时，应当使用已取得基础电信业务经营许可的经营者提供的网络设施，不得从无基础电信业务经营许可者处购买、租用{netres}资源设施。",
    "四": "你公司应当按照电信主管部门要求，规范各类电信资源的使用管理，不得向未经许可擅自开展电信业务的经营者提供电信资源，不得将你公司购买或租用的带宽等网络接入资源向互联网接入服务业务经营者转售或转租。你公司应当采取切实的技术手段和监控措施加强用户管理，禁止用户利用你公司的电信资源违规经营电信业务。",
    "五": "你公司应当按照《电信服务规范》等相关电信服务管理要求向用户提供服务，建立健全服务管理制度，配备用户投诉受理人员，妥善化解服务纠纷，维护用户合法权益。",
    "六": "你公司应当按照《通信网络安全防护管理办法》（工业和信息化部令第11号）的有关要求，开展所属网络和系统定级备案、符合性评测和风险评估等工作，及时向通信主管部门报备，按照有关政策和通信网络安全防护系列标准要求落实网络安全防护措施，保障网络和系统安全。",
    "九": "你公司应当配合国家有关部门依法开展监督检查工作，按照法律法规要求或有关标准，做好用户日志留存、违法信息监测等工作，对发现的违法信息立即进行处置，保存有关记录，并在处置后的10个工作日内向电信主管部门上报。",
    "十三": "你公司如已持有省（自治区、直辖市）通信管理局颁发的电信业务经营许可证，且所载明的业务种类和相应的业务覆盖范围包含在跨地区电信业务经营许可证的范围内，应当在取得我部颁发的许可证后30日内，向相关省（自治区、直辖市）通信管理局办理许可证的注销或变更手续。",
    "十四": "你公司应当在每年第一季度参加电信主管部门组织的经营许可证年报。",
    "十五": "你公司在经营信息服务业务时应当遵守下列规定：",
}
SEVEN_AC = "你公司应当按照国家用户信息保护有关法律法规和《电信和互联网用户个人信息保护规定》（工业和信息化部令第24号）要求，开展用户信息保护工作，落实企业网络与信息安全主体责任，完善管理制度和技术手段，规范用户信息和网络数据采集、传输、存储、使用和销毁等行为，加强数据访问权限管理，防止用户信息和数据泄露。"
SEVEN_B = SEVEN_AC.replace("开展用户信息保护工作，", "")
EIGHT_AC = "你公司应当按照电信主管部门要求，在发生大规模用户个人信息泄露事件、影响众多用户的服务中断事件等重大网络安全事件时，立即采取应急措施，控制影响范围，消除事件危害，并第一时间向电信主管部门报告，根据电信主管部门要求采取应急处置措施。"
EIGHT_B = EIGHT_AC.replace("立即采取应急措施", "应当按照相关规定及预案立即进行应急处置")
TEN_A = "你公司应按照国家法律法规要求，为有关部门提供技术接口和解密等技术支持和协助。"
TEN_BC = "你公司应按照有关法律法规要求，为有关部门提供技术接口和解密等技术支持和协助。"
ELEVEN_AB = "你公司或者经你公司授权经营电信业务的子公司，遇有合并或者分立、有限责任公司股东变化、业务经营权转移等涉及经营主体需要变更的情形，应当自公司作出决定之日起30日内向我部提出申请，经批准后方可实施。涉及新增外方股东或原有外方股东发生变更的情形，应当按照《外商投资电信企业管理规定》的有关规定执行。"
ELEVEN_C = "你公司或者经你公司授权经营电信业务的子公司，遇有因合并或者分立、股东变化等导致经营主体需要变更的情形，或者业务范围需要变化的，应当自公司作出决定之日起30日内向原发证机关提出申请，经批准后方可实施。涉及新增外方股东或原有外方股东股权发生变更的情形，应当按照《外商投资电信企业管理规定》的有关规定执行。"
TWELVE_AB = "你公司遇有业务覆盖范围内负责当地业务经营、客户服务等事务的机构信息发生{changed}的情形，应当在变更后30日内向原发证机关报送有关信息。你公司经营许可证有效期届满需要继续经营的，应当提前90日向原发证机关提出续办申请。"
TWELVE_C = "你公司遇有工商登记的住所、注册资本、股东股权发生变更，或业务覆盖范围内负责当地业务经营、客户服务等事务的机构信息发生变化的情形，应当在变更之日起30日内在《电信业务市场综合管理信息系统》中更新相关信息。你公司经营许可证有效期届满需要继续经营的，应当提前90日向原发证机关提出延续经营许可证的申请；不再继续经营的，应当提前90日向原发证机关报告，并做好善后工作。"

SUB_COMMON = {
    "一": "你公司应当按本经营许可证中载明的信息服务项目开展业务。你公司拟从事法律、行政法规和国务院文件规定的“互联网+”融合服务项目，或者按照《互联网信息服务管理办法》等相关法规要求应当前置审批或专项审批的项目，应当依法办理相关服务项目审批手续，经有关主管部门审核同意后，向我部办理经营许可证增项手续。",
    "二": "未经批准，你公司不得开展固定网电话信息服务业务。",
    "三": "你公司{neg}制作、复制、发布、传播《互联网信息服务管理办法》第十五条所列内容，不得提供虚假信息诱导、欺骗用户。",
    "四": "你公司发布信息服务业务广告时，应当公布你公司名称和经营许可证编号，且不得含有悖于社会良好风尚、损害人民群众尤其是青少年身心健康的内容。",
    "五": "你公司向用户收费应当做到准确、合理，不得向用户收取信息服务项目中明码标价外的任何其他费用。你公司若委托当地电信运营企业代收信息服务费，应当与其签订协议，明确双方权利、义务和违约责任，并采取措施避免引发收费纠纷。",
    "七": "你公司应当按照电信主管部门要求或有关标准，具备网络与信息安全管理技术保障措施，并实现与网络和业务发展同步规划、同步建设、同步运行，确保网络与信息安全管理技术手段对运营网络和业务的全覆盖；提供面向公众发布的公共信息应使用技术手段和人工检查相结合的方式，进行违法信息监测和处置。",
    "八": "你公司应当按照电信主管部门要求或有关标准，建立互联网新技术新业务安全评估制度，在新技术、业务或应用上线（含合作推广、试点、商用等）时，在基础资源配置、技术实现方式、业务功能或用户规模等方面发生较大变化时，开展网络信息安全评估，积极防范网络信息安全风险，并在安全评估完成30日内向电信主管部门提交书面评估报告。",
    "九": "你公司应当按照电信主管部门要求，针对木马僵尸网络、移动恶意程序、网站仿冒等公共网络安全威胁，采取中断仿冒网站或恶意程序传播、控制服务器的接入服务等处置措施。",
}
SIX_SUB = "你公司应当按照电信主管部门要求，配备相应数量的专职网络与信息安全{staff}，成立相应的网络与信息安全管理机构，并将相关信息向业务开展地电信主管部门报备，建立健全网络与信息安全保障制度，制定应急处置预案，做好网络与信息安全管理技术手段规范使用、日常管理及运行维护。"
PUB = "（适用于信息发布平台及递送服务）你公司提供信息发布平台和递送服务时，充分保障用户权益，不得强行推送、定制服务。"
APP_BODY = "你公司提供应用软件发布平台服务时，应当按照电信主管部门有关标准或要求建设应用软件网络与信息安全管理技术手段，落实对应用软件（含更新版本）的上架前检测和日常巡检措施，明示应用软件获取的用户终端权限及用途，留存历史版本、开发者等应用软件基本信息，对违法违规应用软件及时依法处理，建立黑名单管理制度和用户投诉举报机制，督促应用开发者落实安全责任。"
APP = "（适用于信息发布平台及递送服务）" + APP_BODY
SMS = "你公司提供发送短信业务时，应当严格规范经营行为，规范端口短信息服务，健全内部管控机制，建立防范垃圾短信技术手段，不发送垃圾短信，不为发送垃圾短信提供便利。"
SEARCH = "（适用于信息搜索查询服务）你公司提供信息搜索查询服务时，应当按照电信主管部门要求或有关标准，具备网络信息安全技术保障措施，不得向用户推送或推荐违法信息。"
COMMUNITY = "（适用于信息社区平台服务）你公司提供信息社区平台服务时，对公众帐号和开放平台发布者做好资质审核备案，对违反国家相关法律法规或协议约定的，视情节采取警示、限制发布、暂停更新直至关闭{acct}等措施。你公司应依照有关法律规定，配合电信主管部门建立应急处置机制。"
IM = "（适用于信息即时交互服务）你公司提供信息即时交互服务时，对公众帐号和开放平台发布者做好资质审核备案，同时按照电信主管部门有关技术标准或要求，建立完善的应急处置机制和技术手段，制定重大突发情况下的应急处置预案。你公司不得通过公用通信网和互联网提供公共电话业务。"

CN_NUM = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"]


def provisions(tpl: str, company: str, v: dict) -> list[tuple[str, str, str]]:
    """Return [(key, marker, canonical_text)] for template A, B or C.
    key: 'intro', 'm一'.., 's一'.., 's十c1'..; marker: '一' / '(一)' style resolved later."""
    f = dict(homepage=v.get("homepage", "网站主页"), netres=v.get("netres", "电信传输网网络"))
    paras = [("intro", "", INTRO.format(company=company))]
    main = dict(MAIN_COMMON)
    main["二"] = main["二"].format(**f)
    main["三"] = main["三"].format(**f)
    main["七"] = SEVEN_B if tpl == "B" else SEVEN_AC
    main["八"] = EIGHT_B if tpl == "B" else EIGHT_AC
    main["十"] = TEN_A if tpl == "A" else TEN_BC
    main["十一"] = ELEVEN_C if tpl == "C" else ELEVEN_AB
    main["十二"] = TWELVE_C if tpl == "C" else TWELVE_AB.format(changed=v.get("changed", "变化"))
    for i in range(1, 16):
        k = CN_NUM[i]
        paras.append(("m" + k, k, main[k]))
    sub = dict(SUB_COMMON)
    sub["三"] = sub["三"].format(neg=v.get("neg", ""))
    sub["六"] = SIX_SUB.format(staff="管理技术人员" if tpl == "A" else "管理人员")
    acct = v.get("acct", "账号")
    for i in range(1, 10):
        k = CN_NUM[i]
        paras.append(("s" + k, k, sub[k]))
    if tpl == "B":
        paras += [("s十", "十", PUB), ("s十c1", "", APP_BODY), ("s十c2", "", SMS),
                  ("s十一", "十一", SEARCH), ("s十二", "十二", COMMUNITY.format(acct=acct)), ("s十三", "十三", IM)]
    else:
        paras += [("s十", "十", PUB), ("s十一", "十一", APP), ("s十二", "十二", SEARCH),
                  ("s十三", "十三", COMMUNITY.format(acct=acct)), ("s十四", "十四", IM)]
    return paras


# page breaks inside the special provisions, per template, as in the seeds
BREAKS = {
    "A": [("m八", "范围，消除事件危害"), ("s五", None), ("s十三", None)],
    "B": [("m九", "关记录，并在处置后"), ("s七", "障措施，并实现")],
    "C": [("m九", None), ("s五", "价外的任何其他费用"), ("s十三", "部门建立应急处置机制")],
}

# ---------------------------------------------------------------------------
# punctuation / date helpers
# ---------------------------------------------------------------------------

def punct(s: str, style: str) -> str:
    if style == "full":
        return s
    s = s.replace("：", ":").replace("（", "(").replace("）", ")")
    if style == "half_sp":
        return s.replace("，", ", ").replace("；", "; ")
    return s.replace("，", ",").replace("；", ";")


def fmt_date(d, style: str) -> str:
    y, m, dd = d
    if style == "sp":          # 2024 年 11 月 04 日
        return f"{y} 年 {m:02d} 月 {dd:02d} 日"
    if style == "mix":         # 2023年 07月 1日
        return f"{y}年 {m:02d}月 {dd}日"
    if style == "tight":       # 2020年02月11日
        return f"{y}年{m:02d}月{dd:02d}日"
    if style == "cn":          # 二〇二三年六月十四日
        digits = "〇一二三四五六七八九"
        return "".join(digits[int(c)] for c in str(y)) + "年" + cn_small(m) + "月" + cn_small(dd) + "日"
    if style == "plain":       # 2024年3月27日 (watermark)
        return f"{y}年{m}月{dd}日"
    raise ValueError(style)


def cn_small(n: int) -> str:
    units = "〇一二三四五六七八九"
    if n < 10:
        return units[n]
    if n == 10:
        return "十"
    if n < 20:
        return "十" + units[n - 10]
    return units[n // 10] + "十" + (units[n % 10] if n % 10 else "")


def fw(s: str) -> str:
    """ASCII digits/letters and '-' to full-width."""
    out = []
    for ch in s:
        if ch.isascii() and ch.isalnum():
            out.append(chr(ord(ch) + 0xFEE0))
        elif ch == "-":
            out.append("－")
        else:
            out.append(ch)
    return "".join(out)


def valid_date(d) -> bool:
    try:
        dt.date(*d)
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------
PB = "\x00PB"   # page-break sentinel (resolved in finalize)
PBP = "\x00PBP"  # page break before the first special-provisions page
BIZ_NOTE = "【依法须经批准的项目，经相关部门批准后方可开展相应经营活动】"


def preamble(s) -> str:
    law = s.get("law", "《中华人民共和国电信条例》")
    kind = "跨地区" if s["miit_title"] else ""
    biz = s.get("preamble_biz", "增值电信业务")
    t = f"根据{law}及国家有关规定，经审查，准许你公司按照本经营许可证（正文和附件）载明的内容经营{biz}，特颁发{kind}增值电信业务经营许可证。"
    return punct(t, s["pre_punct"])


def wrap_fixed(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def render(s) -> list[str]:
    c = s["colon"]
    fp = s["front_punct"]
    md = s["md"]
    num = s["number"]
    L: list[str] = ["", ""] if s.get("lead_blank", True) else []
    title = s.get("title", "中华人民共和国 增值电信业务经营许可证")
    L += [("# " if md else "") + title, ""]
    L += [f"经营许可证编号{c}{num}", ""]
    L += [preamble(s), ""]
    tail = "  " if md else ""
    scope = [punct(x, fp) for x in s["scope"]]
    note = punct(BIZ_NOTE, fp) if s.get("note", True) else None
    if s.get("layout") == "table":
        L += ["| 项目 | 内容 |", "| --- | --- |",
              f"| 公司名称 | {s['company']} |", f"| 法定代表人 | {s['rep']} |",
              "| 业务种类（服务项目）及覆盖范围 | " + "".join(scope) + (f"（{s['coverage']}）" if s.get('coverage') else "") + " |"]
        if s.get("authority") is not None:
            L.append(f"| 发证机关 | {s['authority']} |")
        L += [f"| 发证日期 | {fmt_date(s['issue'], s['date_fmt'])} |",
              f"| 有效期至 | {fmt_date(s['expiry'], s['date_fmt'])} |"]
        L += [""]
    else:
        L += [f"公司名称{c}{s['company']}", ""]
        L += [f"法定代表人{c}{s['rep']}", ""]
        sl = s["scope_layout"]
        if sl == "sp":            # seed 001: 业务种类:X / (服务项目)全国 / 及覆盖范围:
            L += [f"业务种类{c}{scope[0]}{tail}"] + [x + tail for x in scope[1:]]
            L += [f"(服务项目){s['coverage']}{tail}", f"及覆盖范围{c.rstrip()}"]
        elif sl == "below":       # seed 002: value below the label, hard-wrapped
            L += ["业务种类", "(服务项目)", f"及覆盖范围{c.rstrip()}"]
            L += scope[:-1] if len(scope) > 1 else scope
            rest = (scope[-1] if len(scope) > 1 else "") + (note or "")
            if rest:
                L += wrap_fixed(rest, s.get("scope_wrap", 18))
        else:                     # seeds 000/003/004: value after 及覆盖范围
            L += ["业务种类" + tail, "(服务项目)" + tail, f"及覆盖范围{c}{scope[0]}{tail}"]
            L += [x + tail for x in scope[1:]]
            if note:
                L.append(note)
        L += ["", "", ""]
        if s.get("authority") is not None:
            L += [f"发证机关(盖章): {s['authority']}".rstrip(), "", "", ""]
        di, de = fmt_date(s["issue"], s["date_fmt"]), fmt_date(s["expiry"], s["date_fmt"])
        if s.get("date_next"):
            L += [f"发证日期{c}", "", di, "", f"有效期至{c}", "", de, ""]
        else:
            L += [f"发证日期{c}{di}", "", f"有效期至{c}{de}", ""]
    # --- attachment page (附页) for ICP licences
    hc = s["hdr_colon"]
    if s.get("sites"):
        L += [PB]
        if s.get("att_num_split"):
            L += ["经营许可证编号：" + tail, num, ""]
        else:
            L += [f"经营许可证编号{hc}{num}", ""]
        at = s["att_title"]
        if at == "split":
            L += ["中华人民共和国增值电信业务经营许可证", "", "(附页)", ""]
        elif at == "two":
            L += ["中华人民共和国增值电信业务经营许可证  ", "(附 页)", ""]
        elif at == "md":
            L += ["## 中华人民共和国增值电信业务经营许可证 (附 页)", ""]
        else:
            L += [s.get("att_title_text", "中华人民共和国增值电信业务经营许可证 (附 页)"), ""]
        head = f"{s.get('att_company', s['company'])}获准经营{s.get('att_scope', '信息服务业务(仅限互联网信息服务)')}相关信息{s.get('att_head_end', '')}"
        cut = s.get("att_head_wrap")
        if cut:
            L += [head[:cut] + tail, head[cut:]]
        else:
            L += [head]
        L += [""]
        fc = s.get("att_colon", "：")
        for site in s["sites"]:
            L += [f"网站名称{fc}{site[0]}", "", f"网站域名{fc}{site[1]}", ""]
            srv = site[2]
            if s.get("srv_wrap") and len(srv) > s["srv_wrap"]:
                L += [f"服务器放置地{fc}{srv[:s['srv_wrap']]}", srv[s["srv_wrap"]:], ""]
            else:
                L += [f"服务器放置地{fc}{srv}", ""]
            L += [f"网站接入服务提供单位{fc}{site[3]}", ""]
        if s.get("watermark"):
            L += ["", ""] + [w + tail for w in s["watermark"][:-1]] + [s["watermark"][-1]] + ["", "", ""]
    # --- special provisions
    styles = s["prov_styles"]
    sp_title = "## 特别规定事项" if md else "特别规定事项"
    L += [PBP]
    if s.get("prov_first_header", True):
        L += [f"经营许可证编号{hc}{num}", ""]
    L += [sp_title, ""]
    paras = provisions(s["tpl"], s.get("prov_company", s["company"]), s.get("tv", {}))
    # edits of the canonical clause text (forgeries)
    for key, old, new in s.get("para_edit", []):
        for i, (k, m, t) in enumerate(paras):
            if k == key:
                assert old in t, (key, old)
                paras[i] = (k, m, t.replace(old, new, 1))
                break
        else:
            raise KeyError(key)
    for key in s.get("drop", []):
        paras = [p for p in paras if p[0] != key]
    for after, item in s.get("insert", []):
        idx = [p[0] for p in paras].index(after)
        paras.insert(idx + 1, item)
    breaks = {k: sub for k, sub in BREAKS[s["tpl"]]}
    page = 0

    def fmt_para(k, m, t, style):
        t2 = punct(t, style)
        if k == "intro" or not m:
            return t2
        if k.startswith("m"):
            return f"{m}、{t2}"
        n = CN_NUM.index(m)
        ann = ""
        if t.startswith("（适用于"):
            j = t.index("）") + 1
            ann, t2 = t[:j], punct(t[j:], style)
        if style == "full":
            mk = f"（{m}）" if n <= 5 else f"({m}) "
            return mk + (f"({ann[1:-1]}) " if ann else "") + t2
        if style == "half":
            return f"({m})" + (f"({ann[1:-1]})" if ann else "") + t2
        return f"({m}) " + (f"({ann[1:-1]}) " if ann else "") + t2

    def header():
        return [PB, f"经营许可证编号{hc}{num}", "", sp_title, ""]

    for k, m, t in paras:
        st = styles[min(page, len(styles) - 1)]
        if k in breaks:
            sub = breaks[k]
            if sub is None:
                page += 1
                L += header()
                st = styles[min(page, len(styles) - 1)]
                L += [fmt_para(k, m, t, st), ""]
            else:
                j = t.index(sub)
                first = fmt_para(k, m, t[:j], st)
                page += 1
                st2 = styles[min(page, len(styles) - 1)]
                L += [first, ""] + header() + [punct(t[j:], st2), ""]
        else:
            L += [fmt_para(k, m, t, st), ""]
    while L and L[-1] == "":
        L.pop()
    return L


def finalize(L: list[str], footer: str | None = None, title_repeat: bool = False, cut: str | None = None) -> str:
    if cut == "front":
        L = L[:min(i for i, x in enumerate(L) if x in (PB, PBP))]
    elif cut == "prov":
        L = L[L.index(PBP) + 1:]
    n_pages = sum(1 for x in L if x in (PB, PBP)) + 1
    out, page = [], 1
    for x in L:
        if x in (PB, PBP):
            if footer == "cn":
                out += [f"第 {page} 页 共 {n_pages} 页", ""]
            elif footer == "dash":
                out += [f"- {page} -", ""]
            elif footer == "frac":
                out += [f"{page}/{n_pages}", ""]
            page += 1
            if title_repeat:
                out += ["中华人民共和国增值电信业务经营许可证", ""]
            continue
        out.append(x)
    if footer == "cn":
        out += ["", f"第 {page} 页 共 {n_pages} 页"]
    elif footer == "dash":
        out += ["", f"- {page} -"]
    elif footer == "frac":
        out += ["", f"{page}/{n_pages}"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# surface transforms (harmless)
# ---------------------------------------------------------------------------

def is_wide(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’"


def ocr_space(text: str) -> str:
    out = []
    for line in text.split("\n"):
        s = ""
        for i, ch in enumerate(line):
            if i and ch != " " and line[i - 1] != " " and (is_wide(ch) or is_wide(line[i - 1])):
                s += " "
            s += ch
        s = re.sub(r"([AB][12](?:\.[AB][12])*)-(\d{4})(\d{4})", r"\1 - \2 \3", s)
        out.append(s)
    return "\n".join(out)


def no_blank(text: str) -> str:
    return "\n".join(x for x in text.split("\n") if x.strip()) + "\n"


def short_wrap(text: str, width: int) -> str:
    """Hard-wrap long lines at CJK boundaries; short field lines and titles are kept whole."""
    out = []
    for line in text.split("\n"):
        if len(line) <= 40 and (any(line.startswith(lab) for lab in LABELS) or "中华人民共和国" in line):
            out.append(line)
            continue
        cur = ""
        for i, ch in enumerate(line):
            if len(cur) >= width and cur and is_wide(cur[-1]) and is_wide(ch):
                out.append(cur)
                cur = ""
            cur += ch
        out.append(cur)
    return "\n".join(out)


LABELS = ["经营许可证编号", "公司名称", "法定代表人", "发证日期", "有效期至", "网站名称", "网站域名",
          "服务器放置地", "网站接入服务提供单位", "发证机关(盖章)", "及覆盖范围", "业务种类"]


def label_sep(text: str, sep: str) -> str:
    """Replace the colon after a field label by sep (tab / spaces / newline)."""
    out = []
    for line in text.split("\n"):
        for lab in LABELS:
            m = re.match(rf"^(#+ )?{re.escape(lab)}\s*[:：]\s*(.*)$", line)
            if m and not line.startswith("有效期至2"):
                val = m.group(2)
                if sep == "\n":
                    line = (m.group(1) or "") + lab + ("\n" + val if val else "")
                else:
                    line = (m.group(1) or "") + lab + (sep + val if val else "")
                break
        out.append(line)
    return "\n".join(out)


def to_half_punct(text: str) -> str:
    return text.replace("：", ":").replace("（", "(").replace("）", ")").replace("，", ",").replace("；", ";")


def fw_digits(text: str, number: str) -> str:
    text = text.replace(number, fw(number))
    out = []
    for line in text.split("\n"):
        if "网站域名" not in line:
            line = re.sub(r"[0-9]", lambda m: chr(ord(m.group()) + 0xFEE0), line)
        out.append(line)
    return "\n".join(out)


def rep(old: str, new: str, count: int = 1):
    def f(t: str) -> str:
        n = t.count(old)
        assert n >= count, (old, n)
        return t.replace(old, new, count)
    return f


def rep_nth(old: str, new: str, nth: int):
    """replace only the nth (1-based) occurrence"""
    def f(t: str) -> str:
        idx = -1
        for _ in range(nth):
            idx = t.index(old, idx + 1)
        return t[:idx] + new + t[idx + len(old):]
    return f


def prepend(s: str):
    return lambda t: s + t


def append(s: str):
    return lambda t: t.rstrip("\n") + "\n" + s


# ---------------------------------------------------------------------------
# bases
# ---------------------------------------------------------------------------
AUTH = {"京": "北京市通信管理局", "沪": "上海市通信管理局", "浙": "浙江省通信管理局", "粤": "广东省通信管理局",
        "川": "四川省通信管理局", "鄂": "湖北省通信管理局", "闽": "福建省通信管理局", "黔": "贵州省通信管理局",
        "桂": "广西壮族自治区通信管理局", "苏": "江苏省通信管理局", "皖": "安徽省通信管理局"}
MIIT = "中华人民共和国工业和信息化部"

ICP_X2 = ["信息服务业务（仅限互联网信息服务）", "不含信息搜索查询服务、信息即时交互服务。"]

STYLE_000 = dict(colon=": ", hdr_colon="：", md=False, pre_punct="half_sp", front_punct="half", scope_layout="inline",
                 date_fmt="sp", att_title="split", att_head_wrap=29, srv_wrap=27, prov_styles=["full", "full", "full"],
                 tv=dict(homepage="网站首页"))
STYLE_001 = dict(colon=":", hdr_colon=": ", md=False, pre_punct="half", front_punct="half", scope_layout="sp",
                 date_fmt="tight", date_next=True, note=False, prov_styles=["half", "half", "half_sp", "half"])
STYLE_002 = dict(colon=": ", hdr_colon="：", md=False, pre_punct="full", front_punct="full", scope_layout="below",
                 date_fmt="mix", att_title="one", att_num_split=True, att_head_end="：", prov_first_header=False,
                 prov_styles=["full", "full", "full", "full"])
STYLE_003 = dict(colon="：", hdr_colon=": ", md=True, pre_punct="full", front_punct="full", scope_layout="inline",
                 date_fmt="mix", att_title="md", att_num_split=True, att_head_wrap=28, att_head_end="：",
                 prov_styles=["half", "half", "half_sp", "half"], tv=dict(homepage="网站首页"))
STYLE_004 = dict(colon="：", hdr_colon=": ", md=True, pre_punct="full", front_punct="full", scope_layout="inline",
                 date_fmt="mix", att_title="two", prov_styles=["half", "half", "half_sp"],
                 tv=dict(netres="电信传输网络", changed="变更", acct="帐号"))


def base(style, **kw):
    d = dict(style)
    d.update(kw)
    return d


BASES = {
    "b01": base(STYLE_000, desc="provincial ICP (浙), template B, 附页 + undated watermark",
                number="浙B2-20230841", company="杭州澜石数智科技有限公司", rep="沈逸舟", scope=ICP_X2,
                authority=AUTH["浙"], issue=(2023, 6, 14), expiry=(2028, 6, 14), tpl="B", miit_title=False,
                sites=[("澜石数智", "lanshi-shuzhi.com", "浙江省杭州市余杭区仓前街道良睦路1399号2号楼数据中心", "杭州数澜网络服务有限公司")],
                watermark=["仅供澜石数智平台资质公示使用", "再次复印无效"]),
    "b02": base(STYLE_001, desc="ministry cross-regional SP (不含互联网信息服务, 全国), template A, re-issued",
                number="B2-20224417", company="南京沐川信息技术有限公司", rep="贺思远",
                scope=["信息服务业务（不含互联网信息服务）"], coverage="全国", authority=MIIT,
                issue=(2024, 8, 19), expiry=(2027, 4, 6), tpl="A", miit_title=True, sites=[]),
    "b03": base(STYLE_002, desc="legacy 京ICP证 form, renewed, template C (42号令 wording), two websites",
                number="京ICP证120458号", company="北京青砚文化传媒有限公司", rep="许安澜",
                scope=["信息服务业务（仅限互联网信息服务）", "不含信息搜索查询服务、信息社区平台服务、信息即时交互服务。"],
                authority=AUTH["京"], issue=(2022, 3, 18), expiry=(2027, 3, 18), tpl="C", miit_title=False,
                sites=[("青砚文化", "qingyan-wenhua.com", "北京市大兴区亦庄经济技术开发区博兴路8号B栋三层", "北京云岭互联科技有限公司"),
                       ("青砚书房", "qingyanshufang.com.cn", "北京市大兴区亦庄经济技术开发区博兴路8号B栋三层", "北京云岭互联科技有限公司")]),
    "b04": base(STYLE_003, desc="provincial EDI (在线数据处理与交易处理业务, 上海市), template A, no 附页",
                scope_layout="sp", note=False, number="沪B2-20220613", company="上海禾序供应链科技有限公司", rep="顾明哲",
                scope=["在线数据处理与交易处理业务（仅限经营类电子商务）"], coverage="上海市", authority=AUTH["沪"],
                issue=(2022, 9, 7), expiry=(2027, 9, 7), tpl="A", miit_title=False, sites=[]),
    "b05": base(STYLE_002, desc="provincial multi-business B1.B2 (IDC + ICP, 粤), template C",
                number="粤B1.B2-20230127", company="广州云岫网络科技有限公司", rep="梁景行",
                scope=["互联网数据中心业务（不含互联网资源协作服务）", "机房所在地为广州市；", "信息服务业务（仅限互联网信息服务）",
                       "不含信息即时交互服务。"], scope_wrap=20,
                authority=AUTH["粤"], issue=(2023, 2, 21), expiry=(2028, 2, 21), tpl="C", miit_title=False,
                sites=[("云岫云", "yunxiu-idc.com", "广东省广州市黄埔区科学城揽月路80号云岫数据中心", "广州云岫网络科技有限公司")]),
    "b06": base(STYLE_000, desc="provincial SP (川, 不含互联网信息服务, 四川省), template B",
                scope_layout="sp", note=False, number="川B2-20240062", company="成都栖云互动科技有限公司", rep="罗清越",
                scope=["信息服务业务（不含互联网信息服务）"], coverage="四川省", authority=AUTH["川"],
                issue=(2024, 4, 11), expiry=(2029, 4, 11), tpl="B", miit_title=False, sites=[],
                tv=dict(homepage="网站首页", neg="不得")),
    "b07": base(STYLE_004, desc="provincial ICP (鄂) re-issued after a change, template B, dated watermark",
                number="鄂B2-20220877", company="武汉鹿鸣书局网络科技有限公司", rep="田子墨", scope=ICP_X2,
                authority=AUTH["鄂"], issue=(2025, 5, 20), expiry=(2027, 3, 28), tpl="B", miit_title=False,
                sites=[("鹿鸣书局", "lumingshuju.com", "湖北省武汉市东湖新技术开发区光谷大道77号金融港B7栋", "武汉楚天云数据有限公司")],
                watermark=["仅供鹿鸣书局首页信息变更使用", "有效期至2026年12月31日", "再次复印无效"]),
    "b08": base(STYLE_001, desc="ministry cross-regional EDI + SP (全国), template C",
                number="B2-20236021", company="深圳翎羽数据服务有限公司", rep="钟予安",
                scope=["在线数据处理与交易处理业务（仅限经营类电子商务）、信息服务业务（不含互联网信息服务）"], coverage="全国",
                authority=MIIT, issue=(2023, 11, 2), expiry=(2028, 11, 2), tpl="C", miit_title=True, sites=[],
                prov_styles=["half", "half", "half", "half"]),
    "b09": base(STYLE_003, desc="provincial ICP (闽), new, template C, two websites",
                number="闽B2-20250318", company="厦门鹭岛拾光网络科技有限公司", rep="陈屿白",
                scope=["信息服务业务（仅限互联网信息服务）", "不含信息即时交互服务。"],
                authority=AUTH["闽"], issue=(2025, 4, 3), expiry=(2030, 4, 3), tpl="C", miit_title=False,
                sites=[("鹭岛拾光", "ludaoshiguang.com.cn", "福建省厦门市集美区软件园三期诚毅北大街数据中心", "厦门鹭网信息技术有限公司"),
                       ("拾光社区", "shiguangshe.net", "福建省厦门市集美区软件园三期诚毅北大街数据中心", "厦门鹭网信息技术有限公司")]),
    "b10": base(STYLE_000, desc="provincial ICP (黔 prefix), template B",
                number="黔B2-20240195", company="贵阳数谷星桥科技有限公司", rep="杨知远",
                scope=["信息服务业务（仅限互联网信息服务）", "不含信息搜索查询服务。"],
                authority=AUTH["黔"], issue=(2024, 7, 22), expiry=(2029, 7, 22), tpl="B", miit_title=False,
                sites=[("星桥数谷", "xingqiaoshugu.cn", "贵州省贵安新区大数据产业园数据中心4号楼", "贵州数桥云计算有限公司")],
                watermark=["仅供星桥数谷平台资质审核使用", "再次复印无效"]),
    "b11": base(STYLE_002, desc="provincial ICP (桂, 自治区 authority), template A",
                number="桂B2-20230290", company="南宁邕江万象网络科技有限公司", rep="韦朗清", scope=ICP_X2,
                authority=AUTH["桂"], issue=(2023, 9, 5), expiry=(2028, 9, 5), tpl="A", miit_title=False,
                prov_styles=["full", "full", "half_sp", "half"],
                sites=[("邕江生活", "yongjiangshenghuo.com", "广西壮族自治区南宁市良庆区五象新区秋月路18号数据中心", "南宁桂网数据服务有限公司")]),
}

# ---------------------------------------------------------------------------
# spec-level consistency checks (used to make sure bases are clean and that a
# spec-level forgery breaks only what it is meant to break)
# ---------------------------------------------------------------------------
NUM_RE = re.compile(r"^(?P<prov>[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇藏陕甘青宁新]|合字)?"
                    r"(?P<cats>[AB][12](?:\.[AB][12])*)-(?P<year>\d{4})(?P<seq>\d{4})$")
LEG_RE = re.compile(r"^(?P<prov>[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇藏陕甘青宁新])ICP证(?P<yy>\d{2})\d{4}号$")


def spec_problems(s) -> set[str]:
    p = set()
    num = s["number"]
    m, lg = NUM_RE.match(num), LEG_RE.match(num)
    if not (m or lg):
        p.add("num_format")
        return p
    if m:
        cats = m["cats"].split(".")
        if cats != sorted(set(cats)):
            p.add("cat_order")
        prov, year = m["prov"], int(m["year"])
    else:
        prov, year = lg["prov"], 2000 + int(lg["yy"])
        if not any("仅限互联网信息服务" in x for x in s["scope"]) or any("在线数据" in x for x in s["scope"]):
            p.add("legacy_scope")
    if prov is None:
        if s["authority"] not in (MIIT, None, ""):
            p.add("authority")
        if not s["miit_title"]:
            p.add("kind_title")
    else:
        if s["authority"] not in (AUTH.get(prov), None, ""):
            p.add("authority")
        if s["miit_title"]:
            p.add("kind_title")
    for k in ("issue", "expiry"):
        if not valid_date(s[k]):
            p.add("bad_date")
    if "bad_date" in p:
        return p
    iss, exp, asof = dt.date(*s["issue"]), dt.date(*s["expiry"]), dt.date(*AS_OF)
    if iss > asof:
        p.add("future_issue")
    if exp <= asof:
        p.add("expired")
    if exp <= iss:
        p.add("order")
    try:
        five = dt.date(iss.year + 5, iss.month, iss.day)
    except ValueError:
        five = dt.date(iss.year + 5, 3, 1)
    if exp > five:
        p.add("too_long")
    if year > iss.year:
        p.add("num_year_after_issue")
    if (exp.year - year) % 5:
        p.add("cycle")
    if exp < five and iss.year <= year:
        p.add("reissue_year")
    for w in s.get("watermark") or []:
        mm = re.search(r"有效期至(\d{4})年(\d{1,2})月(\d{1,2})日", w)
        if mm:
            wd = tuple(int(x) for x in mm.groups())
            if not valid_date(wd):
                p.add("wm_bad_date")
            elif not (iss <= dt.date(*wd) <= exp):
                p.add("wm_range")
    sc = "".join(s["scope"])
    if prov is not None and (s.get("coverage") or "") == "全国":
        p.add("coverage")
    if s.get("sites") and "仅限互联网信息服务" not in sc:
        p.add("sites_without_icp")
    return p


# ---------------------------------------------------------------------------
# variants
# ---------------------------------------------------------------------------
V: list[dict] = []


def add(base_id, kind, family, what, spec=None, post=(), needles=(), render_opts=None, expect=(), ext=None):
    V.append(dict(base=base_id, kind=kind, family=family, what=what, spec=spec or {}, post=list(post),
                  needles=list(needles), ropts=render_opts or {}, expect=set(expect), ext=ext))


# --- clean bases (harmless)
for bid, b in BASES.items():
    add(bid, "harmless", "meaning", f"clean base licence: {b['desc']}")

# --- harmless surface variants
B = BASES
add("b01", "harmless", "surface", "OCR spacing between every CJK character everywhere, also inside the number (浙 B2 - 2023 0841) and dates",
    post=[ocr_space])
add("b09", "harmless", "surface", "page footers '第 N 页 共 M 页' inserted at every page break, two of them in the middle of a clause",
    render_opts=dict(footer="cn"))
add("b11", "harmless", "surface", "page footers '- N -' at every page break, including mid-clause breaks", render_opts=dict(footer="dash"))
add("b10", "harmless", "surface", "page footers 'N/M' at every page break, including mid-clause breaks", render_opts=dict(footer="frac"))
add("b06", "harmless", "surface", "licence title repeated at the top of every page", render_opts=dict(title_repeat=True))
add("b07", "harmless", "surface", "uploader's note before the licence text",
    post=[prepend("以下为我司增值电信业务经营许可证扫描件，请审核。\n上传人：武汉鹿鸣书局网络科技有限公司 行政部\n\n")])
add("b03", "harmless", "surface", "uploader's note after the licence text",
    post=[append("\n\n——以上为我司许可证复印件，与原件一致，如有疑问请联系我司法务部。\n")])
add("b02", "harmless", "surface", "front-page fields given as a markdown table", spec=dict(layout="table"), ext=".md")
add("b05", "harmless", "surface", "tabs instead of colons after the field labels", post=[lambda t: label_sep(t, "\t")])
add("b04", "harmless", "surface", "several spaces instead of colons after the field labels", post=[lambda t: label_sep(t, "    ")])
add("b09", "harmless", "surface", "label and value on separate lines for every field", post=[lambda t: label_sep(t, "\n")])
add("b01", "harmless", "surface", "no blank lines at all", post=[no_blank])
add("b10", "harmless", "surface", "very short hard wraps (16 characters), numbers and domains kept intact", post=[lambda t: short_wrap(t, 16)])
add("b07", "harmless", "surface", "very long lines: scope block, attachment header and watermark each joined on one line",
    spec=dict(scope=["信息服务业务（仅限互联网信息服务）不含信息搜索查询服务、信息即时交互服务。【依法须经批准的项目，经相关部门批准后方可开展相应经营活动】"],
              note=False, watermark=["仅供鹿鸣书局首页信息变更使用 有效期至2026年12月31日 再次复印无效"]))
add("b11", "harmless", "surface", "issue and expiry dates written in Chinese numerals (二〇二三年九月五日)", spec=dict(date_fmt="cn"))
add("b06", "harmless", "surface", "full-width digits and letters in the number (川Ｂ２－２０２４００６２), dates and clause text",
    post=[lambda t: fw_digits(t, "川B2-20240062")])
add("b09", "harmless", "surface", "partial copy: front page only", render_opts=dict(cut="front"))
add("b02", "harmless", "surface", "partial copy: special provisions pages only",
    render_opts=dict(cut="prov"))
add("b05", "harmless", "surface", "all full-width punctuation turned into half-width", post=[to_half_punct])
add("b08", "harmless", "surface", "number separators as full-width hyphen and em dash (B2－20236021, B2—20236021)",
    post=[rep("B2-20236021", "B2－20236021", 2), lambda t: t.replace("B2-20236021", "B2—20236021")])
add("b03", "harmless", "surface", "OCR spacing in the number (front page and attachment header: 京ICP证 120458 号) and in the front-page dates (2022 年 03 月 18 日)",
    post=[rep("京ICP证120458号", "京ICP证 120458 号", 2), rep("2022年 03月 18日", "2022 年 03 月 18 日"), rep("2027年 03月 18日", "2027 年 03 月 18 日")])
add("b02", "harmless", "surface", "annotation '(全网)' glued after the number on the front page",
    post=[rep("经营许可证编号:B2-20224417\n", "经营许可证编号:B2-20224417(全网)\n")])
add("b09", "harmless", "surface", "发证机关 left empty (seal not transcribed), as in the genuine seeds", spec=dict(authority=""))
add("b11", "harmless", "surface", "Windows CRLF line endings", post=[lambda t: t.replace("\n", "\r\n")])
add("b07", "harmless", "surface", "different valid watermark wording (本复印件仅供…他用无效, dated within validity)",
    spec=dict(watermark=["本复印件仅供鹿鸣书局网站备案核验使用", "他用无效", "有效期至2027年1月31日"]))
# --- harmless meaning variants
add("b01", "harmless", "meaning", "re-issued after a change of legal representative: later issue date, same expiry",
    spec=dict(issue=(2025, 9, 2), rep="周以宁"))
add("b10", "harmless", "meaning", "different valid exclusions: all four non-publishing B25 sub-types excluded",
    spec=dict(scope=["信息服务业务（仅限互联网信息服务）", "不含信息搜索查询服务、信息社区平台服务、信息即时交互服务和信息保护和处理服务。"]))
add("b03", "harmless", "meaning", "more websites in the attachment (four sites, .net/.org/.net.cn suffixes)",
    spec=dict(sites=B["b03"]["sites"] + [("青砚", "qingyan.net", "北京市大兴区亦庄经济技术开发区博兴路8号B栋三层", "北京云岭互联科技有限公司"),
                                          ("青砚公益", "qingyan-gongyi.org", "北京市海淀区北四环西路66号中关村数据中心", "北京云岭互联科技有限公司"),
                                          ("青砚读书会", "dushu.qingyan.net.cn", "北京市海淀区北四环西路66号中关村数据中心", "北京云岭互联科技有限公司")]))
add("b11", "harmless", "meaning", "ICP scope without any exclusion", spec=dict(scope=["信息服务业务（仅限互联网信息服务）"]))
add("b01", "harmless", "meaning", "renewed licence of a 2018 number: new five-year window 2023-05-10..2028-05-10",
    spec=dict(number="浙B2-20180233", issue=(2023, 5, 10), expiry=(2028, 5, 10)))
add("b09", "harmless", "meaning", "pre-2016 number (苏B2-2013…) renewed in 2023 (expiry year = number year + 15), 苏 authority",
    spec=dict(number="苏B2-20130417", authority=AUTH["苏"], company="苏州拾光云帆网络科技有限公司",
              issue=(2023, 8, 1), expiry=(2028, 8, 1),
              sites=[("云帆拾光", "yunfanshiguang.com", "江苏省苏州市工业园区星湖街328号数据中心", "苏州工业园区云桥网络有限公司")]))
add("b06", "harmless", "meaning", "provincial SP licence that also grants 国内呼叫中心业务 (B24, second class like B25) in the same province",
    spec=dict(scope=["信息服务业务（不含互联网信息服务）、国内呼叫中心业务"]))

# --- forged: number
add("b06", "forged", "number", "number has only 7 digits after the dash (川B2-2024062) on every page",
    post=[lambda t: t.replace("川B2-20240062", "川B2-2024062")], needles=["川B2-2024062"])
add("b09", "forged", "number", "non-existent category code B3 in the number (闽B3-20250318)",
    post=[lambda t: t.replace("闽B2-20250318", "闽B3-20250318")], needles=["闽B3-20250318"])
add("b01", "forged", "number", "number prefix 皖 (Anhui) while the issuing authority is 浙江省通信管理局",
    spec=dict(number="皖B2-20230841"), needles=["皖B2-20230841", "浙江省通信管理局"], expect={"authority"})
add("b10", "forged", "number", "front-page number 黔B2-20240159 differs from the number on the attachment and provisions pages (黔B2-20240195)",
    post=[rep("经营许可证编号: 黔B2-20240195", "经营许可证编号: 黔B2-20240159")], needles=["黔B2-20240159", "黔B2-20240195"])
add("b09", "forged", "number", "number year 2026 is after the issue date 2025-04-03",
    spec=dict(number="闽B2-20260318"), needles=["闽B2-20260318", "发证日期"], expect={"num_year_after_issue", "cycle"})
add("b04", "forged", "number", "number year 2021 out of cycle with a fresh five-year validity 2022-09-07..2027-09-07",
    spec=dict(number="沪B2-20210613"), needles=["沪B2-20210613", "有效期至"], expect={"cycle"})
add("b03", "forged", "number", "legacy 京ICP证 number granting 在线数据处理与交易处理业务, which an ICP证 cannot carry",
    spec=dict(scope=["在线数据处理与交易处理业务（仅限经营类电子商务）"], sites=[]),
    needles=["在线数据处理与交易处理业务", "经营许可证编号: 京ICP证120458号"], expect={"legacy_scope"})
add("b01", "forged", "number", "an ICP filing number (浙ICP备2023018841号) given as the licence number",
    post=[lambda t: t.replace("浙B2-20230841", "浙ICP备2023018841号")], needles=["浙ICP备2023018841号"])
add("b05", "forged", "number", "combined category codes not in ascending order (粤B2.B1-20230127)",
    post=[lambda t: t.replace("粤B1.B2-20230127", "粤B2.B1-20230127")], needles=["粤B2.B1-20230127"])

# --- forged: dates
add("b06", "forged", "dates", "validity one day longer than five years (2024-04-11 to 2029-04-12)",
    spec=dict(expiry=(2029, 4, 12)), needles=["发证日期", "有效期至"], expect={"too_long"})
add("b02", "forged", "dates", "expiry 2024-04-06 lies before the issue date 2024-08-19 (year typed wrong)",
    spec=dict(expiry=(2024, 4, 6)), needles=["2024年04月06日", "有效期至", "2024年08月19日", "发证日期"],
    expect={"order", "expired", "cycle"})
add("b09", "forged", "dates", "issue date 2026-12-08 is after the as-of date 2026-11-25",
    spec=dict(number="闽B2-20261127", issue=(2026, 12, 8), expiry=(2031, 12, 8)), needles=["发证日期"], expect={"future_issue"})
add("b11", "forged", "dates", "impossible issue date 2023-02-29 (2023 is not a leap year)",
    spec=dict(issue=(2023, 2, 29), expiry=(2028, 2, 29)), needles=["发证日期"], expect={"bad_date"})
add("b01", "forged", "dates", "watermark 有效期至2023年3月31日 lies before the issue date 2023-06-14",
    spec=dict(watermark=["仅供澜石数智平台资质公示使用", "有效期至2023年3月31日", "再次复印无效"]),
    needles=["有效期至2023年3月31日", "发证日期"], expect={"wm_range"})
add("b07", "forged", "dates", "re-issued licence with expiry moved to 2028-03-28, breaking the number-year + 5 cycle of 鄂B2-2022…",
    spec=dict(expiry=(2028, 3, 28)), needles=["有效期至：2028", "经营许可证编号：鄂B2-20220877"], expect={"cycle"})
add("b03", "forged", "dates", "impossible issue date in Chinese numerals (二〇二二年四月三十一日)",
    spec=dict(date_fmt="cn", issue=(2022, 4, 31), expiry=(2027, 4, 30)), needles=["二〇二二年四月三十一日"], expect={"bad_date"})

# --- forged: scope
add("b10", "forged", "scope", "scope adds 网络文化经营业务, which is not a business of the telecom catalogue",
    spec=dict(scope=["信息服务业务（仅限互联网信息服务）、网络文化经营业务", "不含信息搜索查询服务。"]), needles=["网络文化经营业务"])
add("b04", "forged", "scope", "内容分发网络业务 (B12, first class) under a B2 number of 2022",
    spec=dict(scope=["内容分发网络业务"]), needles=["内容分发网络业务", "经营许可证编号：沪B2-20220613"])
add("b01", "forged", "scope", "front-page ICP scope lacks the 仅限互联网信息服务 qualifier although websites are listed",
    spec=dict(scope=["信息服务业务", "不含信息搜索查询服务、信息即时交互服务。"]),
    needles=["及覆盖范围: 信息服务业务\n", "获准经营信息服务业务(仅限互联网信"], expect={"sites_without_icp"})
add("b09", "forged", "scope", "exclusion turned into an inclusion: '含信息即时交互服务' instead of '不含…'",
    spec=dict(scope=["信息服务业务（仅限互联网信息服务）", "含信息即时交互服务。"]), needles=["含信息即时交互服务"])
add("b07", "forged", "scope", "attachment header says 不含互联网信息服务 while the front page grants 仅限互联网信息服务",
    spec=dict(att_scope="信息服务业务(不含互联网信息服务)"), needles=["获准经营信息服务业务(不含互联网信息服务)", "仅限互联网信息服务）"])
add("b06", "forged", "scope", "provincial 川B2 licence with coverage 全国",
    spec=dict(coverage="全国"), needles=["(服务项目)全国", "经营许可证编号: 川B2-20240062"], expect={"coverage"})
add("b11", "forged", "scope", "exclusion names 网络出版服务, which is not a sub-type of 信息服务业务",
    spec=dict(scope=["信息服务业务（仅限互联网信息服务）", "不含信息搜索查询服务、网络出版服务。"]), needles=["网络出版服务"])
add("b06", "forged", "scope", "pre-2016 scope wording (不含固定网电话信息服务和互联网信息服务) on a 2024 number",
    spec=dict(scope=["信息服务业务（不含固定网电话信息服务和互联网信息服务）"]), needles=["不含固定网电话信息服务和互联网信息服务"])

# --- forged: authority
add("b01", "forged", "authority", "发证机关 江苏省通信管理局 for a 浙B2 licence",
    spec=dict(authority=AUTH["苏"]), needles=["江苏省通信管理局", "经营许可证编号: 浙B2-20230841"], expect={"authority"})
add("b02", "forged", "authority", "cross-regional (ministry) licence signed by 北京市通信管理局",
    spec=dict(authority=AUTH["京"]), needles=["北京市通信管理局", "经营许可证编号:B2-20224417"], expect={"authority"})
add("b09", "forged", "authority", "non-existent authority 福建省通信管理委员会",
    spec=dict(authority="福建省通信管理委员会"), needles=["福建省通信管理委员会"], expect={"authority"})
add("b10", "forged", "authority", "provincial 黔B2 licence (no 跨地区) signed by 工业和信息化部",
    spec=dict(authority=MIIT), needles=["中华人民共和国工业和信息化部", "经营许可证编号: 黔B2-20240195"], expect={"authority"})
add("b11", "forged", "authority", "non-existent authority 广西省通信管理局 (Guangxi is an autonomous region)",
    spec=dict(authority="广西省通信管理局"), needles=["广西省通信管理局"], expect={"authority"})

# --- forged: wording
add("b04", "forged", "wording", "preamble cites the non-existent 《中华人民共和国电信法》",
    spec=dict(law="《中华人民共和国电信法》"), needles=["《中华人民共和国电信法》"])
add("b08", "forged", "wording", "ministry licence (no prefix) whose preamble lacks 跨地区",
    spec=dict(miit_title=False), needles=["特颁发增值电信业务经营许可证", "经营许可证编号:B2-20236021"], expect={"kind_title"})
add("b06", "forged", "wording", "variant glyph 經 in the title (增值电信业务經营许可证)",
    spec=dict(title="中华人民共和国 增值电信业务經营许可证"), needles=["經营许可证"])
add("b07", "forged", "wording", "variant glyph 証 in one page-header label (经营许可証编号)",
    post=[rep_nth("经营许可证编号: 鄂B2-20220877", "经营许可証编号: 鄂B2-20220877", 3)], needles=["经营许可証编号"])
add("b05", "forged", "wording", "changed word in the title: 增值电信业务运营许可证",
    spec=dict(title="中华人民共和国 增值电信业务运营许可证"), needles=["增值电信业务运营许可证"])
add("b09", "forged", "wording", "traditional glyph 電 in the attachment title (增值電信业务经营许可证)",
    post=[rep("## 中华人民共和国增值电信业务经营许可证 (附 页)", "## 中华人民共和国增值電信业务经营许可证 (附 页)")],
    needles=["增值電信业务"])
add("b02", "forged", "wording", "preamble grants 基础电信业务 instead of 增值电信业务",
    spec=dict(preamble_biz="基础电信业务"), needles=["经营基础电信业务"])

# --- forged: provisions
add("b01", "forged", "provisions", "clause 十四 carries the text of clause 十 (技术接口和解密) instead of the 年报 obligation",
    spec=dict(para_edit=[("m十四", MAIN_COMMON["十四"], TEN_BC)]), needles=["十四、你公司应按照有关法律法规要求"])
add("b09", "forged", "provisions", "extra clause 十六 after the template's last item",
    spec=dict(insert=[("s十四", ("m十六", "十六", "你公司应当于每年年底前向发证机关报送网络与信息安全责任书，并接受发证机关的年度考核。"))]),
    needles=["十六、你公司应当于每年年底前"])
add("b10", "forged", "provisions", "template B (ends at sub-item (十三)) extended with an invented sub-item (十四) for 信息保护和处理服务",
    spec=dict(insert=[("s十三", ("s十四", "十四", "（适用于信息保护和处理服务）你公司提供信息保护和处理服务时，应当按照电信主管部门要求，建立用户数据分级分类保护制度，不得将用户数据用于约定以外的用途。"))]),
    needles=["(十四) (适用于信息保护和处理服务)"])
add("b11", "forged", "provisions", "clause 七 cites 工业和信息化部令第42号 for 电信和互联网用户个人信息保护规定 (should be 第24号)",
    spec=dict(para_edit=[("m七", "令第24号", "令第42号")]), needles=["令第42号"])
add("b06", "forged", "provisions", "clause 六 gives the wrong title 《通信网络安全防护管理规定》 for 令第11号",
    spec=dict(para_edit=[("m六", "《通信网络安全防护管理办法》", "《通信网络安全防护管理规定》")]), needles=["《通信网络安全防护管理规定》"])
add("b03", "forged", "provisions", "clause 十二 lost the sentence on reporting 90 days before ceasing business (不再继续经营的…做好善后工作)",
    spec=dict(para_edit=[("m十二", "提出延续经营许可证的申请；不再继续经营的，应当提前90日向原发证机关报告，并做好善后工作。", "提出延续经营许可证的申请。")]),
    needles=["十二、你公司遇有工商登记的住所"])
add("b02", "forged", "provisions", "clause 二 lost the obligation to display the licence number (你公司应当在公司主要经营场所…标明经营许可证编号)",
    spec=dict(para_edit=[("m二", "你公司应当在公司主要经营场所、网站主页、业务宣传手册等显著位置标明经营许可证编号。", "")]),
    needles=["二、你公司应当按照许可的业务种类"])
add("b05", "forged", "provisions", "clause 十二 renewal deadline changed from 提前90日 to 提前30日",
    spec=dict(para_edit=[("m十二", "应当提前90日向原发证机关提出延续", "应当提前30日向原发证机关提出延续")]), needles=["提前30日向原发证机关提出延续"])
add("b07", "forged", "provisions", "clause 九 reporting deadline changed from 10 to 30 working days (split across a page break)",
    spec=dict(para_edit=[("m九", "处置后的10个工作日内", "处置后的30个工作日内")]), needles=["30个工作日内"])
add("b04", "forged", "provisions", "clause 十 missing: numbering jumps from 九 to 十一",
    spec=dict(drop=["m十"]), needles=["九、你公司应当配合国家有关部门", "十一、你公司或者经你公司授权"])

# --- forged: watermark
add("b01", "forged", "watermark", "watermark lacks its purpose ('仅供使用')",
    spec=dict(watermark=["仅供使用", "再次复印无效"]), needles=["仅供使用"])
add("b07", "forged", "watermark", "watermark 有效期至2027年9月30日 is after the licence expiry 2027-03-28",
    spec=dict(watermark=["仅供鹿鸣书局首页信息变更使用", "有效期至2027年9月30日", "再次复印无效"]),
    needles=["有效期至2027年9月30日", "有效期至：2027"], expect={"wm_range"})
add("b10", "forged", "watermark", "watermark carries a different licence number (黔B2-20240915)",
    spec=dict(watermark=["仅供黔B2-20240915星桥数谷平台资质审核使用", "再次复印无效"]), needles=["黔B2-20240915"])
add("b09", "forged", "watermark", "watermark 有效期至 is an impossible date (2027年2月29日)",
    spec=dict(watermark=["仅供鹭岛拾光平台资质审核使用", "有效期至2027年2月29日", "再次复印无效"]),
    needles=["有效期至2027年2月29日"], expect={"wm_bad_date"})
add("b07", "forged", "watermark", "watermark 有效期至2025年4月30日 predates the re-issue date 2025-05-20",
    spec=dict(watermark=["仅供鹿鸣书局首页信息变更使用", "有效期至2025年4月30日", "再次复印无效"]),
    needles=["有效期至2025年4月30日", "发证日期"], expect={"wm_range"})

# --- forged: domain / company
add("b09", "forged", "domain", "second website domain has the fake public suffix .cnn",
    spec=dict(sites=[B["b09"]["sites"][0], ("拾光社区", "shiguangshe.cnn") + B["b09"]["sites"][1][2:]]), needles=["shiguangshe.cnn"])
add("b03", "forged", "domain", "second website domain has the fake public suffix .comm",
    spec=dict(sites=[B["b03"]["sites"][0], ("青砚书房", "qingyanshufang.comm") + B["b03"]["sites"][1][2:]]), needles=["qingyanshufang.comm"])
add("b10", "forged", "domain", "domain with an underscore in the host name (xingqiao_shugu.cn)",
    spec=dict(sites=[("星桥数谷", "xingqiao_shugu.cn") + B["b10"]["sites"][0][2:]]), needles=["xingqiao_shugu.cn"])
add("b07", "forged", "domain", "domain label starting with a hyphen (-lumingshuju.com)",
    spec=dict(sites=[("鹿鸣书局", "-lumingshuju.com") + B["b07"]["sites"][0][2:]]), needles=["-lumingshuju.com"])
add("b05", "forged", "domain", "domain with an empty label (yunxiu-idc..com)",
    spec=dict(sites=[("云岫云", "yunxiu-idc..com") + B["b05"]["sites"][0][2:]]), needles=["yunxiu-idc..com"])
add("b01", "forged", "domain", "company name in the special-provisions preamble (…股份有限公司) differs from the front page",
    spec=dict(prov_company="杭州澜石数智科技股份有限公司"), needles=["杭州澜石数智科技股份有限公司", "公司名称: 杭州澜石数智科技有限公司"])


# ---------------------------------------------------------------------------
# build
# ---------------------------------------------------------------------------

def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def main() -> int:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    rng = random.Random(20261125)
    ids = list(range(1, len(V) + 1))
    rng.shuffle(ids)
    problems = []
    entries = []
    for v, nid in zip(V, ids):
        s = dict(BASES[v["base"]])
        s.update(v["spec"])
        sp = spec_problems(s)
        if v["kind"] == "harmless" and sp:
            problems.append(f"harmless {v['base']} {v['what']}: spec problems {sp}")
        if v["kind"] == "forged" and sp != v["expect"]:
            problems.append(f"forged {v['base']} {v['what']}: spec problems {sp} != expected {v['expect']}")
        text = finalize(render(s), **v["ropts"])
        for f in v["post"]:
            text = f(text)
        ext = v["ext"] or (".md" if s["md"] else ".txt")
        name = f"lic_{nid:03d}{ext}"
        (OUT / name).write_bytes(text.encode("utf-8"))
        lines = text.split("\n")
        hit = []
        for needle in v["needles"]:
            if "\n" in needle:        # needle spanning an end of line: anchor on its first line
                found = [i + 1 for i in range(len(lines)) if (lines[i] + "\n").find(needle) >= 0]
            else:
                found = [i + 1 for i, ln in enumerate(lines) if needle in ln]
            if not found:
                problems.append(f"{name}: needle {needle!r} not found")
            hit += found
        hit = sorted(set(hit))
        if v["kind"] == "forged" and not hit:
            problems.append(f"{name}: forged copy without lines")
        entries.append(dict(file=name, kind=v["kind"], family=v["family"], as_of=AS_OF_S, lines=hit,
                            what=v["what"], needles=v["needles"], base=v["base"]))
    entries.sort(key=lambda e: e["file"])
    with open(HERE / "manifest.toml", "w", encoding="utf-8") as fh:
        fh.write("# Held-out evaluation set for the licence linter; generated by make.py, do not edit by hand.\n")
        fh.write(f"# {len(entries)} copies; as_of is the evaluation date for every copy.\n\n")
        for e in entries:
            fh.write("[[copy]]\n")
            fh.write(f"file = {toml_str(e['file'])}\n")
            fh.write(f"kind = {toml_str(e['kind'])}\n")
            fh.write(f"family = {toml_str(e['family'])}\n")
            fh.write(f"as_of = {toml_str(e['as_of'])}\n")
            fh.write(f"lines = [{', '.join(str(x) for x in e['lines'])}]\n")
            fh.write(f"what = {toml_str(e['what'])}\n")
            fh.write(f"# derived from base {e['base']}\n\n")
    # ---- self-check: reread manifest and files
    man = tomllib.loads((HERE / "manifest.toml").read_text(encoding="utf-8"))
    fams = {"harmless": {"surface", "meaning"},
            "forged": {"number", "dates", "scope", "authority", "wording", "provisions", "watermark", "domain"}}
    by_file = {e["file"]: e for e in entries}
    for c in man["copy"]:
        p = OUT / c["file"]
        if not p.exists():
            problems.append(f"missing file {c['file']}")
            continue
        if c["family"] not in fams[c["kind"]]:
            problems.append(f"{c['file']}: bad family {c['family']}")
        lines = p.read_bytes().decode("utf-8").split("\n")
        needles = by_file[c["file"]]["needles"]
        for ln in c["lines"]:
            if not 1 <= ln <= len(lines):
                problems.append(f"{c['file']}: line {ln} out of range")
                continue
            row = lines[ln - 1] + "\n"
            if not any((nd if "\n" in nd else nd) in row for nd in needles):
                problems.append(f"{c['file']}: line {ln} does not contain the defect: {row!r}")
        if c["kind"] == "harmless" and c["lines"]:
            problems.append(f"{c['file']}: harmless copy with lines")
    counts: dict[tuple[str, str], int] = {}
    for c in man["copy"]:
        counts[(c["kind"], c["family"])] = counts.get((c["kind"], c["family"]), 0) + 1
    for (k, f), n in sorted(counts.items()):
        print(f"{k:9s} {f:11s} {n}")
    print("total", len(man["copy"]))
    for f in fams["forged"]:
        if counts.get(("forged", f), 0) < 4:
            problems.append(f"family {f} has fewer than 4 forged copies")
    if problems:
        print("SELF-CHECK FAILED:")
        for p in problems:
            print("  ", p)
        return 1
    print("self-check ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
