"""The sweep, disposal batches, deletion notices and certificates on both backends (issue 14;
R2.11, R5.5, R10.2), with an injected clock: what is due and not under hold is proposed;
an officer approves (or rejects, or the setting's days pass without objection); disposal
removes the items for good — a backup taken before no longer decrypts them — erases a
subject left with nothing, tells every approved system holding a disposed category by
signed webhook, and writes a certificate with counts and the hash of the ids, no value."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from cryptography.exceptions import InvalidTag

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, KeyShredded, NotFound
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.ports import AuditQuery, Vault
from piiguard.domain.retention.disposal import BatchStatus, DisposalTaskStatus
from piiguard.services.policy.datamap import register_system, set_system_status
from piiguard.services.retention import holds
from piiguard.services.retention import schedule as sch
from piiguard.services.retention.batches import (
    approve_batch,
    batch_detail,
    dispose_batch,
    list_batches,
    list_hash,
    reject_batch,
)
from piiguard.services.retention.certificate import certificate_html, certificate_of
from piiguard.services.retention.job import run_sweep
from piiguard.services.retention.sweep import preview_disposal, propose_batch
from piiguard.services.retention.tasks import deliver_disposal_tasks, waive_disposal_task
from piiguard.services.rights import jobs
from piiguard.services.subjects.erase import erase_subject
from tests.builders import contact, item, register
from tests.integration.test_vault import EMAIL, backup_items, decrypt_with_live_keys, read

DAY = timedelta(days=1)
TEN_YEARS = 3651 * DAY  # past legal_compliance's 3,650 days; short of the 30-year minimum
BANK = "user.financial.bank_account"
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
CLERK = Actor("carol", ActorKind.STAFF, frozenset({"staff"}))
VALUES = ("a@example.cn", "13900000001", "张三", "6222020200112233445", "b@example.cn", "李四")


class _Hook(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, object]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.seen.append(json.loads(body))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"status": "done"}')

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def crm(c: Container) -> Iterator[str]:
    """An approved CRM holding contact details, with a webhook endpoint."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Hook.seen[:] = []
    system = System("crm", "CRM", "sales", "crm", "CN", Approval.PENDING)
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System(
            "crm",
            "CRM",
            "sales",
            "crm",
            "CN",
            Approval.PENDING,
            categories=frozenset({"user.contact"}),
        ),
    )
    set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, system.key, Approval.APPROVED)
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    jobs.register_endpoint(c.uow(), c.requests, OPERATOR, "crm", url)
    try:
        yield "crm"
    finally:
        server.shutdown()
        server.server_close()


def refresh(c: Container) -> None:
    sch.refresh_all(c.uow(), c.clock)


def hold_on(c: Container, subject_id: str) -> str:
    h = holds.propose_hold(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        "litigation",
        "(2026)粤06民初1号",
        subject_ids=frozenset({subject_id}),
        box=c.requests.box,
    )
    holds.approve_hold(c.uow(), c.clock, BOB, h.id)
    return h.id


def audit_details(c: Container) -> str:
    with c.uow(readonly=True) as uow:
        return "\n".join(
            f"{e.action} {e.details}" for e in uow.audit_log.entries(AuditQuery(limit=10_000))
        )


def backup_unreadable(
    c: Container, old: list[dict[str, object]], disposed: set[str], keep: set[str]
) -> None:
    """The backup's disposed values no longer decrypt with the live key store (re-keyed:
    InvalidTag; erased: no key at all); the kept subjects' copies still do."""
    for row in old:
        if row["id"] in disposed:
            with pytest.raises((InvalidTag, KeyShredded)):
                decrypt_with_live_keys(c, row)
        elif row["subject_id"] in keep:
            assert decrypt_with_live_keys(c, row)


