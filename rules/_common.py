"""Helpers and names shared by the built-in rules."""

from __future__ import annotations

DATE_LABELS = {"issue_date": "发证日期 (issue date)", "expiry_date": "有效期至 (expiry date)"}


def license_dates(doc):
    """The (label, DateField) pairs of the front page's dates that are present."""
    for attr, label in DATE_LABELS.items():
        field = getattr(doc, attr)
        if field is not None and field.field.text.strip():
            yield label, field
