"""The retention schedule (R2.11): rules per purpose and per category, rules for piiguard's
own records, legal minimums — each change a new schedule version with who and when, and an
audit entry — anchor events systems report, and each item's retain-until (computed by
domain/retention/rules.py, stored in item_retention for the sweep). docs/retention.md."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput, NotFound
from piiguard.domain.ports import Clock, SealedItem, SecretBox, UnitOfWork
from piiguard.domain.retention.disposal import check_counted_from
from piiguard.domain.retention.rules import (
    ItemFacts,
    PersonFacts,
    Retention,
    Schedule,
    holds_covering,
    retain_until,
)
from piiguard.domain.retention.schedule import (
    OWN_RECORD_ANCHORS,
    RECORD_ANCHORS,
    REPORTED_ANCHORS,
    Anchor,
    AnchorEvent,
    HoldStatus,
    ItemRetention,
    LegalMinimum,
    RecordRule,
    RecordType,
    RetentionRule,
    ScheduleChange,
    ScheduleReview,
    check_days,
    seed_minimums,
)
from piiguard.domain.subjects import check_slug
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories
from piiguard.services.retention._common import (
    audited,
    item_facts,
    load_schedule,
    person_facts,
    require_officer,
)
from piiguard.services.retention.reviews import readable as readable_review

REVIEW_INTERVAL = timedelta(days=365)


def _json(value: Any) -> str:
    def plain(v: Any) -> Any:
        if isinstance(v, frozenset | set):
            return sorted(v)
        return v

    return json.dumps(
        {k: plain(v) for k, v in asdict(value).items()}, ensure_ascii=False, sort_keys=True
    )


def _next_version(uow: UnitOfWork) -> int:
    uow.registers.epoch(lock=True)  # schedule changes take turns (the register's row lock)
    return uow.retention.version() + 1


def _record(
    uow: UnitOfWork, clock: Clock, actor: Actor, version: int, kind: str, target: str, value: str
) -> None:
    uow.retention.add_change(ScheduleChange(version, kind, target, value, clock.now(), actor.ref))


def ensure_schedule(uow: UnitOfWork, clock: Clock, actor: Actor) -> bool:
    """Seed the legal minimums when the schedule has never been written: reference data
    shipped with piiguard, kept in the schedule's versions (no audit entry; every later
    change has one), as the purposes are."""
    with uow:
        version = _next_version(uow) - 1
        if version or uow.retention.minimums():
            return False
        now = clock.now()
        for i, m in enumerate(seed_minimums(), start=1):
            uow.retention.save_minimum(m, i, now, actor.ref)
            _record(uow, clock, actor, i, "minimum", m.key, _json(m))
        uow.commit()
    return True


@dataclass(frozen=True, slots=True)
class ScheduleView:
    """The schedule as the API and the console show it."""

    schedule: Schedule
    rules: list[RetentionRule]  # stored purpose rules and overrides
    minimums: list[LegalMinimum]  # inactive ones too
    record_rules: list[RecordRule]
    last_review: ScheduleReview | None
    next_review_due: datetime | None  # None: never reviewed (due now)


def schedule_view(uow: UnitOfWork, *, box: SecretBox) -> ScheduleView:
    """The last review's notes opened (`box`)."""
    with uow:
        reviews = uow.retention.reviews(1)
        last = readable_review(box, reviews[0]) if reviews else None
        return ScheduleView(
            load_schedule(uow),
            uow.retention.rules(),
            uow.retention.minimums(),
            uow.retention.record_rules(),
            last,
            last.next_due_at if last else None,
        )


def schedule_history(uow: UnitOfWork, limit: int = 100) -> list[ScheduleChange]:
    with uow:
        return uow.retention.changes(limit)


