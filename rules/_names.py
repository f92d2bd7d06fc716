"""Chinese surnames, to tell a person's name from an organisation's, for the COM rules."""

from __future__ import annotations

#: The most common single-character surnames (together, some nine in ten people): the hundred of
#: 公安部户政管理研究中心《二〇二〇年全国姓名报告》's list, and a few more of the 百家姓.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏"
    "苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚"
    "邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪牛樊葛邢安齐庞颜倪温芦俞章鲁岳翟殷申柳左"
)
#: Two-character surnames of the 百家姓 still in use.
COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "诸葛", "上官", "东方", "慕容", "令狐", "皇甫", "尉迟", "公孙", "长孙", "司徒"}
)
#: Words of an organisation's name (a company, an administration, a carrier, a brand of one).
_ORGANISATION_CHARS = frozenset("司局院所部厅站社网")
_ORGANISATION_WORDS = (
    "电信", "联通", "移动", "通信", "数据", "科技", "信息", "互联", "集团", "中心", "广电", "铁通",
)  # fmt: skip


def is_person_name(name: str) -> bool:
    """Whether ``name`` (compact: no spaces) reads as a person's Chinese name: two to four CJK
    characters after a common surname, and no word of an organisation's name."""
    if not 2 <= len(name) <= 4 or not all("\u3400" <= c <= "\u9fff" for c in name):
        return False
    if any(c in _ORGANISATION_CHARS for c in name) or any(w in name for w in _ORGANISATION_WORDS):
        return False
    if len(name) >= 3 and name.endswith("云"):
        return False  # a cloud's brand (金山云, 华为云)
    return name[:2] in COMPOUND_SURNAMES or name[0] in SURNAMES
