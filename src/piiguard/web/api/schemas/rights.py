"""The JSON shapes of the requests of the person (R4, R9; web/api/rights.py). Unknown
fields are refused. A request's personal details (contact, name, text, corrected values)
appear only in `RequestViewOut`, which only staff handling requests may read; the queue
and every step's answer carry ids, dates and statuses."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, Field, StringConstraints

from piiguard.domain.audit import AuditEntry
from piiguard.domain.rights.ports import StoredPackage, TriageMail
from piiguard.domain.rights.rules import (
    RequestChannel,
    RequestDetails,
    RequestKind,
    RequestStatus,
    RightsRequest,
    SystemTask,
    TaskAction,
    TaskStatus,
)
from piiguard.web.api.schemas.fields import CategoryKey, Slug, Strict

Reason = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Changes = Annotated[
    dict[CategoryKey, Annotated[str, StringConstraints(max_length=10_000)]],
    Field(max_length=200, description="category -> the correct value"),
]
# the channels a request is entered through by API: the privacy centre's pages are `web`
ApiChannel = Literal["api", "phone", "letter", "email"]


class RequestIn(Strict):
    kind: RequestKind
    contact: str = Field(
        min_length=1,
        max_length=320,
        description="the requester's email address or phone number; the "
        "one-time code goes to an email address",
    )
    channel: ApiChannel = Field(
        "api", description="how the written request arrived: phone and letter are entered by staff"
    )
    language: Literal["zh", "en"] | None = Field(None, description="of every reply (zh)")
    name: str = Field("", max_length=200)
    text: str = Field("", max_length=5000, description="what the person wrote")
    concerns: list[CategoryKey] = Field(
        default_factory=list, max_length=200, description="the categories it is about (none: all)"
    )
    purposes: list[Slug] = Field(
        default_factory=list, max_length=50, description="objection / restriction: the uses refused"
    )
    changes: Changes = Field(default_factory=dict)
    received_at: AwareDatetime | None = Field(None, description="a letter's date of receipt")

    @property
    def request_channel(self) -> RequestChannel:
        return RequestChannel(self.channel)


class RepliedIn(Strict):
    how: str = Field(
        min_length=1,
        max_length=500,
        examples=["phoned the number on file on 2026-11-26, told the outcome"],
    )


class IdentityIn(Strict):
    method: str = Field(min_length=1, max_length=200, examples=["called back the number on file"])


class AssignIn(Strict):
    staff_id: str = Field(min_length=1, max_length=36)


class DocumentIn(Strict):
    document: str = Field(min_length=1, max_length=200, examples=["resident identity card"])


class ReasonIn(Strict):
    reason: Reason


class FeeIn(Strict):
    fee: str = Field(min_length=1, max_length=40, examples=["50 CNY"])
    reason: Reason


class CorrectionIn(Strict):
    changes: Changes = Field(min_length=1)


class ConfirmIn(Strict):
    reference: str = Field(
        min_length=1,
        max_length=200,
        description="the system's own reference for the change it made",
    )


class WebhookIn(Strict):
    url: str = Field(min_length=1, max_length=2048)


class ResolveIn(Strict):
    request_id: str | None = Field(
        None, max_length=36, description="the request the mail became (opened by staff), if any"
    )


# --- answers ----------------------------------------------------------------------------------


class OpenedOut(BaseModel):
    id: str
    kind: RequestKind
    status: RequestStatus
    received_at: datetime
    due_at: datetime
    code_sent: bool


class QueueItemOut(BaseModel):
    """A request as the queue lists it: no personal data."""

    id: str
    kind: RequestKind
    channel: RequestChannel
    status: RequestStatus
    received_at: datetime
    due_at: datetime
    overdue: bool
    days_left: int
    assignee: str | None
    excessive: bool
    fee: str

    @classmethod
    def of(cls, r: RightsRequest, now: datetime) -> QueueItemOut:
        return cls(
            id=r.id,
            kind=r.kind,
            channel=r.channel,
            status=r.status,
            received_at=r.received_at,
            due_at=r.due_at,
            overdue=r.overdue(now),
            days_left=r.days_left(now),
            assignee=r.assignee,
            excessive=r.excessive,
            fee=r.fee,
        )


class RequestOut(QueueItemOut):
    """A request's state after a step: still no personal data (the subject's id only once
    the requester is verified)."""

    language: str
    created_by: str
    subject_id: str | None
    verified_at: datetime | None
    document_checked_by: str | None
    approved_by: str | None
    excessive_reason: str
    refusal_reason: str
    paused_at: datetime | None
    paused_seconds: int
    closed_at: datetime | None
    outcome: str
    sensitive: bool

    @classmethod
    def of(cls, r: RightsRequest, now: datetime) -> RequestOut:
        return cls(
            **QueueItemOut.of(r, now).model_dump(),
            language=r.language,
            created_by=r.created_by,
            subject_id=r.subject_id if r.verified_at is not None else None,
            verified_at=r.verified_at,
            document_checked_by=r.document_checked_by,
            approved_by=r.approved_by,
            excessive_reason=r.excessive_reason,
            refusal_reason=r.refusal_reason,
            paused_at=r.paused_at,
            paused_seconds=r.paused_seconds,
            closed_at=r.closed_at,
            outcome=r.outcome,
            sensitive=r.sensitive,
        )


class CountsOut(BaseModel):
    open: int
    overdue: int


class DetailsOut(BaseModel):
    contact: str
    contact_kind: str
    name: str
    text: str
    concerns: list[str]
    purposes: list[str]
    changes: dict[str, str]

    @classmethod
    def of(cls, d: RequestDetails) -> DetailsOut:
        return cls(
            contact=d.contact,
            contact_kind=d.contact_kind.value,
            name=d.name,
            text=d.text,
            concerns=list(d.concerns),
            purposes=list(d.purposes),
            changes=dict(d.changes),
        )


class TimelineOut(BaseModel):
    seq: int
    at: datetime
    action: str
    actor: str
    details: dict[str, Any]

    @classmethod
    def of(cls, e: AuditEntry) -> TimelineOut:
        details = json.loads(e.details) if e.details else {}
        return cls(
            seq=e.seq,
            at=datetime.fromtimestamp(e.at_us / 1e6, tz=UTC),
            action=e.action,
            actor=f"{e.actor_kind}:{e.actor_id}",
            details=details if isinstance(details, dict) else {},
        )


class TaskOut(BaseModel):
    id: str
    request_id: str
    system: str
    action: TaskAction
    categories: list[str]
    status: TaskStatus
    created_at: datetime
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    settled_at: datetime | None
    note: str

    @classmethod
    def of(cls, t: SystemTask) -> TaskOut:
        return cls(
            id=t.id,
            request_id=t.request_id,
            system=t.system,
            action=t.action,
            categories=sorted(t.categories),
            status=t.status,
            created_at=t.created_at,
            attempts=t.attempts,
            next_attempt_at=t.next_attempt_at,
            last_error=t.last_error,
            settled_at=t.settled_at,
            note=t.note,
        )


class PackageOut(BaseModel):
    """A package made for the person; its link's token is never shown (the reply mail
    carries it, and piiguard keeps only its hash)."""

    id: str
    kind: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None

    @classmethod
    def of(cls, p: StoredPackage) -> PackageOut:
        return cls(
            id=p.id,
            kind=p.kind,
            created_at=p.created_at,
            expires_at=p.expires_at,
            used_at=p.used_at,
        )


class RequestViewOut(RequestOut):
    details: DetailsOut
    timeline: list[TimelineOut]
    tasks: list[TaskOut]
    packages: list[PackageOut]


class WebhookOut(BaseModel):
    system: str
    url: str
    secret: str = Field(description="hex HMAC-SHA256 key: shown this once, keep it")


class TriageOut(BaseModel):
    id: str
    received_at: datetime
    reason: str
    resolved_at: datetime | None
    resolved_by: str | None
    request_id: str | None

    @classmethod
    def of(cls, t: TriageMail) -> TriageOut:
        return cls(
            id=t.id,
            received_at=t.received_at,
            reason=t.reason,
            resolved_at=t.resolved_at,
            resolved_by=t.resolved_by,
            request_id=t.request_id,
        )


class TriageMailOut(TriageOut):
    text: str = Field(description="the mail decoded: sender, subject and text")
