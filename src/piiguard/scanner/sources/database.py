"""SQL databases through SQLAlchemy: sample rows of each table, classify each column.

Values are read only to be scanned in memory; what leaves here is, per column and type, the
share of sampled rows that matched and one example hit with the key of its row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from piiguard.scanner.detectors import Detector
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.sources.model import Located

_SKIPPED_TYPES = (sa.Boolean, sa.LargeBinary, sa.Float, sa.Interval)


@dataclass(slots=True)
class _Tally:
    example: Hit
    row_key: dict[str, Any]
    rows: int = 0
    confidence: float = 0.0
    validators: set[str] = field(default_factory=set)


def _row_key(row: sa.Row[Any], key_columns: list[str], ordinal: int) -> dict[str, Any]:
    if not key_columns:
        return {"row": ordinal}
    mapping = row._mapping
    return {name: _plain(mapping[f"pk_{name}"]) for name in key_columns}


def _plain(value: Any) -> Any:
    return value if isinstance(value, int | str | float) or value is None else str(value)


def scan_table(
    connection: sa.Connection, table: sa.Table, detector: Detector, sample: int
) -> Iterator[Located]:
    key_columns = [c.name for c in table.primary_key.columns]
    scanned = [c for c in table.columns if not isinstance(c.type, _SKIPPED_TYPES)]
    if not scanned:
        return
    keys = [table.c[name].label(f"pk_{name}") for name in key_columns]
    values = [c.label(f"v{i}") for i, c in enumerate(scanned)]
    query = sa.select(*keys, *values).limit(sample)
    tallies: dict[tuple[str, str], _Tally] = {}
    filled = dict.fromkeys((c.name for c in scanned), 0)
    for ordinal, row in enumerate(connection.execute(query), start=1):
        mapping = row._mapping
        for i, column in enumerate(scanned):
            value = mapping[f"v{i}"]
            if value is None or value == "":
                continue
            filled[column.name] += 1
            seen: set[str] = set()
            for h in detector.scan(str(value), column.name):
                tally = tallies.get((column.name, h.type))
                if tally is None:
                    tally = _Tally(h, _row_key(row, key_columns, ordinal))
                    tallies[(column.name, h.type)] = tally
                if h.type not in seen:
                    tally.rows += 1
                    seen.add(h.type)
                tally.confidence = max(tally.confidence, h.confidence)
                tally.validators.add(h.validator.value)
    for (column_name, _kind), tally in tallies.items():
        example = tally.example
        location = {
            "table": table.fullname,
            "column": column_name,
            "row_key": tally.row_key,
            "rows_sampled": filled[column_name],
            "rows_matched": tally.rows,
            "share": round(tally.rows / filled[column_name], 4),
        }
        best = Hit(
            example.type,
            example.start,
            example.end,
            example.value,
            tally.confidence,
            example.validator,
        )
        yield Located(f"{table.fullname}.{column_name}", location, best)


def scan_database(
    url: str, detector: Detector, sample: int = 100, schema: str | None = None
) -> Iterator[Located]:
    """Every table of the database (its default schema unless one is named)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            metadata = sa.MetaData(schema=schema)
            metadata.reflect(connection, views=False)
            for table in metadata.sorted_tables:
                yield from scan_table(connection, table, detector, sample)
    finally:
        engine.dispose()
