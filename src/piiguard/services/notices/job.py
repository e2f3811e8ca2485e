"""The notices pass (bootstrap/jobs.py `policy-notices`, every PIIGUARD_POLICY_NOTICE_MINUTES):
mail the people a new policy version affects (R8.1) — at most `per_pass` mails a pass (the
throttle), each notice claimed before its mail and its outcome recorded after it, so a pass
that dies halfway is resumed by the next one and nobody is mailed twice.

The rows of a dead pass: a notice still `sending` more than STALE_MINUTES after its claim
belonged to a pass that stopped between the claim and the record — the mail may or may not
have gone. It becomes `uncertain`, is never mailed again by itself, and is listed on the
console; an officer may release it (views.py `release_notices`) knowing the person may get
the notice twice.

The server's answer: accepted → `sent`; refused for good (5xx) → `refused` with the reply
code; a temporary failure (4xx, unreachable) → back to `pending` for the next pass (and the
pass stops: the server is away), `failed` after MAX_ATTEMPTS. No contact we may use →
`no_contact`. Each outcome is an audit entry with ids and a keyed hash of the address."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from piiguard.domain.errors import MailError
from piiguard.domain.policy.notices import Notice, NoticeStatus
from piiguard.domain.policy.versions import PolicyVersion, renewal_dues, to_renew
from piiguard.domain.ports import UnitOfWork
from piiguard.services.notices import mail as notice_mail
from piiguard.services.notices._common import (
    NOTIFIER,
    NoticeKit,
    audited,
    contact,
    contact_hash,
)
from piiguard.services.notices.person import token_hash

log = logging.getLogger(__name__)
STALE_MINUTES = 15
MAX_ATTEMPTS = 5


@dataclass(frozen=True, slots=True)
class NoticeTerms:
    per_pass: int = 200
    grace_days: int = 30


@dataclass
class NoticeReport:
    sent: int = 0
    refused: int = 0
    retry: int = 0
    failed: int = 0
    no_contact: int = 0
    uncertain: int = 0
    errors: int = 0

    def summary(self) -> str:
        return (
            f"policy notices sent {self.sent}, refused {self.refused}, to retry {self.retry}, "
            f"failed {self.failed}, without contact {self.no_contact}, marked uncertain "
            f"{self.uncertain}; failed steps {self.errors}"
        )


def mark_uncertain(uow: UnitOfWork, now: datetime) -> int:
    """Notices left `sending` by a pass that stopped become `uncertain`."""
    with uow:
        stale = uow.notices.mark_uncertain(now - timedelta(minutes=STALE_MINUTES), now)
        for n in stale:
            audited(
                uow, NOTIFIER, "policy.notice.uncertain", n, claimed_at=n.updated_at.isoformat()
            )
        uow.commit()
    if stale:
        log.warning(
            "%d policy notice(s) were claimed by a pass that stopped before recording the "
            "mail; marked uncertain, not mailed again (see the console)",
            len(stale),
        )
    return len(stale)


def run_notices(uow: UnitOfWork, kit: NoticeKit, terms: NoticeTerms) -> NoticeReport:
    report = NoticeReport()
    now = kit.clock.now()
    report.uncertain = mark_uncertain(uow, now)
    with uow:
        batch = uow.notices.pending(terms.per_pass)
        versions = uow.policy_versions.list() if batch else []
    by_version = {v.version: v for v in versions}
    dues = renewal_dues(versions, terms.grace_days)
    for n in batch:
        v = by_version.get(n.version)
        if v is None:
            report.errors += 1
            continue
        older = frozenset(x.version for x in versions[: versions.index(v)])
        lapses = next(
            (d.lapses_at for p in v.renewal for d in dues.get(p, ()) if d.version == v.version),
            None,
        )
        outcome = _send_one(uow, kit, n, v, older, lapses)
        if outcome is None:
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
        if outcome == "retry":
            break  # the server is away or busy: the next pass tries again
    return report


def _send_one(
    uow: UnitOfWork,
    kit: NoticeKit,
    n: Notice,
    v: PolicyVersion,
    older: frozenset[str],
    lapses_at: datetime | None,
) -> str | None:
    address, language = contact(uow, kit, n.subject_id)
    now = kit.clock.now()
    token = secrets.token_urlsafe(32)
    with uow:
        if not uow.notices.claim(n.version, n.subject_id, now):
            return None  # another pass took it
        if address is None:
            n = replace(n, status=NoticeStatus.NO_CONTACT, updated_at=now)
            uow.notices.save(n)
            audited(uow, NOTIFIER, "policy.notice.no_contact", n)
            uow.commit()
            return "no_contact"
        renew = to_renew(uow.consents.of_subject(n.subject_id), v.renewal, older, now)
        n = replace(
            n,
            status=NoticeStatus.SENDING,
            updated_at=now,
            language=language,
            contact_hash=contact_hash(kit, address),
            renewal=renew,
            token_hash=token_hash(kit, token) if renew else None,
        )
        uow.notices.save(n)
        uow.commit()
    message = notice_mail.notice_mail(
        n, address, v, kit.company, kit.public_url, token if renew else None, lapses_at
    )
    try:
        kit.mailer.send(message)
    except MailError as e:
        code = e.reply_code
        if code is not None and 500 <= code < 600:
            status, outcome = NoticeStatus.REFUSED, "refused"
        elif n.attempts + 1 >= MAX_ATTEMPTS:
            status, outcome = NoticeStatus.FAILED, "failed"
        else:
            status, outcome = NoticeStatus.PENDING, "retry"
        with uow:
            n = replace(
                n,
                status=status,
                attempts=n.attempts + 1,
                reply_code=code,
                updated_at=kit.clock.now(),
            )
            uow.notices.save(n)
            audited(
                uow,
                NOTIFIER,
                f"policy.notice.{outcome}",
                n,
                reply_code=code,
                attempts=n.attempts,
                contact=n.contact_hash,
            )
            uow.commit()
        log.warning(
            "policy notice %s not sent (%s): %s", n.ref, code or "server unreachable", outcome
        )
        return outcome
    with uow:
        done = kit.clock.now()
        n = replace(
            n, status=NoticeStatus.SENT, attempts=n.attempts + 1, sent_at=done, updated_at=done
        )
        uow.notices.save(n)
        audited(
            uow,
            NOTIFIER,
            "policy.notice.sent",
            n,
            language=n.language,
            contact=n.contact_hash,
            renewal=",".join(n.renewal),
        )
        uow.commit()
    return "sent"
