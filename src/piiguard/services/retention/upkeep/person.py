"""The person's side of a confirmation request (R2.8), on the privacy centre: the link in
the mail names the request but shows nothing; the person asks for a one-time code (mailed
to the address we hold), enters it, and only then sees the items — their categories, dates
and their own values — to confirm or correct each one. The code: 6 digits, valid the
request terms' minutes, `code_attempts` tries. After it the browser holds a pass
(`<request id>.<until>.<mac>`, keyed hash under the vault's hash key with its own prefix)
for PASS_MINUTES. A correction goes through the rights correction
(services/rights/confirmations.py): systems told, old and new as keyed hashes."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import timedelta

from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, InvalidInput, MailError, NotFound, TooManyAttempts
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.retention.upkeep import ConfirmationRequest, ConfirmationStatus, ItemOutcome
from piiguard.domain.subjects import RevealedItem
from piiguard.services.retention.schedule import refresh_retention
from piiguard.services.retention.upkeep import mail as upkeep_mail
from piiguard.services.retention.upkeep._common import EMAIL, UPKEEP, UpkeepKit, audited, reveal
from piiguard.services.retention.upkeep.confirmations import (
    TARGET,
    get_confirmation,
    settle_items,
    token_hash,
)

PASS_MINUTES = 30
CODE_GAP_SECONDS = 60  # a new code at most once a minute
PERSON = "confirmation-page"  # the audit's actor id before the code proves who it is


def by_token(uow: UnitOfWork, kit: UpkeepKit, token: str) -> ConfirmationRequest:
    """The request a link names (NotFound for an unknown or malformed one). Nothing of the
    person: only the status is shown before the code."""
    if not 20 <= len(token) <= 100:
        raise NotFound("no such link", field="token")
    with uow:
        q = uow.retention.confirmation_by_token(token_hash(kit, token))
    if q is None:
        raise NotFound("no such link", field="token")
    return q


def _code_hash(kit: UpkeepKit, request_id: str, code: str) -> str:
    return kit.vault.keyed_hash(f"confirmation-code|{request_id}|{code}")


def _actor(q: ConfirmationRequest) -> Actor:
    return Actor(q.subject_id, ActorKind.SUBJECT)


def send_code(uow: UnitOfWork, kit: UpkeepKit, token: str) -> None:
    """Mail a fresh one-time code to the address we hold (earlier codes stop working)."""
    q = by_token(uow, kit, token)
    if not q.status.open:
        raise Conflict("this request is already answered", field="status")
    now = kit.clock.now()
    minutes = kit.terms.code_minutes
    if q.code_expires_at is not None:
        sent_at = q.code_expires_at - timedelta(minutes=minutes)
        if now < sent_at + timedelta(seconds=CODE_GAP_SECONDS):
            raise TooManyAttempts("a code was just sent; wait a minute", retry_after=60)
    emails = [i.value for i in reveal(uow, kit, UPKEEP, q.subject_id, [EMAIL]) if i.value]
    if not emails:
        raise Conflict("we cannot mail you a code; please contact us", field="contact")
    code = f"{secrets.randbelow(1_000_000):06d}"
    with uow:
        current = get_confirmation(uow, q.id, lock=True)
        uow.retention.save_confirmation(
            replace(
                current,
                code_hash=_code_hash(kit, q.id, code),
                code_expires_at=now + timedelta(minutes=minutes),
                attempts=0,
            )
        )
        audited(uow, PERSON, "confirmation.code.send", TARGET, q.id, q.subject_id)
        uow.commit()
    try:
        kit.mailer.send(upkeep_mail.code_mail(q, emails[0], code, minutes, kit.company))
    except MailError:
        with uow:
            audited(uow, PERSON, "confirmation.code.mail_failed", TARGET, q.id, q.subject_id)
            uow.commit()
        raise


class CodeRefused(InvalidInput):
    """A wrong code (`left` tries remain) or none that can still be used (`left` None)."""

    def __init__(self, message: str, left: int | None) -> None:
        super().__init__(message, field="code")
        self.left = left


def verify_code(uow: UnitOfWork, kit: UpkeepKit, token: str, code: str) -> str:
    """Check the code; on success the pass (the browser's cookie). InvalidInput (field
    `code`) for a wrong or expired code, saying how many tries are left."""
    q = by_token(uow, kit, token)
    now = kit.clock.now()
    code = code.strip().replace(" ", "")
    with uow:
        q = get_confirmation(uow, q.id, lock=True)
        if not q.status.open:
            raise Conflict("this request is already answered", field="status")
        live = (
            q.code_hash is not None
            and q.code_expires_at is not None
            and now < q.code_expires_at
            and q.attempts < kit.terms.code_attempts
        )
        if not live:
            audited(uow, PERSON, "confirmation.verify.failed", TARGET, q.id, why="no_live_code")
            uow.commit()
            raise CodeRefused("the code has expired: ask for a new one", None)
        if not secrets.compare_digest(q.code_hash or "", _code_hash(kit, q.id, code)):
            q = replace(q, attempts=q.attempts + 1)
            uow.retention.save_confirmation(q)
            left = kit.terms.code_attempts - q.attempts
            audited(
                uow,
                PERSON,
                "confirmation.verify.failed",
                TARGET,
                q.id,
                why="wrong_code",
                attempts_left=left,
            )
            uow.commit()
            raise CodeRefused(f"wrong code; {left} attempt(s) left", left)
        uow.retention.save_confirmation(replace(q, code_hash=None, code_expires_at=None))
        audited(uow, _actor(q), "confirmation.verify", TARGET, q.id, q.subject_id)
        uow.commit()
    return issue_pass(kit, q.id)


def _mac(kit: UpkeepKit, request_id: str, until: int) -> str:
    return kit.vault.keyed_hash(f"confirmation-pass|{request_id}|{until}")


def issue_pass(kit: UpkeepKit, request_id: str) -> str:
    until = int((kit.clock.now() + timedelta(minutes=PASS_MINUTES)).timestamp())
    return f"{request_id}.{until}.{_mac(kit, request_id, until)}"


def read_pass(kit: UpkeepKit, value: str | None) -> str | None:
    """The request a pass names, or None when missing, forged or expired."""
    parts = (value or "").split(".")
    if len(parts) != 3 or not parts[1].isdigit() or len(parts[0]) > 64:
        return None
    request_id, until = parts[0], int(parts[1])
    if not secrets.compare_digest(_mac(kit, request_id, until), parts[2]):
        return None
    return request_id if kit.clock.now().timestamp() < until else None


@dataclass(frozen=True, slots=True)
class OwnItems:
    request: ConfirmationRequest
    items: list[RevealedItem]  # the request's items still held and open to the person


def own_items(uow: UnitOfWork, kit: UpkeepKit, request_id: str) -> OwnItems:
    """After the code (the caller checked the pass): the request's items with the person's
    own values, against a recorded decision naming the request."""
    with uow:
        q = get_confirmation(uow, request_id)
        categories = sorted(
            {r.category for r in uow.items.records(q.subject_id) if r.id in set(q.item_ids)}
        )
    if not categories:
        return OwnItems(q, [])
    shown = reveal(uow, kit, UPKEEP, q.subject_id, categories, answering=f"confirmation:{q.id}")
    wanted = set(q.item_ids)
    return OwnItems(q, [i for i in shown if i.record.id in wanted])


def confirm_by_person(
    uow: UnitOfWork, kit: UpkeepKit, request_id: str, item_ids: list[str]
) -> ConfirmationRequest:
    """The person confirms these items as correct (after the code)."""
    with uow:
        q = get_confirmation(uow, request_id, lock=True)
        if not q.status.open:
            raise Conflict("this request is already answered", field="status")
        if set(item_ids) - set(q.item_ids):
            raise InvalidInput("name items of this request", field="item_ids")
        q = settle_items(
            uow,
            kit.clock,
            q,
            dict.fromkeys(item_ids, ItemOutcome.CONFIRMED.value),
            _actor(q).ref,
            "privacy_centre",
        )
        audited(
            uow,
            _actor(q),
            "confirmation.confirm",
            TARGET,
            q.id,
            q.subject_id,
            items=len(item_ids),
            status=q.status.value,
        )
        refresh_retention(uow, kit.clock, [q.subject_id])  # anchors counting from confirmation
        uow.commit()
    return q


def record_corrections(
    uow: UnitOfWork, kit: UpkeepKit, request_id: str, item_ids: list[str], correction_id: str
) -> ConfirmationRequest:
    """The items corrected through rights correction request `correction_id`."""
    with uow:
        q = get_confirmation(uow, request_id, lock=True)
        q = settle_items(
            uow,
            kit.clock,
            q,
            dict.fromkeys(item_ids, f"{ItemOutcome.CORRECTED.value}:{correction_id}"),
            _actor(q).ref,
            "privacy_centre",
        )
        audited(
            uow,
            _actor(q),
            "confirmation.correct",
            TARGET,
            q.id,
            q.subject_id,
            items=len(item_ids),
            correction_request=correction_id,
            status=q.status.value,
        )
        uow.commit()
    return q


def is_open(q: ConfirmationRequest) -> bool:
    return q.status in (ConfirmationStatus.MAILED, ConfirmationStatus.STAFF_QUEUE)
