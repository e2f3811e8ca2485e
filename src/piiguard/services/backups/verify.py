"""Restore tests (R5.7, R10.2): a backup put back into a scratch database and checked —
the file's hash, that it decrypts, that it restores, the rows per table, the audit trail up
to the backup's head, a sample of items decrypted through decisions recorded in the copy
with the live key store — and the evidence recorded (which backup, when, how long, each
check's result); the scratch database is dropped whatever happened."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path

from piiguard.domain.access import RIGHTS_PURPOSE
from piiguard.domain.audit import verify
from piiguard.domain.backups.model import Backup, BackupKind, BackupStatus, Check, RestoreTest
from piiguard.domain.backups.ports import BackupUnreadable
from piiguard.domain.decisions import Action, Actor
from piiguard.domain.errors import Conflict, KeyShredded, NotFound, VaultIntegrityError
from piiguard.domain.ports import AuditQuery
from piiguard.services.backups._common import BACKUPS, BackupKit, ScratchDb, audited, ref
from piiguard.services.decisions import Decided, DecisionRequest, decide_many
from piiguard.services.ids import new_id
from piiguard.services.subjects.read import disclose

log = logging.getLogger(__name__)


def pick(kit: BackupKit, backup_id: str | None) -> Backup:
    with kit.units() as uow:
        b = uow.backups.get(backup_id) if backup_id else uow.backups.newest(BackupKind.DATA)
    if b is None:
        raise NotFound(
            f"no backup {backup_id}" if backup_id else "no data backup yet: take one first",
            field="id",
        )
    if b.status is not BackupStatus.OK:
        raise Conflict(f"backup {b.id} is {b.status.value}: nothing to test", field="id")
    return b


def _counts(b: Backup, found: dict[str, int]) -> Check:
    want = dict(b.facts.row_counts) if b.facts else {}
    wrong = [
        f"{t}: {found.get(t, 'missing')} ≠ {n}"
        for t, n in sorted(want.items())
        if found.get(t) != n
    ]
    extra = sorted(set(found) - set(want))
    if wrong or extra:
        return Check(
            "row_counts", False, "; ".join(wrong + [f"{t}: not in the manifest" for t in extra])
        )
    return Check(
        "row_counts", True, f"{len(want)} tables, {sum(want.values())} rows as in the manifest"
    )


def _trail(kit: BackupKit, s: ScratchDb, b: Backup) -> Check:
    head_seq = b.facts.audit_head_seq if b.facts else 0
    with s.units() as uow:
        seq, head = uow.audit_log.head()
        report = verify(
            uow.audit_log.rows(), uow.audit_log.checkpoints(), kit.signer.verify, None, head_seq
        )
    if not report.ok:
        first = report.first
        return Check("audit", False, first.what if first else "the trail does not verify")
    if b.facts and (seq, head) != (b.facts.audit_head_seq, b.facts.audit_head_hash):
        return Check(
            "audit", False, f"the restored head is entry {seq}, the manifest says {head_seq}"
        )
    return Check(
        "audit",
        True,
        f"{report.entries} entries, {report.checkpoints} signed checkpoints verify; head {seq}",
    )


def _sample(kit: BackupKit, s: ScratchDb) -> Check:
    """Decrypt the items of up to `sample` people of the copy: a decision recorded in the
    copy's own ledger for each (purpose legal_compliance, by the backups system actor —
    whoever asked for the test, nothing decrypted is shown to anyone), then the live vault.
    A person whose key the live key store no longer has was erased since: their values stay
    noise (R2.11) — counted, not a failure. So are the people a retention disposal re-keyed
    since the copy was taken (the live trail's `key.rekey` after the copy's head): every
    value of theirs in the copy, kept ones included, is under the key it destroyed — not
    tried, so no false integrity alarm. Nothing decrypted while people with items were
    there to decrypt fails the check: it would prove nothing."""
    with s.units() as uow:
        people = [
            p.id for p in uow.subjects.list(limit=kit.terms.sample, offset=0) if p.erased_at is None
        ]
        copied_up_to, _ = uow.audit_log.head()
    if not people:
        return Check("sample", True, "no person in the copy to decrypt")
    rekeyed = _rekeyed_since(kit, copied_up_to, people)
    asked = [
        DecisionRequest(BACKUPS, sid, RIGHTS_PURPOSE, None, Action.USE, reveal=True)
        for sid in people
        if sid not in rekeyed
    ]
    decided = [
        d for d in decide_many(s.units(), s.policy, kit.clock, asked) if isinstance(d, Decided)
    ]
    opened = shredded = failed = tried = refused = 0
    for d in decided:
        if not d.allowed_items:
            refused += 1
            continue
        try:
            [shown] = disclose(kit.vault, [d])
        except KeyShredded:
            shredded += 1
            continue
        except VaultIntegrityError:
            failed += 1
            continue
        tried += 1
        opened += sum(1 for it in shown.items if it.value is not None)
    detail = (
        f"{opened} items of {tried} people decrypted through recorded decisions; "
        f"{shredded} people erased since (keys gone); {len(rekeyed)} people re-keyed since "
        f"by a disposal (their copied values under the destroyed key); {refused} without items the "
        f"decision allows; {failed} failed"
    )
    return Check("sample", failed == 0 and (opened > 0 or tried == 0), detail)


def _rekeyed_since(kit: BackupKit, seq: int, people: Sequence[str]) -> set[str]:
    """Which of `people` a disposal re-keyed after audit entry `seq` (the live trail)."""
    with kit.units() as live:
        return {
            sid
            for sid in people
            if live.audit_log.entries(
                AuditQuery(subject_id=sid, action="key.rekey", after_seq=seq, limit=1)
            )
        }


def _step(checks: list[Check], name: str, run: Callable[[], Check]) -> bool:
    try:
        check = run()
    except BackupUnreadable as e:
        check = Check(name, False, str(e))
    except Exception as e:  # the type only: a driver's message may quote a value
        log.warning("restore test: %s failed (%s)", name, type(e).__name__)
        check = Check(name, False, f"{type(e).__name__}")
    checks.append(check)
    return check.ok


def restore_test(kit: BackupKit, actor: Actor, backup_id: str | None = None) -> RestoreTest:
    """Run a restore test of `backup_id` (None: the newest data backup) and record it."""
    b = pick(kit, backup_id)
    started, t0 = kit.clock.now(), time.perf_counter()
    checks: list[Check] = []

    def file() -> Check:
        size, sha = kit.engine.digest(b.location)
        if (size, sha) != (b.size, b.sha256):
            return Check(
                "file",
                False,
                f"{size} bytes, SHA-256 {sha[:16]}… ≠ manifest {b.size} bytes, {b.sha256[:16]}…",
            )
        return Check("file", True, f"{size} bytes, SHA-256 as in the manifest")

    _step(checks, "file", file)
    with ExitStack() as stack:
        plain: list[Path] = []
        url: list[str] = []

        def decrypt() -> Check:
            plain.append(stack.enter_context(kit.engine.decrypt(b.location, b.id)))
            return Check("decrypt", True, f"opened with KEK version {b.kek_version}")

        def restore() -> Check:
            url.append(stack.enter_context(kit.engine.scratch(b.kind, plain[0])))
            return Check("restore", True, f"restored into a scratch {b.dialect} database")

        if _step(checks, "decrypt", decrypt) and _step(checks, "restore", restore):
            _step(
                checks,
                "row_counts",
                lambda: _counts(b, dict(kit.engine.facts_of(b.kind, url[0]).row_counts)),
            )
            if b.kind is BackupKind.DATA:
                opened: list[ScratchDb] = []

                def trail() -> Check:
                    opened.append(stack.enter_context(kit.scratch(url[0])))
                    return _trail(kit, opened[0], b)

                if _step(checks, "audit", trail) or opened:
                    _step(checks, "sample", lambda: _sample(kit, opened[0]))
    duration = int((time.perf_counter() - t0) * 1000)
    test = RestoreTest(
        new_id(),
        b.id,
        started,
        duration,
        all(c.ok for c in checks) and len(checks) > 1,
        ref(actor),
        tuple(checks),
    )
    with kit.units() as uow:
        uow.backups.add_test(test)
        audited(
            uow,
            actor,
            "backup.restore_test",
            b.id,
            test_id=test.id,
            ok=test.ok,
            duration_ms=duration,
            failed=",".join(c.name for c in test.failed),
        )
        uow.commit()
    if not test.ok:
        log.warning(
            "restore test of backup %s FAILED: %s", b.id, ", ".join(c.name for c in test.failed)
        )
    return test
