"""Notices of a new policy version (R8.1) and the person's answer to a renewal (R2.4).

One `Notice` per person and version: the state row that makes the mailing resumable and
at most once. A pass claims a row (`pending` → `sending`) before the mail and records the
outcome after it; a row still `sending` when a later pass finds it belonged to a pass that
crashed between the two, and becomes `uncertain` — never mailed again by itself (the
person may have had it), shown on the console for an officer to release. No column holds
a contact: ids, statuses, reply codes, keyed hashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class NoticeStatus(StrEnum):
    PENDING = "pending"  # waiting for a pass (or retried after a temporary failure)
    SENDING = "sending"  # claimed by a pass, mail on its way
    SENT = "sent"  # the outbound server took it
    REFUSED = "refused"  # the server refused it for good (5xx): recorded, not retried
    BOUNCED = "bounced"  # accepted, then returned as undeliverable (a bounce came in)
    FAILED = "failed"  # temporary failures until the attempts ran out
    NO_CONTACT = "no_contact"  # no email address we may use any more
    UNCERTAIN = "uncertain"  # a pass crashed after claiming it: maybe sent, never resent

    @property
    def final(self) -> bool:
        return self not in (NoticeStatus.PENDING, NoticeStatus.SENDING)


class RenewalAnswer(StrEnum):
    RENEWED = "renewed"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class Notice:
    version: str
    subject_id: str
    status: NoticeStatus
    created_at: datetime
    updated_at: datetime
    attempts: int = 0
    language: str = ""
    reply_code: int | None = None
    sent_at: datetime | None = None
    contact_hash: str = ""  # keyed hash of the address it went to
    renewal: tuple[str, ...] = ()  # purposes this person was asked to renew
    token_hash: str | None = None  # of the renewal link's token
    code_hash: str | None = None  # the one-time code of the renewal page
    code_expires_at: datetime | None = None
    code_attempts: int = 0
    answered_at: datetime | None = None
    answers: tuple[tuple[str, RenewalAnswer], ...] = ()  # (purpose, answer)

    @property
    def ref(self) -> str:
        return f"{self.version}/{self.subject_id}"

    def answer(self, purpose: str) -> RenewalAnswer | None:
        return next((a for p, a in self.answers if p == purpose), None)
