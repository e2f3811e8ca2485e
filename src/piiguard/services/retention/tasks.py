"""Deletion notices of disposal batches (R2.11): every approved system holding a disposed
category is told by signed webhook (the endpoints and signing secrets of the rights
requests' notices, services/rights/jobs.py), retried with back-off, and tracked until the
system confirms (in the webhook's answer or by API) or an officer waives it with a reason.
The payload names the batch, the subjects and the categories: ids only, never a value.
An officer's waiver reason is free text and may name people: sealed at rest, bound to the
task (`readable` opens it; `seal_clear_waivers` seals on start those written before)."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.ports import Clock, SecretBox, UnitOfWork, Vault
from piiguard.domain.retention.disposal import DisposalTask, DisposalTaskStatus
from piiguard.domain.rights.ports import WebhookSender
from piiguard.domain.rights.rules import NO_ENDPOINT, RequestTerms, backoff
from piiguard.services.policy.snapshot import PolicySnapshots
from piiguard.services.retention._common import (
    audited,
    open_text,
    require_officer,
    seal_if_clear,
    seal_text,
)

SWEEPER = "retention-sweep"


class RequestKit(Protocol):
    """What disposal needs of services/rights/kit.py's RequestKit (the container's
    `requests`), which it is handed: retention sits below rights and may not import it."""

    @property
    def clock(self) -> Clock: ...
    @property
    def vault(self) -> Vault: ...
    @property
    def box(self) -> SecretBox: ...
    @property
    def webhooks(self) -> WebhookSender: ...
    @property
    def terms(self) -> RequestTerms: ...
    @property
    def policy(self) -> PolicySnapshots: ...


def _waiver_context(task_id: str) -> str:
    return f"disposal-task-waiver:{task_id}"


def readable(box: SecretBox, task: DisposalTask) -> DisposalTask:
    """The task with its waiver reason opened, for those allowed to read it."""
    if task.status is not DisposalTaskStatus.WAIVED:
        return task
    return replace(task, note=open_text(box, task.note, _waiver_context(task.id)))


def seal_clear_waivers(uow: UnitOfWork, box: SecretBox, actor: Actor) -> int:
    """On start: seal every waiver reason still stored in clear; how many were."""
    n = 0
    with uow:
        for t in uow.retention.tasks_settled_as(DisposalTaskStatus.WAIVED):
            note = seal_if_clear(box, t.note, _waiver_context(t.id))
            if note != t.note:
                uow.retention.save_task(replace(t, note=note))
                n += 1
        if n:
            audited(uow, actor, "retention.task.seal_waivers", "disposal_task", "*", tasks=n)
        uow.commit()
    return n


def _payload(task: DisposalTask) -> dict[str, object]:
    return {
        "event": "retention.delete",
        "task_id": task.id,
        "batch_id": task.batch_id,
        "system": task.system,
        "categories": sorted(task.categories),
        "subject_ids": sorted(task.subject_ids),
    }


def deliver_disposal_tasks(uow: UnitOfWork, kit: RequestKit, limit: int = 100) -> int:
    """Send the deletion notices that are due; each claimed (its next attempt moved) before
    it is sent, so two workers never send one twice at once."""
    now = kit.clock.now()
    with uow:
        due = uow.retention.tasks_due(now, limit)
        endpoints = uow.requests.endpoints()
    n = 0
    for task in due:
        endpoint = endpoints.get(task.system)
        with uow:
            if uow.retention.task(task.id) != task:
                continue  # taken by another worker
            if endpoint is None:  # waits for an endpoint (registering one retries it) or a waiver
                uow.retention.save_task(
                    replace(
                        task,
                        next_attempt_at=None,
                        last_error=NO_ENDPOINT,
                    )
                )
                uow.commit()
                continue
            uow.retention.save_task(
                replace(task, next_attempt_at=now + backoff(task.attempts + 1, kit.terms))
            )
            uow.commit()
        secret = bytes.fromhex(
            kit.box.open(endpoint.secret_sealed, f"webhook:{endpoint.system}").decode()
        )
        result = kit.webhooks.deliver(endpoint.url, secret, _payload(task))
        attempts = task.attempts + 1
        if result.confirmed:
            done = replace(
                task,
                status=DisposalTaskStatus.CONFIRMED,
                attempts=attempts,
                next_attempt_at=None,
                last_error="",
                settled_at=kit.clock.now(),
                settled_by=f"system:{task.system}",
                note="confirmed in the webhook's answer",
            )
        elif result.delivered:
            done = replace(
                task,
                status=DisposalTaskStatus.SENT,
                attempts=attempts,
                next_attempt_at=None,
                last_error="",
            )
        else:
            done = replace(
                task,
                attempts=attempts,
                last_error=result.error,
                next_attempt_at=kit.clock.now() + backoff(attempts, kit.terms),
            )
        with uow:
            uow.retention.save_task(done)
            uow.audit(
                AuditEvent(
                    "retention.task.deliver",
                    ActorKind.SYSTEM.value,
                    SWEEPER,
                    "disposal_task",
                    task.id,
                    details={
                        "batch": task.batch_id,
                        "system": task.system,
                        "result": done.status.value,
                        "error": done.last_error or None,
                    },
                )
            )
            uow.commit()
        n += 1
    return n


def confirm_disposal_task(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, task_id: str, reference: str
) -> DisposalTask:
    """The system says it has deleted (its own API key: a client of the system's name)."""
    return _settle(uow, kit, actor, task_id, DisposalTaskStatus.CONFIRMED, reference.strip()[:200])


def waive_disposal_task(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, task_id: str, reason: str
) -> DisposalTask:
    """An officer records why a system need not confirm (deleted by hand, retired …); the
    reason sealed, in the task returned too (`readable` opens it)."""
    require_officer(actor, "waives a deletion notice")
    if not 5 <= len(reason.strip()) <= 1000:
        raise InvalidInput(
            "say why this system need not confirm (5–1,000 characters)", field="reason"
        )
    sealed = seal_text(kit.box, reason.strip(), _waiver_context(task_id))
    return _settle(uow, kit, actor, task_id, DisposalTaskStatus.WAIVED, sealed)


def _settle(
    uow: UnitOfWork,
    kit: RequestKit,
    actor: Actor,
    task_id: str,
    to: DisposalTaskStatus,
    note: str,
) -> DisposalTask:
    with uow:
        task = uow.retention.task(task_id)
        if task is None:
            raise NotFound(f"no deletion task {task_id}", field="task_id")
        if actor.kind is ActorKind.SYSTEM:
            client = uow.clients.by_name(task.system)
            if client is None or client.id != actor.id:
                raise Forbidden("only the system the notice went to can confirm it")
        elif to is DisposalTaskStatus.CONFIRMED:
            require_officer(actor, "records a system's confirmation")
        if task.status.settled:
            raise Conflict(f"task {task_id} is already {task.status}", field="task_id")
        task = replace(
            task,
            status=to,
            settled_at=kit.clock.now(),
            settled_by=actor.ref,
            note=note,
            next_attempt_at=None,
        )
        uow.retention.save_task(task)
        uow.audit(
            AuditEvent(
                f"retention.task.{to.value}",
                actor.kind.value,
                actor.id,
                "disposal_task",
                task.id,
                details={"batch": task.batch_id, "system": task.system},
            )
        )
        uow.commit()
    return task
