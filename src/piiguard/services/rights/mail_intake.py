"""Mail to the privacy mailboxes (R9.1): a mail becomes a request (the sender is the
contact; the code goes back to it), a reply to the code mail from that contact verifies its
request, and a mail that cannot be read or whose kind is unclear goes to a triage queue
that staff read — sealed, never lost."""

from __future__ import annotations

import re

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError, InvalidInput, NotFound
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.ports import InboundMail, OutgoingMail, TriageMail
from piiguard.domain.rights.rules import RequestChannel, RequestKind, RequestStatus
from piiguard.services.ids import new_id
from piiguard.services.notices.views import record_bounce
from piiguard.services.rights._common import get_request, parse_contact
from piiguard.services.rights.fulfilment import advance
from piiguard.services.rights.intake import RequestInput, open_request, verify_code
from piiguard.services.rights.kit import RequestKit

INBOUND = "system:mail-inbound"


KIND_WORDS: dict[RequestKind, tuple[str, ...]] = {
    RequestKind.PORTABILITY: (
        "portab",
        "transfer my data",
        "export my data",
        "转移",
        "导出",
        "可携",
    ),
    RequestKind.ACCESS: ("access", "a copy", "what data", "subject access", "查阅", "复制", "访问"),
    RequestKind.CORRECTION: (
        "correct",
        "rectif",
        "update my",
        "wrong",
        "更正",
        "修改",
        "补充",
        "错误",
    ),
    RequestKind.OBJECTION: (
        "object",
        "withdraw",
        "unsubscribe",
        "opt out",
        "opt-out",
        "stop using",
        "撤回",
        "拒绝",
        "退订",
    ),
    RequestKind.RESTRICTION: ("restrict", "limit the", "限制"),
    RequestKind.DELETION: (
        "delete",
        "erase",
        "erasure",
        "remove my",
        "forget",
        "删除",
        "注销",
        "清除",
    ),
}


def kind_of_mail(subject: str, text: str) -> RequestKind | None:
    """The one kind a mail asks for, by the words of its subject (or, failing that, its
    body) in Chinese or English; None when none or several — staff then read it."""
    for part in (subject, text[:2000]):
        low = part.casefold()
        kinds = {k for k, words in KIND_WORDS.items() if any(w in low for w in words)}
        if kinds == {RequestKind.ACCESS, RequestKind.PORTABILITY}:
            kinds = {RequestKind.PORTABILITY}
        if len(kinds) == 1:
            return kinds.pop()
        if kinds:
            return None
    return None


_CORRECTION = re.compile(r"^\s*([a-z][a-z0-9_.]+)\s*[:=：]\s*(.+?)\s*$", re.MULTILINE)


def intake_mail(uow: UnitOfWork, kit: RequestKit, raw: bytes, recipients: tuple[str, ...]) -> str:
    """A mail to the privacy address becomes a request (the sender is the contact; the code
    goes back to it), or a triage item staff read. Returns the request or triage id."""
    try:
        mail = kit.parse_mail(raw, recipients)
    except InvalidInput as e:
        return _triage(uow, kit, raw, f"unreadable: {e.message}")
    if mail.automatic:  # kept for staff, never answered (no loop between two robots)
        _policy_notice_bounced(uow, kit, raw)
        return _triage(uow, kit, raw, "an automatic reply, bounce or list mail")
    answered = _answer_with_code(uow, kit, mail)
    if answered is not None:
        return answered
    kind = kind_of_mail(mail.subject, mail.text)
    if kind is None:
        return _triage(
            uow,
            kit,
            raw,
            "the kind of request is unclear",
            reply_to=mail.sender,
            language=mail.language,
        )
    changes = dict(_CORRECTION.findall(mail.text)) if (kind is RequestKind.CORRECTION) else {}
    try:
        opened = open_request(
            uow,
            kit,
            INBOUND,
            RequestInput(
                kind,
                RequestChannel.EMAIL,
                mail.sender,
                mail.language,
                text=f"{mail.subject}\n\n{mail.text}"[:5000],
                changes=changes or None,
            ),
        )
    except DomainError as e:
        return _triage(
            uow,
            kit,
            raw,
            f"not accepted: {e.message}",
            reply_to=mail.sender,
            language=mail.language,
        )
    return opened.request.id


_REFERENCE = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
_CODE = re.compile(r"(?<![\d-])(\d{6})(?![\d-])")


