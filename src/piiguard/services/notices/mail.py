"""The mails of a new policy version (R8.1), in the person's language (zh or en): what
changed (the officer's summary), when it takes effect, where to read it and the diff, and —
when a consent of theirs needs renewal — the renewal link and the date it lapses. They hold
no personal information: a link, dates, the policy's own words."""

from __future__ import annotations

from datetime import datetime

from piiguard.domain.policy.notices import Notice
from piiguard.domain.policy.versions import CHANGE_WORDS, PolicyVersion
from piiguard.domain.rights.ports import OutgoingMail


def _headers(n: Notice) -> dict[str, str]:
    return {"X-Piiguard-Policy-Notice": n.ref, "Auto-Submitted": "auto-generated"}


def policy_link(public_url: str, version: str) -> str:
    return f"{public_url.rstrip('/')}/privacy/policy/{version}"


def renew_link(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/privacy/renew/{token}"


def notice_mail(
    n: Notice,
    to: str,
    v: PolicyVersion,
    company: str,
    public_url: str,
    token: str | None,
    lapses_at: datetime | None,
) -> OutgoingMail:
    effective = v.effective_on.isoformat() if v.effective_on else v.published_at.date().isoformat()
    read = policy_link(public_url, v.version)
    lapse = lapses_at.strftime("%Y-%m-%d %H:%M UTC") if lapses_at else ""
    link = renew_link(public_url, token) if token else ""
    if n.language == "zh":
        changes = "、".join(CHANGE_WORDS[c][1] for c in v.changes)
        subject = f"我们的隐私政策已更新（第 {v.version} 版，{effective} 起生效）"
        text = (
            f"您好：\n\n{company} 发布了隐私政策第 {v.version} 版，自 {effective} 起生效。\n\n"
            f"主要变更：\n{v.summary_zh}\n\n"
            + (f"本次为重大变更，涉及：{changes}。\n\n" if v.material else "")
            + f"阅读新版政策及与上一版的逐节对比：\n\n    {read}\n\n"
            + (
                "您此前基于旧版政策作出的部分同意需要重新确认。请打开以下链接，获取验证码后"
                f"逐项选择重新同意或拒绝；如在 {lapse} 前未重新同意，原同意将失效：\n\n"
                f"    {link}\n\n"
                if token
                else ""
            )
            + "本邮件不含您的任何个人信息。如有疑问，请直接回复本邮件。\n\n"
            f"{company}\n"
        )
    else:
        changes = ", ".join(CHANGE_WORDS[c][0] for c in v.changes)
        subject = f"Our privacy policy has changed (version {v.version}, in effect {effective})"
        text = (
            f"Hello,\n\n{company} has published version {v.version} of its privacy policy, "
            f"in effect from {effective}.\n\nWhat changed:\n{v.summary_en}\n\n"
            + (f"This is a material change to: {changes}.\n\n" if v.material else "")
            + f"Read the new policy and what changed, section by section:\n\n    {read}\n\n"
            + (
                "Some consents you gave under the earlier policy need renewing. Open this "
                "link, ask for a one-time code, then renew or decline each one; a consent "
                f"not renewed by {lapse} lapses:\n\n    {link}\n\n"
                if token
                else ""
            )
            + "This mail holds none of your personal information. Questions? Simply reply "
            f"to this mail.\n\n{company}\n"
        )
    return OutgoingMail(to, subject, text, headers=_headers(n))


def code_mail(n: Notice, to: str, code: str, minutes: int, company: str) -> OutgoingMail:
    if n.language == "zh":
        subject = f"您的验证码：{code}"
        text = (
            f"您好：\n\n用于重新确认同意的验证码为：\n\n    {code}\n\n"
            f"请在 {minutes} 分钟内输入。如果不是您本人操作，请忽略本邮件。\n\n{company}\n"
        )
    else:
        subject = f"Your one-time code: {code}"
        text = (
            f"Hello,\n\nYour code to renew your consents:\n\n    {code}\n\n"
            f"Enter it within {minutes} minutes. If this was not you, ignore this mail.\n\n"
            f"{company}\n"
        )
    return OutgoingMail(to, subject, text, headers=_headers(n))
