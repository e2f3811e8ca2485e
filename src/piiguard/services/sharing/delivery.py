"""Delivery of shares and what is passed on to recipients (R3.1, R3.6; GDPR Art. 19 /
PIPL Art. 23 spirit). A pull package opens once, for the recipient whose own API key asks,
before it expires; a push goes to the recipient's webhook signed with HMAC-SHA256
(docs/webhooks.md), retried by the periodic pass until it expires. A correction or
deletion carried out on a rights request opens a notice to every recipient the disclosure
log says received the person's data; it is pushed (or pulled) and stays open until the
recipient confirms."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, NotFound, at_most
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.sharing.disclosure import (
    Delivery,
    PassOn,
    PassOnAction,
    PassOnStatus,
    Share,
    ShareStatus,
)
from piiguard.domain.sharing.register import RecipientStatus
from piiguard.services.ids import new_id
from piiguard.services.sharing._common import SharingKit, audited

NOTICE_FORMAT = "piiguard.share-notice/1"


def recipient_of(uow: UnitOfWork, actor: Actor) -> str:
    """The recipient whose own API key this is (inside an open unit of work)."""
    key = uow.sharing.recipient_of_client(actor.id) if actor.kind is ActorKind.SYSTEM else None
    if key is None:  # 404, not 403: the route is a system's, this system is no recipient
        raise NotFound(
            "no recipient holds this API key: a recipient's own key (piiguard recipient key) "
            "pulls its shares and notices"
        )
    return key


def waiting_shares(uow: UnitOfWork, kit: SharingKit, actor: Actor) -> list[Share]:
    """The caller's packages waiting to be pulled (not expired)."""
    now = kit.clock.now()
    with uow:
        key = recipient_of(uow, actor)
        found = uow.sharing.shares(key, [ShareStatus.READY], limit=1000)
    return [s for s in found if s.delivery is Delivery.PULL and s.expires_at > now]


def pull_share(uow: UnitOfWork, kit: SharingKit, actor: Actor, share_id: str) -> bytes:
    """The package (JSON), once: it is dropped when handed over."""
    with uow:
        key = recipient_of(uow, actor)
        s = uow.sharing.share(share_id, lock=True)
        if s is None or s.recipient != key:  # another recipient's share is not shown to exist
            raise NotFound(f"no share {share_id} for you", field="share_id")
        if s.status is not ShareStatus.READY or s.delivery is not Delivery.PULL:
            raise Conflict(f"share {share_id} is {s.status.value}", field="share_id")
        now = kit.clock.now()
        if s.expires_at <= now:
            raise Conflict(f"share {share_id} expired", field="share_id")
        _still_active(uow, s)
        sealed = uow.sharing.package(share_id)
        if sealed is None:
            raise Conflict(f"share {share_id} has no package", field="share_id")
        package = kit.box.open(sealed, f"share:{share_id}")
        uow.sharing.save_share(replace(s, status=ShareStatus.DELIVERED, delivered_at=now))
        uow.sharing.drop_package(share_id)
        audited(uow, actor, "sharing.pull", "share", share_id, recipient=key)
        uow.commit()
    return package


def _still_active(uow: UnitOfWork, s: Share) -> None:
    """A recipient suspended or ended after the share was decided receives nothing more."""
    r = uow.sharing.recipient(s.recipient)
    if r is None or r.status is not RecipientStatus.ACTIVE:
        raise Conflict(
            f"recipient {s.recipient} is {r.status.value if r else 'gone'}: nothing is handed "
            "over while it is not active",
            field="share_id",
        )


def _secret(kit: SharingKit, recipient: str, sealed: str) -> bytes:
    return bytes.fromhex(kit.box.open(sealed, f"recipient:{recipient}").decode())


