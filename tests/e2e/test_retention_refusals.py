"""Retention's refusals and tables as a person meets them through the API and the CLI, on
both databases (issue 14; R2.11, R10.2): a batch another process is disposing of is a 409
naming batch_id on the API and a refusal in English and Chinese with exit 1 on the CLI,
and the certificate counts its items once when that process is done; every refusal of
`piiguard retention …` and `piiguard hold …` says it in both languages; ids in their
tables stay whole on an 80-column terminal."""

from __future__ import annotations

import re
import subprocess

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from piiguard.bootstrap import OPERATOR, Container
from piiguard.cli.main import app
from piiguard.config import Settings
from piiguard.domain.retention.disposal import BatchStatus
from piiguard.services.retention import holds
from piiguard.services.retention._common import CLAIM_FOR
from piiguard.services.retention.batches import approve_batch, dispose_batch
from piiguard.services.retention.certificate import certificate_of
from piiguard.services.retention.job import SWEEP
from piiguard.services.retention.sweep import propose_batch
from tests.e2e import cli_runner
from tests.e2e.conftest import PIIGUARD, cli_env, first_account, reauth
from tests.e2e.test_purpose_limitation_api import assert_problem
from tests.e2e.test_retention_disposal import past_customer, run
from tests.integration.test_disposal import _Paused
from tests.integration.test_retention_claims import in_thread

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
OTHER = "worker-7 pid 4242"  # the process that holds the claim


def claim_as_another_process(c: Container, batch_id: str) -> None:
    with c.uow() as uow:
        now = c.clock.now()
        held = uow.retention.claim(f"dispose:{batch_id}", "f" * 32, OTHER, now, now + CLAIM_FOR)
        assert held is None
        uow.commit()


