"""The privacy centre shows a person the recipients abroad that received their data (R7.1),
on both databases: without a verified request's pass the page says how to get one; with
it, a recipient abroad that got their data is listed (name, country, purpose, categories),
a recipient at home is not, and nobody else's shares appear; in Chinese and English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from piiguard.bootstrap import Container
from piiguard.domain.rights.rules import RequestKind
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.share import ShareRequest, share_data
from tests.e2e.conftest import app_for
from tests.e2e.test_privacy_centre import (
    ACCEPT,
    EMAIL,
    code_of,
    opened,
    say,
    subject,
    verify,
)
from tests.integration.test_sharing import ALICE, PURPOSE, acme, bound, consent_abroad
from tests.mailserver import SmtpSink

pytestmark = [pytest.mark.req("R7.1")]


@pytest.fixture
def web(container: Container) -> Iterator[TestClient]:
    """The app over https (the privacy centre's cookies are Secure)."""
    with TestClient(app_for(container), base_url="https://testserver") as client:
        yield client


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_person_sees_their_data_sent_abroad(
    container: Container, web: TestClient, mailbox: SmtpSink, lang: str
) -> None:
    c = container
    sid = subject(c)
    other = subject(c, "someone.else@example.cn")
    bound(c)
    reg.save_recipient(c.uow(), c.clock, ALICE, acme("acme-cn", "CN"))
    for who in (sid, other):
        consent_abroad(c, who, recipient="acme-de")
    share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (sid,)))
    h = {"Accept-Language": ACCEPT[lang]}
    before = web.get("/privacy/transfers", headers=h)
    assert before.status_code == 200 and "Acme Service GmbH" not in before.text
    assert 'id="transfers-state"' in before.text
    rid = opened(web, lang, kind=RequestKind.PORTABILITY.value, contact=EMAIL)
    assert verify(web, lang, rid, code_of(mailbox, rid)).status_code == 303
    page = web.get("/privacy/transfers", headers=h)
    assert page.status_code == 200
    assert '<tr data-recipient="acme-de">' in page.text
    assert "Acme Service GmbH" in page.text and "<td>DE</td>" in page.text
    assert PURPOSE in page.text and "user.contact.email" in page.text
    assert 'data-recipient="acme-cn"' not in page.text
    assert ("向境外提供" if lang == "zh" else "Your data sent abroad") in page.text
    assert say("transfers_title", lang) in page.text