def save_rule(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, rule: RetentionRule
) -> int:
    """A purpose's own rule (category "") or a category override under it; returns the
    schedule's new version."""
    require_officer(actor, "changes the retention schedule")
    check_days(rule.days)
    _item_anchor(rule.anchor)
    with uow:
        state = policy.current(uow)
        state.register.get(rule.purpose)  # NotFound(field=purpose)
        if rule.category:
            check_categories(state.taxonomy, {rule.category}, field="category")
        version = _next_version(uow)
        uow.retention.save_rule(rule, version, clock.now(), actor.ref)
        target = f"{rule.purpose}/{rule.category}"
        _record(uow, clock, actor, version, "rule", target, _json(rule))
        audited(
            uow,
            actor,
            "retention.rule.save",
            "retention_rule",
            target,
            version=version,
            days=rule.days,
            anchor=rule.anchor.value,
        )
        uow.commit()
    return version


def remove_rule(uow: UnitOfWork, clock: Clock, actor: Actor, purpose: str, category: str) -> int:
    """Remove an override (or a purpose's own rule: the register's days from collection
    apply again)."""
    require_officer(actor, "changes the retention schedule")
    with uow:
        version = _next_version(uow)
        if not uow.retention.delete_rule(purpose, category):
            if not category:  # the purpose's own rule: the purpose is what is missing
                raise NotFound(
                    f"no retention rule of its own for purpose {purpose}", field="purpose"
                )
            raise NotFound(f"no retention rule for {purpose}/{category}", field="category")
        target = f"{purpose}/{category}"
        _record(uow, clock, actor, version, "rule", target, "")
        audited(uow, actor, "retention.rule.remove", "retention_rule", target, version=version)
        uow.commit()
    return version


def _item_anchor(anchor: Anchor) -> None:
    if anchor in OWN_RECORD_ANCHORS:
        raise InvalidInput(f"{anchor} is an anchor of piiguard's own records", field="anchor")


def save_record_rule(uow: UnitOfWork, clock: Clock, actor: Actor, rule: RecordRule) -> int:
    """How long piiguard keeps one kind of its own records, counted from the record's own
    event (an item's events — last order, contract end, confirmation — are refused: the
    record has none and would silently count from its receipt)."""
    require_officer(actor, "changes the retention schedule")
    check_days(rule.days)
    if rule.record_type is RecordType.ITEM:
        raise InvalidInput(
            "items are kept by the purposes' rules, not by a record rule", field="record_type"
        )
    if rule.anchor not in RECORD_ANCHORS:
        raise InvalidInput(
            f"piiguard's own records count from {', '.join(RECORD_ANCHORS)}", field="anchor"
        )
    with uow:
        version = _next_version(uow)
        uow.retention.save_record_rule(rule, version, clock.now(), actor.ref)
        target = rule.record_type.value
        _record(uow, clock, actor, version, "record_rule", target, _json(rule))
        audited(
            uow,
            actor,
            "retention.record_rule.save",
            "retention_record_rule",
            target,
            version=version,
            days=rule.days,
            anchor=rule.anchor.value,
        )
        uow.commit()
    return version


def save_minimum(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, m: LegalMinimum
) -> int:
    """Add or change a legal minimum (days None: permanently)."""
    require_officer(actor, "changes the legal minimums")
    check_slug(m.key, "key")
    check_days(m.days, permanent=True)
    _item_anchor(m.anchor)
    for name, value in (("en", m.en), ("zh", m.zh), ("legal_source", m.legal_source)):
        if not value.strip():
            raise InvalidInput(f"a legal minimum needs its {name.replace('_', ' ')}", field=name)
    if m.active and not m.categories:
        raise InvalidInput("name the categories the minimum keeps", field="categories")
    with uow:
        state = policy.current(uow)
        check_categories(state.taxonomy, set(m.categories))
        if unknown := sorted(p for p in m.purposes if p not in state.register.rules):
            raise NotFound(f"no purpose {unknown[0]!r} in the register", field="purposes")
        version = _next_version(uow)
        uow.retention.save_minimum(m, version, clock.now(), actor.ref)
        _record(uow, clock, actor, version, "minimum", m.key, _json(m))
        audited(
            uow,
            actor,
            "retention.minimum.save",
            "legal_minimum",
            m.key,
            version=version,
            days=m.days,
            active=m.active,
        )
        uow.commit()
    return version


