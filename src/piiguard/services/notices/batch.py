"""The mail batch every per-person notice uses — a new policy version (job.py, R8.1) and a
business transfer (services/notices/transfers.py, R3.4): one row per person, at
most `per_pass` mails a pass (the throttle), each row claimed before its mail and its
outcome recorded after it, so a pass that dies halfway is resumed by the next one and
nobody is mailed twice.

The rows of a dead pass: a row still `sending` more than STALE_MINUTES after its claim
belonged to a pass that stopped between the claim and the record — the mail may or may not
have gone. It becomes `uncertain`, is never mailed again by itself, and is listed for an
officer, who may release it knowing the person may get the notice twice.

The server's answer: accepted → `sent`; refused for good (5xx) → `refused` with the reply
code; a temporary failure (4xx, unreachable) → back to `pending` for the next pass (and the
pass stops: the server is away), `failed` after MAX_ATTEMPTS. No contact we may use →
`no_contact`. Each outcome is an audit entry with ids and a keyed hash of the address."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput, MailError
from piiguard.domain.policy.notices import Notice, NoticeStatus
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.services.notices._common import NOTIFIER, NoticeKit, contact, contact_hash

log = logging.getLogger(__name__)
STALE_MINUTES = 15
MAX_ATTEMPTS = 5


class Rows(Protocol):
    """The per-person rows of one kind of notice (domain/policy/ports.py NoticeStore)."""

    def get(self, version: str, subject_id: str, *, lock: bool = False) -> Notice | None: ...
    def pending(self, limit: int) -> list[Notice]: ...
    def claim(self, version: str, subject_id: str, now: datetime) -> bool: ...
    def save(self, notice: Notice) -> None: ...
    def mark_uncertain(self, claimed_before: datetime, now: datetime) -> list[Notice]: ...


# given the row about to be mailed (status `sending`, language and contact hash set) and
# the address: the row as saved, and its mail
Prepare = Callable[[UnitOfWork, Notice, str], tuple[Notice, OutgoingMail]]


@dataclass(frozen=True, slots=True)
class NoticeKind:
    """One kind of per-person notice: where its rows are, how its audit entries read
    (`<action>.sent`, target type `target`, the row's `version` under `key`)."""

    rows: Callable[[UnitOfWork], Rows]
    action: str  # e.g. "policy.notice"
    target: str  # e.g. "policy_notice"
    key: str = "version"  # what the rows' `version` is, in the audit details
    sent_details: Callable[[Notice], dict[str, DetailValue]] = field(default=lambda n: {})


def audited(
    uow: UnitOfWork,
    kind: NoticeKind,
    action: str,
    n: Notice,
    actor: Actor = NOTIFIER,
    /,
    **details: DetailValue,
) -> None:
    uow.audit(
        AuditEvent(
            f"{kind.action}.{action}",
            actor.kind.value,
            actor.id,
            kind.target,
            n.ref,
            subject_id=n.subject_id,
            details={kind.key: n.version, **details},
        )
    )


@dataclass
class BatchReport:
    sent: int = 0
    refused: int = 0
    retry: int = 0
    failed: int = 0
    no_contact: int = 0
    uncertain: int = 0
    errors: int = 0

    def counts(self) -> str:
        return (
            f"sent {self.sent}, refused {self.refused}, to retry {self.retry}, "
            f"failed {self.failed}, without contact {self.no_contact}, marked uncertain "
            f"{self.uncertain}; failed steps {self.errors}"
        )

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def mark_uncertain(uow: UnitOfWork, kind: NoticeKind, now: datetime) -> int:
    """Rows left `sending` by a pass that stopped become `uncertain`."""
    with uow:
        stale = kind.rows(uow).mark_uncertain(now - timedelta(minutes=STALE_MINUTES), now)
        for n in stale:
            audited(uow, kind, "uncertain", n, claimed_at=n.updated_at.isoformat())
        uow.commit()
    if stale:
        log.warning(
            "%d %s row(s) were claimed by a pass that stopped before recording the mail; "
            "marked uncertain, not mailed again",
            len(stale),
            kind.target,
        )
    return len(stale)


RELEASABLE = frozenset({NoticeStatus.UNCERTAIN, NoticeStatus.FAILED})


def release(
    uow: UnitOfWork,
    kind: NoticeKind,
    actor: Actor,
    version: str,
    subject_ids: Sequence[str],
    now: datetime,
) -> int:
    """Put uncertain or failed rows back in the queue (the officer accepts that an
    uncertain one may reach the person twice); how many. InvalidInput (field
    `subject_ids`) names one that is not uncertain or failed."""
    if not subject_ids:
        raise InvalidInput("name the people whose notice to send again", field="subject_ids")
    with uow:
        rows = kind.rows(uow)
        found = []
        for sid in sorted(set(subject_ids)):
            n = rows.get(version, sid, lock=True)
            if n is None or n.status not in RELEASABLE:
                raise InvalidInput(
                    f"{sid} has no uncertain or failed notice of {kind.key} {version}",
                    field="subject_ids",
                )
            found.append(n)
        for n in found:
            rows.save(replace(n, status=NoticeStatus.PENDING, attempts=0, updated_at=now))
            audited(uow, kind, "release", n, actor, was=n.status.value)
        uow.commit()
    return len(found)


def send_all(
    uow: UnitOfWork,
    kit: NoticeKit,
    kind: NoticeKind,
    batch: Sequence[Notice],
    prepare: Callable[[Notice], Prepare | None],
    report: BatchReport,
) -> BatchReport:
    """Mail each row of `batch` in turn (`prepare(n)` None: the row cannot be mailed, a
    failed step); stop at the first temporary failure — the server is away or busy."""
    for n in batch:
        how = prepare(n)
        if how is None:
            report.errors += 1
            continue
        outcome = send_one(uow, kit, kind, n, how)
        if outcome is None:
            continue
        report.add(outcome)
        if outcome == "retry":
            break
    return report


def send_one(
    uow: UnitOfWork, kit: NoticeKit, kind: NoticeKind, n: Notice, prepare: Prepare
) -> str | None:
    """Claim, mail, record one row; the outcome's name (None: another pass took it)."""
    address, language = contact(uow, kit, n.subject_id)
    now = kit.clock.now()
    with uow:
        rows = kind.rows(uow)
        if not rows.claim(n.version, n.subject_id, now):
            return None
        if address is None:
            n = replace(n, status=NoticeStatus.NO_CONTACT, updated_at=now)
            rows.save(n)
            audited(uow, kind, "no_contact", n)
            uow.commit()
            return "no_contact"
        sending = replace(
            n,
            status=NoticeStatus.SENDING,
            updated_at=now,
            language=language,
            contact_hash=contact_hash(kit, address),
        )
        n, message = prepare(uow, sending, address)
        rows.save(n)
        uow.commit()
    try:
        kit.mailer.send(message)
    except MailError as e:
        return _failed(uow, kit, kind, n, e)
    with uow:
        done = kit.clock.now()
        n = replace(
            n, status=NoticeStatus.SENT, attempts=n.attempts + 1, sent_at=done, updated_at=done
        )
        kind.rows(uow).save(n)
        audited(
            uow,
            kind,
            "sent",
            n,
            language=n.language,
            contact=n.contact_hash,
            **kind.sent_details(n),
        )
        uow.commit()
    return "sent"


def _failed(uow: UnitOfWork, kit: NoticeKit, kind: NoticeKind, n: Notice, e: MailError) -> str:
    code = e.reply_code
    if code is not None and 500 <= code < 600:
        status, outcome = NoticeStatus.REFUSED, "refused"
    elif n.attempts + 1 >= MAX_ATTEMPTS:
        status, outcome = NoticeStatus.FAILED, "failed"
    else:
        status, outcome = NoticeStatus.PENDING, "retry"
    with uow:
        n = replace(
            n, status=status, attempts=n.attempts + 1, reply_code=code, updated_at=kit.clock.now()
        )
        kind.rows(uow).save(n)
        audited(uow, kind, outcome, n, reply_code=code, attempts=n.attempts, contact=n.contact_hash)
        uow.commit()
    log.warning(
        "%s %s not sent (%s): %s", kind.target, n.ref, code or "server unreachable", outcome
    )
    return outcome