def certificate_checks(
    c: Container,
    batch_id: str,
    disposed: set[str],
    stored_hash: str | None,
    by_category: dict[str, int],
) -> None:
    """Counts, period, people, systems and the ids' hash; no value anywhere."""
    cert = certificate_of(c.uow(readonly=True), batch_id)
    f = cert.facts
    assert (f["items"], f["subjects"], f["skipped"]) == (
        6,
        2,
        {"held": 0, "not_due": 0, "gone": 0},
    )
    assert f["by_category"] == by_category and f["by_system"] == {"piiguard-vault": 6}
    assert f["approved_by"] == "staff:alice" and f["proposed_by"] == "system:retention-sweep"
    assert cert.list_hash == list_hash(sorted(disposed)) == stored_hash
    assert cert.list_hash == hashlib.sha256("\n".join(sorted(disposed)).encode()).hexdigest()
    assert f["systems_told"] == ["crm"] and cert.systems == {"crm": "pending"}
    html = certificate_html(cert)
    assert cert.list_hash in html and "<script" not in html
    # the file an auditor keeps, every heading and label in English and Chinese
    for en, zh in (
        ("Batch", "批次"),
        ("Items by category", "按数据类别"),
        ("Items by purpose", "按用途"),
        ("Items by system", "按系统"),
        ("Left out at disposal", "销毁时未处理"),
        ("Systems told to delete", "已通知删除的系统"),
        ("pending", "待发送"),
        ("List of disposed items", "已销毁条目清单"),
    ):
        assert f"{en} / {zh}" in html, en
    everything = html + json.dumps(f, ensure_ascii=False) + audit_details(c)
    for value in VALUES:
        assert value not in everything


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
@pytest.mark.req("R10.2")
def test_the_sweep_proposes_an_officer_approves_and_disposal_is_for_good(
    c: Container, clock: FixedClock, crm: str, tmp_path: Path
) -> None:
    a = register(
        c, *contact("a@example.cn", "13900000001", "张三"), item(BANK, "6222020200112233445")
    )
    b = register(c, *contact("b@example.cn", "13900000002", "李四"))
    d = register(c, *contact("d@example.cn", "13900000004", "王五"))
    hold_on(c, d.subject.id)
    refresh(c)
    assert preview_disposal(c.uow(readonly=True), clock.now()).items == 0
    ahead = preview_disposal(c.uow(readonly=True), clock.now() + TEN_YEARS)
    assert (ahead.items, ahead.subjects, ahead.held) == (6, 2, 3)
    assert ahead.by_category == {
        "user.contact.email": 2,
        "user.contact.phone_number": 2,
        "user.name": 2,
    }
    assert ahead.by_system == {"piiguard-vault": 6}
    assert ahead.by_purpose["legal_compliance"] == 6
    assert list_batches(c.uow(readonly=True)) == []  # a preview writes nothing

    clock.advance(TEN_YEARS)
    later = register(c, *contact("c@example.cn", "13900000003", "赵六"))
    refresh(c)
    old = backup_items(c, tmp_path)  # a backup of the data database before disposal

    report = run_sweep(c.uow(), c.requests)
    assert (report.proposed, report.disposed, report.errors) == (6, 0, 0)
    assert run_sweep(c.uow(), c.requests).proposed == 0  # already on an open batch
    [batch] = list_batches(c.uow(readonly=True))
    assert batch.status is BatchStatus.PROPOSED and batch.auto_dispose_at is None
    with pytest.raises(Forbidden):
        approve_batch(c.uow(), c.clock, CLERK, batch.id)
    with pytest.raises(Conflict):  # only an approved batch is disposed of
        dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, batch.id)
    approve_batch(c.uow(), c.clock, ALICE, batch.id)
    done = dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, batch.id)
    assert done.status is BatchStatus.DISPOSED

    # A keeps what the law keeps; B, left with nothing, is erased; D (held) and C stay
    with c.uow(readonly=True) as uow:
        assert [r.category for r in uow.items.records(a.subject.id)] == [BANK]
    with pytest.raises(NotFound):
        read(c, b.subject.id)
    assert read(c, d.subject.id)[EMAIL] == "d@example.cn"
    assert read(c, later.subject.id)[EMAIL] == "c@example.cn"
    detail = batch_detail(c.uow(readonly=True), batch.id, box=c.requests.box)
    disposed = {e.record_id for e in detail.entries if e.disposed_at is not None}
    assert len(disposed) == 6
    backup_unreadable(c, old, disposed, keep={d.subject.id, later.subject.id})
    certificate_checks(c, batch.id, disposed, done.list_hash, ahead.by_category)

    # the CRM is told by signed webhook (ids only) and confirms in its answer
    assert deliver_disposal_tasks(c.uow(), c.requests) == 1
    [payload] = _Hook.seen
    assert payload["event"] == "retention.delete" and payload["batch_id"] == batch.id
    assert set(payload["subject_ids"]) == {a.subject.id, b.subject.id}  # type: ignore[arg-type]
    assert not any(v in json.dumps(payload, ensure_ascii=False) for v in VALUES)
    assert certificate_of(c.uow(readonly=True), batch.id).confirmed == ["crm"]
    with c.uow(readonly=True) as uow:
        actions = [
            e.action for e in uow.audit_log.entries(AuditQuery(target=("disposal_batch", batch.id)))
        ]
    assert actions == [
        "retention.batch.propose",
        "retention.batch.approve",
        "retention.batch.dispose",
    ]


