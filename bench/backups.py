"""Backups benchmark (issue 16; R5.7): on SQLite and PostgreSQL, a database holding
ITEMS items (default 1,000,000: 100,000 people × 10 items, ingested through the vault),

(a) `piiguard backup create` (the database's own copy, the manifest's facts read in the same
    snapshot, AES-256-GCM chunked encryption and SHA-256 of the file) against the tool's own
    bare copy in the same run: `sqlite3 DB ".backup FILE"` / `pg_dump -Fc -f FILE`.
    Best of RUNS each, alternated. Target: ratio <= 2.
(b) the restore test of that backup (hash, decrypt, restore into a scratch database, rows
    per table, the audit trail verified up to the head, a sample decrypted): reported.

`make bench BENCH=backups` (`BENCH_BACKUPS_PEOPLE=10000` for a smaller run,
`BENCH_BACKUPS_BACKENDS=sqlite` for one database). The load
average is recorded before and after each step: the machine may be shared.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from bench.common import machine, pg_available, pg_databases, timed
from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.subjects import Channel, LegalBasis
from piiguard.services.backups.create import create_backup
from piiguard.services.backups.verify import restore_test
from piiguard.services.subjects.register import ItemInput, SubjectInput, register_subjects

PEOPLE = int(os.environ.get("BENCH_BACKUPS_PEOPLE", "100000"))
RUNS = int(os.environ.get("BENCH_BACKUPS_RUNS", "3"))
BACKENDS = os.environ.get("BENCH_BACKUPS_BACKENDS", "sqlite,postgresql").split(",")
BATCH = 1000
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
CATEGORIES = [
    ("user.contact.email", lambda i: f"customer{i}@example.cn"),
    ("user.contact.phone_number", lambda i: f"138{i:08d}"),
    ("user.name", lambda i: f"客户{i}"),
    ("user.contact.address", lambda i: f"广东省佛山市顺德区北滘镇工业大道{i}号"),
    ("user.behavior.purchase_history", lambda i: f"SO-{i:08d} ¥{i % 9000 + 100}.00"),
    ("user.contact.organization", lambda i: f"Company {i} Ltd"),
    ("user.job_title", lambda i: "采购经理"),
    ("user.device.ip_address", lambda i: f"10.{i % 250}.{i % 200}.{i % 100}"),
    ("user.demographic.date_of_birth", lambda i: f"19{60 + i % 40}-0{1 + i % 9}-1{i % 9}"),
    ("user.contact.fax_number", lambda i: f"0757{i:08d}"),
]


def _ingest(c: Container) -> None:
    for first in range(0, PEOPLE, BATCH):
        batch = [
            SubjectInput(
                "customer_contact",
                [
                    ItemInput(cat, gen(i), Channel.PURCHASE_ORDER, LegalBasis.CONTRACT, "erp")
                    for cat, gen in CATEGORIES
                ],
            )
            for i in range(first, min(first + BATCH, PEOPLE))
        ]
        register_subjects(c.uow(), c.vault, c.clock, OPERATOR, c.state, batch, default_system="erp")


def _bare(settings: Settings, dest: Path) -> None:
    """The tool's own copy, as an operator would run it."""
    url = make_url(settings.data_url)
    if url.get_backend_name() == "sqlite":
        cmd = [shutil.which("sqlite3") or "sqlite3", str(url.database), f".backup '{dest}'"]
        subprocess.run(cmd, check=True)
        return
    env = {**os.environ, "PGHOST": url.host or "", "PGPORT": str(url.port or 5432)}
    env |= {"PGUSER": url.username or "", "PGDATABASE": url.database or ""}
    if url.password:
        env["PGPASSWORD"] = url.password
    subprocess.run(["pg_dump", "--format=custom", "-f", str(dest)], check=True, env=env)  # noqa: S607


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run_backend(name: str, settings: Settings, scratch: Path) -> dict[str, object]:
    c = bootstrap(settings, clock=FixedClock(START))
    kit = c.backups
    assert kit is not None  # noqa: S101
    load = [_load()]
    _, t_ingest = timed(lambda: _ingest(c))
    load.append(_load())
    bare_s: list[float] = []
    ours_s: list[float] = []
    bare_size = 0
    last = None
    for run in range(RUNS):
        dest = scratch / f"bare-{name}-{run}"
        _, t = timed(lambda dest=dest: _bare(settings, dest))  # type: ignore[misc]
        bare_s.append(t)
        bare_size = dest.stat().st_size
        dest.unlink()
        if last is not None:
            kit.engine.delete(last.location)
        last, t = timed(lambda: create_backup(kit, OPERATOR))
        ours_s.append(t)
    assert last is not None  # noqa: S101
    load.append(_load())
    test, t_test = timed(lambda: restore_test(kit, OPERATOR, last.id))
    load.append(_load())
    counts = dict(last.facts.row_counts) if last.facts else {}
    out = {
        "backend": name,
        "items": counts.get("items"),
        "people": counts.get("subjects"),
        "ingest_s": round(t_ingest, 1),
        "bare_copy": {
            "tool": "sqlite3 .backup" if name == "sqlite" else "pg_dump -Fc",
            "seconds": [round(x, 2) for x in bare_s],
            "best_s": round(min(bare_s), 2),
            "bytes": bare_size,
        },
        "backup_create": {
            "seconds": [round(x, 2) for x in ours_s],
            "best_s": round(min(ours_s), 2),
            "bytes": last.size,
            "ratio_to_bare": round(min(ours_s) / min(bare_s), 2),
            "target_ratio_max": 2.0,
        },
        "restore_test": {
            "ok": test.ok,
            "seconds": round(t_test, 1),
            "duration_ms": test.duration_ms,
            "checks": {ch.name: ch.ok for ch in test.checks},
        },
        "load": load,
    }
    print(json.dumps(out), flush=True)
    c.close()
    return out


def main() -> dict[str, object]:
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        if "sqlite" in BACKENDS:
            results.append(run_backend("sqlite", Settings(var_dir=base / "var"), base))
        if "postgresql" not in BACKENDS:
            pass
        elif pg_available():
            with pg_databases(2) as (data, keys):
                settings = Settings(var_dir=base / "pgvar", database_url=data, keystore_url=keys)
                results.append(run_backend("postgresql", settings, base))
        else:
            results.append(
                {"backend": "postgresql", "skipped": "no server at PIIGUARD_BENCH_PG_URL"}
            )
    summary = {"bench": "backups", "machine": machine(), "results": results}
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    main()
