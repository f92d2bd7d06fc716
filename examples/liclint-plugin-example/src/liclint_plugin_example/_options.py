"""Reading list-valued options, which arrive in more than one shape.

A rule's option holds its default (a list) unless the user set it: from ``liclint.toml`` or
``pyproject.toml`` a list arrives as a tuple, from ``--option name='["a", "b"]'`` as a list, and
``--option name=a`` gives a bare string. TOML lists may also hold numbers.
"""

from __future__ import annotations

import unicodedata
from typing import Any


def strings(value: Any) -> list[str]:
    """The option's value as a list of non-empty, stripped strings."""
    if isinstance(value, str):
        value = [value]
    return [s for s in (str(v).strip() for v in value) if s]


def comparable(text: str) -> str:
    """``text`` as names are compared: NFKC (full-width letters become ASCII), no whitespace
    (OCR puts spaces between characters), case-folded (Qinghe = QINGHE)."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()
