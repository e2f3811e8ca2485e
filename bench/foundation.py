"""Foundation benchmarks (issue 2), each against a baseline in the same process:

(a) ingest 100,000 items for 10,000 subjects through the vault vs plain SQLAlchemy inserts
    of the same rows unencrypted — on SQLite and PostgreSQL (target ratio <= 1.5);
(b) reading + decrypting 10,000 items through recorded decisions (target >= 50,000 items/s);
(c) audit append, batched (target >= 20,000 entries/s), and verification (>= 200,000/s).
"""

from __future__ import annotations

import json
import random
import tempfile
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from bench.common import machine, pg_available, pg_databases, timed
from piiguard.adapters.db import tables as t
from piiguard.adapters.db.engine import make_engine
from piiguard.adapters.db.migrate import upgrade
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.audit import AuditEvent
from piiguard.domain.subjects import Channel, LegalBasis
from piiguard.services.audit import verify_audit
from piiguard.services.subjects.read import read_subjects_data
from piiguard.services.subjects.register import ItemInput, SubjectInput, register_subjects

SUBJECTS, ITEMS_PER, BATCH = 10_000, 10, 500
READ_SUBJECTS = 1_000  # x 10 items = 10,000 items
AUDIT_APPEND, AUDIT_BATCH = 50_000, 1_000

CATEGORIES = [
    ("user.contact.email", lambda i: f"customer{i}@example.cn"),
    ("user.contact.phone_number", lambda i: f"138{i:08d}"),
    ("user.name", lambda i: f"客户{i}"),
    ("user.contact.address", lambda i: f"广东省佛山市顺德区北滘镇工业大道{i}号"),
    (
        "user.government_id.national_identification_number",
        lambda i: f"44060619900101{i % 10000:04d}",
    ),
    ("user.contact.organization", lambda i: f"Company {i} Ltd"),
    ("user.job_title", lambda i: "采购经理"),
    ("user.device.ip_address", lambda i: f"10.{i % 250}.{i % 200}.{i % 100}"),
    ("user.demographic.date_of_birth", lambda i: f"19{60 + i % 40}-0{1 + i % 9}-1{i % 9}"),
    ("user.financial.bank_account", lambda i: f"6222{i:015d}"),
]


def _subjects(n: int) -> list[SubjectInput]:
    return [
        SubjectInput(
            "customer_contact",
            [
                ItemInput(cat, gen(i), Channel.PURCHASE_ORDER, LegalBasis.CONTRACT, "erp")
                for cat, gen in CATEGORIES[:ITEMS_PER]
            ],
        )
        for i in range(n)
    ]


def _plain_ingest(engine: Engine, subjects: list[SubjectInput]) -> None:
    """The baseline: the same subject and item rows, values unencrypted, no keys, no audit."""
    now = datetime.now(UTC)
    for b in range(0, len(subjects), BATCH):
        srows, irows = [], []
        for s in subjects[b : b + BATCH]:
            sid = str(uuid.uuid4())
            srows.append({"id": sid, "kind": s.kind, "created_at": now, "created_by": "bench"})
            irows.extend(
                {
                    "id": str(uuid.uuid4()),
                    "subject_id": sid,
                    "category": it.category,
                    "ciphertext": it.value.encode(),
                    "secret_hash": None,
                    "lookup_token": None,
                    "channel": it.channel.value,
                    "collected_at": now,
                    "legal_basis": it.legal_basis.value,
                    "source_system": it.source_system,
                    "recorded_by": "bench",
                    "held_in": "piiguard-vault",
                    "last_confirmed_at": now,
                    "created_at": now,
                    "updated_at": now,
                }
                for it in s.items
            )
        with engine.begin() as conn:
            conn.execute(t.subjects.insert(), srows)
            conn.execute(t.items.insert(), irows)


def _vault_ingest(c: Container, subjects: list[SubjectInput]) -> list[str]:
    ids: list[str] = []
    for b in range(0, len(subjects), BATCH):
        done = register_subjects(
            c.uow(),
            c.vault,
            c.clock,
            OPERATOR,
            c.state,
            subjects[b : b + BATCH],
            default_system="piiguard-vault",
        )
        ids.extend(r.subject.id for r in done)
    return ids


def _read(c: Container, ids: list[str]) -> int:
    n = 0
    for b in range(0, len(ids), BATCH):
        for d in read_subjects_data(
            c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, ids[b : b + BATCH], "order_fulfilment"
        ):
            n += len(d.items)
    return n


def _audit_append(c: Container) -> None:
    for b in range(0, AUDIT_APPEND, AUDIT_BATCH):
        with c.uow() as uow:
            for i in range(b, b + AUDIT_BATCH):
                uow.audit(
                    AuditEvent(
                        "bench.event",
                        "system",
                        "bench",
                        "subject",
                        f"s{i}",
                        f"s{i}",
                        "order_fulfilment",
                        details={"n": i},
                    )
                )
            uow.commit()


def run_backend(name: str, make: Callable[[], tuple[Settings, str]]) -> dict[str, object]:
    settings, plain_url = make()
    c = bootstrap(settings)
    plain = make_engine(plain_url)
    upgrade(plain, "data")
    subjects = _subjects(SUBJECTS)
    random.seed(7)
    _, t_plain = timed(lambda: _plain_ingest(plain, subjects))
    ids, t_vault = timed(lambda: _vault_ingest(c, subjects))
    sample = random.sample(ids, READ_SUBJECTS)
    n_read, t_read = timed(lambda: _read(c, sample))
    with c.uow() as uow:
        before = uow.audit_log.head()[0]
    _, t_append = timed(lambda: _audit_append(c))
    report, t_verify = timed(lambda: verify_audit(c.uow(readonly=True), c.signer))
    if not report.ok:
        raise RuntimeError(f"audit trail did not verify: {report.problems}")
    items = SUBJECTS * ITEMS_PER
    out = {
        "backend": name,
        "ingest": {
            "items": items,
            "subjects": SUBJECTS,
            "plain_s": round(t_plain, 3),
            "vault_s": round(t_vault, 3),
            "ratio": round(t_vault / t_plain, 3),
            "target_ratio_max": 1.5,
            "vault_items_per_s": round(items / t_vault),
        },
        "read_decrypt": {
            "items": n_read,
            "seconds": round(t_read, 3),
            "items_per_s": round(n_read / t_read),
            "target_min": 50_000,
        },
        "audit_append": {
            "entries": AUDIT_APPEND,
            "batch": AUDIT_BATCH,
            "entries_per_s": round(AUDIT_APPEND / t_append),
            "target_min": 20_000,
            "head_before": before,
        },
        "audit_verify": {
            "entries": report.entries,
            "seconds": round(t_verify, 3),
            "entries_per_s": round(report.entries / t_verify),
            "target_min": 200_000,
        },
    }
    c.close()
    plain.dispose()
    return out


def main() -> dict[str, object]:
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        var = Path(tmp) / "var"
        results.append(
            run_backend(
                "sqlite", lambda: (Settings(var_dir=var), f"sqlite:///{Path(tmp) / 'plain.db'}")
            )
        )
        if pg_available():
            with pg_databases(3) as (data, keys, plain):
                results.append(
                    run_backend(
                        "postgresql",
                        lambda: (
                            Settings(
                                var_dir=Path(tmp) / "pgvar", database_url=data, keystore_url=keys
                            ),
                            plain,
                        ),
                    )
                )
        else:
            results.append(
                {"backend": "postgresql", "skipped": "no server at PIIGUARD_BENCH_PG_URL"}
            )
    summary = {"bench": "foundation", "machine": machine(), "results": results}
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    main()
