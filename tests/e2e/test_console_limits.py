"""Text limits kept where the console, the API and the CLI all meet them (probe; R2.1, R2.5,
R2.7, R5.6, R4.1): the data map's system and export, a legal exception, a purpose and a
category had their limits only in the API's schema — the CLI took a 100,000-character
system name, location, export recipient, authority or category description, and the console
took what its own form cap let through — and a request's name too long was blamed on its
text. Now the service refuses, naming the field: the console shows the form again with the
field marked (in Chinese on a Chinese page), the API answers problem+json naming it, the CLI
says so; nothing is written. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.services.policy import datamap
from piiguard.services.policy import legal_exceptions as exceptions
from tests.e2e.cli_runner import piiguard
from tests.e2e.conftest import TestClient
from tests.e2e.console_client import People
from tests.e2e.test_console_datamap import FORM as SYSTEM
from tests.e2e.test_console_datamap import system_of
from tests.e2e.test_console_oversight import console, marked

LONG = "x" * 100_000


@pytest.mark.req("R2.7")
@pytest.mark.req("R5.6")
def test_a_system_too_long_is_refused_alike_by_the_console_the_api_and_the_cli(
    settings: Settings, container: Container, api: TestClient, people: People
) -> None:
    zh = console(container, api, people.officer, "zh-CN")
    for field, value, label in (
        ("name", "n" * 129, "名称"),
        ("owner", "o" * 129, "负责人"),
        ("cloud_provider", "c" * 65, "云服务商"),
        ("locations", "/srv/" + "l" * 3000, "存放位置"),
        ("name", LONG, "名称"),
    ):
        r = zh.post("/console/systems/new", {**SYSTEM, field: value})
        assert r.status_code == 422 and marked(r.text, field), (field, r.text[:400])
        assert f"「{label}」" in r.text, field
    assert "「名称」过长：最多 128 个字符" in r.text  # the service's limit, said in Chinese
    assert system_of(container, "crm") is None

    body = {
        "name": "CRM",
        "owner": "Sales",
        "kind": "crm",
        "region": "CN",
        "locations": ["/srv/" + "l" * 3000],
    }
    r = api.put("/api/v1/systems/crm", json=body, headers=people.officer.caller.headers)
    assert r.status_code == 422 and r.json()["field"] == "locations", r.text[:300]
    assert system_of(container, "crm") is None

    base = ("system", "add", "crm", "--owner", "Sales", "--kind", "crm", "--region", "CN")
    r = piiguard(settings, *base, "--name", "n" * 129)
    assert r.returncode != 0 and "name: at most 128 characters" in r.stderr + r.stdout
    r = piiguard(settings, *base, "--name", "CRM", "--location", "/srv/" + "l" * 3000)
    assert r.returncode != 0 and "locations" in r.stderr + r.stdout
    assert system_of(container, "crm") is None


@pytest.mark.req("R2.7")
def test_an_export_recipient_too_long_is_refused_by_the_cli(
    settings: Settings, container: Container, api: TestClient, people: People
) -> None:
    zh = console(container, api, people.officer, "zh-CN")
    assert zh.post("/console/systems/new", SYSTEM).status_code == 303
    export = "export add --system crm --purpose order_fulfilment --category user.name"
    r = piiguard(settings, *export.split(), "--expires", "2099-01-01", "--recipient", "r" * 129)
    assert r.returncode != 0 and "recipient" in r.stderr + r.stdout, r.stdout + r.stderr
    assert datamap.list_exports(container.uow(readonly=True)) == []


@pytest.mark.req("R2.5")
def test_a_legal_exception_too_long_is_refused_by_the_cli(
    settings: Settings, container: Container, api: TestClient, people: People
) -> None:
    request = (
        "exception request --kind criminal_justice --case C-1 --provision Art.1 --category "
        "user.name --valid-until 2099-01-01 --subject 00000000-0000-4000-8000-000000000001"
    )
    r = piiguard(settings, *request.split(), "--authority", "a" * 301)
    assert r.returncode != 0 and "authority" in r.stderr + r.stdout, r.stdout + r.stderr
    assert exceptions.list_exceptions(container.uow(readonly=True)) == []


@pytest.mark.req("R2.1")
def test_a_category_too_long_is_refused_by_the_cli(
    settings: Settings, container: Container
) -> None:
    add = ["category", "add", "user.contact.wechat_id", "--name-zh", "微信号"]
    r = piiguard(settings, *add, "--name", "WeChat ID", "--description", LONG)
    assert r.returncode != 0 and "description" in r.stderr + r.stdout, r.stdout + r.stderr
    r = piiguard(settings, *add, "--name", "W" * 129)
    assert r.returncode != 0 and "name" in r.stderr + r.stdout
    assert "user.contact.wechat_id" not in container.snapshots.read(container.uow()).taxonomy


@pytest.mark.req("R4.1")
def test_a_request_name_too_long_is_refused_on_the_name(
    container: Container, api: TestClient, people: People
) -> None:
    zh = console(container, api, people.officer, "zh-CN")
    form = {"kind": "access", "channel": "phone", "contact": "+8613800138000"}
    form |= {"reply_language": "zh", "name": "n" * 201, "text": "please"}
    r = zh.post("/console/requests/new", form)
    assert r.status_code == 422 and 'aria-invalid="true"' in r.text, r.text[:400]
    assert "「名称」" in r.text and "please" in r.text
    r = zh.post("/console/requests/new", {**form, "name": "Li", "text": LONG})
    assert r.status_code == 422 and "「内容」" in r.text, r.text[:400]
