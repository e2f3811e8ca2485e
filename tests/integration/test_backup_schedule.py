"""The backup schedule (R5.7, R10.2): daily backups of each store on its own schedule, a
weekly restore test, pruning past retention, and the privacy officers told — through the
loopback SMTP server — when the newest restore test failed or none ran within the interval."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db.backup import DatabaseBackups
from piiguard.adapters.vault.keyfile import LocalKeyProvider
from piiguard.bootstrap import OPERATOR, Container
from piiguard.config import Settings
from piiguard.domain.backups.model import BackupKind, BackupStatus, RestoreState
from piiguard.services.backups._common import BackupKit
from piiguard.services.backups.create import create_backup
from piiguard.services.backups.job import attention, escalate, failed_copy, run_backups
from piiguard.services.backups.verify import restore_test
from tests.builders import register
from tests.mailserver import SmtpSink, body_text

pytestmark = pytest.mark.req("R5.7")


def kit(c: Container) -> BackupKit:
    assert c.backups is not None
    return c.backups


def test_the_schedule_takes_tests_and_prunes(c: Container, clock: FixedClock) -> None:
    register(c)
    k = kit(c)
    first = run_backups(k)
    assert len(first.created) == 2 and len(first.tested) == 1, first.summary()
    assert first.failed_tests == 0 and first.errors == 0
    assert attention(k).state is RestoreState.OK
    again = run_backups(k)  # nothing due an instant later
    assert not again.created and not again.tested
    clock.advance(timedelta(hours=24))
    daily = run_backups(k)
    assert len(daily.created) == 2 and not daily.tested
    clock.advance(timedelta(days=7))
    weekly = run_backups(k)
    assert len(weekly.tested) == 1
    # key-store copies go after 7 days, data copies after 35
    assert weekly.pruned == 2
    with k.units() as uow:
        pruned = [b for b in uow.backups.recent() if b.status is BackupStatus.PRUNED]
    assert {b.kind for b in pruned} == {BackupKind.KEYSTORE}
    assert all(not Path(b.location).exists() for b in pruned)
    clock.advance(timedelta(days=40))
    late = run_backups(k)
    with k.units() as uow:
        ok = [b for b in uow.backups.recent() if b.status is BackupStatus.OK]
    # the newest of each kind (taken in this pass) is there; everything older went
    assert {b.kind for b in ok} == {BackupKind.DATA, BackupKind.KEYSTORE} and len(ok) == 2
    assert late.pruned >= 2


@pytest.mark.req("R10.2")
def test_a_failed_restore_test_escalates_once(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    register(c)
    k = kit(c)
    b = create_backup(k, OPERATOR)
    p = Path(b.location)
    p.write_bytes(p.read_bytes()[:-100])
    t = restore_test(k, OPERATOR, b.id)
    assert not t.ok
    a = attention(k)
    assert a.state is RestoreState.FAILED and a.test_id == t.id
    assert escalate(k) == 1
    [msg] = mailbox.messages
    assert msg["To"] == c.settings.privacy_officer_email
    text = body_text(msg)
    assert "FAILED" in text and t.id in text and "失败" in text
    assert "http://testserver/console/backups" in text
    assert escalate(k) == 0  # once per failed test
    assert len(mailbox.messages) == 1


def test_no_restore_test_within_the_interval_escalates_daily(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    k = kit(c)
    assert attention(k).state is RestoreState.NO_BACKUP
    create_backup(k, OPERATOR)
    assert attention(k).state is RestoreState.OVERDUE  # a backup never tested
    assert escalate(k) == 1
    assert escalate(k) == 0
    clock.advance(timedelta(days=1))
    assert escalate(k) == 1
    assert len(mailbox.messages) == 2
    assert "within 7 days" in body_text(mailbox.messages[0])
    restore_test(k, OPERATOR)
    assert attention(k).state is RestoreState.OK
    clock.advance(timedelta(days=7, minutes=1))
    assert attention(k).state is RestoreState.OVERDUE


@pytest.mark.req("R2.11")
def test_keystore_retention_must_be_shorter_than_the_erasure_deadline(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(var_dir=tmp_path, backup_keystore_keep_days=30, request_due_days=30)
    assert "PIIGUARD_BACKUP_KEYSTORE_KEEP_DAYS" in str(refused.value)
    assert Settings(var_dir=tmp_path, backup_keystore_keep_days=29).backup_keystore_keep_days == 29


def test_a_failed_backup_is_recorded_shown_and_escalated_once(
    c: Container, clock: FixedClock, mailbox: SmtpSink, tmp_path: Path
) -> None:
    k = kit(c)
    broken = DatabaseBackups(
        {BackupKind.DATA: f"sqlite:///{tmp_path}", BackupKind.KEYSTORE: c.settings.keys_url},
        LocalKeyProvider(c.settings.key_file),
    )  # a folder where the database should be: the copy fails
    bad = dataclasses.replace(k, engine=broken)
    report = run_backups(bad)
    assert report.errors == 1 and len(report.created) == 1  # the key store's went fine
    assert report.escalated >= 1  # the same pass told the officers
    failed = failed_copy(k)
    assert failed is not None and failed.status is BackupStatus.FAILED and failed.error
    copy_mails = [m for m in mailbox.messages if m["X-Piiguard-Backups"] == "backup_failed"]
    assert len(copy_mails) == 1 and failed.id in body_text(copy_mails[0])
    mailbox.messages.clear()
    escalate(k)
    assert not [m for m in mailbox.messages if m["X-Piiguard-Backups"] == "backup_failed"]
    clock.advance(timedelta(hours=1))
    create_backup(k, OPERATOR)  # a good one since: nothing failed any more
    assert failed_copy(k) is None
