"""Policy versions on the console (R8.1, R2.4): the versions and drafts; a version with its
section-by-section diff (zh and en); the draft form (privacy officers); a draft with what
publishing it would change, publishing (a material change: another officer than its
proposer, after a recent sign-in — four eyes, enforced by services/policy/versions.py) and
rejecting; the notices of a version per person, and sending uncertain or failed ones again.
Auditors read every page without a form. Rules: web/rules/policy.py."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, Forbidden, InvalidInput, NotFound
from piiguard.domain.policy.notices import NoticeStatus
from piiguard.domain.policy.versions import ChangeKind, DraftStatus, PolicyDraft
from piiguard.services.notices import views
from piiguard.services.policy import versions as pv
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import (
    FieldError,
    Pager,
    console_page,
    done,
    error_status,
    form_errors,
    may_open,
    recent_auth,
)
from piiguard.web.console.messages import label
from piiguard.web.console.policy.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/policy", include_in_schema=False)
# far above each field's own limit (the service's, shown on the form with the field
# marked): a form's own cap only answers the dead-end error page, the form lost
Text = Annotated[str, Form(max_length=1_000_000)]
Long = Text
Many = Annotated[list[str] | None, Form()]
Param = Annotated[str, Query(max_length=64)]
ID = re.compile(r"[A-Za-z0-9-]{1,64}")
FORM = (
    "text_en",
    "text_zh",
    "effective_on",
    "summary_en",
    "summary_zh",
    "material",
    "changes",
    "purposes",
)


def page(
    request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any], **kw: Any
) -> HTMLResponse:
    return console_page(request, c, actor, f"console/policy/{name}", context, words=words, **kw)


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """Drafts waiting to be published; notices of the latest version in doubt."""
    if not may_open(actor, "/console/policy"):
        return []
    waiting = pv.list_drafts(c.uow(readonly=True), (DraftStatus.PROPOSED,))
    items = [{"key": "policy_drafts", "count": len(waiting), "href": "/console/policy"}]
    latest = pv.current_policy(c.uow(readonly=True))
    if latest is not None:
        n = views.notice_progress(c.uow(readonly=True), latest.version).counts
        items.append(
            {
                "key": "policy_uncertain",
                "count": n.get(NoticeStatus.UNCERTAIN, 0),
                "href": f"/console/policy/versions/{latest.version}/notices?status=uncertain",
            }
        )
    return items


@router.get("", response_class=HTMLResponse)
def versions(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    """Every version, newest first, and the drafts (those waiting first)."""
    uow = c.uow(readonly=True)
    found = list(reversed(pv.policy_history(uow)))
    progress = {v.version: views.notice_progress(uow, v.version) for v in found}
    drafts = sorted(pv.list_drafts(uow), key=lambda d: d.status is not DraftStatus.PROPOSED)
    return page(
        request,
        c,
        actor,
        "index.html",
        {"versions": found, "progress": progress, "drafts": drafts},
    )


def _form(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    state = c.state
    zh = language(request) == "zh-CN"
    purposes = [
        (r.key, f"{r.key} — {r.zh if zh else r.en}" + (" ✓" if r.needs_consent else ""))
        for r in sorted(state.register.rules.values(), key=lambda r: r.key)
    ]
    return page(
        request,
        c,
        actor,
        "new.html",
        {
            "changes": [k.value for k in ChangeKind],
            "purposes": purposes,
            "today": c.clock.now().date().isoformat(),
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/drafts/new", response_class=HTMLResponse)
def new_draft(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _form(request, c, actor)


@router.post("/drafts", response_class=HTMLResponse)
def propose(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    text_en: Long = "",
    text_zh: Long = "",
    effective_on: Text = "",
    summary_en: Text = "",
    summary_zh: Text = "",
    material: Text = "",
    changes: Many = None,
    purposes: Many = None,
    notify: Text = "",
) -> Response:
    """Propose a draft; nothing changes until it is published."""
    values = {
        "text_en": text_en,
        "text_zh": text_zh,
        "effective_on": effective_on,
        "summary_en": summary_en,
        "summary_zh": summary_zh,
        "material": bool(material),
        "changes": changes or [],
        "purposes": purposes or [],
        "notify": bool(notify),
    }
    lang = language(request)
    try:
        day = date.fromisoformat(effective_on.strip()) if effective_on.strip() else None
    except ValueError:
        day = None
    if day is None:
        f = label("effective_on", lang)
        message = (
            f"「{f}」应为 YYYY-MM-DD 格式的日期。"
            if lang == "zh-CN"
            else ("Give the effective date as YYYY-MM-DD.")
        )
        return _form(
            request,
            c,
            actor,
            errors=[FieldError("effective_on", message)],
            values=values,
            code=422,
        )
    try:
        d = pv.propose_version(
            c.uow(),
            c.snapshots,
            c.clock,
            actor,
            pv.DraftInput(
                text_en,
                text_zh,
                day,
                summary_en,
                summary_zh,
                bool(material),
                tuple(changes or ()),
                tuple(purposes or ()),
                bool(notify),
            ),
        )
    except DomainError as exc:
        return _form(
            request,
            c,
            actor,
            errors=form_errors(exc, request, fields=FORM),
            values=values,
            code=error_status(exc),
        )
    return done(f"/console/policy/drafts/{d.id}", "proposed")


def _diff_lang(request: Request) -> str:
    raw = request.query_params.get("diff", "")
    if raw in ("zh", "en"):
        return raw
    return "zh" if language(request) == "zh-CN" else "en"


def _draft(c: Container, draft_id: str) -> PolicyDraft:
    if not ID.fullmatch(draft_id):
        raise NotFound("no such draft", field="draft_id")
    return pv.get_draft(c.uow(readonly=True), draft_id)


def _draft_page(
    request: Request,
    c: Container,
    actor: Actor,
    d: PolicyDraft,
    *,
    errors: list[FieldError] | None = None,
    code: int = 200,
) -> HTMLResponse:
    lang = _diff_lang(request)
    return page(
        request,
        c,
        actor,
        "draft.html",
        {
            "d": d,
            "own": d.proposed_by == actor.ref,
            "diff_lang": lang,
            "sections": pv.diff_draft(c.uow(readonly=True), d.id, lang),
        },
        errors=errors or [],
        status=code,
    )


@router.get("/drafts/{draft_id}", response_class=HTMLResponse)
def draft(request: Request, c: ContainerDep, actor: Authorized, draft_id: str) -> HTMLResponse:
    return _draft_page(request, c, actor, _draft(c, draft_id))


@router.post("/drafts/{draft_id}/publish", response_class=HTMLResponse)
def publish(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    draft_id: str,
    password: Text = "",
    code: Text = "",
) -> Response:
    """Publish as the next version (after a recent sign-in; a material one: not its
    proposer)."""
    d = _draft(c, draft_id)
    try:
        recent_auth(request, c, password, code)
        published = pv.publish_draft(c.uow(), c.snapshots, c.clock, actor, d.id)
    except DomainError as exc:
        errors = form_errors(exc, request, fields=("password", "code"))
        if isinstance(exc, Forbidden) and d.proposed_by == actor.ref:
            errors = [FieldError("", words(language(request))["pv_own_draft"])]
        return _draft_page(request, c, actor, d, errors=errors, code=error_status(exc))
    return done(f"/console/policy/versions/{published.version.version}", "published")


@router.post("/drafts/{draft_id}/reject", response_class=HTMLResponse)
def reject(
    request: Request, c: ContainerDep, actor: Authorized, draft_id: str, reason: Text = ""
) -> Response:
    d = _draft(c, draft_id)
    try:
        pv.reject_draft(c.uow(), c.clock, actor, d.id, reason)
    except DomainError as exc:
        return _draft_page(
            request,
            c,
            actor,
            d,
            errors=form_errors(exc, request, fields=("reason",)),
            code=error_status(exc),
        )
    return done(f"/console/policy/drafts/{d.id}", "rejected")


@router.get("/versions/{version}", response_class=HTMLResponse)
def version(request: Request, c: ContainerDep, actor: Authorized, version: str) -> HTMLResponse:
    """One version: its facts, the diff against the one before (zh or en), its text."""
    lang = _diff_lang(request)
    diff = pv.diff_version(c.uow(readonly=True), version[:32], lang)
    v = diff.version
    return page(
        request,
        c,
        actor,
        "version.html",
        {
            "v": v,
            "diff": diff,
            "diff_lang": lang,
            "text": v.text_in(lang),
            "progress": views.notice_progress(c.uow(readonly=True), v.version),
        },
    )


def _notices_page(
    request: Request,
    c: Container,
    actor: Actor,
    version: str,
    *,
    errors: list[FieldError] | None = None,
    code: int = 200,
) -> HTMLResponse:
    raw = request.query_params.get("status", "")
    wanted = NoticeStatus(raw) if raw in {s.value for s in NoticeStatus} else None
    person = request.query_params.get("subject_id", "").strip()
    bad = bool(raw and wanted is None) or bool(person and not ID.fullmatch(person))
    progress = views.notice_progress(c.uow(readonly=True), version)
    pager = Pager.of(request, 50)
    rows = views.list_notices(
        c.uow(readonly=True),
        version,
        (wanted,) if wanted else (),
        subject_id=person if person and not bad else None,
        limit=pager.size,
        offset=pager.offset,
    )
    total = progress.counts.get(wanted, 0) if wanted else progress.total
    if person:
        total = len(rows)
    return page(
        request,
        c,
        actor,
        "notices.html",
        {
            "version": version,
            "progress": progress,
            "statuses": [s.value for s in NoticeStatus],
            "status": wanted.value if wanted else "",
            "subject_id": person if not bad else "",
            "rows": rows,
            "pager": pager.counted(total, len(rows)),
            "releasable": {s.value for s in views.RELEASABLE},
        },
        errors=errors or [],
        status=code if not bad else 422,
    )


@router.get("/versions/{version}/notices", response_class=HTMLResponse)
def notices(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    version: str,
    status: Param = "",
    subject_id: Param = "",
) -> HTMLResponse:
    """Per person: the notice's status, attempts, reply code, renewal answer (no address)."""
    del status, subject_id  # read from the query by _notices_page, checked there
    return _notices_page(request, c, actor, version[:32])


@router.post("/versions/{version}/notices/release", response_class=HTMLResponse)
def release(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    version: str,
    subject_ids: Many = None,
) -> Response:
    """Put uncertain or failed notices back in the queue."""
    try:
        ids = [s for s in subject_ids or [] if ID.fullmatch(s)]
        if len(ids) != len(subject_ids or []):
            raise InvalidInput("name people by their ids", field="subject_ids")
        views.release_notices(c.uow(), c.clock, actor, version[:32], ids)
    except DomainError as exc:
        return _notices_page(
            request,
            c,
            actor,
            version[:32],
            errors=form_errors(exc, request, fields=("subject_ids",)),
            code=error_status(exc),
        )
    return done(f"/console/policy/versions/{version[:32]}/notices", "released")
