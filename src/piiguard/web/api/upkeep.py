"""Data kept up to date (R2.8) and a child's data found (R6.3; docs/retention.md): the
confirmation intervals (privacy officers), the confirmation requests — the staleness queue,
one request's items (metadata), staff recording a confirmation made by phone, in person, by
letter or email — and the child-data tasks with their deadline, closed by disposal (after
re-authentication), by a verified guardian's consent or by an officer's finding that the
person is not a child. No value, contact or note in any answer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from piiguard.domain.retention.upkeep import ChildStatus, ConfirmationStatus
from piiguard.services.retention.upkeep import children as kids
from piiguard.services.retention.upkeep import confirmations as conf
from piiguard.services.retention.upkeep import intervals as iv
from piiguard.services.retention.upkeep import views
from piiguard.web.api.schemas.upkeep import (
    ChildDisposalOut,
    ChildNoteIn,
    ChildTaskOut,
    ConfirmationDetailOut,
    ConfirmationItemOut,
    ConfirmationOut,
    IntervalIn,
    IntervalOut,
    StaffConfirmIn,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1/retention", tags=["retention"])
IV = "/confirmation-intervals"
Q = "/confirmations"
T = "/child-tasks"


@router.get(IV, response_model=list[IntervalOut])
def intervals(c: ContainerDep, actor: Authorized) -> list[IntervalOut]:
    """Per category (with its subtree; the most specific wins), how long an item may go
    unconfirmed before the person is asked to confirm or correct it."""
    del actor
    return [IntervalOut.of(i) for i in iv.list_intervals(c.uow(readonly=True))]


@router.put(IV + "/{category}", response_model=list[IntervalOut])
def save_interval(
    category: str, body: IntervalIn, c: ContainerDep, actor: Authorized
) -> list[IntervalOut]:
    """Set a category's interval (a new schedule version, audited)."""
    iv.save_interval(c.uow(), c.snapshots, c.clock, actor, category, body.days)
    return intervals(c, actor)


@router.delete(IV + "/{category}", response_model=list[IntervalOut])
def remove_interval(category: str, c: ContainerDep, actor: Authorized) -> list[IntervalOut]:
    """Stop asking about a category (a parent's interval, if any, covers it again)."""
    iv.remove_interval(c.uow(), c.clock, actor, category)
    return intervals(c, actor)


@router.get(Q, response_model=list[ConfirmationOut])
def confirmations(
    c: ContainerDep,
    actor: Authorized,
    status: ConfirmationStatus | None = None,
    subject_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[ConfirmationOut]:
    """The staleness queue, oldest first (`status=staff_queue`: what staff should call
    about)."""
    del actor
    found = conf.list_confirmations(
        c.uow(readonly=True), (status,) if status else (), limit, subject_id
    )
    since = views.stale_since(c.uow(readonly=True), found)
    return [ConfirmationOut.of(q, since[q.id]) for q in found]


@router.get(Q + "/{confirmation_id}", response_model=ConfirmationDetailOut)
def confirmation(confirmation_id: str, c: ContainerDep, actor: Authorized) -> ConfirmationDetailOut:
    """One request with its items' metadata (category, system, collected, last confirmed)."""
    del actor
    v = conf.view_confirmation(c.uow(readonly=True), confirmation_id)
    [since] = views.stale_since(c.uow(readonly=True), [v.request]).values()
    return ConfirmationDetailOut(
        **ConfirmationOut.of(v.request, since).model_dump(),
        items=[ConfirmationItemOut.of(r) for r in v.items],
    )


@router.post(Q + "/{confirmation_id}/record", response_model=ConfirmationOut)
def record(
    confirmation_id: str, body: StaffConfirmIn, c: ContainerDep, actor: Authorized
) -> ConfirmationOut:
    """Staff confirmed the items with the person another way (`method`); the named items
    (default every item) count as confirmed now. A correction goes through the rights
    queue (POST /api/v1/requests)."""
    q = conf.record_by_staff(c.uow(), c.clock, actor, confirmation_id, body.method, body.item_ids)
    return ConfirmationOut.of(q)


@router.get(T, response_model=list[ChildTaskOut])
def child_tasks(
    c: ContainerDep,
    actor: Authorized,
    status: ChildStatus | None = None,
    overdue: bool = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[ChildTaskOut]:
    """Child-data tasks, deadline first (`overdue=true`: open ones past their deadline)."""
    del actor
    now = c.clock.now()
    if overdue:
        found = kids.overdue_child_tasks(c.uow(readonly=True), c.clock)
        found = [t for t in found if status is None or t.status is status][:limit]
    else:
        found = kids.list_child_tasks(c.uow(readonly=True), (status,) if status else (), limit)
    return [ChildTaskOut.of(t, now) for t in found]


@router.get(T + "/{task_id}", response_model=ChildTaskOut)
def child_task(task_id: str, c: ContainerDep, actor: Authorized) -> ChildTaskOut:
    del actor
    return ChildTaskOut.of(views.child_task(c.uow(readonly=True), task_id), c.clock.now())


@router.post(T + "/{task_id}/dispose", response_model=ChildDisposalOut)
def dispose(
    task_id: str, body: ChildNoteIn, c: ContainerDep, actor: Authorized
) -> ChildDisposalOut:
    """Dispose of the child's data for good (the person erased, the key shredded) and close
    the task; refused while a legal hold covers it. A scanner finding: record in `note` that
    the data was deleted at the source."""
    done = kids.dispose_child_data(c.uow(), c.vault, c.requests, actor, task_id, body.note)
    return ChildDisposalOut.of(done, c.clock.now())


@router.post(T + "/{task_id}/guardian-consent", response_model=ChildTaskOut)
def guardian_consent(
    task_id: str, body: ChildNoteIn, c: ContainerDep, actor: Authorized
) -> ChildTaskOut:
    """Close because a verified guardian's consent is in force (checked: 409 when none)."""
    t = kids.close_by_guardian_consent(c.uow(), c.requests, actor, task_id, body.note)
    return ChildTaskOut.of(t, c.clock.now())


@router.post(T + "/{task_id}/not-a-child", response_model=ChildTaskOut)
def not_a_child(
    task_id: str, body: ChildNoteIn, c: ContainerDep, actor: Authorized
) -> ChildTaskOut:
    """The officer's finding that the person is not a child; `note` says how it was
    established (3–2,000 characters, kept sealed)."""
    t = kids.close_not_a_child(c.uow(), c.requests, actor, task_id, body.note)
    return ChildTaskOut.of(t, c.clock.now())
