"""The web privacy centre end to end (R9.1, R4.3, R4.1, R4.2, R2.8): a person makes each kind
of request on the pages in Chinese and in English, reads the code from the mail that arrived
at the loopback SMTP server, confirms it, and sees the status; the request is carried out
at once. Bad input keeps what was typed and names the field; a form without its CSRF token
does nothing; a contact we hold nothing on gets the same page and the same mail; the
consents page grants and withdraws (the decision point follows); the package page shows
the copy and its download uses the link up. Both backends."""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import zipfile
from collections.abc import Iterator
from email.message import EmailMessage
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.consent import ConsentKind
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.rights.ports import QueueFilter
from piiguard.domain.rights.rules import RequestKind, RequestStatus
from piiguard.domain.subjects import Channel
from piiguard.services.decisions import evaluate_access
from piiguard.services.policy.consents import list_consents, list_restrictions
from piiguard.services.rights.intake import list_requests, request_status
from piiguard.services.subjects.read import read_subject_data
from piiguard.web.privacy.texts import KINDS, STATUSES, TEXT
from tests.builders import contact, register
from tests.e2e.conftest import TestClient, app_for
from tests.mailserver import SmtpSink, body_text

ACCEPT = {"zh": "zh-CN,zh;q=0.9,en;q=0.5", "en": "en-GB,en;q=0.9,zh;q=0.3"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
CODE = re.compile(r"^ {4}(\d{6})$", re.MULTILINE)
LINK = re.compile(r"https?://[^/\s]+(/privacy/packages/[0-9a-f]{64})")
REPLY = re.compile(r"关于您的请求|About your request")  # the closing reply, not the code
ERP = Actor("erp", ActorKind.SYSTEM, frozenset({"system"}))
EMAIL = "li.lei@example.cn"


def say(key: str, lang: str) -> str:
    return TEXT[key][0 if lang == "zh" else 1]


@pytest.fixture
def web(container: Container) -> Iterator[TestClient]:
    """The app over https (the privacy centre's cookies are Secure)."""
    with TestClient(app_for(container), base_url="https://testserver") as client:
        yield client


def subject(c: Container, email: str = EMAIL) -> str:
    return register(c, *contact(email=email)).subject.id


def csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert found, "the page has no CSRF token"
    return found.group(1)


def submit(web: TestClient, lang: str, **form: Any) -> httpx.Response:
    """The form as a browser posts it: the page first (its token and cookie), then the post."""
    page = web.get("/privacy", headers={"Accept-Language": ACCEPT[lang]})
    assert page.status_code == 200, page.text
    return web.post(
        "/privacy/requests",
        data={"csrf_token": csrf(page.text), **form},
        headers={"Accept-Language": ACCEPT[lang]},
        follow_redirects=False,
    )


def opened(web: TestClient, lang: str, **form: Any) -> str:
    r = submit(web, lang, **form)
    assert r.status_code == 303, r.text
    found = re.fullmatch(r"/privacy/requests/([0-9a-f-]{36})", r.headers["location"])
    assert found, r.headers["location"]
    return found.group(1)


def mail_for(
    mailbox: SmtpSink, rid: str, pattern: re.Pattern[str] = CODE, skip: int = 0
) -> EmailMessage:
    """The (skip+1)-th mail about request `rid` whose text matches `pattern`."""

    def wanted(m: EmailMessage) -> bool:
        return m["X-Piiguard-Request"] == rid and bool(pattern.search(body_text(m)))

    mailbox.wait_for(lambda _m: sum(wanted(x) for x in list(mailbox.messages)) > skip)
    return [m for m in list(mailbox.messages) if wanted(m)][skip]


def code_of(mailbox: SmtpSink, rid: str, skip: int = 0) -> str:
    found = CODE.search(body_text(mail_for(mailbox, rid, skip=skip)))
    assert found
    return found.group(1)


def status_page(web: TestClient, lang: str, rid: str) -> httpx.Response:
    r = web.get(f"/privacy/requests/{rid}", headers={"Accept-Language": ACCEPT[lang]})
    assert r.status_code == 200, r.text
    return r


def verify(web: TestClient, lang: str, rid: str, code: str) -> httpx.Response:
    page = status_page(web, lang, rid)
    return web.post(
        f"/privacy/requests/{rid}/verify",
        data={"csrf_token": csrf(page.text), "code": code},
        headers={"Accept-Language": ACCEPT[lang]},
        follow_redirects=False,
    )


def main_text(page: str) -> str:
    """The visible text of the page's <main>, tags dropped, spaces squeezed."""
    found = re.search(r"<main[^>]*>(.*)</main>", page, re.DOTALL)
    assert found
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split())


