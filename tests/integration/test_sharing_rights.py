"""Sharing meets the requests of the person on both backends (R3.6, R4.1): the access
package lists the recipients the disclosure log says received the person's data; a
correction carried out on the person's request is passed on to the recipient that received
the corrected category — and only to it — and tracked until it confirms."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from piiguard.bootstrap import Container
from piiguard.domain.rights.rules import RequestChannel, RequestKind
from piiguard.domain.sharing.disclosure import PassOnAction, PassOnStatus
from piiguard.services.rights.fulfilment import advance
from piiguard.services.rights.intake import RequestInput, open_request, verify_code
from piiguard.services.rights.packages import download_package
from piiguard.services.rights.steps import approve_request, check_document
from piiguard.services.sharing import delivery
from piiguard.services.sharing.share import ShareRequest, share_data
from tests.builders import contact, register
from tests.integration.test_sharing import ALICE, CLERK, PURPOSE, bound, consent_abroad
from tests.mailserver import SmtpSink, body_text

EMAIL = "li.lei@example.cn"


def _verified(c: Container, mailbox: SmtpSink, kind: RequestKind, **kw: object) -> str:
    mailbox.messages.clear()
    opened = open_request(
        c.uow(),
        c.requests,
        "subject:web",
        RequestInput(kind, RequestChannel.WEB, EMAIL, "en", **kw),  # type: ignore[arg-type]
    )
    msg = mailbox.wait_for(
        lambda m: m["To"] == EMAIL and "X-Piiguard-Request" in m and "(" in str(m["Subject"])
    )
    code = str(msg["Subject"]).rsplit("(", 1)[1].rstrip(")）")
    verify_code(c.uow(), c.requests, opened.request.id, code)
    mailbox.messages.clear()
    return opened.request.id


def shared(c: Container) -> str:
    sid = register(c, *contact(EMAIL, "13812345678", "李雷")).subject.id
    bound(c)
    consent_abroad(c, sid, recipient="acme-de")
    out = share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (sid,)))
    assert out.share.disclosed == 1
    return sid


@pytest.mark.req("R3.6")
@pytest.mark.req("R4.1")
def test_the_access_package_lists_the_recipients_from_the_log(
    c: Container, mailbox: SmtpSink
) -> None:
    shared(c)
    rid = _verified(c, mailbox, RequestKind.ACCESS)
    advance(c.uow(), c.requests, rid)
    answer = mailbox.wait_for(lambda m: m["To"] == EMAIL)
    link = next(w for w in body_text(answer).split() if "/privacy/packages/" in w)
    _, zipped = download_package(c.uow(), c.requests, link.rsplit("/", 1)[1], consume=True)
    with zipfile.ZipFile(io.BytesIO(zipped)) as z:
        doc = json.loads(z.read("package.json"))
    [acme] = [r for r in doc["recipients"] if r["system"] == "acme-de"]
    assert acme["system_name"] == "Acme Service GmbH" and acme["region"] == "DE"
    assert acme["purpose"] == PURPOSE
    assert acme["categories"] == ["user.contact.email", "user.name"]


@pytest.mark.req("R3.6")
def test_a_correction_is_passed_on_to_the_recipient_that_received_it(
    c: Container, mailbox: SmtpSink
) -> None:
    sid = shared(c)
    rid = _verified(c, mailbox, RequestKind.CORRECTION, changes={"user.name": "李磊"})
    advance(c.uow(), c.requests, rid)
    [p] = delivery.list_pass_ons(c.uow(), request_id=rid)
    assert (p.recipient, p.subject_id, p.action, p.categories, p.status) == (
        "acme-de",
        sid,
        PassOnAction.CORRECT,
        frozenset({"user.name"}),
        PassOnStatus.OPEN,  # no webhook: the recipient pulls its notices
    )
    # a correction of what never went to the recipient tells it nothing
    other = _verified(
        c, mailbox, RequestKind.CORRECTION, changes={"user.contact.phone_number": "13900000000"}
    )
    advance(c.uow(), c.requests, other)
    assert delivery.list_pass_ons(c.uow(), request_id=other) == []


@pytest.mark.req("R3.6")
def test_a_deletion_is_passed_on_with_every_category_the_recipient_received(
    c: Container, mailbox: SmtpSink
) -> None:
    sid = shared(c)
    rid = _verified(c, mailbox, RequestKind.DELETION)
    advance(c.uow(), c.requests, rid)  # the second step: a document checked, another approves
    check_document(c.uow(), c.requests, CLERK, rid, "resident ID card")
    approve_request(c.uow(), c.requests, ALICE, rid)
    advance(c.uow(), c.requests, rid)
    [p] = delivery.list_pass_ons(c.uow(), request_id=rid)
    assert (p.recipient, p.subject_id, p.action, p.categories) == (
        "acme-de",
        sid,
        PassOnAction.DELETE,
        frozenset({"user.contact.email", "user.name"}),  # what it received, not the phone
    )