@pytest.mark.req("R2.11")
def test_a_batch_nobody_rejected_is_disposed_of_after_the_settings_days(
    c: Container, clock: FixedClock
) -> None:
    a = register(c)
    clock.advance(TEN_YEARS)
    first = run_sweep(c.uow(), c.requests, auto_dispose_days=3)  # recomputes retain-until
    assert (first.refreshed, first.proposed, first.auto_approved, first.disposed) == (3, 3, 0, 0)
    clock.advance(2 * DAY)
    assert run_sweep(c.uow(), c.requests, auto_dispose_days=3).disposed == 0
    clock.advance(DAY)
    last = run_sweep(c.uow(), c.requests, auto_dispose_days=3)
    assert (last.auto_approved, last.disposed, last.errors) == (1, 1, 0)
    with pytest.raises(NotFound):
        read(c, a.subject.id)
    [batch] = list_batches(c.uow(readonly=True))
    assert batch.approved_by == "system:retention-sweep"


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_a_rejected_batch_disposes_of_nothing(c: Container, clock: FixedClock) -> None:
    a = register(c)
    clock.advance(TEN_YEARS)
    refresh(c)
    batch = propose_batch(c.uow(), c.clock, OPERATOR)
    assert batch is not None
    with pytest.raises(InvalidInput) as e:
        reject_batch(c.uow(), c.clock, ALICE, batch.id, "no")
    assert e.value.field == "reason"
    reject_batch(c.uow(), c.clock, ALICE, batch.id, "the customer's dispute is not settled")
    with pytest.raises(Conflict):
        approve_batch(c.uow(), c.clock, BOB, batch.id)
    with pytest.raises(Conflict):
        dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, batch.id)
    with pytest.raises(Conflict):
        certificate_of(c.uow(readonly=True), batch.id)
    assert read(c, a.subject.id)[EMAIL] == "li.lei@example.cn"
    again = propose_batch(c.uow(), c.clock, OPERATOR)  # proposed again by a later sweep
    assert again is not None and again.item_count == 3
    with pytest.raises(NotFound) as nf:
        approve_batch(c.uow(), c.clock, ALICE, "no-such-batch")
    assert nf.value.field == "batch_id"


@pytest.mark.req("R2.11")
def test_what_changed_since_the_proposal_is_left_out_at_disposal(
    c: Container, clock: FixedClock
) -> None:
    """A hold placed after the proposal, or a subject erased meanwhile: left out, counted
    on the certificate, off the hash."""
    a, b, gone = register(c), register(c), register(c)
    clock.advance(TEN_YEARS)
    refresh(c)
    batch = propose_batch(c.uow(), c.clock, OPERATOR)
    assert batch is not None and batch.item_count == 9
    hold_on(c, b.subject.id)
    erase_subject(c.uow(), c.vault, c.clock, OPERATOR, gone.subject.id)
    approve_batch(c.uow(), c.clock, ALICE, batch.id)
    dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, batch.id)
    f = certificate_of(c.uow(readonly=True), batch.id).facts
    assert (f["items"], f["skipped"]) == (3, {"held": 3, "not_due": 0, "gone": 3})
    assert read(c, b.subject.id)[EMAIL] == "li.lei@example.cn"
    with pytest.raises(NotFound):
        read(c, a.subject.id)


