"""The retention schedule (R2.11): rules per purpose and category, rules for piiguard's
own records, legal minimums, the schedule's history and reviews; legal holds (four eyes);
anchor events systems report; each item's retain-until. docs/retention.md."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from piiguard.bootstrap import Container
from piiguard.domain.retention.schedule import (
    HoldStatus,
    LegalHold,
    RecordRule,
    RecordType,
    RetentionRule,
)
from piiguard.services.retention import holds, reviews
from piiguard.services.retention import schedule as sch
from piiguard.web.api.schemas.fields import Slug
from piiguard.web.api.schemas.retention import (
    AnchorIn,
    ChangeOut,
    HoldIn,
    HoldOut,
    ItemRetentionOut,
    MinimumIn,
    ReasonIn,
    ReviewIn,
    ReviewOut,
    RuleIn,
    ScheduleOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["retention"])
P = "/retention"


@router.get(P + "/schedule", response_model=ScheduleOut)
def schedule(c: ContainerDep, actor: Authorized) -> ScheduleOut:
    """The schedule as it stands: each purpose's rule, the category overrides, the rules
    for piiguard's own records, the legal minimums, the last review and the next due."""
    del actor
    return ScheduleOut.of(sch.schedule_view(c.uow(readonly=True), box=c.requests.box))


@router.put(P + "/rules/{purpose}", response_model=ScheduleOut)
def save_purpose_rule(
    purpose: Slug, body: RuleIn, c: ContainerDep, actor: Authorized
) -> ScheduleOut:
    """A purpose's own rule: days counted from an anchor event (a new schedule version)."""
    rule = RetentionRule(purpose, "", body.days, body.anchor, body.note)
    sch.save_rule(c.uow(), c.snapshots, c.clock, actor, rule)
    return schedule(c, actor)


@router.put(P + "/rules/{purpose}/{category}", response_model=ScheduleOut)
def save_override(
    purpose: Slug, category: str, body: RuleIn, c: ContainerDep, actor: Authorized
) -> ScheduleOut:
    """A category override under a purpose (the category's subtree included)."""
    rule = RetentionRule(purpose, category, body.days, body.anchor, body.note)
    sch.save_rule(c.uow(), c.snapshots, c.clock, actor, rule)
    return schedule(c, actor)


@router.delete(P + "/rules/{purpose}", response_model=ScheduleOut)
def remove_purpose_rule(purpose: Slug, c: ContainerDep, actor: Authorized) -> ScheduleOut:
    """Back to the purpose register's retention_days counted from collection."""
    sch.remove_rule(c.uow(), c.clock, actor, purpose, "")
    return schedule(c, actor)


@router.delete(P + "/rules/{purpose}/{category}", response_model=ScheduleOut)
def remove_override(
    purpose: Slug, category: str, c: ContainerDep, actor: Authorized
) -> ScheduleOut:
    sch.remove_rule(c.uow(), c.clock, actor, purpose, category)
    return schedule(c, actor)


@router.put(P + "/record-rules/{record_type}", response_model=ScheduleOut)
def save_record_rule(
    record_type: RecordType, body: RuleIn, c: ContainerDep, actor: Authorized
) -> ScheduleOut:
    """How long piiguard keeps its own records about people (request records, mail in
    triage, delivered packages, sealed notes); audit entries hold no plaintext and stay."""
    rule = RecordRule(record_type, body.days, body.anchor, body.note)
    sch.save_record_rule(c.uow(), c.clock, actor, rule)
    return schedule(c, actor)


@router.put(P + "/minimums/{key}", response_model=ScheduleOut)
def save_minimum(key: Slug, body: MinimumIn, c: ContainerDep, actor: Authorized) -> ScheduleOut:
    """Add or change a legal minimum (days null: permanently)."""
    sch.save_minimum(c.uow(), c.snapshots, c.clock, actor, body.minimum(key))
    return schedule(c, actor)


