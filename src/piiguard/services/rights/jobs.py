"""The background work of requests (R9.1, R9.2, R4.1), run by the scheduler every few
seconds — inside `piiguard serve` by default, or in a separate `piiguard worker`:

- reminders to the assignee 7, 3 and 1 days before the due date, and an escalation to the
  privacy officers once overdue; after downtime only the most urgent notice goes out (the
  passed ones are recorded as passed), so the worker catches up on start without a flood;
- notices to the systems holding corrected or deleted data (signed webhooks), retried with
  back-off until the system confirms or staff record why it need not;
- replies the mail server refused, sent again; requests verified but not yet carried out
  (a process stopped in between), carried out.
Mail to the privacy address is services/rights/mail_intake.py (the listener calls it).
Each job works in its own short transactions, so several workers can run side by side:
a notice is recorded once (primary key), a task is claimed by moving its next attempt.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, replace
from datetime import timedelta

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    MailError,
    NotFound,
)
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.ports import (
    Endpoint,
    QueueFilter,
)
from piiguard.domain.rights.rules import (
    ESCALATION,
    NO_ENDPOINT,
    RequestStatus,
    SystemTask,
    TaskAction,
    TaskStatus,
    backoff,
    check_webhook_url,
    move,
    notices_due,
)
from piiguard.services.ids import new_id
from piiguard.services.rights import mail as request_mail
from piiguard.services.rights._common import (
    RIGHTS_ACTOR,
    event,
    get_request,
    open_details,
    seal_note,
)
from piiguard.services.rights.fulfilment import REPLY, advance, close_request, send_reply
from piiguard.services.rights.kit import RequestKit

log = logging.getLogger(__name__)
SCHEDULER = Actor("scheduler", ActorKind.SYSTEM, frozenset({"system"}))


@dataclass
class JobReport:
    notices: int = 0
    deliveries: int = 0
    replies: int = 0
    advanced: int = 0
    expired: int = 0
    errors: int = 0

    def summary(self) -> str:
        """One line for `piiguard worker --once` (counts only, no personal data)."""
        return (
            f"notices {self.notices}, webhook deliveries {self.deliveries}, replies "
            f"{self.replies}, requests carried out {self.advanced}, unconfirmed requests "
            f"closed {self.expired}, failed jobs {self.errors}"
        )


def run_jobs(uow: UnitOfWork, kit: RequestKit) -> JobReport:
    """One pass of every job. A failing job is logged (ids only) and the others still run."""
    report = JobReport()
    for name, job in (
        ("expire", _expire_unverified),
        ("notices", _notices),
        ("deliveries", deliver_tasks),
        ("replies", _replies),
        ("advance", _advance_ready),
    ):
        try:
            setattr(
                report, {"advance": "advanced", "expire": "expired"}.get(name, name), job(uow, kit)
            )
        except Exception:  # a job's failure must not stop the others or the loop
            report.errors += 1
            log.exception("request job %s failed; it runs again on the next pass", name)
    return report


# --- requests never confirmed ------------------------------------------------------------


def _expire_unverified(uow: UnitOfWork, kit: RequestKit) -> int:
    """Close requests whose code was never confirmed within `unverified_days`: nothing was
    disclosed, and we cannot know who asked, so no reply goes out (the code mail said the
    request needs confirming). Keeps guessing bounded and the queue honest."""
    now = kit.clock.now()
    received_before = now - timedelta(days=kit.terms.unverified_days)
    with uow:
        stale = [
            r
            for r in uow.requests.queue(
                QueueFilter(
                    statuses=frozenset({RequestStatus.AWAITING_VERIFICATION}),
                    due_before=received_before + timedelta(days=kit.terms.due_days),
                    limit=500,
                )
            )
            if r.received_at < received_before
        ]
    for req in stale:
        with uow:
            current, _ = get_request(uow, req.id, lock=True)
            if current.status is not RequestStatus.AWAITING_VERIFICATION:
                continue
            closed = replace(
                move(current, RequestStatus.REFUSED, now),
                refusal_reason=f"not confirmed within {kit.terms.unverified_days} days",
            )
            uow.requests.save(closed)
            uow.requests.add_notice(req.id, REPLY, now, False)  # no reply: identity unknown
            uow.audit(event(closed, SCHEDULER, "expire"))
            uow.commit()
    return len(stale)


# --- reminders and escalation ---------------------------------------------------------------


def _notices(uow: UnitOfWork, kit: RequestKit) -> int:
    now = kit.clock.now()
    horizon = max(kit.terms.reminder_days, default=0)
    with uow:
        due = uow.requests.due_for_notices(now, horizon)
        sent = uow.requests.notices_sent([r.id for r in due])
        staff = {a.id: a for a in uow.staff.accounts() if a.active}
    officers = sorted(
        {a.email for a in staff.values() if "privacy_officer" in a.roles} | {kit.officer_mail}
    )
    n = 0
    for req in due:
        owed = notices_due(req, now, sent[req.id], kit.terms)
        if not owed:
            continue
        urgent = owed[-1]  # the latest is the most urgent: send it, record the rest
        with uow:
            claimed = uow.requests.add_notice(req.id, urgent, now, True)
            for label in owed[:-1]:
                uow.requests.add_notice(req.id, label, now, False)
            if claimed:
                uow.audit(
                    event(
                        req,
                        SCHEDULER,
                        "escalate" if urgent == ESCALATION else "remind",
                        notice=urgent,
                        passed=owed[:-1],
                    )
                )
            uow.commit()
        if not claimed:
            continue  # another worker sent it
        assignee = staff.get(req.assignee or "")
        to = officers if urgent == ESCALATION or assignee is None else [assignee.email]
        try:
            for address in to:
                kit.mailer.send(request_mail.staff_notice(kit, req, address, urgent))
        except MailError as e:  # not sent: forget it, so the next pass sends it again
            log.warning(
                "request %s: the %s mail was not sent (%s); retried next pass",
                req.id,
                urgent,
                e.reply_code or "server unreachable",
            )
            with uow:
                uow.requests.drop_notice(req.id, urgent)
                uow.commit()
            continue
        n += 1
    return n


# --- notices to systems (webhooks) --------------------------------------------------------


def _payload(
    kit: RequestKit, task: SystemTask, subject_id: str | None, changes: dict[str, str]
) -> dict[str, object]:
    body: dict[str, object] = {
        "event": f"request.{task.action.value}",
        "task_id": task.id,
        "request_id": task.request_id,
        "subject_id": subject_id,
        "system": task.system,
        "categories": sorted(task.categories),
    }
    if task.action is TaskAction.CORRECT:
        body["changes"] = {c: v for c, v in changes.items() if c in task.categories}
    return body


def deliver_tasks(
    uow: UnitOfWork, kit: RequestKit, request_id: str | None = None, limit: int = 100
) -> int:
    """Send the notices that are due (of one request, or all). Each is claimed by moving its
    next attempt forward before it is sent, so two workers never send it at once."""
    now = kit.clock.now()
    with uow:
        due = [
            t
            for t in uow.requests.tasks_due(now, limit)
            if request_id is None or t.request_id == request_id
        ]
        endpoints = uow.requests.endpoints()
    n = 0
    for task in due:
        endpoint = endpoints.get(task.system)
        with uow:
            current = uow.requests.task(task.id)
            if current is None or current != task:
                continue  # taken by another worker
            if endpoint is None:  # waits until an endpoint is registered or staff waive it
                uow.requests.save_task(
                    replace(
                        task,
                        next_attempt_at=None,
                        last_error=NO_ENDPOINT,
                    )
                )
                uow.commit()
                continue
            uow.requests.save_task(
                replace(task, next_attempt_at=now + backoff(task.attempts + 1, kit.terms))
            )
            req, sealed = get_request(uow, task.request_id)
            uow.commit()
        changes = dict(open_details(kit, req.id, sealed).changes)
        result = kit.webhooks.deliver(
            endpoint.url, _secret(kit, endpoint), _payload(kit, task, req.subject_id, changes)
        )
        attempts = task.attempts + 1
        if result.confirmed:
            done = replace(
                task,
                status=TaskStatus.CONFIRMED,
                attempts=attempts,
                next_attempt_at=None,
                last_error="",
                settled_at=kit.clock.now(),
                note="confirmed in the webhook's answer",
            )
        elif result.delivered:
            done = replace(
                task, status=TaskStatus.SENT, attempts=attempts, next_attempt_at=None, last_error=""
            )
        else:
            done = replace(
                task,
                attempts=attempts,
                last_error=result.error,
                next_attempt_at=kit.clock.now() + backoff(attempts, kit.terms),
            )
        with uow:
            uow.requests.save_task(done)
            uow.audit(
                event(
                    req,
                    SCHEDULER,
                    "task.deliver",
                    task_id=task.id,
                    system=task.system,
                    result=done.status.value,
                    error=done.last_error or None,
                )
            )
            uow.commit()
        n += 1
        if done.status.settled:
            _maybe_complete(uow, kit, task.request_id)
    return n


def _secret(kit: RequestKit, e: Endpoint) -> bytes:
    return bytes.fromhex(kit.box.open(e.secret_sealed, f"webhook:{e.system}").decode())


def register_endpoint(uow: UnitOfWork, kit: RequestKit, actor: Actor, system: str, url: str) -> str:
    """Where a system receives correction and deletion notices. Returns the signing secret
    (hex), shown once; pending notices to the system — a rights request's, and a disposal
    batch's deletion notices (services/retention/tasks.py) — that waited for an endpoint
    are sent on the next pass."""
    url = check_webhook_url(url, require_https=True)  # the payload carries personal data
    secret = new_id().replace("-", "") + new_id().replace("-", "")
    with uow:
        if system not in {s.key for s in uow.registers.systems()}:
            raise NotFound(f"no system {system} in the data map", field="system")
        uow.requests.set_endpoint(
            Endpoint(system, url, kit.box.seal(secret.encode(), f"webhook:{system}"))
        )
        uow.requests.retry_endpoint_tasks(system, kit.clock.now())
        uow.retention.retry_tasks_of(system, kit.clock.now())
        uow.audit(
            AuditEvent(
                "system.webhook",
                actor.kind.value,
                actor.id,
                "system",
                system,
                details={"scheme": url.split(":", 1)[0]},
            )
        )
        uow.commit()
    return secret


def webhook_urls(uow: UnitOfWork) -> dict[str, str]:
    """System key -> where it receives notices (the URL, never its secret)."""
    with uow:
        return {key: e.url for key, e in uow.requests.endpoints().items()}


def confirm_task(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, task_id: str, reference: str
) -> SystemTask:
    """A system says it has corrected or deleted (its API key must be the system's)."""
    return _settle(uow, kit, actor, task_id, TaskStatus.CONFIRMED, reference.strip()[:200])


def waive_task(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, task_id: str, reason: str
) -> SystemTask:
    """Staff record why a system need not confirm (done by hand, system retired, ...)."""
    if not 5 <= len(reason.strip()) <= 1000:
        raise InvalidInput(
            "say why this system need not confirm (5–1,000 characters)", field="reason"
        )
    return _settle(uow, kit, actor, task_id, TaskStatus.WAIVED, reason.strip())


def _settle(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, task_id: str, to: TaskStatus, note: str
) -> SystemTask:
    with uow:
        task = uow.requests.task(task_id)
        if task is None:
            raise NotFound(f"no task {task_id}", field="task_id")
        if (
            actor.kind is ActorKind.SYSTEM
            and actor.id != task.system
            and (to is not TaskStatus.CONFIRMED or not _client_is(uow, actor, task.system))
        ):
            raise Forbidden("only the system the notice went to can confirm it")
        if task.status.settled:
            raise Conflict(f"task {task_id} is already {task.status}", field="task_id")
        task = replace(task, status=to, settled_at=kit.clock.now(), note=note, next_attempt_at=None)
        uow.requests.save_task(task)
        req, _ = get_request(uow, task.request_id)
        uow.audit(
            event(
                req,
                actor,
                f"task.{to.value}",
                task_id=task.id,
                system=task.system,
                note_sealed=seal_note(kit, req.id, note) if to is TaskStatus.WAIVED else None,
            )
        )
        uow.commit()
    _maybe_complete(uow, kit, task.request_id)
    return task


def _client_is(uow: UnitOfWork, actor: Actor, system: str) -> bool:
    """A system client confirms for the data-map system of the same name."""
    client = uow.clients.by_name(system)
    return client is not None and client.id == actor.id


def _maybe_complete(uow: UnitOfWork, kit: RequestKit, request_id: str) -> None:
    with uow:
        req, _ = get_request(uow, request_id)
        tasks = uow.requests.tasks_of(request_id)
    if req.status is RequestStatus.WAITING_ON_SYSTEMS and all(t.status.settled for t in tasks):
        zh = req.language == "zh"
        systems = ", ".join(sorted(t.system for t in tasks))
        told = f"已通知并经确认的系统：{systems}" if zh else f"Systems told and settled: {systems}"
        with contextlib.suppress(Conflict):  # closed meanwhile by another worker
            close_request(
                uow, kit, RIGHTS_ACTOR, request_id, done=[*req.outcome.splitlines(), told]
            )


# --- replies and stuck requests -----------------------------------------------------------


def _replies(uow: UnitOfWork, kit: RequestKit) -> int:
    with uow:
        ids = uow.requests.unreplied(50)
    n = 0
    for rid in ids:
        if send_reply(uow, kit, rid):
            n += 1
    return n


def _advance_ready(uow: UnitOfWork, kit: RequestKit) -> int:
    """Carry out verified requests a stopped process left behind. One that fails is logged
    (by id) and the others still go ahead."""
    n, offset = 0, 0
    while True:
        with uow:
            page = uow.requests.queue(
                QueueFilter(
                    statuses=frozenset({RequestStatus.IN_PROGRESS}), limit=200, offset=offset
                )
            )
        for req in page:
            try:
                if advance(uow, kit, req.id).status is not RequestStatus.IN_PROGRESS:
                    n += 1
            except DomainError as exc:
                log.warning(
                    "request %s could not be carried out (%s); retried next pass", req.id, exc.code
                )
        if len(page) < 200:
            return n
        offset += 200
