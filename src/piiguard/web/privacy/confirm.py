"""The privacy centre's confirmation page (R2.8): the link mailed to a person whose data has
gone unconfirmed names a confirmation request and shows nothing of them; they ask for a
one-time code (mailed to the address we hold), enter it, and only then see the items —
category, when collected and last confirmed, their own value — to confirm each one or give
the correct value (a rights correction: services/rights/confirmations.py). The pass after
the code is a cookie of its own (`__Host-piiguard-confirm-pass`, 30 minutes). The frame,
CSRF check and cookies are web/privacy/pages.py's."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.errors import Conflict, InvalidInput, MailError, NotFound, TooManyAttempts
from piiguard.domain.retention.upkeep import ConfirmationRequest
from piiguard.services.retention.upkeep.person import (
    PASS_MINUTES,
    CodeRefused,
    by_token,
    confirm_by_person,
    own_items,
    read_pass,
    send_code,
    verify_code,
)
from piiguard.services.rights.confirmations import correct_from_confirmation
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language, see
from piiguard.web.privacy.pages import Text, csrf_ok, not_found, page
from piiguard.web.privacy.texts import words
from piiguard.web.session import COOKIE_PARAMS

log = logging.getLogger("piiguard.web")
router = APIRouter(prefix="/privacy/confirm", include_in_schema=False)
CONFIRM_PASS = "__Host-piiguard-confirm-pass"  # noqa: S105 (a cookie name)

WORDS: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "title": ("确认您的个人信息", "Confirm your personal information"),
    "intro": (
        "我们保存的部分个人信息已有一段时间未经确认。为保护您的信息，请先获取验证码："
        "验证码将发送到我们保存的您的电子邮箱。输入验证码后才会显示这些信息。",
        "Some personal information we hold about you has not been confirmed for a while. "
        "To protect it, first ask for a one-time code: it goes to the email address we "
        "hold. The information is shown only after the code.",
    ),
    "send_code": ("发送验证码", "Send me a code"),
    "code_sent": ("验证码已发送，请查收邮件。", "The code is on its way: check your mail."),
    "code_label": ("验证码", "One-time code"),
    "verify": ("确认", "Continue"),
    "items_intro": (
        "请逐项确认信息仍然正确，或填写正确的内容。",
        "For each item, confirm it is still correct or give the correct value.",
    ),
    "category": ("类别", "Category"),
    "value": ("我们保存的内容", "What we hold"),
    "collected": ("收集日期", "Collected"),
    "confirmed": ("上次确认", "Last confirmed"),
    "correct_value": ("正确的内容（如需更正）", "Correct value (if it needs correcting)"),
    "keep": ("仍然正确", "Still correct"),
    "submit": ("提交", "Submit"),
    "answered": (
        "谢谢，已收到您的确认。更正会通知所有保存该信息的系统，并以邮件答复您。",
        "Thank you: your answer is recorded. A correction is passed on to every system "
        "holding the information, and we reply by mail.",
    ),
    "closed": ("此请求已经答复，无需再操作。", "This request is already answered."),
    "nothing": ("没有需要确认的信息。", "There is nothing to confirm."),
    "err_csrf": ("表单已过期，请重试。", "The form expired; please try again."),
    "err_long": (
        "内容过长：最多 10,000 个字符。",
        "Too long: at most 10,000 characters.",
    ),
    "err_wait": (
        "验证码刚刚发送，请一分钟后再试。",
        "A code was just sent; try again in a minute.",
    ),
    "err_mail": (
        "暂时无法发送邮件，请稍后再试或直接与我们联系。",
        "We cannot send mail right now; try later or contact us.",
    ),
    "err_no_mail": (
        "我们无法向您发送验证码，请与我们联系。",
        "We cannot mail you a code; please contact us.",
    ),
    "err_value": (
        "请填写正确的内容，或选择“仍然正确”。",
        "Give the correct value, or choose “Still correct”.",
    ),
}


def _w(request: Request) -> dict[str, str]:
    i = 0 if language(request) == "zh-CN" else 1
    return {k: v[i] for k, v in WORDS.items()}


def _request(c: Container, token: str) -> ConfirmationRequest | None:
    try:
        return by_token(c.uow(readonly=True), c.requests, token)
    except NotFound:
        return None


def _page(
    request: Request,
    c: Container,
    token: str,
    q: ConfirmationRequest,
    *,
    error: str | None = None,
    notice: str | None = None,
    status: int = 200,
    answer: Answer | None = None,
) -> HTMLResponse:
    w = _w(request)
    zh = language(request) == "zh-CN"
    verified = read_pass(c.requests, request.cookies.get(CONFIRM_PASS)) == q.id
    rows: list[dict[str, Any]] = []
    if verified and q.status.open:
        shown = own_items(c.uow(), c.requests, q.id)
        taxonomy = c.requests.policy.read(c.uow(readonly=True)).taxonomy
        for it in shown.items:
            cat = taxonomy.get(it.record.category)
            rows.append(
                {
                    "id": it.record.id,
                    "category": cat.name_zh if zh else cat.name,
                    "value": it.value or "",
                    "collected": it.record.provenance.collected_at.strftime("%Y-%m-%d"),
                    "confirmed": it.record.last_confirmed_at.strftime("%Y-%m-%d"),
                    "done": it.record.id in q.outcome,
                }
            )
    return page(
        request,
        c,
        "privacy/confirm.html",
        {
            "w": w,
            "token": token,
            "q": q,
            "verified": verified,
            "rows": rows,
            "error": error,
            "notice": notice,
            "answer": answer or Answer(),
            "summary": _summary(error, answer, verified),
        },
        status,
        here=f"/privacy/confirm/{token}",
        form=True,
    )


@dataclass(frozen=True, slots=True)
class Answer:
    """An item form refused: each item's message, and what was typed and ticked."""

    errors: dict[str, str] = field(default_factory=dict)  # item id -> message
    values: dict[str, str] = field(default_factory=dict)
    keep: frozenset[str] = frozenset()


