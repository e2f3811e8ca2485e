"""The staff console's step forms on one request (R4.3, R4.4, R9.2), as one table, `STEPS`:
assign, identity verified by other means, a reply sent by other means, document check and
approval (four eyes; the approve form re-authenticates when the sign-in is older than
`reauth_minutes`), wait on the requester and resume, a correction applied, unfounded / fee /
waiver / refusal, a system's notice waived. Each entry names the form's fields, how they
become the service's arguments, the service call, and whether the request may then be
ready; `take_step` does what every step does.

Every step is a POST to /console/requests/{request_id}/<step> (a system's notice:
.../tasks/{task_id}/waive) with the session's CSRF token, and its own route, so that
web/authz.py's rules say who may take it. It answers 303 back to the request's page
(web/console/rights.py) with a message, or that page with the error next to the field;
after a step that may make the request ready, the request is carried out."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
    back_to_request,
    error_status,
    form_error,
    request_page,
)
from piiguard.web.deps import ContainerDep, request_token
from piiguard.web.session import staff_session

router = APIRouter(prefix="/console/requests", include_in_schema=False)
SECRET = frozenset({"password", "code"})  # never shown again in a form with an error


@dataclass(frozen=True, slots=True)
class Posted:
    """A step form as posted: who, on which request (and system task), the form's values."""

    request: Request
    c: Container
    actor: Actor
    request_id: str
    values: dict[str, str]
    task_id: str = ""

    def __getitem__(self, name: str) -> str:
        return self.values[name]


def _field(name: str, kind: Any = Text, default: str = "") -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)


@dataclass(frozen=True, slots=True)
class Step:
    """One step form. `service` is called with (unit of work, the requests' kit, actor, the
    request's id — the task's for a task's form) and then `args(posted)`: by default the
    fields' values in order; a step whose form needs more (a check, re-authentication,
    values put together) says how, raising a DomainError naming the field at fault."""

    service: Callable[..., object]
    fields: tuple[inspect.Parameter, ...] = ()
    args: Callable[[Posted], tuple[object, ...]] | None = None
    advance: bool = False  # the request may now be ready: carry it out
    on_task: bool = False  # a system task's form: .../tasks/{task_id}/waive

    @property
    def names(self) -> frozenset[str]:
        """The form's fields: an error on one of them is shown next to it."""
        return frozenset(f.name for f in self.fields)


def _approve(p: Posted) -> tuple[object, ...]:
    """Four eyes: another officer than the one who checked the document; after a recent
    sign-in, or the password (and code) given again in this form."""
    session = staff_session(p.request)
    if p["password"]:
        answer = p["code"].strip()
        totp, recovery = (answer, None) if answer.isdigit() else (None, answer or None)
        session = reauthenticate(
            p.c.staff,
            p.c.uow(),
            request_token(p.request) or "",
            p["password"],
            totp=totp,
            recovery_code=recovery,
            address=request_address(p.request),
        )
    if session is None:
        raise NotAuthenticated("no staff session on this request")
    require_recent_auth(p.c.staff, session)
    return ()


def _correction(p: Posted) -> tuple[object, ...]:
    category, value = p["category"], p["value"]
    if not category or not value.strip():
        raise InvalidInput(
            "choose a category and give the correct value",
            field="value" if category else "category",
        )
    return ({category: value.strip()},)


def _fee(p: Posted) -> tuple[object, ...]:
    return f"{p['amount'].strip()} {p['currency'].strip()}", p["reason"]


REASON = _field("reason", Long)
# in the order the routes were declared; the path is /{request_id}/<name>
STEPS: dict[str, Step] = {
    "assign": Step(steps.assign_request, (_field("assignee"),)),
    "verify": Step(uc.verify_by_staff, (_field("method"),), advance=True),
    "replied": Step(fulfil.record_reply, (_field("how"),)),
    "document": Step(steps.check_document, (_field("document"),)),
    "approve": Step(
        steps.approve_request, (_field("password"), _field("code")), _approve, advance=True
    ),
    "pause": Step(steps.wait_on_requester, (_field("reason"),)),  # a short one: Text
    "resume": Step(steps.resume_request, advance=True),
    "correct": Step(
        fulfil.apply_correction, (_field("category"), _field("value", Long)), _correction
    ),
    "unfounded": Step(steps.flag_unfounded, (REASON,)),
    "waive": Step(steps.waive_excessive, (REASON,), advance=True),
    "fee": Step(
        steps.charge_fee, (_field("amount"), _field("currency", Text, "CNY"), REASON), _fee
    ),
    "refuse": Step(fulfil.refuse_request, (REASON,)),
    # a system need not confirm (done by hand, retired, ...): the reason is recorded; the
    # request completes once every system has settled
    "task": Step(jobs.waive_task, (REASON,), on_task=True),
}


def take_step(p: Posted, name: str, step: Step) -> Response:
    """Do one step; 303 back to the request with a message, or the page with the error next
    to the field. After a step that may make the request ready it is carried out."""
    form = f"task:{p.task_id}" if step.on_task else name
    values = {k: v for k, v in p.values.items() if k not in SECRET}
    try:
        args = step.args(p) if step.args else tuple(p[f.name] for f in step.fields)
        step.service(
            p.c.uow(), p.c.requests, p.actor, p.task_id if step.on_task else p.request_id, *args
        )
    except MailError:  # the step is recorded; the reply is retried by the jobs
        return back_to_request(p.request_id, name, warn="mail")
    except DomainError as exc:
        if isinstance(exc, NotFound) and exc.field in ("request_id", None, ""):
            raise  # no such request: the error page
        return request_page(
            p.request,
            p.c,
            p.actor,
            p.request_id,
            error=form_error(form, exc, step.names),
            values=values,
            status=error_status(exc),
        )
    warn = ""
    if step.advance:
        try:
            fulfil.advance(p.c.uow(), p.c.requests, p.request_id)
        except MailError:
            warn = "mail"
        except DomainError as exc:
            warn = exc.code
    return back_to_request(p.request_id, name, warn=warn)


def _route(name: str, step: Step) -> Callable[..., Response]:
    """The route of one step: its signature declares the form's fields (FastAPI reads them,
    checks their length, and web/inputs.py their characters, as for any form)."""

    def route(
        request: Request,
        c: Container,
        actor: Actor,
        request_id: str,
        task_id: str = "",
        **values: str,
    ) -> Response:
        return take_step(Posted(request, c, actor, request_id, values, task_id), name, step)

    def param(n: str, annotation: Any) -> inspect.Parameter:
        return inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, annotation=annotation)

    route.__name__ = route.__qualname__ = f"waive_{name}" if step.on_task else name
    route.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [param("request", Request), param("request_id", str)]
        + ([param("task_id", str)] if step.on_task else [])
        + [param("c", ContainerDep), param("actor", Authorized), *step.fields],
        return_annotation=Response,
    )
    return route


for _name, _step in STEPS.items():
    router.add_api_route(
        "/{request_id}/tasks/{task_id}/waive" if _step.on_task else f"/{{request_id}}/{_name}",
        _route(_name, _step),
        methods=["POST"],
        response_class=HTMLResponse,
    )
