"""The backups through the API and the console, on SQLite and PostgreSQL (R5.7, R5.6,
R10.2): the list with manifests and evidence, taking a backup on the page (re-authentication
when the sign-in is old; an unapproved target marked on its field, nothing written), a
restore test run on the page with each check shown, a failed test on the front page, the
settings page, zh and en; auditors read, staff are refused; problem+json naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.policy.datamap import Approval, System
from piiguard.services.backups.create import create_backup
from piiguard.services.policy.datamap import save_system
from tests.builders import register
from tests.e2e.conftest import Caller, TestClient, reauth
from tests.e2e.console_client import Console, member
from tests.e2e.test_console_oversight import age_session, flashed, marked

pytestmark = pytest.mark.req("R5.7")
B = "/console/backups"


def backups_of(c: Container) -> int:
    with c.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT COUNT(*) FROM backups").scalar_one())


@pytest.mark.req("R10.2")
def test_console_takes_tests_and_shows_the_evidence(
    container: Container, api: TestClient, officer: Caller, auditor: Caller
) -> None:
    c = container
    register(c)
    who = Console(api, officer)
    html = who.page(B)
    assert 'id="restore-state" data-state="no_backup"' in html and 'id="take-form"' in html
    # a target the data map has not approved: marked on its field, nothing written
    pending = System(
        "nas", "NAS", "it", "backup", "CN", Approval.PENDING,
        locations=frozenset({str(Path(c.settings.var_dir) / "nas")}),
    )  # fmt: skip
    save_system(c.uow(), c.snapshots, c.clock, OPERATOR, pending)
    r = who.post(B, {"kind": "data", "target": "nas"})
    assert r.status_code == 403 and marked(r.text, "target")
    assert backups_of(c) == 0
    # an old sign-in: the password on the form
    age_session(c, who, 60)
    r = who.post(B, {"kind": "data", "target": ""})
    assert r.status_code == 401 and marked(r.text, "password")
    assert backups_of(c) == 0
    reauth(api, officer)
    page = flashed(who, who.post(B, {"kind": "data", "target": ""}), f"{B}/")
    assert 'id="manifest"' in page and 'id="row-counts"' in page and 'id="no-tests"' in page
    backup_id = page.split('id="manifest" data-id="', 1)[1].split('"', 1)[0]
    tested = flashed(who, who.post(f"{B}/{backup_id}/restore-tests", {}), f"{B}/{backup_id}")
    assert 'data-ok="yes"' in tested and 'data-check="sample" data-ok="yes"' in tested
    assert "li.lei@example.cn" not in tested and "李雷" not in tested
    listed = who.page(B)
    assert 'data-state="ok"' in listed and backup_id[:8] in listed
    # the auditor reads in Chinese, without the forms
    reader = Console(api, auditor, "zh-CN")
    zh = reader.page(B)
    assert "备份" in zh and 'id="take-form"' not in zh
    detail = reader.page(f"{B}/{backup_id}")
    assert "恢复测试" in detail and "与清单一致" in detail and "签名检查点验证通过" in detail
    for english in ("as in the manifest", "checkpoints verify", "scratch", "decrypted through"):
        assert english not in detail, english  # probe: each check's finding was English
    assert "rows as in the manifest" in who.page(f"{B}/{backup_id}")
    assert 'id="backup-settings"' in reader.page(f"{B}/settings")
    assert reader.post(f"{B}/{backup_id}/restore-tests", {}).status_code == 403
    # a damaged file: the test fails, the page and the front page say so
    p = Path(c.settings.backup_folder) / f"{backup_id}.pgbak"
    p.write_bytes(p.read_bytes()[:-50])
    failed = flashed(who, who.post(f"{B}/{backup_id}/restore-tests", {}), f"{B}/{backup_id}")
    assert 'data-check="decrypt" data-ok="no"' in failed and "truncated" in failed
    front = who.page("/console")
    assert 'data-key="backups_failed"' in front
    assert 'data-state="failed"' in who.page(B)


def test_staff_are_refused_and_the_api_speaks_problem_json(
    container: Container, api: TestClient, officer: Caller
) -> None:
    c = container
    staff = Console(api, member(c, api, "sales@example.cn", {"staff"}, "Li Na"))
    staff.page(B, 403)
    r = api.post("/api/v1/backups", headers=officer.headers, json={"kind": "tape"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem")
    assert "kind" in r.text
    r = api.post(
        "/api/v1/backups", headers=officer.headers, json={"kind": "data", "target": "nowhere"}
    )
    assert r.status_code == 404 and r.json()["field"] == "target"
    r = api.post("/api/v1/backups", headers=officer.headers, json={"kind": "keystore"})
    assert r.status_code == 201, r.text
    ks = r.json()
    assert ks["kind"] == "keystore" and ks["row_counts"] == {
        "alembic_version": 1,
        "record_keys": 0,
        "subject_keys": 0,
    }
    made = create_backup(c.backups, OPERATOR)  # type: ignore[arg-type]
    r = api.post(f"/api/v1/backups/{made.id}/restore-tests", headers=officer.headers)
    assert r.status_code == 201 and r.json()["ok"] is True
    listed = api.get("/api/v1/backups", headers=officer.headers).json()
    assert {b["id"] for b in listed} == {ks["id"], made.id}
    one = api.get(f"/api/v1/backups/{made.id}", headers=officer.headers).json()
    assert one["tests"][0]["checks"][0]["name"] == "file"
    assert api.get("/api/v1/backups/status", headers=officer.headers).json()["state"] == "ok"
    assert api.get("/api/v1/backups/nope", headers=officer.headers).status_code == 404
