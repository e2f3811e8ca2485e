"""The bad-input corpus (issue 11 E, R5.1) over every route the app answers — the JSON API,
the console, the privacy centre, /setup — on SQLite and PostgreSQL: NUL and other control
characters, invalid UTF-8 in bodies and paths, huge and deeply nested bodies, injection and
traversal strings. Each route is its own test (xdist spreads them); each fails on any 5xx
and on any value it sent that turns up in the server's log. Both kinds of credential take
turns (a system's API key as Bearer, a staff console cookie with its CSRF token)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, unquote

import pytest
from fastapi.routing import APIRoute

from piiguard.web.authz import route_table
from tests.e2e.conftest import Caller, TestClient, described_app
from tests.e2e.fuzzing import CREDENTIALS, Target, check, make_target, sent_values

APP = described_app()  # the routes; no database needed for them (shared with test_fuzz.py)
API = APP.openapi()
ROUTES = [
    (method, path, route) for method, path, route in route_table(APP) if isinstance(route, APIRoute)
]
PARAM = re.compile(r"\{(\w+)\}")
SURROGATE = re.compile("[\ud800-\udfff]")

# values that must be refused or stored as text, never run, echoed unescaped or logged
CANARY = "canary.张伟.13800138000@example.cn"
SCRIPT = "<script>alert(1)</script>"
INJECTION = [
    "' OR '1'='1' --",
    '"; DROP TABLE subjects; --',
    SCRIPT,
    "{{7*7}}${7*7}<%= 7*7 %>",
    "${jndi:ldap://127.0.0.1/a}",
    "%s%s%s%n%x",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "$(id)`id`|id;",
    "\u202e\ufeffzh\u200b\U0001f600",
    CANARY,
]
# one request each; the injection strings travel together, one per field
ALONE = ["nul\x00in.text", "bell\x07esc\x1b[31m", "\ud800lone", "x" * 70_000, CANARY]
PATH_CORPUS = [
    "%00",
    "x%00.json",
    "%FF%FE",
    "%C0%AF",
    "%ED%A0%80",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "x" * 5000,
    *(quote(v, safe="") for v in INJECTION[:3]),
]
NESTED = 5_000  # levels: deeper than any parser's recursion should be allowed to go
HUGE = b'": "' + b"A" * 3_000_000 + b'"}'  # a 3 MB value


def _fields(method: str, path: str, route: APIRoute) -> list[str]:
    """The names of the body's fields: from the description (JSON) or the form."""
    op = API.get("paths", {}).get(path, {}).get(method.lower(), {})
    content = op.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema", {})
    ref = schema.get("$ref", "")
    if ref:
        schema = API["components"]["schemas"][ref.rsplit("/", 1)[1]]
    names = list(schema.get("properties", {}))
    return names or [p.alias for p in route.dependant.body_params]


def _is_form(route: APIRoute) -> bool:
    body = route.body_field
    return body is not None and type(body.field_info).__name__ == "Form"


Request = tuple[str, dict[str, Any], list[Any]]  # URL, keyword arguments, the values sent


