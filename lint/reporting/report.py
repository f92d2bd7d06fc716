"""What a format renders: a run's result as a :class:`Report`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from liclint.checking.meta import Metadata
from liclint.checking.rule import Finding
from liclint.running.linter import FileResult
from liclint.text.extract import split_lines


@dataclass(frozen=True)
class Report:
    """What a format renders: the run's findings (sorted), every copy checked (clean ones too,
    in the order checked; with their text, page lines and document model when the run kept
    them: :func:`liclint.running.run.run`'s ``keep``), the rules that ran, and the as-of date."""

    findings: Sequence[Finding]
    copies: Sequence[FileResult] = ()
    rules: Sequence[type[Metadata]] = ()
    color: bool = False  # ANSI colours (a terminal, and NO_COLOR not set)
    #: the date taken as today (the html format's expiry timeline; None: the local date)
    as_of: dt.date | None = None
    _paths: dict[str, FileResult] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def files(self) -> int:
        return len(self.copies)

    def copy(self, path: str) -> FileResult | None:
        """The checked copy at ``path`` (None: not one of the report's copies)."""
        if self._paths is None:
            object.__setattr__(self, "_paths", {c.path: c for c in self.copies})
        return self._paths.get(path)

    def lines(self, path: str) -> list[str] | None:
        """The lines of a checked copy as it was read (None: not kept, or not read)."""
        copy = self.copy(path)
        if copy is None or copy.text is None:
            return None
        return split_lines(copy.text)


def display_path(path: str) -> str:
    """A path as reports show it: forward slashes, no leading ``./``."""
    p = str(path).replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p
