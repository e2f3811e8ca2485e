"""The sharing pages (issue 15; R3.1–R3.3, R3.6, R7.1; docs/sharing.md): the recipient
register with its form (/console/sharing), one recipient with its agreements (record,
terminate) and minimisation profiles (/console/sharing/recipients/{key}), the shares made
(/console/sharing/shares) and the disclosure log with the corrections and deletions passed
on (/console/sharing/log). Rows in web/rules/sharing.py; words in texts.py; templates in
templates/console/sharing/. A recipient's key or webhook secret is shown once, so those
are issued by the CLI or the API, not here."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.domain.sharing.disclosure import PassOnStatus
from piiguard.domain.sharing.register import (
    AgreementKind,
    AgreementStatus,
    RecipientKind,
    RecipientStatus,
    Treatment,
)
from piiguard.services.sharing import delivery
from piiguard.services.sharing import register as reg
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import (
    FieldError,
    may_open,
)
from piiguard.web.console.sharing import log
from piiguard.web.console.sharing.common import (
    HERE,
    ID,
    Check,
    Text,
    attempt,
    check_key,
    lines,
    page,
)
from piiguard.web.deps import ContainerDep

__all__ = ["attention", "router"]

router = APIRouter(prefix=HERE, include_in_schema=False)
router.include_router(log.router)
RECIPIENT_FIELDS = ("key", "kind", "legal_name", "country", "law", "contact", "systems", "status")
AGREEMENT_FIELDS = (
    "agreement_kind",
    "title",
    "parties",
    "purposes",
    "categories",
    "valid_from",
    "valid_until",
    "document_sha256",
    "document_location",
    "reference",
)


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """Agreements expiring within PIIGUARD_AGREEMENT_NOTICE_DAYS (or expired with their
    recipient still active), and corrections or deletions recipients have not confirmed."""
    if not may_open(actor, HERE):
        return []
    now = c.clock.now()
    soon = now + timedelta(days=c.settings.agreement_notice_days)
    agreements = reg.list_agreements(c.uow(readonly=True))
    ending = [a for a in agreements if a.in_force(now) and a.valid_until and a.valid_until <= soon]
    proposed = [a for a in agreements if a.status is AgreementStatus.PROPOSED]
    waiting = delivery.list_pass_ons(c.uow(readonly=True), [PassOnStatus.OPEN, PassOnStatus.SENT])
    return [
        {"key": "agreements_ending", "count": len(ending), "href": HERE},
        {"key": "agreements_proposed", "count": len(proposed), "href": HERE},
        {"key": "notices_unconfirmed", "count": len(waiting), "href": f"{HERE}/log"},
    ]


# -- the register ---------------------------------------------------------------------------


def _register(
    request: Request,
    c: Container,
    actor: Actor,
    errors: list[FieldError],
    values: dict[str, str],
    code: int,
) -> HTMLResponse:
    found = reg.list_recipients(c.uow(readonly=True))
    home = c.settings.home_region
    return page(
        request,
        c,
        actor,
        "recipients.html",
        {
            "rows": found,
            "home": home,
            "kinds": [k.value for k in RecipientKind],
            "statuses": [s.value for s in RecipientStatus],
        },
        errors=errors,
        values=values,
        status=code,
    )


@router.get("", response_class=HTMLResponse)
def recipients(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _register(request, c, actor, [], {}, 200)


@router.post("/recipients", response_class=HTMLResponse)
def save_recipient(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    key: Text = "",
    kind: Text = "",
    legal_name: Text = "",
    country: Text = "",
    law: Text = "",
    contact: Text = "",
    systems: Text = "",
    status: Text = "active",
) -> Response:
    values = {
        "key": key,
        "kind": kind,
        "legal_name": legal_name,
        "country": country,
        "law": law,
        "contact": contact,
        "systems": systems,
        "status": status,
    }
    check = Check(request)
    check.text("key", key, required=True, most=50)
    the_kind = check.choice("kind", kind, [k.value for k in RecipientKind])
    if not kind:
        check.fail("kind", "required")
    the_status = check.choice("status", status, [s.value for s in RecipientStatus])

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _register(request, c, actor, errors, values, code)

    if check.errors:
        return again(check.errors, 422)
    given = reg.RecipientInput(
        key.strip(),
        RecipientKind(the_kind or "group_company"),
        legal_name,
        country.strip(),
        law,
        contact,
        frozenset(lines(systems)),
        RecipientStatus(the_status or "active"),
    )
    return attempt(
        request,
        RECIPIENT_FIELDS,
        again,
        lambda: reg.save_recipient(c.uow(), c.clock, actor, given),
        f"{HERE}/recipients/{key.strip()}",
        "recipient",
    )


# -- one recipient --------------------------------------------------------------------------


def _recipient(
    request: Request,
    c: Container,
    actor: Actor,
    key: str,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    code: int = 200,
) -> HTMLResponse:
    r, agreements, profiles, url, has_key = reg.recipient_detail(
        c.uow(readonly=True), check_key(key)
    )
    now = c.clock.now()
    return page(
        request,
        c,
        actor,
        "recipient.html",
        {
            "r": r,
            "abroad": r.abroad(c.settings.home_region),
            "agreements": [(a, a.state(now)) for a in agreements],
            "profiles": [(p, sorted(p.fields.items())) for p in profiles],
            "webhook_url": url,
            "has_key": has_key,
            "agreement_kinds": [k.value for k in AgreementKind],
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/recipients/{key}", response_class=HTMLResponse)
def recipient(key: str, request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _recipient(request, c, actor, key)


def _day(check: Check, field: str, value: str, *, required: bool = False) -> datetime | None:
    day = check.day(field, value)
    if day is None and required and not value.strip():
        check.fail(field, "required")
    return datetime.combine(day, time(0), UTC) if day else None


@router.post("/recipients/{key}/agreements", response_class=HTMLResponse)
def record_agreement(
    key: str,
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    agreement_kind: Text = "",
    title: Text = "",
    parties: Text = "",
    purposes: Text = "",
    categories: Text = "",
    valid_from: Text = "",
    valid_until: Text = "",
    document_sha256: Text = "",
    document_location: Text = "",
    reference: Text = "",
) -> Response:
    values = {
        "agreement_kind": agreement_kind,
        "title": title,
        "parties": parties,
        "purposes": purposes,
        "categories": categories,
        "valid_from": valid_from,
        "valid_until": valid_until,
        "document_sha256": document_sha256,
        "document_location": document_location,
        "reference": reference,
    }
    check = Check(request)
    kind = check.choice("agreement_kind", agreement_kind, [k.value for k in AgreementKind])
    if not agreement_kind:
        check.fail("agreement_kind", "required")
    start = _day(check, "valid_from", valid_from, required=True)
    until = _day(check, "valid_until", valid_until)

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _recipient(request, c, actor, key, errors, values, code)

    if check.errors or start is None or kind is None:
        return again(check.errors, 422)
    given = reg.AgreementInput(
        check_key(key),
        AgreementKind(kind),
        title,
        tuple(lines(parties)),
        frozenset(lines(purposes)),
        frozenset(lines(categories)),
        start,
        until,
        document_sha256,
        document_location,
        reference,
    )
    return attempt(
        request,
        AGREEMENT_FIELDS,
        again,
        lambda: reg.record_agreement(c.uow(), c.snapshots, c.clock, actor, given),
        f"{HERE}/recipients/{key}",
        "agreement",
        aliases={"kind": "agreement_kind", "recipient": ""},
    )


@router.post("/recipients/{key}/agreements/{agreement_id}/approve", response_class=HTMLResponse)
def approve(
    key: str, agreement_id: str, request: Request, c: ContainerDep, actor: Authorized
) -> Response:
    """The second officer's approval (four eyes): from then on the agreement covers shares."""
    if not ID.fullmatch(agreement_id):
        raise NotFound("no such agreement", field="agreement_id")

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _recipient(request, c, actor, key, errors, {}, code)

    return attempt(
        request,
        (),
        again,
        lambda: reg.approve_agreement(c.uow(), c.clock, actor, agreement_id),
        f"{HERE}/recipients/{key}",
        "approved",
    )


