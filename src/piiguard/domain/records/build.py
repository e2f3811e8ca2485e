"""The record of processing activities, built from the registers (R10.1): one entry per
purpose — its legal basis, the categories it may use (with their tier), the systems that
hold its data and where they are (the data map), the recipients it is shared with and the
agreements that bind them (the sharing register), exports out of a system, how long it is
kept (the retention schedule) and the security measures of this service.

Pure: the same registers give the same record and the same hash (sorted keys, sorted
lists, no clock inside the body). GDPR Art. 30(1) and PIPL Art. 51/55 ask for the same
facts; the shape here carries both (docs/accountability.md maps each field)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from piiguard.domain.policy.datamap import Export, System
from piiguard.domain.policy.register import PurposeRule
from piiguard.domain.records.ports import Provenance
from piiguard.domain.retention.schedule import RetentionRule
from piiguard.domain.sharing.register import Agreement, Profile, Recipient
from piiguard.domain.subjects import CHANNEL_NAMES, KIND_NAMES
from piiguard.domain.taxonomy import Taxonomy

FORMAT = 2  # 2: kinds of people and sources per purpose

# What this service does to every item it holds, whatever the purpose (docs/architecture.md).
SECURITY_MEASURES: tuple[str, ...] = (
    "encryption: every value sealed with its person's own AES-256-GCM data key (envelope "
    "encryption), keys in a separate key store; exact-match lookup by keyed blind index",
    "access: every read and use decided by one decision point (purpose, role, consent, "
    "legal basis), each decision recorded",
    "audit: a hash-chained audit trail with Ed25519-signed checkpoints",
    "staff: personal accounts, TOTP second factor, breached-password check; credentials "
    "stored only as argon2id hashes",
    "erasure: crypto-shredding of a person's key; retention sweep with disposal certificates",
)


@dataclass(frozen=True, slots=True)
class Registers:
    """What the record is built from, as read from the registers in one transaction."""

    purposes: Sequence[PurposeRule]
    taxonomy: Taxonomy
    systems: Sequence[System]
    rules: Sequence[RetentionRule]
    recipients: Sequence[Recipient]
    agreements: Sequence[Agreement]
    profiles: Sequence[Profile]
    exports: Sequence[Export]
    home_region: str
    # what the items held say: kinds of people and sources per purpose (store.provenance)
    provenance: Sequence[Provenance] = ()


def _day(at: datetime | None) -> str | None:
    return None if at is None else at.date().isoformat()


def _category(taxonomy: Taxonomy, key: str) -> dict[str, Any]:
    if key in taxonomy:
        c = taxonomy.get(key)
        return {"key": key, "name": c.name, "name_zh": c.name_zh, "tier": c.tier.value}
    return {"key": key, "name": key, "name_zh": key, "tier": "unknown"}


def _named(key: str, names: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    zh, en = names.get(key, (key, key))
    return {"key": key, "name": en, "name_zh": zh}


def _provenance(r: Registers, purpose: str) -> dict[str, Any]:
    """Kinds of people and sources of the items collected for `purpose` (derived, never
    typed): GDPR Art. 30(1)(c) categories of data subjects; PIPL 个人信息主体类别, 来源."""
    mine = [x for x in r.provenance if purpose in x.purposes]
    return {
        "people": [_named(k, KIND_NAMES) for k in sorted({x.kind for x in mine})],
        "sources": {
            "systems": sorted({x.source_system for x in mine}),
            "channels": [_named(c, CHANNEL_NAMES) for c in sorted({x.channel for x in mine})],
        },
    }


def _recipients(r: Registers, purpose: str, at: datetime) -> list[dict[str, Any]]:
    by_key = {x.key: x for x in r.recipients}
    keys = {p.recipient for p in r.profiles if p.purpose == purpose}
    keys |= {a.recipient for a in r.agreements if purpose in a.purposes}
    out = []
    for key in sorted(keys):
        rcp = by_key.get(key)
        agreements = sorted(
            (a for a in r.agreements if a.recipient == key and purpose in a.purposes),
            key=lambda a: a.id,
        )
        out.append(
            {
                "key": key,
                "legal_name": rcp.legal_name if rcp else "",
                "kind": rcp.kind.value if rcp else "",
                "country": rcp.country if rcp else "",
                "law": rcp.law if rcp else "",
                "status": rcp.status.value if rcp else "",
                "abroad": bool(rcp and rcp.country != r.home_region),
                "agreements": [
                    {
                        "id": a.id,
                        "kind": a.kind.value,
                        "title": a.title,
                        "reference": a.reference,
                        "valid_from": _day(a.valid_from),
                        "valid_until": _day(a.valid_until),
                        "in_force": a.in_force(at),
                    }
                    for a in agreements
                ],
            }
        )
    return out


def _entry(r: Registers, p: PurposeRule, at: datetime) -> dict[str, Any]:
    systems = sorted((s for s in r.systems if p.key in s.purposes), key=lambda s: s.key)
    rules = sorted((x for x in r.rules if x.purpose == p.key), key=lambda x: x.category)
    categories = [_category(r.taxonomy, k) for k in sorted(p.categories)]
    return {
        "purpose": p.key,
        "name": p.en,
        "name_zh": p.zh,
        "active": p.active,
        "legal_basis": p.legal_basis.value,
        "needs_consent": p.needs_consent,
        "categories": categories,
        "sensitive": any(c["tier"] == "sensitive" for c in categories),
        "staff_roles": sorted(p.roles),
        **_provenance(r, p.key),
        "systems": [
            {
                "key": s.key,
                "name": s.name,
                "kind": s.kind,
                "region": s.region,
                "abroad": s.region != r.home_region,
                "status": s.status.value,
                "cloud_provider": s.cloud_provider or "",
                "locations": sorted(s.locations),
            }
            for s in systems
        ],
        "recipients": _recipients(r, p.key, at),
        "exports": [
            {
                "id": e.id,
                "system": e.system,
                "recipient": e.recipient,
                "categories": sorted(e.categories),
                "expires": _day(e.expires_at),
            }
            for e in sorted(r.exports, key=lambda e: e.id)
            if e.purpose == p.key and not e.expired(at)
        ],
        "retention": {
            "days": p.retention_days,
            "schedule": [
                {"category": x.category, "days": x.days, "anchor": x.anchor.value, "note": x.note}
                for x in rules
            ],
        },
    }


def build_record(r: Registers, at: datetime) -> dict[str, Any]:
    """The record's body. `at` decides which agreements are in force and which exports
    still run; it is not written into the body (two builds of unchanged registers on the
    same day hash alike)."""
    return {
        "format": FORMAT,
        "home_region": r.home_region,
        "security_measures": list(SECURITY_MEASURES),
        "activities": [_entry(r, p, at) for p in sorted(r.purposes, key=lambda p: p.key)],
    }


def canonical(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def digest(body: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON: what a stored version is known by."""
    return hashlib.sha256(canonical(body)).hexdigest()


