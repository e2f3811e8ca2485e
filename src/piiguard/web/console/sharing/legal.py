"""The legal-request register on the console (R3.5, R2.5; docs/sharing.md, "Authorities"):
/console/sharing/legal lists the requests and records a new one; /console/sharing/legal/{id}
shows one and its steps — review (a second officer), the disclosure through the decision
point, the person told, close — and, for an officer who asks, the demand's own words
(audited). The front page lists requests past their deadline unanswered and people the law
now lets us tell. Rows in web/rules/sharing.py; templates templates/console/sharing/legal*."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.domain.policy.legal_exceptions import ExceptionKind
from piiguard.domain.sharing.disclosure import Delivery
from piiguard.domain.sharing.legal import LegalRequestStatus
from piiguard.domain.sharing.register import RecipientKind
from piiguard.services.sharing import legal
from piiguard.services.sharing import register as reg
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, console_page, may_open
from piiguard.web.console.oversight.texts import TEXT as OVERSIGHT
from piiguard.web.console.sharing import texts
from piiguard.web.console.sharing.common import ID, Check, LongText, Text, attempt, day_at, lines
from piiguard.web.deps import ContainerDep
from piiguard.web.html import LANGS

HERE = "/console/sharing/legal"
router = APIRouter(prefix=HERE, include_in_schema=False)
FIELDS = (
    "authority",
    "basis",
    "provision",
    "case_reference",
    "purpose",
    "subjects",
    "categories",
    "demand",
    "deadline",
    "may_tell",
    "tell_from",
)

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "s_legal_intro": (
        "国家机关调取个人信息的请求：记录机关、法律依据和条款、案号、要求提供的个人、类别和用途"
        "（原文加密保存）及答复期限；须由记录人以外的隐私官审核批准后，才能经同一个判定点、"
        "在请求范围内最小化提供，并记入披露日志。法律允许时，须告知本人并记录。",
        "Authorities' demands for personal data: the authority, the legal basis and "
        "provision, the case reference, the people, categories and purpose demanded (its "
        "words sealed at rest) and the deadline. Nothing goes out until a privacy officer "
        "other than whoever recorded it approves; then only what was demanded, minimised, "
        "through the one decision point and into the disclosure log. When the law lets us, "
        "the person is told, and that is recorded.",
    ),
    "s_legal_none": ("尚无法律请求。", "No legal requests yet."),
    "s_legal_add": ("登记法律请求", "Record a legal request"),
    "s_legal_col_case": ("案号", "Case"),
    "s_legal_col_authority": ("机关", "Authority"),
    "s_legal_col_basis": ("法律依据", "Legal basis"),
    "s_legal_col_deadline": ("答复期限", "Deadline"),
    "s_legal_col_status": ("状态", "Status"),
    "s_legal_col_tell": ("告知本人", "Telling the person"),
    "s_legal_f_authority": (
        "机关（登记簿中类型为国家机关的接收方）",
        "Authority (a recipient of kind authority)",
    ),
    "s_legal_f_basis": ("法律依据", "Legal basis"),
    "s_legal_f_provision": (
        "法律条款（如《刑事诉讼法》第五十四条）",
        "Legal provision (e.g. Criminal Procedure Law Art. 54)",
    ),
    "s_legal_f_case": ("机关案号", "The authority's case reference"),
    "s_legal_f_purpose": ("用途", "Purpose"),
    "s_legal_f_subjects": ("要求提供的个人编号（每行一个）", "Person ids demanded (one a line)"),
    "s_legal_f_categories": (
        "要求提供的数据类别（每行一个）",
        "Data categories demanded (one a line)",
    ),
    "s_legal_f_demand": (
        "要求提供的内容（机关原文，加密保存）",
        "What is demanded, in the authority's words (sealed)",
    ),
    "s_legal_f_deadline": ("答复期限（YYYY-MM-DD）", "Deadline (YYYY-MM-DD)"),
    "s_legal_f_may_tell": ("法律允许告知本人", "The law lets us tell the person"),
    "s_legal_f_tell_from": (
        "可告知日期（YYYY-MM-DD，空白：提供后即可）",
        "May tell from (YYYY-MM-DD; empty: once disclosed)",
    ),
    "s_legal_status_received": ("待审核", "received"),
    "s_legal_status_approved": ("已批准", "approved"),
    "s_legal_status_refused": ("已拒绝", "refused"),
    "s_legal_status_disclosed": ("已提供", "disclosed"),
    "s_legal_status_closed": ("已结案", "closed"),
    "s_legal_overdue": ("已逾期", "overdue"),
    "s_legal_no_tell": ("法律不允许告知", "the law does not let us tell"),
    "s_legal_to_tell": ("应告知本人", "to tell now"),
    "s_legal_told": ("已告知", "told"),
    "s_legal_tell_later": ("自 {d} 起可告知", "may tell from {d}"),
    "s_legal_one": ("法律请求 {id}", "Legal request {id}"),
    "s_legal_subjects": ("个人", "People"),
    "s_legal_categories": ("类别", "Categories"),
    "s_legal_received": ("登记", "Recorded"),
    "s_legal_reviewed": ("审核", "Reviewed"),
    "s_legal_share": ("提供记录", "Disclosure (share)"),
    "s_legal_show_demand": ("查看机关原文（记入审计）", "Show the authority's words (audited)"),
    "s_legal_demand": ("机关原文", "The authority's words"),
    "s_legal_review": (
        "审核（须由记录人以外的隐私官）",
        "Review (a privacy officer other than the recorder)",
    ),
    "s_legal_approve": ("批准", "Approve"),
    "s_legal_refuse": ("拒绝", "Refuse"),
    "s_legal_f_note": ("说明（拒绝时必填）", "Note (required to refuse)"),
    "s_legal_disclose": ("在请求范围内提供", "Disclose within the demand"),
    "s_legal_f_delivery": ("交付方式", "Delivery"),
    "s_legal_delivery_pull": ("由机关以其密钥获取", "pulled with the authority's key"),
    "s_legal_delivery_webhook": ("推送到机关的 webhook", "pushed to its webhook"),
    "s_legal_mark_told": ("记录已告知本人", "Record that the person was told"),
    "s_legal_close": ("结案", "Close"),
    "done_legal_recorded": (
        "已登记法律请求，待另一名隐私官审核。",
        "Legal request recorded; another privacy officer reviews it.",
    ),
    "done_legal_reviewed": ("已记录审核结果。", "Review recorded."),
    "done_legal_disclosed": ("已完成提供，见披露日志。", "Disclosed; see the disclosure log."),
    "done_legal_not_disclosed": (
        "判定点未允许提供任何信息。",
        "The decision point allowed nothing to go out.",
    ),
    "done_legal_told": ("已记录告知本人。", "Recorded that the person was told."),
    "done_legal_closed": ("已结案。", "Closed."),
    "attn_legal_waiting": (
        "待另一名隐私官审核的法律请求：{n} 件",
        "legal requests waiting for review by a second officer: {n}",
    ),
    "attn_legal_overdue": (
        "逾期未答复的法律请求：{n} 件",
        "legal requests past their deadline unanswered: {n}",
    ),
    "attn_legal_to_tell": (
        "法律已允许告知本人的法律请求：{n} 件",
        "legal requests whose people we may now tell: {n}",
    ),
}


def words(lang: str) -> dict[str, str]:
    """The sharing pages' words, these, and the legal bases' names (`basis_<kind>`) as the
    legal exceptions' pages give them."""
    i = LANGS.index(lang)
    bases = {f"basis_{k.value}": OVERSIGHT[f"kind_{k.value}"][i] for k in ExceptionKind}
    return texts.words(lang) | bases | {k: v[i] for k, v in TEXT.items()}


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    if not may_open(actor, HERE):
        return []
    now = c.clock.now()
    found = legal.list_legal_requests(c.uow(readonly=True))
    waiting = sum(r.status is LegalRequestStatus.RECEIVED for r in found)
    return [
        {"key": "legal_waiting", "count": waiting, "href": HERE},
        {"key": "legal_overdue", "count": sum(r.overdue(now) for r in found), "href": HERE},
        {"key": "legal_to_tell", "count": sum(r.to_tell(now) for r in found), "href": HERE},
    ]


