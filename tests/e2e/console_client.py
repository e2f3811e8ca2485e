"""A member of staff in a browser-like client, for the console's page tests (issue 13):
the session cookie (so forms need the CSRF token the pages carry), English pages unless
asked otherwise, redirects not followed (a form answers 303). The fixture `people`
(tests/e2e/conftest.py) signs in a member of staff (sales), the first account (admin +
privacy officer), a second privacy officer and an auditor as `People`."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from httpx import Response

from piiguard.bootstrap import Container
from piiguard.domain.accounts import StaffAccount
from piiguard.web.session import SESSION_COOKIE
from tests.e2e.conftest import PASSWORD, Caller, TestClient, login


class Console:
    """A member of staff in a browser: the session cookie (so forms need the CSRF token),
    English pages, redirects not followed (a step answers 303)."""

    def __init__(self, api: TestClient, caller: Caller, lang: str = "en") -> None:
        self.caller = caller
        self.token = caller.headers["Authorization"].removeprefix("Bearer ")
        self.http = TestClient(
            api.app,
            base_url="https://testserver",
            cookies={SESSION_COOKIE: self.token},
            headers={"Accept-Language": lang},
            follow_redirects=False,
        )
        self._csrf: str | None = None

    @property
    def id(self) -> str:
        return self.caller.id

    @property
    def csrf(self) -> str:
        if self._csrf is None:
            found = re.search(r'name="csrf_token" value="([^"]+)"', self.page("/console"))
            assert found, "no CSRF token on the front page"
            self._csrf = found.group(1)
        return self._csrf

    def page(self, url: str, status: int = 200) -> str:
        r = self.http.get(url)
        assert r.status_code == status, (r.status_code, r.text[:500])
        assert r.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in r.headers["content-security-policy"]
        return r.text

    def post(self, url: str, data: dict[str, Any], *, csrf: bool = True) -> Response:
        return self.http.post(url, data={**({"csrf_token": self.csrf} if csrf else {}), **data})

    def step(self, rid: str, name: str, **data: Any) -> str:
        """A step that works: 303 back to the request, whose page says it is done."""
        r = self.post(f"/console/requests/{rid}/{name}", data)
        assert r.status_code == 303, (r.status_code, r.text[:800])
        location = r.headers["location"]
        assert location.startswith(f"/console/requests/{rid}?done="), location
        html = self.page(location)
        assert 'class="flash" role="status"' in html
        return html

    def refused(self, rid: str, name: str, status: int, **data: Any) -> str:
        r = self.post(f"/console/requests/{rid}/{name}", data)
        assert r.status_code == status, (r.status_code, r.text[:800])
        return r.text


@dataclass
class People:
    staff: Console  # role staff, department sales
    officer: Console  # admin + privacy officer (the first account), "Wang Fang"
    second: Console  # another privacy officer
    auditor: Console


def member(c: Container, api: TestClient, email: str, roles: set[str], name: str) -> Caller:
    suffix = hashlib.sha256(email.encode()).hexdigest()[:12]
    with c.uow() as uow:
        uow.staff.add(
            StaffAccount(
                f"00000000-0000-4000-8000-{suffix}",
                email,
                name,
                frozenset(roles),
                True,
                c.clock.now(),
                department="sales",
            ),
            c.passwords.hash(PASSWORD),
        )
        uow.commit()
    return login(api, email)
