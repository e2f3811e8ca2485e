"""Carrying out a verified request (R4.1, R4.2) and closing it with a reply (R9.2).

`advance` does what a request of each kind asks, as soon as it is verified (and approved,
when a second step applies) and not waiting on a staff judgement about a charge:
- access / portability: a recorded decision for legal_compliance that names the request
  (the decision point lets the person's own data go back to them), the package built and
  kept sealed under the key-encryption key, a single-use link that expires;
- correction: the old values read through such a decision, the new ones sealed, both
  recorded as keyed hashes, every system holding the category told (system tasks);
- objection / restriction: restrictions and consent withdrawals the decision point applies
  from the next decision on;
- deletion: items the law makes us keep are restricted, the rest deleted — the whole
  subject crypto-shredded when nothing must be kept — and every holding system told.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from piiguard.domain.access import RIGHTS_PURPOSE, PolicyState
from piiguard.domain.audit import AuditEvent
from piiguard.domain.consent import Restriction, RestrictionKind
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, MailError
from piiguard.domain.policy.datamap import Approval
from piiguard.domain.ports import ToSeal, UnitOfWork
from piiguard.domain.rights.rules import (
    RequestDetails,
    RequestKind,
    RequestStatus,
    RightsRequest,
    SystemTask,
    TaskAction,
    TaskStatus,
    move,
)
from piiguard.domain.subjects import LegalBasis, NewItem, RevealedItem
from piiguard.services.ids import new_id
from piiguard.services.rights import mail as request_mail
from piiguard.services.rights._common import (
    RIGHTS_ACTOR,
    decide_for_request,
    event,
    get_request,
    open_details,
    seal_note,
    subject_of,
)
from piiguard.services.rights.kit import RequestKit
from piiguard.services.rights.packages import make_package, package_link
from piiguard.services.subjects.read import disclose

log = logging.getLogger(__name__)


def ready(req: RightsRequest) -> bool:
    """Verified, approved where needed, and free or paid: piiguard can carry it out."""
    return req.status is RequestStatus.IN_PROGRESS and (not req.excessive or bool(req.fee))


CLAIM_MINUTES = 15  # a claim older than this is a process that died mid-way


def advance(uow: UnitOfWork, kit: RequestKit, request_id: str) -> RightsRequest:
    """Carry out the request if it is ready; otherwise return it as it is. One process at a
    time: the request is claimed first, so a double submit, the scheduler and a second
    worker never carry it out twice (the loser gets the request as it stands)."""
    with uow:
        req, sealed = get_request(uow, request_id)
    if not ready(req) or not _claim(uow, kit, req.id):
        return req
    try:
        return _carry_out(uow, kit, req, sealed)
    finally:
        with uow:
            uow.requests.release(req.id)
            uow.commit()


def _claim(uow: UnitOfWork, kit: RequestKit, request_id: str) -> bool:
    now = kit.clock.now()
    with uow:
        won = uow.requests.claim(request_id, now, now - timedelta(minutes=CLAIM_MINUTES))
        uow.commit()
    return won


def _carry_out(uow: UnitOfWork, kit: RequestKit, req: RightsRequest, sealed: str) -> RightsRequest:
    details = open_details(kit, req.id, sealed)
    with uow:
        subject = uow.subjects.get(req.subject_id) if req.subject_id else None
    if subject is None or subject.erased_at is not None:
        # nothing (or nothing any more) held: a deletion already done says so
        done = (
            _deleted(req)
            if subject is not None and req.kind is RequestKind.DELETION
            else _none_held(req)
        )
        return close_request(uow, kit, RIGHTS_ACTOR, req.id, done=[done])
    match req.kind:
        case RequestKind.ACCESS | RequestKind.PORTABILITY:
            pid, done = make_package(uow, kit, req)
            return close_request(uow, kit, RIGHTS_ACTOR, req.id, done=[done], package_id=pid)
        case RequestKind.CORRECTION:
            return _correct(uow, kit, req, details)
        case RequestKind.OBJECTION | RequestKind.RESTRICTION:
            return _restrict(uow, kit, req, details)
        case RequestKind.DELETION:
            return _delete(uow, kit, req)


def _deleted(req: RightsRequest) -> str:
    return (
        "您的个人信息已删除。"
        if req.language == "zh"
        else "Your personal information has been deleted."
    )


def _none_held(req: RightsRequest) -> str:
    return (
        "我们未持有与您提供的联系方式相关的个人信息。"
        if req.language == "zh"
        else "We hold no personal information linked to the contact you gave."
    )


# --- correction ------------------------------------------------------------------------------


def _holders(state: PolicyState, categories: set[str], held_in: set[str]) -> list[str]:
    """The systems of the data map holding any of these categories (approved or pending —
    a system that holds the data must act on it; retired ones hold nothing), and the systems
    the items say they are held in, except piiguard's own vault."""
    out = {
        s.key
        for s in state.systems.values()
        if s.status is not Approval.RETIRED
        and any(state.taxonomy.is_within(c, sc) for c in categories for sc in s.categories)
    }
    out |= {h for h in held_in if h in state.systems}
    return sorted(out)