def _page(
    request: Request, c: Container, actor: Actor, name: str, context: dict[str, Any], **kw: Any
) -> HTMLResponse:
    return console_page(request, c, actor, f"console/sharing/{name}", context, words=words, **kw)


def _register(
    request: Request,
    c: Container,
    actor: Actor,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    code: int = 200,
) -> HTMLResponse:
    authorities = [
        r for r in reg.list_recipients(c.uow(readonly=True)) if r.kind is RecipientKind.AUTHORITY
    ]
    return _page(
        request,
        c,
        actor,
        "legal.html",
        {
            "rows": legal.list_legal_requests(c.uow(readonly=True)),
            "now": c.clock.now(),
            "authorities": [(r.key, f"{r.legal_name} ({r.key})") for r in authorities],
            "bases": [k.value for k in ExceptionKind],
        },
        errors=errors or [],
        values=values or {"purpose": "legal_compliance"},
        status=code,
    )


@router.get("", response_class=HTMLResponse)
def register(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _register(request, c, actor)


@router.post("", response_class=HTMLResponse)
def record(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    authority: Text = "",
    basis: Text = "",
    provision: Text = "",
    case_reference: Text = "",
    purpose: Text = "legal_compliance",
    subjects: Text = "",
    categories: Text = "",
    demand: LongText = "",
    deadline: Text = "",
    may_tell: Text = "",
    tell_from: Text = "",
) -> Response:
    values = {
        "authority": authority,
        "basis": basis,
        "provision": provision,
        "case_reference": case_reference,
        "purpose": purpose,
        "subjects": subjects,
        "categories": categories,
        "demand": demand,
        "deadline": deadline,
        "may_tell": may_tell,
        "tell_from": tell_from,
    }
    check = Check(request)
    check.text("authority", authority, required=True, most=64)
    the_basis = check.choice("basis", basis, [k.value for k in ExceptionKind])
    if not basis:
        check.fail("basis", "required")
    due = day_at(check, "deadline", deadline, required=True)
    tell = day_at(check, "tell_from", tell_from)

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _register(request, c, actor, errors, values, code)

    if check.errors or due is None or the_basis is None:
        return again(check.errors, 422)
    given = legal.LegalRequestInput(
        authority.strip(),
        ExceptionKind(the_basis),
        provision,
        case_reference,
        frozenset(lines(subjects)),
        frozenset(lines(categories)),
        demand,
        due,
        purpose.strip() or "legal_compliance",
        bool(may_tell),
        tell,
    )
    made: list[str] = []
    response = attempt(
        request,
        FIELDS,
        again,
        lambda: made.append(legal.record_legal_request(c.uow(), c.requests, actor, given).id),
        HERE,
        "legal_recorded",
        aliases={"subject_ids": "subjects"},
    )
    if made:
        response.headers["location"] = f"{HERE}/{made[0]}?done=legal_recorded"
    return response


# -- one request ----------------------------------------------------------------------------


def _one(
    request: Request,
    c: Container,
    actor: Actor,
    request_id: str,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    code: int = 200,
    demand: str | None = None,
) -> HTMLResponse:
    if not ID.fullmatch(request_id):
        raise NotFound("no such legal request", field="request_id")
    r = legal.get_legal_request(c.uow(readonly=True), request_id)
    return _page(
        request,
        c,
        actor,
        "legal_one.html",
        {
            "r": r,
            "now": c.clock.now(),
            "demand": demand,
            "deliveries": [Delivery.PULL.value, Delivery.WEBHOOK.value],
            "S": LegalRequestStatus,
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{request_id}", response_class=HTMLResponse)
def one(request_id: str, request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _one(request, c, actor, request_id)


@router.get("/{request_id}/demand", response_class=HTMLResponse)
def show_demand(
    request_id: str, request: Request, c: ContainerDep, actor: Authorized
) -> HTMLResponse:
    if not ID.fullmatch(request_id):
        raise NotFound("no such legal request", field="request_id")
    text = legal.read_demand(c.uow(), c.requests, actor, request_id)
    return _one(request, c, actor, request_id, demand=text)


def _step(
    request: Request,
    c: Container,
    actor: Actor,
    request_id: str,
    fields: tuple[str, ...],
    values: dict[str, str],
    step: Any,
    message: str,
) -> Response:
    if not ID.fullmatch(request_id):
        raise NotFound("no such legal request", field="request_id")

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _one(request, c, actor, request_id, errors, values, code)

    return attempt(request, fields, again, step, f"{HERE}/{request_id}", message)


@router.post("/{request_id}/review", response_class=HTMLResponse)
def review(
    request_id: str,
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    decision: Text = "",
    note: Text = "",
) -> Response:
    return _step(
        request,
        c,
        actor,
        request_id,
        ("note", "status"),
        {"note": note},
        lambda: legal.review_legal_request(
            c.uow(), c.requests, actor, request_id, decision == "approve", note
        ),
        "legal_reviewed",
    )


@router.post("/{request_id}/disclose", response_class=HTMLResponse)
def disclose(
    request_id: str,
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    delivery: Text = "pull",
) -> Response:
    outcome: list[int] = []

    def step() -> None:
        how = Delivery.WEBHOOK if delivery == Delivery.WEBHOOK.value else Delivery.PULL
        _, out = legal.disclose_legal_request(c.uow(), c.requests, actor, request_id, how)
        outcome.append(out.share.disclosed)

    response = _step(
        request, c, actor, request_id, ("delivery", "request_id"), {}, step, "legal_disclosed"
    )
    if outcome and not outcome[0]:
        response.headers["location"] = f"{HERE}/{request_id}?done=legal_not_disclosed"
    return response


@router.post("/{request_id}/told", response_class=HTMLResponse)
def told(request_id: str, request: Request, c: ContainerDep, actor: Authorized) -> Response:
    return _step(
        request,
        c,
        actor,
        request_id,
        ("told",),
        {},
        lambda: legal.record_told(c.uow(), c.requests, actor, request_id),
        "legal_told",
    )


@router.post("/{request_id}/close", response_class=HTMLResponse)
def close(request_id: str, request: Request, c: ContainerDep, actor: Authorized) -> Response:
    return _step(
        request,
        c,
        actor,
        request_id,
        ("status",),
        {},
        lambda: legal.close_legal_request(c.uow(), c.requests, actor, request_id),
        "legal_closed",
    )
