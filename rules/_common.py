"""Helpers and names shared by the built-in rules."""

from __future__ import annotations

from liclint.text.grammar import token

DATE_LABELS = {"issue_date": "发证日期 (issue date)", "expiry_date": "有效期至 (expiry date)"}


def license_dates(doc):
    """The (label, DateField) pairs of the front page's dates that are present."""
    for attr, label in DATE_LABELS.items():
        field = getattr(doc, attr)
        if field is not None and field.field.text.strip():
            yield label, field


def domains(doc):
    """The (field, domain) pairs of the attachment's websites that name a domain: the domain as
    read through the grammar's token (spaces, invisible marks and dash variants as a registry
    reads them), without a final dot. An empty entry is COM005's."""
    if doc.attachment is None:
        return
    for site in doc.attachment.websites:
        if site.domain is None:
            continue
        domain = token(site.domain.text).strip().rstrip(".")
        if domain:
            yield site.domain, domain