def push_share(uow: UnitOfWork, kit: SharingKit, share_id: str) -> Share:
    """One attempt to push a webhook share; the share records the outcome."""
    actor = Actor("sharing", ActorKind.SYSTEM, frozenset({"system"}))
    with uow:
        s = uow.sharing.share(share_id, lock=True)
        if s is None:
            raise NotFound(f"no share {share_id}", field="share_id")
        if s.status is not ShareStatus.READY or s.delivery is not Delivery.WEBHOOK:
            return s
        now = kit.clock.now()
        sealed, ep = uow.sharing.package(share_id), uow.sharing.endpoint(s.recipient)
        if s.expires_at <= now or sealed is None or ep is None:
            s = replace(s, status=ShareStatus.EXPIRED, last_error="expired undelivered")
            uow.sharing.save_share(s)
            uow.sharing.drop_package(share_id)
            audited(uow, actor, "sharing.push.expire", "share", share_id, recipient=s.recipient)
            uow.commit()
            return s
        r = uow.sharing.recipient(s.recipient)
        if r is None or r.status is not RecipientStatus.ACTIVE:
            return s  # suspended since: it waits (or expires), nothing goes out
        package = json.loads(kit.box.open(sealed, f"share:{share_id}"))
        done = kit.webhooks.deliver(ep[0], _secret(kit, s.recipient, ep[1]), package)
        s = replace(
            s,
            attempts=s.attempts + 1,
            status=ShareStatus.DELIVERED if done.delivered else ShareStatus.READY,
            delivered_at=now if done.delivered else None,
            last_error="" if done.delivered else done.error[:200],
        )
        uow.sharing.save_share(s)
        if done.delivered:
            uow.sharing.drop_package(share_id)
        audited(
            uow,
            actor,
            "sharing.push",
            "share",
            share_id,
            recipient=s.recipient,
            delivered=done.delivered,
            status=done.status,
        )
        uow.commit()
    return s


def expire_pulls(uow: UnitOfWork, kit: SharingKit) -> int:
    """Pull packages nobody fetched in time are dropped (the log keeps what was decided)."""
    actor = Actor("sharing", ActorKind.SYSTEM, frozenset({"system"}))
    now = kit.clock.now()
    with uow:
        due = [
            s
            for s in uow.sharing.shares(None, [ShareStatus.READY], limit=1000)
            if s.delivery is Delivery.PULL and s.expires_at <= now
        ]
        for s in due:
            uow.sharing.save_share(replace(s, status=ShareStatus.EXPIRED))
            uow.sharing.drop_package(s.id)
            audited(uow, actor, "sharing.pull.expire", "share", s.id, recipient=s.recipient)
        uow.commit()
    return len(due)


# -- corrections and deletions passed on ----------------------------------------------------


def open_pass_ons(
    uow: UnitOfWork,
    kit: SharingKit,
    request_id: str,
    subject_id: str,
    action: PassOnAction,
    categories: frozenset[str],
) -> list[PassOn]:
    """Inside the rights request's open unit of work: one notice per recipient the log
    says received any of these categories of the person (all of them for a deletion)."""
    rows = uow.sharing.disclosures(subject_id=subject_id, limit=100_000)
    got: dict[str, set[str]] = {}
    for d in rows:
        cats = (
            set(d.categories) if action is PassOnAction.DELETE else set(d.categories) & categories
        )
        if cats:
            got.setdefault(d.recipient, set()).update(cats)
    now = kit.clock.now()
    made = [
        PassOn(
            new_id(), rcp, subject_id, action, request_id, frozenset(cats), PassOnStatus.OPEN, now
        )
        for rcp, cats in sorted(got.items())
    ]
    uow.sharing.add_pass_ons(made)
    actor = Actor("sharing", ActorKind.SYSTEM, frozenset({"system"}))
    for p in made:
        audited(
            uow,
            actor,
            "sharing.pass_on.open",
            "pass_on",
            p.id,
            subject_id,
            recipient=p.recipient,
            change=p.action.value,
            request_id=request_id,
            categories=sorted(p.categories),
        )
    return made


