"""Telling the people affected (GDPR Art. 34, PIPL Art. 57; R5.8): an officer writes the
mailing (zh and en: what happened, what was done, what they can do, contact) and starts it;
each pass of the periodic job (or `piiguard incident notify-run`) mails at most
`mails_per_pass` people (the throttle), reading each one's address and language through the
decision point (purpose legal_compliance: the law obliges the notice), and records per
person: sent, or no usable address.

Resumable and never twice: a person is claimed (status `sending`, committed) before the
mail goes and marked `sent` after. A pass that dies in between leaves that person
`sending`; the next pass leaves recent claims alone and turns claims older than
`sending_stale_minutes` into `unknown` — never mailed again by itself: an officer checks the
mail server's log for the X-Piiguard-Notification header recorded on the row and re-queues
(requeue_unknown) only if it did not go. A mail the server refuses is queued again.
The audit entries carry the incident id, the subject id and the outcome — no address, no
text of the mail."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, replace
from datetime import timedelta

from piiguard.domain.access import RIGHTS_PURPOSE
from piiguard.domain.decisions import Action, Actor
from piiguard.domain.errors import Conflict, MailError
from piiguard.domain.incidents.model import Incident, IncidentStatus
from piiguard.domain.incidents.notify import Mailing, MailingText, Recipient, RecipientStatus
from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.domain.ports import Clock
from piiguard.services.decisions import Decided, DecisionRequest, decide_many
from piiguard.services.incidents import mail
from piiguard.services.incidents._common import (
    OFFICER,
    SCHEDULER,
    TARGET,
    SecurityKit,
    SecurityTerms,
    audited,
    get_incident,
    require,
    require_person,
)
from piiguard.services.subjects.read import disclose

log = logging.getLogger(__name__)
OFFICERS = frozenset({OFFICER})
EMAIL = "user.contact.email"
LANGUAGE = "user.demographic.language"


def write_mailing(
    uow: SecurityUnitOfWork,
    clock: Clock,
    actor: Actor,
    incident_id: str,
    zh: MailingText,
    en: MailingText,
) -> Mailing:
    """The mailing's words, in both languages (changeable until it is started)."""
    require(actor, OFFICERS, "writes the notification to the people affected")
    zh, en = zh.check("zh"), en.check("en")
    with uow:
        i = get_incident(uow, incident_id, lock=True)
        if i.status is IncidentStatus.CLOSED:
            raise Conflict("the incident is closed", field="incident_id")
        old = uow.incidents.mailing(i.id)
        if old is not None and old.started_at is not None:
            raise Conflict(
                "the mailing has started; its words no longer change", field="incident_id"
            )
        m = Mailing(i.id, zh, en, actor.ref, clock.now())
        uow.incidents.save_mailing(m)
        audited(uow, actor, "incident.mailing.write", TARGET, i.id)
        uow.commit()
    return m


def start_mailing(uow: SecurityUnitOfWork, clock: Clock, actor: Actor, incident_id: str) -> Mailing:
    """From the next pass on, the people listed are mailed (those listed later too)."""
    require(actor, OFFICERS, "starts the notification to the people affected")
    require_person(actor, "starts the notification")
    with uow:
        i = get_incident(uow, incident_id, lock=True)
        m = uow.incidents.mailing(i.id)
        if m is None:
            raise Conflict("write the mailing first", field="incident_id")
        if m.started_at is not None:
            raise Conflict("the mailing has started already", field="incident_id")
        if not uow.incidents.recipient_counts(i.id):
            raise Conflict("no one is listed as affected yet", field="incident_id")
        m = replace(m, started_at=clock.now(), started_by=actor.ref)
        uow.incidents.save_mailing(m)
        audited(uow, actor, "incident.mailing.start", TARGET, i.id)
        uow.commit()
    return m


def requeue_unknown(
    uow: SecurityUnitOfWork, actor: Actor, incident_id: str, subject_ids: list[str]
) -> int:
    """After checking the mail server's log: mail these people (status `unknown`) again."""
    require(actor, OFFICERS, "re-queues notification mails")
    n = 0
    with uow:
        get_incident(uow, incident_id)
        for sid in subject_ids:
            r = uow.incidents.recipient(incident_id, sid, lock=True)
            if r is None or r.status is not RecipientStatus.UNKNOWN:
                continue
            uow.incidents.save_recipient(replace(r, status=RecipientStatus.QUEUED))
            audited(uow, actor, "incident.notify.requeue", TARGET, incident_id, subject_id=sid)
            n += 1
        uow.commit()
    return n


@dataclass(frozen=True, slots=True)
class MailReport:
    sent: int = 0
    no_address: int = 0
    failed: int = 0  # refused by the mail server: queued again
    unknown: int = 0  # stale claims found (a crash): for an officer to check


