"""The person's side of a renewal (R2.4, R8.1), on the privacy centre: the link in a
notice names the notice but shows nothing; the person asks for a one-time code (mailed to
the address we hold), enters it, and only then sees the purposes whose consent the new
version asks them to renew — to renew (a new consent under the version in force, with the
wording shown kept as evidence) or decline (their consents to it withdrawn) each one. The
code: 6 digits, valid the request terms' minutes, `code_attempts` tries, a new one at most
once a minute. After it the browser holds a pass (`<token hash>.<until>.<mac>`, keyed hash
with its own prefix) for PASS_MINUTES."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import timedelta

from piiguard.domain.consent import ConsentKind
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, InvalidInput, MailError, NotFound, TooManyAttempts
from piiguard.domain.policy.notices import Notice, RenewalAnswer
from piiguard.domain.policy.register import PurposeRule
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.subjects import Channel
from piiguard.services.notices import mail as notice_mail
from piiguard.services.notices._common import (
    EMAIL,
    NoticeKit,
    audited,
    get_notice,
    reveal,
)
from piiguard.services.policy.consents import grant_consent, withdraw_consent

PASS_MINUTES = 30
CODE_GAP_SECONDS = 60
PAGE = Actor("renewal-page", ActorKind.SUBJECT)  # before the code proves who it is


def token_hash(kit: NoticeKit, token: str) -> str:
    return kit.vault.keyed_hash(f"policy-renewal-link|{token}")


def by_token(uow: UnitOfWork, kit: NoticeKit, token: str) -> Notice:
    """The notice a link names (NotFound for an unknown or malformed one)."""
    if not 20 <= len(token) <= 100:
        raise NotFound("no such link", field="token")
    with uow:
        n = uow.notices.by_token(token_hash(kit, token))
    if n is None or not n.renewal:
        raise NotFound("no such link", field="token")
    return n


def _code_hash(kit: NoticeKit, n: Notice, code: str) -> str:
    return kit.vault.keyed_hash(f"renewal-code|{n.ref}|{code}")


def send_code(uow: UnitOfWork, kit: NoticeKit, token: str) -> None:
    """Mail a fresh one-time code to the address we hold (earlier codes stop working)."""
    n = by_token(uow, kit, token)
    now = kit.clock.now()
    minutes = kit.terms.code_minutes
    if n.code_expires_at is not None:
        sent_at = n.code_expires_at - timedelta(minutes=minutes)
        if now < sent_at + timedelta(seconds=CODE_GAP_SECONDS):
            raise TooManyAttempts("a code was just sent; wait a minute", retry_after=60)
    emails = sorted(i.value for i in reveal(uow, kit, n.subject_id, [EMAIL]) if i.value)
    if not emails:
        raise Conflict("we cannot mail you a code; please contact us", field="contact")
    code = f"{secrets.randbelow(1_000_000):06d}"
    with uow:
        n = get_notice(uow, n.version, n.subject_id, lock=True)
        uow.notices.save(
            replace(
                n,
                code_hash=_code_hash(kit, n, code),
                code_expires_at=now + timedelta(minutes=minutes),
                code_attempts=0,
            )
        )
        audited(uow, PAGE, "policy.renewal.code.send", n)
        uow.commit()
    try:
        kit.mailer.send(notice_mail.code_mail(n, emails[0], code, minutes, kit.company))
    except MailError:
        with uow:
            audited(uow, PAGE, "policy.renewal.code.mail_failed", n)
            uow.commit()
        raise


def verify_code(uow: UnitOfWork, kit: NoticeKit, token: str, code: str) -> str:
    """Check the code; on success the pass. InvalidInput (field `code`) for a wrong or
    expired code, saying how many tries are left."""
    n = by_token(uow, kit, token)
    now = kit.clock.now()
    code = code.strip().replace(" ", "")
    with uow:
        n = get_notice(uow, n.version, n.subject_id, lock=True)
        live = (
            n.code_hash is not None
            and n.code_expires_at is not None
            and now < n.code_expires_at
            and n.code_attempts < kit.terms.code_attempts
        )
        if not live:
            audited(uow, PAGE, "policy.renewal.verify.failed", n, why="no_live_code")
            uow.commit()
            raise InvalidInput("the code has expired: ask for a new one", field="code")
        if not secrets.compare_digest(n.code_hash or "", _code_hash(kit, n, code)):
            n = replace(n, code_attempts=n.code_attempts + 1)
            uow.notices.save(n)
            left = kit.terms.code_attempts - n.code_attempts
            audited(
                uow, PAGE, "policy.renewal.verify.failed", n, why="wrong_code", attempts_left=left
            )
            uow.commit()
            raise InvalidInput(f"wrong code; {left} attempt(s) left", field="code")
        uow.notices.save(replace(n, code_hash=None, code_expires_at=None))
        audited(uow, _person(n), "policy.renewal.verify", n)
        uow.commit()
    return issue_pass(kit, n.token_hash or "")


def _person(n: Notice) -> Actor:
    return Actor(n.subject_id, ActorKind.SUBJECT)


def _mac(kit: NoticeKit, token_hash: str, until: int) -> str:
    return kit.vault.keyed_hash(f"renewal-pass|{token_hash}|{until}")


def issue_pass(kit: NoticeKit, token_hash: str) -> str:
    until = int((kit.clock.now() + timedelta(minutes=PASS_MINUTES)).timestamp())
    return f"{token_hash}.{until}.{_mac(kit, token_hash, until)}"


def passed(kit: NoticeKit, n: Notice, value: str | None) -> bool:
    """Whether the browser's pass is this notice's, unforged and unexpired."""
    parts = (value or "").split(".")
    if len(parts) != 3 or not parts[1].isdigit() or n.token_hash is None:
        return False
    th, until = parts[0], int(parts[1])
    if not secrets.compare_digest(th, n.token_hash):
        return False
    if not secrets.compare_digest(_mac(kit, th, until), parts[2]):
        return False
    return kit.clock.now().timestamp() < until


@dataclass(frozen=True, slots=True)
class RenewalItem:
    purpose: PurposeRule
    kinds: tuple[ConsentKind, ...]  # the kinds of consent the person holds to it
    answer: RenewalAnswer | None


def renewal_items(uow: UnitOfWork, kit: NoticeKit, n: Notice) -> list[RenewalItem]:
    """After the code: the purposes to renew, with what the person holds and answered."""
    now = kit.clock.now()
    with uow:
        state = kit.policy.current(uow)
        held = [
            c for c in uow.consents.of_subject(n.subject_id) if c.in_force(now) and not c.given_by
        ]
    return [
        RenewalItem(
            state.register.rules[p],
            tuple(sorted({c.kind for c in held if c.purpose == p})),
            n.answer(p),
        )
        for p in n.renewal
        if p in state.register.rules
    ]


def answer_renewal(
    uow: UnitOfWork,
    kit: NoticeKit,
    n: Notice,
    answers: Mapping[str, RenewalAnswer],
    wording: Mapping[str, str],
) -> Notice:
    """Renew (a new consent of each kind held, citing the version in force, with the
    wording shown) or decline (every consent to the purpose withdrawn) each purpose. The
    caller checked the pass. InvalidInput (field `purposes`) for a purpose not asked."""
    if not answers:
        raise InvalidInput("choose renew or decline for at least one purpose", field="purposes")
    if set(answers) - set(n.renewal):
        raise InvalidInput("answer only the purposes this notice asks about", field="purposes")
    now = kit.clock.now()
    person = _person(n)
    with uow:
        held = [
            c for c in uow.consents.of_subject(n.subject_id) if c.in_force(now) and not c.given_by
        ]
    for purpose, answer in sorted(answers.items()):
        mine = [c for c in held if c.purpose == purpose]
        if answer is RenewalAnswer.RENEWED:
            for kind in sorted({c.kind for c in mine}):
                grant_consent(
                    uow,
                    kit.policy,
                    kit.clock,
                    person,
                    n.subject_id,
                    purpose,
                    kind,
                    Channel.WEB,
                    wording.get(purpose, purpose),
                )
        else:
            for c in mine:
                withdraw_consent(uow, kit.clock, person, n.subject_id, c.id)
    with uow:
        current = get_notice(uow, n.version, n.subject_id, lock=True)
        merged = dict(current.answers) | dict(answers)
        current = replace(
            current,
            answered_at=now,
            answers=tuple(sorted(merged.items())),
            updated_at=current.updated_at,
        )
        uow.notices.save(current)
        audited(
            uow,
            person,
            "policy.renewal.answer",
            current,
            renewed=sorted(p for p, a in answers.items() if a is RenewalAnswer.RENEWED),
            declined=sorted(p for p, a in answers.items() if a is RenewalAnswer.DECLINED),
        )
        uow.commit()
    return current
