"""Repositories: the only place with SQL. One class per aggregate, all on the unit of
work's connection, so everything a use case does is one transaction."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import IDS, chunks, insert_rows
from piiguard.adapters.vault.envelope import DecisionSeal
from piiguard.domain.accounts import PolicyVersion, SystemClient
from piiguard.domain.decisions import (
    Action,
    Actor,
    ActorKind,
    Decision,
    Reason,
    RecordedDecision,
    Scope,
    seal_message,
)
from piiguard.domain.ports import SealedItem, SealedValue
from piiguard.domain.subjects import Channel, ItemRecord, LegalBasis, Provenance, Subject

_LIVE = select(t.subjects.c.id).where(t.subjects.c.id.in_(IDS), t.subjects.c.erased_at.is_(None))
_COLLECTED = select(t.items.c.subject_id, t.items.c.category, t.items.c.collected_for
                    ).where(t.items.c.subject_id.in_(IDS))


class SqlSubjects:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def add_many(self, subjects: Sequence[Subject], created_by: str) -> None:
        self._c.execute(t.subjects.insert(), [
            {"id": s.id, "kind": s.kind, "created_at": s.created_at, "created_by": created_by}
            for s in subjects])

    def get(self, subject_id: str) -> Subject | None:
        row = self._c.execute(select(t.subjects).where(t.subjects.c.id == subject_id)).first()
        return None if row is None else Subject(row.id, row.kind, row.created_at, row.erased_at)

    def live_ids(self, subject_ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in chunks(subject_ids):
            found.update(self._c.execute(_LIVE, {"ids": chunk}).scalars())
        return found

    def mark_erased(self, subject_id: str, at: datetime) -> None:
        self._c.execute(update(t.subjects).where(t.subjects.c.id == subject_id)
                        .values(erased_at=at))

    def list(self, *, limit: int, offset: int) -> list[Subject]:
        q = (select(t.subjects).where(t.subjects.c.erased_at.is_(None))
             .order_by(t.subjects.c.created_at, t.subjects.c.id).limit(limit).offset(offset))
        return [Subject(r.id, r.kind, r.created_at, r.erased_at) for r in self._c.execute(q)]

    def erased_ids(self) -> Iterator[str]:
        q = select(t.subjects.c.id).where(t.subjects.c.erased_at.is_not(None))
        yield from self._c.execute(q).scalars()


_I = t.items.c
# Fixed column order: the batch read path unpacks plain tuples (no per-attribute lookups).
_ITEM_COLS = (_I.id, _I.subject_id, _I.category, _I.channel, _I.collected_at, _I.legal_basis,
              _I.source_system, _I.recorded_by, _I.collected_for, _I.held_in,
              _I.last_confirmed_at, _I.created_at, _I.updated_at, _I.secret_hash,
              _I.ciphertext, _I.lookup_token)
_CHANNELS = {c.value: c for c in Channel}
_BASES = {b.value: b for b in LegalBasis}


def _read_items(rows: Iterable[Any]) -> list[SealedItem]:
    """Rows of `_ITEM_COLS` to sealed items. Items collected together share one Provenance.
    Credentials are recognised by their hash column: they carry no ciphertext."""
    provenances: dict[tuple[Any, ...], Provenance] = {}
    out = []
    for (iid, sid, cat, channel, collected, basis, source, recorder, purposes, held_in,
         confirmed, created, updated, secret, ct, token) in rows:
        key = (channel, collected, basis, source, recorder, purposes)
        prov = provenances.get(key)
        if prov is None:
            prov = provenances[key] = Provenance(_CHANNELS[channel], collected, _BASES[basis],
                                                 source, recorder,
                                                 frozenset(json.loads(purposes)))
        out.append(SealedItem(
            ItemRecord(iid, sid, cat, prov, held_in, confirmed, created, updated,
                       secret is not None),
            None if ct is None else bytes(ct), secret, token))
    return out


class SqlItems:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def add_many(self, items: Sequence[SealedItem]) -> None:
        if items:
            self._c.execute(t.items.insert(), [self.row(it) for it in items])

    @staticmethod
    def row(it: SealedItem) -> dict[str, object]:
        r, p = it.record, it.record.provenance
        return {
            "id": r.id, "subject_id": r.subject_id, "category": r.category,
            "ciphertext": it.ciphertext, "secret_hash": it.secret_hash,
            "lookup_token": it.lookup_token, "channel": p.channel.value,
            "collected_at": p.collected_at, "legal_basis": p.legal_basis.value,
            "source_system": p.source_system, "recorded_by": p.recorded_by,
            "collected_for": json.dumps(sorted(p.purposes)), "held_in": r.held_in,
            "last_confirmed_at": r.last_confirmed_at,
            "created_at": r.created_at, "updated_at": r.updated_at,
        }

    def records(self, subject_id: str) -> list[ItemRecord]:
        return [s.record for s in self.sealed(subject_id)]

    def sealed(self, subject_id: str, categories: frozenset[str] | None = None
               ) -> list[SealedItem]:
        q = select(*_ITEM_COLS).where(_I.subject_id == subject_id)
        if categories is not None:
            q = q.where(_I.category.in_(sorted(categories)))
        return _read_items(self._c.execute(q.order_by(_I.created_at, _I.id)).all())

    def sealed_many(self, subject_ids: Sequence[str]) -> dict[str, list[SealedItem]]:
        out: dict[str, list[SealedItem]] = {sid: [] for sid in subject_ids}
        for chunk in chunks(subject_ids):
            q = (select(*_ITEM_COLS).where(_I.subject_id.in_(chunk))
                 .order_by(_I.subject_id, _I.created_at, _I.id))
            for item in _read_items(self._c.execute(q).all()):
                out[item.record.subject_id].append(item)
        return out

    def collected_many(self, subject_ids: Sequence[str]
                       ) -> dict[str, dict[str, frozenset[str]]]:
        """Per subject: category -> purposes declared at collection, without reading any
        ciphertext (what a decision that reads nothing needs)."""
        out: dict[str, dict[str, frozenset[str]]] = {sid: {} for sid in subject_ids}
        for chunk in chunks(subject_ids):
            for sid, cat, purposes in self._c.execute(_COLLECTED, {"ids": chunk}):
                held = out[sid]
                was = held.get(cat)
                held[cat] = _purposes(purposes) if was is None else was | _purposes(purposes)
        return out

    def get(self, item_id: str) -> SealedItem | None:
        found = _read_items(self._c.execute(select(*_ITEM_COLS).where(_I.id == item_id)).all())
        return found[0] if found else None

    def replace_value(self, item_id: str, value: SealedValue, *, at: datetime,
                      provenance_recorded_by: str) -> None:
        self._c.execute(update(t.items).where(t.items.c.id == item_id).values(
            ciphertext=value.ciphertext, secret_hash=value.secret_hash,
            lookup_token=value.lookup_token, updated_at=at, last_confirmed_at=at,
            recorded_by=provenance_recorded_by))

    def delete_for_subject(self, subject_id: str) -> int:
        return self._c.execute(delete(t.items).where(t.items.c.subject_id == subject_id)).rowcount

    def delete_items(self, subject_id: str, item_ids: Sequence[str]) -> int:
        q = delete(t.items).where(t.items.c.subject_id == subject_id,
                                  t.items.c.id.in_(IDS))
        return sum(self._c.execute(q, {"ids": part}).rowcount for part in chunks(list(item_ids)))

    def subjects_by_token(self, category: str, token: str) -> list[str]:
        del category  # the token is per lookup kind: any email category matches an email
        q = (select(t.items.c.subject_id).where(t.items.c.lookup_token == token)
             .distinct().order_by(t.items.c.subject_id))
        return list(self._c.execute(q).scalars())


# The ledger's hot path: decisions repeat the same reason sets, category sets and
# obligations over and over, so each distinct value is serialised once (bounded caches).
@functools.lru_cache(maxsize=4096)
def _reasons_json(reasons: tuple[Reason, ...]) -> str:
    return json.dumps([{"code": r.code, "en": r.en, "zh": r.zh, "categories": list(r.categories)}
                       for r in reasons], ensure_ascii=False)


@functools.lru_cache(maxsize=4096)
def _set_json(values: frozenset[str]) -> str:
    return json.dumps(sorted(values))


@functools.lru_cache(maxsize=1024)
def _list_json(values: tuple[str, ...]) -> str:
    return json.dumps(values)


@functools.lru_cache(maxsize=4096)
def _purposes(stored: str) -> frozenset[str]:
    return frozenset(json.loads(stored))


class SqlDecisions:
    def __init__(self, conn: Connection, seal: DecisionSeal) -> None:
        self._c = conn
        self._seal = seal

    def record(self, decision: Decision) -> RecordedDecision:
        return self.record_many([decision])[0]

    def record_many(self, decisions: Sequence[Decision]) -> list[RecordedDecision]:
        # columns in table order: id, at_us, actor_kind, actor_id, action, subject_id,
        # purpose, outcome, requested, allowed, reasons, policy_version, obligations,
        # target_system, exception_id
        insert_rows(self._c, t.decisions, [
            (d.id, int(d.at.timestamp() * 1_000_000), d.actor.kind.value, d.actor.id,
             d.action.value, d.subject_id, d.purpose, d.outcome.value, _set_json(d.requested),
             _set_json(d.allowed), _reasons_json(d.reasons), d.policy_version,
             _list_json(d.obligations), d.target_system, d.exception_id)
            for d in decisions])
        return [RecordedDecision(d, self._seal.seal(seal_message(d))) for d in decisions]

    def get(self, decision_id: str) -> Decision | None:
        r = self._c.execute(select(t.decisions).where(t.decisions.c.id == decision_id)).first()
        return None if r is None else self._decision(r)

    def search(self, *, subject_id: str | None = None, actor_id: str | None = None,
               purpose: str | None = None, outcome: str | None = None,
               since: datetime | None = None, until: datetime | None = None,
               limit: int = 100) -> list[Decision]:
        d = t.decisions.c
        q = select(t.decisions)
        for col, value in ((d.subject_id, subject_id), (d.actor_id, actor_id),
                           (d.purpose, purpose), (d.outcome, outcome)):
            if value is not None:
                q = q.where(col == value)
        if since is not None:
            q = q.where(d.at_us >= int(since.timestamp() * 1_000_000))
        if until is not None:
            q = q.where(d.at_us < int(until.timestamp() * 1_000_000))
        q = q.order_by(d.at_us.desc(), d.id).limit(limit)
        return [self._decision(r) for r in self._c.execute(q)]

    @staticmethod
    def _decision(r: Any) -> Decision:
        return Decision(
            id=r.id, at=datetime.fromtimestamp(r.at_us / 1_000_000, tz=UTC),
            actor=Actor(r.actor_id, ActorKind(r.actor_kind)), action=Action(r.action),
            subject_id=r.subject_id, purpose=r.purpose,
            requested=frozenset(json.loads(r.requested)),
            allowed=frozenset(json.loads(r.allowed)),
            reasons=tuple(Reason(x["code"], x["en"], x["zh"], tuple(x["categories"]))
                          for x in json.loads(r.reasons)),
            policy_version=r.policy_version, obligations=tuple(json.loads(r.obligations)),
            target_system=r.target_system, exception_id=r.exception_id)


def _json_set(values: frozenset[str] | None) -> str | None:
    return None if values is None else json.dumps(sorted(values))


def _set_of(stored: str | None) -> frozenset[str] | None:
    return None if stored is None else frozenset(json.loads(stored))


class SqlClients:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    @staticmethod
    def _client(r: Row[Any]) -> SystemClient:
        purposes, categories = _set_of(r.purposes), _set_of(r.categories)
        scope = None if purposes is None and categories is None else Scope(purposes, categories)
        return SystemClient(r.id, r.name, r.key_prefix, r.created_at, r.revoked_at, scope,
                            r.previous_prefix, r.previous_expires_at)

    def add(self, client: SystemClient, key_hash: str, created_by: str) -> None:
        scope = client.scope or Scope()
        self._c.execute(t.system_clients.insert().values(
            id=client.id, name=client.name, key_prefix=client.key_prefix, key_hash=key_hash,
            created_at=client.created_at, created_by=created_by,
            purposes=_json_set(scope.purposes), categories=_json_set(scope.categories)))

    def by_prefix(self, prefix: str) -> tuple[SystemClient, str, datetime | None] | None:
        """The client whose current key, or whose previous key (with the time it stops
        working), has this prefix."""
        c = t.system_clients.c
        r = self._c.execute(select(t.system_clients).where(
            (c.key_prefix == prefix) | (c.previous_prefix == prefix))).first()
        if r is None:
            return None
        if r.key_prefix == prefix:
            return self._client(r), r.key_hash, None
        return self._client(r), r.previous_hash, r.previous_expires_at

    def by_name(self, name: str) -> SystemClient | None:
        r = self._c.execute(select(t.system_clients)
                            .where(t.system_clients.c.name == name)).first()
        return None if r is None else self._client(r)

    def set_scope(self, client_id: str, scope: Scope | None) -> None:
        scope = scope or Scope()
        self._c.execute(update(t.system_clients).where(t.system_clients.c.id == client_id)
                        .values(purposes=_json_set(scope.purposes),
                                categories=_json_set(scope.categories)))

    def rotate(self, client_id: str, prefix: str, key_hash: str,
               previous_expires_at: datetime) -> None:
        c = t.system_clients.c
        self._c.execute(update(t.system_clients).where(c.id == client_id).values(
            previous_prefix=c.key_prefix, previous_hash=c.key_hash,
            previous_expires_at=previous_expires_at, key_prefix=prefix, key_hash=key_hash))

    def revoke(self, client_id: str, at: datetime) -> None:
        self._c.execute(update(t.system_clients).where(t.system_clients.c.id == client_id)
                        .values(revoked_at=at))

    def list(self) -> list[SystemClient]:
        q = select(t.system_clients).order_by(t.system_clients.c.name)
        return [self._client(r) for r in self._c.execute(q)]


class SqlPolicies:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def add(self, version: PolicyVersion) -> None:
        v = version
        self._c.execute(t.policy_versions.insert().values(
            version=v.version, published_at=v.published_at, sha256=v.sha256, text=v.text))

    def latest(self) -> PolicyVersion | None:
        r = self._c.execute(select(t.policy_versions)
                            .order_by(t.policy_versions.c.published_at.desc()).limit(1)).first()
        return None if r is None else PolicyVersion(r.version, r.published_at, r.sha256, r.text)

    def list(self) -> list[PolicyVersion]:
        q = select(t.policy_versions).order_by(t.policy_versions.c.published_at)
        return [PolicyVersion(r.version, r.published_at, r.sha256, r.text)
                for r in self._c.execute(q)]
