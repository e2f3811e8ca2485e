"""The notices before a first transfer abroad on the console (R7.1; docs/sharing.md):
/console/sharing/abroad/notices lists them (ids, recipient, purpose, categories, status —
never an address), those waiting for an officer first; an officer decides what is stuck —
the person was told another way (how), or the mail is tried again. The front page says how
many wait for an officer. Rows in web/rules/sharing.py; template
templates/console/sharing/abroad_notices.html."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.sharing.notice import STUCK, AbroadNoticeStatus, ToldBy
from piiguard.services.sharing import notice as uc
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, console_page, may_open
from piiguard.web.console.sharing import abroad
from piiguard.web.console.sharing.common import ID, Check, Param, Text, attempt
from piiguard.web.deps import ContainerDep
from piiguard.web.html import LANGS

HERE = "/console/sharing/abroad/notices"
router = APIRouter(prefix=HERE, include_in_schema=False)
STATUSES = tuple(s.value for s in AbroadNoticeStatus)

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "s_an_intro": (
        "向境外接收方（集团公司除外）首次提供某人的个人信息前，须先以邮件（中文或英文）告知"
        "本人接收方名称、所在国家或地区、处理目的、个人信息种类及向其行使权利的方式"
        "（《个人信息保护法》第三十九条）。告知记录为已发送前，对此人的提供暂不进行；"
        "无法发送的告知由隐私官决定：记录已通过其他方式告知，或重新发送。",
        "Before a person's data first goes to a recipient abroad (other than a group "
        "company), the person is mailed (in Chinese or English) the recipient, its country, "
        "the purpose, the categories and how to exercise their rights there (PIPL Art. 39). "
        "Until the notice is recorded as sent, shares of that person to that recipient are "
        "held. What cannot be mailed an officer decides: record the person told another "
        "way, or try the mail again.",
    ),
    "s_an_status": ("状态", "Status"),
    "s_an_all": ("全部", "all"),
    "s_an_show": ("查看", "Show"),
    "s_an_subject": ("个人", "Person"),
    "s_an_recipient": ("接收方", "Recipient"),
    "s_an_purpose": ("用途", "Purpose"),
    "s_an_categories": ("个人信息种类", "Categories"),
    "s_an_when": ("创建/发送", "Queued / sent"),
    "s_an_none": ("没有出境告知。", "No notices."),
    "s_an_told_by": ("告知方式", "Told by"),
    "s_an_record_told": ("记录已告知", "Record told"),
    "s_an_retry": ("重新发送", "Mail again"),
    "s_an_status_pending": ("待发送", "waiting to be mailed"),
    "s_an_status_sending": ("发送中", "being mailed"),
    "s_an_status_sent": ("已发送", "sent"),
    "s_an_status_told": ("已通过其他方式告知", "told another way"),
    "s_an_status_refused": ("邮件服务器拒收", "refused by the mail server"),
    "s_an_status_failed": ("多次发送失败", "failed after retries"),
    "s_an_status_no_contact": ("无可用邮箱", "no e-mail address"),
    "s_an_status_uncertain": ("发送结果不明", "uncertain (a pass stopped)"),
    "s_an_how_post": ("邮寄信件", "post"),
    "s_an_how_phone": ("电话", "phone"),
    "s_an_how_in_person": ("当面", "in person"),
    "s_an_how_other_channel": ("其他渠道（如应用内消息）", "another channel (e.g. in-app)"),
    "done_an_told": ("已记录：本人已被告知。", "Recorded: the person was told."),
    "done_an_retry": ("将在下一轮重新发送。", "It is mailed again on the next pass."),
    "attn_abroad_notices_stuck": (
        "{n} 份出境告知待隐私官处理",
        "Notices before a transfer abroad waiting for an officer: {n}",
    ),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return abroad.words(lang) | {k: v[i] for k, v in TEXT.items()}


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    if not may_open(actor, HERE):
        return []
    stuck = uc.list_abroad_notices(c.uow(readonly=True), STUCK, limit=1000)
    return [{"key": "abroad_notices_stuck", "count": len(stuck), "href": HERE}]


def _page(
    request: Request,
    c: Container,
    actor: Actor,
    status: str = "",
    errors: list[FieldError] | None = None,
    code: int = 200,
) -> HTMLResponse:
    check = Check(request)
    wanted = check.choice("status", status, STATUSES)
    found = uc.list_abroad_notices(
        c.uow(readonly=True), (AbroadNoticeStatus(wanted),) if wanted else (), limit=500
    )
    found.sort(key=lambda n: (not n.status.for_officer, -n.created_at.timestamp()))
    return console_page(
        request,
        c,
        actor,
        "console/sharing/abroad_notices.html",
        {
            "rows": found,
            "statuses": STATUSES,
            "status": wanted or "",
            "how": [h.value for h in ToldBy],
        },
        words=words,
        errors=[*check.errors, *(errors or [])],
        values={"status": status},
        status=422 if check.errors and code == 200 else code,
    )


@router.get("", response_class=HTMLResponse)
def notices(
    request: Request, c: ContainerDep, actor: Authorized, status: Param = ""
) -> HTMLResponse:
    """The notices, those waiting for an officer first."""
    return _page(request, c, actor, status)


def _step(
    request: Request, c: Container, actor: Actor, notice_id: str, step: Any, done: str
) -> Response:
    if not ID.fullmatch(notice_id):
        notice_id = "-"

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _page(request, c, actor, errors=errors, code=code)

    return attempt(request, ("told_by",), again, lambda: step(notice_id), HERE, done)


@router.post("/{notice_id}/told", response_class=HTMLResponse)
def told(
    notice_id: str, request: Request, c: ContainerDep, actor: Authorized, told_by: Text = ""
) -> Response:
    """The person was told another way: their share to that recipient may go."""
    check = Check(request)
    how = check.choice("told_by", told_by, [h.value for h in ToldBy])
    if not told_by:
        check.fail("told_by", "required")
    if check.errors or how is None:
        return _page(request, c, actor, errors=check.errors, code=422)
    return _step(
        request,
        c,
        actor,
        notice_id,
        lambda i: uc.record_told(c.uow(), c.requests, actor, i, ToldBy(how)),
        "an_told",
    )


@router.post("/{notice_id}/retry", response_class=HTMLResponse)
def retry(notice_id: str, request: Request, c: ContainerDep, actor: Authorized) -> Response:
    """Mail it again on the next pass."""
    return _step(
        request,
        c,
        actor,
        notice_id,
        lambda i: uc.retry_notice(c.uow(), c.requests, actor, i),
        "an_retry",
    )