def _summary(
    error: str | None, answer: Answer | None, verified: bool
) -> list[tuple[str | None, str]]:
    """The error summary's links: to each item's field, or to the code field where it is."""
    if answer and answer.errors:
        return [(f"value-{i}", m) for i, m in sorted(answer.errors.items())]
    if error:
        return [(None if verified else "code", error)]
    return []


@router.get("/{token}", response_class=HTMLResponse)
def confirm_page(request: Request, c: ContainerDep, token: str) -> HTMLResponse:
    q = _request(c, token)
    if q is None:
        return not_found(request, c)
    w = _w(request)
    shown = request.query_params.get("shown")
    notice = {"code": w["code_sent"], "answered": w["answered"]}.get(shown or "")
    if not q.status.open and notice is None:
        notice = w["closed"]
    return _page(request, c, token, q, notice=notice)


@router.post("/{token}/code", response_class=HTMLResponse)
def confirm_code(request: Request, c: ContainerDep, token: str, csrf_token: Text = "") -> Response:
    q = _request(c, token)
    if q is None:
        return not_found(request, c)
    w = _w(request)
    if not csrf_ok(request, c, csrf_token):
        return _page(request, c, token, q, error=w["err_csrf"], status=403)
    try:
        send_code(c.uow(), c.requests, token)
    except TooManyAttempts:
        return _page(request, c, token, q, error=w["err_wait"], status=429)
    except Conflict as exc:
        key = "closed" if exc.field == "status" else "err_no_mail"
        return _page(request, c, token, q, error=w[key], status=409)
    except MailError as exc:
        log.warning("confirmation page: the code mail failed: %s", type(exc).__name__)
        return _page(request, c, token, q, error=w["err_mail"], status=503)
    return see(f"/privacy/confirm/{token}?shown=code")


@router.post("/{token}/verify", response_class=HTMLResponse)
def confirm_verify(
    request: Request, c: ContainerDep, token: str, csrf_token: Text = "", code: Text = ""
) -> Response:
    q = _request(c, token)
    if q is None:
        return not_found(request, c)
    w = _w(request)
    if not csrf_ok(request, c, csrf_token):
        return _page(request, c, token, q, error=w["err_csrf"], status=403)
    try:
        issued = verify_code(c.uow(), c.requests, token, code[:64])
    except CodeRefused as exc:
        t = words(language(request))  # the privacy centre's own words for a code refused
        said = t["err_code_dead"] if exc.left is None else t["err_code_wrong"].format(n=exc.left)
        return _page(request, c, token, q, error=said, status=422)
    except Conflict:
        return see(f"/privacy/confirm/{token}")
    response = see(f"/privacy/confirm/{token}")
    response.set_cookie(CONFIRM_PASS, issued, max_age=PASS_MINUTES * 60, **COOKIE_PARAMS)
    return response


def _sorted(
    q: ConfirmationRequest,
    keep: list[str],
    typed: dict[str, str],
    held: dict[str, str],
    w: dict[str, str],
) -> tuple[dict[str, str], dict[str, str]]:
    """The corrections given and each item's error; a value typed as we hold it joins
    `keep` (still correct). Nothing chosen at all: an error on the first item."""
    errors: dict[str, str] = {}
    values: dict[str, str] = {}
    for i, given in typed.items():
        if not given or i in keep or i in q.outcome:
            continue
        if len(given) > 10_000:
            errors[i] = w["err_long"]
        elif given == held.get(i):
            keep.append(i)
        else:
            values[i] = given
    if not keep and not values and not errors:
        first = next((i for i in sorted(q.item_ids) if i not in q.outcome), None)
        errors = {first: w["err_value"]} if first else {}
    return values, errors


@router.post("/{token}", response_class=HTMLResponse)
async def confirm_answer(request: Request, c: ContainerDep, token: str) -> Response:
    """Each item: `keep_<id>` (still correct) or `value_<id>` (the correct value)."""
    q = _request(c, token)
    if q is None:
        return not_found(request, c)
    w = _w(request)
    form = await request.form()
    if not csrf_ok(request, c, str(form.get("csrf_token", ""))):
        return _page(request, c, token, q, error=w["err_csrf"], status=403)
    if read_pass(c.requests, request.cookies.get(CONFIRM_PASS)) != q.id or not q.status.open:
        return see(f"/privacy/confirm/{token}")
    keep = [i for i in q.item_ids if form.get(f"keep_{i}")]
    typed = {i: str(form.get(f"value_{i}", "")).strip() for i in q.item_ids}
    held = {it.record.id: it.value or "" for it in own_items(c.uow(), c.requests, q.id).items}
    values, errors = _sorted(q, keep, typed, held, w)
    if errors:  # nothing recorded: the page again, the fields marked, the input kept
        said = Answer(errors, {i: v for i, v in typed.items() if v}, frozenset(keep))
        return _page(request, c, token, q, answer=said, status=422)
    try:  # corrections first: a refused one leaves the ticked items unrecorded too
        if values:
            correct_from_confirmation(c.uow(), c.requests, q.id, values)
        if keep:
            confirm_by_person(c.uow(), c.requests, q.id, keep)
    except (InvalidInput, Conflict):
        return _page(request, c, token, q, error=w["err_value"], status=422)
    return see(f"/privacy/confirm/{token}?shown=answered")