@pytest.mark.req("R2.11")
def test_a_deletion_notice_without_endpoint_waits_until_waived(
    c: Container, clock: FixedClock
) -> None:
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System(
            "erp", "ERP", "ops", "erp", "CN", Approval.PENDING, categories=frozenset({"user.name"})
        ),
    )
    set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, "erp", Approval.APPROVED)
    register(c)
    clock.advance(TEN_YEARS)
    refresh(c)
    batch = propose_batch(c.uow(), c.clock, OPERATOR)
    assert batch is not None
    approve_batch(c.uow(), c.clock, ALICE, batch.id)
    dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, batch.id)
    assert deliver_disposal_tasks(c.uow(), c.requests) == 0
    [task] = batch_detail(c.uow(readonly=True), batch.id, box=c.requests.box).tasks
    assert task.categories == {"user.name"}
    assert task.last_error == "no webhook endpoint registered for this system"
    with pytest.raises(Forbidden):
        waive_disposal_task(c.uow(), c.requests, CLERK, task.id, "deleted by hand")
    waived = waive_disposal_task(c.uow(), c.requests, ALICE, task.id, "deleted by hand")
    assert waived.status is DisposalTaskStatus.WAIVED
    assert certificate_of(c.uow(readonly=True), batch.id).confirmed == ["erp"]
    with pytest.raises(Conflict):
        waive_disposal_task(c.uow(), c.requests, ALICE, task.id, "deleted by hand")


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_a_deletion_notice_that_waited_is_sent_once_the_system_registers_an_endpoint(
    c: Container, clock: FixedClock
) -> None:
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System(
            "erp", "ERP", "ops", "erp", "CN", Approval.PENDING, categories=frozenset({"user.name"})
        ),
    )
    set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, "erp", Approval.APPROVED)
    s = register(c)
    clock.advance(TEN_YEARS)
    refresh(c)
    batch = propose_batch(c.uow(), c.clock, OPERATOR)
    assert batch is not None
    approve_batch(c.uow(), c.clock, ALICE, batch.id)
    dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, batch.id)
    assert deliver_disposal_tasks(c.uow(), c.requests) == 0  # no endpoint: it waits
    clock.advance(DAY)
    assert deliver_disposal_tasks(c.uow(), c.requests) == 0  # and is not tried again
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Hook.seen[:] = []
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        jobs.register_endpoint(c.uow(), c.requests, OPERATOR, "erp", url)
        assert deliver_disposal_tasks(c.uow(), c.requests) == 1  # the next pass sends it
    finally:
        server.shutdown()
        server.server_close()
    [task] = batch_detail(c.uow(readonly=True), batch.id, box=c.requests.box).tasks
    assert task.status is DisposalTaskStatus.CONFIRMED and task.last_error == ""
    [sent] = _Hook.seen
    assert sent["event"] == "retention.delete" and sent["task_id"] == task.id
    assert sent["subject_ids"] == [s.subject.id] and sent["categories"] == ["user.name"]
    assert certificate_of(c.uow(readonly=True), batch.id).confirmed == ["erp"]


class _Paused:
    """The container's vault, with the first disposal through it paused as it is about to
    stage its fresh keys until the test lets it go: the moment a second disposal of the
    same batch, started at once (two requests, the sweep's pass and a request), would
    work on the same people with what it read."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.inside, self.go = threading.Event(), threading.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._vault, name)

    def rekey_many(self, keep: Any) -> Any:
        if not self.inside.is_set():
            self.inside.set()
            assert self.go.wait(60)
        return self._vault.rekey_many(keep)


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_a_second_disposal_of_a_batch_under_way_is_refused_and_counted_once(
    c: Container, clock: FixedClock
) -> None:
    for n in range(2):  # contact details due, the bank account kept (the kept ones re-keyed)
        register(c, *contact(f"p{n}@example.cn", f"1390000011{n}", "张三"), item(BANK, VALUES[3]))
    clock.advance(TEN_YEARS)
    refresh(c)
    batch = propose_batch(c.uow(), c.clock, OPERATOR)
    assert batch is not None and batch.item_count == 6
    approve_batch(c.uow(), c.clock, ALICE, batch.id)
    paused = _Paused(c.vault)
    first: dict[str, Any] = {}

    def dispose() -> None:
        first["batch"] = dispose_batch(c.uow(), paused, c.clock, ALICE, c.snapshots, batch.id)

    run = threading.Thread(target=dispose)
    run.start()
    try:
        assert paused.inside.wait(60)
        with pytest.raises(Conflict) as second:
            dispose_batch(c.uow(), c.vault, c.clock, BOB, c.snapshots, batch.id)
        assert second.value.field == "batch_id" and "being disposed of" in second.value.message
    finally:
        paused.go.set()
        run.join(60)
    assert first["batch"].status is BatchStatus.DISPOSED
    facts = certificate_of(c.uow(readonly=True), batch.id).facts
    assert (facts["items"], facts["subjects"], facts["skipped"]) == (
        6,
        2,
        {"held": 0, "not_due": 0, "gone": 0},
    )
    assert facts["disposed_by"] == "staff:alice"
