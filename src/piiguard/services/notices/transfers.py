"""Every person a business transfer concerns is told (R3.4; PIPL Art. 22: the receiving
party's name and contact): a mail in their language (zh/en) through the notices' batch
(services/notices/batch.py) — at most `per_pass` a pass, resumable after a crash, nobody
mailed twice, each person's status recorded (business_transfer_notices). Run by the
`transfer-notices` job (bootstrap/jobs.py) and `piiguard business-transfer notify`. The mail
holds no personal information of the person: the acquirer, the kind, the date, the scope's
words, where to ask."""

from __future__ import annotations

from dataclasses import replace

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Forbidden
from piiguard.domain.policy.notices import Notice, NoticeStatus
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.domain.sharing.business import BusinessTransfer, TransferKind
from piiguard.domain.sharing.register import Recipient
from piiguard.services.notices._common import NoticeKit
from piiguard.services.notices.batch import (
    BatchReport,
    NoticeKind,
    Prepare,
    mark_uncertain,
    release,
    send_all,
)

KIND = NoticeKind(
    lambda uow: uow.sharing.transfer_notices(),
    "sharing.transfer_notice",
    "transfer_notice",
    "transfer",
)
WORDS: dict[TransferKind, tuple[str, str]] = {  # (zh, en)
    TransferKind.MERGER: ("合并", "a merger"),
    TransferKind.ACQUISITION: ("收购", "an acquisition"),
    TransferKind.BANKRUPTCY: ("破产", "a bankruptcy"),
    TransferKind.ASSET_TRANSFER: ("资产转让", "an asset transfer"),
}


class TransferNoticeReport(BatchReport):
    def summary(self) -> str:
        return f"business transfer notices {self.counts()}"


def transfer_mail(
    n: Notice, to: str, b: BusinessTransfer, acquirer: Recipient, company: str
) -> OutgoingMail:
    day = b.effective_at.date().isoformat()
    zh_kind, en_kind = WORDS[b.kind]
    name, country, contact = acquirer.legal_name, acquirer.country, acquirer.contact
    if n.language == "zh":
        scope = "、".join(sorted(b.categories)) if b.categories else "我们持有的全部个人信息"
        subject = f"您的个人信息将因{zh_kind}转移至{name}"
        text = (
            f"您好：\n\n因{zh_kind}，{company} 自 {day} 起将您的个人信息转移至接收方：\n\n"
            f"    {name}（{country}）\n    联系方式：{contact}\n\n"
            f"转移范围：{scope}。\n\n"
            f"接收方已书面承诺继续遵守我们的隐私政策，履行个人信息处理者的义务；如其变更原先的"
            f"处理目的或方式，将重新取得您的同意。您可以向接收方行使查阅、复制、更正、删除等"
            f"权利，也可以直接回复本邮件联系我们。\n\n本邮件不含您的任何个人信息。\n\n{company}\n"
        )
    else:
        scope = ", ".join(sorted(b.categories)) if b.categories else "all personal data we hold"
        subject = f"Your personal data is transferred to {name} ({en_kind})"
        text = (
            f"Hello,\n\nBecause of {en_kind}, {company} transfers your personal data from "
            f"{day} to:\n\n    {name} ({country})\n    Contact: {contact}\n\n"
            f"What is transferred: {scope}.\n\n"
            f"The receiving organisation has undertaken in writing to keep to our privacy "
            f"policy and our obligations; should it change the purpose or means of processing, "
            f"it will ask for your consent again. You may exercise your rights (access, copy, "
            f"correction, deletion ...) with it, or simply reply to this mail to reach us.\n\n"
            f"This mail holds none of your personal information.\n\n{company}\n"
        )
    headers = {"X-Piiguard-Transfer-Notice": n.ref, "Auto-Submitted": "auto-generated"}
    return OutgoingMail(to, subject, text, headers=headers)


def run_transfer_notices(uow: UnitOfWork, kit: NoticeKit, per_pass: int) -> TransferNoticeReport:
    """One pass: rows of a crashed pass marked uncertain, then up to `per_pass` mails."""
    report = TransferNoticeReport()
    report.uncertain = mark_uncertain(uow, KIND, kit.clock.now())
    with uow:
        batch = uow.sharing.transfer_notices().pending(per_pass)
        transfers = {b.id: b for b in uow.sharing.business_transfers(limit=10_000)} if batch else {}
        recipients = {r.key: r for r in uow.sharing.recipients()} if batch else {}

    def prepare(n: Notice) -> Prepare | None:
        b = transfers.get(n.version)
        acquirer = recipients.get(b.acquirer) if b else None
        if b is None or acquirer is None:
            return None

        def mail(uow: UnitOfWork, row: Notice, address: str) -> tuple[Notice, OutgoingMail]:
            del uow
            return replace(row), transfer_mail(row, address, b, acquirer, kit.company)

        return mail

    send_all(uow, kit, KIND, batch, prepare, report)
    return report


def release_transfer_notices(
    uow: UnitOfWork, kit: NoticeKit, actor: Actor, transfer_id: str, subject_ids: list[str]
) -> int:
    """An officer puts people's uncertain or failed notices of a transfer back in the queue
    (accepting that an uncertain one may reach the person twice); how many."""
    if "privacy_officer" not in actor.roles:
        raise Forbidden("only a privacy officer sends a transfer notice again")
    return release(uow, KIND, actor, transfer_id, subject_ids, kit.clock.now())


def uncertain_people(uow: UnitOfWork, transfer_id: str) -> list[str]:
    """The people of a transfer whose notice is uncertain or failed (ids), to release."""
    with uow:
        rows = uow.sharing.transfer_notices().of_version(
            transfer_id, (NoticeStatus.UNCERTAIN, NoticeStatus.FAILED), limit=1000
        )
    return [n.subject_id for n in rows]