def notice(p: PassOn) -> dict[str, object]:
    """What the recipient is told: no values — the subject, what to do, to which categories."""
    return {
        "format": NOTICE_FORMAT,
        "notice_id": p.id,
        "action": p.action.value,
        "subject_id": p.subject_id,
        "categories": sorted(p.categories),
        "opened_at": p.opened_at.isoformat(),
        "confirm": f"POST /api/v1/recipient/notices/{p.id}/confirm",
    }


def push_pass_ons(uow: UnitOfWork, kit: SharingKit, limit: int = 200) -> int:
    """Open notices to recipients with a webhook: one attempt each; sent ones wait for the
    recipient's confirmation (a 2xx answering {"status": "done"} confirms at once)."""
    actor = Actor("sharing", ActorKind.SYSTEM, frozenset({"system"}))
    with uow:
        todo = uow.sharing.pass_ons([PassOnStatus.OPEN], limit=limit)
        endpoints = {p.recipient: uow.sharing.endpoint(p.recipient) for p in todo}
    n = 0
    for p in todo:
        ep = endpoints.get(p.recipient)
        if ep is None:
            continue  # the recipient pulls its notices
        done = kit.webhooks.deliver(ep[0], _secret(kit, p.recipient, ep[1]), notice(p))
        now = kit.clock.now()
        status = (
            PassOnStatus.CONFIRMED
            if done.confirmed
            else (PassOnStatus.SENT if done.delivered else PassOnStatus.OPEN)
        )
        sent = replace(
            p,
            status=status,
            attempts=p.attempts + 1,
            sent_at=now if done.delivered else None,
            confirmed_at=now if done.confirmed else None,
            last_error="" if done.delivered else done.error[:200],
        )
        with uow:
            uow.sharing.save_pass_on(sent)
            audited(
                uow,
                actor,
                "sharing.pass_on.push",
                "pass_on",
                p.id,
                p.subject_id,
                recipient=p.recipient,
                result=sent.status.value,
            )
            uow.commit()
        n += 1
    return n


def recipient_notices(uow: UnitOfWork, actor: Actor) -> list[PassOn]:
    """The caller's open and sent notices (a recipient without a webhook pulls them)."""
    with uow:
        key = recipient_of(uow, actor)
        return uow.sharing.pass_ons([PassOnStatus.OPEN, PassOnStatus.SENT], recipient=key)


def confirm_pass_on(
    uow: UnitOfWork, kit: SharingKit, actor: Actor, pass_on_id: str, reference: str
) -> PassOn:
    """The recipient says it corrected or deleted (its own API key), or an officer records
    its written confirmation."""
    with uow:
        p = uow.sharing.pass_on(pass_on_id)
        officer = actor.kind is ActorKind.OPERATOR or (
            actor.kind is ActorKind.STAFF and "privacy_officer" in actor.roles
        )
        if p is None or (not officer and recipient_of(uow, actor) != p.recipient):
            raise NotFound(f"no notice {pass_on_id} for you", field="pass_on_id")
        if p.status is PassOnStatus.CONFIRMED:
            raise Conflict(f"notice {pass_on_id} is already confirmed", field="pass_on_id")
        at_most(reference.strip(), 200, "reference")  # refused, not cut: the API's limit
        now = kit.clock.now()
        p = replace(
            p,
            status=PassOnStatus.CONFIRMED,
            confirmed_at=now,
            sent_at=p.sent_at or now,
            reference=reference.strip(),
        )
        uow.sharing.save_pass_on(p)
        audited(
            uow,
            actor,
            "sharing.pass_on.confirm",
            "pass_on",
            p.id,
            p.subject_id,
            recipient=p.recipient,
        )
        uow.commit()
    return p


def list_pass_ons(
    uow: UnitOfWork,
    statuses: Sequence[PassOnStatus] = (),
    recipient: str | None = None,
    request_id: str | None = None,
) -> list[PassOn]:
    with uow:
        return uow.sharing.pass_ons(statuses, recipient, request_id, limit=1000)
