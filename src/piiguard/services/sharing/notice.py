"""The notice before a first transfer abroad (R7.1, R3.6; docs/sharing.md "The notice before
a first transfer abroad"): queued by the share the notice holds back, mailed by the sharing
pass — at most `per_pass` a pass (the throttle), each notice claimed before its mail and
its outcome recorded after it, so a pass that dies halfway is resumed by the next one and
nobody is mailed twice (as the policy-version notices, services/notices/job.py). A notice
still `sending` STALE_MINUTES after its claim belonged to a pass that stopped: `uncertain`,
never mailed again by itself. The server's answer: accepted → `sent`; refused for good
(5xx) → `refused`; temporary (4xx, unreachable) → `pending` again for the next pass (which
stops: the server is away), `failed` after MAX_ATTEMPTS. No address we may use →
`no_contact`. What is stuck an officer decides: the person was told another way (post,
phone, in person: `told`, which lets the share go), or try the mail again. Every step is
an audit entry with ids and a keyed hash of the address, never the address."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from piiguard.domain.access import PolicyState
from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor, ActorKind, Decision
from piiguard.domain.errors import Conflict, MailError, NotFound
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.domain.sharing.notice import (
    STUCK,
    AbroadNotice,
    AbroadNoticeStatus,
    ToldBy,
    held_only_for_notice,
)
from piiguard.domain.sharing.register import Recipient, Treatment
from piiguard.services.ids import new_id
from piiguard.services.sharing._common import SharingKit, require_officer
from piiguard.services.subjects.contact import own_contact

log = logging.getLogger(__name__)
NOTIFIER = Actor("abroad-notices", ActorKind.SYSTEM, frozenset({"system"}))
TARGET = "abroad_notice"
STALE_MINUTES = 15
MAX_ATTEMPTS = 5
_S = AbroadNoticeStatus


def told_of(uow: UnitOfWork, recipient: str, subject_ids: Sequence[str]) -> frozenset[str]:
    """Of these people, those told of this recipient (inside an open unit of work)."""
    found = uow.sharing.abroad_notices_for(recipient, subject_ids)
    return frozenset(s for s, n in found.items() if n.status.told)


def queue_for(
    uow: UnitOfWork, recipient: str, purpose: str, decisions: Sequence[Decision], at: datetime
) -> list[AbroadNotice]:
    """Pending notices for the people a share's decisions held back only for want of the
    notice (inside the share's transaction); a person with a notice about the recipient
    already keeps that one."""
    rows = []
    for d in decisions:
        cats = held_only_for_notice(d)
        if cats:
            rows.append(
                AbroadNotice(new_id(), d.subject_id, recipient, purpose, cats, _S.PENDING, at, at)
            )
    have = uow.sharing.abroad_notices_for(recipient, [n.subject_id for n in rows])
    rows = [n for n in rows if n.subject_id not in have]
    uow.sharing.add_abroad_notices(rows)
    for n in rows:
        _audited(uow, NOTIFIER, "sharing.abroad_notice.queue", n, purpose=purpose)
    return rows


def _audited(
    uow: UnitOfWork, actor: Actor, action: str, n: AbroadNotice, **details: DetailValue
) -> None:
    uow.audit(
        AuditEvent(
            action,
            actor.kind.value,
            actor.id,
            TARGET,
            n.id,
            n.subject_id,
            n.purpose,
            details={"recipient": n.recipient, **details},
        )
    )


# -- the mail ---------------------------------------------------------------------------


# how each category goes (the recipient's profile): PIPL Art. 39's "processing method"
_FORMS: dict[Treatment, tuple[str, str]] = {
    Treatment.WHOLE: ("as held", "原样"),
    Treatment.MASKED: ("masked", "部分遮盖"),
    Treatment.HASHED: ("as a keyed hash", "不可逆散列"),
    Treatment.BIRTH_YEAR: ("birth year only", "仅出生年份"),
    Treatment.CITY: ("city only", "仅城市"),
}


def _named(pol: PolicyState, n: AbroadNotice, category: str, lang: int) -> str:
    """A category in the person's words, with the form it goes in."""
    c = pol.taxonomy.get(category) if category in pol.taxonomy else None
    name = (c.name, c.name_zh)[lang] if c else category
    profile = pol.profiles.get((n.recipient, n.purpose))
    form = profile.treatment(category) if profile else None
    if form is None:
        return name
    return f"{name} ({_FORMS[form][0]})" if lang == 0 else f"{name}（{_FORMS[form][1]}）"


def notice_mail(
    n: AbroadNotice, to: str, r: Recipient, pol: PolicyState, company: str, public_url: str
) -> OutgoingMail:
    """The notice in the person's language: who receives their data abroad, where, what for,
    which data, and how to exercise their rights there (PIPL Art. 39). No personal value."""
    rule = pol.register.rules.get(n.purpose)
    centre = f"{public_url.rstrip('/')}/privacy"
    cats = sorted(n.categories)
    if n.language == "zh":
        what = "、".join(_named(pol, n, c, 1) for c in cats)
        purpose = rule.zh if rule else n.purpose
        subject = f"向境外提供您的个人信息的告知：{r.legal_name}（{r.country}）"
        text = (
            f"您好：\n\n{company} 将向境外接收方提供您的个人信息。依据《个人信息保护法》"
            "第三十九条，现告知如下：\n\n"
            f"境外接收方：{r.legal_name}\n所在国家或地区：{r.country}（适用法律：{r.law}）\n"
            f"处理目的：{purpose}\n个人信息种类：{what}\n\n"
            f"您可以向境外接收方行使查阅、复制、更正、删除等权利，联系方式：{r.contact}；"
            f"也可以通过我们的隐私中心向我们提出，我们将协助您行使：\n\n    {centre}\n\n"
            "在隐私中心核验身份后，“向境外提供您的个人信息”页面列出向境外提供的情况。\n"
            "本邮件不含您的任何个人信息。\n\n"
            f"{company}\n"
        )
    else:
        what = ", ".join(_named(pol, n, c, 0) for c in cats)
        purpose = rule.en if rule else n.purpose
        subject = f"Your personal information is going abroad: {r.legal_name} ({r.country})"
        text = (
            f"Hello,\n\n{company} is about to provide your personal information to a recipient "
            "outside China. As the Personal Information Protection Law (Art. 39) requires, "
            "we tell you first:\n\n"
            f"Recipient: {r.legal_name}\nCountry: {r.country} (law it follows: {r.law})\n"
            f"Purpose: {purpose}\nInformation: {what}\n\n"
            "You may exercise your rights — to access, copy, correct or delete your "
            f"information — with the recipient at {r.contact}, or ask us through our privacy "
            f"centre and we will help you:\n\n    {centre}\n\n"
            "Once you verify yourself there, the page 'Your data sent abroad' lists what "
            "went abroad.\nThis mail holds none of your personal information.\n\n"
            f"{company}\n"
        )
    return OutgoingMail(
        to,
        subject,
        text,
        headers={"X-Piiguard-Abroad-Notice": n.id, "Auto-Submitted": "auto-generated"},
    )


# -- the pass ---------------------------------------------------------------------------


@dataclass
class AbroadNoticeReport:
    sent: int = 0
    refused: int = 0
    retry: int = 0
    failed: int = 0
    no_contact: int = 0
    uncertain: int = 0


def run_abroad_notices(uow: UnitOfWork, kit: SharingKit, per_pass: int = 200) -> AbroadNoticeReport:
    report = AbroadNoticeReport()
    now = kit.clock.now()
    with uow:
        stale = uow.sharing.abroad_notices_uncertain(now - timedelta(minutes=STALE_MINUTES), now)
        for n in stale:
            _audited(uow, NOTIFIER, "sharing.abroad_notice.uncertain", n)
        uow.commit()
    report.uncertain = len(stale)
    if stale:
        log.warning(
            "%d abroad notice(s) were claimed by a pass that stopped before recording the "
            "mail; marked uncertain, not mailed again (see the console)",
            len(stale),
        )
    with uow:
        batch = uow.sharing.abroad_notices([_S.PENDING], limit=per_pass)
    for n in batch:
        outcome = _send_one(uow, kit, n)
        if outcome is None:
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
        if outcome == "retry":
            break  # the server is away or busy: the next pass tries again
    return report


def _send_one(uow: UnitOfWork, kit: SharingKit, n: AbroadNotice) -> str | None:
    address, language = own_contact(uow, kit.policy, kit.clock, kit.vault, NOTIFIER, n.subject_id)
    now = kit.clock.now()
    with uow:
        pol = kit.policy.current(uow)
        r = uow.sharing.recipient(n.recipient)
        if r is None or not uow.sharing.claim_abroad_notice(n.id, now):
            return None  # another pass took it
        if address is None:
            n = replace(n, status=_S.NO_CONTACT, updated_at=now)
            uow.sharing.save_abroad_notice(n)
            _audited(uow, NOTIFIER, "sharing.abroad_notice.no_contact", n)
            uow.commit()
            return "no_contact"
        hashed = kit.vault.keyed_hash(f"abroad-notice-contact|{address.strip().lower()}")
        n = replace(n, status=_S.SENDING, updated_at=now, language=language, contact_hash=hashed)
        uow.sharing.save_abroad_notice(n)
        uow.commit()
    try:
        kit.mailer.send(notice_mail(n, address, r, pol, kit.company, kit.public_url))
    except MailError as e:
        code = e.reply_code
        if code is not None and 500 <= code < 600:
            status, outcome = _S.REFUSED, "refused"
        elif n.attempts + 1 >= MAX_ATTEMPTS:
            status, outcome = _S.FAILED, "failed"
        else:
            status, outcome = _S.PENDING, "retry"
        with uow:
            n = replace(
                n,
                status=status,
                attempts=n.attempts + 1,
                reply_code=code,
                updated_at=kit.clock.now(),
            )
            uow.sharing.save_abroad_notice(n)
            _audited(
                uow,
                NOTIFIER,
                f"sharing.abroad_notice.{outcome}",
                n,
                reply_code=code,
                attempts=n.attempts,
                contact=n.contact_hash,
            )
            uow.commit()
        log.warning("abroad notice %s not sent (%s): %s", n.id, code or "unreachable", outcome)
        return outcome
    with uow:
        done = kit.clock.now()
        n = replace(n, status=_S.SENT, attempts=n.attempts + 1, sent_at=done, updated_at=done)
        uow.sharing.save_abroad_notice(n)
        _audited(
            uow,
            NOTIFIER,
            "sharing.abroad_notice.sent",
            n,
            language=n.language,
            contact=n.contact_hash,
        )
        uow.commit()
    return "sent"


# -- the officer's decisions and the lists -----------------------------------------------


def _stuck(uow: UnitOfWork, notice_id: str) -> AbroadNotice:
    n = uow.sharing.abroad_notice(notice_id)
    if n is None:
        raise NotFound(f"no abroad notice {notice_id}", field="notice_id")
    if n.status not in STUCK:
        raise Conflict(
            f"abroad notice {notice_id} is {n.status.value}: only a notice that is refused, "
            "failed, without contact or uncertain waits for an officer",
            field="notice_id",
        )
    return n


def record_told(
    uow: UnitOfWork, kit: SharingKit, actor: Actor, notice_id: str, how: ToldBy
) -> AbroadNotice:
    """The officer told the person another way (the mail did not reach them): the notice is
    `told` and the person's data may go to that recipient from the next share on."""
    require_officer(actor, "records that a person was told of a transfer abroad")
    with uow:
        n = _stuck(uow, notice_id)
        now = kit.clock.now()
        n = replace(
            n, status=_S.TOLD, told_by=how, decided_by=actor.ref, sent_at=now, updated_at=now
        )
        uow.sharing.save_abroad_notice(n)
        _audited(uow, actor, "sharing.abroad_notice.told", n, told_by=how.value)
        uow.commit()
    return n


def retry_notice(uow: UnitOfWork, kit: SharingKit, actor: Actor, notice_id: str) -> AbroadNotice:
    """Mail it again on the next pass (the person gave an address, the server is back; for
    an uncertain one, knowing the person may get it twice)."""
    require_officer(actor, "sends an abroad notice again")
    with uow:
        n = _stuck(uow, notice_id)
        n = replace(
            n, status=_S.PENDING, attempts=0, decided_by=actor.ref, updated_at=kit.clock.now()
        )
        uow.sharing.save_abroad_notice(n)
        _audited(uow, actor, "sharing.abroad_notice.retry", n)
        uow.commit()
    return n


def list_abroad_notices(
    uow: UnitOfWork,
    statuses: Sequence[AbroadNoticeStatus] = (),
    recipient: str | None = None,
    subject_id: str | None = None,
    limit: int = 200,
) -> list[AbroadNotice]:
    with uow:
        return uow.sharing.abroad_notices(statuses, recipient, subject_id, limit)
