"""The scheduled pass (bootstrap/jobs.py `backups`): a data backup and a key-store backup
when due (each on its own schedule), a restore test when due, pruning of what is past its
retention, and the privacy officers told when the newest restore test failed or none ran
within the interval (once per failed test, once a day while overdue). Each step claims
itself, so several processes may run the pass; a failing step is counted, the others run."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from piiguard.domain.backups.model import (
    Attention,
    Backup,
    BackupKind,
    BackupStatus,
    RestoreState,
    due,
    test_state,
    to_prune,
)
from piiguard.domain.errors import MailError
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.services.backups._common import BACKUPS, BackupKit, audited
from piiguard.services.backups.create import create_backup
from piiguard.services.backups.verify import restore_test

log = logging.getLogger(__name__)

_HOLD = timedelta(hours=6)  # a claimed step another process may take over after this


@dataclass
class BackupReport:
    created: list[str] = field(default_factory=list)
    tested: list[str] = field(default_factory=list)
    failed_tests: int = 0
    pruned: int = 0
    escalated: int = 0
    errors: int = 0

    def summary(self) -> str:
        return (
            f"backups: {len(self.created)} taken, {len(self.tested)} restore tests "
            f"({self.failed_tests} failed), {self.pruned} pruned, {self.escalated} escalation "
            f"mails, {self.errors} errors"
        )


def _claimed(kit: BackupKit, name: str) -> bool:
    now = kit.clock.now()
    with kit.units() as uow:
        ok = uow.backups.claim(name, now, now + _HOLD)
        uow.commit()
    return ok


def _release(kit: BackupKit, name: str) -> None:
    with kit.units() as uow:
        uow.backups.release(name)
        uow.commit()


def _newest(kit: BackupKit, kind: BackupKind) -> Backup | None:
    with kit.units() as uow:
        return uow.backups.newest(kind)


def _backup_if_due(kit: BackupKit, kind: BackupKind, every_hours: float, r: BackupReport) -> None:
    last = _newest(kit, kind)
    if not due(last.created_at if last else None, kit.clock.now(), timedelta(hours=every_hours)):
        return
    if not _claimed(kit, kind.value):
        return
    try:
        r.created.append(create_backup(kit, BACKUPS, kind).id)
    except Exception as e:  # recorded as failed by create_backup; counted here
        log.warning("scheduled %s backup failed (%s)", kind.value, type(e).__name__)
        r.errors += 1
    finally:
        _release(kit, kind.value)


def _test_if_due(kit: BackupKit, r: BackupReport) -> None:
    with kit.units() as uow:
        newest = next(iter(uow.backups.tests(limit=1)), None)
    every = timedelta(days=kit.terms.restore_test_days)
    if not due(newest.started_at if newest else None, kit.clock.now(), every):
        return
    if _newest(kit, BackupKind.DATA) is None or not _claimed(kit, "restore_test"):
        return
    try:
        t = restore_test(kit, BACKUPS)
        r.tested.append(t.id)
        r.failed_tests += 0 if t.ok else 1
    except Exception as e:
        log.warning("scheduled restore test failed to run (%s)", type(e).__name__)
        r.errors += 1
    finally:
        _release(kit, "restore_test")


def prune(kit: BackupKit) -> int:
    """Delete the files of backups past their retention (the newest good data backup
    stays; key-store backups go whatever: docs/operations.md); the records stay, pruned."""
    now = kit.clock.now()
    with kit.units() as uow:
        gone = to_prune(uow.backups.recent(limit=10_000), now)
    n = 0
    for b in gone:
        kit.engine.delete(b.location)
        pruned = Backup(
            b.id, b.kind, BackupStatus.PRUNED, b.created_at, b.by, b.target, b.location,
            b.dialect, b.size, b.sha256, b.kek_version, b.facts, b.expires_at, b.error, now,
        )  # fmt: skip
        with kit.units() as uow:
            uow.backups.save(pruned)
            audited(uow, BACKUPS, "backup.prune", b.id, kind=b.kind.value)
            uow.commit()
        n += 1
    return n


def attention(kit: BackupKit) -> Attention:
    """The state of the restore tests, for the front page and the escalation."""
    with kit.units() as uow:
        newest = next(iter(uow.backups.tests(limit=1)), None)
        any_backup = bool(uow.backups.recent(limit=1))
    return test_state(
        newest, any_backup, kit.clock.now(), timedelta(days=kit.terms.restore_test_days)
    )


def officers(kit: BackupKit) -> list[str]:
    with kit.units() as uow:
        staff = uow.staff.accounts()
    return sorted(
        {a.email for a in staff if a.active and "privacy_officer" in a.roles}
        | ({kit.officer_mail} if kit.officer_mail else set())
    )


def _mail(kit: BackupKit, a: Attention, to: str) -> OutgoingMail:
    link = f"{kit.public_url}/console/backups"
    if a.state is RestoreState.FAILED:
        en = (
            f"The newest restore test of piiguard's backups FAILED (test {a.test_id}). "
            "A backup that does not restore is not a backup (policy §5, R5.7)."
        )
        zh = f"最新一次备份恢复测试失败（测试 {a.test_id}）。无法恢复的备份不是备份。"
    else:
        days = kit.terms.restore_test_days
        en = f"No restore test of piiguard's backups has succeeded within {days:g} days."
        zh = f"{days:g} 天内没有成功的备份恢复测试。"
    text = f"{en}\nSee the checks and run a test: {link}\n\n{zh}\n查看检查结果并运行测试：{link}\n"
    return OutgoingMail(
        to,
        "piiguard: backup restore test needs attention / 备份恢复测试需要处理",
        text,
        headers={"X-Piiguard-Backups": a.state.value},
    )


def failed_copy(kit: BackupKit) -> Backup | None:
    """The newest backup attempt of either kind, when it failed (pg_dump missing, the
    target full or no longer approved …): nothing newer succeeded since."""
    with kit.units() as uow:
        newest = [next(iter(uow.backups.recent(kind, 1)), None) for kind in BackupKind]
    failed = [b for b in newest if b is not None and b.status is BackupStatus.FAILED]
    return max(failed, key=lambda b: b.created_at) if failed else None


def _send(kit: BackupKit, mail: Callable[[str], OutgoingMail]) -> int | None:
    """The mail to every officer; None when the server refused (tried again next pass)."""
    sent = 0
    try:
        for address in officers(kit):
            kit.mailer.send(mail(address))
            sent += 1
    except MailError as e:
        log.warning("backup escalation not sent (%s); retried next pass", e.reply_code or "server")
        return None
    return sent


def _escalate_copy(kit: BackupKit) -> int:
    b = failed_copy(kit)
    if b is None:
        return 0
    with kit.units() as uow:
        if uow.backups.note("escalation_copy") == b.id:
            return 0
    link = f"{kit.public_url}/console/backups/{b.id}"
    text = (
        f"A {b.kind.value} backup of piiguard FAILED ({b.id}, {b.error.split(':', 1)[0]}); "
        f"no newer one succeeded.\nSee it: {link}\n\n"
        f"piiguard 的一次备份失败（{b.id}），此后没有成功的备份。\n查看：{link}\n"
    )
    sent = _send(
        kit,
        lambda to: OutgoingMail(
            to,
            "piiguard: a backup failed / 备份失败",
            text,
            headers={"X-Piiguard-Backups": "backup_failed"},
        ),
    )
    if sent is None:
        return 0
    with kit.units() as uow:
        uow.backups.set_note("escalation_copy", b.id)
        audited(uow, BACKUPS, "backup.escalate", b.id, state="backup_failed", mails=sent)
        uow.commit()
    return sent


def escalate(kit: BackupKit) -> int:
    """Tell the officers once per failed test, once a day while overdue, and once per
    failed backup attempt that nothing succeeded after."""
    return _escalate_test(kit) + _escalate_copy(kit)


def _escalate_test(kit: BackupKit) -> int:
    a = attention(kit)
    if a.state not in (RestoreState.FAILED, RestoreState.OVERDUE):
        return 0
    key = (
        f"failed:{a.test_id}"
        if a.state is RestoreState.FAILED
        else f"overdue:{kit.clock.now().date().isoformat()}"
    )
    with kit.units() as uow:
        if uow.backups.note("escalation") == key:
            return 0
    sent = _send(kit, lambda to: _mail(kit, a, to))
    if sent is None:  # not noted: the next pass tries again
        return 0
    with kit.units() as uow:
        uow.backups.set_note("escalation", key)
        audited(uow, BACKUPS, "backup.escalate", a.test_id, state=a.state.value, mails=sent)
        uow.commit()
    return sent


def run_backups(kit: BackupKit) -> BackupReport:
    r = BackupReport()
    t = kit.terms
    _backup_if_due(kit, BackupKind.DATA, t.every_hours, r)
    _backup_if_due(kit, BackupKind.KEYSTORE, t.keystore_every_hours, r)
    _test_if_due(kit, r)
    for step in (prune, escalate):
        try:
            n = step(kit)
        except Exception as e:
            log.warning("backups: %s failed (%s)", step.__name__, type(e).__name__)
            r.errors += 1
            continue
        if step is prune:
            r.pruned = n
        else:
            r.escalated = n
    return r