def _tasks(
    kit: RequestKit,
    req: RightsRequest,
    systems: list[str],
    action: TaskAction,
    categories: frozenset[str],
) -> list[SystemTask]:
    now = kit.clock.now()
    return [
        SystemTask(
            new_id(), req.id, s, action, categories, TaskStatus.PENDING, now, next_attempt_at=now
        )
        for s in systems
    ]


def _correct(
    uow: UnitOfWork, kit: RequestKit, req: RightsRequest, details: RequestDetails
) -> RightsRequest:
    if not details.changes:
        return req  # a correction told in words: staff apply it (apply_correction)
    return _apply_correction(uow, kit, RIGHTS_ACTOR, req.id, dict(details.changes))


def apply_correction(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, changes: dict[str, str]
) -> RightsRequest:
    """Staff apply a correction told in words: replace the values of the named categories,
    recording old and new as keyed hashes, reset last_confirmed_at, and queue a notice to
    every system holding them. The request is claimed while this runs."""
    with uow:
        req, _ = get_request(uow, request_id)
    if req.kind is not RequestKind.CORRECTION:
        raise Conflict(f"request {req.id} is a {req.kind} request, not a correction", field="kind")
    if not _claim(uow, kit, request_id):
        raise Conflict(f"request {request_id} is not ready or is being carried out", field="status")
    try:
        return _apply_correction(uow, kit, actor, request_id, changes)
    finally:
        with uow:
            uow.requests.release(request_id)
            uow.commit()


