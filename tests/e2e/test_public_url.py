"""The links in mail follow the address the server is reached at (issue 11, point 3): with
only PIIGUARD_PORT set they used to point at port 8000. PIIGUARD_PUBLIC_URL defaults to
http://HOST:PORT, is refused when it is not an http(s) URL, and `serve` warns at start when
it cannot be the address people reach, saying what to set."""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path

import pytest
from pydantic import ValidationError

from piiguard.bootstrap import bootstrap
from piiguard.config import Settings, public_url_warnings
from piiguard.domain.rights.rules import RequestChannel, RequestKind
from piiguard.services.rights.intake import RequestInput, open_request
from tests.builders import contact, register
from tests.conftest import PG_ENV
from tests.e2e.conftest import PIIGUARD, cli_env, free_port
from tests.e2e.test_operations import ctrl_c, started
from tests.mailserver import SmtpSink, body_text

pytestmark = pytest.mark.req("R9.1")
ZH = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def no_piiguard_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):  # the settings under test come from the test alone
        if name.startswith("PIIGUARD_") and name != PG_ENV:
            monkeypatch.delenv(name)


@pytest.mark.usefixtures("no_piiguard_env")
def test_links_follow_host_and_port_when_no_public_url_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PIIGUARD_PORT", "9123")
    s = Settings()
    assert (s.public_url, s.public_url_derived) == ("http://127.0.0.1:9123", True)
    assert Settings(host="::1", port=8080).public_url == "http://[::1]:8080"
    assert Settings(host="0.0.0.0").public_url == f"http://{socket.gethostname()}:9123"  # noqa: S104
    monkeypatch.setenv("PIIGUARD_PUBLIC_URL", "https://privacy.example.com/")
    s = Settings()
    assert (s.public_url, s.public_url_derived) == ("https://privacy.example.com", False)


@pytest.mark.parametrize(
    "url",
    [
        "privacy.example.com",
        "ftp://privacy.example.com",
        "https://user:pw@privacy.example.com",
        "https://x.cn/?a=1",
        "https://x.cn/#top",
        "https://x.cn:99999",
        "http://",
    ],
)
def test_a_public_url_that_is_not_one_stops_the_start_naming_it(url: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(public_url=url)
    assert "public_url" in str(refused.value)


WARNINGS = [  # bind host, port, PIIGUARD_PUBLIC_URL, trusted proxies -> what the warning says
    ("127.0.0.1", 8000, "", "", None),  # make run
    ("127.0.0.1", 8000, "http://127.0.0.1:8000/", "", None),
    ("10.0.0.5", 8000, "http://10.0.0.5:8000", "", None),  # people reach the server itself
    ("127.0.0.1", 8000, "https://privacy.example.com", "127.0.0.1", None),  # behind a proxy
    ("0.0.0.0", 8000, "https://privacy.example.com", "10.0.0.0/8", None),  # noqa: S104
    ("0.0.0.0", 8000, "", "", "guessed"),  # noqa: S104
    ("0.0.0.0", 8000, "http://127.0.0.1:8000", "", "loopback"),  # noqa: S104
    ("10.0.0.5", 8000, "http://localhost:8000", "", "loopback"),
    ("127.0.0.1", 9000, "http://127.0.0.1:8000", "", "listens on port 9000"),
    ("127.0.0.1", 8000, "https://privacy.example.com", "", "PIIGUARD_TRUSTED_PROXIES=127.0.0.1"),
    ("::1", 8000, "https://privacy.example.com", "", "PIIGUARD_TRUSTED_PROXIES=::1"),
    ("10.0.0.5", 8000, "http://10.0.0.5", "", "no reverse proxy is configured"),
    ("10.0.0.5", 8000, "https://10.0.0.5:8000", "", "plain HTTP"),
]


@pytest.mark.usefixtures("no_piiguard_env")
@pytest.mark.parametrize(("host", "port", "url", "proxies", "says"), WARNINGS)
def test_serve_warns_when_the_links_in_mail_cannot_reach_it(
    host: str, port: int, url: str, proxies: str, says: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIIGUARD_TRUSTED_PROXIES", proxies)
    warnings = public_url_warnings(Settings(host=host, port=port, public_url=url), host, port)
    if says is None:
        assert warnings == []
        return
    [warning] = warnings
    assert says in warning
    assert "PIIGUARD_" in warning and ZH.search(warning)  # what to set, in both languages


@pytest.mark.usefixtures("no_piiguard_env")
def test_a_code_mail_links_to_the_port_the_server_listens_on(
    settings: Settings, mailbox: SmtpSink
) -> None:
    """Only PIIGUARD_PORT set: the code mail's link has that port, not 8000."""
    s = Settings(
        var_dir=settings.var_dir,
        database_url=settings.database_url,
        keystore_url=settings.keystore_url,
        smtp_port=settings.smtp_port,
        inbox_port=0,
        scheduler="off",
        port=9123,
    )
    c = bootstrap(s, migrate=False)
    try:
        register(c, *contact("li.lei@example.cn"))
        rid = open_request(
            c.uow(),
            c.requests,
            "subject:web",
            RequestInput(RequestKind.ACCESS, RequestChannel.WEB, "li.lei@example.cn", "en"),
        ).request.id
    finally:
        c.close()
    mail = mailbox.wait_for(lambda m: m["X-Piiguard-Request"] == rid)
    assert f"http://127.0.0.1:9123/privacy/requests/{rid}" in body_text(mail)
    assert ":8000" not in body_text(mail)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_serve_banner_shows_the_links_and_warns_when_nothing_answers_there(
    settings: Settings, tmp_path: Path
) -> None:
    port = free_port()
    env = cli_env(settings)
    del env["PIIGUARD_PUBLIC_URL"]
    serve = [str(PIIGUARD), "serve", "--port", str(port)]
    with started(serve, env, port, tmp_path / "default.log") as running:
        output = ctrl_c(running)
    assert f"http://127.0.0.1:{port}/privacy" in output  # --port is followed by the links
    assert "warning:" not in output
    env["PIIGUARD_PUBLIC_URL"] = "http://127.0.0.1:9"
    with started(serve, env, port, tmp_path / "set.log") as running:
        output = ctrl_c(running)
    assert "their links start with http://127.0.0.1:9 " in output.replace("\n", " ")
    assert "warning:" in output and f"listens on port {port}" in output
