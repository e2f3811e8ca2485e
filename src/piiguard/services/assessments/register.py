"""The impact-assessment register (R10.4; PIPL Art. 55–56, GB/T 39335-2020): a privacy
officer drafts an assessment (its scope and the template's answers, rated impact and
likelihood), submits it; another officer reviews it (an opinion on the record), and an
officer other than its author approves it — four eyes. Only then does it cover its scope at
the decision point (the policy epoch moves). It is withdrawn when it no longer holds, and
disposed of no earlier than three years after it last covered anything (Art. 56).

Every step is an audit entry on `assessment/<id>` with the status and the scope's keys —
never the answers or the notes (free text, sealed at rest)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from piiguard.domain.access import PolicyState
from piiguard.domain.assessments.model import (
    DESIGNATED,
    Assessment,
    Case,
    Level,
    Scope,
    Status,
    check_answers,
    check_scope,
    check_title,
    expect,
    not_author,
    scope_keys,
)
from piiguard.domain.assessments.review import changed_since_approval, fingerprints
from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.services.assessments._common import store
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories

TARGET = "assessment"


def _audit(uow: UnitOfWork, actor: Actor, action: str, a: Assessment, **more: DetailValue) -> None:
    details: dict[str, DetailValue] = {
        "status": a.status.value,
        "cases": ",".join(sorted(a.scope.cases)),
        "purposes": ",".join(sorted(a.scope.purposes)),
        "risk": a.risk.value,
        **more,
    }
    uow.audit(AuditEvent(action, actor.kind.value, actor.id, TARGET, a.id, details=details))


@dataclass(frozen=True, slots=True)
class AssessmentInput:
    title: str
    cases: frozenset[str]
    purposes: frozenset[str]
    categories: frozenset[str]
    recipients: frozenset[str] = frozenset()
    systems: frozenset[str] = frozenset()
    answers: Mapping[str, str] | None = None
    impact: str = Level.MEDIUM.value
    likelihood: str = Level.MEDIUM.value


def _level(value: str, field: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        raise InvalidInput(f"{field} is one of {', '.join(Level)}", field=field) from None


def _scope(given: AssessmentInput, state: PolicyState) -> Scope:
    cases: set[Case] = set()
    for c in given.cases:
        try:
            cases.add(Case(c))
        except ValueError:
            raise InvalidInput(f"a case is one of {', '.join(Case)}", field="cases") from None
    for p in sorted(given.purposes):
        if p not in state.register.rules:
            raise InvalidInput(f"{p!r} is not a purpose in the register", field="purposes")
    check_categories(state.taxonomy, given.categories)
    for r in sorted(given.recipients):
        if r not in state.recipients:
            raise InvalidInput(f"{r!r} is not in the recipient register", field="recipients")
    for s in sorted(given.systems):
        if s not in state.systems:
            raise InvalidInput(f"{s!r} is not a system of the data map", field="systems")
    return check_scope(
        Scope(
            frozenset(cases),
            given.purposes,
            given.categories,
            given.recipients,
            given.systems,
        )
    )


def draft_assessment(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, given: AssessmentInput
) -> Assessment:
    """A new draft; it covers nothing until approved."""
    with uow:
        state = policy.current(uow)
        a = Assessment(
            id=new_id(),
            title=check_title(given.title),
            scope=_scope(given, state),
            answers=check_answers(given.answers or {}, complete=False),
            impact=_level(given.impact, "impact"),
            likelihood=_level(given.likelihood, "likelihood"),
            status=Status.DRAFT,
            author=actor.ref,
            created_at=clock.now(),
        )
        store(uow).add(a)
        _audit(uow, actor, "assessment.draft", a)
        uow.commit()
    return a


def _open(uow: UnitOfWork, assessment_id: str) -> Assessment:
    a = store(uow).get(assessment_id[:64], lock=True)
    if a is None:
        raise NotFound(f"no impact assessment {assessment_id}", field="assessment_id")
    return a


def update_draft(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    assessment_id: str,
    given: AssessmentInput,
) -> Assessment:
    """Its author changes a draft (scope, answers, ratings)."""
    with uow:
        state = policy.current(uow)
        a = _open(uow, assessment_id)
        expect(a, Status.DRAFT)
        if a.author != actor.ref:
            raise Forbidden("only its author changes a draft", field="assessment_id")
        a = replace(
            a,
            title=check_title(given.title),
            scope=_scope(given, state),
            answers=check_answers(given.answers or {}, complete=False),
            impact=_level(given.impact, "impact"),
            likelihood=_level(given.likelihood, "likelihood"),
        )
        store(uow).save(a)
        _audit(uow, actor, "assessment.update", a)
        uow.commit()
    del clock
    return a


def submit_assessment(
    uow: UnitOfWork, clock: Clock, actor: Actor, assessment_id: str
) -> Assessment:
    """Its author submits a draft for review: every question answered."""
    with uow:
        a = _open(uow, assessment_id)
        expect(a, Status.DRAFT)
        if a.author != actor.ref:
            raise Forbidden("only its author submits a draft", field="assessment_id")
        check_answers(a.answers, complete=True)
        a = replace(a, status=Status.SUBMITTED, submitted_at=clock.now())
        store(uow).save(a)
        _audit(uow, actor, "assessment.submit", a)
        uow.commit()
    return a


def _note(text: str, field: str, *, required: bool) -> str:
    text = text.strip()
    if required and not text:
        raise InvalidInput("say why (kept with the assessment)", field=field)
    if len(text) > 4000:
        raise InvalidInput("at most 4000 characters", field=field)
    return text


def review_assessment(
    uow: UnitOfWork, clock: Clock, actor: Actor, assessment_id: str, opinion: str
) -> Assessment:
    """Another officer than the author records a review opinion."""
    with uow:
        a = _open(uow, assessment_id)
        expect(a, Status.SUBMITTED)
        not_author(a, actor.ref, "review")
        a = replace(
            a,
            status=Status.REVIEWED,
            reviewer=actor.ref,
            reviewed_at=clock.now(),
            review_note=_note(opinion, "opinion", required=True),
        )
        store(uow).save(a)
        _audit(uow, actor, "assessment.review", a)
        uow.commit()
    return a


def approve_assessment(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    assessment_id: str,
    note: str = "",
    review_by: date | None = None,
) -> Assessment:
    """An officer other than the author approves a reviewed assessment: from now on it
    covers its scope at the decision point (the policy epoch moves)."""
    now = clock.now()
    if review_by is not None and review_by <= now.date():
        raise InvalidInput("the next review is a date after today", field="review_by")
    with uow:
        uow.registers.epoch(lock=True)
        state = policy.current(uow)
        a = _open(uow, assessment_id)
        expect(a, Status.REVIEWED)
        not_author(a, actor.ref, "approve")
        a = replace(
            a,
            status=Status.APPROVED,
            approver=actor.ref,
            decided_at=now,
            decision_note=_note(note, "note", required=False),
            review_by=review_by,
            fingerprints=_current(a, state),
        )
        store(uow).save(a)
        uow.registers.bump()
        _audit(uow, actor, "assessment.approve", a, keep_until=a.keep_until().isoformat())
        uow.commit()
    return a


def _current(a: Assessment, state: PolicyState) -> dict[str, str]:
    return fingerprints(scope_keys(a.scope), state.register, state.recipients, state.systems)


def reject_assessment(
    uow: UnitOfWork, clock: Clock, actor: Actor, assessment_id: str, reason: str
) -> Assessment:
    """A reviewer or approver (not the author) sends it back for good; kept."""
    with uow:
        a = _open(uow, assessment_id)
        expect(a, Status.SUBMITTED, Status.REVIEWED)
        not_author(a, actor.ref, "reject")
        a = replace(
            a,
            status=Status.REJECTED,
            approver=actor.ref,
            decided_at=clock.now(),
            decision_note=_note(reason, "reason", required=True),
        )
        store(uow).save(a)
        _audit(uow, actor, "assessment.reject", a)
        uow.commit()
    return a


def withdraw_assessment(
    uow: UnitOfWork, clock: Clock, actor: Actor, assessment_id: str, reason: str
) -> Assessment:
    """It no longer holds (or a draft is abandoned): it covers nothing from now on; kept
    three years from today."""
    with uow:
        uow.registers.epoch(lock=True)
        a = _open(uow, assessment_id)
        expect(a, Status.DRAFT, Status.SUBMITTED, Status.REVIEWED, Status.APPROVED)
        was = a.status
        a = replace(
            a,
            status=Status.WITHDRAWN,
            withdrawn_at=clock.now(),
            withdrawn_by=actor.ref,
            decision_note=_note(reason, "reason", required=True),
        )
        store(uow).save(a)
        if was is Status.APPROVED:
            uow.registers.bump()
        _audit(uow, actor, "assessment.withdraw", a, was=was.value)
        uow.commit()
    return a


def dispose_assessment(uow: UnitOfWork, clock: Clock, actor: Actor, assessment_id: str) -> None:
    """Delete a withdrawn or rejected assessment once kept three years (PIPL Art. 56);
    refused before (409 naming `assessment_id`). The audit entry stays."""
    with uow:
        a = _open(uow, assessment_id)
        expect(a, Status.WITHDRAWN, Status.REJECTED)
        if clock.now().date() < a.keep_until():
            raise Conflict(
                f"kept until {a.keep_until().isoformat()} (PIPL Art. 56: at least three years)",
                field="assessment_id",
            )
        store(uow).delete(a.id)
        _audit(uow, actor, "assessment.dispose", a)
        uow.commit()


@dataclass(frozen=True, slots=True)
class AssessmentView:
    assessment: Assessment
    changed: tuple[str, ...]  # scope entries changed since approval
    review_overdue: bool  # the review date the approver set has passed

    @property
    def review_due(self) -> bool:
        return bool(self.changed) or self.review_overdue


def _view(a: Assessment, state: PolicyState, today: date) -> AssessmentView:
    changed = tuple(changed_since_approval(a, _current(a, state)))
    late = a.in_force and a.review_by is not None and today >= a.review_by
    return AssessmentView(a, changed, late)


def list_assessments(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, statuses: tuple[Status, ...] = ()
) -> list[AssessmentView]:
    with uow:
        state = policy.current(uow)
        found = store(uow).listing(statuses)
    today = clock.now().date()
    return [_view(a, state, today) for a in found]


def view_assessment(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, assessment_id: str
) -> AssessmentView:
    with uow:
        state = policy.current(uow)
        a = store(uow).get(assessment_id[:64])
    if a is None:
        raise NotFound(f"no impact assessment {assessment_id}", field="assessment_id")
    return _view(a, state, clock.now().date())


# -- the cases a privacy officer adds per purpose (PIPL Art. 55(2), (3), (5)) --------------


def designate_case(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, purpose: str, case: str
) -> bool:
    """From now on, every use of `purpose` needs an approved assessment for `case`."""
    kind = _designable(case)
    with uow:
        uow.registers.epoch(lock=True)
        if purpose not in policy.current(uow).register.rules:
            raise NotFound(f"no purpose {purpose!r} in the register", field="purpose")
        added = store(uow).designate(purpose, kind, actor.ref, clock.now())
        if added:
            uow.registers.bump()
            uow.audit(
                AuditEvent(
                    "assessment.designate",
                    actor.kind.value,
                    actor.id,
                    "purpose",
                    purpose,
                    purpose=purpose,
                    details={"case": kind.value},
                )
            )
        uow.commit()
    return added


def undesignate_case(uow: UnitOfWork, actor: Actor, purpose: str, case: str) -> bool:
    kind = _designable(case)
    with uow:
        uow.registers.epoch(lock=True)
        removed = store(uow).undesignate(purpose, kind)
        if removed:
            uow.registers.bump()
            uow.audit(
                AuditEvent(
                    "assessment.undesignate",
                    actor.kind.value,
                    actor.id,
                    "purpose",
                    purpose,
                    purpose=purpose,
                    details={"case": kind.value},
                )
            )
        uow.commit()
    return removed


def _designable(case: str) -> Case:
    if case not in {c.value for c in DESIGNATED}:
        raise InvalidInput(
            f"an officer adds one of: {', '.join(sorted(DESIGNATED))} (the others the decision "
            "point sees by itself)",
            field="case",
        )
    return Case(case)


def designations(uow: UnitOfWork) -> list[tuple[str, Case, str, str]]:
    with uow:
        return [(p, c, by, at.isoformat()) for p, c, by, at in store(uow).designations()]