def _apply_correction(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, changes: dict[str, str]
) -> RightsRequest:
    with uow:
        req, _ = get_request(uow, request_id)
    if req.kind is not RequestKind.CORRECTION:
        raise Conflict(f"request {req.id} is a {req.kind} request, not a correction", field="kind")
    if not ready(req) or req.subject_id is None:
        raise Conflict(
            f"request {req.id} is {req.status}; it cannot be carried out now", field="status"
        )
    state = kit.policy.read(uow)
    for c in changes:
        if c not in state.taxonomy or state.taxonomy.get(c).credential:
            raise InvalidInput(f"cannot correct category {c!r}", field="changes")
    decided = decide_for_request(uow, kit, req, frozenset(changes))
    [old] = disclose(kit.vault, [decided])
    by_category: dict[str, list[RevealedItem]] = {}
    for item in old.items:
        by_category.setdefault(item.record.category, []).append(item)
    now = kit.clock.now()
    ring = kit.vault.keyring([req.subject_id])
    done: list[str] = []
    with uow:
        for category, value in changes.items():
            for item in by_category.get(category, []):
                rec = item.record
                [sealed] = kit.vault.seal(
                    ring,
                    [
                        ToSeal(
                            rec.id,
                            rec.subject_id,
                            NewItem(category, value, rec.provenance, rec.held_in),
                        )
                    ],
                    state.taxonomy,
                )
                uow.items.replace_value(
                    rec.id, sealed, at=now, provenance_recorded_by=RIGHTS_ACTOR.ref
                )
                uow.audit(
                    AuditEvent(
                        "item.correct",
                        actor.kind.value,
                        actor.id,
                        "item",
                        rec.id,
                        req.subject_id,
                        RIGHTS_PURPOSE,
                        decided.decision.decision.id,
                        details={
                            "category": category,
                            "request_id": req.id,
                            "old_value_hash": kit.vault.keyed_hash(item.value or ""),
                            "new_value_hash": kit.vault.keyed_hash(value),
                        },
                    )
                )
            n = len(by_category.get(category, []))
            name = state.taxonomy.get(category)
            label = name.name_zh if req.language == "zh" else name.name
            done.append(
                f"{label}: {n}" + (" 项已更正" if req.language == "zh" else " item(s) corrected")
            )
        tasks = _tasks(
            kit,
            req,
            _holders(state, set(changes), {i.record.held_in for i in old.items}),
            TaskAction.CORRECT,
            frozenset(changes),
        )
        uow.requests.add_tasks(tasks)
        uow.audit(
            event(
                req, actor, "correct", categories=sorted(changes), systems=[t.system for t in tasks]
            )
        )
        uow.commit()
    return _after_tasks(uow, kit, actor, req.id, tasks, done)


def _after_tasks(
    uow: UnitOfWork,
    kit: RequestKit,
    actor: Actor,
    request_id: str,
    tasks: list[SystemTask],
    done: list[str],
) -> RightsRequest:
    if not tasks:
        return close_request(uow, kit, actor, request_id, done=done)
    with uow:
        req, _ = get_request(uow, request_id, lock=True)
        req = replace(
            move(req, RequestStatus.WAITING_ON_SYSTEMS, kit.clock.now()), outcome="\n".join(done)
        )
        uow.requests.save(req)
        uow.audit(event(req, actor, "wait.systems", systems=[t.system for t in tasks]))
        uow.commit()
    return req


# --- objection and restriction ---------------------------------------------------------------


def _restrict(
    uow: UnitOfWork, kit: RequestKit, req: RightsRequest, details: RequestDetails
) -> RightsRequest:
    sid = subject_of(req)
    now = kit.clock.now()
    zh = req.language == "zh"
    done: list[str] = []
    with uow:
        state = kit.policy.current(uow)
        if req.kind is RequestKind.RESTRICTION and not details.purposes:
            purposes: list[str | None] = [None]
        else:
            purposes = list(details.purposes) or [
                p
                for p in state.register.rules
                if p != RIGHTS_PURPOSE and state.register.active(p) is not None
            ]
        kind = (
            RestrictionKind.OBJECTION
            if req.kind is RequestKind.OBJECTION
            else RestrictionKind.RESTRICTION
        )
        for p in purposes:
            r = Restriction(new_id(), sid, kind, p, now)
            uow.consents.add_restriction(r, f"request:{req.id}")
            uow.audit(
                AuditEvent(
                    f"processing.{kind.value}",
                    RIGHTS_ACTOR.kind.value,
                    RIGHTS_ACTOR.id,
                    "restriction",
                    r.id,
                    sid,
                    p or "",
                    details={"request_id": req.id},
                )
            )
        withdrawn = 0
        if req.kind is RequestKind.OBJECTION:
            for c in uow.consents.of_subject(sid):
                if c.withdrawn_at is None and c.purpose in purposes:
                    uow.consents.withdraw(c.id, now)
                    withdrawn += 1
                    uow.audit(
                        AuditEvent(
                            "consent.withdraw",
                            RIGHTS_ACTOR.kind.value,
                            RIGHTS_ACTOR.id,
                            "consent",
                            c.id,
                            sid,
                            c.purpose,
                            details={"request_id": req.id},
                        )
                    )
        names = ", ".join(p or ("全部用途" if zh else "all purposes") for p in purposes)
        done.append(
            (f"已限制处理：{names}" if zh else f"Processing restricted: {names}")
            if kind is RestrictionKind.RESTRICTION
            else (f"已停止用于：{names}" if zh else f"No longer used for: {names}")
        )
        if withdrawn:
            done.append(f"已撤回同意 {withdrawn} 项" if zh else f"{withdrawn} consent(s) withdrawn")
        uow.commit()
    return close_request(uow, kit, RIGHTS_ACTOR, req.id, done=done)


