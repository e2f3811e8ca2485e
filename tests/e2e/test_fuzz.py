"""A bounded schemathesis run against the app's own OpenAPI description (issue 11 E, R5.1),
on SQLite and PostgreSQL, with both kinds of credential — a system's API key as Bearer, and
a member of staff's console cookie with its CSRF token. Every operation is its own test
(xdist spreads them); each fails on any 5xx, and on any value it sent that turns up in the
server's log (R5.5: no plaintext personal data leaves the vault that way).

Reproducible: the seed is fixed (PIIGUARD_FUZZ_SEED overrides it) and Hypothesis keeps no
example database. A deeper run: see docs/security.md, "Fuzzing"."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from tests.e2e.conftest import described_app
from tests.e2e.fuzzing import (
    COVERAGE,
    CREDENTIALS,
    EXAMPLES,
    SEED,
    Target,
    check,
    make_target,
    sent_values,
)

# the description the app serves; building it needs no database
API = described_app().openapi()  # shared with test_bad_input.py
CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": SEED,
        "generation": {"max-examples": EXAMPLES, "database": "none"},
        # examples from the description, then generated values (valid and invalid ones); the
        # coverage phase (every boundary and missing-field case) only in a deeper run
        "phases": {"coverage": {"enabled": COVERAGE}, "stateful": {"enabled": False}},
    }
)
schema = schemathesis.openapi.from_dict(API, config=CONFIG)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Target]:
    yield from make_target(request, tmp_path_factory.mktemp("fuzz"))


def send(target: Target, case: Any, credential: str) -> httpx.Response:
    """The generated request, as the caller with `credential` sends it (the credential
    replaces whatever the case carried: an empty X-API-Key would be read first)."""
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    headers = {
        k: v
        for k, v in kwargs["headers"].items()
        if k.lower() not in ("authorization", "x-api-key", "cookie")
    }
    headers.update(target.headers(credential, case.method.upper(), case.path))
    body: dict[str, Any] = {}
    if "json" in kwargs:
        body["json"] = kwargs["json"]
    elif isinstance(kwargs.get("data"), bytes | str):
        body["content"] = kwargs["data"]
    elif "data" in kwargs:
        body["data"] = kwargs["data"]
    if "files" in kwargs:
        body["files"] = kwargs["files"]
    return target.client.request(
        kwargs["method"], kwargs["url"], headers=headers, params=kwargs.get("params"), **body
    )


@pytest.mark.req("R5.1")
@pytest.mark.req("R5.5")
@pytest.mark.parametrize("credential", CREDENTIALS)
@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), print_blob=True)
def test_no_operation_answers_5xx_or_logs_what_it_was_sent(
    case: Any, credential: str, target: Target, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="piiguard")
    caplog.clear()
    response = send(target, case, credential)
    target.answered(case.method.upper(), case.path, response.status_code)
    values = sent_values(case.path_parameters, case.query, case.body)
    check(
        response,
        caplog.records,
        values,
        target,
        f"{case.method.upper()} {case.formatted_path} as {credential} "
        f"(seed {SEED}; `{case.as_curl_command()}`)",
    )
