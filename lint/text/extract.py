"""Build the document model from text.

One pass over the lines: cheap regular expressions find the labels, headings and notes a license
copy prints (``经营许可证编号：``, ``特别规定事项``, ``十五、``, ``仅供…使用``); the short spans they
delimit are handed to the grammar. Every line is read once, so the cost is linear in the size of
the text whatever it contains.
"""

from __future__ import annotations

import datetime as dt
import re

from liclint.text.grammar import (
    PROVINCES,
    GrammarError,
    fold,
    parse_date,
    parse_heading,
    parse_number,
    token,
)
from liclint.text.labels import LABELS, LOOKAHEAD
from liclint.text.layout import detached_values, fits
from liclint.text.model import (
    Attachment,
    Clause,
    DateField,
    Document,
    Field,
    NumberField,
    Piece,
    Provisions,
    Watermark,
    Website,
)
from liclint.text.normalize import normalize
from liclint.text.notes import certification_date, issue_date_in
from liclint.text.scope import parse_scope

_NEWLINE = re.compile(r"\r\n|\r|\n")
_LEAD = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|#{1,6}(?=\S))?[ \t]*")
#: A field label: followed by a colon, or by nothing (its value is on the next line). A label
#: followed by other text is a word of a sentence ("公布你公司名称和经营许可证编号，…").
_LABEL = re.compile(
    "(" + "|".join(LABELS) + ")"
    # the scope's label in one piece, as a clerk's table has it: 业务种类(服务项目)及覆盖范围
    r"(?:(?<=业务种类)(?:[ \t]*\([ \t]*服务项目[ \t]*\))?[ \t]*及[ \t]*覆盖范围"
    r"(?:[ \t]*\([ \t]*服务范围[ \t]*\))?)?"
    r"[ \t]*(?:\([ \t]*盖[ \t]*章[ \t]*\))?[ \t]*(?::[ \t]*|$)"
)
_SCOPE_LABEL = re.compile(r"\([ \t]*服务项目[ \t]*\)|及覆盖范围[ \t]*:?")
#: A clause's numeral (十五、) or a sub-item's ((十四)); a clause numeral whose 、 was lost (in
#: OCR, or typing) still heads its clause when the clause's first words 你公司 follow it.
_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,4}、|\([一二三四五六七八九十]{1,4}\)|[一二三四五六七八九十]{1,4}(?=你公司)"
    r"|[\u3220-\u3229]"  # ㈠…㈩, a sub-item's numeral as one parenthesized ideograph (NFKC: (一))
)
_USAGE = re.compile(r"仅供(.{0,40}?)使用")
_TITLE = re.compile(r"[《<(\[]*(?:中华人民共和国)?(?:跨地区)?增值电信业务经营许可证[》>)\]]*")
_AUTHORITY = re.compile(r"(?:通信|电信)管理(?:局|委员会)|工业和信息化部|信息产业部")
#: An issuing authority named anywhere outside the provisions (a label's value, a seal's text,
#: a note): a provincial communications administration or the ministry (not "…部令第11号").
_AUTHORITY_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,10}?(?:通信|电信)管理(?:局|委员会)|(?:中华人民共和国)?(?:工业和信息化部|信息产业部)(?!令)"
)
_TITLE_LIKE = re.compile(r"[《<(\[]*中华人民共和国.{0,20}许可证.{0,4}")
_SENTENCE_END = ("。", ".", "!", "！")
_WATERMARK_DATE = re.compile(r"有效期至[ \t]*:?[ \t]*")
_NO_COPY = "再次复印无效"
_SPACES = re.compile(r"[ \t]+")
#: Headings (title, 附页, 特别规定事项) are short lines: longer ones are not tested.
_SHORT = 60
#: A license number inside running text (a watermark's purpose), on folded text.
_NUMBER_IN_TEXT = re.compile(
    rf"(?:[{PROVINCES}]|合字)?[ \t]*[AB][12](?:[ \t]*\.[ \t]*[AB][12])*[ \t]*-[ \t]*[0-9]{{8}}"
    rf"|[{PROVINCES}]ICP证[0-9]{{6}}号?"
)
_LEAD_CHARS = frozenset(" \t#")
_LABEL_FIRST = frozenset(label[0] for label in LABELS)

