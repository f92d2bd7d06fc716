"""The field labels of the license template, written once: the front page's, the attachment's,
and the headings that make a text a license (the license template; 工业和信息化部令第42号 lists
the license's content: 公司名称、法定代表人、业务种类、业务覆盖范围、有效期限、发证机关、发证日期、
经营许可证编号)."""

#: The labels of the front page, as printed.
FRONT = ("经营许可证编号", "公司名称", "法定代表人", "业务种类", "发证机关", "发证日期", "有效期至")
#: The labels of each website of the attachment (附页).
ATTACHMENT = ("网站名称", "网站域名", "服务器放置地", "网站接入服务提供单位")
#: The front page's labels of the older template versions (the 信息产业部 licenses, and the
#: provincial ones printed on them until about 2017), as 信息产业部令第19号 第十二条 lists the
#: content: 注册住所, the coverage apart from the business type (业务覆盖范围), the validity as a
#: period (有效期限：2017年05月22日至2022年05月22日) and the signatory (签发人). Genuine wording of
#: those versions, not misspellings of today's labels.
OLDER = ("注册住所", "业务覆盖范围", "有效期限", "签发人")
#: Every field label.
LABELS = FRONT + ATTACHMENT + OLDER
#: The heading of the special provisions' pages.
PROVISIONS = "特别规定事项"
#: Labels whose value may stand on a later line when nothing follows the label (发证机关 only if
#: that line names an authority: the seal's space is usually left blank); 业务种类's value
#: follows its two-line label (服务项目) 及覆盖范围.
LOOKAHEAD = frozenset(LABELS) - {"业务种类"}
#: The fixed anchors that make a text a license; three or more of them must be present.
ANCHORS = (
    "title",
    "经营许可证编号",
    "公司名称",
    "法定代表人",
    "业务种类",
    "发证日期",
    "有效期至",
    PROVISIONS,
)
