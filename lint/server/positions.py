"""Positions between liclint and a client: liclint counts 1-based lines and columns in characters
(code points); LSP counts 0-based lines and columns in the negotiated encoding's code units —
UTF-16 unless the client offered another (a character outside the BMP is two UTF-16 units, and one
to four UTF-8 bytes)."""

from __future__ import annotations

from collections.abc import Sequence

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` ``text`` takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def to_client(
    lines: Sequence[str], line: int, column: int, encoding: str = UTF16
) -> tuple[int, int]:
    """The client's (line, character) of liclint's 1-based ``line`` and ``column``, clamped to the
    text (a column past the end of its line is the end of the line; a line past the end is the end
    of the text)."""
    if not lines:
        return 0, 0
    if line > len(lines):
        return len(lines) - 1, units(lines[-1], encoding)
    index = max(line, 1) - 1
    text = lines[index]
    return index, units(text[: max(column, 1) - 1], encoding)


def from_client(
    lines: Sequence[str], line: int, character: int, encoding: str = UTF16
) -> tuple[int, int]:
    """liclint's 1-based (line, column) of a client position; a position inside a character (half
    a surrogate pair, a byte inside a UTF-8 sequence) is that character's."""
    if not lines or line < 0:
        return 1, 1
    if line >= len(lines):
        return len(lines), len(lines[-1]) + 1
    text = lines[line]
    if encoding == UTF32:
        return line + 1, min(max(character, 0), len(text)) + 1
    seen = 0
    for index, ch in enumerate(text):
        size = units(ch, encoding)
        if character < seen + size:
            return line + 1, index + 1
        seen += size
    return line + 1, len(text) + 1
