"""The request store (R4, R9): requests with their sealed details, verification codes,
reminders sent, notifications to systems, download packages and the mail triage queue."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import IDS, chunks
from piiguard.domain.rights.ports import Endpoint, QueueFilter, StoredPackage, TriageMail
from piiguard.domain.rights.rules import (
    RequestChannel,
    RequestKind,
    RequestStatus,
    RightsRequest,
    SystemTask,
    TaskAction,
    TaskStatus,
    Verification,
)

R = t.data_requests
_OPEN = [s.value for s in RequestStatus if not s.closed]


def _row(req: RightsRequest) -> dict[str, Any]:
    return {
        "kind": req.kind.value,
        "channel": req.channel.value,
        "status": req.status.value,
        "received_at": req.received_at,
        "due_at": req.due_at,
        "contact_hash": req.contact_hash,
        "language": req.language,
        "created_by": req.created_by,
        "subject_id": req.subject_id,
        "assignee": req.assignee,
        "verified_at": req.verified_at,
        "document_checked_by": req.document_checked_by,
        "approved_by": req.approved_by,
        "excessive": req.excessive,
        "excessive_reason": req.excessive_reason,
        "fee": req.fee,
        "refusal_reason": req.refusal_reason,
        "paused_at": req.paused_at,
        "paused_seconds": req.paused_seconds,
        "closed_at": req.closed_at,
        "outcome": req.outcome,
        "sensitive": req.sensitive,
        "open": not req.status.closed,
        "waiting": req.paused_at is not None,
    }


def _request(r: Any) -> RightsRequest:
    return RightsRequest(
        r.id,
        RequestKind(r.kind),
        RequestChannel(r.channel),
        RequestStatus(r.status),
        r.received_at,
        r.due_at,
        r.contact_hash,
        r.language,
        r.created_by,
        r.subject_id,
        r.assignee,
        r.verified_at,
        r.document_checked_by,
        r.approved_by,
        bool(r.excessive),
        r.excessive_reason,
        r.fee,
        r.refusal_reason,
        r.paused_at,
        r.paused_seconds,
        r.closed_at,
        r.outcome,
        bool(r.sensitive),
    )


_COLS = [c for c in R.c if c.name not in ("details", "waiting", "claimed_at")]
_N, _C, _T = t.request_notices, t.request_codes, t.request_tasks
_E, _P, _M = t.system_endpoints, t.request_packages, t.triage_mail


def _task(r: Any) -> SystemTask:
    return SystemTask(
        r.id,
        r.request_id,
        r.system,
        TaskAction(r.action),
        frozenset(json.loads(r.categories)),
        TaskStatus(r.status),
        r.created_at,
        r.attempts,
        r.next_attempt_at,
        r.last_error,
        r.settled_at,
        r.note,
    )


def _package(r: Any) -> StoredPackage:
    return StoredPackage(
        r.id,
        r.request_id,
        r.subject_id,
        r.kind,
        r.created_at,
        r.expires_at,
        r.used_at,
        bytes(r.sealed),
    )


class SqlRequests:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    # -- requests ---------------------------------------------------------------------------
    def add(self, req: RightsRequest, details_sealed: str) -> None:
        self._c.execute(insert(R).values(id=req.id, details=details_sealed, **_row(req)))

    def get(self, request_id: str, *, lock: bool = False) -> tuple[RightsRequest, str] | None:
        q = select(*_COLS, R.c.details).where(R.c.id == request_id)
        if lock and self._c.dialect.name == "postgresql":
            q = q.with_for_update()
        r = self._c.execute(q).first()
        return None if r is None else (_request(r), r.details)

    def save(self, req: RightsRequest) -> None:
        self._c.execute(update(R).where(R.c.id == req.id).values(**_row(req)))

    def claim(self, request_id: str, at: datetime, stale_before: datetime) -> bool:
        """Take a verified request to carry it out; False when another process holds it
        (a claim older than `stale_before` is a process that died: taken over)."""
        q = (
            update(R)
            .where(
                R.c.id == request_id,
                R.c.status == "in_progress",
                R.c.claimed_at.is_(None) | (R.c.claimed_at < stale_before),
            )
            .values(claimed_at=at)
        )
        return bool(self._c.execute(q).rowcount)

    def release(self, request_id: str) -> None:
        self._c.execute(update(R).where(R.c.id == request_id).values(claimed_at=None))

    def opened_since(self, contact_hash: str, since: datetime) -> int:
        q = select(func.count()).where(R.c.contact_hash == contact_hash, R.c.received_at >= since)
        return int(self._c.execute(q).scalar_one())

    def earlier(
        self, contact_hash: str, subject_id: str | None, before: datetime
    ) -> list[tuple[RequestKind, datetime]]:
        who = R.c.contact_hash == contact_hash
        if subject_id is not None:
            who = who | (R.c.subject_id == subject_id)
        # a request refused as excessive still counts; one never verified does not
        q = select(R.c.kind, R.c.received_at).where(
            who, R.c.received_at < before, R.c.verified_at.is_not(None)
        )
        return [(RequestKind(k), at) for k, at in self._c.execute(q)]

    def queue(self, f: QueueFilter) -> list[RightsRequest]:
        q = select(*_COLS)
        if f.statuses is None:
            q = q.where(R.c.open.is_(True))
        else:
            q = q.where(R.c.status.in_([s.value for s in f.statuses]))
        if f.kind is not None:
            q = q.where(R.c.kind == f.kind.value)
        if f.assignee is not None:
            q = q.where(R.c.assignee == f.assignee)
        if f.due_before is not None:
            q = q.where(R.c.due_at < f.due_before)
        if f.overdue_at is not None:
            q = q.where(R.c.open.is_(True), R.c.paused_at.is_(None), R.c.due_at < f.overdue_at)
        if f.subject_id is not None:
            q = q.where(R.c.subject_id == f.subject_id)
        # overdue first is due-date order (an overdue request's due date is in the past);
        # requests waiting on the requester come after the running ones: their clock is
        # stopped, so a due date passed while paused is not overdue
        # (ix_data_requests_queue); the overdue view holds no paused request
        order = (
            [R.c.due_at, R.c.id] if f.overdue_at is not None else [R.c.waiting, R.c.due_at, R.c.id]
        )
        q = q.order_by(*order).limit(f.limit).offset(f.offset)
        return [_request(r) for r in self._c.execute(q)]

    def counts(self, now: datetime) -> tuple[int, int]:
        # two index range counts in one statement (ix_data_requests_open_due for the open
        # ones, ix_data_requests_queue for the overdue ones): ten times cheaper on SQLite
        # than one pass adding up a CASE over every open row
        running = R.c.waiting.is_(False)
        opened = select(func.count()).where(R.c.open.is_(True)).scalar_subquery()
        late = (
            select(func.count())
            .where(R.c.open.is_(True), running, R.c.due_at < now)
            .scalar_subquery()
        )
        n, overdue = self._c.execute(select(opened, late)).one()
        return int(n), int(overdue)

    def due_for_notices(self, now: datetime, horizon_days: int) -> list[RightsRequest]:
        q = (
            select(*_COLS)
            .where(
                R.c.open.is_(True),
                R.c.paused_at.is_(None),
                R.c.due_at <= now + timedelta(days=horizon_days),
            )
            .order_by(R.c.due_at)
        )
        return [_request(r) for r in self._c.execute(q)]

    def notices_sent(self, request_ids: Sequence[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {i: set() for i in request_ids}
        q = select(_N.c.request_id, _N.c.label).where(_N.c.request_id.in_(IDS))
        for part in chunks(list(request_ids)):
            for rid, label in self._c.execute(q, {"ids": part}):
                out[rid].add(label)
        return out

    def add_notice(self, request_id: str, label: str, at: datetime, sent: bool) -> bool:
        try:
            with self._c.begin_nested():
                self._c.execute(
                    insert(t.request_notices).values(
                        request_id=request_id, label=label, at=at, sent=sent
                    )
                )
        except IntegrityError:
            return False
        return True

    def reply_mailed(self, request_id: str) -> bool:
        q = select(_N.c.sent).where(_N.c.request_id == request_id, _N.c.label == "reply")
        return bool(self._c.execute(q).scalar())

    def drop_notice(self, request_id: str, label: str) -> None:
        self._c.execute(_N.delete().where(_N.c.request_id == request_id, _N.c.label == label))

    def unreplied(self, limit: int) -> list[str]:
        """Closed requests whose reply is not on record as sent (the mail server refused)."""
        sent = select(_N.c.request_id).where(_N.c.label == "reply")
        q = (
            select(R.c.id)
            .where(R.c.open.is_(False), R.c.id.not_in(sent))
            .order_by(R.c.closed_at)
            .limit(limit)
        )
        return list(self._c.execute(q).scalars())

    def retry_endpoint_tasks(self, system: str, at: datetime) -> int:
        """Pending tasks of a system that waited for an endpoint: due now."""
        return int(
            self._c.execute(
                update(_T)
                .where(
                    _T.c.system == system,
                    _T.c.status == TaskStatus.PENDING.value,
                    _T.c.next_attempt_at.is_(None),
                )
                .values(next_attempt_at=at)
            ).rowcount
        )

    # -- verification codes ---------------------------------------------------------------
    def add_code(self, v: Verification) -> None:
        self._c.execute(
            insert(t.request_codes).values(
                request_id=v.request_id,
                sent_at=v.sent_at,
                code_hash=v.code_hash,
                expires_at=v.expires_at,
                attempts=v.attempts,
                used_at=v.used_at,
            )
        )

    def codes(self, request_id: str) -> list[Verification]:
        q = select(_C).where(_C.c.request_id == request_id).order_by(_C.c.sent_at)
        return [
            Verification(r.request_id, r.code_hash, r.sent_at, r.expires_at, r.attempts, r.used_at)
            for r in self._c.execute(q)
        ]

    def save_code(self, v: Verification) -> None:
        self._c.execute(
            update(_C)
            .where(_C.c.request_id == v.request_id, _C.c.sent_at == v.sent_at)
            .values(attempts=v.attempts, used_at=v.used_at)
        )

    # -- notifications to systems ---------------------------------------------------------
    def add_tasks(self, tasks: Sequence[SystemTask]) -> None:
        if tasks:
            self._c.execute(
                insert(t.request_tasks),
                [
                    {
                        "id": x.id,
                        "request_id": x.request_id,
                        "system": x.system,
                        "action": x.action.value,
                        "categories": json.dumps(sorted(x.categories)),
                        "status": x.status.value,
                        "created_at": x.created_at,
                        "attempts": x.attempts,
                        "next_attempt_at": x.next_attempt_at,
                        "last_error": x.last_error,
                        "settled_at": x.settled_at,
                        "note": x.note,
                    }
                    for x in tasks
                ],
            )

    def tasks_of(self, request_id: str) -> list[SystemTask]:
        q = select(_T).where(_T.c.request_id == request_id).order_by(_T.c.system, _T.c.action)
        return [_task(r) for r in self._c.execute(q)]

    def task(self, task_id: str) -> SystemTask | None:
        r = self._c.execute(select(t.request_tasks).where(t.request_tasks.c.id == task_id)).first()
        return None if r is None else _task(r)

    def tasks_due(self, now: datetime, limit: int) -> list[SystemTask]:
        q = (
            select(_T)
            .where(_T.c.status == TaskStatus.PENDING.value, _T.c.next_attempt_at <= now)
            .order_by(_T.c.next_attempt_at)
            .limit(limit)
        )
        return [_task(r) for r in self._c.execute(q)]

    def save_task(self, x: SystemTask) -> None:
        self._c.execute(
            update(_T)
            .where(_T.c.id == x.id)
            .values(
                status=x.status.value,
                attempts=x.attempts,
                next_attempt_at=x.next_attempt_at,
                last_error=x.last_error,
                settled_at=x.settled_at,
                note=x.note,
            )
        )

    def endpoints(self) -> dict[str, Endpoint]:
        return {r.system: Endpoint(r.system, r.url, r.secret) for r in self._c.execute(select(_E))}

    def set_endpoint(self, e: Endpoint) -> None:
        done = self._c.execute(
            update(_E).where(_E.c.system == e.system).values(url=e.url, secret=e.secret_sealed)
        ).rowcount
        if not done:
            self._c.execute(insert(_E).values(system=e.system, url=e.url, secret=e.secret_sealed))

    # -- packages ---------------------------------------------------------------------------
    def add_package(self, p: StoredPackage, token_hash: str) -> None:
        self._c.execute(
            insert(t.request_packages).values(
                id=p.id,
                request_id=p.request_id,
                subject_id=p.subject_id,
                kind=p.kind,
                token_hash=token_hash,
                created_at=p.created_at,
                expires_at=p.expires_at,
                used_at=p.used_at,
                sealed=p.sealed,
            )
        )

    def package_by_token(self, token_hash: str) -> StoredPackage | None:
        r = self._c.execute(select(_P).where(_P.c.token_hash == token_hash)).first()
        return None if r is None else _package(r)

    def use_package(self, package_id: str, at: datetime) -> bool:
        return bool(
            self._c.execute(
                update(_P).where(_P.c.id == package_id, _P.c.used_at.is_(None)).values(used_at=at)
            ).rowcount
        )

    def packages_of(self, request_id: str) -> list[StoredPackage]:
        q = select(_P).where(_P.c.request_id == request_id).order_by(_P.c.created_at)
        return [_package(r) for r in self._c.execute(q)]

    def drop_packages_of_subject(self, subject_id: str) -> list[str]:
        ids = list(self._c.execute(select(_P.c.id).where(_P.c.subject_id == subject_id)).scalars())
        self._c.execute(_P.delete().where(_P.c.subject_id == subject_id))
        return ids

    # -- mail triage --------------------------------------------------------------------------
    def add_triage(self, x: TriageMail) -> None:
        self._c.execute(
            insert(t.triage_mail).values(
                id=x.id,
                received_at=x.received_at,
                sealed=x.sealed,
                reason=x.reason,
                resolved_at=x.resolved_at,
                resolved_by=x.resolved_by,
                request_id=x.request_id,
            )
        )

    def triage(self, *, open_only: bool = True) -> list[TriageMail]:
        q = select(_M).order_by(_M.c.received_at)
        if open_only:
            q = q.where(_M.c.resolved_at.is_(None))
        return [
            TriageMail(
                r.id, r.received_at, r.sealed, r.reason, r.resolved_at, r.resolved_by, r.request_id
            )
            for r in self._c.execute(q)
        ]

    def resolve_triage(self, triage_id: str, at: datetime, by: str, request_id: str | None) -> bool:
        return bool(
            self._c.execute(
                update(_M)
                .where(_M.c.id == triage_id, _M.c.resolved_at.is_(None))
                .values(resolved_at=at, resolved_by=by, request_id=request_id)
            ).rowcount
        )
