"""A child's data found (R6.3; policy §6: deleted "as soon as possible"). A task opens when
the scanner's report holds a child's date of birth (a finding `child_data_found`: opened
from the findings by `open_from_findings`, right after a scan and on every upkeep pass)
or when the decision point refuses a child's data for want of any verified guardian's
consent (services/decisions.py opens it in the decision's transaction). Its deadline is
PIIGUARD_CHILD_DATA_HOURS (72) after it opened; past it the task is escalated like an
overdue request — on the console's front page and by mail to every privacy officer.
It closes only by
- disposal (`dispose_child_data`: the child's items disposed of for good through the
  retention disposal, services/retention/sweep.py; a scanner finding outside the vault: an
  officer records that it was deleted at the source),
- a verified guardian's consent in force (`close_by_guardian_consent`: checked, not
  claimed), or
- an officer's recorded finding that the person is not a child (`close_not_a_child`).
Every step is an audit entry on target `child_data_task/<id>`; notes are sealed."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, MailError, NotFound
from piiguard.domain.policy.datamap import FindingStatus
from piiguard.domain.ports import Clock, UnitOfWork, Vault
from piiguard.domain.retention.upkeep import (
    ChildClosure,
    ChildDataTask,
    ChildSource,
    ChildStatus,
    child_task,
    guardian_consent_in_force,
)
from piiguard.services.ids import new_id
from piiguard.services.retention._common import require_officer, seal_text
from piiguard.services.retention.sweep import dispose_subject_items
from piiguard.services.retention.upkeep import mail as upkeep_mail
from piiguard.services.retention.upkeep._common import UPKEEP, UpkeepKit, audited, officers

log = logging.getLogger(__name__)
TARGET = "child_data_task"
CHILD_FINDING = "child_data_found"  # services/policy/discovery.py


def get_child_task(uow: UnitOfWork, task_id: str, *, lock: bool = False) -> ChildDataTask:
    found = uow.retention.child_task(task_id, lock=lock)
    if found is None:
        raise NotFound(f"no child-data task {task_id}", field="task_id")
    return found


def open_from_findings(uow: UnitOfWork, clock: Clock, hours: int) -> list[ChildDataTask]:
    """A task for every open finding of a child's data that has none yet."""
    opened: list[ChildDataTask] = []
    with uow:
        findings = [
            f
            for s in (FindingStatus.OPEN, FindingStatus.ASSIGNED)
            for f in uow.registers.findings(s)
            if f.kind == CHILD_FINDING
        ]
        for f in findings:
            if uow.retention.open_child_task(reference=f.id) is not None:
                continue
            task = child_task(new_id(), None, ChildSource.SCANNER, f.id, clock.now(), hours)
            uow.retention.add_child_task(task)
            audited(
                uow,
                UPKEEP,
                "child_data.open",
                TARGET,
                task.id,
                source=task.source.value,
                reference=f.id,
                due_at=task.due_at.isoformat(),
            )
            opened.append(task)
        uow.commit()
    return opened


def list_child_tasks(
    uow: UnitOfWork, statuses: tuple[ChildStatus, ...] = (), limit: int = 200
) -> list[ChildDataTask]:
    """Deadline first; no value (the note stays sealed)."""
    with uow:
        return uow.retention.child_tasks(statuses, limit)


def overdue_child_tasks(uow: UnitOfWork, clock: Clock) -> list[ChildDataTask]:
    """Open tasks past their deadline (the front page's attention)."""
    with uow:
        return uow.retention.child_tasks((), 1000, due_by=clock.now())


def escalate_children(uow: UnitOfWork, kit: UpkeepKit) -> int:
    """Every open task past its deadline is escalated once: marked (the front page shows
    it) and mailed to every privacy officer; a mail the server refuses is tried again on
    the next pass."""
    now = kit.clock.now()
    with uow:
        due = [
            t
            for t in uow.retention.child_tasks((ChildStatus.OPEN,), 1000, due_by=now)
            if t.escalated_at is None
        ]
    if not due:
        return 0
    to = officers(uow, kit)
    n = 0
    for t in due:
        with uow:
            current = get_child_task(uow, t.id, lock=True)
            if current.status is not ChildStatus.OPEN:
                continue
            uow.retention.save_child_task(
                replace(current, status=ChildStatus.ESCALATED, escalated_at=now)
            )
            audited(
                uow,
                UPKEEP,
                "child_data.escalate",
                TARGET,
                t.id,
                t.subject_id or "",
                due_at=t.due_at.isoformat(),
                officers=len(to),
            )
            uow.commit()
        try:
            for address in to:
                kit.mailer.send(upkeep_mail.child_escalation(t, address, kit.public_url, now))
        except MailError as e:
            log.warning(
                "child-data task %s: the escalation mail was not sent (%s); retried next pass",
                t.id,
                e.reply_code or "server unreachable",
            )
            with uow:
                uow.retention.save_child_task(current)
                uow.commit()
            continue
        n += 1
    return n


