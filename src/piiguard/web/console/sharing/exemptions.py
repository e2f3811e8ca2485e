"""Recorded exemption cases for transfers abroad on the console (R7.1; docs/sharing.md):
/console/sharing/abroad/exemptions lists the cases (art. 5(1)–(3) of the 2024 Provisions),
records one, and lets another officer approve or refuse it (four eyes, enforced by
services/sharing/exemption.py); an officer withdraws one. Rows in web/rules/sharing.py;
template templates/console/sharing/exemptions.html."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.domain.sharing.exemption import WORDS, ExemptionBasis, ExemptionStatus
from piiguard.services.sharing import exemption as uc
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, console_page, may_open
from piiguard.web.console.sharing import notices
from piiguard.web.console.sharing.common import ID, Check, Text, attempt
from piiguard.web.deps import ContainerDep
from piiguard.web.html import LANGS

HERE = "/console/sharing/abroad/exemptions"
router = APIRouter(prefix=HERE, include_in_schema=False)
FORM = ("basis", "recipient", "purpose", "scope", "valid_from", "valid_until")
STEPS = ("approve", "refuse", "withdraw")

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "s_ex_page": ("数据出境豁免情形", "Exemption cases for transfers abroad"),
    "s_ex_intro": (
        "《促进和规范数据跨境流动规定》第五条第一项至第三项：为订立、履行个人作为一方当事人的"
        "合同所必需（如跨境购物、寄递、汇款、支付、订票、签证），按照依法制定的劳动规章制度和"
        "集体合同实施跨境人力资源管理所必需，或紧急情况下为保护自然人生命健康和财产安全所必需"
        "的，免予安全评估、标准合同和认证，且不计入累计人数。每一情形由一位隐私官登记、另一位"
        "批准后生效；仍须取得本人的单独同意并事先告知。",
        "Art. 5(1)–(3) of the 2024 Provisions on Cross-Border Data Flows: a transfer "
        "necessary to conclude or perform a contract the person is party to (cross-border "
        "shopping, delivery, remittance, payment, bookings, visas), for cross-border HR "
        "management under lawful labour rules and collective contracts, or in an emergency "
        "to protect a person's life, health or property needs no assessment, standard "
        "contract or certification and is not counted toward the thresholds. Each case is "
        "recorded by one privacy officer and in force once another approves it; the person's "
        "separate consent and the notice are still needed.",
    ),
    "s_ex_basis": ("依据", "Basis"),
    "s_ex_recipient": ("境外接收方（键）", "Recipient abroad (key)"),
    "s_ex_purpose": ("用途", "Purpose"),
    "s_ex_scope": ("情形说明（不含个人信息）", "The case (no personal data)"),
    "s_ex_valid_from": ("生效日期", "Valid from"),
    "s_ex_valid_until": ("截止日期（可空）", "Valid until (optional)"),
    "s_ex_record": ("登记豁免情形", "Record a case"),
    "s_ex_status": ("状态", "Status"),
    "s_ex_none": ("尚无豁免情形。", "No exemption cases."),
    "s_ex_by": ("登记/批准", "Recorded / reviewed by"),
    "s_ex_step_approve": ("批准", "Approve"),
    "s_ex_step_refuse": ("驳回", "Refuse"),
    "s_ex_step_withdraw": ("撤销", "Withdraw"),
    "s_ex_status_proposed": ("待第二位隐私官审核", "waiting for a second officer"),
    "s_ex_status_approved": ("已批准", "approved"),
    "s_ex_status_refused": ("已驳回", "refused"),
    "s_ex_status_withdrawn": ("已撤销", "withdrawn"),
    "s_ex_basis_contract": ("合同所必需（第五条第一项）", "contract (art. 5(1))"),
    "s_ex_basis_hr": ("跨境人力资源管理（第五条第二项）", "cross-border HR (art. 5(2))"),
    "s_ex_basis_emergency": ("紧急情况（第五条第三项）", "emergency (art. 5(3))"),
    "done_ex_recorded": (
        "已登记：须由另一位隐私官批准后生效。",
        "Recorded: in force once another privacy officer approves it.",
    ),
    "done_ex_approve": (
        "已批准：自下一次判定起生效。",
        "Approved: in force from the next decision.",
    ),
    "done_ex_refuse": ("已驳回。", "Refused."),
    "done_ex_withdraw": ("已撤销。", "Withdrawn."),
    "attn_exemptions_proposed": (
        "{n} 项数据出境豁免情形待第二位隐私官审核",
        "Exemption cases waiting for a second officer: {n}",
    ),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return notices.words(lang) | {k: v[i] for k, v in TEXT.items()}


def attention(c: Container, actor: Actor) -> list[dict[str, Any]]:
    if not may_open(actor, HERE):
        return []
    waiting = uc.list_exemptions(c.uow(readonly=True), (ExemptionStatus.PROPOSED,))
    return [{"key": "exemptions_proposed", "count": len(waiting), "href": HERE}]


def _page(
    request: Request,
    c: Container,
    actor: Actor,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    code: int = 200,
) -> HTMLResponse:
    now = c.clock.now()
    rows = [(e, e.in_force(now)) for e in uc.list_exemptions(c.uow(readonly=True))]
    rows.sort(
        key=lambda r: (r[0].status is not ExemptionStatus.PROPOSED, -r[0].recorded_at.timestamp())
    )
    return console_page(
        request,
        c,
        actor,
        "console/sharing/exemptions.html",
        {"rows": rows, "bases": [(b.value, WORDS[b]) for b in ExemptionBasis], "steps": STEPS},
        words=words,
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("", response_class=HTMLResponse)
def exemptions(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    """The cases, those waiting for a second officer first, and the form to record one."""
    return _page(request, c, actor)


@router.post("", response_class=HTMLResponse)
def record(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    basis: Text = "",
    recipient: Text = "",
    purpose: Text = "",
    scope: Text = "",
    valid_from: Text = "",
    valid_until: Text = "",
) -> Response:
    values = dict(
        zip(FORM, (basis, recipient, purpose, scope, valid_from, valid_until), strict=True)
    )
    check = Check(request)
    chosen = check.choice("basis", basis, [b.value for b in ExemptionBasis])
    if not basis:
        check.fail("basis", "required")
    check.text("recipient", recipient, required=True, most=64)
    check.text("purpose", purpose, required=True, most=64)
    check.text("scope", scope, required=True, most=2000)
    first, last = check.day("valid_from", valid_from), check.day("valid_until", valid_until)
    if first is None and not valid_from.strip():
        check.fail("valid_from", "required")
    start = datetime.combine(first, time(0), UTC) if first else None
    end = datetime.combine(last, time(0), UTC) if last else None

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _page(request, c, actor, errors, values, code)

    if check.errors or chosen is None or start is None:
        return again(check.errors, 422)
    given = uc.ExemptionInput(
        ExemptionBasis(chosen), recipient.strip(), purpose.strip(), scope, start, end
    )
    return attempt(
        request,
        FORM,
        again,
        lambda: uc.record_exemption(c.uow(), c.snapshots, c.clock, actor, given),
        HERE,
        "ex_recorded",
    )


@router.post("/{exemption_id}/{step}", response_class=HTMLResponse)
def review(
    exemption_id: str, step: str, request: Request, c: ContainerDep, actor: Authorized
) -> Response:
    """approve or refuse (another officer), or withdraw."""
    if not ID.fullmatch(exemption_id) or step not in STEPS:
        raise NotFound("no such exemption case or step", field="exemption_id")

    def run() -> object:
        if step == "withdraw":
            return uc.withdraw_exemption(c.uow(), c.clock, actor, exemption_id)
        return uc.review_exemption(c.uow(), c.clock, actor, exemption_id, approve=step == "approve")

    def again(errors: list[FieldError], code: int) -> HTMLResponse:
        return _page(request, c, actor, errors, {}, code)

    return attempt(request, (), again, run, HERE, f"ex_{step}")
