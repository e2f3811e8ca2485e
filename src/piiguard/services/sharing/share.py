"""A share through the decision point (R3.1, R3.2, R3.6, R7.1): per subject a decision
(action `share`, naming the recipient) is recorded with its audit entry and committed
before anything is decrypted; what it allows goes out in the form the recipient's profile
says (the decision's `minimise:` obligations); the package is sealed while it waits to be
pulled by the recipient's own API key or pushed to its signed webhook; every subject in it
leaves a row in the disclosure log (who, to whom, purpose, categories and their form, the
decision, the agreement, when)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from piiguard.domain.access import PolicyState
from piiguard.domain.decisions import Action, Actor, Decision
from piiguard.domain.errors import Conflict, InvalidInput, NotFound
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.sharing import minimise
from piiguard.domain.sharing.disclosure import Delivery, Disclosure, Share, ShareStatus
from piiguard.domain.sharing.exemption import exemption_of
from piiguard.domain.sharing.notice import needs_notice
from piiguard.domain.sharing.register import Agreement, RecipientKind, RecipientStatus, Treatment
from piiguard.domain.subjects import RevealedItem
from piiguard.services.decisions import Decided, DecisionRequest, decide_many
from piiguard.services.ids import new_id, new_time_id
from piiguard.services.sharing._common import SharingKit, audited, get_recipient
from piiguard.services.sharing.abroad import (
    any_sensitive,
    count_logged,
    counts_abroad,
    projected_tally,
)
from piiguard.services.sharing.notice import queue_for, told_of
from piiguard.services.subjects.read import disclose

FORMAT = "piiguard.share/1"
MAX_SUBJECTS = 1000


@dataclass(frozen=True, slots=True)
class ShareRequest:
    recipient: str
    purpose: str
    subject_ids: tuple[str, ...]
    categories: frozenset[str] | None = None  # None: whatever the profile allows
    delivery: Delivery = Delivery.PULL
    legal_request_id: str | None = None  # a share to an authority: the request it answers
    keep_days: int = 7  # how long a package waits to be pulled


@dataclass(frozen=True, slots=True)
class ShareOutcome:
    share: Share
    decisions: list[Decision]  # one per subject, in order: allowed, partly, denied
    notices_queued: int = 0  # people held back until told of the recipient abroad (R7.1)


def treatments(d: Decision) -> dict[str, Treatment]:
    """Each allowed category and its form, from the decision's `minimise:` obligations."""
    how = dict.fromkeys(d.allowed, Treatment.WHOLE)
    for o in d.obligations:
        kind, _, rest = o.partition(":")
        if kind == "minimise":
            cat, _, t = rest.rpartition(":")
            how[cat] = Treatment(t)
    return how


def covering_agreement(
    agreements: Sequence[Agreement], purpose: str, categories: Sequence[str], at: datetime
) -> str:
    """The agreement in force naming the purpose that covers the most of these categories
    (the decision already checked each is covered by one)."""
    best, most = "", 0
    for a in agreements:
        if purpose in a.purposes and a.in_force(at):
            n = sum(
                1 for c in categories if any(c == k or c.startswith(k + ".") for k in a.categories)
            )
            if n > most:
                best, most = a.id, n
    return best


def _may_be_sensitive(pol: PolicyState, recipient: str, req: ShareRequest) -> bool:
    """Whether the share may carry sensitive data: the categories asked for, or (none
    named) those the recipient's profile for the purpose names."""
    if req.categories is not None:
        return any_sensitive(pol, req.categories)
    profile = pol.profiles.get((recipient, req.purpose))
    return profile is not None and any_sensitive(pol, profile.fields)


def _entry(
    kit: SharingKit, recipient: str, d: Decision, items: Sequence[RevealedItem]
) -> dict[str, object]:
    how = treatments(d)
    out: list[dict[str, str]] = []
    for item in items:
        t = how.get(item.record.category)
        if t is None or item.value is None:
            continue
        value = minimise.apply(t, item.value, lambda v: kit.vault.keyed_hash(f"{recipient}\x1f{v}"))
        if value:
            out.append({"category": item.record.category, "form": t.value, "value": value})
    out.sort(key=lambda x: (x["category"], x["value"]))
    return {"subject_id": d.subject_id, "decision_id": d.id, "items": out}