def _close(
    uow: UnitOfWork,
    kit: UpkeepKit,
    actor: Actor,
    task: ChildDataTask,
    closure: ChildClosure,
    note: str,
    **details: str | int,
) -> ChildDataTask:
    """Inside an open unit of work."""
    sealed = seal_text(kit.box, note, f"child-task-note:{task.id}")
    closed = replace(
        task,
        status=ChildStatus.CLOSED,
        closed_at=kit.clock.now(),
        closed_by=actor.ref,
        closure=closure,
        note=sealed,
    )
    uow.retention.save_child_task(closed)
    audited(
        uow,
        actor,
        "child_data.close",
        TARGET,
        task.id,
        task.subject_id or "",
        closure=closure.value,
        note_sealed=sealed,
        **details,
    )
    return closed


def _open_task(uow: UnitOfWork, task_id: str) -> ChildDataTask:
    task = get_child_task(uow, task_id, lock=True)
    if not task.open:
        raise Conflict(f"child-data task {task_id} is closed", field="status")
    return task


def _check_note(note: str, *, required: bool) -> str:
    note = note.strip()
    if (required and len(note) < 3) or len(note) > 2000:
        raise InvalidInput("say what was found (3–2,000 characters)", field="note")
    return note


def close_not_a_child(
    uow: UnitOfWork, kit: UpkeepKit, actor: Actor, task_id: str, note: str
) -> ChildDataTask:
    """An officer records the finding that the person is not a child (how it was
    established, in the sealed note)."""
    require_officer(actor, "records that a person is not a child")
    note = _check_note(note, required=True)
    with uow:
        task = _close(uow, kit, actor, _open_task(uow, task_id), ChildClosure.NOT_A_CHILD, note)
        uow.commit()
    return task


def close_by_guardian_consent(
    uow: UnitOfWork, kit: UpkeepKit, actor: Actor, task_id: str, note: str = ""
) -> ChildDataTask:
    """Closed because a verified guardian's consent is in force now — checked against the
    consents and guardian links (Conflict when there is none)."""
    require_officer(actor, "closes a child-data task")
    note = _check_note(note, required=False)
    now = kit.clock.now()
    with uow:
        task = _open_task(uow, task_id)
        if task.subject_id is None:
            raise Conflict(
                "a scanner finding names no person: dispose of the data at the source",
                field="closure",
            )
        state = uow.consents.states([task.subject_id]).get(task.subject_id)
        consent = guardian_consent_in_force(state, now) if state is not None else None
        if consent is None:
            raise Conflict(
                "no consent of a verified guardian is in force for this person",
                field="closure",
            )
        task = _close(
            uow, kit, actor, task, ChildClosure.GUARDIAN_CONSENT, note, consent_id=consent
        )
        uow.commit()
    return task


@dataclass(frozen=True, slots=True)
class ChildDisposal:
    task: ChildDataTask
    items_disposed: int
    erased: bool


def dispose_child_data(
    uow: UnitOfWork, vault: Vault, kit: UpkeepKit, actor: Actor, task_id: str, note: str = ""
) -> ChildDisposal:
    """Dispose of the child's data for good and close the task in the same transaction:
    every item of the person through the retention disposal (the person erased, key
    shredded). A legal hold in force covering the person stops it (Conflict). For a scanner
    finding (no person in the vault) the officer records that the data was deleted at the
    source (`note` required) and the finding is marked fixed."""
    require_officer(actor, "disposes of a child's data")
    with uow:
        task = _open_task(uow, task_id)
        holds = uow.retention.holds()
    if task.subject_id is None:
        note = _check_note(note, required=True)
        with uow:
            task = _open_task(uow, task_id)
            finding = uow.registers.finding(task.reference)
            if finding is not None and finding.status is not FindingStatus.FIXED:
                uow.registers.save_finding(
                    replace(finding, status=FindingStatus.FIXED), kit.clock.now()
                )
            task = _close(uow, kit, actor, task, ChildClosure.DISPOSED, note, where="source")
            uow.commit()
        return ChildDisposal(task, 0, False)
    now = kit.clock.now()
    note = _check_note(note, required=False)
    with uow:
        records = uow.items.records(task.subject_id)
    items = [r.id for r in records]
    held = [
        h.id
        for h in holds
        for r in records
        if h.in_force(now) and h.covers(r.subject_id, r.category, r.held_in)
    ]
    if held:
        raise Conflict(f"legal hold {held[0]} covers this person's data", field="hold")
    closed: list[ChildDataTask] = []

    def close_it(u: UnitOfWork) -> None:
        current = _open_task(u, task_id)
        closed.append(_close(u, kit, actor, current, ChildClosure.DISPOSED, note, items=len(items)))

    if not items:
        with uow:
            close_it(uow)
            uow.commit()
        return ChildDisposal(closed[0], 0, False)
    done = dispose_subject_items(
        uow,
        vault,
        kit.clock,
        actor,
        task.subject_id,
        items,
        details={"child_data_task": task.id},
        also=close_it,
    )
    return ChildDisposal(closed[0], done.items_disposed, done.subject_erased)