@router.post("/recipients/{key}/agreements/{agreement_id}/terminate", response_class=HTMLResponse)
def terminate(
    key: str,
    agreement_id: str,
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    reason: Text = "",
) -> Response:
    if not ID.fullmatch(agreement_id):
        raise NotFound("no such agreement", field="agreement_id")

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _recipient(request, c, actor, key, errors, {"reason": reason}, code)

    return attempt(
        request,
        ("reason",),
        again,
        lambda: reg.terminate_agreement(c.uow(), c.clock, actor, agreement_id, reason),
        f"{HERE}/recipients/{key}",
        "terminated",
    )


@router.post("/recipients/{key}/profiles", response_class=HTMLResponse)
def save_profile(
    key: str,
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    purpose: Text = "",
    fields: Text = "",
) -> Response:
    values = {"purpose": purpose, "fields": fields}
    check = Check(request)
    check.text("purpose", purpose, required=True, most=64)
    parsed: dict[str, Treatment] = {}
    for line in lines(fields):
        cat, _, how = line.partition("=")
        try:
            parsed[cat.strip()] = Treatment(how.strip() or "whole")
        except ValueError:
            check.fail("fields", "bad_line")
            break
    if not parsed and not check.errors:
        check.fail("fields", "required")

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _recipient(request, c, actor, key, errors, values, code)

    if check.errors:
        return again(check.errors, 422)
    return attempt(
        request,
        ("purpose", "fields"),
        again,
        lambda: reg.save_profile(
            c.uow(), c.snapshots, c.clock, actor, check_key(key), purpose.strip(), parsed
        ),
        f"{HERE}/recipients/{key}",
        "profile",
        aliases={"categories": "fields", "category": "fields"},
    )
