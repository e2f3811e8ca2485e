"""Transfers abroad counted per calendar year (R7.1; docs/sharing.md, "Transfers abroad"):
the count as it would stand after a share (handed to the decision point, whose
`mechanism_for_count` compares what it requires with the recipient's agreements), the
people counted when the share is logged, and the year's figures for the console, the API
and the CLI — how near each threshold of the 2024 Provisions the count is, warned at 80 %."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from piiguard.domain.access import PolicyState
from piiguard.domain.errors import Conflict, InvalidInput
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.sharing.abroad import (
    COMPANY_TZ,
    Mechanism,
    Nearness,
    TransferTally,
    company_year,
    nearness,
    required,
    strongest,
    year_start,
)
from piiguard.domain.sharing.disclosure import Disclosure
from piiguard.domain.sharing.register import Recipient, RecipientKind, RecipientStatus
from piiguard.services.policy.snapshot import PolicySnapshots


def counts_abroad(r: Recipient, pol: PolicyState) -> bool:
    return r.abroad(pol.home_region)


def any_sensitive(pol: PolicyState, keys: Iterable[str]) -> bool:
    """Whether any of these categories, or anything in their subtrees, is sensitive."""
    wanted = [k for k in keys if k in pol.taxonomy]
    return any(
        c.sensitive for c in pol.taxonomy for k in wanted if pol.taxonomy.is_within(c.key, k)
    )


def projected_tally(
    uow: UnitOfWork,
    pol: PolicyState,
    subject_ids: Sequence[str],
    sensitive: bool,
    at: datetime,
) -> TransferTally:
    """The year's count as it would stand once these people's data went abroad (inside an
    open unit of work): each person not yet counted this year adds one; when the share may
    carry sensitive data, each not yet counted as sensitive adds one there too. Counted
    before the decisions, so it errs on the side of the stricter mechanism."""
    year = company_year(at)
    now = uow.sharing.transfer_tally(year)
    seen = uow.sharing.transfer_counted(year, subject_ids)
    new = sum(1 for s in subject_ids if s not in seen)
    new_sensitive = sum(1 for s in subject_ids if not seen.get(s, False)) if sensitive else 0
    return TransferTally(year, now.people + new, now.sensitive + new_sensitive)


def count_logged(
    uow: UnitOfWork,
    pol: PolicyState,
    log: Sequence[Disclosure],
    at: datetime,
    exempt: Mapping[str, str] | None = None,
) -> None:
    """Count the people of a share abroad that left the disclosure log (same transaction);
    those carried under a recorded exemption (`exempt`: subject -> exemption id) are
    counted apart, not toward the thresholds (art. 5(1)–(3))."""
    exempt = exempt or {}
    year = company_year(at)
    uow.sharing.count_transfers(
        year,
        {d.subject_id: any_sensitive(pol, d.categories) for d in log if d.subject_id not in exempt},
        at,
    )
    uow.sharing.count_exempt(
        year, {d.subject_id: exempt[d.subject_id] for d in log if d.subject_id in exempt}, at
    )


def sensitive_within(pol: PolicyState, scope: Iterable[str]) -> list[str]:
    """The sensitive categories a scope reaches (each key with its subtree; none: all)."""
    keys = [k for k in scope if k in pol.taxonomy]
    return sorted(
        c.key
        for c in pol.taxonomy
        if c.sensitive and (not keys or any(pol.taxonomy.is_within(c.key, k) for k in keys))
    )


def count_handover(
    uow: UnitOfWork, subject_ids: Sequence[str], sensitive: Sequence[str], at: datetime
) -> None:
    """Count the people a business transfer hands abroad (same transaction as its log):
    counted as sensitive when they hold an item in one of the `sensitive` categories in
    scope — what they hold, not what the scope could have carried."""
    held = uow.sharing.holding(subject_ids, sensitive) if sensitive else set()
    uow.sharing.count_transfers(company_year(at), {s: s in held for s in subject_ids}, at)


def require_mechanism(uow: UnitOfWork, pol: PolicyState, r: Recipient, at: datetime) -> None:
    """Once a handover abroad is counted (inside its transaction): refused, so that nothing
    is written, unless an agreement in force with the recipient is the mechanism the
    year's count now requires (the rule `mechanism_for_count` asks the same of a share)."""
    tally = uow.sharing.transfer_tally(company_year(at))
    need = required(tally, pol.ciio)
    has = strongest(a.kind for a in pol.agreements.get(r.key, ()) if a.in_force(at))
    if has < need:
        raise Conflict(
            f"handing this over to {r.key} ({r.country}) brings the year's count of people "
            f"whose data went abroad to {tally.people} ({tally.sensitive} with sensitive "
            f"data), which requires {need.code}: record and have approved such an agreement "
            f"with {r.key} first (docs/sharing.md, 'Transfers abroad')",
            field="acquirer",
        )


