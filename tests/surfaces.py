"""The surfaces real copies arrive in, as transforms of a clean license text.

Each transform takes the text of a clean license and returns the same license as it reaches a
reviewer in another shape: an OCR text layer, a scan with page furniture, a clerk's markdown, a
file with an uploader's note… A transform must not change what the license says. The tests apply
each one (and combinations) to every clean example and expect the same fields and no finding at
warning or above.
"""

from __future__ import annotations

import re

_CJK = r"[\u3001-\u303f\u3400-\u9fff\uff01-\uff60]"
_FRONT_LABELS = ("经营许可证编号", "公司名称", "法定代表人", "发证日期", "有效期至")
_PAGE_HEADER = re.compile(r"(?m)^(经营许可证编号\s*[:：].*)$")
_DATE = re.compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_DIGITS = "〇一二三四五六七八九"


def ocr_spaces(text: str) -> str:
    """A scanned PDF's text layer: a space between every CJK character and its neighbours,
    spaces around the number's hyphen, and double spaces here and there."""
    out = re.sub(f"(?<=\\S)(?={_CJK})|(?<={_CJK})(?=\\S)", " ", text)
    out = re.sub(r"(?<=[A-Z][0-9])-(?=[0-9])", " - ", out)
    return re.sub(r"(年|月) ", r"\1  ", out)


def page_furniture(text: str) -> str:
    """Page headers and footers, separators and form feeds at every page break, the title
    repeated at the top of every page, and a page footer in the middle of a clause."""
    pages = _PAGE_HEADER.split(text)
    total = (len(pages) + 1) // 2
    out, page = [pages[0]], 1
    for i in range(1, len(pages), 2):
        page += 1
        out.append(
            f"\n- {page - 1} -\n\n---\n\f第 {page} 页 共 {total} 页\n"
            f"中华人民共和国增值电信业务经营许可证\n\n{pages[i]}{pages[i + 1]}"
        )
    text = "".join(out)
    # a footer inside a long clause, between two of its lines
    return re.sub(
        r"(?m)^(五、[^\n]{20})([^\n]+)$",
        lambda m: f"{m[1]}\n\n{page}/{total}\n\n{m[2]}",
        text,
        count=1,
    )


def uploader_notes(text: str) -> str:
    """An uploader's heading and note before the license and a closing remark after it."""
    return (
        "# 资质文件：增值电信业务经营许可证（文字版）\n\n"
        "以下为我司经营许可证的文字版，请贵平台审核。\n\n"
        + text.rstrip("\n")
        + "\n\n以上内容与原件一致，如有疑问请联系我司商务部门。\n"
    )


def markdown_table(text: str) -> str:
    """The front page's fields as a markdown table, as a clerk would write them."""
    rows, seen = [], set()

    def to_row(match: re.Match[str]) -> str:
        label, value = match[1], match[2]
        if label in seen:
            return match[0]
        seen.add(label)
        first = not rows
        rows.append(label)
        head = "| 项目 | 内容 |\n|---|---|\n" if first else ""
        return f"{head}| {label} | {value.strip()} |"

    pattern = "|".join(_FRONT_LABELS)
    out = re.sub(f"(?m)^[ \\t]*({pattern})[ \\t]*[:：][ \\t]*(\\S[^\\n]*)$", to_row, text)
    # rows of one table are not separated by blank lines
    return re.sub(r"\|\n\n+(?=\| )", "|\n", out)


def tabs_for_colons(text: str) -> str:
    """A tab, or several spaces, where the copy has a colon after a label."""
    pattern = "|".join((*_FRONT_LABELS, "网站名称", "网站域名"))
    count = iter(range(10_000))
    return re.sub(
        f"(?m)^({pattern})[ \\t]*[:：][ \\t]*",
        lambda m: m[1] + ("\t" if next(count) % 2 else "    "),
        text,
    )


def values_below_labels(text: str) -> str:
    """Every label on its own line, its value on the next."""
    pattern = "|".join((*_FRONT_LABELS, "网站名称", "网站域名", "网站接入服务提供单位"))
    return re.sub(f"(?m)^({pattern})([ \\t]*[:：])[ \\t]*(\\S)", r"\1\2\n\3", text)


def indented(text: str) -> str:
    """Every line indented, as in a pasted e-mail."""
    return re.sub(r"(?m)^(?=\S)", "    ", text)


def no_blank_lines(text: str) -> str:
    """No blank line anywhere."""
    return "\n".join(line for line in text.split("\n") if line.strip()) + "\n"


def long_lines(text: str) -> str:
    """Every paragraph on one line: wrapped lines joined."""
    return re.sub(r"(?<=[^\n\s])[ \t]*\n(?=[^\n\s#|(（一二三四五六七八九十经仅有再])", "", text)


def short_wraps(text: str, width: int = 14) -> str:
    """Lines wrapped every ``width`` characters, as a narrow OCR column does (labels are kept
    whole; values, dates and clause text are not; the title, set large, has a line of its own)."""
    out = []
    for line in text.split("\n"):
        if line.lstrip("# ").startswith("中华人民共和国") and ":" not in line and "：" not in line:
            out.append(line)
            continue
        lead = next(
            (label for label in (*_FRONT_LABELS, "网站接入服务提供单位") if line.startswith(label)),
            "",
        )
        cut = max(width, len(lead) + 1)
        while len(line) > cut:
            out.append(line[:cut])
            line, cut = line[cut:], width
        out.append(line)
    return "\n".join(out)


def _chinese_year(year: str) -> str:
    return "".join(_DIGITS[int(d)] for d in year)


