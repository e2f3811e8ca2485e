"""The sharing pass (bootstrap/jobs.py `sharing`, every PIIGUARD_SHARING_MINUTES): webhook
shares pushed (retried until they expire), unpulled packages expired, correction and
deletion notices pushed to recipients with a webhook, the notices before a first transfer
abroad mailed to the people (services/sharing/notice.py), and the privacy officers reminded of
agreements expiring within PIIGUARD_AGREEMENT_NOTICE_DAYS (once each). Each step apart; a
failing step is logged (ids only) and the others still run."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import MailError
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.domain.sharing.disclosure import Delivery, ShareStatus
from piiguard.domain.sharing.register import Agreement
from piiguard.services.sharing._common import SharingKit, audited, officers
from piiguard.services.sharing.delivery import expire_pulls, push_pass_ons, push_share
from piiguard.services.sharing.notice import run_abroad_notices

log = logging.getLogger(__name__)
JOB = Actor("sharing", ActorKind.SYSTEM, frozenset({"system"}))


@dataclass
class SharingReport:
    pushed: int = 0
    expired: int = 0
    notices: int = 0
    reminders: int = 0
    abroad_notices: int = 0
    errors: int = 0

    def summary(self) -> str:
        return (
            f"shares pushed {self.pushed}, packages expired {self.expired}, notices sent "
            f"{self.notices}, agreement reminders {self.reminders}, abroad notices mailed "
            f"{self.abroad_notices}, failed steps {self.errors}"
        )


def expiry_mail(a: Agreement, to: str, company: str) -> OutgoingMail:
    until = a.valid_until.date().isoformat() if a.valid_until else ""
    text = (
        f"协议即将到期 / An agreement expires soon\n\n"
        f"{a.title} ({a.kind.value}) — recipient {a.recipient}, valid until {until}.\n"
        f"协议“{a.title}”（接收方 {a.recipient}）将于 {until} 到期。\n\n"
        "After that day nothing it covers is shared. Record the renewed agreement in the "
        "console (Sharing > Agreements) or with `piiguard agreement add`.\n"
        "到期后，该协议涵盖的提供将被拒绝。"
        "请在控制台或用 piiguard agreement add 登记续签的协议。\n\n"
        f"— {company} piiguard"
    )
    return OutgoingMail(
        to,
        f"Agreement expires {until}: {a.recipient} / 协议即将到期",
        text,
        headers={"X-Piiguard-Agreement": a.id},
    )


def remind_expiring(uow: UnitOfWork, kit: SharingKit, notice_days: int) -> int:
    now = kit.clock.now()
    with uow:
        due = [
            a for a in uow.sharing.expiring(now + timedelta(days=notice_days)) if a.in_force(now)
        ]
    if not due:
        return 0
    to = officers(uow, kit)
    n = 0
    for a in due:
        try:
            for address in to:
                kit.mailer.send(expiry_mail(a, address, kit.company))
        except MailError:
            log.warning("expiry reminder of agreement %s not sent; next pass tries again", a.id)
            continue
        with uow:
            uow.sharing.save_agreement(replace(a, reminded_at=now))
            audited(
                uow,
                JOB,
                "sharing.agreement.remind",
                "agreement",
                a.id,
                recipient=a.recipient,
                officers=len(to),
            )
            uow.commit()
        n += 1
    return n


def run_sharing(
    uow: UnitOfWork, kit: SharingKit, notice_days: int = 30, notices_per_pass: int = 200
) -> SharingReport:
    report = SharingReport()

    def step(name: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception:  # a step's failure must not stop the others or the loop
            report.errors += 1
            log.exception("sharing step %s failed; it runs again on the next pass", name)

    def push() -> None:
        with uow:
            todo = [
                s.id
                for s in uow.sharing.shares(None, [ShareStatus.READY], limit=500)
                if s.delivery is Delivery.WEBHOOK
            ]
        for sid in todo:
            if push_share(uow, kit, sid).status is ShareStatus.DELIVERED:
                report.pushed += 1

    def expire() -> None:
        report.expired = expire_pulls(uow, kit)

    def notices() -> None:
        report.notices = push_pass_ons(uow, kit)

    def remind() -> None:
        report.reminders = remind_expiring(uow, kit, notice_days)

    def abroad() -> None:
        report.abroad_notices = run_abroad_notices(uow, kit, notices_per_pass).sent

    step("abroad_notices", abroad)
    step("push", push)
    step("expire", expire)
    step("notices", notices)
    step("remind", remind)
    return report