@dataclass(frozen=True, slots=True)
class RecipientAbroad:
    key: str
    legal_name: str
    country: str
    kind: str
    status: str
    has: Mechanism  # the strongest legal mechanism in force for it now
    enough: bool  # whether it meets what the count requires


@dataclass(frozen=True, slots=True)
class AbroadStatus:
    tally: TransferTally
    since: datetime  # 1 January 00:00 Asia/Shanghai, in UTC
    ciio: bool
    requires: Mechanism
    thresholds: list[Nearness]
    recipients: list[RecipientAbroad]
    timezone: str = COMPANY_TZ.key
    exempt_people: int = 0  # carried under a recorded exemption case: counted apart

    @property
    def warnings(self) -> list[Nearness]:
        return [n for n in self.thresholds if n.warn]

    @property
    def short(self) -> list[RecipientAbroad]:
        """Active recipients abroad that lack the mechanism the count requires now."""
        return [r for r in self.recipients if r.status == "active" and not r.enough]


def abroad_status(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, year: int | None = None
) -> AbroadStatus:
    """The count for a calendar year (this one by default) and what it requires."""
    now = clock.now()
    this_year = company_year(now)
    y = this_year if year is None else year
    if not 2000 <= y <= this_year:
        raise InvalidInput(f"a year from 2000 to {this_year}", field="year")
    with uow:
        pol = policy.current(uow)
        tally = uow.sharing.transfer_tally(y)
        exempt_people = uow.sharing.exempt_tally(y)
    need = required(tally, pol.ciio)
    rows = []
    for r in sorted(pol.recipients.values(), key=lambda r: r.key):
        if not counts_abroad(r, pol) or r.kind is RecipientKind.AUTHORITY:
            continue
        has = strongest(a.kind for a in pol.agreements.get(r.key, ()) if a.in_force(now))
        rows.append(
            RecipientAbroad(
                r.key,
                r.legal_name,
                r.country,
                r.kind.value,
                r.status.value,
                has,
                has >= need or r.status is not RecipientStatus.ACTIVE,
            )
        )
    return AbroadStatus(
        tally, year_start(y), pol.ciio, need, nearness(tally), rows, exempt_people=exempt_people
    )


def status_json(s: AbroadStatus) -> dict[str, object]:
    return {
        "year": s.tally.year,
        "since": s.since.isoformat(),
        "timezone": s.timezone,
        "people": s.tally.people,
        "sensitive_people": s.tally.sensitive,
        "exempt_people": s.exempt_people,
        "ciio": s.ciio,
        "requires": s.requires.code,
        "thresholds": [
            {
                "key": n.key,
                "count": n.count,
                "threshold": n.threshold,
                "percent": round(100 * n.share, 1),
                "reached": n.reached,
                "warning": n.warn,
                "article": n.article,
            }
            for n in s.thresholds
        ],
        "recipients": [
            {
                "key": r.key,
                "legal_name": r.legal_name,
                "country": r.country,
                "kind": r.kind,
                "status": r.status,
                "mechanism_in_force": r.has.code,
                "meets_requirement": r.enough,
            }
            for r in s.recipients
        ],
    }
