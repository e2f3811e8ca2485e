"""Confirmation requests (R2.8): items unconfirmed past their category's interval are
queued, one request per person (queue_stale); the person is mailed a link to the privacy
centre (mail_queued — throttled, resumable: a pass mails at most `limit`, the rest wait for
the next); a request unanswered `days` after its mail goes to the staff queue
(to_staff_queue), as does one that cannot be mailed (no email address we may use); staff
confirming by phone record how (record_by_staff). The person's side is person.py.
Every step is an audit entry on target `confirmation/<id>`: ids, counts, statuses."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, MailError, NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.retention.upkeep import (
    ConfirmationRequest,
    ConfirmationStatus,
    ItemOutcome,
    is_stale,
)
from piiguard.domain.subjects import ItemRecord
from piiguard.services.ids import new_id
from piiguard.services.retention.schedule import refresh_retention
from piiguard.services.retention.upkeep import mail as upkeep_mail
from piiguard.services.retention.upkeep._common import (
    EMAIL,
    LANGUAGE,
    UPKEEP,
    UpkeepKit,
    audited,
    reveal,
)

log = logging.getLogger(__name__)
STAFF_ROLES = frozenset({"staff", "privacy_officer"})
METHODS = ("phone", "in_person", "letter", "email")
TARGET = "confirmation"


def token_hash(kit: UpkeepKit, token: str) -> str:
    return kit.vault.keyed_hash(f"confirmation-link|{token}")


def get_confirmation(
    uow: UnitOfWork, request_id: str, *, lock: bool = False
) -> ConfirmationRequest:
    found = uow.retention.confirmation(request_id, lock=lock)
    if found is None:
        raise NotFound(f"no confirmation request {request_id}", field="request_id")
    return found


# -- queueing -----------------------------------------------------------------------------------


def queue_stale(uow: UnitOfWork, clock: Clock, limit: int = 100) -> int:
    """Open a request for up to `limit` people holding items unconfirmed past their
    interval and no open request; how many were queued. Each pass takes the next ones."""
    now = clock.now()
    with uow:
        intervals = uow.retention.intervals()
        if not intervals:
            return 0
        shortest = min(i.days for i in intervals)
        subjects = uow.retention.stale_subjects(
            [i.category for i in intervals], now - timedelta(days=shortest), limit
        )
        queued = 0
        for sid in subjects:
            stale = [
                r.id
                for r in uow.items.records(sid)
                if is_stale(r.last_confirmed_at, r.category, intervals, now)
            ]
            if not stale:
                continue
            q = ConfirmationRequest(
                new_id(), sid, ConfirmationStatus.QUEUED, tuple(sorted(stale)), "zh", now
            )
            uow.retention.add_confirmation(q)
            audited(uow, UPKEEP, "confirmation.queue", TARGET, q.id, sid, items=len(stale))
            queued += 1
        uow.commit()
    return queued


# -- mailing ------------------------------------------------------------------------------------


def mail_queued(uow: UnitOfWork, kit: UpkeepKit, limit: int = 100) -> int:
    """Mail up to `limit` queued requests (oldest first); how many went. Claimed before the
    mail (status `mailed`, so two workers never mail one twice); a mail the server refuses
    puts it back in the queue for the next pass. No address we may use: the staff queue."""
    with uow:
        queued = uow.retention.confirmations((ConfirmationStatus.QUEUED,), limit)
    sent = 0
    for q in queued:
        items = reveal(uow, kit, UPKEEP, q.subject_id, [EMAIL, LANGUAGE])
        emails = [i.value for i in items if i.record.category == EMAIL and i.value]
        lang = next((i.value for i in items if i.record.category == LANGUAGE and i.value), "")
        language = "en" if lang.lower().startswith("en") else "zh"
        token = secrets.token_urlsafe(32)
        with uow:
            current = get_confirmation(uow, q.id, lock=True)
            if current.status is not ConfirmationStatus.QUEUED:
                continue  # another worker took it
            if not emails:
                claimed = replace(
                    current, status=ConfirmationStatus.STAFF_QUEUE, escalated_at=kit.clock.now()
                )
                uow.retention.save_confirmation(claimed)
                audited(
                    uow,
                    UPKEEP,
                    "confirmation.staff_queue",
                    TARGET,
                    q.id,
                    q.subject_id,
                    why="no_usable_email",
                )
                uow.commit()
                continue
            claimed = replace(
                current,
                status=ConfirmationStatus.MAILED,
                language=language,
                mailed_at=kit.clock.now(),
                token_hash=token_hash(kit, token),
            )
            uow.retention.save_confirmation(claimed)
            uow.commit()
        link = upkeep_mail.confirm_link(kit.public_url, token)
        try:
            kit.mailer.send(
                upkeep_mail.link_mail(claimed, emails[0], link, kit.company, len(q.item_ids))
            )
        except MailError as e:
            log.warning(
                "confirmation %s: the mail was not sent (%s); queued again",
                q.id,
                e.reply_code or "server unreachable",
            )
            with uow:
                uow.retention.save_confirmation(current)
                audited(
                    uow,
                    UPKEEP,
                    "confirmation.mail_failed",
                    TARGET,
                    q.id,
                    q.subject_id,
                    reply_code=e.reply_code,
                )
                uow.commit()
            continue
        with uow:
            audited(
                uow,
                UPKEEP,
                "confirmation.mail",
                TARGET,
                q.id,
                q.subject_id,
                language=language,
                items=len(q.item_ids),
            )
            uow.commit()
        sent += 1
    return sent


def to_staff_queue(uow: UnitOfWork, clock: Clock, days: int, limit: int = 1000) -> int:
    """Requests mailed `days` ago or earlier and still unanswered go to the staff queue."""
    now = clock.now()
    with uow:
        late = uow.retention.confirmations(
            (ConfirmationStatus.MAILED,), limit, mailed_before=now - timedelta(days=days)
        )
        for q in late:
            uow.retention.save_confirmation(
                replace(q, status=ConfirmationStatus.STAFF_QUEUE, escalated_at=now)
            )
            audited(
                uow,
                UPKEEP,
                "confirmation.staff_queue",
                TARGET,
                q.id,
                q.subject_id,
                why="unanswered",
                days=days,
            )
        uow.commit()
    return len(late)


# -- views --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConfirmationView:
    request: ConfirmationRequest
    items: list[ItemRecord]  # metadata only: category, collected, last confirmed


def list_confirmations(
    uow: UnitOfWork,
    statuses: Sequence[ConfirmationStatus] = (),
    limit: int = 200,
    subject_id: str | None = None,
) -> list[ConfirmationRequest]:
    """The staleness queue (oldest first): no value, no contact."""
    with uow:
        return uow.retention.confirmations(statuses, limit, subject_id=subject_id)


def view_confirmation(uow: UnitOfWork, request_id: str) -> ConfirmationView:
    with uow:
        q = get_confirmation(uow, request_id)
        wanted = set(q.item_ids)
        records = [r for r in uow.items.records(q.subject_id) if r.id in wanted]
    return ConfirmationView(q, records)


# -- answers ------------------------------------------------------------------------------------


def settle_items(
    uow: UnitOfWork,
    clock: Clock,
    q: ConfirmationRequest,
    outcome: dict[str, str],
    by: str,
    method: str,
) -> ConfirmationRequest:
    """Inside an open unit of work: record each item's outcome; confirmed items get
    last_confirmed_at now (and a new retain-until where the schedule counts from it); the
    request is answered when every item has an outcome."""
    now = clock.now()
    confirmed = [i for i, o in outcome.items() if o == ItemOutcome.CONFIRMED]
    uow.retention.confirm_items(q.subject_id, confirmed, now)
    q = replace(_with_outcome(q, outcome, now, by), method=method)
    uow.retention.save_confirmation(q)
    return q


def _with_outcome(
    q: ConfirmationRequest, outcome: dict[str, str], now: datetime, by: str
) -> ConfirmationRequest:
    """`outcome` merged in: answered once every item has one — closed instead when every
    item is gone (nothing was asked of anyone)."""
    merged = {**q.outcome, **outcome}
    if not all(i in merged for i in q.item_ids):
        return replace(q, outcome=merged)
    if all(o == ItemOutcome.GONE for o in merged.values()):
        return replace(q, outcome=merged, status=ConfirmationStatus.CLOSED)
    return replace(
        q,
        outcome=merged,
        status=ConfirmationStatus.ANSWERED,
        answered_at=now,
        answered_by=q.answered_by or by,
    )


def settle_gone(uow: UnitOfWork, clock: Clock, limit: int = 100_000) -> int:
    """Open requests naming items disposed of or erased since they were queued (a disposal
    batch, an erasure, a deletion): each such item's outcome is `gone`; a request left with
    nothing to ask is closed, one whose other items all have an answer is answered. How
    many requests changed. First in each upkeep pass, so nobody is mailed, and no staff
    member asked to call, about data that is no longer held."""
    now = clock.now()
    changed = 0
    with uow:
        found = uow.retention.confirmations([s for s in ConfirmationStatus if s.open], limit)
        asked = sorted({i for q in found for i in q.item_ids if i not in q.outcome})
        live = uow.retention.live_items(asked) if asked else set()
        for stale in found:
            if all(i in stale.outcome or i in live for i in stale.item_ids):
                continue
            q = get_confirmation(uow, stale.id, lock=True)  # as it stands now
            gone = [i for i in q.item_ids if i not in q.outcome and i not in live]
            if not q.status.open or not gone:
                continue
            q = _with_outcome(q, dict.fromkeys(gone, ItemOutcome.GONE.value), now, UPKEEP.ref)
            uow.retention.save_confirmation(q)
            audited(
                uow,
                UPKEEP,
                "confirmation.gone",
                TARGET,
                q.id,
                q.subject_id,
                items=len(gone),
                status=q.status.value,
            )
            changed += 1
        uow.commit()
    return changed


def record_by_staff(
    uow: UnitOfWork,
    clock: Clock,
    actor: Actor,
    request_id: str,
    method: str,
    item_ids: Sequence[str] | None = None,
) -> ConfirmationRequest:
    """Staff confirmed the items with the person another way (`method`: phone, in_person,
    letter, email): the named items (default every item of the request) confirmed now. A
    correction the person gives staff is a correction request (the rights queue)."""
    if not STAFF_ROLES & actor.roles and actor.kind.value != "operator":
        raise Forbidden("only staff record a confirmation")
    if method not in METHODS:
        raise InvalidInput(f"method is one of {', '.join(METHODS)}", field="method")
    with uow:
        q = get_confirmation(uow, request_id, lock=True)
        if not q.status.open:
            raise Conflict(f"confirmation request {q.id} is {q.status}", field="status")
        still = [i for i in q.item_ids if i not in q.outcome]  # not answered, not gone
        wanted = still if item_ids is None else list(item_ids)
        if not wanted or set(wanted) - set(still):
            raise InvalidInput("name items of this request still to confirm", field="item_ids")
        q = settle_items(
            uow, clock, q, dict.fromkeys(wanted, ItemOutcome.CONFIRMED.value), actor.ref, method
        )
        audited(
            uow,
            actor,
            "confirmation.staff_confirm",
            TARGET,
            q.id,
            q.subject_id,
            method=method,
            items=len(wanted),
            status=q.status.value,
        )
        refresh_retention(uow, clock, [q.subject_id])  # anchors counting from confirmation
        uow.commit()
    return q


def confirmation_counts(uow: UnitOfWork) -> dict[str, int]:
    """How many requests in each open status (the front page, the console)."""
    with uow:
        rows = uow.retention.confirmations([s for s in ConfirmationStatus if s.open], limit=100_000)
    out = {s.value: 0 for s in ConfirmationStatus if s.open}
    for q in rows:
        out[q.status.value] += 1
    return out


def deadline(q: ConfirmationRequest, days: int) -> datetime | None:
    """When a mailed request goes to the staff queue."""
    return q.mailed_at + timedelta(days=days) if q.mailed_at else None
