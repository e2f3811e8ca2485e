"""The console's front page (issue 13; R2.6, R9.2, R2.5, R2.7, R5.1, R10.2): what needs the
person signed in now, each item a link to the page where it is done — overdue and due-soon
requests, legal exceptions waiting for a second approver, findings open too long, exports
about to expire, systems waiting for approval, staff accounts without two-step sign-in or
with an old password — and the state of the controls: the last audit verification and
signed checkpoint, the key-encryption key versions in use. Each area says what needs
attention through its `attention(c, actor)`; a person sees only what their roles may open
(the authorization table, web/rules/). A locked session gets the unlock form, no data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.rights.ports import QueueFilter
from piiguard.domain.staff_security import SessionState, session_state
from piiguard.services.rights.intake import list_requests, request_counts
from piiguard.services.staff.accounts import list_departments
from piiguard.web.authz import Authorized
from piiguard.web.console import texts
from piiguard.web.console.assessments import duties as accountability
from piiguard.web.console.assessments import texts as accountability_texts
from piiguard.web.console.backups import pages as backups
from piiguard.web.console.backups import texts as backups_texts
from piiguard.web.console.custody import pages as custody
from piiguard.web.console.custody import texts as custody_texts
from piiguard.web.console.datamap import pages as datamap
from piiguard.web.console.datamap import texts as datamap_texts
from piiguard.web.console.incidents import pages as incidents
from piiguard.web.console.incidents import texts as incidents_texts
from piiguard.web.console.kit import console_page, may_open
from piiguard.web.console.oversight import pages as oversight
from piiguard.web.console.oversight import texts as oversight_texts
from piiguard.web.console.pages import page
from piiguard.web.console.policy import pages as policy
from piiguard.web.console.policy import texts as policy_texts
from piiguard.web.console.retention import pages as retention
from piiguard.web.console.retention import texts as retention_texts
from piiguard.web.console.sharing import abroad as sharing_abroad
from piiguard.web.console.sharing import business as sharing_business
from piiguard.web.console.sharing import exemptions as sharing_exemptions
from piiguard.web.console.sharing import legal as sharing_legal
from piiguard.web.console.sharing import notices as sharing_notices
from piiguard.web.console.sharing import pages as sharing
from piiguard.web.console.sharing import texts as sharing_texts
from piiguard.web.console.team import pages as team
from piiguard.web.console.team import texts as team_texts
from piiguard.web.console.upkeep import pages as upkeep
from piiguard.web.console.upkeep import texts as upkeep_texts
from piiguard.web.deps import ContainerDep, request_token
from piiguard.web.session import staff_session

router = APIRouter(prefix="/console", include_in_schema=False)
DUE_SOON_DAYS = 7


def _requests(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """Overdue and due-soon requests of the person (R9.2), for those who may open the queue."""
    if not may_open(actor, "/console/requests"):
        return []
    now = c.clock.now()
    n_open, overdue = request_counts(c.uow(readonly=True), now)
    soon = [
        r
        for r in list_requests(
            c.uow(readonly=True),
            QueueFilter(due_before=now + timedelta(days=DUE_SOON_DAYS), limit=1000),
        )
        if not r.overdue(now)
    ]
    return [
        {"key": "requests_overdue", "count": overdue, "href": "/console/requests?overdue=1"},
        {"key": "requests_due_soon", "count": len(soon), "href": "/console/requests"},
        {"key": "requests_open", "count": n_open, "href": "/console/requests"},
    ]


def _attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    items = _requests(c, actor)
    for area in (
        oversight,
        datamap,
        team,
        retention,
        upkeep,
        custody,
        backups,
        policy,
        incidents,
        sharing,
        sharing_abroad,
        sharing_notices,
        sharing_exemptions,
        sharing_legal,
        sharing_business,
        accountability,
    ):
        items += area.attention(c, actor)
    return [i for i in items if may_open(actor, i["href"].split("?", 1)[0])]


def words(lang: str) -> dict[str, str]:
    """The front page's words: the console's, with each area's words for what it flags
    (`attn_<key>`)."""
    areas = {
        **datamap_texts.words(lang),
        **oversight_texts.words(lang),
        **team_texts.words(lang),
        **retention_texts.words(lang),
        **upkeep_texts.words(lang),
        **incidents_texts.words(lang),
        **custody_texts.words(lang),
        **backups_texts.words(lang),
        **policy_texts.words(lang),
        **sharing_texts.words(lang),
        **sharing_abroad.words(lang),
        **sharing_notices.words(lang),
        **sharing_exemptions.words(lang),
        **sharing_legal.words(lang),
        **sharing_business.words(lang),
        **accountability_texts.words(lang),
    }
    return {k: v for k, v in areas.items() if k.startswith("attn_")} | texts.words(lang)


def _keys(c: Container, actor: Actor) -> dict[str, Any] | None:
    """The KEK versions in use (R5.1), for those who may read the audit views."""
    if not may_open(actor, "/console/audit"):
        return None
    current, in_use = c.vault.key_versions()
    return {"current": current, "in_use": sorted(in_use.items())}


@router.get("", response_class=HTMLResponse)
def front_page(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    session = staff_session(request)
    assert session is not None  # noqa: S101 (authorize put it there)
    if session_state(session, c.clock.now(), c.staff.policy) is SessionState.LOCKED:
        csrf = c.staff.csrf_token(request_token(request) or "")
        return page(
            request, "console/locked.html", {"csrf": csrf, "mfa": session.staff.mfa_enrolled}
        )
    account = session.staff
    purposes = next(
        (d.purposes for d in list_departments(c.uow(readonly=True)) if d.key == account.department),
        frozenset(),
    )
    trail = oversight.trail_state(c) if may_open(actor, "/console/audit") else None
    return console_page(
        request,
        c,
        actor,
        "console/home.html",
        {
            "account": account,
            "role_list": sorted(actor.roles),
            "purposes": sorted(purposes),
            "expires_at": session.expires_at,
            "idle_minutes": f"{c.staff.policy.idle_minutes:g}",
            "attention": _attention(c, actor),
            "trail": trail,
            "keys": _keys(c, actor),
        },
        words=words,
    )
