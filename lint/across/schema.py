"""The ledger's tables and the migrations that bring an older ledger up to this schema."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

#: The schema this liclint reads and writes; see MIGRATIONS.
SCHEMA_VERSION = 3
#: Registry statuses, as the registry prints them, with the words accepted for each in a CSV.

metadata = sa.MetaData()
meta = sa.Table(
    "liclint_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
copies = sa.Table(
    "copies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("first_seen", sa.String(32), nullable=False),  # ISO 8601, UTC
    sa.Column("last_seen", sa.String(32), nullable=False),
    sa.Column("number", sa.String(64), index=True),
    sa.Column("company", sa.Text),
    sa.Column("company_key", sa.Text, index=True),
    sa.Column("legal_representative", sa.Text),
    sa.Column("issue", sa.String(10)),
    sa.Column("expiry", sa.String(10)),
    sa.Column("authority", sa.Text),
    sa.Column("watermark", sa.Text),
    sa.Column("facts", sa.Text, nullable=False),  # Facts as JSON, with the line of every field
)
copy_domains = sa.Table(
    "copy_domains",
    metadata,
    sa.Column(
        "copy_id", sa.Integer, sa.ForeignKey("copies.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("domain", sa.String(255), nullable=False, index=True),
    sa.PrimaryKeyConstraint("copy_id", "domain"),
)
copy_paths = sa.Table(
    "copy_paths",
    metadata,
    sa.Column(
        "copy_id", sa.Integer, sa.ForeignKey("copies.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("path", sa.Text, nullable=False, index=True),
    sa.PrimaryKeyConstraint("copy_id", "path"),
)
registry = sa.Table(
    "registry",
    metadata,
    sa.Column("number", sa.String(64), primary_key=True),
    sa.Column("company", sa.Text, nullable=False),
    sa.Column("company_key", sa.Text, nullable=False, index=True),
    sa.Column("issue", sa.String(10)),
    sa.Column("expiry", sa.String(10)),
    sa.Column("status", sa.String(8), nullable=False),
    sa.Column("authority", sa.Text),
    sa.Column("scope", sa.Text),
    sa.Column("source", sa.Text, nullable=False),  # the CSV file and row it came from
    sa.Column("row", sa.Integer, nullable=False),
)


def _v1(conn: Connection) -> None:
    """The first ledger: copies and their domains."""
    for table in (copies, copy_domains):
        table.create(conn, checkfirst=True)


def _v2(conn: Connection) -> None:
    """Registry snapshots (``liclint ledger import``)."""
    registry.create(conn, checkfirst=True)


def _v3(conn: Connection) -> None:
    """Every path a copy was checked under (``ledger forget --path`` finds it by any of them)."""
    copy_paths.create(conn, checkfirst=True)
    known = sa.select(copies.c.id, copies.c.path)
    conn.execute(copy_paths.insert().from_select(["copy_id", "path"], known))


#: MIGRATIONS[i] upgrades a ledger of schema version i to version i + 1.
MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3]
assert len(MIGRATIONS) == SCHEMA_VERSION
