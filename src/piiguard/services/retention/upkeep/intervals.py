"""Confirmation intervals (R2.8): per category, how long an item may go unconfirmed before
the person is asked to confirm or correct it. Part of the retention schedule's versions
(kind `interval`) and audited like its rules; privacy officers (and the operator's CLI)
change them. Seeded once on start (contact details 24 months)."""

from __future__ import annotations

import json

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.retention.schedule import ScheduleChange
from piiguard.domain.retention.upkeep import SEED_INTERVALS, ConfirmationInterval, check_interval
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories
from piiguard.services.retention._common import require_officer
from piiguard.services.retention.upkeep._common import audited


def _next_version(uow: UnitOfWork) -> int:
    uow.registers.epoch(lock=True)  # schedule changes take turns (the register's row lock)
    return uow.retention.version() + 1


def _change(
    uow: UnitOfWork, clock: Clock, actor: Actor | str, version: int, category: str, days: int | None
) -> None:
    definition = "" if days is None else json.dumps({"category": category, "days": days})
    by = actor.ref if isinstance(actor, Actor) else actor
    uow.retention.add_change(
        ScheduleChange(version, "interval", category, definition, clock.now(), by)
    )


def ensure_intervals(uow: UnitOfWork, clock: Clock, by: str) -> bool:
    """Seed the intervals once (never again after an officer removed them all)."""
    with uow:
        if uow.retention.intervals_ever_set():
            return False
        for category, days in SEED_INTERVALS.items():
            version = _next_version(uow)
            uow.retention.save_interval(
                ConfirmationInterval(category, days), version, clock.now(), by
            )
            _change(uow, clock, by, version, category, days)
        uow.commit()
    return True


def list_intervals(uow: UnitOfWork) -> list[ConfirmationInterval]:
    with uow:
        return uow.retention.intervals()


def save_interval(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, category: str, days: int
) -> int:
    """Set a category's interval (its subtree follows unless it has its own); returns the
    schedule's new version."""
    require_officer(actor, "changes the confirmation intervals")
    check_interval(days)
    with uow:
        check_categories(policy.current(uow).taxonomy, {category}, field="category")
        version = _next_version(uow)
        uow.retention.save_interval(
            ConfirmationInterval(category, days), version, clock.now(), actor.ref
        )
        _change(uow, clock, actor, version, category, days)
        audited(
            uow,
            actor,
            "retention.interval.save",
            "confirmation_interval",
            category,
            version=version,
            days=days,
        )
        uow.commit()
    return version


def remove_interval(uow: UnitOfWork, clock: Clock, actor: Actor, category: str) -> int:
    require_officer(actor, "changes the confirmation intervals")
    with uow:
        version = _next_version(uow)
        if not uow.retention.delete_interval(category):
            raise NotFound(f"no confirmation interval for {category}", field="category")
        _change(uow, clock, actor, version, category, None)
        audited(
            uow,
            actor,
            "retention.interval.remove",
            "confirmation_interval",
            category,
            version=version,
        )
        uow.commit()
    return version
