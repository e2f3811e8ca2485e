"""The machine-readable files of an access package (R4.1): package.json and the CSV files
(items, recipients, consents, restrictions), in the format `piiguard.access/1`
(domain/rights/packages.py; documented field by field in docs/requests.md).

Each item is flattened once (`flatten`) into strings shared by the JSON, the CSV and the
readable page (adapters/package_page.py): JSON is one `json.dumps` (the C encoder, no
indent), CSV one `writerows`. A CSV cell that a spreadsheet would run as a formula is kept
as text; the times are ISO 8601 in UTC (`iso`). Output is deterministic: same package,
same bytes. adapters/packages.py puts these files in the zip.

Imports the domain and the standard library only.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from piiguard.domain.rights.packages import ACCESS_FORMAT, AccessPackage, PackageItem

ITEM_FIELDS = (
    "item_id",
    "category",
    "category_name_en",
    "category_name_zh",
    "value",
    "credential",
    "channel",
    "legal_basis",
    "source_system",
    "held_in",
    "collected_at",
    "last_confirmed_at",
    "purposes",
    "retain_until",
    "provided_by_subject",
)
RECIPIENT_FIELDS = ("system", "system_name", "region", "purpose", "categories", "at")
CONSENT_FIELDS = ("purpose", "kind", "granted_at", "withdrawn_at")
RESTRICTION_FIELDS = ("kind", "purpose", "since", "lifted_at")
LIST_SEPARATOR = ";"  # purposes and categories inside one CSV cell (keys never hold it)

# Excel and LibreOffice run a cell that starts with one of these as a formula (CSV
# injection): a value the person or anyone else typed into a form must stay text.
_FORMULA_START = frozenset("=+-@\t\r")


def iso(dt: datetime) -> str:
    """ISO 8601 in UTC. The store hands out aware UTC times; a naive one is taken as UTC."""
    if dt.tzinfo is None:
        return dt.isoformat() + "+00:00"
    if dt.utcoffset():
        dt = dt.astimezone(UTC)
    return dt.isoformat()


def opt_iso(dt: datetime | None) -> str | None:
    return None if dt is None else iso(dt)


def _day(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _cell(v: str) -> str:
    return "'" + v if v and v[0] in _FORMULA_START else v


# One item as strings, computed once and shared by JSON, CSV and the page:
# (item_id, category, name_en, name_zh, value|None, channel, legal_basis, source_system,
#  held_in, collected_at, last_confirmed_at, purposes, retain_until|None, provided)
Flat = tuple[
    str, str, str, str, str | None, str, str, str, str, str, str, tuple[str, ...], str | None, bool
]


def flatten(items: Iterable[PackageItem]) -> list[Flat]:
    return [
        (
            i.item_id,
            i.category,
            i.category_name_en,
            i.category_name_zh,
            i.value,
            str(i.channel),
            str(i.legal_basis),
            i.source_system,
            i.held_in,
            iso(i.collected_at),
            iso(i.last_confirmed_at),
            tuple(i.purposes),
            _day(i.retain_until),
            i.provided_by_subject,
        )
        for i in items
    ]


# --- package.json and the CSV files --------------------------------------------------------


def package_json(p: AccessPackage, flat: Sequence[Flat]) -> bytes:
    doc: dict[str, Any] = {
        "format": ACCESS_FORMAT,
        "request_id": p.request_id,
        "subject_id": p.subject_id,
        "generated_at": iso(p.generated_at),
        "language": p.language,
        "company": p.company,
        "decision_id": p.decision_id,
        "items": [
            {
                "item_id": f[0],
                "category": f[1],
                "category_name_en": f[2],
                "category_name_zh": f[3],
                "value": f[4],
                "credential": f[4] is None,
                "channel": f[5],
                "legal_basis": f[6],
                "source_system": f[7],
                "held_in": f[8],
                "collected_at": f[9],
                "last_confirmed_at": f[10],
                "purposes": list(f[11]),
                "retain_until": f[12],
                "provided_by_subject": f[13],
            }
            for f in flat
        ],
        "recipients": [
            {
                "system": r.system,
                "system_name": r.system_name,
                "region": r.region,
                "purpose": r.purpose,
                "categories": list(r.categories),
                "at": iso(r.at),
            }
            for r in p.recipients
        ],
        "consents": [
            {
                "purpose": c.purpose,
                "kind": str(c.kind),
                "granted_at": iso(c.granted_at),
                "withdrawn_at": opt_iso(c.withdrawn_at),
            }
            for c in p.consents
        ],
        "restrictions": [
            {
                "kind": str(r.kind),
                "purpose": r.purpose,
                "since": iso(r.since),
                "lifted_at": opt_iso(r.lifted_at),
            }
            for r in p.restrictions
        ],
    }
    return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buf = io.StringIO()
    buf.write("\ufeff")  # the BOM: without it Excel in a Chinese locale reads GBK
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def items_csv(flat: Sequence[Flat]) -> bytes:
    sep = LIST_SEPARATOR
    return _csv(
        ITEM_FIELDS,
        (
            (
                f[0],
                f[1],
                _cell(f[2]),
                _cell(f[3]),
                "" if f[4] is None else _cell(f[4]),
                "true" if f[4] is None else "false",
                f[5],
                f[6],
                _cell(f[7]),
                _cell(f[8]),
                f[9],
                f[10],
                sep.join(f[11]),
                f[12] or "",
                "true" if f[13] else "false",
            )
            for f in flat
        ),
    )


def small_csvs(p: AccessPackage) -> dict[str, bytes]:
    sep = LIST_SEPARATOR
    return {
        "recipients.csv": _csv(
            RECIPIENT_FIELDS,
            (
                (
                    r.system,
                    _cell(r.system_name),
                    _cell(r.region),
                    r.purpose,
                    sep.join(r.categories),
                    iso(r.at),
                )
                for r in p.recipients
            ),
        ),
        "consents.csv": _csv(
            CONSENT_FIELDS,
            (
                (c.purpose, str(c.kind), iso(c.granted_at), opt_iso(c.withdrawn_at) or "")
                for c in p.consents
            ),
        ),
        "restrictions.csv": _csv(
            RESTRICTION_FIELDS,
            (
                (str(r.kind), r.purpose or "", iso(r.since), opt_iso(r.lifted_at) or "")
                for r in p.restrictions
            ),
        ),
    }
