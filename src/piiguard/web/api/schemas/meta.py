"""The JSON shapes of the published privacy policy, its drafts, diffs and notices
(web/api/meta.py, R8.1). No personal value in any of them: ids, statuses, dates, the
policy's own text."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from piiguard.domain.policy.notices import Notice, NoticeStatus
from piiguard.domain.policy.versions import ChangeKind, PolicyDraft, PolicyVersion, SectionDiff
from piiguard.services.notices.views import Progress
from piiguard.web.api.schemas.fields import Slug, Strict


class PolicyOut(BaseModel):
    version: str
    published_at: datetime
    sha256: str
    text: str | None = None  # English
    text_zh: str | None = None
    sha256_zh: str = ""
    effective_on: date | None = None
    summary_en: str = ""
    summary_zh: str = ""
    material: bool = False
    changes: list[ChangeKind] = []
    purposes: list[str] = []
    renewal: list[str] = []  # purposes whose earlier consents need renewal
    notify: bool = False

    @classmethod
    def of(cls, v: PolicyVersion, *, text: bool = True) -> PolicyOut:
        return cls(
            version=v.version,
            published_at=v.published_at,
            sha256=v.sha256,
            text=v.text if text else None,
            text_zh=v.text_zh if text else None,
            sha256_zh=v.sha256_zh,
            effective_on=v.effective_on,
            summary_en=v.summary_en,
            summary_zh=v.summary_zh,
            material=v.material,
            changes=list(v.changes),
            purposes=list(v.purposes),
            renewal=list(v.renewal),
            notify=v.notify,
        )


class SectionOut(BaseModel):
    key: str
    title: str
    old_title: str
    change: str  # same, changed, added, removed
    lines: list[tuple[str, str]]  # (" " | "-" | "+", line)

    @classmethod
    def of(cls, s: SectionDiff) -> SectionOut:
        return cls(
            key=s.key,
            title=s.title,
            old_title=s.old_title,
            change=s.change.value,
            lines=list(s.lines),
        )


class DiffOut(BaseModel):
    version: str
    previous: str | None
    lang: str
    previous_missing: bool  # the previous version has no text in this language
    sections: list[SectionOut]


class DraftIn(Strict):
    text_en: str = Field(max_length=200_000)
    text_zh: str = Field(max_length=200_000)
    effective_on: date
    summary_en: str = Field(max_length=4000)
    summary_zh: str = Field(max_length=4000)
    material: bool
    changes: list[ChangeKind] = Field(default=[], max_length=5)
    purposes: list[Slug] = Field(default=[], max_length=100)
    notify: bool = False


class DraftOut(BaseModel):
    id: str
    status: str
    effective_on: date
    summary_en: str
    summary_zh: str
    material: bool
    changes: list[ChangeKind]
    purposes: list[str]
    notify: bool
    proposed_by: str
    proposed_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    version: str | None
    reason: str
    text_en: str | None = None
    text_zh: str | None = None

    @classmethod
    def of(cls, d: PolicyDraft, *, text: bool = False) -> DraftOut:
        return cls(
            id=d.id,
            status=d.status.value,
            effective_on=d.effective_on,
            summary_en=d.summary_en,
            summary_zh=d.summary_zh,
            material=d.material,
            changes=list(d.changes),
            purposes=list(d.purposes),
            notify=d.notify,
            proposed_by=d.proposed_by,
            proposed_at=d.proposed_at,
            decided_by=d.decided_by,
            decided_at=d.decided_at,
            version=d.version,
            reason=d.reason,
            text_en=d.text_en if text else None,
            text_zh=d.text_zh if text else None,
        )


class PublishedOut(BaseModel):
    version: PolicyOut
    notices: int


class NoticeOut(BaseModel):
    subject_id: str
    status: NoticeStatus
    language: str
    attempts: int
    reply_code: int | None
    sent_at: datetime | None
    updated_at: datetime
    renewal: list[str]
    answered_at: datetime | None
    answers: dict[str, str]

    @classmethod
    def of(cls, n: Notice) -> NoticeOut:
        return cls(
            subject_id=n.subject_id,
            status=n.status,
            language=n.language,
            attempts=n.attempts,
            reply_code=n.reply_code,
            sent_at=n.sent_at,
            updated_at=n.updated_at,
            renewal=list(n.renewal),
            answered_at=n.answered_at,
            answers={p: a.value for p, a in n.answers},
        )


class NoticesOut(BaseModel):
    version: str
    total: int
    counts: dict[NoticeStatus, int]
    notices: list[NoticeOut]

    @classmethod
    def of(cls, p: Progress, rows: list[Notice]) -> NoticesOut:
        return cls(
            version=p.version,
            total=p.total,
            counts=p.counts,
            notices=[NoticeOut.of(n) for n in rows],
        )


class ReleaseIn(Strict):
    subject_ids: list[str] = Field(min_length=1, max_length=1000)