def report_anchor(
    uow: UnitOfWork, clock: Clock, actor: Actor, subject_id: str, event: Anchor, at: datetime
) -> AnchorEvent:
    """A system reports a subject's contract end or last order: rules anchored on it count
    from then."""
    if event not in REPORTED_ANCHORS:
        raise InvalidInput(
            f"reported events are {', '.join(sorted(REPORTED_ANCHORS))}", field="event"
        )
    if at > clock.now():
        raise InvalidInput("the event has not happened yet", field="at")
    check_counted_from(at, "at")
    with uow:
        if not uow.subjects.live_ids([subject_id]):
            raise NotFound(f"no subject {subject_id}", field="subject_id")
        ev = AnchorEvent(subject_id, event, at, actor.ref, clock.now())
        uow.retention.save_anchor(ev)
        audited(
            uow,
            actor,
            "retention.anchor",
            "subject",
            subject_id,
            subject_id=subject_id,
            event=event.value,
            at=at.isoformat(),
        )
        uow.commit()
    return ev


@dataclass(frozen=True, slots=True)
class ItemRetentionView:
    """An item's retention as shown on the item (API, console, access package)."""

    item: ItemFacts
    retention: Retention
    holds: tuple[str, ...]  # ids of the holds in force covering it


def compute(
    uow: UnitOfWork,
    schedule: Schedule,
    at: datetime,
    items: Sequence[ItemFacts],
    people: dict[str, PersonFacts] | None = None,
) -> list[ItemRetentionView]:
    """retain_until and covering holds for `items`, inside an open unit of work."""
    subject_ids = sorted({i.subject_id for i in items})
    people = people if people is not None else dict(person_facts(uow, subject_ids))
    holds = uow.retention.holds([HoldStatus.ACTIVE, HoldStatus.LIFT_PROPOSED])
    return [
        ItemRetentionView(
            i,
            retain_until(i, people.get(i.subject_id, PersonFacts()), schedule, at),
            tuple(h.id for h in holds_covering(holds, i, at)),
        )
        for i in items
    ]


def subject_retention(uow: UnitOfWork, clock: Clock, subject_id: str) -> list[ItemRetentionView]:
    """Each of a subject's items with its retain-until, what decided it, and holds."""
    with uow:
        if not uow.subjects.live_ids([subject_id]):
            raise NotFound(f"no subject {subject_id}", field="subject_id")
        items = item_facts(uow.items.sealed(subject_id))
        return compute(uow, load_schedule(uow), clock.now(), items)


def refresh_retention(uow: UnitOfWork, clock: Clock, subject_ids: Sequence[str]) -> int:
    """Recompute and store the retain-until of these subjects' items (item_retention, the
    sweep's index), in the caller's open unit of work; returns how many items."""
    now = clock.now()
    schedule = load_schedule(uow)
    sealed = uow.items.sealed_many(list(subject_ids))
    items = item_facts(s for rows in sealed.values() for s in rows)
    views = compute(uow, schedule, now, items)
    uow.retention.set_retention(
        [
            ItemRetention(
                v.item.item_id,
                v.item.subject_id,
                v.retention.retain_until,
                schedule.version,
                now,
                v.item.category,
                v.item.held_in,
                v.item.collected_for,
            )
            for v in views
        ]
    )
    return len(views)


def refresh_all(
    uow: UnitOfWork, clock: Clock, page: int = 500, each_page: Callable[[], None] = lambda: None
) -> int:
    """Recompute every live subject's items, a page of subjects per transaction
    (`each_page` called before each: the refresh's claim kept, refresh.py)."""
    done, offset = 0, 0
    while True:
        each_page()
        with uow:
            subjects = uow.subjects.list(limit=page, offset=offset)
            live = [s.id for s in subjects if s.erased_at is None]
            done += refresh_retention(uow, clock, live)
            uow.commit()
        if len(subjects) < page:
            return done
        offset += page


def sealed_retention(
    uow: UnitOfWork, at: datetime, sealed: Sequence[SealedItem]
) -> dict[str, ItemRetentionView]:
    """Inside an open unit of work: these stored items' retention by item id (the access
    package's retain_until, the item view)."""
    views = compute(uow, load_schedule(uow), at, item_facts(sealed))
    return {v.item.item_id: v for v in views}
