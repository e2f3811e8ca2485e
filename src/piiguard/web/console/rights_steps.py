"""The staff console's step forms on one request (R4.3, R4.4, R9.2): assign, identity
verified by other means, document check and approval (four eyes; the approve form
re-authenticates when the sign-in is older than `reauth_minutes`), wait on the requester
and resume, a correction applied, unfounded / fee / waiver / refusal, a system's notice
waived. Each is a POST with the session's CSRF token; it answers 303 back to the request's
page (web/console/rights.py) with a message, or that page with the error next to the
field; after a step that may make the request ready, the request is carried out."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput, MailError, NotAuthenticated, NotFound
from piiguard.services.rights import fulfilment as fulfil
from piiguard.services.rights import intake as uc
from piiguard.services.rights import jobs, steps
from piiguard.services.staff.login import reauthenticate, require_recent_auth
from piiguard.web.authz import Authorized
from piiguard.web.client_address import request_address
from piiguard.web.console.rights import (
    Long,
    Text,
    _back,
    _form_error,
    _request_page,
    _status,
)
from piiguard.web.deps import ContainerDep, request_token
from piiguard.web.session import staff_session

router = APIRouter(prefix="/console/requests", include_in_schema=False)


def _step(request: Request, c: Container, actor: Actor, request_id: str, form: str,
          action: Callable[[], object], values: dict[str, str], *, advance: bool = False
          ) -> Response:
    """Do one step; 303 back to the request with a message, or the page with the error next
    to the field. After a step that may make the request ready it is carried out."""
    done = form.split(":", 1)[0]
    try:
        action()
    except MailError:  # the step is recorded; the reply is retried by the jobs
        return _back(request_id, done, warn="mail")
    except DomainError as exc:
        if isinstance(exc, NotFound) and exc.field in ("request_id", None, ""):
            raise  # no such request: the error page
        return _request_page(request, c, actor, request_id, error=_form_error(form, exc),
                             values=values, status=_status(exc))
    warn = ""
    if advance:
        try:
            fulfil.advance(c.uow(), c.requests, request_id)
        except MailError:
            warn = "mail"
        except DomainError as exc:
            warn = exc.code
    return _back(request_id, done, warn=warn)


@router.post("/{request_id}/assign", response_class=HTMLResponse)
def assign(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
           assignee: Text = "") -> Response:
    return _step(request, c, actor, request_id, "assign", lambda: steps.assign_request(
        c.uow(), c.requests, actor, request_id, assignee), {"assignee": assignee})


@router.post("/{request_id}/verify", response_class=HTMLResponse)
def verify(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
           method: Text = "") -> Response:
    return _step(request, c, actor, request_id, "verify", lambda: uc.verify_by_staff(
        c.uow(), c.requests, actor, request_id, method), {"method": method}, advance=True)


@router.post("/{request_id}/replied", response_class=HTMLResponse)
def replied(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
            how: Text = "") -> Response:
    return _step(request, c, actor, request_id, "replied", lambda: fulfil.record_reply(
        c.uow(), c.requests, actor, request_id, how), {"how": how})


@router.post("/{request_id}/document", response_class=HTMLResponse)
def document(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
             document: Text = "") -> Response:
    return _step(request, c, actor, request_id, "document", lambda: steps.check_document(
        c.uow(), c.requests, actor, request_id, document), {"document": document})


@router.post("/{request_id}/approve", response_class=HTMLResponse)
def approve(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
            password: Text = "", code: Text = "") -> Response:
    """Four eyes: another officer than the one who checked the document; after a recent
    sign-in, or the password (and code) given again in this form."""
    def step() -> None:
        session = staff_session(request)
        if password:
            answer = code.strip()
            totp, recovery = (answer, None) if answer.isdigit() else (None, answer or None)
            session = reauthenticate(
                c.staff, c.uow(), request_token(request) or "", password, totp=totp,
                recovery_code=recovery, address=request_address(request))
        if session is None:
            raise NotAuthenticated("no staff session on this request")
        require_recent_auth(c.staff, session)
        steps.approve_request(c.uow(), c.requests, actor, request_id)

    return _step(request, c, actor, request_id, "approve", step, {}, advance=True)


@router.post("/{request_id}/pause", response_class=HTMLResponse)
def pause(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
          reason: Text = "") -> Response:
    return _step(request, c, actor, request_id, "pause", lambda: steps.wait_on_requester(
        c.uow(), c.requests, actor, request_id, reason), {"reason": reason})


@router.post("/{request_id}/resume", response_class=HTMLResponse)
def resume(request: Request, request_id: str, c: ContainerDep, actor: Authorized
           ) -> Response:
    return _step(request, c, actor, request_id, "resume", lambda: steps.resume_request(
        c.uow(), c.requests, actor, request_id), {}, advance=True)


@router.post("/{request_id}/correct", response_class=HTMLResponse)
def correct(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
            category: Text = "", value: Long = "") -> Response:
    def step() -> None:
        if not category or not value.strip():
            raise InvalidInput("choose a category and give the correct value",
                               field="value" if category else "category")
        fulfil.apply_correction(c.uow(), c.requests, actor, request_id,
                                {category: value.strip()})

    return _step(request, c, actor, request_id, "correct", step,
                 {"category": category, "value": value})


@router.post("/{request_id}/unfounded", response_class=HTMLResponse)
def unfounded(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
              reason: Long = "") -> Response:
    return _step(request, c, actor, request_id, "unfounded", lambda: steps.flag_unfounded(
        c.uow(), c.requests, actor, request_id, reason), {"reason": reason})


@router.post("/{request_id}/waive", response_class=HTMLResponse)
def waive(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
          reason: Long = "") -> Response:
    return _step(request, c, actor, request_id, "waive", lambda: steps.waive_excessive(
        c.uow(), c.requests, actor, request_id, reason), {"reason": reason}, advance=True)


@router.post("/{request_id}/fee", response_class=HTMLResponse)
def fee(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
        amount: Text = "", currency: Text = "CNY", reason: Long = "") -> Response:
    return _step(request, c, actor, request_id, "fee", lambda: steps.charge_fee(
        c.uow(), c.requests, actor, request_id, f"{amount.strip()} {currency.strip()}",
        reason), {"amount": amount, "currency": currency, "reason": reason})


@router.post("/{request_id}/refuse", response_class=HTMLResponse)
def refuse(request: Request, request_id: str, c: ContainerDep, actor: Authorized,
           reason: Long = "") -> Response:
    return _step(request, c, actor, request_id, "refuse", lambda: fulfil.refuse_request(
        c.uow(), c.requests, actor, request_id, reason), {"reason": reason})


@router.post("/{request_id}/tasks/{task_id}/waive", response_class=HTMLResponse)
def waive_task(request: Request, request_id: str, task_id: str, c: ContainerDep,
               actor: Authorized, reason: Long = "") -> Response:
    """A system need not confirm (done by hand, retired, ...): the reason is recorded; the
    request completes once every system has settled."""
    def step() -> None:
        jobs.waive_task(c.uow(), c.requests, actor, task_id, reason)

    return _step(request, c, actor, request_id, f"task:{task_id}", step, {"reason": reason})

