"""The mails of incidents and vulnerabilities: reminders and escalations of a reporting
clock and of an overdue vulnerability to staff (ids, obligations, dates — never what
happened nor who is affected), and the notification to a person affected, in their
language, with the officers' words for what happened, what was done, what they can do and
whom to contact, and the categories of their data concerned."""

from __future__ import annotations

from datetime import datetime

from piiguard.domain.incidents.model import Incident
from piiguard.domain.incidents.notify import MailingText
from piiguard.domain.incidents.obligations import Obligation, ObligationClock
from piiguard.domain.incidents.vulns import Vulnerability
from piiguard.domain.rights.deadlines import ESCALATION
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.services.incidents._common import SecurityKit


def _left(c: ObligationClock, now: datetime) -> str:
    minutes = int((c.due_at - now).total_seconds() // 60)
    if minutes < 0:
        return f"{-minutes} min OVERDUE / 已逾期 {-minutes} 分钟"
    return (
        f"{minutes // 60} h {minutes % 60} min left / 剩余 {minutes // 60} 小时 {minutes % 60} 分钟"
    )


def clock_notice(
    kit: SecurityKit,
    i: Incident,
    c: ObligationClock,
    o: Obligation,
    label: str,
    to: str,
    now: datetime,
) -> OutgoingMail:
    link = f"{kit.public_url.rstrip('/')}/console/incidents/{i.id}"
    due = c.due_at.strftime("%Y-%m-%d %H:%M UTC")
    head = "OVERDUE 已逾期" if label == ESCALATION else "Reminder 提醒"
    subject = f"{head}: incident {i.id[:8]} — {o.en} / {o.zh}, due {due}"
    text = (
        f"Incident {i.id} (severity {i.severity.value} / {i.severity.zh}): the obligation "
        f"“{o.en}” is due {due} ({_left(c, now)}).\n"
        f"To: {o.recipient}\nSource: {o.source}\n\n"
        f"事件 {i.id}（级别：{i.severity.zh}）：“{o.zh}”的报告期限为 {due}。\n\n"
        "Draft the report and record its submission (when, to whom, reference) here:\n"
        f"请在此起草报告并记录报送情况：\n{link}\n"
    )
    return OutgoingMail(to, subject, text, headers={"X-Piiguard-Incident": i.id})


def vuln_escalation(kit: SecurityKit, v: Vulnerability, to: str) -> OutgoingMail:
    link = f"{kit.public_url.rstrip('/')}/console/vulnerabilities/{v.id}"
    due = v.due_at.strftime("%Y-%m-%d")
    subject = (
        f"OVERDUE 已逾期: vulnerability {v.identifier} on {v.system} ({v.severity.value}) "
        f"was due {due}"
    )
    text = (
        f"The {v.severity.value} vulnerability {v.identifier} on system {v.system} (owner: "
        f"{v.owner}) was to be repaired by {due} and is still {v.status.value}.\n"
        f"系统 {v.system} 上的漏洞 {v.identifier}（{v.severity.value}）应于 {due} 前修复，"
        f"目前状态为 {v.status.value}。\n\n{link}\n"
    )
    return OutgoingMail(to, subject, text, headers={"X-Piiguard-Vulnerability": v.id})


def person_mail(
    kit: SecurityKit,
    i: Incident,
    words: MailingText,
    language: str,
    categories: list[tuple[str, str]],
    to: str,
    token: str,
) -> OutgoingMail:
    """`categories`: (English name, Chinese name) of the incident's categories."""
    headers = {
        "X-Piiguard-Notification": f"{i.id}/{token}",
        "Auto-Submitted": "auto-generated",
    }
    if language == "zh":
        cats = "、".join(zh for _, zh in categories) or "（见上文）"
        subject = f"关于您个人信息的安全事件通知（{kit.company}）"
        text = (
            "您好：\n\n我们发生了一起可能涉及您个人信息的安全事件，依照《个人信息保护法》第五十七条"
            "通知您如下。\n\n"
            f"发生了什么：\n{words.what_happened}\n\n"
            f"涉及的个人信息种类：{cats}\n\n"
            f"我们已采取的措施：\n{words.measures_taken}\n\n"
            f"您可以采取的措施：\n{words.what_you_can_do}\n\n"
            f"联系方式：{words.contact}\n\n"
            f"事件编号：{i.id[:8]}\n{kit.company}\n"
        )
    else:
        cats = ", ".join(en for en, _ in categories) or "(see above)"
        subject = f"Notice of a security incident concerning your personal data ({kit.company})"
        text = (
            "Hello,\n\nWe had a security incident that may concern your personal data. "
            "We are telling you as the law requires (GDPR Art. 34, PIPL Art. 57).\n\n"
            f"What happened:\n{words.what_happened}\n\n"
            f"The kinds of your personal data concerned: {cats}\n\n"
            f"What we have done:\n{words.measures_taken}\n\n"
            f"What you can do:\n{words.what_you_can_do}\n\n"
            f"Contact: {words.contact}\n\n"
            f"Incident reference: {i.id[:8]}\n{kit.company}\n"
        )
    return OutgoingMail(to, subject, text, headers=headers)
