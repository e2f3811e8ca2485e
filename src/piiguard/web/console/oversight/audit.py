"""The audit trail on pages (R2.10, R5.1, R10.2): the search (actor, action, target, person,
time) in the order written, a page at a time; the verification of the whole chain (privacy
officers, admins and auditors, as the API lets them) with its result — intact, or where it
broke — and the last signed checkpoint with the state of its signature. The same services
as web/api/audit.py: list_audit, verify_audit, note_verification; the last verification and
checkpoint are services/audit.py's `last_verification` and `last_checkpoint`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.audit import AuditEntry
from piiguard.domain.ports import AuditQuery
from piiguard.services import audit as uc
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import done
from piiguard.web.console.oversight.common import (
    KEY,
    Check,
    Param,
    bare_actor_id,
    page,
    staff_names,
    who,
)
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/console/audit", include_in_schema=False)

PAGE = 50
VERIFY_EVERY_DAYS = 7  # a verification older than this is worth the officer's attention


def _micros(at: datetime | None) -> int | None:
    return int(at.timestamp() * 1_000_000) if at else None


def _entry(e: AuditEntry, names: dict[str, str]) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "at": datetime.fromtimestamp(e.at_us / 1_000_000, tz=UTC),
        "actor": who(f"{e.actor_kind}:{e.actor_id}", names),
        "action": e.action,
        "target_type": e.target_type,
        "target_id": e.target_id,
        "subject_id": e.subject_id,
        "purpose": e.purpose,
        "decision_id": e.decision_id,
        "details": "" if e.details in ("{}", "") else e.details,
    }


def last_verification(c: Container) -> uc.Verification | None:
    """The newest verification of the audit trail (when, by whom, intact or the first bad
    entry), as noted on the trail; None when it was never verified."""
    return uc.last_verification(c.uow(readonly=True))


def last_checkpoint(c: Container) -> uc.CheckpointStatus | None:
    """The last signed checkpoint (time, entries, head hash, whether its signature holds)."""
    return uc.last_checkpoint(c.uow(readonly=True), c.signer)


@dataclass(frozen=True, slots=True)
class TrailState:
    verification: uc.Verification | None
    checkpoint: uc.CheckpointStatus | None
    stale: bool  # verified VERIFY_EVERY_DAYS or more ago
    every_days: int = VERIFY_EVERY_DAYS


def trail_state(c: Container) -> TrailState:
    """The trail's evidence (R10.2): the last verification, whether it is stale, and the
    last signed checkpoint — for the audit page and the front page."""
    v = last_verification(c)
    stale = v is not None and (c.clock.now() - v.at).days >= VERIFY_EVERY_DAYS
    return TrailState(v, last_checkpoint(c), stale)


@router.get("", response_class=HTMLResponse)
def audit(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    actor_id: Param = "",
    action: Param = "",
    target_type: Param = "",
    target_id: Param = "",
    subject_id: Param = "",
    since: Param = "",
    until: Param = "",
    after_seq: Param = "",
) -> HTMLResponse:
    """Entries of the trail in the order written, filtered; the verification and the last
    checkpoint beside them."""
    check = Check(request)
    who_id = check.ident("actor_id", bare_actor_id(actor_id.strip()))
    what = check.ident("action", action, KEY)
    kind = check.ident("target_type", target_type, KEY)
    target = check.ident("target_id", target_id)
    if (kind is None) != (target is None) and not check.errors:
        check.fail("target_id" if kind else "target_type", "both_target")
    subject = check.ident("subject_id", subject_id)
    start, end = check.period(since, until)
    after = int(after_seq) if after_seq.isdigit() and len(after_seq) < 19 else 0
    entries: list[AuditEntry] = []
    if not check.errors:
        entries = uc.list_audit(
            c.uow(),
            actor,
            AuditQuery(
                subject_id=subject,
                actor_id=who_id,
                action=what,
                target=(kind, target) if kind and target else None,
                since_us=_micros(start),
                until_us=_micros(end),
                after_seq=after,
                limit=PAGE + 1,
            ),
        )
    shown = entries[:PAGE]
    kept = {
        "actor_id": actor_id,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "subject_id": subject_id,
        "since": since,
        "until": until,
    }
    kept = {k: v for k, v in kept.items() if v}
    names = staff_names(c)
    return page(
        request,
        c,
        actor,
        "audit.html",
        {
            "rows": [_entry(e, names) for e in shown],
            "f": {**dict.fromkeys(("actor_id", "action", "target_type", "target_id"), ""), **kept},
            "first": ("?" + urlencode(kept)) if after else None,
            "later": (
                "?" + urlencode({**kept, "after_seq": shown[-1].seq})
                if len(entries) > PAGE
                else None
            ),
            "page_size": PAGE,
            "trail": trail_state(c),
            "verifier": lambda v: who(f"{v.actor_kind}:{v.actor_id}", names),
        },
        errors=check.errors,
        status=422 if check.errors else 200,
    )


@router.post("/verify", response_class=HTMLResponse)
def verify(c: ContainerDep, actor: Authorized) -> Response:
    """Walk the hash chain and the signed checkpoints; the result is noted on the trail and
    shown on the audit page."""
    report = uc.verify_audit(c.uow(readonly=True), c.signer)
    uc.note_verification(c.uow(), actor, report)
    return done("/console/audit", "verified" if report.ok else "verify_failed")
