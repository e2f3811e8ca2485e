"""Telling the people affected (GDPR Art. 34, PIPL Art. 57): one mailing per incident — what
happened, which categories, what was done, what they can do, whom to contact, in Chinese and
English — and one row per person, mailed in throttled passes that a crash can interrupt and
a later pass resumes without mailing anyone twice. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piiguard.domain.incidents.model import check_text


class RecipientStatus(StrEnum):
    QUEUED = "queued"  # to be mailed by the next pass
    SENDING = "sending"  # claimed by a pass (committed before the mail goes)
    SENT = "sent"
    NO_ADDRESS = "no_address"  # no email address we may use: reach them another way
    UNKNOWN = "unknown"  # a pass stopped between claiming and recording: check, then re-queue

    @property
    def done(self) -> bool:
        return self in (RecipientStatus.SENT, RecipientStatus.NO_ADDRESS)


class RecipientSource(StrEnum):
    TRAIL = "trail"  # computed from the audit trail
    LISTED = "listed"  # named by an officer


@dataclass(frozen=True, slots=True)
class Recipient:
    incident_id: str
    subject_id: str
    source: RecipientSource
    status: RecipientStatus = RecipientStatus.QUEUED
    language: str = ""
    claimed_at: datetime | None = None
    sent_at: datetime | None = None
    message_id: str = ""  # the mail's Message-ID, to find it in the mail server's log
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class MailingText:
    """One language's text: what happened, what was done, what they can do, contact."""

    what_happened: str
    measures_taken: str
    what_you_can_do: str
    contact: str

    def check(self, lang: str) -> MailingText:
        return MailingText(
            check_text(self.what_happened, f"what_happened_{lang}", most=4000),
            check_text(self.measures_taken, f"measures_taken_{lang}", most=4000),
            check_text(self.what_you_can_do, f"what_you_can_do_{lang}", most=4000),
            check_text(self.contact, f"contact_{lang}", most=500),
        )


@dataclass(frozen=True, slots=True)
class Mailing:
    incident_id: str
    zh: MailingText
    en: MailingText
    created_by: str
    created_at: datetime
    started_at: datetime | None = None  # mails go from the first pass after this
    started_by: str | None = None
