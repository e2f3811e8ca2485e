"""The privacy centre's renewal page (R2.4, R8.1): the link in the notice of a material
policy change names the notice and shows nothing of the person; they ask for a one-time code
(mailed to the address we hold), enter it, and only then see the purposes whose consent the
new version asks them to renew — renew or decline each. The pass after the code is a cookie
of its own (`__Host-piiguard-renew-pass`, 30 minutes). The use cases are
services/notices/person.py; the frame, CSRF check and cookies web/privacy/pages.py's."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.errors import Conflict, InvalidInput, MailError, NotFound, TooManyAttempts
from piiguard.domain.policy.notices import Notice, RenewalAnswer
from piiguard.services.notices import person
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language, see
from piiguard.web.privacy.pages import Text, csrf_ok, not_found, page
from piiguard.web.session import COOKIE_PARAMS

log = logging.getLogger("piiguard.web")
router = APIRouter(prefix="/privacy/renew", include_in_schema=False)
RENEW_PASS = "__Host-piiguard-renew-pass"  # noqa: S105 (a cookie name)

WORDS: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "title": ("重新确认您的同意", "Renew your consent"),
    "intro": (
        "我们的隐私政策第 {v} 版对部分基于您同意的处理目的作了重大变更。为保护您的信息，请先"
        "获取验证码：验证码将发送到我们保存的您的电子邮箱。输入验证码后，您可以逐项选择重新"
        "同意或拒绝。",
        "Version {v} of our privacy policy changed purposes that rest on your consent. To "
        "protect your information, first ask for a one-time code: it goes to the email "
        "address we hold. After the code you can renew or decline each one.",
    ),
    "read": ("阅读新版政策及变更对比", "Read the new policy and what changed"),
    "send_code": ("发送验证码", "Send me a code"),
    "code_sent": ("验证码已发送，请查收邮件。", "The code is on its way: check your mail."),
    "code_label": ("验证码", "One-time code"),
    "verify": ("继续", "Continue"),
    "choose": (
        "请对每项目的选择“重新同意”或“拒绝”。拒绝即撤回您对该目的的同意，立即生效。",
        "For each purpose, choose renew or decline. Declining withdraws your consent to it, "
        "at once.",
    ),
    "renew": ("重新同意", "Renew my consent"),
    "decline": ("拒绝", "Decline"),
    "answered_renewed": ("您已重新同意。", "You renewed your consent."),
    "answered_declined": ("您已拒绝。", "You declined."),
    "submit": ("提交", "Submit"),
    "saved": ("谢谢，您的选择已记录。", "Thank you: your choices are recorded."),
    "consent_text": (
        "我同意 {company} 依据隐私政策第 {v} 版将我的个人信息用于：{purpose}。",
        "I agree that {company} uses my personal information for {purpose} under version "
        "{v} of its privacy policy.",
    ),
    "err_csrf": ("表单已过期，请重试。", "The form expired; please try again."),
    "err_code": ("验证码错误或已过期：{detail}", "Wrong or expired code: {detail}"),
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
    "err_choice": (
        "请至少为一项目的选择“重新同意”或“拒绝”。",
        "Choose renew or decline for at least one purpose.",
    ),
}


def _w(request: Request) -> dict[str, str]:
    i = 0 if language(request) == "zh-CN" else 1
    return {k: v[i] for k, v in WORDS.items()}


def _notice(c: Container, token: str) -> Notice | None:
    try:
        return person.by_token(c.uow(readonly=True), c.requests, token)
    except NotFound:
        return None


def _wording(request: Request, c: Container, n: Notice, name: str) -> str:
    return _w(request)["consent_text"].format(company=c.requests.company, v=n.version, purpose=name)


def _page(
    request: Request,
    c: Container,
    token: str,
    n: Notice,
    *,
    error: str | None = None,
    field: str = "code",
    notice: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    w = _w(request)
    zh = language(request) == "zh-CN"
    verified = person.passed(c.requests, n, request.cookies.get(RENEW_PASS))
    rows = []
    if verified:
        for it in person.renewal_items(c.uow(), c.requests, n):
            name = it.purpose.zh if zh else it.purpose.en
            rows.append(
                {
                    "key": it.purpose.key,
                    "name": name,
                    "answer": it.answer.value if it.answer else "",
                    "wording": _wording(request, c, n, name),
                }
            )
    return page(
        request,
        c,
        "privacy/renew.html",
        {
            "w": w,
            "token": token,
            "n": n,
            "verified": verified,
            "rows": rows,
            "error": error,
            "field": field,
            "notice": notice,
            "summary": [(field, error)] if error else [],
        },
        status,
        here=f"/privacy/renew/{token}",
        form=True,
    )


@router.get("/{token}", response_class=HTMLResponse)
def renew_page(request: Request, c: ContainerDep, token: str) -> HTMLResponse:
    n = _notice(c, token)
    if n is None:
        return not_found(request, c)
    w = _w(request)
    shown = request.query_params.get("shown")
    return _page(
        request, c, token, n, notice={"code": w["code_sent"], "saved": w["saved"]}.get(shown or "")
    )


@router.post("/{token}/code", response_class=HTMLResponse)
def renew_code(request: Request, c: ContainerDep, token: str, csrf_token: Text = "") -> Response:
    n = _notice(c, token)
    if n is None:
        return not_found(request, c)
    w = _w(request)
    if not csrf_ok(request, c, csrf_token):
        return _page(request, c, token, n, error=w["err_csrf"], status=403)
    try:
        person.send_code(c.uow(), c.requests, token)
    except TooManyAttempts:
        return _page(request, c, token, n, error=w["err_wait"], status=429)
    except Conflict:
        return _page(request, c, token, n, error=w["err_no_mail"], status=409)
    except MailError as exc:
        log.warning("renewal page: the code mail failed: %s", type(exc).__name__)
        return _page(request, c, token, n, error=w["err_mail"], status=503)
    return see(f"/privacy/renew/{token}?shown=code")


@router.post("/{token}/verify", response_class=HTMLResponse)
def renew_verify(
    request: Request, c: ContainerDep, token: str, csrf_token: Text = "", code: Text = ""
) -> Response:
    n = _notice(c, token)
    if n is None:
        return not_found(request, c)
    w = _w(request)
    if not csrf_ok(request, c, csrf_token):
        return _page(request, c, token, n, error=w["err_csrf"], status=403)
    try:
        issued = person.verify_code(c.uow(), c.requests, token, code[:64])
    except InvalidInput as exc:
        return _page(request, c, token, n, error=w["err_code"].format(detail=exc), status=422)
    response = see(f"/privacy/renew/{token}")
    response.set_cookie(RENEW_PASS, issued, max_age=person.PASS_MINUTES * 60, **COOKIE_PARAMS)
    return response


@router.post("/{token}", response_class=HTMLResponse)
async def renew_answer(request: Request, c: ContainerDep, token: str) -> Response:
    """Each purpose: `answer_<purpose>` = renewed | declined."""
    n = _notice(c, token)
    if n is None:
        return not_found(request, c)
    w = _w(request)
    form = await request.form()
    if not csrf_ok(request, c, str(form.get("csrf_token", ""))):
        return _page(request, c, token, n, error=w["err_csrf"], status=403)
    if not person.passed(c.requests, n, request.cookies.get(RENEW_PASS)):
        return see(f"/privacy/renew/{token}")
    zh = language(request) == "zh-CN"
    answers: dict[str, RenewalAnswer] = {}
    wording: dict[str, str] = {}
    for it in person.renewal_items(c.uow(), c.requests, n):
        raw = str(form.get(f"answer_{it.purpose.key}", ""))
        if raw in (RenewalAnswer.RENEWED.value, RenewalAnswer.DECLINED.value):
            answers[it.purpose.key] = RenewalAnswer(raw)
            name = it.purpose.zh if zh else it.purpose.en
            wording[it.purpose.key] = _wording(request, c, n, name)
    try:
        person.answer_renewal(c.uow(), c.requests, n, answers, wording)
    except (InvalidInput, NotFound, Conflict):
        return _page(request, c, token, n, error=w["err_choice"], field="purposes", status=422)
    return see(f"/privacy/renew/{token}?shown=saved")
