"""A registry export (CSV) read into rows for the ledger: the licensing authority's published list
of licenses with their company, dates and status. No database code: reading a file needs none."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from pathlib import Path
from typing import Any

from liclint.across import LedgerError
from liclint.across.facts import company_key

#: a registry row's status -> the words an export may use for it
STATUSES = {
    "正常": ("正常", "有效", "valid", "active", "normal"),
    "注销": ("注销", "已注销", "cancelled", "canceled"),
    "吊销": ("吊销", "已吊销", "revoked"),
    "过期": ("过期", "已过期", "expired"),
}


# -- reading a registry CSV ----------------------------------------------------------------------

#: column -> the header names accepted for it (Chinese or English, any case, spaces ignored)
COLUMNS = {
    "number": (
        "许可证编号",
        "经营许可证编号",
        "证书编号",
        "编号",
        "number",
        "licensenumber",
        "license",
    ),
    "company": ("公司名称", "企业名称", "单位名称", "经营者名称", "company", "companyname", "name"),
    "issue": ("发证日期", "颁发日期", "issue", "issuedate", "issued", "issuedon"),
    "expiry": ("有效期至", "到期日期", "截止日期", "expiry", "expirydate", "expires", "validuntil"),
    "status": ("状态", "许可证状态", "status"),
    "authority": ("发证机关", "authority", "issuer"),
    "scope": ("业务种类", "业务范围", "业务种类及覆盖范围", "scope", "businessscope", "business"),
}
_REQUIRED = ("number", "company", "issue", "expiry", "status")


def _header_key(name: str) -> str:
    return re.sub(r"[\s_\-()（）]", "", name).lower()


def _decode(data: bytes, path: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a BOM: Excel's "Unicode text"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise LedgerError(f"{path}: not valid UTF-16 text") from None
    for encoding in ("utf-8-sig", "gb18030"):  # UTF-8 with or without a BOM, then GBK
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LedgerError(f"{path}: not UTF-8 or GBK text")


def _parse_date(text: str) -> str | None:
    from liclint.text.grammar import DateParts, fold, parse_date

    text = fold(text).strip()
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    parts = DateParts(*map(int, iso.groups())) if iso else parse_date(text)
    if not isinstance(parts, DateParts):
        return None
    try:
        return dt.date(*parts).isoformat()
    except ValueError:
        return None


def parse_number(text: str) -> str | None:
    from liclint.text.grammar import LicenseNumber, fold, parse_number

    parsed = parse_number("".join(fold(text).split()))  # spaces inside, as copies print them
    return parsed.normalized if isinstance(parsed, LicenseNumber) else None


class _BadCell(Exception):
    """(column, why): a cell of a registry row that cannot be read."""


_STATUS_WORDS = {_header_key(a): s for s, aliases in STATUSES.items() for a in aliases}


def _registry_values(cell: dict[str, str], first: dict[str, int]) -> dict[str, Any]:
    """A registry row's values, read and checked; raises _BadCell."""
    number = parse_number(cell["number"])
    if number is None:
        raise _BadCell("number", f"{cell['number']!r} is not a license number")
    if number in first:
        raise _BadCell("number", f"{number} is listed again (first in row {first[number]})")
    if not cell["company"]:
        raise _BadCell("company", "empty")
    dates = {}
    for column in ("issue", "expiry"):
        dates[column] = _parse_date(cell[column])
        if dates[column] is None:
            raise _BadCell(column, f"{cell[column]!r} is not a date")
    status = _STATUS_WORDS.get(_header_key(cell["status"]))
    if status is None:
        raise _BadCell(
            "status",
            f"{cell['status']!r} is not one of {', '.join(STATUSES)} "
            "(or valid, cancelled, revoked, expired)",
        )
    return {
        "number": number,
        "company": cell["company"],
        "company_key": company_key(cell["company"]),
        "issue": dates["issue"],
        "expiry": dates["expiry"],
        "status": status,
        "authority": cell.get("authority") or None,
        "scope": cell.get("scope") or None,
    }


def read_registry(path: str) -> list[dict[str, Any]]:
    """The rows of a registry CSV: a header row naming the columns number, company, issue,
    expiry and status (and optionally authority and scope), in Chinese or English (COLUMNS);
    UTF-8 (with or without a BOM), UTF-16 with a BOM or GBK; dates as the license prints them (2023年05月17日) or
    as 2023-05-17 / 2023/5/17. A malformed row raises LedgerError naming the row and column."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise LedgerError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    text = _decode(data, path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader, None)
    if not header:
        raise LedgerError(f"{path}: empty (expected a header row)")
    names = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
    where: dict[str, int] = {}
    for index, name in enumerate(header):
        column = names.get(_header_key(name))
        if column is not None and column not in where:
            where[column] = index
    missing = [c for c in _REQUIRED if c not in where]
    if missing:
        raise LedgerError(
            f"{path}: row 1: no column for {', '.join(missing)} (headers such as "
            + "; ".join(f"{c}: {COLUMNS[c][0]} or {c}" for c in missing)
            + ")"
        )
    rows: list[dict[str, Any]] = []
    first: dict[str, int] = {}
    for line, cells in enumerate(reader, 2):
        if not any(c.strip() for c in cells):
            continue  # a blank line
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            raise LedgerError(
                f"{path}: row {line}: {len(cells)} fields, but the header has {len(header)}"
            )
        if any("\n" in c for c in cells):
            raise LedgerError(
                f"{path}: row {line}: a field runs over several lines (an unbalanced quote?)"
            )
        values = {c: cells[i].strip() if i < len(cells) else "" for c, i in where.items()}
        try:
            row = _registry_values(values, first)
        except _BadCell as bad:
            column, why = bad.args
            raise LedgerError(
                f"{path}: row {line}, column {header[where[column]]!r}: {why}"
            ) from None
        first[row["number"]] = line
        rows.append({**row, "source": os.path.basename(path), "row": line})
    return rows
