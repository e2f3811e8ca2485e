"""The audit trail's arithmetic (R2.10, R5.1): entries, the hash chain, Merkle checkpoints,
and the verifier that names the first bad entry.

Each entry's hash covers its sequence number, the previous entry's hash and every field,
so a modified, deleted, inserted or reordered entry breaks the chain. Checkpoints sign
(count, head hash, Merkle root of the batch) with a key held outside the database, so a
rewritten chain or a truncated tail cannot be passed off as the original. Entries hold ids
and keyed hashes only, never plaintext personal data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from piiguard.domain.errors import InvalidInput

GENESIS = "0" * 64
_SEP = "\x1e"

DetailValue = str | int | bool | None | list[str]


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """Something that happened, before it is placed on the chain."""

    action: str  # e.g. subject.create, item.read, subject.erase, key.rotate, staff.login
    actor_kind: str
    actor_id: str
    target_type: str = ""
    target_id: str = ""
    subject_id: str = ""
    purpose: str = ""
    decision_id: str = ""
    details: Mapping[str, DetailValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at_us: int  # microseconds since the Unix epoch, UTC
    actor_kind: str
    actor_id: str
    action: str
    target_type: str
    target_id: str
    subject_id: str
    purpose: str
    decision_id: str
    details: str  # canonical JSON text, hashed as stored
    prev_hash: str
    entry_hash: str


def canonical_details(details: Mapping[str, DetailValue]) -> str:
    return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def entry_digest(
    seq: int,
    at_us: int,
    actor_kind: str,
    actor_id: str,
    action: str,
    target_type: str,
    target_id: str,
    subject_id: str,
    purpose: str,
    decision_id: str,
    details: str,
    prev_hash: str,
) -> str:
    body = _SEP.join(
        (
            str(seq),
            prev_hash,
            str(at_us),
            actor_kind,
            actor_id,
            action,
            target_type,
            target_id,
            subject_id,
            purpose,
            decision_id,
            details,
        )
    )
    return hashlib.sha256(body.encode()).hexdigest()


def chain(
    events: Sequence[AuditEvent], *, head_seq: int, head_hash: str, at_us: int
) -> list[AuditEntry]:
    """Place events on the chain after (head_seq, head_hash)."""
    entries: list[AuditEntry] = []
    prev, seq = head_hash, head_seq
    for ev in events:
        for name in (
            "action",
            "actor_kind",
            "actor_id",
            "target_type",
            "target_id",
            "subject_id",
            "purpose",
            "decision_id",
        ):
            if _SEP in getattr(ev, name):
                raise InvalidInput(f"audit field {name} holds a control character", field=name)
        seq += 1
        details = canonical_details(ev.details)
        digest = entry_digest(
            seq,
            at_us,
            ev.actor_kind,
            ev.actor_id,
            ev.action,
            ev.target_type,
            ev.target_id,
            ev.subject_id,
            ev.purpose,
            ev.decision_id,
            details,
            prev,
        )
        entries.append(
            AuditEntry(
                seq,
                at_us,
                ev.actor_kind,
                ev.actor_id,
                ev.action,
                ev.target_type,
                ev.target_id,
                ev.subject_id,
                ev.purpose,
                ev.decision_id,
                details,
                prev,
                digest,
            )
        )
        prev = digest
    return entries


def merkle_root(hashes: Sequence[str]) -> str:
    """RFC 6962-style Merkle tree hash (0x00 leaf / 0x01 node prefixes) over hex digests."""
    if not hashes:
        return hashlib.sha256(b"").hexdigest()
    level = [hashlib.sha256(b"\x00" + bytes.fromhex(h)).digest() for h in hashes]
    while len(level) > 1:
        nxt = [
            hashlib.sha256(b"\x01" + level[i] + level[i + 1]).digest()
            for i in range(0, len(level) - 1, 2)
        ]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
    return level[0].hex()


@dataclass(frozen=True, slots=True)
class Checkpoint:
    first_seq: int
    last_seq: int  # == count of entries on the chain up to here
    head_hash: str
    merkle_root: str
    at_us: int
    key_id: str
    signature: str  # hex Ed25519 signature over `message()`

    def message(self) -> bytes:
        return _SEP.join(
            (
                "piiguard-audit-checkpoint-v1",
                str(self.first_seq),
                str(self.last_seq),
                self.head_hash,
                self.merkle_root,
                str(self.at_us),
                self.key_id,
            )
        ).encode()


def checkpoint_due(head_seq: int, checkpointed_seq: int, every: int) -> bool:
    """A checkpoint by count is due once `every` entries wait after the last checkpoint, so
    at most `every - 1` entries are ever protected by the chain alone (R5.1)."""
    return head_seq - checkpointed_seq >= every


def sign_checkpoint(
    first_seq: int,
    last_seq: int,
    head_hash: str,
    hashes: Sequence[str],
    at_us: int,
    key_id: str,
    sign: Callable[[bytes], str],
) -> Checkpoint:
    """The checkpoint over entries first_seq..last_seq (their `hashes`, in order), signed."""
    unsigned = Checkpoint(first_seq, last_seq, head_hash, merkle_root(hashes), at_us, key_id, "")
    return replace(unsigned, signature=sign(unsigned.message()))


@dataclass(frozen=True, slots=True)
class Problem:
    seq: int
    what: str


@dataclass
class VerifyReport:
    entries: int = 0
    checkpoints: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first(self) -> Problem | None:
        return min(self.problems, key=lambda p: p.seq) if self.problems else None


RowTuple = tuple[int, int, str, str, str, str, str, str, str, str, str, str, str]


def verify(  # noqa: PLR0912 - one flat pass over the chain is what keeps it fast
    rows: Iterable[RowTuple],
    checkpoints: Sequence[Checkpoint],
    signature_ok: Callable[[Checkpoint], bool],
    witness: Checkpoint | None = None,
    head_seq: int | None = None,
) -> VerifyReport:
    """Walk the chain once, in seq order. `rows` are AuditEntry fields as tuples (the hot
    path avoids building objects). `witness` is the newest checkpoint kept outside the
    database; if the database no longer shows it, the trail was truncated. `head_seq` is
    the chain head the appenders maintain: fewer entries than it says is a truncated tail
    (one that a careful attacker could hide by rewriting the head too — the signed
    checkpoints and the witness are what catch that)."""
    report = VerifyReport(checkpoints=len(checkpoints))
    by_last = {cp.last_seq: cp for cp in checkpoints}
    starts = {cp.first_seq for cp in checkpoints}
    batch: list[str] | None = None
    expected_seq, prev = 1, GENESIS
    digest = entry_digest
    for row in rows:
        seq, at_us, kind, actor, action, ttype, tid, subj, purpose, dec, details, p, h = row
        if seq != expected_seq:
            report.problems.append(
                Problem(
                    expected_seq,
                    f"entry {expected_seq} is missing "
                    f"(next present is {seq}): deleted or renumbered",
                )
            )
            return report
        if p != prev:
            report.problems.append(
                Problem(
                    seq,
                    f"entry {seq} does not follow entry {seq - 1}: inserted, deleted or reordered",
                )
            )
            return report
        if digest(seq, at_us, kind, actor, action, ttype, tid, subj, purpose, dec, details, p) != h:
            report.problems.append(Problem(seq, f"entry {seq} was modified after it was written"))
            return report
        if seq in starts:
            batch = []
        if batch is not None:
            batch.append(h)
        cp = by_last.get(seq)
        if cp is not None:
            if cp.head_hash != h or batch is None or merkle_root(batch) != cp.merkle_root:
                report.problems.append(
                    Problem(seq, f"checkpoint at entry {seq} does not match the entries it signed")
                )
                return report
            batch = None
        prev, expected_seq = h, seq + 1
        report.entries += 1
    for cp in checkpoints:
        if not signature_ok(cp):
            report.problems.append(
                Problem(cp.last_seq, f"checkpoint at entry {cp.last_seq} has a bad signature")
            )
        if cp.last_seq > report.entries:
            report.problems.append(
                Problem(
                    report.entries + 1,
                    "trail truncated: checkpoint "
                    f"signed {cp.last_seq} entries, only "
                    f"{report.entries} present",
                )
            )
    if witness is not None:
        match = by_last.get(witness.last_seq)
        if match is None or match.signature != witness.signature:
            report.problems.append(
                Problem(
                    min(witness.last_seq, report.entries + 1),
                    f"the checkpoint at entry {witness.last_seq} kept "
                    "outside the database is missing from it: trail or "
                    "checkpoints truncated",
                )
            )
    if head_seq is not None and report.entries < head_seq:
        report.problems.append(
            Problem(
                report.entries + 1,
                f"trail truncated: the chain head "
                f"records {head_seq} entries, only {report.entries} "
                "present",
            )
        )
    elif head_seq is not None and report.entries > head_seq:
        report.problems.append(
            Problem(
                head_seq + 1,
                f"entry {head_seq + 1} lies beyond the "
                f"chain head ({head_seq}): appended behind the "
                "appenders' back",
            )
        )
    return report
