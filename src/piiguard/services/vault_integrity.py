"""A vault integrity failure is a security event (R5.1; issue 11 point 7).

When a ciphertext fails its check on the way out (altered, or moved to another row, subject
or category — adapters/vault/envelope.py), the read still fails with VaultIntegrityError
(problem type `vault-integrity`), and before it does the vault calls the `IntegrityAlarm`:

- one audit entry `vault.integrity_failure` per item, in a transaction of its own (the read
  that found it has nothing to commit, and its failure must not take the record with it):
  the item id, subject id, category, and the reader, purpose and decision of the read;
  never a value;
- an error line in the log (ids only);
- a mail to every active privacy officer and to PIIGUARD_PRIVACY_OFFICER_EMAIL, sent on a
  thread of its own so that a slow or refusing mail server neither delays nor fails the
  read; an item already reported within the hour is not mailed again (each read is still
  on the trail).

Once the incident register (R5.8) exists, this is where an incident is opened."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from piiguard.domain.audit import AuditEvent
from piiguard.domain.ports import Clock, IntegrityFailure, UnitOfWork
from piiguard.domain.rights.ports import Mailer, OutgoingMail

log = logging.getLogger(__name__)

EVENT = "vault.integrity_failure"
OFFICER_ROLE = "privacy_officer"
MAIL_AGAIN_AFTER = timedelta(hours=1)


class IntegrityAlarm:
    """Built once in bootstrap.py and handed to the vault. Calling it never raises."""

    def __init__(
        self,
        uow: Callable[[], UnitOfWork],
        clock: Clock,
        mailer: Mailer,
        officer_mail: str,
        public_url: str,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._mailer = mailer
        self._officer_mail = officer_mail
        self._public_url = public_url.rstrip("/")
        self._lock = threading.Lock()
        self._mailed: dict[str, datetime] = {}  # item id -> when its last alert went out
        self._threads: list[threading.Thread] = []

    def __call__(self, failures: Sequence[IntegrityFailure]) -> None:
        if not failures:
            return
        for f in failures:
            log.error(
                "vault integrity failure: item %s of subject %s (%s), read by %s %s "
                "for %s, decision %s",
                f.item_id,
                f.subject_id,
                f.category,
                f.decision.actor.kind.value,
                f.decision.actor.id,
                f.decision.purpose,
                f.decision.id,
            )
        officers = self._record(failures)
        fresh = self._not_mailed_lately(failures)
        if fresh and officers:
            mails = [alert_mail(to, fresh, self._public_url) for to in officers]
            thread = threading.Thread(target=self._send, args=(mails,), name="integrity-alert")
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()] + [thread]
            thread.start()

    def drain(self, timeout: float = 30.0) -> None:
        """Wait for the alert mails under way (tests; a command about to exit)."""
        with self._lock:
            threads = list(self._threads)
        for t in threads:
            t.join(timeout)

    def _record(self, failures: Sequence[IntegrityFailure]) -> list[str]:
        """The audit entries, committed on their own; the officers' addresses."""
        officers = {self._officer_mail}
        failed = ""
        try:
            uow = self._uow()
            with uow:
                for f in failures:
                    d = f.decision
                    uow.audit(
                        AuditEvent(
                            EVENT,
                            d.actor.kind.value,
                            d.actor.id,
                            "item",
                            f.item_id,
                            f.subject_id,
                            d.purpose,
                            d.id,
                            details={"category": f.category, "action": d.action.value},
                        )
                    )
                officers |= {
                    a.email for a in uow.staff.accounts() if a.active and OFFICER_ROLE in a.roles
                }
                uow.commit()
        except Exception as exc:  # the read's own answer must not change
            failed = type(exc).__name__
        if failed:  # the type only: no traceback, which may carry values
            log.error("vault integrity failure not recorded on the audit trail (%s)", failed)
        return sorted(a for a in officers if a)

    def _not_mailed_lately(self, failures: Sequence[IntegrityFailure]) -> list[IntegrityFailure]:
        now = self._clock.now()
        fresh: list[IntegrityFailure] = []
        with self._lock:
            for f in failures:
                last = self._mailed.get(f.item_id)
                if last is None or now - last >= MAIL_AGAIN_AFTER:
                    self._mailed[f.item_id] = now
                    fresh.append(f)
        return fresh

    def _send(self, mails: list[OutgoingMail]) -> None:
        for mail in mails:
            try:
                self._mailer.send(mail)
            except Exception as exc:  # MailError or worse: logged, never raised
                log.warning(
                    "vault integrity alert to a privacy officer not sent (%s)", type(exc).__name__
                )


def alert_mail(to: str, failures: Sequence[IntegrityFailure], public_url: str) -> OutgoingMail:
    """The alert to one privacy officer: ids, categories and who was reading — no value."""
    n = len(failures)
    lines = []
    for f in failures:
        d = f.decision
        lines.append(
            f"- item {f.item_id} ({f.category}), subject {f.subject_id}; read by "
            f"{d.actor.kind.value} {d.actor.id} for {d.purpose}, decision {d.id}"
        )
    trail = f"{public_url}/api/v1/audit?action={EVENT}"
    text = (
        f"piiguard refused to reveal {n} item(s) whose ciphertext failed its integrity check: "
        "altered, or copied from another row, subject or category. Nothing was revealed; "
        "this is a security event.\n"
        f"piiguard 拒绝解密 {n} 项个人信息：其密文未通过完整性校验（被篡改，或自其他记录、"
        "其他个人或其他类别复制而来）。未泄露任何内容；这是一起安全事件。\n\n"
        + "\n".join(lines)
        + "\n\n"
        "Check the database and its access logs for tampering, and restore the items from a "
        "backup. The audit trail has one entry per failed read:\n"
        "请检查数据库及其访问日志是否遭篡改，并从备份恢复这些数据。审计记录中每次失败的读取"
        f"都有一条记录：\n{trail}\n"
    )
    subject = (
        f"SECURITY 安全事件: vault integrity failure on {n} item(s) / {n} 项数据完整性校验失败"
    )
    return OutgoingMail(to, subject, text, headers={"X-Piiguard-Event": EVENT})
