"""The privacy centre in headless Chromium (R9.1, R4.3, R4.1): in each language a person
submits an access request (keyboard only), reads the code from the mail that reached the
loopback SMTP server, types it, follows the link in the reply mail, reads their copy and
downloads the zip once; the used link then says to ask again. No page logs a JavaScript
error or a Content-Security-Policy violation.

Playwright drives Debian's chromium (`apt-get install chromium`; .ci/run installs it), no
browser is downloaded; without it these tests skip with the reason. The server runs in a
thread on http://127.0.0.1 (browsers keep Secure cookies for it), sending its mail to the
test process's SMTP sink, with its public address in the mailed links."""

from __future__ import annotations

import io
import json
import re
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.rights.rules import RequestKind, RequestStatus
from piiguard.services.rights.intake import request_status
from piiguard.web.privacy.texts import KINDS, STATUSES, TEXT
from tests.builders import contact, register
from tests.e2e.conftest import CHROMIUM, app_for, free_port, needs_browser
from tests.mailserver import SmtpSink, body_text

CODE = re.compile(r"^ {4}(\d{6})$", re.MULTILINE)
LINK = re.compile(r"(http://127\.0\.0\.1:\d+/privacy/packages/[0-9a-f]{64})")

pytestmark = [needs_browser, pytest.mark.long]


@pytest.fixture
def centre(settings: Settings, mailbox: SmtpSink) -> Iterator[tuple[str, Container, Any]]:
    """A real server whose mail goes to `mailbox` and whose links name its own address,
    and a headless Chromium."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed (pip install -e .[dev])"
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    assert settings.smtp_port == mailbox.port
    c = bootstrap(settings.model_copy(update={"public_url": base}), migrate=False)
    server = uvicorn.Server(
        uvicorn.Config(app_for(c), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                yield base, c, browser
            finally:
                browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
        c.close()


def _say(key: str, lang: str) -> str:
    return TEXT[key][0 if lang == "zh" else 1]


def _submit(page: Any, base: str, lang: str, email: str) -> str:
    """The form, with the keyboard only; the new request's id."""
    page.goto(f"{base}/privacy")
    html_lang = "zh-CN" if lang == "zh" else "en"
    assert page.locator("html").get_attribute("lang") == html_lang  # Accept-Language
    assert page.get_by_role("heading", level=1).inner_text() == _say("rights_title", lang)
    page.get_by_label(KINDS[RequestKind.ACCESS][0 if lang == "zh" else 1]).focus()
    page.keyboard.press("Space")
    assert page.locator("#kind-access").is_checked()
    assert page.locator("#changes").is_hidden()  # only for a correction (CSS, no script)
    page.get_by_label(_say("contact_label", lang)).focus()
    page.keyboard.type(email)
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_url(re.compile(r".*/privacy/requests/[0-9a-f-]{36}$"))
    assert page.locator("#request-status").get_attribute("data-status") == ("awaiting_verification")
    return str(page.url.rsplit("/", 1)[1])


def _confirm(page: Any, base: str, lang: str, mailbox: SmtpSink, email: str, rid: str) -> None:
    """The code from the mail that arrived, typed in."""
    mail = mailbox.wait_for(lambda m: m["X-Piiguard-Request"] == rid, timeout=10)
    assert mail["To"] == email
    found = CODE.search(body_text(mail))
    assert found
    assert f"{base}/privacy/requests/{rid}" in body_text(mail)
    page.get_by_label(_say("code_label", lang)).fill(found.group(1))
    page.get_by_role("button", name=_say("confirm", lang)).click()
    page.wait_for_url(f"{base}/privacy/requests/{rid}?shown=verified")
    status = STATUSES[RequestStatus.COMPLETED][0 if lang == "zh" else 1]
    assert page.locator("#request-status").inner_text() == status
    assert page.get_by_role("status").inner_text() == _say("verified", lang)


def _download(page: Any, link: str, tmp_path: Path) -> dict[str, Any]:
    """The readable copy, then the zip: its package.json."""
    page.goto(link)
    with page.expect_download() as info:
        page.locator("#download").click()
    saved = tmp_path / "package.zip"
    info.value.save_as(saved)
    assert info.value.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(saved.read_bytes())) as zf:
        assert {"access.html", "package.json", "items.csv", "README.txt"} <= set(zf.namelist())
        package: dict[str, Any] = json.loads(zf.read("package.json"))
    return package


@pytest.mark.req("R9.1")
@pytest.mark.req("R4.3")
@pytest.mark.req("R4.1")
@pytest.mark.parametrize(("lang", "locale"), [("zh", "zh-CN"), ("en", "en-GB")])
def test_an_access_request_from_the_form_to_the_downloaded_package(
    centre: tuple[str, Container, Any], mailbox: SmtpSink, tmp_path: Path, lang: str, locale: str
) -> None:
    base, c, browser = centre
    email = f"han.meimei.{lang}@example.cn"
    sid = register(c, *contact(email=email)).subject.id
    context = browser.new_context(locale=locale, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    rid = _submit(page, base, lang, email)
    _confirm(page, base, lang, mailbox, email, rid)
    assert request_status(c.uow(), rid).subject_id == sid

    # the reply mail's link: the readable copy, then the zip, once
    reply = mailbox.wait_for(
        lambda m: m["X-Piiguard-Request"] == rid and bool(LINK.search(body_text(m))), timeout=10
    )
    found = LINK.search(body_text(reply))
    assert found
    link = found.group(1)
    package = _download(page, link, tmp_path)
    assert package["request_id"] == rid
    assert any(i["value"] == email for i in package["items"])
    assert email in page.locator("body").inner_text()  # the copy, readable on the page

    assert errors == []
    before = len(errors)  # the 410 below logs a resource error: expected, not counted
    answer = page.goto(link)
    assert answer is not None and answer.status == 410
    assert page.locator("#message").inner_text() == _say("gone", lang)
    del errors[before:]

    # the language switch
    page.goto(f"{base}/privacy")
    page.get_by_role("link", name=_say("switch", lang)).click()
    assert page.locator("html").get_attribute("lang") == ("en" if lang == "zh" else "zh-CN")
    assert errors == []
    context.close()
