"""The audit trail's use cases (R2.10, R5.1): checkpoints, verification, search; the last
verification and the last signed checkpoint, as evidence on screen (R10.2)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from piiguard.domain.audit import (
    AuditEntry,
    AuditEvent,
    Checkpoint,
    VerifyReport,
    sign_checkpoint,
    verify,
)
from piiguard.domain.decisions import Actor, Decision
from piiguard.domain.errors import NotFound
from piiguard.domain.ports import AuditQuery, CheckpointSigner, Clock, UnitOfWork


def record_checkpoint(uow: UnitOfWork, signer: CheckpointSigner, clock: Clock) -> Checkpoint | None:
    """Sign (count, head hash, Merkle root) of the entries since the last checkpoint, store
    it in the database and keep a copy in the witness file outside it. The timer and the
    shutdown call this; every commit that brings `audit_checkpoint_every` entries since the
    last checkpoint makes one too (SqlUnitOfWork.commit). Both take the chain head's lock
    first, so they never sign the same entries twice."""
    with uow:
        seq, head = uow.audit_log.head(lock=True)
        last = uow.audit_log.last_checkpoint()
        first = (last.last_seq if last else 0) + 1
        if seq < first:
            return None
        at_us = int(clock.now().timestamp() * 1_000_000)
        cp = sign_checkpoint(
            first, seq, head, uow.audit_log.hashes(first, seq), at_us, signer.key_id, signer.sign
        )
        uow.audit_log.add_checkpoint(cp)
        uow.commit()
    signer.keep_witness(cp)
    return cp


def verify_audit(uow: UnitOfWork, signer: CheckpointSigner) -> VerifyReport:
    """Walk the whole chain once; name the first bad entry. Pass a read-only unit of work:
    head, checkpoints and entries must come from one snapshot. The witness is read first:
    a checkpoint is committed before it is witnessed, so an earlier witness is always in
    the database — reading it later could race a checkpoint made meanwhile."""
    witness = signer.witness()
    with uow:
        head_seq, _ = uow.audit_log.head()
        checkpoints = uow.audit_log.checkpoints()
        return verify(uow.audit_log.rows(), checkpoints, signer.verify, witness, head_seq)


VERIFIED = ("audit", "trail")  # the target of a verification's entry: found by its index


def note_verification(uow: UnitOfWork, actor: Actor, report: VerifyReport) -> None:
    """Keep the fact that the trail was verified (evidence for R10.2) on the trail itself."""
    first = report.first
    with uow:
        uow.audit(
            AuditEvent(
                "audit.verify",
                actor.kind.value,
                actor.id,
                *VERIFIED,
                details={
                    "ok": report.ok,
                    "entries": report.entries,
                    "checkpoints": report.checkpoints,
                    "first_bad_seq": first.seq if first else None,
                    "problem": first.what if first else "",
                },
            )
        )
        uow.commit()


def list_audit(uow: UnitOfWork, actor: Actor, query: AuditQuery) -> list[AuditEntry]:
    with uow:
        entries = uow.audit_log.entries(query)
        uow.audit(
            AuditEvent(
                "audit.search",
                actor.kind.value,
                actor.id,
                "subject",
                query.subject_id or "",
                query.subject_id or "",
                details={"returned": len(entries)},
            )
        )
        uow.commit()
    return entries


def get_decision(uow: UnitOfWork, actor: Actor, decision_id: str) -> Decision:
    """A recorded decision, for an auditor or the privacy officer (ids only, no values)."""
    with uow:
        d = uow.decisions.get(decision_id)
        if d is None:
            raise NotFound(f"no decision {decision_id}", field="decision_id")
        uow.audit(
            AuditEvent(
                "decision.view", actor.kind.value, actor.id, "decision", decision_id, d.subject_id
            )
        )
        uow.commit()
    return d


def note_refusal(
    uow: UnitOfWork, actor: Actor, route: str, code: str, purpose: str = "", subject_id: str = ""
) -> None:
    """A signed-in caller refused a use of personal data before any decision (a purpose
    their department is not assigned): on the trail, so an auditor sees attempts as well
    as uses (R2.10). Ids and codes only."""
    with uow:
        uow.audit(
            AuditEvent(
                "access.refused",
                actor.kind.value,
                actor.id,
                "route",
                route,
                subject_id,
                purpose,
                details={"code": code},
            )
        )
        uow.commit()


@dataclass(frozen=True, slots=True)
class Verification:
    """A verification of the trail, as its entry on the trail recorded it."""

    seq: int
    at: datetime
    actor_kind: str
    actor_id: str
    ok: bool
    entries: int
    checkpoints: int
    first_bad_seq: int | None
    problem: str  # what was wrong at first_bad_seq (seqs and hashes only), "" when ok


def last_verification(uow: UnitOfWork) -> Verification | None:
    """The newest verification noted on the trail (note_verification), or None. Read
    without an entry of its own: it is the console's front page evidence (R10.2)."""
    newest: AuditEntry | None = None
    with uow:
        after = 0
        while True:
            found = uow.audit_log.entries(
                AuditQuery(action="audit.verify", target=VERIFIED, after_seq=after, limit=500)
            )
            if not found:
                break
            newest, after = found[-1], found[-1].seq
            if len(found) < 500:
                break
    if newest is None:
        return None
    d = json.loads(newest.details)
    bad = d.get("first_bad_seq")
    return Verification(
        newest.seq,
        datetime.fromtimestamp(newest.at_us / 1_000_000, tz=UTC),
        newest.actor_kind,
        newest.actor_id,
        bool(d.get("ok")),
        int(d.get("entries", 0)),
        int(d.get("checkpoints", 0)),
        int(bad) if bad is not None else None,
        str(d.get("problem", "")),
    )


@dataclass(frozen=True, slots=True)
class CheckpointStatus:
    """The last signed checkpoint and whether its signature verifies with the key."""

    at: datetime
    first_seq: int
    last_seq: int
    head_hash: str
    key_id: str
    signature_ok: bool


def last_checkpoint(uow: UnitOfWork, signer: CheckpointSigner) -> CheckpointStatus | None:
    with uow:
        cp = uow.audit_log.last_checkpoint()
    if cp is None:
        return None
    return CheckpointStatus(
        datetime.fromtimestamp(cp.at_us / 1_000_000, tz=UTC),
        cp.first_seq,
        cp.last_seq,
        cp.head_hash,
        cp.key_id,
        signer.verify(cp),
    )
