"""An item's retain-until (R2.11), pure: from the purposes it is still held for, the
schedule's rule for each (a category override, else the purpose's rule, else the purpose
register's `retention_days` from collection), and every legal minimum that applies; and
which legal holds cover it. docs/retention.md, "An item's retain-until"."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from piiguard.domain.consent import Consent, Restriction, RestrictionKind
from piiguard.domain.retention.schedule import (
    Anchor,
    LegalHold,
    LegalMinimum,
    RecordRule,
    RecordType,
    RetentionRule,
)


def within(category: str, scope: str) -> bool:
    return category == scope or category.startswith(scope + ".")


@dataclass(frozen=True, slots=True)
class Schedule:
    """The whole schedule at one version: what retain_until reads."""

    version: int
    purpose_days: Mapping[str, int]  # the purpose register's retention_days
    needs_consent: frozenset[str] = frozenset()  # purposes held only while consent is in force
    rules: Mapping[tuple[str, str], RetentionRule] = field(default_factory=dict)
    minimums: tuple[LegalMinimum, ...] = ()
    record_rules: Mapping[RecordType, RecordRule] = field(default_factory=dict)
    # rule_for's answers, memoised (the schedule never changes; a refresh or a disposal
    # asks for the same few (purpose, category) pairs once per item)
    _found: dict[tuple[str, str], RetentionRule | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    @classmethod
    def of(
        cls,
        version: int,
        purpose_days: Mapping[str, int],
        needs_consent: Iterable[str] = (),
        rules: Iterable[RetentionRule] = (),
        minimums: Iterable[LegalMinimum] = (),
        record_rules: Iterable[RecordRule] = (),
    ) -> Schedule:
        return cls(
            version,
            dict(purpose_days),
            frozenset(needs_consent),
            {(r.purpose, r.category): r for r in rules},
            tuple(m for m in minimums if m.active),
            {r.record_type: r for r in record_rules},
        )

    def rule_for(self, purpose: str, category: str) -> RetentionRule | None:
        """The most specific override for the category under the purpose, else the
        purpose's own rule, else the register's days from collection; None: no such
        purpose."""
        key = (purpose, category)
        if key in self._found:
            return self._found[key]
        found = self._found[key] = self._rule_for(purpose, category)
        return found

    def _rule_for(self, purpose: str, category: str) -> RetentionRule | None:
        best: RetentionRule | None = None
        for (p, c), rule in self.rules.items():
            if (
                p == purpose
                and c
                and within(category, c)
                and (best is None or len(c) > len(best.category))
            ):
                best = rule
        if best is not None:
            return best
        own = self.rules.get((purpose, ""))
        if own is not None:
            return own
        days = self.purpose_days.get(purpose)
        return None if days is None else RetentionRule(purpose, "", days, Anchor.COLLECTED)


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """What retain_until needs of one item (metadata only)."""

    item_id: str
    subject_id: str
    category: str
    held_in: str
    collected_at: datetime
    last_confirmed_at: datetime
    collected_for: frozenset[str]  # purposes declared at collection


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What retain_until needs of the item's subject."""

    consents: Sequence[Consent] = ()
    restrictions: Sequence[Restriction] = ()
    anchors: Mapping[Anchor, datetime] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Retention:
    """retain_until None: kept indefinitely (a permanent legal minimum). `basis` names what
    decided it: `purpose:<p>`, `override:<p>/<category>`, `minimum:<key>`, or `none` (no
    purpose left: due since the last one was dropped)."""

    retain_until: datetime | None
    basis: str
    held_for: frozenset[str]

    def due(self, at: datetime) -> bool:
        return self.retain_until is not None and self.retain_until <= at


def held_for(item: ItemFacts, person: PersonFacts, at: datetime) -> tuple[frozenset[str], datetime]:
    """The purposes the item is still held for at `at`, and when the last purpose dropped
    (the item's collection if it never had one). Declared purposes and consents granted
    stay; a purpose is dropped by a withdrawn consent (a consent to it was given, none is
    in force), by needing consent and having none, or by an objection in force. A
    restriction of processing keeps the item only stored: it neither drops nor adds."""
    granted = {c.purpose for c in person.consents if c.granted_at <= at}
    candidates = set(item.collected_for) | granted
    kept: set[str] = set()
    dropped_at = item.collected_at
    for p in candidates:
        theirs = [c for c in person.consents if c.purpose == p and c.granted_at <= at]
        in_force = any(c.in_force(at) for c in theirs)
        objection = [
            r
            for r in person.restrictions
            if r.kind is RestrictionKind.OBJECTION and r.applies(p, at)
        ]
        if objection:
            dropped_at = max(dropped_at, min(r.since for r in objection))
        elif theirs and not in_force:
            dropped_at = max(dropped_at, *(c.withdrawn_at or at for c in theirs))
        else:
            kept.add(p)
    return frozenset(kept), dropped_at


def _anchor(anchor: Anchor, item: ItemFacts, person: PersonFacts) -> datetime:
    if anchor is Anchor.CONFIRMED:
        return item.last_confirmed_at
    return person.anchors.get(anchor, item.collected_at)  # until reported: collection


def _needs_consent_without(
    schedule: Schedule, purposes: frozenset[str], person: PersonFacts, at: datetime
) -> frozenset[str]:
    return frozenset(
        p
        for p in purposes
        if p in schedule.needs_consent
        and not any(c.purpose == p and c.in_force(at) for c in person.consents)
    )


def retain_until(
    item: ItemFacts, person: PersonFacts, schedule: Schedule, at: datetime
) -> Retention:
    """The item's retain-until as the schedule and the person's choices stand at `at`."""
    purposes, dropped_at = held_for(item, person, at)
    unconsented = _needs_consent_without(schedule, purposes, person, at)
    purposes -= unconsented
    best: tuple[datetime, str] | None = None
    for p in sorted(purposes):
        rule = schedule.rule_for(p, item.category)
        if rule is None:
            continue
        until = _anchor(rule.anchor, item, person) + timedelta(days=rule.days)
        basis = f"override:{p}/{rule.category}" if rule.category else f"purpose:{p}"
        if best is None or until > best[0]:
            best = (until, basis)
    declared = item.collected_for | purposes
    for m in schedule.minimums:
        if not any(within(item.category, c) for c in m.categories):
            continue
        if m.purposes and not (m.purposes & declared):
            continue
        if m.days is None:
            return Retention(None, f"minimum:{m.key}", purposes)
        until = _anchor(m.anchor, item, person) + timedelta(days=m.days)
        if best is None or until > best[0]:
            best = (until, f"minimum:{m.key}")
    if best is None:
        return Retention(dropped_at, "none", purposes)
    return Retention(best[0], best[1], purposes)


def holds_covering(
    holds: Iterable[LegalHold], item: ItemFacts, at: datetime
) -> tuple[LegalHold, ...]:
    """The holds in force at `at` that cover the item: it may not be disposed of."""
    return tuple(
        h
        for h in holds
        if h.in_force(at) and h.covers(item.subject_id, item.category, item.held_in)
    )


def record_until(rule: RecordRule | None, anchor_at: datetime | None) -> datetime | None:
    """When one of piiguard's own records about a person is due: its rule's days from its
    anchor event (a request's closing, a mail's receipt ...). None: no rule, or the event
    has not happened (an open request): kept."""
    if rule is None or anchor_at is None:
        return None
    return anchor_at + timedelta(days=rule.days)
