"""Repositories of what the person decided: consents (with evidence), restrictions and
objections, guardian links; and the per-subject state the decision point reads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import IDS, chunks
from piiguard.domain.access import SubjectState
from piiguard.domain.consent import (
    Consent,
    ConsentKind,
    GuardianLink,
    Restriction,
    RestrictionKind,
)
from piiguard.domain.subjects import Channel

_FACTS = select(t.subjects.c.id, t.subjects.c.adult_on, t.subjects.c.declared_minor).where(
    t.subjects.c.id.in_(IDS), t.subjects.c.erased_at.is_(None)
)
_CONSENTS = select(t.consents).where(t.consents.c.subject_id.in_(IDS))
_RESTRICTIONS = select(t.restrictions).where(t.restrictions.c.subject_id.in_(IDS))
_GUARDIANS = select(t.guardian_links).where(t.guardian_links.c.child_id.in_(IDS))


def _consent(r: Any) -> Consent:
    return Consent(
        r.id,
        r.subject_id,
        r.purpose,
        ConsentKind(r.kind),
        r.granted_at,
        Channel(r.channel),
        r.policy_version,
        r.text_hash,
        r.recorded_by,
        r.given_by,
        r.withdrawn_at,
        r.recipient,
        r.destination,
    )


def _restriction(r: Any) -> Restriction:
    return Restriction(r.id, r.subject_id, RestrictionKind(r.kind), r.purpose, r.since, r.lifted_at)


class SqlConsents:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    # -- consents -------------------------------------------------------------------------
    def add(self, c: Consent) -> None:
        self._c.execute(
            t.consents.insert().values(
                id=c.id,
                subject_id=c.subject_id,
                purpose=c.purpose,
                kind=c.kind.value,
                granted_at=c.granted_at,
                withdrawn_at=c.withdrawn_at,
                channel=c.channel.value,
                policy_version=c.policy_version,
                text_hash=c.text_hash,
                recorded_by=c.recorded_by,
                given_by=c.given_by,
                recipient=c.recipient,
                destination=c.destination,
            )
        )

    def of_subject(self, subject_id: str) -> list[Consent]:
        q = (
            select(t.consents)
            .where(t.consents.c.subject_id == subject_id)
            .order_by(t.consents.c.granted_at)
        )
        return [_consent(r) for r in self._c.execute(q)]

    def withdraw(self, consent_id: str, at: datetime) -> bool:
        return (
            self._c.execute(
                update(t.consents)
                .where(t.consents.c.id == consent_id, t.consents.c.withdrawn_at.is_(None))
                .values(withdrawn_at=at)
            ).rowcount
            == 1
        )

    # -- restrictions and objections ------------------------------------------------------
    def add_restriction(self, r: Restriction, recorded_by: str) -> None:
        self._c.execute(
            t.restrictions.insert().values(
                id=r.id,
                subject_id=r.subject_id,
                kind=r.kind.value,
                purpose=r.purpose,
                since=r.since,
                lifted_at=r.lifted_at,
                recorded_by=recorded_by,
            )
        )

    def restrictions_of(self, subject_id: str) -> list[Restriction]:
        q = (
            select(t.restrictions)
            .where(t.restrictions.c.subject_id == subject_id)
            .order_by(t.restrictions.c.since)
        )
        return [_restriction(r) for r in self._c.execute(q)]

    def lift(self, restriction_id: str, at: datetime) -> bool:
        return (
            self._c.execute(
                update(t.restrictions)
                .where(t.restrictions.c.id == restriction_id, t.restrictions.c.lifted_at.is_(None))
                .values(lifted_at=at)
            ).rowcount
            == 1
        )

    # -- guardians ------------------------------------------------------------------------
    def link_guardian(self, child_id: str, guardian_id: str, at: datetime) -> None:
        self._c.execute(
            t.guardian_links.insert().values(
                child_id=child_id, guardian_id=guardian_id, created_at=at
            )
        )

    def verify_guardian(self, child_id: str, guardian_id: str, by: str, at: datetime) -> bool:
        g = t.guardian_links.c
        return (
            self._c.execute(
                update(t.guardian_links)
                .where(g.child_id == child_id, g.guardian_id == guardian_id)
                .values(verified_by=by, verified_at=at)
            ).rowcount
            == 1
        )

    def guardians_of(self, child_id: str) -> list[GuardianLink]:
        q = select(t.guardian_links).where(t.guardian_links.c.child_id == child_id)
        return [
            GuardianLink(r.child_id, r.guardian_id, r.verified_by, r.verified_at)
            for r in self._c.execute(q)
        ]

    # -- minors ---------------------------------------------------------------------------
    def set_minor(
        self, subject_id: str, *, adult_on: date | None = None, declared_minor: bool | None = None
    ) -> None:
        values: dict[str, Any] = {}
        if adult_on is not None:
            values["adult_on"] = adult_on
        if declared_minor is not None:
            values["declared_minor"] = declared_minor
        if values:
            self._c.execute(
                update(t.subjects).where(t.subjects.c.id == subject_id).values(**values)
            )

    # -- what the decision point reads ----------------------------------------------------
    def states(self, subject_ids: Sequence[str]) -> dict[str, SubjectState]:
        """Consents, restrictions, guardians and age of each live subject among
        `subject_ids` (an erased or unknown one has no entry), a few queries for the whole
        batch. `collected_for` is left for the caller, who has the items."""
        facts: dict[str, tuple[date | None, bool]] = {}
        consents: dict[str, list[Consent]] = {}
        restrictions: dict[str, list[Restriction]] = {}
        guardians: dict[str, list[GuardianLink]] = {}
        for chunk in chunks(subject_ids):
            ids = {"ids": chunk}
            for sid, adult, minor in self._c.execute(_FACTS, ids):
                facts[sid] = (adult, bool(minor))
            for r in self._c.execute(_CONSENTS, ids):
                consents.setdefault(r.subject_id, []).append(_consent(r))
            for r in self._c.execute(_RESTRICTIONS, ids):
                restrictions.setdefault(r.subject_id, []).append(_restriction(r))
            for r in self._c.execute(_GUARDIANS, ids):
                guardians.setdefault(r.child_id, []).append(
                    GuardianLink(r.child_id, r.guardian_id, r.verified_by, r.verified_at)
                )
        return {
            sid: SubjectState(
                sid,
                adult_on=facts[sid][0],
                declared_minor=facts[sid][1],
                consents=tuple(consents.get(sid, ())),
                restrictions=tuple(restrictions.get(sid, ())),
                guardians=tuple(guardians.get(sid, ())),
            )
            for sid in subject_ids
            if sid in facts
        }
