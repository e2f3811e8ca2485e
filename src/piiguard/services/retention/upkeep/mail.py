"""The mails of data kept up to date (R2.8) and of a child's data found (R6.3), zh or en.
The person's mails carry a link and a code, never a value or a category name of theirs;
the officers' mail carries the task id and dates only."""

from __future__ import annotations

from datetime import datetime

from piiguard.domain.retention.upkeep import ChildDataTask, ConfirmationRequest
from piiguard.domain.rights.ports import OutgoingMail


def _headers(q: ConfirmationRequest) -> dict[str, str]:
    return {"X-Piiguard-Confirmation": q.id, "Auto-Submitted": "auto-generated"}


def confirm_link(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/privacy/confirm/{token}"


def link_mail(q: ConfirmationRequest, to: str, link: str, company: str, count: int) -> OutgoingMail:
    if q.language == "zh":
        subject = "请确认您的个人信息是否仍然准确"
        text = (
            f"您好：\n\n我们保存的您的 {count} 项个人信息已有一段时间未经确认。"
            "为确保信息准确、完整（《个人信息保护法》第八条），请打开以下链接，"
            f"获取验证码后确认或更正：\n\n    {link}\n\n"
            "本邮件不含您的任何个人信息；输入验证码后才会显示。\n"
            "如有疑问，请直接回复本邮件。\n\n"
            f"{company}\n"
        )
    else:
        subject = "Please confirm your personal information is still correct"
        text = (
            f"Hello,\n\n{count} item(s) of personal information we hold about you have not "
            "been confirmed for a while. To keep them accurate and complete, open this "
            f"link, ask for a one-time code, then confirm or correct them:\n\n    {link}\n\n"
            "This mail holds none of your personal information; it is shown only after "
            "the code.\nQuestions? Simply reply to this mail.\n\n"
            f"{company}\n"
        )
    return OutgoingMail(to, subject, text, headers=_headers(q))


def code_mail(
    q: ConfirmationRequest, to: str, code: str, minutes: int, company: str
) -> OutgoingMail:
    if q.language == "zh":
        subject = f"您的验证码：{code}"
        text = (
            f"您好：\n\n用于确认个人信息的验证码为：\n\n    {code}\n\n"
            f"请在 {minutes} 分钟内输入。如果不是您本人操作，请忽略本邮件。\n\n{company}\n"
        )
    else:
        subject = f"Your one-time code: {code}"
        text = (
            f"Hello,\n\nYour code to confirm your personal information:\n\n    {code}\n\n"
            f"Enter it within {minutes} minutes. If this was not you, ignore this mail.\n\n"
            f"{company}\n"
        )
    return OutgoingMail(to, subject, text, headers=_headers(q))


def child_escalation(task: ChildDataTask, to: str, public_url: str, now: datetime) -> OutgoingMail:
    """To the privacy officers: a child-data task past its deadline (ids and dates only)."""
    due = task.due_at.strftime("%Y-%m-%d %H:%M UTC")
    link = f"{public_url.rstrip('/')}/console/confirmations/children"
    subject = f"OVERDUE 已逾期: child-data task {task.id[:8]} was due {due}"
    text = (
        f"A child's data found without a verified guardian's consent (task {task.id}, "
        f"source {task.source.value}) was due to be settled by {due}: dispose of it, record "
        "a verified guardian's consent, or record that the person is not a child.\n"
        f"发现未经核实监护人同意的儿童个人信息（任务 {task.id}），处理期限 {due} 已过：请销毁、"
        "记录经核实的监护人同意，或记录其并非儿童的认定。\n\n"
        f"{link}\n"
    )
    return OutgoingMail(to, subject, text, headers={"X-Piiguard-Child-Task": task.id})
