"""The sweep's incremental refresh of the stored retain-until (R2.11; docs/retention.md,
"Keeping the stored retain-until up to date").

An item's retain-until (domain/retention/rules.py) depends on the item (category,
purposes, collection and confirmation), on its person's consents, restrictions and
objections and reported anchor events, and on the schedule (rules, minimums, the purpose
register's days and consent needs). It does not depend on the time it is computed at:
every date in it is absolute. So the stored date only goes stale when one of those
inputs changes — and every such change is on the audit trail, in the transaction that
makes it, naming the person.

A pass therefore recomputes:
- every item, when the schedule's key (its version and the purposes' days and consent
  needs) differs from the one stored by the last pass, or when there was no last pass;
- otherwise the items of the people named by audit entries appended since the last pass
  (`retention_refresh.audit_seq`, a primary-key range of the chain), reads and decisions
  left out (`UNCHANGING`): an unknown action counts as a change, so a new kind of write
  is never missed, at worst recomputed for nothing.
The audit sequence is read before anything is recomputed, and the chain's appenders are
serialised by the head's lock, so an entry committed after that read has a higher number
and is looked at by the next pass.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from piiguard.domain.decisions import Actor
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.retention.disposal import DisposalBatch, check_as_of
from piiguard.domain.retention.rules import Schedule
from piiguard.services.retention._common import Claim, claimed, load_schedule
from piiguard.services.retention.schedule import refresh_all, refresh_retention
from piiguard.services.retention.sweep import Preview, preview_disposal, propose_batch

# audit actions that change nothing an item's retain-until reads ("x." = the family)
UNCHANGING = (
    "data.",  # reads, shares, exports through recorded decisions
    "decision.",
    "subject.describe",
    "subject.lookup",
    "credential.verify",
    "consent.list",
    "request.view",
    "request.triage.read",
)


@dataclass(frozen=True, slots=True)
class Refreshed:
    full: bool  # every item recomputed (first pass, or the schedule changed)
    subjects: int  # people whose items were recomputed (0 on a full pass: all of them)
    items: int  # items recomputed


def schedule_key(schedule: Schedule) -> str:
    """What the stored dates were computed under: the schedule's version and a digest of
    the purpose register's part (days, consent needs), which has versions of its own."""
    register = json.dumps(
        [sorted(schedule.purpose_days.items()), sorted(schedule.needs_consent)],
        separators=(",", ":"),
    )
    return f"{schedule.version}:{hashlib.sha256(register.encode()).hexdigest()[:32]}"


# One refresh at a time, in a process and across processes on one database (_common.py
# `claimed`): the sweep's pass, a preview and a batch made now may start together, in the
# server and in a shell's command, and two refreshes side by side delete and re-insert the
# same rows (on PostgreSQL the second insert broke the primary key) — or one writes dates
# computed before a change over the other's computed after it. The second is refused
# (UnderWay, a 409): the sweep's pass leaves it to the first, a person asks again.
REFRESHING = "the stored retain-until is being recomputed by another process or request"


def refresh_changed(uow: UnitOfWork, clock: Clock, page: int = 500) -> Refreshed:
    """Bring item_retention up to date, recomputing only what may have changed (one
    refresh at a time: UnderWay while another is under way)."""
    with claimed(uow, clock, "refresh", REFRESHING, None) as claim:
        return _refresh_changed(uow, clock, page, claim)


def _refresh_changed(uow: UnitOfWork, clock: Clock, page: int, claim: Claim) -> Refreshed:
    with uow:
        state = uow.retention.refresh_state()
        key = schedule_key(load_schedule(uow))
        head = uow.audit_log.head()[0]
        changed = (
            uow.retention.changed_subjects(state[0], head, UNCHANGING)
            if state is not None and state[1] == key
            else None
        )
    if changed is None:
        items = refresh_all(uow, clock, page, claim.keep)
        subjects = 0
    else:
        items, subjects = 0, len(changed)
        for start in range(0, len(changed), page):
            chunk = changed[start : start + page]
            claim.keep()
            with uow:
                uow.retention.forget_subjects(chunk)  # erased people and deleted items too
                items += refresh_retention(uow, clock, sorted(uow.subjects.live_ids(chunk)))
                uow.commit()
    with uow:
        uow.retention.save_refresh_state(head, key, clock.now())
        uow.commit()
    return Refreshed(changed is None, subjects, items)


# What an officer asks for now — a preview, a batch — sees every change made since the
# sweep's last pass (a new person, a withdrawn consent, a shorter rule): the stored
# retain-until is brought up to date first, incrementally, as the pass itself does. It
# writes only that cache (no audit entry, no batch).


def preview_current(uow: UnitOfWork, clock: Clock, as_of: datetime) -> Preview:
    """preview_disposal on the stored retain-until brought up to date first."""
    refresh_changed(uow, clock)
    return preview_disposal(uow, check_as_of(as_of))


def propose_current(
    uow: UnitOfWork, clock: Clock, actor: Actor, *, auto_dispose_days: int = 0
) -> DisposalBatch | None:
    """propose_batch on the stored retain-until brought up to date first."""
    refresh_changed(uow, clock)
    return propose_batch(uow, clock, actor, auto_dispose_days=auto_dispose_days)