def that_process_ends(c: Container, batch_id: str) -> None:
    with c.uow() as uow:
        uow.retention.release_claim(f"dispose:{batch_id}", "f" * 32)
        uow.commit()


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_a_batch_another_process_disposes_of_is_409_on_the_api(
    container: Container, api: TestClient
) -> None:
    past_customer(container)
    officer = first_account(container, api)
    made = api.post("/api/v1/retention/batches", headers=officer.headers)
    assert made.status_code == 200, made.text
    bid = made.json()["id"]
    claim_as_another_process(container, bid)
    reauth(api, officer)
    refused = assert_problem(
        api.post(f"/api/v1/retention/batches/{bid}/dispose", headers=officer.headers),
        409,
        "under-way",
        "batch_id",
    )
    assert "being disposed of" in refused["detail"] and OTHER in refused["detail"]
    that_process_ends(container, bid)
    done = api.post(f"/api/v1/retention/batches/{bid}/dispose", headers=officer.headers)
    assert done.status_code == 200, done.text
    cert = api.get(f"/api/v1/retention/batches/{bid}/certificate", headers=officer.headers)
    assert cert.json()["facts"]["items"] == 3


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_the_cli_refuses_in_both_languages(container: Container, settings: Settings) -> None:
    past_customer(container)
    batch = propose_batch(container.uow(), container.clock, OPERATOR)
    assert batch is not None
    approve_batch(container.uow(), container.clock, OPERATOR, batch.id)
    claim_as_another_process(container, batch.id)
    busy = run(settings, "retention", "dispose", batch.id)
    assert busy.returncode == 1, busy.stdout + busy.stderr
    assert "under-way (batch_id)" in busy.stderr and "being disposed of" in busy.stderr
    assert "另一个进程正在处理" in busy.stderr
    that_process_ends(container, batch.id)
    done = run(settings, "retention", "dispose", batch.id)
    assert done.returncode == 0, done.stderr
    cert = run(settings, "retention", "certificate", batch.id)
    assert '"items": 3' in cert.stdout  # counted once
    for args, zh in (
        (("retention", "dispose", batch.id), "冲突"),  # already disposed of
        (("retention", "batch", "no-such-batch"), "未找到"),
        (("retention", "certificate", "no-such-batch"), "未找到"),
        (("retention", "rule", "no_such_purpose", "--days", "30"), "用途"),
        (("hold", "approve", "no-such-hold"), "未找到"),
        (("hold", "lift", "no-such-hold"), "未找到"),
    ):
        r = run(settings, *args)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        english, chinese = r.stderr.strip().splitlines()[-2:]
        assert english.isascii() and zh in chinese, (args, r.stderr)
    for args in (
        ("retention", "preview", "--as-of", "1969-12-31"),
        ("retention", "batches", "--status", "gone"),
        (
            "retention",
            "minimum",
            "tax",
            "--en",
            "T",
            "--zh",
            "税",
            "--source",
            "law",
            "--category",
            "user",
        ),
    ):
        r = run(settings, *args)
        assert r.returncode == 2 and re.search("[\u4e00-\u9fff]", r.stderr), (args, r.stderr)


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_the_cli_in_another_process_is_refused_while_the_worker_disposes(
    container: Container, settings: Settings
) -> None:
    """Two real processes: the installed `piiguard retention dispose BATCH`, started while
    this process's sweep is inside the same batch's disposal (paused as it is about to
    stage the kept items' fresh keys), is refused and leaves it alone."""
    past_customer(container)
    batch = propose_batch(container.uow(), container.clock, OPERATOR)
    assert batch is not None
    approve_batch(container.uow(), container.clock, OPERATOR, batch.id)
    paused = _Paused(container.vault)
    c = container
    worker, got = in_thread(
        lambda: dispose_batch(c.uow(), paused, c.clock, SWEEP, c.snapshots, batch.id)
    )
    try:
        assert paused.inside.wait(60)
        shell = subprocess.run(
            [str(PIIGUARD), "retention", "dispose", batch.id],
            check=False,
            env=cli_env(settings),
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        paused.go.set()
        worker.join(60)
    assert shell.returncode == 1, shell.stdout + shell.stderr
    assert "under-way (batch_id)" in shell.stderr and "pid" in shell.stderr
    assert "另一个进程正在处理" in shell.stderr and "Traceback" not in shell.stderr
    assert "error" not in got and got["value"].status is BatchStatus.DISPOSED
    assert certificate_of(c.uow(readonly=True), batch.id).facts["items"] == 3  # once


def at_80_columns(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = cli_runner.environment(settings)
    env["COLUMNS"] = "80"
    r = CliRunner().invoke(app, list(args), env=env, prog_name="piiguard")
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return subprocess.CompletedProcess(args, r.exit_code, r.stdout, r.stderr)


@pytest.mark.req("R2.11")
def test_ids_stay_whole_at_80_columns(container: Container, settings: Settings) -> None:
    sid = past_customer(container)
    batch = propose_batch(container.uow(), container.clock, OPERATOR)
    assert batch is not None
    hold = holds.propose_hold(
        container.uow(),
        container.snapshots,
        container.clock,
        OPERATOR,
        "litigation",
        "(2026)粤06民初1号",
        subject_ids=frozenset({sid}),
        box=container.requests.box,
    )
    for args, ids in (
        (("retention", "batches"), {batch.id}),
        (("retention", "batch", batch.id), {batch.id, sid}),
        (("retention", "item", sid), set()),
        (("hold", "list"), {hold.id, sid}),
    ):
        r = at_80_columns(settings, *args)
        assert r.returncode == 0, (args, r.stderr)
        whole = set(UUID.findall(r.stdout))
        assert ids <= whole, (args, r.stdout)
        # no id cut or folded: every run of hex and dashes in the output is a whole id
        for piece in re.findall(r"[0-9a-f]{8}-[0-9a-f-]*", r.stdout):
            assert UUID.fullmatch(piece), (args, piece, r.stdout)
    assert len(UUID.findall(at_80_columns(settings, "retention", "item", sid).stdout)) == 4
