"""The staff console in headless Chromium (R2.6): sign in with password then TOTP, see the
front page; after the idle time (2 s here) the page locks itself — the data leaves the page,
an overlay asks for the password — and the server refuses the session too; the password and
a code unlock it. A form posted without its CSRF token is refused. No page logs a JavaScript
error or a Content-Security-Policy violation.

Playwright drives Debian's chromium (`apt-get install chromium`; .ci/run installs it), so
no browser is downloaded. Without it these tests skip with the reason."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.accounts import StaffAccount
from tests.clocks import SteppingClock
from tests.e2e.conftest import (
    CHROMIUM,
    PASSWORD,
    TestClient,
    app_for,
    free_port,
    login,
    needs_browser,
    totp_code,
)
from tests.passwords import QUICK

IDLE_SECONDS = 2.0
EMAIL = "li.lei@st-machinery.cn"

pytestmark = [needs_browser, pytest.mark.long]


@pytest.fixture
def console(settings: Settings) -> Iterator[tuple[str, Container, TestClient, Any]]:
    """A server on plain http://127.0.0.1 with a 2 s idle lock, and a staff member (sales)
    who enrolled TOTP at the first sign-in."""
    if settings.database_url:
        pytest.skip(
            "the browser test runs on SQLite; the session rules it uses are tested "
            "on both databases in test_staff_api.py"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed (pip install -e .[dev])"
    )
    c = bootstrap(
        settings.model_copy(update={"session_idle_minutes": IDLE_SECONDS / 60}),
        migrate=False,
        clock=SteppingClock(),  # the unlock's code: no wait for it
        passwords=QUICK,
    )
    with c.uow() as uow:
        uow.staff.add(
            StaffAccount(
                "00000000-0000-4000-8000-0000000b0001",
                EMAIL,
                "Li Lei",
                frozenset({"staff"}),
                True,
                c.clock.now(),
                department="sales",
            ),
            c.passwords.hash(PASSWORD),
        )
        uow.commit()
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app_for(c), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    with TestClient(app_for(c)) as api:
        login(api, EMAIL)  # enrols TOTP; the secret stays in api.app.state
        while not server.started:
            time.sleep(0.05)
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                yield f"http://127.0.0.1:{port}", c, api, browser
            finally:
                browser.close()
    server.should_exit = True
    thread.join(10)
    c.close()


def _code(api: TestClient) -> str:
    secret: str = api.app.state.totp_secrets[EMAIL]  # type: ignore[attr-defined]
    return totp_code(api, secret)


@pytest.mark.req("R2.6")
def test_console_signs_in_locks_when_idle_and_unlocks(
    console: tuple[str, Container, TestClient, Any],
) -> None:
    base, _, api, browser = console
    page = browser.new_page(locale="en-GB")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto(f"{base}/console/login")
    assert page.locator("html").get_attribute("lang") == "en"  # Accept-Language
    page.get_by_label("Work email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code").fill(_code(api))  # the TOTP step
    page.get_by_role("button", name="Continue").click()
    assert page.url == f"{base}/console"
    assert "Li Lei" in page.locator("#who").inner_text()
    assert page.locator("#roles").inner_text() == "staff"
    assert page.locator("#lock").is_hidden()

    # idle: the page locks itself and the data leaves it
    page.locator("#lock").wait_for(state="visible", timeout=int(IDLE_SECONDS * 1000) + 4000)
    assert page.locator("#who").count() == 0
    assert page.locator("#content").is_hidden()
    assert page.evaluate("document.activeElement.id") == "unlock-password"
    # ... and the server refuses the session (not only the overlay)
    before = len(errors)  # the refused call logs a resource error: expected, not counted
    got = page.evaluate("""async () => {
        const r = await fetch('/api/v1/staff/me');
        return [r.status, (await r.json()).type]; }""")
    assert got == [401, "urn:piiguard:problem:session-locked"]
    del errors[before:]
    page.reload()
    assert page.locator("#who").count() == 0 and page.locator("#lock-page").is_visible()

    # the password and a code unlock it; the page goes on
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code").fill(_code(api))
    page.get_by_role("button", name="Unlock").click()
    assert page.url == f"{base}/console"
    assert "Li Lei" in page.locator("#who").inner_text()

    # the language switch
    page.get_by_role("link", name="中文").click()
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert errors == []


@pytest.mark.req("R2.6")
def test_console_form_without_csrf_token_is_refused(
    console: tuple[str, Container, TestClient, Any],
) -> None:
    base, _, api, browser = console
    page = browser.new_page(locale="zh-CN")
    page.goto(f"{base}/console/login")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    # the sign-in form itself: without its token, refused
    status = page.evaluate("""async () => (await fetch('/console/login', {method: 'POST',
        body: new URLSearchParams({email: 'x@example.com', password: 'y'})})).status""")
    assert status == 403
    page.get_by_label("工作邮箱").fill(EMAIL)
    page.get_by_label("密码").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.locator("#code").fill(_code(api))
    page.locator("button[type=submit]").click()
    assert page.url == f"{base}/console"
    # sign-out without the token, and with a wrong one: refused, still signed in
    for body in ("{}", "{csrf_token: 'forged'}"):
        status = page.evaluate(f"""async () => (await fetch('/console/logout', {{
            method: 'POST', body: new URLSearchParams({body})}})).status""")
        assert status == 403
        r = page.evaluate("async () => (await fetch('/api/v1/staff/me')).status")
        assert r == 200
    page.get_by_role("button", name="退出登录").click()
    assert page.url.startswith(f"{base}/console/login")
    page.goto(f"{base}/console")
    assert page.url == f"{base}/console/login"


@pytest.mark.req("R2.6")
@pytest.mark.req("R5.3")
def test_a_new_account_enrols_two_step_sign_in_and_changes_its_password_on_the_console(
    console: tuple[str, Container, TestClient, Any],
) -> None:
    """A member of staff whose role needs TOTP and who has none is taken to the enrolment
    page at sign-in, turns it on with a code from the app, gets the recovery codes once,
    reaches the front page, then changes the password on the console."""
    import pyotp  # noqa: PLC0415

    base, c, _, browser = console
    email = "han.mei@st-machinery.cn"
    with c.uow() as uow:
        uow.staff.add(
            StaffAccount(
                "00000000-0000-4000-8000-0000000b0002",
                email,
                "Han Mei",
                frozenset({"staff"}),
                True,
                c.clock.now(),
                department="service",
            ),
            c.passwords.hash(PASSWORD),
        )
        uow.commit()
    page = browser.new_page(locale="en-GB")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/console/login")
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.url == f"{base}/console/enrol"  # nothing else first
    page.get_by_label("6-digit code from the app").fill("000000")
    page.get_by_role("button", name="Turn on").click()
    # a wrong code says so (waited for: the click returns before the answer is shown)
    page.get_by_role("alert").wait_for(state="visible")
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("6-digit code from the app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on").click()
    codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    page.get_by_role("link", name="Continue").click()
    assert page.url == f"{base}/console"
    assert "Han Mei" in page.locator("#who").inner_text()

    new = "copper kettle under the banyan tree"
    page.goto(f"{base}/console/password")
    page.get_by_label("Current password").fill("not my password at all")
    page.get_by_label("New password").fill(new)
    page.get_by_role("button", name="Change").click()
    page.get_by_role("alert").wait_for(state="visible")  # the wrong password, said so
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password").fill(new)
    page.get_by_role("button", name="Change").click()
    assert page.url == f"{base}/console"
    with c.uow(readonly=True) as uow:
        found = uow.staff.by_email(email)
    assert found is not None and c.passwords.verify(found[1], new)
    assert errors == []


@pytest.mark.req("R9.2")
@pytest.mark.req("R4.3")
def test_staff_work_the_request_queue_and_a_request_without_script_errors(
    console: tuple[str, Container, TestClient, Any],
) -> None:
    """The front page's counter leads to the queue (overdue first, in red), a filter narrows
    it, a request opens with what the person asked and its timeline, and it is assigned
    with the keyboard alone; then the same page in Chinese. No JavaScript error and no
    Content-Security-Policy violation on any page."""
    from datetime import timedelta  # noqa: PLC0415

    from piiguard.domain.rights.rules import RequestChannel, RequestKind  # noqa: PLC0415
    from piiguard.services.rights import intake as uc  # noqa: PLC0415

    base, c, api, browser = console

    def letter(kind: RequestKind, contact: str, days: int, text: str) -> str:
        return uc.open_request(
            c.uow(),
            c.requests,
            "system:test",
            uc.RequestInput(
                kind,
                RequestChannel.LETTER,
                contact,
                "en",
                text=text,
                received_at=c.clock.now() - timedelta(days=days),
            ),
        ).request.id

    late = letter(RequestKind.ACCESS, "13800000071", 40, "what do you hold on me")
    fresh = letter(RequestKind.CORRECTION, "13800000072", 1, "my address changed")
    page = browser.new_page(locale="en-GB")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/console/login")
    page.get_by_label("Work email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code").fill(_code(api))
    page.get_by_role("button", name="Continue").click()

    assert page.locator("#open-requests").inner_text() == "Open requests: 2"
    page.locator("#overdue-requests").click()  # overdue: 1, in red
    assert page.url == f"{base}/console/requests?overdue=1"
    assert page.locator("#queue tbody tr").count() == 1
    page.get_by_role("link", name="Request queue").click()
    rows = page.locator("#queue tbody tr")
    assert [rows.nth(i).get_attribute("data-id") for i in range(2)] == [late, fresh]
    assert rows.first.get_attribute("class") == "overdue"
    assert rows.first.locator(".badge.overdue").inner_text() == "10 days overdue"
    page.get_by_label("Kind").select_option("correction")
    page.get_by_role("button", name="Filter").click()
    assert page.locator("#queue tbody tr").count() == 1
    page.get_by_label("Kind").select_option("")
    page.get_by_role("button", name="Filter").click()

    page.locator(f'a[href="/console/requests/{late}"]').click()
    assert page.locator("#text").inner_text() == "what do you hold on me"
    assert page.locator("#timeline tbody tr").first.locator(".step").inner_text() == "Received"
    page.get_by_label("Assign to").select_option(label="Li Lei")
    page.get_by_label("Assign to").focus()
    page.keyboard.press("Tab")  # to the form's button
    assert page.evaluate("document.activeElement.textContent") == "Assign"
    page.keyboard.press("Enter")
    assert page.get_by_role("status").inner_text() == "The request is assigned."
    assert page.locator("#assignee").inner_text() == "Li Lei"
    page.get_by_role("link", name="中文").click()
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.locator("#status").inner_text() == "待验证身份"
    assert errors == []
