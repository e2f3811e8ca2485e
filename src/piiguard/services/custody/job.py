"""The custody job's pass (bootstrap/jobs.py `custody`, every PIIGUARD_CUSTODY_MINUTES):
(1) every printout still in use past PIIGUARD_PAPER_LOCK_HOURS is escalated once — marked
(the front page shows it) and mailed to every privacy officer and the officer mailbox;
(2) every medium missing with personal data and no incident yet is alarmed once to the same
people (and, when the incident register is wired, an incident is opened for it first).
Ids, counts and dates only in mail and log; a refused mail is tried again next pass."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from piiguard.domain.custody.records import MediaStatus, MissingMedium, PaperRecord, PaperStatus
from piiguard.domain.errors import MailError
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.services.custody.inventory import missing_alarms, open_incident_for
from piiguard.services.custody.kit import SYSTEM_ACTOR, CustodyKit, audited

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CustodyReport:
    escalated: int = 0
    alarmed: int = 0
    incidents: int = 0
    errors: int = 0

    def summary(self) -> str:
        return (
            f"custody: {self.escalated} overdue printouts escalated, {self.alarmed} missing "
            f"media alarmed, {self.incidents} incidents opened, {self.errors} errors"
        )


def officers(kit: CustodyKit) -> list[str]:
    uow = kit.uow(readonly=True)
    with uow:
        staff = uow.staff.accounts()
    return sorted(
        {a.email for a in staff if a.active and "privacy_officer" in a.roles}
        | ({kit.officer_mail} if kit.officer_mail else set())
    )


def _paper_mail(p: PaperRecord, to: str, kit: CustodyKit) -> OutgoingMail:
    due = p.due_at(kit.paper_limit).strftime("%Y-%m-%d %H:%M UTC")
    link = f"{kit.public_url.rstrip('/')}/console/custody/paper/{p.id}"
    return OutgoingMail(
        to,
        f"OVERDUE 已逾期: printout {p.id[:8]} not locked away since {due}",
        f"A printout holding personal data (record {p.id}, {p.people} people, from system "
        f"{p.system}) should have been locked away or shredded by {due}.\n"
        f"一份含个人信息的打印件（记录 {p.id}，涉及 {p.people} 人，来自系统 {p.system}）"
        f"应于 {due} 前锁存或粉碎，现已逾期。\n\n{link}\n",
        headers={"X-Piiguard-Paper": p.id},
    )


def _send(kit: CustodyKit, mails: list[OutgoingMail]) -> bool:
    try:
        for m in mails:
            kit.mailer.send(m)
    except MailError as e:
        log.warning("custody: an alarm mail was not sent (%s); retried next pass", e.reply_code)
        return False
    return True


def escalate_overdue(kit: CustodyKit) -> tuple[int, int]:
    now = kit.clock.now()
    uow = kit.uow(readonly=True)
    with uow:
        due = [
            p
            for p in uow.custody.papers(
                (PaperStatus.IN_USE,), 1000, in_use_before=now - kit.paper_limit
            )
            if p.escalated_at is None
        ]
    if not due:
        return 0, 0
    to = officers(kit)
    done = errors = 0
    for p in due:
        if not _send(kit, [_paper_mail(p, a, kit) for a in to]):
            errors += 1
            continue
        uow = kit.uow()
        with uow:
            current = uow.custody.paper(p.id, lock=True)
            if current is None or current.status is not PaperStatus.IN_USE:
                continue
            uow.custody.save_paper(replace(current, escalated_at=now))
            audited(
                uow,
                SYSTEM_ACTOR,
                "paper.escalate",
                "paper",
                p.id,
                due_at=p.due_at(kit.paper_limit).isoformat(),
                officers=len(to),
            )
            uow.commit()
        done += 1
    return done, errors


def alarm_missing(kit: CustodyKit) -> tuple[int, int, int]:
    """Missing media with personal data: an incident through the seam when wired, else
    the officers' mail once (the front page shows them until settled)."""
    alarmed = opened = errors = 0
    to: list[str] | None = None
    for m in missing_alarms(kit):
        if kit.incidents is not None and m.alarmed_at is None:
            missing = MissingMedium(
                m.id,
                m.identifier,
                m.kind.value,
                m.encrypted,
                m.categories,
                m.system,
                SYSTEM_ACTOR.ref,
                m.missing_since or kit.clock.now(),
            )
            if open_incident_for(kit, SYSTEM_ACTOR, missing):
                opened += 1
                continue
        if m.alarmed_at is not None:
            continue
        to = officers(kit) if to is None else to
        link = f"{kit.public_url.rstrip('/')}/console/custody/media/{m.id}"
        mails = [
            OutgoingMail(
                a,
                f"MISSING 介质丢失: removable medium {m.identifier} holds personal data",
                f"Removable medium {m.identifier} ({m.kind.value}, "
                f"{'encrypted' if m.encrypted else 'NOT encrypted'}) holding "
                f"{', '.join(sorted(m.categories))} from system {m.system} is missing since "
                f"{m.missing_since:%Y-%m-%d %H:%M UTC}. Record the incident it is handled "
                "under on its page.\n"
                f"存有个人信息的移动介质 {m.identifier} 丢失。请在其页面登记处理该事件的编号。\n\n"
                f"{link}\n",
                headers={"X-Piiguard-Medium": m.id},
            )
            for a in to
        ]
        if not _send(kit, mails):
            errors += 1
            continue
        uow = kit.uow()
        with uow:
            current = uow.custody.medium(m.id, lock=True)
            if current is None or current.status is not MediaStatus.MISSING:
                continue
            uow.custody.save_medium(replace(current, alarmed_at=kit.clock.now()))
            audited(uow, SYSTEM_ACTOR, "medium.alarm", "medium", m.id, officers=len(to))
            uow.commit()
        alarmed += 1
    return alarmed, opened, errors


def run_custody(kit: CustodyKit) -> CustodyReport:
    """One pass; a failing step is logged (its type only) and the other still runs."""
    escalated = alarmed = opened = errors = 0
    try:
        escalated, e1 = escalate_overdue(kit)
        errors += e1
    except Exception as exc:
        log.warning("custody: overdue printouts not escalated (%s)", type(exc).__name__)
        errors += 1
    try:
        alarmed, opened, e2 = alarm_missing(kit)
        errors += e2
    except Exception as exc:
        log.warning("custody: missing media not alarmed (%s)", type(exc).__name__)
        errors += 1
    return CustodyReport(escalated, alarmed, opened, errors)