# --- deletion ----------------------------------------------------------------------------------

KEPT_BY_LAW = frozenset({LegalBasis.LEGAL_OBLIGATION})


def _delete(uow: UnitOfWork, kit: RequestKit, req: RightsRequest) -> RightsRequest:
    """Items collected under a legal obligation (accounting records, ...) are kept, only
    stored (all processing restricted); the rest deleted; nothing kept -> crypto-shredding."""
    sid = subject_of(req)
    zh = req.language == "zh"
    now = kit.clock.now()
    with uow:
        state = kit.policy.current(uow)
        records = uow.items.records(sid)
        kept = [r for r in records if r.provenance.legal_basis in KEPT_BY_LAW]
        gone = [r for r in records if r.provenance.legal_basis not in KEPT_BY_LAW]
        categories = {r.category for r in records}
        tasks = _tasks(
            kit,
            req,
            _holders(state, categories, {r.held_in for r in records}),
            TaskAction.DELETE,
            frozenset(categories),
        )
        uow.requests.add_tasks(tasks)
        uow.requests.drop_packages_of_subject(sid)
        if kept:
            uow.items.delete_items(sid, [r.id for r in gone])
            # PIPL Art. 47: what must be kept is only stored — every purpose restricted,
            # today's and any added later; an authority's demand goes through a legal
            # exception, which lifts the restriction for that case alone
            uow.consents.add_restriction(
                Restriction(new_id(), sid, RestrictionKind.RESTRICTION, None, now),
                f"request:{req.id}",
            )
        else:
            uow.items.delete_for_subject(sid)
            uow.subjects.mark_erased(sid, now)
        uow.audit(
            AuditEvent(
                "subject.erase" if not kept else "items.delete",
                RIGHTS_ACTOR.kind.value,
                RIGHTS_ACTOR.id,
                "subject",
                sid,
                sid,
                details={
                    "request_id": req.id,
                    "items_deleted": len(gone),
                    "items_kept": [r.id for r in kept],
                },
            )
        )
        uow.commit()
    done = [f"已删除 {len(gone)} 项个人信息" if zh else f"{len(gone)} item(s) deleted"]
    if kept:
        kept_cats = ", ".join(sorted({r.category for r in kept}))
        done.append(
            f"依法须保存的 {len(kept)} 项（{kept_cats}）不予删除，仅作存储，已停止其他一切处理"
            if zh
            else f"{len(kept)} item(s) the law requires us to keep ({kept_cats}) are not "
            "deleted; they are only stored, every other processing stopped"
        )
    else:
        kit.vault.shred([sid])
        with uow:
            uow.audit(
                AuditEvent(
                    "key.shred",
                    RIGHTS_ACTOR.kind.value,
                    RIGHTS_ACTOR.id,
                    "subject",
                    sid,
                    sid,
                    details={"request_id": req.id},
                )
            )
            uow.commit()
    return _after_tasks(uow, kit, RIGHTS_ACTOR, req.id, tasks, done)


# --- closing ------------------------------------------------------------------------------------


