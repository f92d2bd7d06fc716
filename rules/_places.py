"""Province and city names a company name may begin with, by license prefix.

Source: the administrative divisions of the People's Republic of China (provinces and
prefecture-level cities; a selection of the larger cities). Used by NUM008.
"""

from liclint.text.grammar import FOREIGN, PROVINCE_NAMES, fold

_PLACES = {
    "京": "北京",
    "津": "天津",
    "沪": "上海",
    "渝": "重庆",
    "冀": "河北 石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水",
    "晋": "山西 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
    "蒙": "内蒙古 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布",
    "辽": "辽宁 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛",
    "吉": "吉林 长春 四平 辽源 通化 白山 松原 白城 延边",
    "黑": "黑龙江 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化",
    "苏": "江苏 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁",
    "浙": "浙江 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水",
    "皖": "安徽 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
    "闽": "福建 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德",
    "赣": "江西 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
    "鲁": "山东 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
    "豫": "河南 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店",
    "鄂": "湖北 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施",
    "湘": "湖南 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底",
    "粤": "广东 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮",
    "桂": "广西 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
    "琼": "海南 海口 三亚 三沙 儋州",
    "川": "四川 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳",
    "黔": "贵州 贵阳 六盘水 遵义 安顺 毕节 铜仁",
    "滇": "云南 昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧",
    "藏": "西藏 拉萨 日喀则 昌都 林芝 山南 那曲",
    "陕": "陕西 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
    "甘": "甘肃 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南",
    "青": "青海 西宁 海东",
    "宁": "宁夏 银川 石嘴山 吴忠 固原 中卫",
    "新": "新疆 乌鲁木齐 克拉玛依 吐鲁番 哈密 喀什 伊犁",
}

#: Place name -> license prefix, longest names first so that 内蒙古 wins over shorter names.
PLACES = sorted(
    ((name, prefix) for prefix, names in _PLACES.items() for name in names.split()),
    key=lambda item: -len(item[0]),
)


def province_of(company: str) -> tuple[str, str] | None:
    """The (place, prefix) a company name begins with, if it begins with a known place."""
    for name, prefix in PLACES:
        if company.startswith(name):
            return name, prefix
    return None


#: The issuing authority of each license prefix: the provincial communications administration
#: (通信管理局) of the province, by its official name. Source: the names of the 31 provincial
#: communications administrations set up under MIIT (《中华人民共和国电信条例》 art. 3).
AUTHORITIES = {prefix: f"{name}通信管理局" for prefix, name in PROVINCE_NAMES.items()}
MINISTRY = "工业和信息化部"
#: Short forms a seal or note may use (广东省 → 广东, 广西壮族自治区 → 广西).
SHORT_NAMES = {prefix: _PLACES[prefix].split()[0] for prefix in PROVINCE_NAMES}


def issuer(doc) -> tuple[str | None, str] | None:
    """Who issues the copy's license number: (its province prefix, or None for the ministry;
    the authority's name), or None for a copy without a license number or with an unknown
    prefix (NUM002's). The ministry issues the numbers without a prefix (cross-regional) and
    the 合字 numbers of foreign-invested companies."""
    number = doc.number
    if number is None or number.parsed is None or number.parsed.kind == "filing":
        return None
    prefix = number.parsed.prefix
    if prefix is None or prefix == FOREIGN:
        return None, MINISTRY
    if prefix not in AUTHORITIES:
        return None
    return prefix, AUTHORITIES[prefix]


def authority_prefix(name: str) -> str | None:
    """The license prefix of the authority a name designates: a province's abbreviation, "" for
    the ministry (工业和信息化部, formerly 信息产业部), None if it names no known authority. The
    name is read as folded (a compatibility ideograph reads as the plain character)."""
    name = "".join(fold(name).split())
    if "工业和信息化部" in name or "信息产业部" in name:
        return ""
    if "通信管理局" not in name:
        return None
    head = name[: name.index("通信管理局")]
    for prefix, short in sorted(SHORT_NAMES.items(), key=lambda item: -len(item[1])):
        if head.endswith(PROVINCE_NAMES[prefix]) or head.endswith(short):
            return prefix
    return None


def same_authority(a: str, b: str) -> bool:
    """Whether two printed names designate the same issuing authority: by the authority they
    name (中华人民共和国工业和信息化部, 工业和信息化部 and 信息产业部 are the ministry; 浙江省通信管理局
    and 浙江通信管理局 one administration), else by the text with widths and spaces ignored."""
    ka, kb = authority_prefix(_plain(a)), authority_prefix(_plain(b))
    if ka is not None and kb is not None:
        return ka == kb
    return _plain(a) == _plain(b)


def _plain(name: str) -> str:
    import unicodedata

    text = "".join(unicodedata.normalize("NFKC", name).split())
    return text.replace("(盖章)", "").strip(":：")