_LOOKAHEAD = LOOKAHEAD
#: How to tell that a label's value is complete; an incomplete one may continue on the next lines.
_COMPLETE = {
    "经营许可证编号": lambda text: not isinstance(parse_number(token(text).strip()), GrammarError),
    "发证日期": lambda text: not isinstance(parse_date(token(text).strip()), GrammarError),
    "有效期至": lambda text: not isinstance(parse_date(token(text).strip()), GrammarError),
    "公司名称": lambda text: fold(text).rstrip().endswith(("公司", ")")),
    "网站域名": lambda text: (
        re.search(r"\.[A-Za-z]{2,}[ \t]*$|[^\x00-\x7f][ \t]*$", fold(text)) is not None
    ),
    "网站接入服务提供单位": lambda text: fold(text).rstrip().endswith(("公司", ")", "局", "中心")),
}
_SITE_ATTRS = {
    "网站名称": "name",
    "网站域名": "domain",
    "服务器放置地": "server_location",
    "网站接入服务提供单位": "access_provider",
}


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR and LF only (not on the other characters str.splitlines breaks at)."""
    lines = text.split("\n") if "\r" not in text else _NEWLINE.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


def parse_document(path: str, text: str) -> Document:
    """Read a license copy's text into a :class:`Document` (through :func:`normalize`)."""
    # fold the whole text at once: it keeps every character's place, line breaks included
    lines, folded, origin = normalize(split_lines(text), split_lines(fold(text)))
    doc = Document(path, lines, folded, origin)
    _Reader(doc).read()
    return doc


def date_field(field: Field) -> DateField:
    """Parse a field holding a date (``2024 年 11 月 04 日``) and check it is a real calendar day."""
    parts = parse_date(token(field.text))
    if isinstance(parts, GrammarError):
        return DateField(field, None, parts.message, True, parts.offset)
    try:
        return DateField(field, dt.date(parts.year, parts.month, parts.day), None, False)
    except ValueError:
        message = f"{parts.year}-{parts.month:02d}-{parts.day:02d} is not a day of the calendar"
        return DateField(field, None, message, False)


def number_field(field: Field, role: str) -> NumberField:
    parsed = parse_number(token(field.text))
    if isinstance(parsed, GrammarError):
        return NumberField(field, role, None, parsed)
    return NumberField(field, role, parsed, None)