NONE_YET = "none recorded yet"  # a purpose with no items collected for it yet
NONE_YET_ZH = "尚无记录"
NOT_REGISTERED = "not registered per purpose yet"  # a version kept before format 2
NOT_REGISTERED_ZH = "尚未按用途登记"


def provenance_cells(a: Mapping[str, Any], lang: str | None = None) -> tuple[str, str, str]:
    """An activity's kinds of people, source systems and channels as three cells: keys only
    (lang None), or with their English ("en") or Chinese ("zh") names."""
    zh = lang == "zh"
    if "people" not in a:
        return (NOT_REGISTERED_ZH if zh else NOT_REGISTERED,) * 3
    sep, none = ("；", NONE_YET_ZH) if zh else ("; ", NONE_YET)

    def named(x: Mapping[str, str]) -> str:
        name = x["name_zh" if zh else "name"]
        if lang is None or name == x["key"]:
            return x["key"]
        return f"{x['key']}（{name}）" if zh else f"{x['key']} ({name})"

    src = a["sources"]
    return (
        sep.join(named(k) for k in a["people"]) or none,
        sep.join(src["systems"]) or none,
        sep.join(named(c) for c in src["channels"]) or none,
    )


CSV_HEADER: tuple[str, ...] = (
    "purpose",
    "name",
    "name_zh",
    "active",
    "legal_basis",
    "needs_consent",
    "categories",
    "sensitive_categories",
    "kinds_of_people",
    "source_systems",
    "source_channels",
    "systems",
    "system_regions",
    "recipients",
    "transfers_abroad",
    "agreements",
    "retention_days",
    "retention_schedule",
)


def csv_rows(body: Mapping[str, Any]) -> Iterable[tuple[str, ...]]:
    """One row per activity (Art. 30 layout), lists joined with '; '."""

    def j(xs: Iterable[str]) -> str:
        return "; ".join(xs)

    for a in body["activities"]:
        rcps = a["recipients"]
        yield (
            a["purpose"],
            a["name"],
            a["name_zh"],
            "yes" if a["active"] else "no",
            a["legal_basis"],
            "yes" if a["needs_consent"] else "no",
            j(c["key"] for c in a["categories"]),
            j(c["key"] for c in a["categories"] if c["tier"] == "sensitive"),
            *provenance_cells(a),
            j(s["key"] for s in a["systems"]),
            j(sorted({s["region"] for s in a["systems"]})),
            j(f"{x['key']} ({x['country']})" for x in rcps),
            j(f"{x['key']} ({x['country']})" for x in rcps if x["abroad"]),
            j(g["id"] for x in rcps for g in x["agreements"]),
            str(a["retention"]["days"]),
            j(
                f"{x['category'] or '*'}={x['days']}d/{x['anchor']}"
                for x in a["retention"]["schedule"]
            ),
        )


def safe_cell(value: str) -> str:
    # a spreadsheet must not run a register's text as a formula
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(body: Mapping[str, Any]) -> str:
    """The CSV file: UTF-8 with a BOM (spreadsheets then read the Chinese names right)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    w.writerows([safe_cell(x) for x in row] for row in csv_rows(body))
    return "\ufeff" + out.getvalue()