def _chinese_number(value: int) -> str:
    if value < 10:
        return _DIGITS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def chinese_dates(text: str) -> str:
    """The front page's dates in Chinese numerals (二〇二三年五月十七日; 元月 for January)."""

    def to_chinese(match: re.Match[str]) -> str:
        year, month, day = match[1], int(match[2]), int(match[3])
        month_text = "元" if month == 1 else _chinese_number(month)
        return f"{_chinese_year(year).replace('〇', '零')}年{month_text}月{_chinese_number(day)}日"

    pattern = "|".join(("发证日期", "有效期至"))
    return re.sub(
        f"(?m)^((?:{pattern})[ \\t]*[:：]?\\s*)({_DATE.pattern})",
        lambda m: m[1] + to_chinese(_DATE.match(m[2])),
        text,
        count=2,
    )


def fullwidth_digits(text: str) -> str:
    """Full-width digits in every date and number of the front page."""
    table = str.maketrans("0123456789-", "０１２３４５６７８９－")
    return re.sub(
        "(?m)^((?:发证日期|有效期至|经营许可证编号)[^\\n]*)$", lambda m: m[1].translate(table), text
    )


#: The front page's field labels as a clerk's layout prints them on one line each.
_ONE_LINE_LABELS = {
    "公司名称": "公司名称：",
    "法定代表人": "法定代表人：",
    "业务种类": "业务种类（服务项目）及覆盖范围：",
    "发证机关": "发证机关（盖章）：",
    "发证日期": "发证日期：",
    "有效期至": "有效期至：",
}
_FIELD_START = re.compile(r"[ \t]*(公司名称|法定代表人|业务种类|发证机关|发证日期|有效期至)")
_LABEL_PART = re.compile(
    r"^[ \t]*(?:(?:公司名称|法定代表人|业务种类|发证机关|发证日期|有效期至)"
    r"(?:[ \t]*[(（]盖章[)）])?|[(（]服务项目[)）]|及覆盖范围)[ \t]*[:：]?[ \t]*"
)


def _front_fields(text: str) -> tuple[list[str], int, int, list[tuple[str, list[str]]]]:
    """The lines of a copy, where its front page's fields start and end, and each field as
    (one-line label, value lines): the values without their labels or markdown hard breaks."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("公司名称"))
    end = next(i for i in range(first, len(lines)) if lines[i].startswith("经营许可证编号"))
    fields: list[tuple[str, list[str]]] = []
    for line in lines[first:end]:
        start = _FIELD_START.match(line)
        if start:
            fields.append((_ONE_LINE_LABELS[start[1]], []))
        value = line
        while (part := _LABEL_PART.match(value)) and part.end():
            value = value[part.end() :]
        if value.strip():
            fields[-1][1].append(value.strip())
    return lines, first, end, fields


def two_columns(text: str) -> str:
    """A two-column page extracted column by column: the front page's labels in one block, their
    values in the next (a label whose value is blank, the seal's, is not printed)."""
    lines, first, end, fields = _front_fields(text)
    fields = [(label, values) for label, values in fields if values]
    labels = [label for label, _ in fields]
    values = [value for _, field_values in fields for value in field_values]
    return "\n".join([*lines[:first], *labels, "", *values, "", *lines[end:]])


def values_before_labels(text: str) -> str:
    """Every value of the front page printed above its label (a layout that sets the label
    under the value, as some templates' table cells are extracted)."""
    lines, first, end, fields = _front_fields(text)
    out = []
    for label, values in fields:
        out += [*values, label, ""]
    return "\n".join([*lines[:first], *out, *lines[end:]])


def pandoc_breaks(text: str) -> str:
    """A .docx converted by pandoc: every line break inside a paragraph is a markdown hard
    break, a backslash at the end of the line (two trailing spaces become one too)."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and following.strip():
            line = line.rstrip() + "\\"
        out.append(line)
    return "\n".join(out)


TRANSFORMS = {
    f.__name__: f
    for f in (
        ocr_spaces,
        page_furniture,
        uploader_notes,
        markdown_table,
        tabs_for_colons,
        values_below_labels,
        indented,
        no_blank_lines,
        long_lines,
        short_wraps,
        chinese_dates,
        fullwidth_digits,
        two_columns,
        values_before_labels,
        pandoc_breaks,
    )
}
#: Combinations that occur together in practice.
COMBINATIONS = {
    "ocr+furniture": (ocr_spaces, page_furniture),
    "notes+table+no_blanks": (uploader_notes, markdown_table, no_blank_lines),
    "indent+tabs+chinese_dates": (indented, tabs_for_colons, chinese_dates),
    "furniture+short_wraps": (page_furniture, short_wraps),
    "ocr+below+fullwidth": (fullwidth_digits, values_below_labels, ocr_spaces),
    # values under their labels without blank lines: each label has a value above it (the
    # previous field's), which must not make it a layout of values before labels
    "below+no_blanks": (values_below_labels, no_blank_lines),
    "two_columns+ocr": (two_columns, ocr_spaces),
    "pandoc+short_wraps": (short_wraps, pandoc_breaks),
}


def front_and_attachment(text: str) -> str:
    """A partial copy: the front page and the attachment, without the special provisions."""
    at = text.find("特别规定事项")
    cut = text.rfind("经营许可证编号", 0, at)
    return text[:cut].rstrip() + "\n"


def provisions_only(text: str) -> str:
    """A partial copy: the special provisions pages only."""
    at = text.find("特别规定事项")
    cut = text.rfind("经营许可证编号", 0, at)
    return text[cut:]
