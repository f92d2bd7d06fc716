"""The structure of a business scope (业务种类及覆盖范围): businesses, qualifiers, exclusions.

A scope such as ``在线数据处理与交易处理业务、信息服务业务（仅限互联网信息服务）不含信息搜索查询服务、
信息即时交互服务 全国`` names businesses (each ending in 业务), each perhaps with a qualifier in
parentheses (仅限… / 不含…), then exclusions (不含…, a list) and coverage areas (全国, a
province). This module reads that structure; which businesses exist and which class they belong
to is the catalogue's business (the SCP rules).
"""

from __future__ import annotations

import re

from liclint.text.grammar import fold
from liclint.text.model import Business, Field, Scope

_NOTE = re.compile(r"【[^】]*】?")
_CLASS_PREFIX = re.compile(r"第[一二]类(?:增值|基础)?电信业务中的")
_LIST = re.compile(r"(不含|包含|包括|(?<!不)含)([^()【】。;；:：]+)")
_BUSINESS = re.compile(r"[\u4e00-\u9fff]+?业务")
_AREA = re.compile(r"全国|[\u4e00-\u9fff]{2,9}?(?:省|市|自治区)")
_SEPARATOR = re.compile(r"[、,，]+")
#: 和/及/与 join two names ("信息搜索查询服务和信息即时交互服务") only where the part before it is a
#: whole name itself; inside a name they stay (信息保护和处理服务, 编码和规程转换业务).
_JOIN = re.compile(r"(?<=服务|业务)[和及与](?=\S)")


def _depths(text: str) -> list[int]:
    if "(" not in text:
        return [0] * len(text)
    depth, out = 0, []
    for char in text:
        if char == "(":
            depth += 1
        out.append(depth)
        if char == ")" and depth:
            depth -= 1
    return out


def _parts(text: str) -> list[str]:
    return [p for part in _SEPARATOR.split(text) for p in _JOIN.split(part)]


def parse_scope(scope: Field) -> Scope:
    """The structure of a scope field (positions stay those of ``scope``)."""
    text = fold(scope.text)
    for pattern, mark in ((_NOTE, "【"), (_CLASS_PREFIX, "第")):
        if mark in text:  # the common case: neither
            text = pattern.sub(lambda m: " " * len(m.group()), text)
    depth = _depths(text)
    result, taken = Scope(), [False] * len(text)
    for match in _LIST.finditer(text):
        if depth[match.start()]:
            continue
        target = result.exclusions if match.group(1) == "不含" else result.inclusions
        pos = match.start(2)
        for part in _parts(match.group(2)):
            at = text.index(part, pos) if part else pos
            if part.strip():
                target.append(scope.sub(at, at + len(part)).strip())
            pos = at + len(part)
        taken[match.start() : match.end()] = [True] * (match.end() - match.start())
    for match in _BUSINESS.finditer(text):
        if depth[match.start()] or taken[match.start()]:
            continue
        business = Business(scope.sub(match.start(), match.end()).strip())
        end = match.end()
        if end < len(text) and text[end] == "(":
            close = end
            while close < len(text) and not (text[close] == ")" and depth[close] == 1):
                close += 1
            business.qualifier = scope.sub(end + 1, close).strip()
            taken[end : close + 1] = [True] * (min(close + 1, len(text)) - end)
        result.businesses.append(business)
        taken[match.start() : match.end()] = [True] * (match.end() - match.start())
    for match in _AREA.finditer(text):
        if not depth[match.start()] and not taken[match.start()]:
            result.areas.append(scope.sub(match.start(), match.end()))
    return result