def corpus(method: str, path: str, route: APIRoute) -> Iterator[Request]:
    """The bad requests for one route: its path parameters, query strings, and — when it
    takes a body — bodies of every bad kind."""
    plain = PARAM.sub("x", path)
    for k, name in enumerate(PARAM.findall(path)):
        for bad in PATH_CORPUS if k == 0 else PATH_CORPUS[:3]:  # the first takes them all
            yield (
                PARAM.sub(lambda m, n=name, b=bad: b if m.group(1) == n else "x", path),
                {},
                [unquote(bad)],
            )
    queries = [
        (plain + "?purpose=%00&lang=%FF&q=" + quote(INJECTION[0]), [INJECTION[0]]),
        (plain + "?" + "&".join(f"p{i}=x" for i in range(1000)), []),
        # each parameter the route reads, alone, beyond the databases' integers
        *((f"{plain}?{q.alias}={2**63}", []) for q in route.dependant.query_params),
    ]
    for url, sent in queries:  # twice: as each kind of caller (few, and cheap)
        yield url, {}, sent
        yield url, {}, sent
    if route.body_field is None:
        return
    fields = _fields(method, path, route) or ["value"]
    mixed = {f: INJECTION[i % len(INJECTION)] for i, f in enumerate(fields)}
    if _is_form(route):
        yield plain, {"data": mixed}, list(mixed.values())
        for value in ALONE:
            if not SURROGATE.search(value):  # not sendable as a form: %ED%A0%80 comes next
                yield plain, {"data": dict.fromkeys(fields, value)}, [value]
        raw = "&".join(f"{f}=%FF%FE%00%ED%A0%80" for f in fields)  # not UTF-8, a surrogate
        yield (
            plain,
            {
                "content": raw.encode(),
                "headers": {"Content-Type": "application/x-www-form-urlencoded"},
            },
            [],
        )
        raw = "&".join(f"{f}=nul%00{quote(CANARY)}" for f in fields)  # media types ignore case
        yield (
            plain,
            {
                "content": raw.encode(),
                "headers": {"Content-Type": "Application/X-WWW-Form-URLEncoded"},
            },
            [CANARY],
        )
        yield (
            plain,
            {
                "content": b'--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n'
                b"\xff\x00\r\n--b--",
                "headers": {"Content-Type": "multipart/form-data; boundary=b"},
            },
            [],
        )
        return
    blob = {"Content-Type": "application/json"}
    yield plain, {"json": mixed}, list(mixed.values())
    yield plain, {"json": {f: [v, {v: v}] for f, v in mixed.items()}}, list(mixed.values())
    for value in ALONE:  # as JSON escapes (\\u0000, \\ud800), as clients send them
        yield (
            plain,
            {"content": json.dumps(dict.fromkeys(fields, value)).encode(), "headers": blob},
            [value],
        )
    for raw in (
        b'{"' + fields[0].encode() + b'": "\xff\xfe\xc0\xaf"}',  # invalid UTF-8
        b"\xff\xfe\x00\x00",
        b"[" * NESTED + b"]" * NESTED,
        (b'{"a":' * NESTED) + b"1" + b"}" * NESTED,
        b'{"' + fields[0].encode() + HUGE,
        b'{"' + fields[0].encode() + b'": 1e999999, "x": NaN}',
    ):
        yield plain, {"content": raw, "headers": blob}, []


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Target]:
    yield from make_target(request, tmp_path_factory.mktemp("bad-input"))


@pytest.mark.req("R5.1")
@pytest.mark.req("R5.5")
@pytest.mark.parametrize(
    ("method", "path", "route"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES]
)
def test_no_route_answers_5xx_or_logs_bad_input(
    method: str, path: str, route: APIRoute, target: Target, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="piiguard")
    for i, (url, kwargs, sent) in enumerate(corpus(method, path, route)):
        credential = CREDENTIALS[i % 2]  # both kinds take turns
        headers = {**target.headers(credential, method, path), **kwargs.pop("headers", {})}
        caplog.clear()
        response = target.client.request(method, url, headers=headers, **kwargs)
        target.answered(method, path, response.status_code)
        what = f"{method} {url[:120]} as {credential} with {str(kwargs)[:200]}"
        check(response, caplog.records, sent_values(sent), target, what)
        if response.headers.get("content-type", "").startswith("text/html"):
            assert SCRIPT not in response.text, f"{what}: reflected unescaped"


# --- regressions the runs above found -------------------------------------------------------


@pytest.mark.req("R5.1")
@pytest.mark.parametrize(
    ("path", "field"), [("/api/v1/requests", "offset"), ("/api/v1/audit", "after_seq")]
)
def test_an_integer_too_large_for_the_database_is_refused_naming_it(
    api: TestClient, officer: Caller, path: str, field: str
) -> None:
    """Found by the fuzz run (seed 4242): ?offset=9223372036854775808 was an OverflowError
    on SQLite and NumericValueOutOfRange on PostgreSQL — 500 on both."""
    for value in (2**63, 10**30):
        r = api.get(path, params={field: value}, headers=officer.headers)
        assert r.status_code == 422, r.text
        assert r.json()["field"] == field, r.text
    r = api.get(path, params={field: 2**63 - 1}, headers=officer.headers)
    assert r.status_code == 200, r.text  # the largest the databases take still works