def share_data(uow: UnitOfWork, kit: SharingKit, actor: Actor, req: ShareRequest) -> ShareOutcome:
    """Decide, record, minimise, package and log one share. Bad input (an unknown
    recipient, subject or category, a push to a recipient without a webhook) fails before
    anything is recorded; a refusal is recorded (decisions, audit, the share as refused)."""
    ids = tuple(dict.fromkeys(s.strip() for s in req.subject_ids if s.strip()))
    if not ids:
        raise InvalidInput("name the subjects to share", field="subject_ids")
    if len(ids) > MAX_SUBJECTS:
        raise InvalidInput(f"at most {MAX_SUBJECTS} subjects a share", field="subject_ids")
    if req.delivery is Delivery.HANDOVER:
        raise InvalidInput(
            "a handover is a business transfer's (piiguard business-transfer), not a share",
            field="delivery",
        )
    if not 1 <= req.keep_days <= 90:
        raise InvalidInput("a package waits 1 to 90 days", field="keep_days")
    with uow:
        r = get_recipient(uow, req.recipient)
        if r.status is not RecipientStatus.ACTIVE:
            raise Conflict(f"recipient {r.key} is {r.status.value}", field="recipient")
        if req.delivery is Delivery.WEBHOOK and uow.sharing.endpoint(r.key) is None:
            raise Conflict(
                f"recipient {r.key} has no webhook; set one (piiguard recipient webhook) "
                "or let it pull",
                field="delivery",
            )
        if req.delivery is Delivery.PULL and uow.sharing.client_of(r.key) is None:
            raise Conflict(
                f"recipient {r.key} has no API key to pull with; issue one "
                "(piiguard recipient key) or push by webhook",
                field="delivery",
            )
        agreements = uow.sharing.agreements(r.key)
        pol = kit.policy.current(uow)
        abroad = counts_abroad(r, pol)
        tally = (
            projected_tally(uow, pol, ids, _may_be_sensitive(pol, r.key, req), kit.clock.now())
            if abroad
            else None
        )
        noticing = needs_notice(r, pol.home_region)
        told = told_of(uow, r.key, ids) if noticing else frozenset()
    found = decide_many(
        uow,
        kit.policy,
        kit.clock,
        [
            DecisionRequest(
                actor,
                sid,
                req.purpose,
                req.categories,
                Action.SHARE if r.kind is not RecipientKind.AUTHORITY else Action.DISCLOSE,
                reveal=True,
                recipient=r.key,
                legal_request_id=req.legal_request_id,
                abroad_tally=tally,
                abroad_notice=(sid in told) if noticing else None,
            )
            for sid in ids
        ],
        atomic=True,
    )
    decided = [d for d in found if isinstance(d, Decided)]
    shown = disclose(kit.vault, decided)
    now = kit.clock.now()
    share_id = new_time_id()
    subjects: list[dict[str, object]] = []
    log: list[Disclosure] = []
    for d in shown:
        dec = d.decision.decision
        if not dec.allowed:
            continue
        entry = _entry(kit, r.key, dec, d.items)
        subjects.append(entry)
        how = treatments(dec)
        log.append(
            Disclosure(
                new_id(),
                share_id,
                dec.subject_id,
                r.key,
                req.purpose,
                how,
                dec.id,
                ""
                if r.kind is RecipientKind.AUTHORITY
                else covering_agreement(agreements, req.purpose, sorted(how), now),
                now,
            )
        )
    package = json.dumps(
        {
            "format": FORMAT,
            "share_id": share_id,
            "sender": kit.company,
            "recipient": r.key,
            "purpose": req.purpose,
            "created_at": now.isoformat(),
            "subjects": subjects,
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode()
    share = Share(
        share_id,
        r.key,
        req.purpose,
        req.delivery,
        ShareStatus.READY if log else ShareStatus.REFUSED,
        len(ids),
        len(log),
        actor.ref,
        now,
        now + timedelta(days=req.keep_days),
        hashlib.sha256(package).hexdigest() if log else "",
    )
    with uow:
        sealed = kit.box.seal(package, f"share:{share_id}") if log else None
        uow.sharing.add_share(share, sealed)
        uow.sharing.add_disclosures(log)
        if abroad:
            exempt = {
                d.decision.decision.subject_id: e
                for d in shown
                if (e := exemption_of(d.decision.decision.obligations)) is not None
            }
            count_logged(uow, pol, log, now, exempt)
        queued = (
            queue_for(uow, r.key, req.purpose, [d.decision.decision for d in shown], now)
            if noticing
            else []
        )
        audited(
            uow,
            actor,
            "sharing.share",
            "share",
            share_id,
            purpose=req.purpose,
            recipient=r.key,
            delivery=req.delivery.value,
            subjects=len(ids),
            disclosed=len(log),
            decisions=[d.decision.decision.id for d in shown],
            package_sha256=share.package_sha256 or None,
            abroad_notices_queued=len(queued),
        )
        uow.commit()
    return ShareOutcome(share, [d.decision.decision for d in shown], len(queued))


def list_shares(
    uow: UnitOfWork,
    recipient: str | None = None,
    statuses: Sequence[ShareStatus] = (),
    limit: int = 100,
) -> list[Share]:
    with uow:
        return uow.sharing.shares(recipient, statuses, limit)


def get_share(uow: UnitOfWork, share_id: str) -> Share:
    with uow:
        s = uow.sharing.share(share_id)
    if s is None:
        raise NotFound(f"no share {share_id}", field="share_id")
    return s


def disclosure_log(
    uow: UnitOfWork,
    actor: Actor,
    *,
    subject_id: str | None = None,
    recipient: str | None = None,
    share_id: str | None = None,
    limit: int = 100,
) -> list[Disclosure]:
    """The disclosure log, newest first (ids and category keys, no values). Reading it by
    subject is itself audited: who looked at whom."""
    with uow:
        rows = uow.sharing.disclosures(subject_id, recipient, share_id, limit)
        if subject_id:
            audited(
                uow,
                actor,
                "sharing.log.read",
                "subject",
                subject_id,
                subject_id,
                returned=len(rows),
            )
            uow.commit()
        return rows
