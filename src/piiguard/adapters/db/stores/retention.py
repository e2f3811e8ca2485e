"""The retention schedule's storage (R2.11): rules per purpose and category, rules for
piiguard's own records, legal minimums, the schedule's versions and reviews, anchor events,
legal holds and each item's stored retain-until. `SqlRetention` (uow.retention) adds the
disposal batches (stores/disposal.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import execute_planned, id_chunks, in_ids
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.adapters.db.stores.disposal import SqlDisposal
from piiguard.adapters.db.stores.upkeep import SqlUpkeep
from piiguard.domain.retention.schedule import (
    Anchor,
    AnchorEvent,
    HoldStatus,
    ItemRetention,
    LegalHold,
    LegalMinimum,
    RecordRule,
    RecordType,
    RetentionRule,
    ScheduleChange,
    ScheduleReview,
)

_R, _RR, _M, _V, _RV = (
    t.retention_rules,
    t.record_rules,
    t.legal_minimums,
    t.retention_versions,
    t.retention_reviews,
)
_A, _H, _IR = t.retention_anchors, t.legal_holds, t.item_retention

_RETENTION_OF = select(_IR).where(in_ids(_IR.c.item_id))
_ANCHORS_OF = select(_A).where(in_ids(_A.c.subject_id))
# a disposal's retain-until rows by their people (ix_item_retention_subject_id), joined to
# the (person, item) pairs by hash, not by each item's random key (stores/items.py)
_FORGET_OF_PG = (
    "DELETE FROM item_retention USING unnest(%b::text[]) AS v(iid) "
    "WHERE item_retention.subject_id = ANY(%b::text[]) AND item_retention.item_id = v.iid"
)


def _minimum(r: Any) -> LegalMinimum:
    return LegalMinimum(
        r.key,
        r.en,
        r.zh,
        r.legal_source,
        r.days,
        Anchor(r.anchor),
        as_set(r.categories),
        as_set(r.purposes),
        r.active,
    )


def _hold(r: Any) -> LegalHold:
    return LegalHold(
        r.id,
        HoldStatus(r.status),
        r.reason,
        r.case_reference,
        as_set(r.subject_ids),
        as_set(r.categories),
        as_set(r.systems),
        r.until,
        r.placed_by,
        r.placed_at,
        r.approved_by,
        r.approved_at,
        r.lift_requested_by,
        r.lift_requested_at,
        r.lift_reason,
        r.lifted_by,
        r.lifted_at,
    )


def _retention(r: Any) -> ItemRetention:
    return ItemRetention(
        r.item_id,
        r.subject_id,
        r.retain_until,
        r.schedule_version,
        r.computed_at,
        r.category,
        r.held_in,
        as_set(r.purposes),
    )


class SqlSchedule:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def _upsert(self, table: Any, key: dict[str, Any], values: dict[str, Any]) -> None:
        where = [table.c[k] == v for k, v in key.items()]
        if not self._c.execute(update(table).where(*where).values(**values)).rowcount:
            self._c.execute(table.insert().values(**key, **values))

    # -- rules ----------------------------------------------------------------------------
    def version(self) -> int:
        return int(self._c.execute(select(func.coalesce(func.max(_V.c.version), 0))).scalar_one())

    def rules(self) -> list[RetentionRule]:
        q = select(_R).order_by(_R.c.purpose, _R.c.category)
        return [
            RetentionRule(r.purpose, r.category, r.days, Anchor(r.anchor), r.note)
            for r in self._c.execute(q)
        ]

    def save_rule(self, rule: RetentionRule, version: int, at: datetime, by: str) -> None:
        self._upsert(
            _R,
            {"purpose": rule.purpose, "category": rule.category},
            {
                "days": rule.days,
                "anchor": rule.anchor.value,
                "note": rule.note,
                "version": version,
                "updated_at": at,
                "updated_by": by,
            },
        )

    def delete_rule(self, purpose: str, category: str) -> bool:
        q = delete(_R).where(_R.c.purpose == purpose, _R.c.category == category)
        return bool(self._c.execute(q).rowcount)

    def record_rules(self) -> list[RecordRule]:
        q = select(_RR).order_by(_RR.c.record_type)
        return [
            RecordRule(RecordType(r.record_type), r.days, Anchor(r.anchor), r.note)
            for r in self._c.execute(q)
        ]

    def save_record_rule(self, rule: RecordRule, version: int, at: datetime, by: str) -> None:
        self._upsert(
            _RR,
            {"record_type": rule.record_type.value},
            {
                "days": rule.days,
                "anchor": rule.anchor.value,
                "note": rule.note,
                "version": version,
                "updated_at": at,
                "updated_by": by,
            },
        )

    def minimums(self) -> list[LegalMinimum]:
        return [_minimum(r) for r in self._c.execute(select(_M).order_by(_M.c.key))]

    def minimum(self, key: str) -> LegalMinimum | None:
        r = self._c.execute(select(_M).where(_M.c.key == key)).first()
        return None if r is None else _minimum(r)

    def save_minimum(self, m: LegalMinimum, version: int, at: datetime, by: str) -> None:
        self._upsert(
            _M,
            {"key": m.key},
            {
                "en": m.en,
                "zh": m.zh,
                "legal_source": m.legal_source,
                "days": m.days,
                "anchor": m.anchor.value,
                "categories": as_json(m.categories),
                "purposes": as_json(m.purposes),
                "active": m.active,
                "version": version,
                "updated_at": at,
                "updated_by": by,
            },
        )

    # -- versions and reviews -------------------------------------------------------------
    def add_change(self, change: ScheduleChange) -> None:
        self._c.execute(
            _V.insert().values(
                version=change.version,
                kind=change.kind,
                target=change.target,
                definition=change.definition,
                changed_at=change.changed_at,
                changed_by=change.changed_by,
            )
        )

    def changes(self, limit: int = 100) -> list[ScheduleChange]:
        q = select(_V).order_by(_V.c.version.desc()).limit(limit)
        return [
            ScheduleChange(r.version, r.kind, r.target, r.definition, r.changed_at, r.changed_by)
            for r in self._c.execute(q)
        ]

    def add_review(self, review: ScheduleReview) -> None:
        self._c.execute(
            _RV.insert().values(
                id=review.id,
                reviewed_at=review.reviewed_at,
                reviewed_by=review.reviewed_by,
                schedule_version=review.schedule_version,
                changes=review.changes,
                next_due_at=review.next_due_at,
            )
        )

    def save_review_changes(self, review_id: str, changes: str) -> None:
        self._c.execute(update(_RV).where(_RV.c.id == review_id).values(changes=changes))

    def reviews(self, limit: int = 100) -> list[ScheduleReview]:
        q = select(_RV).order_by(_RV.c.reviewed_at.desc(), _RV.c.id).limit(limit)
        return [
            ScheduleReview(
                r.id, r.reviewed_at, r.reviewed_by, r.schedule_version, r.changes, r.next_due_at
            )
            for r in self._c.execute(q)
        ]

    # -- anchor events --------------------------------------------------------------------
    def save_anchor(self, event: AnchorEvent) -> None:
        self._upsert(
            _A,
            {"subject_id": event.subject_id, "event": event.event.value},
            {"at": event.at, "reported_by": event.reported_by, "reported_at": event.reported_at},
        )

    def anchors_of(self, subject_ids: Sequence[str]) -> dict[str, dict[Anchor, datetime]]:
        out: dict[str, dict[Anchor, datetime]] = {}
        for chunk in id_chunks(self._c, subject_ids):
            for r in self._c.execute(_ANCHORS_OF, {"ids": chunk}):
                out.setdefault(r.subject_id, {})[Anchor(r.event)] = r.at
        return out

    # -- holds ----------------------------------------------------------------------------
    def holds(self, statuses: Sequence[HoldStatus] = ()) -> list[LegalHold]:
        q = select(_H).order_by(_H.c.placed_at, _H.c.id)
        if statuses:
            q = q.where(_H.c.status.in_([s.value for s in statuses]))
        return [_hold(r) for r in self._c.execute(q)]

    def hold(self, hold_id: str) -> LegalHold | None:
        r = self._c.execute(select(_H).where(_H.c.id == hold_id)).first()
        return None if r is None else _hold(r)

    def save_hold(self, hold: LegalHold) -> None:
        self._upsert(
            _H,
            {"id": hold.id},
            {
                "status": hold.status.value,
                "reason": hold.reason,
                "case_reference": hold.case_reference,
                "subject_ids": as_json(hold.subject_ids),
                "categories": as_json(hold.categories),
                "systems": as_json(hold.systems),
                "until": hold.until,
                "placed_by": hold.placed_by,
                "placed_at": hold.placed_at,
                "approved_by": hold.approved_by,
                "approved_at": hold.approved_at,
                "lift_requested_by": hold.lift_requested_by,
                "lift_requested_at": hold.lift_requested_at,
                "lift_reason": hold.lift_reason,
                "lifted_by": hold.lifted_by,
                "lifted_at": hold.lifted_at,
            },
        )

    # -- each item's retain-until ---------------------------------------------------------
    def set_retention(self, rows: Sequence[ItemRetention]) -> None:
        """Replace the stored retain-until of these items (one statement per chunk)."""
        self.forget([r.item_id for r in rows])
        if rows:
            self._c.execute(
                _IR.insert(),
                [
                    {
                        "item_id": r.item_id,
                        "subject_id": r.subject_id,
                        "retain_until": r.retain_until,
                        "schedule_version": r.schedule_version,
                        "computed_at": r.computed_at,
                        "category": r.category,
                        "held_in": r.held_in,
                        "purposes": as_json(r.purposes),
                    }
                    for r in rows
                ],
            )

    def retention_of(self, item_ids: Sequence[str]) -> dict[str, ItemRetention]:
        out: dict[str, ItemRetention] = {}
        for chunk in id_chunks(self._c, item_ids):
            for r in self._c.execute(_RETENTION_OF, {"ids": chunk}):
                out[r.item_id] = _retention(r)
        return out

    def due(self, as_of: datetime, limit: int, after: str = "") -> list[ItemRetention]:
        """Items whose retain-until is on or before `as_of`, in (retain_until, id) order;
        page with `after` = the last item id of the previous page (an index range scan)."""
        q = select(_IR).where(_IR.c.retain_until <= as_of)
        if after:
            last = select(_IR.c.retain_until).where(_IR.c.item_id == after).scalar_subquery()
            q = q.where(
                (_IR.c.retain_until > last)
                | ((_IR.c.retain_until == last) & (_IR.c.item_id > after))
            )
        q = q.order_by(_IR.c.retain_until, _IR.c.item_id).limit(limit)
        return [_retention(r) for r in self._c.execute(q)]

    def forget(self, item_ids: Sequence[str]) -> None:
        stmt = delete(_IR).where(in_ids(_IR.c.item_id))
        for chunk in id_chunks(self._c, item_ids):
            self._c.execute(stmt, {"ids": chunk})

    def forget_of(self, wanted: Mapping[str, Sequence[str]]) -> None:
        """`forget` of these people's items (person -> item ids): on PostgreSQL found by
        their people and joined to the ids, as items.py `delete_of` does."""
        ids = [iid for iids in wanted.values() for iid in iids]
        if self._c.dialect.name != "postgresql":
            self.forget(ids)
        elif ids:
            execute_planned(self._c, _FORGET_OF_PG, (ids, list(wanted)))


class SqlRetention(SqlSchedule, SqlDisposal, SqlUpkeep):
    """uow.retention: the schedule and the disposal batches on one connection."""
