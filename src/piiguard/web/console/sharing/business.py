"""Business transfers on the console (R3.4; docs/sharing.md, "Business transfers"):
/console/sharing/transfers lists them and records a new one; /console/sharing/transfers/{id}
shows one — its scope, the review by a second officer, carrying it out, and how far the
notices to the people it concerns have got. Rows in web/rules/sharing.py; templates
templates/console/sharing/transfers.html and transfer.html."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.domain.policy.notices import NoticeStatus
from piiguard.domain.sharing.business import TransferKind, TransferStatus
from piiguard.domain.sharing.register import AgreementKind, RecipientKind
from piiguard.services.notices.transfers import release_transfer_notices, uncertain_people
from piiguard.services.sharing import business as bt
from piiguard.services.sharing import register as reg
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, console_page, may_open
from piiguard.web.console.sharing import texts
from piiguard.web.console.sharing.common import ID, Check, Text, attempt, day_at, lines
from piiguard.web.deps import ContainerDep
from piiguard.web.html import LANGS

HERE = "/console/sharing/transfers"
router = APIRouter(prefix=HERE, include_in_schema=False)
FIELDS = (
    "kind",
    "acquirer",
    "undertaking",
    "title",
    "effective_at",
    "purposes",
    "categories",
    "subjects",
)

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "s_bt_intro": (
        "因合并、收购、破产或资产转让向接收方转移个人信息：接收方须为登记簿中的收购方，"
        "并以有效的书面承诺（文件哈希及保存位置）受我们的隐私政策约束；记录转移范围，"
        "由记录人以外的隐私官批准后执行，执行时记入披露日志，并以邮件（中文或英文）"
        "逐一告知涉及的每一个人，限速、可在中断后续发，不重复发送。",
        "A merger, acquisition, bankruptcy or asset transfer hands personal data over to an "
        "acquirer in the register, bound by our privacy policy through its written "
        "undertaking in force (the document's hash and where it is kept). The scope is "
        "recorded; a privacy officer other than the recorder approves; carrying it out logs "
        "it in the disclosure log and tells every person it concerns by mail (Chinese or "
        "English) — throttled, resumed after a crash, nobody mailed twice.",
    ),
    "s_bt_none": ("尚无业务转移。", "No business transfers yet."),
    "s_bt_add": ("登记业务转移", "Record a business transfer"),
    "s_bt_col_title": ("名称", "Title"),
    "s_bt_col_kind": ("类型", "Kind"),
    "s_bt_col_acquirer": ("接收方", "Acquirer"),
    "s_bt_col_effective": ("生效时间", "Takes effect"),
    "s_bt_col_status": ("状态", "Status"),
    "s_bt_col_people": ("涉及人数", "People"),
    "s_bt_f_kind": ("类型", "Kind"),
    "s_bt_f_acquirer": ("接收方（类型为收购方）", "Acquirer (a recipient of kind acquirer)"),
    "s_bt_f_undertaking": ("接收方的书面承诺（协议）", "The acquirer's undertaking (agreement)"),
    "s_bt_f_title": ("名称", "Title"),
    "s_bt_f_effective_at": ("生效日期（YYYY-MM-DD）", "Takes effect (YYYY-MM-DD)"),
    "s_bt_f_purposes": ("用途（每行一个；空白：全部）", "Purposes (one a line; empty: all)"),
    "s_bt_f_categories": (
        "数据类别（每行一个；空白：全部）",
        "Categories (one a line; empty: all)",
    ),
    "s_bt_f_subjects": ("个人编号（每行一个；空白：全部）", "Person ids (one a line; empty: all)"),
    "s_bt_all": ("全部", "all"),
    "s_bt_kind_merger": ("合并", "Merger"),
    "s_bt_kind_acquisition": ("收购", "Acquisition"),
    "s_bt_kind_bankruptcy": ("破产", "Bankruptcy"),
    "s_bt_kind_asset_transfer": ("资产转让", "Asset transfer"),
    "s_bt_status_recorded": ("待审核", "recorded"),
    "s_bt_status_approved": ("已批准", "approved"),
    "s_bt_status_refused": ("已拒绝", "refused"),
    "s_bt_status_transferred": ("已执行", "transferred"),
    "s_bt_one": ("业务转移：{t}", "Business transfer: {t}"),
    "s_bt_review": (
        "审核（须由记录人以外的隐私官）",
        "Review (a privacy officer other than the recorder)",
    ),
    "s_bt_approve": ("批准", "Approve"),
    "s_bt_refuse": ("拒绝", "Refuse"),
    "s_bt_f_note": ("说明（拒绝时必填）", "Note (required to refuse)"),
    "s_bt_carry_out": ("执行转移并告知每一个人", "Carry it out and tell everyone"),
    "s_bt_notices": ("告知进度", "Notices to the people"),
    "s_bt_share": ("披露日志中的移交记录", "The handover in the disclosure log"),
    "s_bt_nstatus_pending": ("待发送", "pending"),
    "s_bt_nstatus_sending": ("发送中", "sending"),
    "s_bt_nstatus_sent": ("已发送", "sent"),
    "s_bt_nstatus_refused": ("被拒收", "refused by the server"),
    "s_bt_nstatus_bounced": ("被退回", "bounced"),
    "s_bt_nstatus_failed": ("发送失败", "failed"),
    "s_bt_nstatus_no_contact": ("无可用邮箱", "no address we may use"),
    "s_bt_nstatus_uncertain": ("不确定（发送中断）", "uncertain (a pass stopped)"),
    "attn_bt_waiting": (
        "待另一名隐私官审核的业务转移：{n} 件",
        "business transfers waiting for a second officer: {n}",
    ),
    "attn_bt_uncertain": (
        "业务转移告知邮件状态不确定（发送中断）：{n} 人",
        "business transfer notices left uncertain by a stopped pass: {n}",
    ),
    "s_bt_release": ("重新发送（本人可能收到两次）", "Send again (the person may get it twice)"),
    "s_bt_f_subject_ids": ("个人编号（每行一个）", "Person ids (one a line)"),
    "done_bt_released": ("已重新排队发送。", "Queued to be sent again."),
    "done_bt_recorded": (
        "已登记，待另一名隐私官审核。",
        "Recorded; another privacy officer reviews it.",
    ),
    "done_bt_reviewed": ("已记录审核结果。", "Review recorded."),
    "done_bt_carried_out": (
        "已执行并记入披露日志；告知邮件将分批发送。",
        "Carried out and logged; the notices go out in batches.",
    ),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return texts.words(lang) | {k: v[i] for k, v in TEXT.items()}


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    """Transfers waiting for a second officer, and people whose notice is uncertain (a
    pass stopped between the mail and its record: maybe sent, never resent by itself)."""
    if not may_open(actor, HERE):
        return []
    found = bt.list_business_transfers(c.uow(readonly=True))
    uncertain = sum(
        bt.get_business_transfer(c.uow(readonly=True), b.id)[1].get(NoticeStatus.UNCERTAIN, 0)
        for b in found
        if b.status is TransferStatus.TRANSFERRED
    )
    return [
        {
            "key": "bt_waiting",
            "count": sum(b.status is TransferStatus.RECORDED for b in found),
            "href": HERE,
        },
        {"key": "bt_uncertain", "count": uncertain, "href": HERE},
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
    acquirers = [
        r for r in reg.list_recipients(c.uow(readonly=True)) if r.kind is RecipientKind.ACQUIRER
    ]
    keys = {r.key for r in acquirers}
    undertakings = [
        (a.id, f"{a.recipient}: {a.title}")
        for a in reg.list_agreements(c.uow(readonly=True))
        if a.recipient in keys and a.kind is AgreementKind.UNDERTAKING
    ]
    return _page(
        request,
        c,
        actor,
        "transfers.html",
        {
            "rows": bt.list_business_transfers(c.uow(readonly=True)),
            "acquirers": [(r.key, f"{r.legal_name} ({r.key})") for r in acquirers],
            "undertakings": undertakings,
            "kinds": [k.value for k in TransferKind],
        },
        errors=errors or [],
        values=values or {},
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
    kind: Text = "",
    acquirer: Text = "",
    undertaking: Text = "",
    title: Text = "",
    effective_at: Text = "",
    purposes: Text = "",
    categories: Text = "",
    subjects: Text = "",
) -> Response:
    values = {
        "kind": kind,
        "acquirer": acquirer,
        "undertaking": undertaking,
        "title": title,
        "effective_at": effective_at,
        "purposes": purposes,
        "categories": categories,
        "subjects": subjects,
    }
    check = Check(request)
    the_kind = check.choice("kind", kind, [k.value for k in TransferKind])
    if not kind:
        check.fail("kind", "required")
    check.text("acquirer", acquirer, required=True, most=64)
    check.text("undertaking", undertaking, required=True, most=64)
    when = day_at(check, "effective_at", effective_at, required=True)

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _register(request, c, actor, errors, values, code)

    if check.errors or when is None or the_kind is None:
        return again(check.errors, 422)
    given = bt.TransferInput(
        TransferKind(the_kind),
        acquirer.strip(),
        undertaking.strip(),
        title,
        when,
        frozenset(lines(purposes)),
        frozenset(lines(categories)),
        frozenset(lines(subjects)),
    )
    made: list[str] = []
    response = attempt(
        request,
        FIELDS,
        again,
        lambda: made.append(bt.record_business_transfer(c.uow(), c.requests, actor, given).id),
        HERE,
        "bt_recorded",
        aliases={"subject_ids": "subjects"},
    )
    if made:
        response.headers["location"] = f"{HERE}/{made[0]}?done=bt_recorded"
    return response


def _one(
    request: Request,
    c: Container,
    actor: Actor,
    transfer_id: str,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    code: int = 200,
) -> HTMLResponse:
    if not ID.fullmatch(transfer_id):
        raise NotFound("no such business transfer", field="transfer_id")
    b, counts = bt.get_business_transfer(c.uow(readonly=True), transfer_id)
    return _page(
        request,
        c,
        actor,
        "transfer.html",
        {
            "b": b,
            "counts": [(s.value, counts.get(s, 0)) for s in NoticeStatus if counts.get(s)],
            "S": TransferStatus,
            "uncertain": uncertain_people(c.uow(readonly=True), b.id),
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("/{transfer_id}", response_class=HTMLResponse)
def one(transfer_id: str, request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _one(request, c, actor, transfer_id)


@router.post("/{transfer_id}/review", response_class=HTMLResponse)
def review(
    transfer_id: str,
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    decision: Text = "",
    note: Text = "",
) -> Response:
    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _one(request, c, actor, transfer_id, errors, {"note": note}, code)

    return attempt(
        request,
        ("note", "status"),
        again,
        lambda: bt.review_business_transfer(
            c.uow(), c.requests, actor, transfer_id, decision == "approve", note
        ),
        f"{HERE}/{transfer_id}",
        "bt_reviewed",
    )


@router.post("/{transfer_id}/carry-out", response_class=HTMLResponse)
def carry_out(transfer_id: str, request: Request, c: ContainerDep, actor: Authorized) -> Response:
    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _one(request, c, actor, transfer_id, errors, {}, code)

    return attempt(
        request,
        ("status", "undertaking"),
        again,
        lambda: bt.carry_out_business_transfer(c.uow(), c.requests, actor, transfer_id),
        f"{HERE}/{transfer_id}",
        "bt_carried_out",
    )


@router.post("/{transfer_id}/release", response_class=HTMLResponse)
def release(
    transfer_id: str,
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    subject_ids: Text = "",
) -> Response:
    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _one(request, c, actor, transfer_id, errors, {"subject_ids": subject_ids}, code)

    return attempt(
        request,
        ("subject_ids",),
        again,
        lambda: release_transfer_notices(
            c.uow(), c.requests, actor, transfer_id, lines(subject_ids)
        ),
        f"{HERE}/{transfer_id}",
        "bt_released",
    )