@router.get(P + "/history", response_model=list[ChangeOut])
def history(
    c: ContainerDep, actor: Authorized, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[ChangeOut]:
    """Every version of the schedule, newest first: what changed, who, when."""
    del actor
    return [ChangeOut.of(ch) for ch in sch.schedule_history(c.uow(readonly=True), limit)]


@router.get(P + "/reviews", response_model=list[ReviewOut])
def list_reviews(c: ContainerDep, actor: Authorized) -> list[ReviewOut]:
    del actor
    return [ReviewOut.of(r) for r in reviews.list_reviews(c.uow(readonly=True), box=c.requests.box)]


@router.post(P + "/reviews", status_code=status.HTTP_201_CREATED, response_model=ReviewOut)
def record_review(body: ReviewIn, c: ContainerDep, actor: Authorized) -> ReviewOut:
    """Record a review of the schedule; the next is due `interval_days` later."""
    return ReviewOut.of(
        reviews.record_review(
            c.uow(), c.clock, actor, body.changes, body.interval_days, box=c.requests.box
        )
    )


def _out(c: Container, h: LegalHold) -> HoldOut:
    """A hold as answered: its reasons (sealed at rest) opened for the officer or auditor."""
    return HoldOut.of(holds.readable(c.requests.box, h), c.clock.now())


@router.get(P + "/holds", response_model=list[HoldOut])
def list_holds(
    c: ContainerDep,
    actor: Authorized,
    status_: Annotated[HoldStatus | None, Query(alias="status")] = None,
) -> list[HoldOut]:
    del actor
    statuses = (status_,) if status_ else ()
    return [_out(c, h) for h in holds.list_holds(c.uow(readonly=True), statuses)]


@router.post(P + "/holds", status_code=status.HTTP_201_CREATED, response_model=HoldOut)
def propose_hold(body: HoldIn, c: ContainerDep, actor: Authorized) -> HoldOut:
    """A legal hold, in force once another privacy officer approves it."""
    return _out(
        c,
        holds.propose_hold(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            body.reason,
            body.case_reference,
            frozenset(body.subject_ids),
            frozenset(body.categories),
            frozenset(body.systems),
            body.until,
            box=c.requests.box,
        ),
    )


@router.get(P + "/holds/{hold_id}", response_model=HoldOut)
def get_hold(hold_id: str, c: ContainerDep, actor: Authorized) -> HoldOut:
    del actor
    return _out(c, holds.get_hold(c.uow(readonly=True), hold_id))


@router.post(P + "/holds/{hold_id}/approve", response_model=HoldOut)
def approve_hold(hold_id: str, c: ContainerDep, actor: Authorized) -> HoldOut:
    """The second officer's approval (four eyes; after re-authentication)."""
    return _out(c, holds.approve_hold(c.uow(), c.clock, actor, hold_id))


@router.post(P + "/holds/{hold_id}/reject", response_model=HoldOut)
def reject_hold(hold_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized) -> HoldOut:
    box = c.requests.box
    return _out(c, holds.reject_hold(c.uow(), c.clock, actor, hold_id, body.reason, box=box))


@router.post(P + "/holds/{hold_id}/lift-request", response_model=HoldOut)
def request_lift(hold_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized) -> HoldOut:
    """The first half of lifting: the hold stays in force until another officer lifts it."""
    box = c.requests.box
    return _out(c, holds.request_lift(c.uow(), c.clock, actor, hold_id, body.reason, box=box))


@router.post(P + "/holds/{hold_id}/lift", response_model=HoldOut)
def lift_hold(hold_id: str, c: ContainerDep, actor: Authorized) -> HoldOut:
    """The second officer lifts it (four eyes; after re-authentication)."""
    return _out(c, holds.lift_hold(c.uow(), c.clock, actor, hold_id))


@router.post(P + "/anchors", status_code=status.HTTP_204_NO_CONTENT)
def report_anchor(body: AnchorIn, c: ContainerDep, actor: Authorized) -> None:
    """A system reports a subject's contract end or last order (rules anchored on it)."""
    sch.report_anchor(c.uow(), c.clock, actor, body.subject_id, body.event, body.at)


@router.get("/subjects/{subject_id}/retention", response_model=list[ItemRetentionOut])
def subject_retention(
    subject_id: str, c: ContainerDep, actor: Authorized
) -> list[ItemRetentionOut]:
    """Each of the subject's items: its retain-until, what decided it, the purposes it is
    still held for, the holds covering it. No value."""
    del actor
    return [
        ItemRetentionOut.of(v)
        for v in sch.subject_retention(c.uow(readonly=True), c.clock, subject_id)
    ]