class _Reader:
    """The state of one pass over a document's lines."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.section = "front"  # then "attachment" and "provisions"
        self.skip: set[int] = set()  # line indexes already read as a label's value
        self.anchors: set[str] = set()
        self.open: Field | None = None  # a field that continuation lines extend
        self.open_until_blank = True  # whether a blank line closes the open field
        self.site: Website | None = None
        self.clause: Clause | None = None
        self.item: Clause | None = None
        self.watermark: Watermark | None = None
        self.watermark_lines = 0
        self.last_number = -100  # index of the line of the latest license number
        self.page_break = False  # a page header since the last line of provisions text
        self.paired: dict[int, list[int]] = {}  # label line -> its value's lines (layout.py)

    # -- helpers --------------------------------------------------------------------------------

    def piece(self, index: int, start: int, end: int | None = None) -> Piece:
        raw = self.doc.lines[index]
        end = len(raw.rstrip()) if end is None else end
        return Piece(index + 1, start + 1, raw[start:end])

    def field(self, index: int, start: int, end: int | None = None) -> Field:
        return Field([self.piece(index, start, end)])

    def content(self, index: int) -> tuple[int, str]:
        """Where a line's content starts (after indentation and markdown '#'), and the content."""
        line = self.doc.folded[index]
        if line[:1] not in _LEAD_CHARS:  # the common case: no indentation, no heading mark
            return 0, line.rstrip()
        start = _LEAD.match(line).end()
        return start, line[start:].rstrip()

    def next_value_line(self, index: int) -> int | None:
        """The next non-blank line within three lines, if it is not itself a label or heading."""
        lines = self.doc.folded
        for j in range(index + 1, min(index + 4, len(lines))):
            content = self.content(j)[1]
            if not content:
                continue
            if _LABEL.match(content) or _SPACES.sub("", content) == "特别规定事项":
                return None
            return j
        return None

    # -- the pass -------------------------------------------------------------------------------

    def label_at(self, index: int) -> tuple[str, bool] | None:
        """The label a line starts with and whether a value follows it there, or None."""
        content = self.content(index)[1]
        match = _LABEL.match(content) if content and content[0] in _LABEL_FIRST else None
        if match is None:
            return None
        return match.group(1), bool(content[match.end() :].strip())

    def layout(self) -> None:
        """Find values printed away from their labels on the front page (see layout.py)."""
        folded, contents, numbers = self.doc.folded, [], 0
        for index in range(len(folded)):
            content = self.content(index)[1] if folded[index] else ""
            compact = _SPACES.sub("", content)
            if compact == "特别规定事项" or ("附页" in compact and len(compact) <= 30):
                break
            if content.startswith("经营许可证编号"):
                numbers += 1
                if numbers > 1:
                    break
            contents.append(content)
        if len(contents) < 2 * 3:
            return
        self.paired = detached_values(
            contents,
            len(contents),
            self.label_at,
            fits,
            lambda content: (
                content.startswith("根据") or "特颁发" in content or "许可证" in content
            ),
        )
        for lines in self.paired.values():
            self.skip.update(lines)

    def read(self) -> None:
        doc = self.doc
        self.layout()
        for index, line in enumerate(doc.folded):
            if index in self.skip:
                continue
            start, content = self.content(index) if line else (0, line)
            if not content:
                if self.open_until_blank:
                    self.open = None
                continue
            self.line(index, start, content)
        doc.anchors = len(self.anchors)
        if doc.grant is not None:
            self.cross_regional(doc.grant)
        if doc.scope is not None:
            doc.scope_parts = parse_scope(doc.scope)
        if doc.attachment is not None and doc.attachment.scope is not None:
            doc.attachment.scope_parts = parse_scope(doc.attachment.scope)
        if doc.authority is None or not doc.authority.text.strip():
            doc.authority = doc.authorities[0] if doc.authorities else doc.authority
        provisions = doc.provisions
        if provisions is not None and provisions.preamble is not None:
            text = fold(provisions.preamble.text)
            begin, end = text.find("组成部分"), text.find("应当")
            if 0 <= begin < end:
                provisions.company = provisions.preamble.sub(begin + 4, end).strip(" \t,，、")

    def line(self, index: int, start: int, content: str) -> None:
        if self.section == "after":
            return  # a remark after the last clause: not part of the license
        if (self.watermark_lines or content.startswith("仅供")) and self.in_watermark(
            index, start, content
        ):
            return
        match = _LABEL.match(content) if content[0] in _LABEL_FIRST else None
        if match:
            self.label(index, start, content, match)
            return
        # a copy-certification note: 本复印件与原件核对一致 … 2024年05月20日
        if (
            "原件" in content
            and self.section != "provisions"
            and (c := certification_date(content))
        ):
            self.doc.certified.append(date_field(self.field(index, start + c[0], start + c[1])))
            return
        if len(content) <= _SHORT and self.heading(index, start, content):
            return
        if self.section != "provisions" and _AUTHORITY.search(content):
            self.authorities(index, start, content)
        if self.section == "provisions":
            self.provisions_line(index, start, content)
        elif self.open is not None and self.open is self.doc.scope:
            self.scope_line(index, start)
        elif self.open is not None:
            self.open.append(self.piece(index, start))
        elif self.section == "attachment" and self.doc.attachment.header is None:
            self.attachment_header(index, start)
        elif (
            self.section == "front"
            and self.doc.grant is None
            and (content.startswith("根据") or "特颁发" in content)
        ):
            self.doc.grant = self.open = self.field(index, start)
            self.open_until_blank = True

    def heading(self, index: int, start: int, content: str) -> bool:
        """Read a short line that is a heading: 特别规定事项, the attachment's, the title."""
        compact = _SPACES.sub("", content) if " " in content or "\t" in content else content
        if compact == "特别规定事项":
            self.provisions_heading(index, start)
            return True
        if "附页" in compact and len(compact) <= 30:
            self.attachment_title(index, start)
            return True
        title = "增值电信业务经营许可证" in compact and _TITLE.fullmatch(compact)
        if title or (
            self.section == "front" and not self.anchors and _TITLE_LIKE.fullmatch(compact)
        ):
            if self.doc.title is None and self.section == "front" and not self.anchors:
                self.doc.title = self.field(index, start)
                if title:
                    self.anchors.add("title")
                self.cross_regional(self.doc.title)
            return True
        return False

    def authorities(self, index: int, start: int, content: str) -> None:
        for match in _AUTHORITY_NAME.finditer(content):
            self.doc.authorities.append(
                self.field(index, start + match.start(), start + match.end())
            )

    def cross_regional(self, field: Field) -> None:
        at = field.text.find("跨地区")
        if at >= 0 and self.doc.cross_regional is None:
            self.doc.cross_regional = field.sub(at, at + 3)

    # -- labels ---------------------------------------------------------------------------------

    def label(self, index: int, start: int, content: str, match: re.Match[str]) -> None:
        name = match.group(1)
        value_start = start + match.end()
        self.open = None
        paired = self.paired.get(index)
        if name == "业务种类":
            if paired:
                self.scope(paired[0], self.content(paired[0])[0])
                for j in paired[1:]:  # a line 业务覆盖范围：全国 among them: its value
                    at, content = self.content(j)
                    label = _LABEL.match(content)
                    self.scope_line(j, at + (label.end() if label else 0))
                self.open = None
            else:
                self.scope(index, value_start)
            return
        if name == "业务覆盖范围":  # the older templates' coverage, apart from the business
            self.coverage(index, value_start)
            return
        value = self.field(index, value_start)
        last = index
        if paired:
            value, last = self.field(paired[0], self.content(paired[0])[0]), paired[-1]
            for j in paired[1:]:
                value.append(self.piece(j, self.content(j)[0]))
        elif not value.text and name in _LOOKAHEAD:
            later = self.next_value_line(index)
            if later is not None and (
                name != "发证机关" or _AUTHORITY.search(self.content(later)[1])
            ):
                self.skip.add(later)
                value, last = self.field(later, self.content(later)[0]), later
        complete = _COMPLETE.get(name)
        if complete is not None and value.text:
            self.extend(value, last, complete)
        if name in _SITE_ATTRS:
            self.website(name, value)
            return
        if self.section == "front" or name == "经营许可证编号":
            self.anchors.add(name)
        doc = self.doc
        if name == "经营许可证编号":
            if doc.numbers:
                self.new_page(index)
                self.page_break = True
            role = "header" if doc.numbers else "front"
            doc.numbers.append(number_field(value, role))
            self.last_number = index
        elif self.section != "front":
            if name == "发证日期" and value.text.strip():  # repeated on a later page
                doc.issue_dates.append(date_field(value))
            return
        elif name == "公司名称" and doc.company is None:
            doc.company = value
        elif name == "法定代表人" and doc.legal_representative is None:
            doc.legal_representative = value
        elif name == "发证机关" and doc.authority is None:
            doc.authority = value
            if value.text.strip():
                doc.authorities.append(value.strip())
        elif name == "发证日期" and doc.issue_date is None:
            doc.issue_date = date_field(value)
        elif name == "有效期至" and doc.expiry_date is None:
            doc.expiry_date = date_field(value)
        elif (
            name == "有效期限" and doc.expiry_date is None
        ):  # older: 2017年05月22日至2022年05月22日
            until = fold(value.text).rfind("至")
            if until >= 0:
                doc.expiry_date = date_field(value.sub(until + 1, len(value.text)).strip())

    def extend(self, value: Field, index: int, complete) -> None:
        """Join the next lines to a value wrapped by a narrow column, while it is incomplete."""
        if complete(value.text):
            return
        pieces, skipped = [], []
        for j in range(index + 1, min(index + 3, len(self.doc.lines))):
            start, content = self.content(j)
            if not content or _LABEL.match(content) or _HEADING.match(content):
                return
            pieces.append(self.piece(j, start))
            skipped.append(j)
            joined = value.text + "".join(p.text for p in pieces)
            if complete(joined):
                for piece in pieces:
                    value.append(piece)
                self.skip.update(skipped)
                return

    def scope(self, index: int, value_start: int) -> None:
        self.anchors.add("业务种类")
        self.doc.scope = Field.one(index + 1, value_start + 1, "")
        self.open = self.doc.scope
        self.open_until_blank = True
        self.scope_line(index, value_start)

    def coverage(self, index: int, value_start: int) -> None:
        """业务覆盖范围 of the older templates: the coverage, read as the end of the scope."""
        if self.doc.scope is None:
            self.scope(index, value_start)
            return
        self.scope_piece(index, value_start, len(self.doc.folded[index].rstrip()))

    def scope_line(self, index: int, start: int) -> None:
        """Add a line of the scope, leaving out the left column's labels."""
        line = self.doc.folded[index]
        end = len(line.rstrip())
        for match in _SCOPE_LABEL.finditer(line, start, end):
            self.scope_piece(index, start, match.start())
            start = match.end()
        self.scope_piece(index, start, end)

    def scope_piece(self, index: int, start: int, end: int) -> None:
        text = self.doc.folded[index][start:end]
        lead = len(text) - len(text.lstrip())
        if text.strip():
            self.doc.scope.append(self.piece(index, start + lead, len(text.rstrip()) + start))

    # -- attachment -----------------------------------------------------------------------------

    def attachment_title(self, index: int, start: int) -> None:
        if self.section != "front" or self.doc.attachment is not None:
            return
        self.section = "attachment"
        self.open = None
        self.doc.attachment = Attachment(self.field(index, start))

    def attachment_header(self, index: int, start: int) -> None:
        """The line(s) "…公司获准经营…相关信息" that open the attachment."""
        attachment = self.doc.attachment
        header = self.field(index, start)
        lines = self.doc.folded
        j = index
        while "相关信息" not in fold(header.text) and j + 1 < min(index + 6, len(lines)):
            j += 1
            s, content = self.content(j)
            if not content or _LABEL.match(content):
                break
            header.append(self.piece(j, s))
            self.skip.add(j)
        attachment.header = header
        text = header.text
        if "发证日期" in text and (date := issue_date_in(fold(text))):
            self.doc.issue_dates.append(date_field(header.sub(*date)))
        granted = text.find("获准经营")
        if granted > 0:
            attachment.company = header.sub(0, granted).strip()
            end = text.find("相关信息", granted)
            attachment.scope = header.sub(granted + 4, end if end > 0 else len(text))

    def website(self, name: str, value: Field) -> None:
        attachment = self.doc.attachment
        if attachment is None:  # website entries without an attachment title
            attachment = self.doc.attachment = Attachment(Field.one(value.line, 1, ""))
            self.section = "attachment"
        attr = _SITE_ATTRS[name]
        if self.site is None or attr == "name" or getattr(self.site, attr) is not None:
            self.site = Website(line=value.line)
            attachment.websites.append(self.site)
        setattr(self.site, attr, value)
        if attr != "domain":
            self.open = value
            self.open_until_blank = True

    # -- watermarks -----------------------------------------------------------------------------

    def in_watermark(self, index: int, start: int, content: str) -> bool:
        usage = _USAGE.match(content) if content.startswith("仅供") else None
        if usage:
            self.open = None
            self.watermark = Watermark(
                self.field(index, start, start + usage.end()),
                self.field(index, start + usage.start(1), start + usage.end(1)),
            )
            self.doc.watermarks.append(self.watermark)
            number = _NUMBER_IN_TEXT.search(content, usage.start(1), usage.end(1))
            if number:  # "仅供京B2-20181623某平台审核使用": the watermark names the license
                field = self.field(index, start + number.start(), start + number.end())
                self.doc.numbers.append(number_field(field, "watermark"))
            self.watermark_lines = 3
            self.watermark_parts(index, start + usage.end())
            return True
        if self.watermark_lines > 0:
            self.watermark_lines -= 1
            if content.startswith(("有效期至", _NO_COPY)):
                self.watermark_parts(index, start)
                return True
            self.watermark_lines = 0
        return False

    def watermark_parts(self, index: int, start: int) -> None:
        line = self.doc.folded[index]
        mark = self.watermark
        copy = line.find(_NO_COPY, start)
        if copy >= 0 and mark.no_copy is None:
            mark.no_copy = self.field(index, copy, copy + len(_NO_COPY))
        valid = _WATERMARK_DATE.search(line, start)
        if valid and mark.valid_until is None:
            end = line.find("日", valid.end())
            end = end + 1 if end >= 0 else (copy if copy > valid.end() else len(line.rstrip()))
            mark.valid_until = date_field(self.field(index, valid.end(), end))

    # -- special provisions ---------------------------------------------------------------------

    def new_page(self, index: int) -> None:
        if self.doc.pages[-1] < index + 1:
            self.doc.pages.append(index + 1)

    def provisions_heading(self, index: int, start: int) -> None:
        self.open = None
        if index - self.last_number > 4:
            self.new_page(index)
        if self.doc.provisions is None:
            self.anchors.add("特别规定事项")
            self.section = "provisions"
            self.doc.provisions = Provisions(self.field(index, start))

    def closes_provisions(self, target: Clause, content: str) -> bool:
        """Whether a line after the last sub-item is a remark, not part of the license.

        The last sub-item of 十五 ((十三) or (十四)) ends the provisions. A line after its last
        sentence that does not go on in the template's voice (你公司…), and that does not follow a
        page break, was added around the license (an uploader's closing remark)."""
        return (
            target is self.item
            and (target.value or 0) >= 13
            and not self.page_break
            and fold(target.text.text).rstrip().endswith(_SENTENCE_END)
            and not content.startswith(("你公司", "(", "("))
        )

    def provisions_line(self, index: int, start: int, content: str) -> None:
        provisions = self.doc.provisions
        heading = _HEADING.match(content)
        enclosed = bool(heading) and "\u3220" <= heading.group() <= "\u3229"
        is_item = content.startswith("(") or enclosed
        if heading and (self.clause is not None or not is_item):
            bare = not enclosed and not heading.group().endswith(("、", ")"))  # its 、 lost
            if enclosed:
                parsed = ("item", ord(heading.group()) - 0x321F)
            else:
                parsed = parse_heading(heading.group() + ("、" if bare else ""))
            numeral_start = start + (1 if is_item and not enclosed else 0)
            numeral_end = start + heading.end() - (0 if bare or enclosed else 1)
            body_start = start + heading.end()
            line = self.doc.folded[index]
            while body_start < len(line) and line[body_start] in " \t":
                body_start += 1
            node = Clause(
                self.field(index, numeral_start, numeral_end),
                parsed[1] if parsed else None,
                self.field(index, body_start),
            )
            self.page_break = False
            if is_item:
                self.clause.items.append(node)
                self.item = node
            else:
                provisions.clauses.append(node)
                self.clause, self.item = node, None
            return
        target = self.item or self.clause
        if target is not None and self.closes_provisions(target, content):
            self.section = "after"
        elif target is not None:
            target.text.append(self.piece(index, start))
            self.page_break = False
        elif provisions.preamble is None and content.startswith("《特别规定事项》"):
            provisions.preamble = self.field(index, start)
        elif provisions.preamble is not None:
            provisions.preamble.append(self.piece(index, start))
