"""Paper records and removable media in custody (issue 16; R5.2, R5.4, R5.6): the register
of printouts (what, from which system, custodian, cabinet, status, shredding with its
witness), the register of removable media (identifier, kind, encryption, contents'
categories, where locked, check-out, wipe or destruction with its witness), each medium's
movements, and the periodic inventories with a line per medium.

docs/custody.md describes every table. JSON lists are sorted text; no table holds a
personal value (category and system keys, staff ids, counts, places)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text

from piiguard.adapters.db.tables.base import ID, TS, metadata

# the destruction columns a paper record and a medium share (domain Witnessing)
_WITNESSING = (
    ("done_on", Date),
    ("method", String(32)),
    ("done_by", String(80)),
    ("witness", String(ID)),
    ("recorded_at", TS),
    ("witnessed_at", TS),
)


def _witnessing(prefix: str) -> list[Column[object]]:
    return [Column(f"{prefix}_{name}", kind, nullable=True) for name, kind in _WITNESSING]


paper_records = Table(
    "paper_records",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("label", String(200), nullable=False),
    Column("categories", Text, nullable=False),  # JSON list
    Column("people", Integer, nullable=False),
    Column("system", String(64), nullable=False),
    Column("printed_by", String(80), nullable=False),
    Column("printed_at", TS, nullable=False),
    Column("custodian", String(ID), nullable=False),
    Column("location", String(200), nullable=False),
    Column("cabinet", String(200), nullable=False),
    Column("status", String(16), nullable=False),
    Column("registered_by", String(80), nullable=False),
    Column("registered_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
    Column("escalated_at", TS, nullable=True),
    Column("in_use_since", TS, nullable=False),  # printed, or last taken out: the clock
    *_witnessing("shred"),
    Index(None, "status", "in_use_since"),
)

media = Table(
    "media",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("identifier", String(120), nullable=False, unique=True),
    Column("kind", String(24), nullable=False),
    Column("encrypted", Boolean, nullable=False),
    Column("encryption", String(200), nullable=False),
    Column("categories", Text, nullable=False),  # JSON list
    Column("system", String(64), nullable=False),
    Column("custodian", String(ID), nullable=False),
    Column("location", String(200), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("registered_by", String(80), nullable=False),
    Column("registered_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
    Column("holder", String(ID), nullable=False),
    Column("checked_out_at", TS, nullable=True),
    Column("missing_since", TS, nullable=True),
    Column("incident", String(80), nullable=False),
    Column("alarmed_at", TS, nullable=True),
    Column("disposal", String(16), nullable=True),
    *_witnessing("destroy"),
)

media_movements = Table(
    "media_movements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("medium_id", String(ID), ForeignKey("media.id"), nullable=False, index=True),
    Column("at", TS, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("actor", String(80), nullable=False),
    Column("holder", String(ID), nullable=False),
    Column("location", String(200), nullable=False),
    Column("inventory_id", String(ID), nullable=False),
)

media_inventories = Table(
    "media_inventories",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("started_at", TS, nullable=False),
    Column("started_by", String(80), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("closed_at", TS, nullable=True),
    Column("closed_by", String(80), nullable=False),
)

inventory_lines = Table(
    "inventory_lines",
    metadata,
    Column("inventory_id", String(ID), ForeignKey("media_inventories.id"), primary_key=True),
    Column("medium_id", String(ID), ForeignKey("media.id"), primary_key=True),
    Column("outcome", String(16), nullable=False),
    Column("actor", String(80), nullable=False),
    Column("at", TS, nullable=True),
    Column("seen_at", String(200), nullable=False),
)