def _address(uow: SecurityUnitOfWork, kit: SecurityKit, subject_id: str) -> tuple[str | None, str]:
    """The person's email and language, through a recorded decision."""
    [d] = decide_many(
        uow,
        kit.policy,
        kit.clock,
        [
            DecisionRequest(
                SCHEDULER,
                subject_id,
                RIGHTS_PURPOSE,
                frozenset({EMAIL, LANGUAGE}),
                Action.USE,
                reveal=True,
            )
        ],
    )
    if not isinstance(d, Decided) or not d.allowed_items:
        return None, "zh"
    [shown] = disclose(kit.vault, [d])
    emails = [i.value for i in shown.items if i.record.category == EMAIL and i.value]
    lang = next((i.value for i in shown.items if i.record.category == LANGUAGE and i.value), "")
    return (emails[0] if emails else None), ("en" if lang.lower().startswith("en") else "zh")


def _one(
    uow: SecurityUnitOfWork,
    kit: SecurityKit,
    i: Incident,
    m: Mailing,
    r: Recipient,
    cats: list[tuple[str, str]],
) -> str:
    """Mail one person; the outcome (a RecipientStatus value, or "failed")."""
    to, language = _address(uow, kit, r.subject_id)
    token = secrets.token_hex(8)
    with uow:
        current = uow.incidents.recipient(i.id, r.subject_id, lock=True)
        if current is None or current.status is not RecipientStatus.QUEUED:
            return "skipped"  # another pass took it
        if to is None:
            uow.incidents.save_recipient(
                replace(current, status=RecipientStatus.NO_ADDRESS, language=language)
            )
            audited(
                uow, SCHEDULER, "incident.notify.no_address", TARGET, i.id, subject_id=r.subject_id
            )
            uow.commit()
            return RecipientStatus.NO_ADDRESS.value
        claimed = replace(
            current,
            status=RecipientStatus.SENDING,
            language=language,
            claimed_at=kit.clock.now(),
            message_id=token,
            attempts=current.attempts + 1,
        )
        uow.incidents.save_recipient(claimed)
        uow.commit()
    words = m.zh if language == "zh" else m.en
    try:
        kit.mailer.send(mail.person_mail(kit, i, words, language, cats, to, token))
    except MailError as e:
        log.warning(
            "incident %s: a notification was not sent (%s); queued again",
            i.id,
            e.reply_code or "server unreachable",
        )
        with uow:
            uow.incidents.save_recipient(replace(claimed, status=RecipientStatus.QUEUED))
            audited(
                uow,
                SCHEDULER,
                "incident.notify.failed",
                TARGET,
                i.id,
                subject_id=r.subject_id,
                reply_code=e.reply_code,
            )
            uow.commit()
        return "failed"
    with uow:
        uow.incidents.save_recipient(
            replace(claimed, status=RecipientStatus.SENT, sent_at=kit.clock.now())
        )
        audited(
            uow,
            SCHEDULER,
            "incident.notify.sent",
            TARGET,
            i.id,
            subject_id=r.subject_id,
            language=language,
            token=token,
        )
        uow.commit()
    return RecipientStatus.SENT.value


def _stale(
    uow: SecurityUnitOfWork, kit: SecurityKit, terms: SecurityTerms, incident_id: str
) -> int:
    cutoff = kit.clock.now() - timedelta(minutes=terms.sending_stale_minutes)
    n = 0
    with uow:
        for r in uow.incidents.recipients(incident_id, (RecipientStatus.SENDING,), 10_000):
            if r.claimed_at is not None and r.claimed_at < cutoff:
                uow.incidents.save_recipient(replace(r, status=RecipientStatus.UNKNOWN))
                audited(
                    uow,
                    SCHEDULER,
                    "incident.notify.unknown",
                    TARGET,
                    incident_id,
                    subject_id=r.subject_id,
                )
                n += 1
        uow.commit()
    return n


def mail_pass(
    uow: SecurityUnitOfWork, kit: SecurityKit, terms: SecurityTerms, limit: int | None = None
) -> MailReport:
    """One throttled pass over every started mailing: at most `limit` (default the
    terms' mails_per_pass) people mailed in all."""
    budget = terms.mails_per_pass if limit is None else limit
    counts = {"sent": 0, "no_address": 0, "failed": 0}
    unknown = 0
    with uow:
        started = uow.incidents.mailings_started()
    for incident_id in started:
        unknown += _stale(uow, kit, terms, incident_id)
        if budget <= 0:
            continue
        with uow:
            i = get_incident(uow, incident_id)
            m = uow.incidents.mailing(incident_id)
            queued = uow.incidents.recipients(incident_id, (RecipientStatus.QUEUED,), budget)
            taxonomy = kit.policy.current(uow).taxonomy
        assert m is not None  # noqa: S101 (mailings_started listed it)
        cats = [
            (taxonomy.get(k).name, taxonomy.get(k).name_zh)
            for k in sorted(i.categories)
            if k in taxonomy
        ]
        for r in queued:
            outcome = _one(uow, kit, i, m, r, cats)
            if outcome in counts:
                counts[outcome] += 1
                budget -= 1
    return MailReport(counts["sent"], counts["no_address"], counts["failed"], unknown)