def shown_status(page: str) -> str:
    found = re.search(r'id="request-status" data-status="([a-z_]+)"', page)
    assert found
    return found.group(1)


class _Form(HTMLParser):
    """What an accessibility check needs: controls, labels, fieldsets and legends."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.fieldsets = 0
        self.legends = 0
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append(a)
        elif tag == "label" and a.get("for"):
            self.labels.add(a["for"] or "")
        elif tag == "fieldset":
            self.fieldsets += 1
        elif tag == "legend":
            self.legends += 1


def accessible(page: str, lang: str) -> _Form:
    """Every control has a label (by id), every fieldset a legend, the page its language,
    and every aria-describedby names elements on the page."""
    p = _Form()
    p.feed(page)
    assert p.lang == HTML_LANG[lang]
    for ctl in p.controls:
        assert ctl.get("id") in p.labels, f"no label for {ctl}"
    assert p.fieldsets == p.legends
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    for ref in re.findall(r'aria-describedby="([^"]+)"', page):
        assert set(ref.split()) <= ids, ref
    return p


# --- every kind of request, in each language ----------------------------------------------------

FORMS: dict[RequestKind, dict[str, Any]] = {
    RequestKind.ACCESS: {"concerns": ["user.contact", "user.name"]},
    RequestKind.PORTABILITY: {},
    RequestKind.CORRECTION: {
        "change_category": ["user.name", "", ""],
        "change_value": ["韩梅梅", "", ""],
        "text": "My name was misspelt",
    },
    RequestKind.OBJECTION: {"purposes": ["consultation_recommendation"]},
    RequestKind.RESTRICTION: {},
    RequestKind.DELETION: {"text": "Please delete everything"},
}
ENDS = {RequestKind.DELETION: RequestStatus.AWAITING_SECOND_STEP}  # four eyes first


@pytest.mark.req("R9.1")
@pytest.mark.req("R4.3")
@pytest.mark.req("R4.1")
@pytest.mark.req("R4.2")
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", list(RequestKind))
def test_each_kind_of_request_on_the_pages(
    container: Container, web: TestClient, mailbox: SmtpSink, kind: RequestKind, lang: str
) -> None:
    c = container
    sid = subject(c)
    rid = opened(web, lang, kind=kind.value, contact=f"  {EMAIL.upper()} ", **FORMS[kind])
    page = status_page(web, lang, rid)
    accessible(page.text, lang)
    assert shown_status(page.text) == "awaiting_verification"
    assert KINDS[kind][0 if lang == "zh" else 1] in page.text
    assert 'id="code"' in page.text  # the code form
    assert EMAIL not in page.text.lower()  # the contact is never shown back

    code_mail = mail_for(mailbox, rid)
    assert code_mail["To"] == EMAIL
    assert ("请确认" in code_mail["Subject"]) == (lang == "zh")
    assert f"http://testserver/privacy/requests/{rid}" in body_text(code_mail)

    r = verify(web, lang, rid, code_of(mailbox, rid))
    assert r.status_code == 303, r.text
    assert r.headers["location"] == f"/privacy/requests/{rid}?shown=verified"
    assert "__Host-piiguard-privacy-pass=" in r.headers["set-cookie"]
    page = web.get(r.headers["location"], headers={"Accept-Language": ACCEPT[lang]})
    want = ENDS.get(kind, RequestStatus.COMPLETED)
    assert shown_status(page.text) == want
    assert STATUSES[want][0 if lang == "zh" else 1] in page.text
    assert say("verified", lang) in page.text
    assert 'id="code"' not in page.text
    assert 'id="manage-consents"' in page.text  # this browser holds the pass
    assert request_status(c.uow(), rid).subject_id == sid

    if want is RequestStatus.COMPLETED:
        reply = mail_for(mailbox, rid, REPLY)
        assert reply["To"] == EMAIL
        assert ("已答复" in reply["Subject"]) == (lang == "zh")
        assert bool(LINK.search(body_text(reply))) == (
            kind in (RequestKind.ACCESS, RequestKind.PORTABILITY)
        )
        assert say("verified", lang) in page.text
    if kind is RequestKind.CORRECTION:  # R2.8: the vault holds the corrected value
        _, items = read_subject_data(
            c.uow(),
            c.vault,
            c.clock,
            OPERATOR,
            c.snapshots,
            sid,
            "order_fulfilment",
            frozenset({"user.name"}),
        )
        assert [i.value for i in items] == ["韩梅梅"]
    if kind in (RequestKind.OBJECTION, RequestKind.RESTRICTION):
        found = list_restrictions(c.uow(), OPERATOR, sid)
        assert found, "nothing restricted"
        if kind is RequestKind.OBJECTION:
            assert {r.purpose for r in found} == {"consultation_recommendation"}
        else:
            assert [r.purpose for r in found] == [None]  # every purpose
    if kind is RequestKind.DELETION:
        assert "document" in page.text or "证件" in page.text


# --- bad input, CSRF, the unknown contact ----------------------------------------------------


@pytest.mark.req("R9.1")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_input_shows_the_fields_error_and_keeps_what_was_typed(
    container: Container, web: TestClient, mailbox: SmtpSink, lang: str
) -> None:
    form = {
        "kind": "correction",
        "contact": "",
        "text": "名字写错了 <b>",
        "concerns": ["user.contact", "user.name"],
        "change_category": ["user.name", "", ""],
        "change_value": ["", "", ""],
    }
    r = submit(web, lang, **form)
    assert r.status_code == 422
    page = r.text
    accessible(page, lang)
    # both errors in the summary (linked to their fields) and next to each field
    assert 'id="error-summary"' in page
    assert 'href="#contact"' in page and 'href="#change-category-1"' in page
    assert say("err_contact", lang) in page and say("err_change_pair", lang) in page
    assert re.search(
        r'<input type="text" id="contact"[^>]*aria-describedby="contact-hint '
        r'contact-error"[^>]*aria-invalid="true"',
        page,
    )
    # nothing lost: the kind, the text (escaped), the ticked categories, the change
    assert re.search(r'id="kind-correction" value="correction" required checked', page)
    assert "名字写错了 &lt;b&gt;</textarea>" in page
    assert re.search(r'value="user.contact" checked', page)
    assert re.search(r'value="user.name" checked', page)
    assert '<option value="user.name" selected>' in page

    # errors the use case finds: a contact that is neither email nor phone, too much text
    r = submit(web, lang, kind="access", contact="not a contact", text="x")
    assert r.status_code == 422
    assert say("err_contact", lang) in r.text and 'value="not a contact"' in r.text
    r = submit(web, lang, kind="access", contact=EMAIL, text="长" * 5001)
    assert r.status_code == 422 and say("err_text", lang) in r.text
    r = submit(web, lang, kind="correction", contact=EMAIL)  # what is wrong?
    assert r.status_code == 422 and say("err_changes", lang) in r.text
    r = submit(web, lang, contact=EMAIL)  # no kind
    assert r.status_code == 422 and say("err_kind", lang) in r.text
    assert f'value="{EMAIL}"' in r.text
    assert list_requests(container.uow(), QueueFilter()) == []
    assert mailbox.messages == []


@pytest.mark.req("R9.1")
def test_a_form_without_its_csrf_token_is_refused(
    container: Container, web: TestClient, mailbox: SmtpSink
) -> None:
    form = {"kind": "access", "contact": EMAIL}
    r = web.post("/privacy/requests", data=form, follow_redirects=False)  # no cookie, no token
    assert r.status_code == 403
    assert say("err_csrf", "zh") in r.text
    assert f'value="{EMAIL}"' in r.text  # shown again, nothing lost
    web.get("/privacy")  # the cookie, but a token of another browser
    r = web.post("/privacy/requests", data={**form, "csrf_token": "0" * 64}, follow_redirects=False)
    assert r.status_code == 403
    assert list_requests(container.uow(), QueueFilter()) == []
    assert mailbox.messages == []

    rid = opened(web, "en", **form)
    code = code_of(mailbox, rid)
    for path in ("verify", "code"):
        r = web.post(f"/privacy/requests/{rid}/{path}", data={"code": code}, follow_redirects=False)
        assert r.status_code == 403, path
    assert request_status(container.uow(), rid).status is RequestStatus.AWAITING_VERIFICATION
    assert len(mailbox.messages) == 1  # no new code either
    r = web.post(
        "/privacy/consents",
        data={"purpose": "service_improvement", "action": "grant"},
        follow_redirects=False,
    )
    assert r.status_code == 403


@pytest.mark.req("R4.3")
@pytest.mark.req("R9.1")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_contact_we_hold_nothing_on_gets_the_same_page_and_mail(
    container: Container, web: TestClient, mailbox: SmtpSink, lang: str
) -> None:
    subject(container)
    stranger = "nobody.here@example.org"
    known = opened(web, lang, kind="access", contact=EMAIL)
    unknown = opened(web, lang, kind="access", contact=stranger)

    def page(rid: str) -> str:
        return status_page(web, lang, rid).text.replace(rid, "<id>")

    assert page(known) == page(unknown)

    def mail(rid: str) -> tuple[str, str]:
        m = mail_for(mailbox, rid)
        code = code_of(mailbox, rid)
        return (
            m["Subject"].replace(code, "<code>"),
            body_text(m).replace(rid, "<id>").replace(code, "<code>"),
        )

    assert mail(known) == mail(unknown)
    assert mail_for(mailbox, unknown)["To"] == stranger

    # once confirmed, the owner of that address is told we hold nothing, and has nothing
    # to manage — in the words used when there are no consents
    r = verify(web, lang, unknown, code_of(mailbox, unknown))
    assert r.status_code == 303
    assert shown_status(status_page(web, lang, unknown).text) == "completed"
    reply = mail_for(mailbox, unknown, re.compile("未持有|hold no personal information"))
    assert not LINK.search(body_text(reply))
    consents = web.get("/privacy/consents", headers={"Accept-Language": ACCEPT[lang]})
    assert say("consents_none", lang) in consents.text
    assert "<form" not in main_text(consents.text)


@pytest.mark.req("R4.3")
@pytest.mark.req("R9.1")
def test_phone_requests_wait_for_a_call_back_and_nothing_is_mailed(
    container: Container, web: TestClient, mailbox: SmtpSink
) -> None:
    rid = opened(web, "en", kind="access", contact="+86 138 1234 5678")
    page = status_page(web, "en", rid).text
    assert "call the number you gave" in page
    assert 'id="code"' not in page and "csrf_token" not in page
    assert mailbox.messages == []


# --- the code ------------------------------------------------------------------------------------


@pytest.mark.req("R4.3")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_wrong_codes_say_how_many_tries_are_left_and_new_codes_are_rate_limited(
    container: Container, web: TestClient, mailbox: SmtpSink, lang: str
) -> None:
    subject(container)
    web.headers["Accept-Language"] = ACCEPT[lang]
    rid = opened(web, lang, kind="access", contact=EMAIL)
    code = code_of(mailbox, rid)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for left in (4, 3, 2, 1):
        r = verify(web, lang, rid, wrong)
        assert r.status_code == 422
        assert say("err_code_wrong", lang).format(n=left) in r.text
        assert 'aria-describedby="code-help code-error"' in r.text
        assert 'href="#code"' in r.text  # in the summary too
    r = verify(web, lang, rid, wrong)  # the fifth: the code is used up
    assert r.status_code == 422 and say("err_code_dead", lang) in r.text
    r = verify(web, lang, rid, code)  # even the right one, now
    assert r.status_code == 422 and say("err_code_dead", lang) in r.text
    assert "set-cookie" not in r.headers or "pass" not in r.headers["set-cookie"]

    for n in (1, 2):  # three codes an hour: the first, and two new ones
        page = status_page(web, lang, rid)
        r = web.post(
            f"/privacy/requests/{rid}/code",
            data={"csrf_token": csrf(page.text)},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"].endswith("?shown=code")
        code = code_of(mailbox, rid, skip=n)
    page = status_page(web, lang, rid)
    r = web.post(
        f"/privacy/requests/{rid}/code",
        data={"csrf_token": csrf(page.text)},
        follow_redirects=False,
    )
    assert r.status_code == 429 and say("err_too_many", lang) in r.text
    assert verify(web, lang, rid, code).status_code == 303
    assert request_status(container.uow(), rid).status is RequestStatus.COMPLETED


@pytest.mark.req("R4.3")
def test_knowing_the_reference_of_a_confirmed_request_gives_no_pass(
    container: Container, web: TestClient, mailbox: SmtpSink
) -> None:
    subject(container)
    rid = opened(web, "en", kind="access", contact=EMAIL)
    assert verify(web, "en", rid, code_of(mailbox, rid)).status_code == 303
    with TestClient(web.app, base_url="https://testserver") as other:
        token = csrf(other.get("/privacy").text)  # a valid form token of its own
        r = other.post(
            f"/privacy/requests/{rid}/verify",
            data={"csrf_token": token, "code": "123456"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        assert "pass" not in r.headers.get("set-cookie", "")
        page = other.get("/privacy/consents")
        assert say("consents_need_pass", "zh").format(minutes=30) in page.text
        # a forged or altered pass is no pass
        other.cookies.set(
            "__Host-piiguard-privacy-pass", f"{rid}.9999999999.{'0' * 64}", domain="testserver"
        )
        page = other.get("/privacy/consents")
        assert say("consents_need_pass", "zh").format(minutes=30) in page.text


@pytest.mark.req("R9.1")
def test_an_unknown_request_or_address_is_a_plain_not_found_page(web: TestClient) -> None:
    for rid in ("00000000-0000-4000-8000-000000000000", "not-a-request"):
        r = web.get(f"/privacy/requests/{rid}", headers={"Accept-Language": ACCEPT["en"]})
        assert r.status_code == 404
        assert say("not_found", "en") in r.text
        assert r.headers["content-type"].startswith("text/html")


@pytest.mark.req("R9.1")
def test_the_language_switch_is_remembered(web: TestClient) -> None:
    r = web.get("/privacy?lang=en", headers={"Accept-Language": ACCEPT["zh"]})
    assert accessible(r.text, "en").lang == "en"
    assert 'href="/privacy?lang=zh-CN"' in r.text
    r = web.get("/privacy", headers={"Accept-Language": ACCEPT["zh"]})
    assert accessible(r.text, "en").lang == "en"
    r = web.get("/privacy", headers={"Accept-Language": "de-DE"})
    assert 'lang="en"' in r.text  # the cookie still
    web.cookies.clear()
    r = web.get("/privacy", headers={"Accept-Language": "de-DE,fr"})
    assert accessible(r.text, "zh").lang == "zh-CN"  # Chinese by default
    for right in (
        "right_access",
        "right_correction",
        "right_objection",
        "right_restriction",
        "right_deletion",
        "right_portability",
    ):
        assert say(right, "zh") in r.text
    assert "30" in say("rights_due", "zh").format(days=30) and "30 日内" in r.text
    assert r.headers["content-security-policy"].startswith("default-src 'none'")
    assert r.headers["x-frame-options"] == "DENY"


# --- consents ---------------------------------------------------------------------------------


def _decision(c: Container, sid: str, purpose: str) -> str:
    return evaluate_access(
        c.uow(), c.snapshots, c.clock, ERP, sid, purpose, frozenset({"user.contact.email"})
    ).outcome


@pytest.mark.req("R4.2")
@pytest.mark.req("R9.1")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_verified_requester_grants_and_withdraws_consent(
    container: Container, web: TestClient, mailbox: SmtpSink, lang: str
) -> None:
    c = container
    sid = subject(c)
    purpose = "consultation_recommendation"
    rid = opened(web, lang, kind="access", contact=EMAIL)
    assert verify(web, lang, rid, code_of(mailbox, rid)).status_code == 303
    head = {"Accept-Language": ACCEPT[lang]}
    page = web.get("/privacy/consents", headers=head)
    assert page.status_code == 200
    accessible(page.text, lang)
    assert f'id="consent-{purpose}"' in page.text
    assert 'id="consent-service_improvement"' in page.text
    assert 'id="consent-order_fulfilment"' not in page.text  # needs no consent
    assert _decision(c, sid, purpose) == "denied"

    shown = re.search(rf'<p class="hint" id="text-{purpose}">([^<]+)</p>', page.text)
    assert shown
    text_shown = html.unescape(shown.group(1))
    r = web.post(
        "/privacy/consents",
        data={"csrf_token": csrf(page.text), "purpose": purpose, "action": "grant"},
        headers=head,
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/privacy/consents?done=granted"
    page = web.get(r.headers["location"], headers=head)
    assert say("granted", lang) in page.text
    given = re.search(rf'id="state-{purpose}">([^<]+)<', page.text)
    assert given and given.group(1) != say("consent_not_given", lang)
    assert _decision(c, sid, purpose) == "allowed"  # from the next decision on
    [consent] = list_consents(c.uow(), OPERATOR, sid)
    assert (consent.purpose, consent.kind, consent.channel) == (
        purpose,
        ConsentKind.GENERAL,
        Channel.WEB,
    )
    assert consent.recorded_by == f"subject:{sid}"
    assert consent.text_hash == hashlib.sha256(text_shown.encode()).hexdigest()
    assert ("同意" in text_shown) == (lang == "zh")

    r = web.post(
        "/privacy/consents",
        data={"csrf_token": csrf(page.text), "purpose": purpose, "action": "withdraw"},
        headers=head,
        follow_redirects=False,
    )
    assert r.headers["location"] == "/privacy/consents?done=withdrawn"
    page = web.get(r.headers["location"], headers=head)
    assert say("withdrawn", lang) in page.text
    assert re.search(
        rf'id="state-{purpose}">{re.escape(say("consent_not_given", lang))}<', page.text
    )
    assert _decision(c, sid, purpose) == "denied"
    # only the purposes that need consent, and only with a pass
    r = web.post(
        "/privacy/consents",
        data={"csrf_token": csrf(page.text), "purpose": "order_fulfilment", "action": "grant"},
        headers=head,
        follow_redirects=False,
    )
    assert r.status_code == 422
    assert len(list_consents(c.uow(), OPERATOR, sid)) == 1


# --- the package ---------------------------------------------------------------------------------


@pytest.mark.req("R4.1")
@pytest.mark.req("R4.2")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_package_page_shows_the_copy_and_the_download_uses_the_link_up(
    container: Container, web: TestClient, mailbox: SmtpSink, lang: str
) -> None:
    subject(container)
    head = {"Accept-Language": ACCEPT[lang]}
    rid = opened(web, lang, kind="access", contact=EMAIL)
    assert verify(web, lang, rid, code_of(mailbox, rid)).status_code == 303
    found = LINK.search(body_text(mail_for(mailbox, rid, LINK)))
    assert found
    path = found.group(1)

    for _ in range(2):  # reading the page does not use the link up
        r = web.get(path, headers=head)
        assert r.status_code == 200, r.text
        assert EMAIL in r.text and "李雷" in r.text  # the person's own data, readable
        assert f'href="{path}/download"' in r.text
        assert say("package_once", lang) in r.text
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "'sha256-" in csp
        assert "unsafe-inline" not in csp and "script-src" not in csp
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["cache-control"] == "no-store"

    r = web.get(f"{path}/download", headers=head)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/zip"
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert {"access.html", "package.json", "items.csv"} <= set(zf.namelist())
        body = json.loads(zf.read("package.json"))
        assert EMAIL in zf.read("items.csv").decode("utf-8-sig")
    assert body["request_id"] == rid

    for url in (f"{path}/download", path):  # used: gone, and the page says to ask again
        r = web.get(url, headers=head)
        assert r.status_code == 410
        assert say("gone", lang) in r.text and 'href="/privacy"' in r.text
    r = web.get("/privacy/packages/" + "0" * 64, headers=head)
    assert r.status_code == 404 and say("gone", lang) in r.text


@pytest.mark.req("R4.2")
def test_a_portability_export_downloads_as_json_once(
    container: Container, web: TestClient, mailbox: SmtpSink
) -> None:
    subject(container)
    rid = opened(web, "en", kind="portability", contact=EMAIL)
    assert verify(web, "en", rid, code_of(mailbox, rid)).status_code == 303
    found = LINK.search(body_text(mail_for(mailbox, rid, LINK)))
    assert found
    path = found.group(1)
    r = web.get(path, headers={"Accept-Language": ACCEPT["en"]})
    assert r.status_code == 200 and say("download_json", "en") in r.text
    r = web.get(f"{path}/download")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    doc = json.loads(r.content)
    assert doc["format"].startswith("piiguard.portability/")
    assert EMAIL in r.text
    assert web.get(f"{path}/download").status_code == 410