def _answer_with_code(uow: UnitOfWork, kit: RequestKit, mail: InboundMail) -> str | None:
    """A reply to the code mail (its reference and the code, quoted or typed) from the
    request's own contact verifies the request, as typing the code on the page would."""
    text = f"{mail.subject}\n{mail.text}"
    for ref in dict.fromkeys(_REFERENCE.findall(text)):
        with uow:
            found = uow.requests.get(ref)
        if found is None or found[0].status is not RequestStatus.AWAITING_VERIFICATION:
            continue
        try:
            sender = parse_contact(mail.sender)[0]
        except InvalidInput:
            return None
        if found[0].contact_hash != kit.vault.keyed_hash(sender):
            continue  # not from the contact the request named: not an answer
        # the code in the subject first ("Re: … (123456)"), then in the text; two tries at
        # most, so other numbers in a quoted mail cannot use up the attempts
        candidates = list(dict.fromkeys(_CODE.findall(mail.subject) + _CODE.findall(mail.text)))[:2]
        for code in candidates:
            try:
                verify_code(uow, kit, ref, code)
            except InvalidInput:
                continue
            advance(uow, kit, ref)
            return str(ref)
    return None


_NOTICE_REF = re.compile(rb"X-Piiguard-Policy-Notice:\s*([0-9A-Za-z.]{1,32}/[0-9A-Za-z-]{1,64})")


def _policy_notice_bounced(uow: UnitOfWork, kit: RequestKit, raw: bytes) -> None:
    """A delivery report (RFC 3464) quoting a policy notice's header: that notice bounced
    (R8.1; services/notices/views.py)."""
    found = _NOTICE_REF.search(raw)
    if found and b"delivery-status" in raw.lower():
        record_bounce(uow, kit.clock.now(), found.group(1).decode())


def _triage(
    uow: UnitOfWork,
    kit: RequestKit,
    raw: bytes,
    reason: str,
    *,
    reply_to: str | None = None,
    language: str = "zh",
) -> str:
    tid = new_id()
    with uow:
        uow.requests.add_triage(
            TriageMail(tid, kit.clock.now(), kit.box.seal(raw, f"triage:{tid}"), reason[:500])
        )
        uow.audit(
            AuditEvent(
                "request.triage",
                "system",
                "mail-inbound",
                "triage",
                tid,
                details={"reason": reason[:200]},
            )
        )
        uow.commit()
    if reply_to:
        zh = language == "zh"
        kit.mailer.send(
            OutgoingMail(
                reply_to,
                "我们已收到您的来信" if zh else "We received your mail",
                (
                    "您好：\n\n我们已收到您关于个人信息的来信，工作人员将尽快与您联系。\n\n"
                    if zh
                    else "Hello,\n\nWe received your mail about your personal information; "
                    "a member of our staff will contact you shortly.\n\n"
                )
                + f"{kit.company}\n",
                headers={"Auto-Submitted": "auto-replied"},
            )
        )
    return tid


def list_triage(uow: UnitOfWork, *, open_only: bool = True) -> list[TriageMail]:
    with uow:
        return uow.requests.triage(open_only=open_only)


def read_triage(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, triage_id: str
) -> tuple[TriageMail, str]:
    """The mail's decoded text for staff to read (the read is recorded)."""
    with uow:
        found = [t for t in uow.requests.triage(open_only=False) if t.id == triage_id]
        if not found:
            raise NotFound(f"no triage mail {triage_id}", field="triage_id")
        uow.audit(
            AuditEvent("request.triage.read", actor.kind.value, actor.id, "triage", triage_id)
        )
        uow.commit()
    raw = kit.box.open(found[0].sealed, f"triage:{triage_id}")
    try:
        mail = kit.parse_mail(raw, ())
        text = f"From: {mail.sender}\nSubject: {mail.subject}\n\n{mail.text}"
    except InvalidInput:
        text = raw.decode("utf-8", "replace")
    return found[0], text


def resolve_triage(
    uow: UnitOfWork, kit: RequestKit, actor: Actor, triage_id: str, request_id: str | None
) -> None:
    with uow:
        if request_id is not None:
            get_request(uow, request_id)
        if not uow.requests.resolve_triage(triage_id, kit.clock.now(), actor.ref, request_id):
            raise NotFound(f"no open triage mail {triage_id}", field="triage_id")
        uow.audit(
            AuditEvent(
                "request.triage.resolve",
                actor.kind.value,
                actor.id,
                "triage",
                triage_id,
                details={"request_id": request_id},
            )
        )
        uow.commit()
