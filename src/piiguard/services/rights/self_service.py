"""The person's own use cases on the web privacy centre (R9.1, R4.3, R4.2): follow a request,
confirm it with the one-time code (and have it carried out at once), and — for a short
while after that confirmation — manage their consents.

The confirmation pass: after a code is confirmed, the browser holds a pass naming the
verified request, valid `PASS_MINUTES`. It is `<request id>.<expiry>.<mac>`, the MAC a
keyed hash under the vault's hash key (the key that already signs CSRF tokens and hashes
contacts), with its own prefix so it is no other kind of token. Derived rather than a
random per-process key, so a restart signs nobody out; rotating the vault's hash key
ends every pass.

Whoever holds a pass acts as the request's subject (`Actor(subject_id, SUBJECT)`): they
proved control of the contact we hold on that subject. Before the code nothing here says
whether we hold data on the contact; after it, a contact we hold nothing on simply has
nothing to manage.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from piiguard.domain.access import RIGHTS_PURPOSE
from piiguard.domain.consent import Consent, ConsentKind
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, DomainError, InvalidInput, NotFound
from piiguard.domain.policy.register import PurposeRule
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.rules import RequestStatus, RightsRequest
from piiguard.domain.sharing.disclosure import RecipientOfSubject
from piiguard.domain.sharing.notice import AbroadNotice
from piiguard.domain.sharing.register import Recipient
from piiguard.domain.subjects import Channel
from piiguard.services.policy.consents import grant_consent, list_consents, withdraw_consent
from piiguard.services.rights.fulfilment import advance
from piiguard.services.rights.intake import request_status, verify_code
from piiguard.services.rights.kit import RequestKit

log = logging.getLogger("piiguard.requests")

PASS_MINUTES = 30


# --- following a request ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequesterView:
    request: RightsRequest
    code_sent: bool  # a code went to the email given; False: a phone request (staff call back)


def view_own_request(uow: UnitOfWork, request_id: str) -> RequesterView:
    """What the requester's status page shows: the same whether or not we hold data on the
    contact (the subject is not part of it)."""
    with uow:
        found = uow.requests.get(request_id)
        if found is None:
            raise NotFound(f"no request {request_id}", field="request_id")
        sent = bool(uow.requests.codes(request_id))
    return RequesterView(found[0], sent)


@dataclass(frozen=True, slots=True)
class Confirmation:
    request: RightsRequest  # as it stands now: carried out, or waiting on its next step
    ok: bool
    attempts_left: int = 0  # a wrong code: tries left (they count against every live code)
    expired: bool = False  # no usable code left: a new one is needed
    already_verified: bool = False  # verified before this code was given: nothing checked


def confirm_request(uow: UnitOfWork, kit: RequestKit, request_id: str, code: str) -> Confirmation:
    """Check the code; on success carry the request out at once (request_fulfil.advance).
    A request verified before is reported as such, not as confirmed: this code proved
    nothing (a double submit, or someone who only knows the reference). If
    carrying it out fails after the verification (the mail server refused the reply, ...)
    the request stays verified and the job runner goes on with it; the person is told what
    the status says."""
    try:
        verify_code(uow, kit, request_id, code)
    except InvalidInput:
        view = view_own_request(uow, request_id)
        with uow:
            live = [
                v for v in uow.requests.codes(request_id) if v.usable(kit.clock.now(), kit.terms)
            ]
        req = view.request
        if not live:
            return Confirmation(req, False, 0, expired=True)
        return Confirmation(req, False, kit.terms.code_attempts - max(v.attempts for v in live))
    except Conflict:
        return Confirmation(request_status(uow, request_id), False, already_verified=True)
    try:
        req = advance(uow, kit, request_id)
    except DomainError as exc:  # the type only: messages may carry values
        log.warning(
            "request %s verified; carrying it out failed: %s", request_id, type(exc).__name__
        )
        req = request_status(uow, request_id)
    return Confirmation(req, True)


# --- the confirmation pass ---------------------------------------------------------------------


def _mac(kit: RequestKit, request_id: str, until: int) -> str:
    return kit.vault.keyed_hash(f"privacy-centre-pass|{request_id}|{until}")


def issue_pass(kit: RequestKit, request_id: str) -> str:
    until = int((kit.clock.now() + timedelta(minutes=PASS_MINUTES)).timestamp())
    return f"{request_id}.{until}.{_mac(kit, request_id, until)}"


def read_pass(kit: RequestKit, value: str | None) -> str | None:
    """The request a pass names, or None when it is missing, forged or expired."""
    parts = (value or "").split(".")
    if len(parts) != 3 or not parts[1].isdigit() or len(parts[0]) > 64:
        return None
    request_id, until = parts[0], int(parts[1])
    if not secrets.compare_digest(_mac(kit, request_id, until), parts[2]):
        return None
    return request_id if kit.clock.now().timestamp() < until else None


# --- consents of the subject of a verified request ----------------------------------------------


@dataclass(frozen=True, slots=True)
class PurposeConsent:
    purpose: PurposeRule
    consent: Consent | None  # the general consent in force, if any


def _requester(uow: UnitOfWork, request_id: str) -> Actor | None:
    """The subject of a verified request as an actor; None when we hold no live subject."""
    with uow:
        found = uow.requests.get(request_id)
        if found is None:
            raise NotFound(f"no request {request_id}", field="request_id")
        req = found[0]
        if req.verified_at is None or req.status is RequestStatus.AWAITING_VERIFICATION:
            raise Conflict("this request is not verified", field="request_id")
        if req.subject_id is None:
            return None
        subject = uow.subjects.get(req.subject_id)
    if subject is None or subject.erased_at is not None:
        return None
    return Actor(req.subject_id, ActorKind.SUBJECT)


def _consent_purposes(uow: UnitOfWork, kit: RequestKit) -> list[PurposeRule]:
    state = kit.policy.read(uow)
    return [
        r
        for r in state.register.rules.values()
        if r.active and r.needs_consent and r.key != RIGHTS_PURPOSE
    ]


def consents_of_requester(
    uow: UnitOfWork, kit: RequestKit, request_id: str
) -> list[PurposeConsent]:
    """The purposes that need consent with the subject's general consent to each; empty
    when we hold no data on the requester (then there is nothing to manage)."""
    actor = _requester(uow, request_id)
    if actor is None:
        return []
    held = list_consents(uow, actor, actor.id)
    now = kit.clock.now()
    return [
        PurposeConsent(
            rule,
            next(
                (
                    c
                    for c in held
                    if c.purpose == rule.key and c.kind is ConsentKind.GENERAL and c.in_force(now)
                ),
                None,
            ),
        )
        for rule in sorted(_consent_purposes(uow, kit), key=lambda r: r.key)
    ]


def _consent_purpose(uow: UnitOfWork, kit: RequestKit, purpose: str) -> PurposeRule:
    for rule in _consent_purposes(uow, kit):
        if rule.key == purpose:
            return rule
    raise InvalidInput(f"{purpose!r} is not a purpose that needs consent", field="purpose")


def grant_requester_consent(
    uow: UnitOfWork, kit: RequestKit, request_id: str, purpose: str, text_shown: str
) -> Consent | None:
    """The requester gives their consent (web, with the exact wording shown); None when we
    hold no data on them. A consent already in force under the policy version in force is
    left as it is; one given under an earlier version is renewed (R2.4, R8.1)."""
    actor = _requester(uow, request_id)
    _consent_purpose(uow, kit, purpose)
    if actor is None:
        return None
    now = kit.clock.now()
    with uow:
        current = next(
            (
                c
                for c in uow.consents.of_subject(actor.id)
                if c.purpose == purpose and c.kind is ConsentKind.GENERAL and c.in_force(now)
            ),
            None,
        )
    if current is not None and current.policy_version == kit.policy.read(uow).policy_version:
        return current
    return grant_consent(
        uow,
        kit.policy,
        kit.clock,
        actor,
        actor.id,
        purpose,
        ConsentKind.GENERAL,
        Channel.WEB,
        text_shown,
    )


def withdraw_requester_consent(
    uow: UnitOfWork, kit: RequestKit, request_id: str, purpose: str
) -> int:
    """The requester withdraws their consent to a purpose: every general consent to it in
    force ends now. How many were withdrawn (0: none was in force)."""
    actor = _requester(uow, request_id)
    _consent_purpose(uow, kit, purpose)
    if actor is None:
        return 0
    now = kit.clock.now()
    with uow:
        ids = [
            c.id
            for c in uow.consents.of_subject(actor.id)
            if c.purpose == purpose and c.kind is ConsentKind.GENERAL and c.in_force(now)
        ]
    for cid in ids:
        withdraw_consent(uow, kit.clock, actor, actor.id, cid)
    return len(ids)


def transfers_of_requester(
    uow: UnitOfWork, kit: RequestKit, request_id: str
) -> list[RecipientOfSubject]:
    """The recipients abroad the disclosure log says received the verified requester's data
    (R7.1): who, in which country, for which purposes, which categories, first and last
    time; empty when we hold no data on the requester."""
    actor = _requester(uow, request_id)
    if actor is None:
        return []
    with uow:
        home = kit.policy.current(uow).home_region
        return [r for r in uow.sharing.recipients_of(actor.id) if r.country != home]


def abroad_notices_of_requester(
    uow: UnitOfWork, kit: RequestKit, request_id: str
) -> list[tuple[AbroadNotice, Recipient]]:
    """The notices before a first transfer abroad we queued for the verified requester
    (R7.1), with the recipient each is about: sent, told another way, or still waiting."""
    actor = _requester(uow, request_id)
    if actor is None:
        return []
    with uow:
        found = uow.sharing.abroad_notices(subject_id=actor.id, limit=500)
        by_key = {r.key: r for r in uow.sharing.recipients()}
    return [(n, by_key[n.recipient]) for n in found if n.recipient in by_key]