def close_request(
    uow: UnitOfWork,
    kit: RequestKit,
    actor: Actor,
    request_id: str,
    *,
    done: list[str],
    package_id: str | None = None,
) -> RightsRequest:
    with uow:
        req, _ = get_request(uow, request_id, lock=True)
        req = replace(move(req, RequestStatus.COMPLETED, kit.clock.now()), outcome="\n".join(done))
        uow.requests.save(req)
        uow.audit(event(req, actor, "complete", package_id=package_id))
        uow.commit()
    send_reply(uow, kit, req.id)
    return req


def refuse_request(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, reason: str
) -> RightsRequest:
    """Refuse with reasons (R4.4: excessive or unfounded; or the law does not allow it);
    the reply states them."""
    if not 5 <= len(reason.strip()) <= 2000:
        raise InvalidInput(
            "give the reasons (5–2,000 characters); the reply states them", field="reason"
        )
    with uow:
        req, _ = get_request(uow, request_id, lock=True)
        req = replace(
            move(req, RequestStatus.REFUSED, kit.clock.now()),
            refusal_reason=reason.strip(),
            paused_at=None,
        )
        uow.requests.save(req)
        uow.audit(event(req, actor, "refuse", note_sealed=seal_note(kit, req.id, reason.strip())))
        uow.commit()
    send_reply(uow, kit, req.id)
    return req


REPLY = "reply"


REPLY_GIVEN = "reply_given"  # staff told the person (phone, letter): recorded by hand


def send_reply(uow: UnitOfWork, kit: RequestKit, request_id: str) -> bool:
    """Mail the closing reply once; the job runner retries replies the mail server refused.
    A request whose contact is a phone number is answered by staff: it is recorded as due,
    and stays due on the request's page until staff record how they told the person."""
    with uow:
        req, sealed = get_request(uow, request_id)
        if REPLY in uow.requests.notices_sent([req.id])[req.id]:
            return False
        packages = uow.requests.packages_of(req.id)
    details = open_details(kit, req.id, sealed)
    link = package_link(kit, packages[-1].id) if packages else None
    mailed = details.contact_kind.value == "email"
    if mailed:
        try:
            kit.mailer.send(
                request_mail.reply_mail(
                    kit, req, details.contact, done=req.outcome.splitlines(), link=link
                )
            )
        except MailError as e:  # the scheduler sends it again (unreplied)
            log.warning(
                "request %s: the reply was not sent (%s); it is retried",
                req.id,
                e.reply_code or "server unreachable",
            )
            return False
    with uow:
        if uow.requests.add_notice(req.id, REPLY, kit.clock.now(), mailed):
            uow.audit(
                event(
                    req,
                    RIGHTS_ACTOR,
                    "reply" if mailed else "reply.due",
                    channel=details.contact_kind.value,
                )
            )
        uow.commit()
    return mailed


def reply_due(uow: UnitOfWork, request_id: str) -> bool:
    """A closed request whose reply staff still have to give (phone contact)."""
    with uow:
        req, _ = get_request(uow, request_id)
        sent = uow.requests.notices_sent([req.id])[req.id]
        return (
            req.status.closed
            and REPLY in sent
            and REPLY_GIVEN not in sent
            and not uow.requests.reply_mailed(req.id)
        )


def record_reply(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, request_id: str, how: str
) -> RightsRequest:
    """Staff told the person the outcome another way (a call back, a letter): recorded,
    with how (sealed, like every staff note)."""
    how = how.strip()
    if not 5 <= len(how) <= 500:
        raise InvalidInput("say how and when the person was told (5–500 characters)", field="how")
    if not reply_due(uow, request_id):
        raise Conflict(
            "this request has no reply due from staff (open, or answered by "
            "mail, or already recorded)",
            field="status",
        )
    with uow:
        req, _ = get_request(uow, request_id)
        uow.requests.add_notice(req.id, REPLY_GIVEN, kit.clock.now(), True)
        uow.audit(event(req, actor, "reply.given", note_sealed=seal_note(kit, req.id, how)))
        uow.commit()
    return req
