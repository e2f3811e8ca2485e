"""Health and the published policy (R8.1): the version in force, every version, one version
and its section-by-section diff (public); drafts of new versions proposed, published (a
material one by another privacy officer) and rejected; the notices of a version, per
person, and releasing the uncertain ones (docs/accountability.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, status

from piiguard.domain.errors import NotFound
from piiguard.domain.policy.notices import NoticeStatus
from piiguard.domain.policy.versions import DraftStatus
from piiguard.services.notices import views
from piiguard.services.policy import versions as pv
from piiguard.web.api.schemas.meta import (
    DiffOut,
    DraftIn,
    DraftOut,
    NoticesOut,
    PolicyOut,
    PublishedOut,
    ReleaseIn,
    SectionOut,
)
from piiguard.web.api.schemas.retention import ReasonIn
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(tags=["meta"])
P = "/api/v1/policy"


@router.get("/healthz")
def healthz(c: ContainerDep) -> dict[str, str]:
    c.ping()
    return {"status": "ok"}


@router.get(P, response_model=PolicyOut)
def latest_policy(c: ContainerDep) -> PolicyOut:
    """The version in force: both texts, effective date, summary, what a material change
    changed."""
    p = pv.current_policy(c.uow(readonly=True))
    if p is None:
        raise NotFound("no policy version is published yet")
    return PolicyOut.of(p)


@router.get(P + "/versions", response_model=list[PolicyOut])
def policy_versions(c: ContainerDep) -> list[PolicyOut]:
    """Every published version in order, without the texts."""
    return [PolicyOut.of(p, text=False) for p in pv.policy_history(c.uow(readonly=True))]


@router.get(P + "/versions/{version}", response_model=PolicyOut)
def policy_version(version: str, c: ContainerDep) -> PolicyOut:
    return PolicyOut.of(pv.get_version(c.uow(readonly=True), version))


@router.get(P + "/versions/{version}/diff", response_model=DiffOut)
def policy_diff(
    version: str, c: ContainerDep, lang: Annotated[Literal["zh", "en"], Query()] = "en"
) -> DiffOut:
    """Section by section against the version published before it."""
    d = pv.diff_version(c.uow(readonly=True), version, lang)
    return DiffOut(
        version=d.version.version,
        previous=d.previous.version if d.previous else None,
        lang=d.lang,
        previous_missing=d.previous_missing,
        sections=[SectionOut.of(s) for s in d.sections],
    )


@router.get(P + "/drafts", response_model=list[DraftOut])
def list_drafts(
    c: ContainerDep,
    actor: Authorized,
    status_: Annotated[DraftStatus | None, Query(alias="status")] = None,
) -> list[DraftOut]:
    del actor
    found = pv.list_drafts(c.uow(readonly=True), (status_,) if status_ else ())
    return [DraftOut.of(d) for d in found]


@router.post(P + "/drafts", response_model=DraftOut, status_code=status.HTTP_201_CREATED)
def propose_draft(body: DraftIn, c: ContainerDep, actor: Authorized) -> DraftOut:
    """A draft of a new version; nothing changes until it is published."""
    given = pv.DraftInput(
        body.text_en,
        body.text_zh,
        body.effective_on,
        body.summary_en,
        body.summary_zh,
        body.material,
        tuple(c.value for c in body.changes),
        tuple(body.purposes),
        body.notify,
    )
    return DraftOut.of(pv.propose_version(c.uow(), c.snapshots, c.clock, actor, given), text=True)


@router.get(P + "/drafts/{draft_id}", response_model=DraftOut)
def get_draft(draft_id: str, c: ContainerDep, actor: Authorized) -> DraftOut:
    del actor
    return DraftOut.of(pv.get_draft(c.uow(readonly=True), draft_id), text=True)


@router.post(P + "/drafts/{draft_id}/publish", response_model=PublishedOut)
def publish_draft(draft_id: str, c: ContainerDep, actor: Authorized) -> PublishedOut:
    """Publish as the next version (a material change: not by its proposer); queues the
    notices."""
    done = pv.publish_draft(c.uow(), c.snapshots, c.clock, actor, draft_id)
    return PublishedOut(version=PolicyOut.of(done.version, text=False), notices=done.notices)


@router.post(P + "/drafts/{draft_id}/reject", response_model=DraftOut)
def reject_draft(draft_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized) -> DraftOut:
    return DraftOut.of(pv.reject_draft(c.uow(), c.clock, actor, draft_id, body.reason))


@router.get(P + "/versions/{version}/notices", response_model=NoticesOut)
def version_notices(
    version: str,
    c: ContainerDep,
    actor: Authorized,
    status_: Annotated[NoticeStatus | None, Query(alias="status")] = None,
    subject_id: Annotated[str | None, Query(max_length=64)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> NoticesOut:
    """Counts by status and, per person, the notice's status (ids, dates, reply codes)."""
    del actor
    uow = c.uow(readonly=True)
    progress = views.notice_progress(uow, version)
    rows = views.list_notices(
        uow,
        version,
        (status_,) if status_ else (),
        subject_id=subject_id,
        limit=limit,
        offset=offset,
    )
    return NoticesOut.of(progress, rows)


@router.post(P + "/versions/{version}/notices/release", response_model=dict[str, int])
def release_notices(
    version: str, body: ReleaseIn, c: ContainerDep, actor: Authorized
) -> dict[str, int]:
    """Send uncertain or failed notices again (an uncertain one may arrive twice)."""
    return {"released": views.release_notices(c.uow(), c.clock, actor, version, body.subject_ids)}
