"""The mails of a request, in the requester's language (zh or en): the one-time code, the
closing reply (what was done; a fee or a refusal with its reasons), and the reminders and
escalations staff receive. Staff mails carry the request id and dates, never the person's
details; the requester's mails go only to the contact they gave."""

from __future__ import annotations

from piiguard.domain.rights.ports import OutgoingMail
from piiguard.domain.rights.rules import ESCALATION, RequestKind, RightsRequest
from piiguard.services.rights.kit import RequestKit

KIND_NAMES: dict[RequestKind, tuple[str, str]] = {
    RequestKind.ACCESS: ("access to your personal information", "查阅、复制个人信息"),
    RequestKind.PORTABILITY: ("a copy of your data to take elsewhere", "转移个人信息"),
    RequestKind.CORRECTION: ("correction of your personal information", "更正个人信息"),
    RequestKind.OBJECTION: ("refusing a use of your personal information", "拒绝处理个人信息"),
    RequestKind.RESTRICTION: (
        "restricting the processing of your personal information",
        "限制处理个人信息",
    ),
    RequestKind.DELETION: ("deletion of your personal information", "删除个人信息"),
}


def kind_name(kind: RequestKind, language: str) -> str:
    en, zh = KIND_NAMES[kind]
    return zh if language == "zh" else en


def _headers(req: RightsRequest) -> dict[str, str]:
    return {"X-Piiguard-Request": req.id, "Auto-Submitted": "auto-replied"}


def status_link(kit: RequestKit, req: RightsRequest) -> str:
    return f"{kit.public_url.rstrip('/')}/privacy/requests/{req.id}"


def code_mail(kit: RequestKit, req: RightsRequest, to: str, code: str) -> OutgoingMail:
    link = status_link(kit, req)
    minutes = kit.terms.code_minutes
    if req.language == "zh":
        subject = f"请确认您的个人信息请求（{code}）"
        text = (
            f"您好：\n\n我们收到了您关于“{kind_name(req.kind, 'zh')}”的请求，编号 {req.id}。\n"
            f"为确认是您本人提出，请在 {minutes} 分钟内输入以下验证码：\n\n    {code}\n\n"
            f"输入验证码或查看进度：{link}\n（也可以直接回复本邮件。）\n"
            f"我们将在收到请求之日起 {kit.terms.due_days} 日内答复，且不收取费用。\n"
            "如果这不是您提出的请求，请忽略本邮件。\n\n"
            f"{kit.company}\n"
        )
    else:
        subject = f"Confirm your personal information request ({code})"
        text = (
            f"Hello,\n\nWe received your request for {kind_name(req.kind, 'en')}, "
            f"reference {req.id}.\nTo confirm it is you, enter this code within "
            f"{minutes} minutes:\n\n    {code}\n\nEnter the code or follow the request: "
            f"{link}\n(Or simply reply to this mail.)\nWe answer within "
            f"{kit.terms.due_days} days of receipt, free of charge.\n"
            "If you did not make this request, ignore this mail.\n\n"
            f"{kit.company}\n"
        )
    return OutgoingMail(to, subject, text, headers=_headers(req))


def reply_mail(
    kit: RequestKit, req: RightsRequest, to: str, *, done: list[str], link: str | None = None
) -> OutgoingMail:
    """The closing reply (R9.2): what was done, or the refusal and its reasons; a fee."""
    zh = req.language == "zh"
    lines: list[str] = []
    if req.refusal_reason:
        lines.append(
            "我们无法办理您的请求，理由如下："
            if zh
            else "We cannot carry out your request, for these reasons:"
        )
        lines.append(f"  {req.refusal_reason}")
        lines.append(
            "如有异议，您可以向个人信息保护负责人或监管部门反映。"
            if zh
            else "If you disagree, you may contact our privacy officer or the supervisory "
            "authority."
        )
    else:
        lines.append("我们已办理您的请求：" if zh else "We have carried out your request:")
        lines.extend(f"  - {d}" for d in done)
    if req.fee:
        lines.append(
            f"费用：{req.fee}（理由：{req.excessive_reason}）"
            if zh
            else f"Fee: {req.fee} (because: {req.excessive_reason})"
        )
    if link:
        lines.append(
            f"下载链接（仅可使用一次，{kit.terms.link_days} 日内有效）：{link}"
            if zh
            else f"Download link (single use, valid {kit.terms.link_days} days): {link}"
        )
    head = (
        f"您好：\n\n关于您的请求 {req.id}（{kind_name(req.kind, 'zh')}）：\n\n"
        if zh
        else f"Hello,\n\nAbout your request {req.id} ({kind_name(req.kind, 'en')}):\n\n"
    )
    subject = (
        f"您的个人信息请求已答复（{req.id[:8]}）"
        if zh
        else f"Your personal information request is answered ({req.id[:8]})"
    )
    return OutgoingMail(
        to, subject, head + "\n".join(lines) + f"\n\n{kit.company}\n", headers=_headers(req)
    )


def staff_notice(kit: RequestKit, req: RightsRequest, to: str, label: str) -> OutgoingMail:
    """A reminder to the assignee or an escalation to the privacy officer: no personal data,
    the request id and its due date."""
    link = f"{kit.public_url.rstrip('/')}/console/requests/{req.id}"
    due = req.due_at.strftime("%Y-%m-%d %H:%M UTC")
    if label == ESCALATION:
        subject = f"OVERDUE 已逾期: request {req.id[:8]} ({req.kind}) was due {due}"
        text = (
            f"Request {req.id} ({req.kind}) is overdue: it was due {due}.\n"
            f"请求 {req.id} 已超过答复期限（{due}）。\n\n{link}\n"
        )
    else:
        days = label.removeprefix("reminder_").removesuffix("d")
        subject = f"Reminder 提醒: request {req.id[:8]} ({req.kind}) is due in {days} day(s)"
        text = (
            f"Request {req.id} ({req.kind}) is due {due} ({days} day(s) left).\n"
            f"请求 {req.id} 将于 {due} 到期（剩余 {days} 日）。\n\n{link}\n"
        )
    return OutgoingMail(to, subject, text, headers={"X-Piiguard-Request": req.id})
