"""What carrying out a request changes in the data held (R4.1, R4.2), one function a kind,
called by services/rights/fulfilment.py once the request is claimed and checked:
- `correct`: the new values sealed in place of the old, both recorded as keyed hashes;
- `restrict`: an objection or a restriction — restrictions, and for an objection the
  consents to those purposes withdrawn, which the decision point applies from the next
  decision on;
- `delete`: items the law makes us keep (`KEPT_BY_LAW`) are restricted, the rest deleted —
  the whole subject crypto-shredded when nothing must be kept.
A correction and a deletion queue a notice (a `SystemTask`, sent as a signed webhook by
services/rights/jobs.py) to every system holding the categories. Each returns what was
done, in the requester's language, for the reply; fulfilment closes the request, or waits
on the systems."""

from __future__ import annotations

from piiguard.domain.access import RIGHTS_PURPOSE, PolicyState
from piiguard.domain.audit import AuditEvent
from piiguard.domain.consent import Restriction, RestrictionKind
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput
from piiguard.domain.policy.datamap import Approval
from piiguard.domain.ports import ToSeal, UnitOfWork
from piiguard.domain.retention.disposal import record_scope
from piiguard.domain.retention.schedule import RecordType
from piiguard.domain.rights.rules import (
    RequestDetails,
    RequestKind,
    RightsRequest,
    SystemTask,
    TaskAction,
    TaskStatus,
)
from piiguard.domain.sharing.disclosure import PassOnAction
from piiguard.domain.subjects import LegalBasis, NewItem, RevealedItem
from piiguard.services.ids import new_id
from piiguard.services.rights._common import (
    RIGHTS_ACTOR,
    decide_for_request,
    event,
    subject_of,
)
from piiguard.services.rights.kit import RequestKit
from piiguard.services.sharing.delivery import open_pass_ons
from piiguard.services.subjects.read import disclose

KEPT_BY_LAW = frozenset({LegalBasis.LEGAL_OBLIGATION})


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


# --- correction ------------------------------------------------------------------------------


def correct(
    uow: UnitOfWork,
    kit: RequestKit,
    actor: Actor,
    req: RightsRequest,
    changes: dict[str, str],
) -> tuple[list[SystemTask], list[str]]:
    """Replace the values of the named categories of a correction that can be carried out
    (fulfilment checks it), old and new recorded as keyed hashes on the audit trail, and
    queue a notice to every system holding them: the notices and what was done."""
    sid = subject_of(req)
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
    ring = kit.vault.keyring([sid])
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
                        sid,
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
        # recipients the disclosure log says received any of them are told too (R3.6)
        open_pass_ons(uow, kit, req.id, sid, PassOnAction.CORRECT, frozenset(changes))
        uow.audit(
            event(
                req, actor, "correct", categories=sorted(changes), systems=[t.system for t in tasks]
            )
        )
        uow.commit()
    return tasks, done


# --- objection and restriction ---------------------------------------------------------------


def restrict(
    uow: UnitOfWork, kit: RequestKit, req: RightsRequest, details: RequestDetails
) -> list[str]:
    """An objection or a restriction: restrictions (and for an objection, the consents to
    those purposes withdrawn) that the decision point applies from the next decision on;
    the purposes named, else every active one but legal_compliance. What was done."""
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
    return done


# --- deletion ----------------------------------------------------------------------------------


KEPT_BY_LAW = frozenset({LegalBasis.LEGAL_OBLIGATION})


def delete(
    uow: UnitOfWork, kit: RequestKit, req: RightsRequest
) -> tuple[list[SystemTask], list[str]]:
    """Items collected under a legal obligation (accounting records, ...) are kept, only
    stored (all processing restricted); the rest deleted; nothing kept -> crypto-shredding.
    Every holding system told: the notices and what was done."""
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
        open_pass_ons(uow, kit, req.id, sid, PassOnAction.DELETE, frozenset(categories))
        packages = uow.requests.drop_packages_of_subject(sid)
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
    # the packages' keys too: their copies in backups no longer open (docs/retention.md)
    kit.vault.shred_records([record_scope(RecordType.REQUEST_PACKAGE, p) for p in packages])
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
    return tasks, done
