"""Schema only through Alembic (platform, R5.1): on an empty database of each backend,
`alembic upgrade head` produces exactly what the models declare — autogenerate finds no
difference — for the data database and for the key store."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from piiguard.adapters.db.engine import make_engine
from piiguard.adapters.db.migrate import Which, alembic_config, upgrade
from piiguard.adapters.db.tables import audit_head, metadata
from piiguard.adapters.vault.keystore_tables import keystore_metadata
from tests.conftest import PG_ENV, no_commit_flush

SCHEMAS: dict[Which, MetaData] = {"data": metadata, "keystore": keystore_metadata}


@pytest.fixture
def empty_engine(backend: str, tmp_path: Path, worker_id: str) -> Iterator[Engine]:
    """A brand-new, empty database on the backend under test."""
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
        yield engine
        engine.dispose()
        return
    base = make_url(os.environ[PG_ENV])
    name = f"{base.database}_mig_{worker_id}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        conn.execute(text(no_commit_flush(name)))
    engine = make_engine(base.set(database=name).render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def differences(engine: Engine, target: MetaData) -> list[Any]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, target))


def head_revision(which: Which, engine: Engine) -> str | None:
    cfg = alembic_config(which, engine.url.render_as_string(hide_password=False))
    return ScriptDirectory.from_config(cfg).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@pytest.mark.req("R5.1")
@pytest.mark.parametrize("which", ["data", "keystore"])
def test_an_empty_database_starts_with_nothing(empty_engine: Engine, which: Which) -> None:
    """The comparison is not vacuous: before the upgrade every table is reported missing."""
    missing = {
        diff[1].name
        for diff in differences(empty_engine, SCHEMAS[which])
        if isinstance(diff, tuple) and diff[0] == "add_table"
    }
    assert missing == set(SCHEMAS[which].tables)


@pytest.mark.req("R5.1")
@pytest.mark.parametrize("which", ["data", "keystore"])
def test_upgrade_head_on_an_empty_database_equals_the_models(
    empty_engine: Engine, which: Which
) -> None:
    upgrade(empty_engine, which)
    assert differences(empty_engine, SCHEMAS[which]) == []
    assert current_revision(empty_engine) == head_revision(which, empty_engine)
    tables = set(inspect(empty_engine).get_table_names())
    assert tables == {*SCHEMAS[which].tables, "alembic_version"}


@pytest.mark.req("R5.1")
@pytest.mark.parametrize("which", ["data", "keystore"])
def test_upgrading_again_changes_nothing(empty_engine: Engine, which: Which) -> None:
    """The server and the CLI migrate on every start."""
    upgrade(empty_engine, which)
    upgrade(empty_engine, which)
    assert differences(empty_engine, SCHEMAS[which]) == []
    assert current_revision(empty_engine) == head_revision(which, empty_engine)


@pytest.mark.req("R2.10")
def test_the_migration_seeds_the_head_of_the_audit_chain(empty_engine: Engine) -> None:
    upgrade(empty_engine, "data")
    with empty_engine.connect() as conn:
        rows = conn.execute(select(audit_head)).all()
    assert [tuple(r) for r in rows] == [(1, 0, "0" * 64)]


@pytest.mark.req("R5.1")
@pytest.mark.parametrize("which", ["data", "keystore"])
def test_downgrade_to_base_and_back_up_is_clean(empty_engine: Engine, which: Which) -> None:
    upgrade(empty_engine, which)
    cfg = alembic_config(which, empty_engine.url.render_as_string(hide_password=False))
    with empty_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(empty_engine).get_table_names()) <= {"alembic_version"}
    upgrade(empty_engine, which)
    assert differences(empty_engine, SCHEMAS[which]) == []


def _migrate(engine: Engine, revision: str, down: bool = False) -> None:
    cfg = alembic_config("data", engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


@pytest.mark.req("R2.4")
def test_decisions_recorded_before_three_outcomes_keep_their_meaning(empty_engine: Engine) -> None:
    """0008: the outcome column holds `partly_allowed`; an old decision that allowed only
    some of what it was asked is marked so; the others are left as they were."""
    _migrate(empty_engine, "0007")
    row = {
        "at_us": 1,
        "actor_kind": "system",
        "actor_id": "erp",
        "action": "read",
        "subject_id": "s-1",
        "purpose": "order_fulfilment",
        "reasons": "[]",
        "policy_version": "register-8/policy-1",
        "obligations": "[]",
    }
    old = [
        ("whole", "allowed", '["user.name"]', '["user.name"]'),
        ("part", "allowed", '["user.contact.email", "user.name"]', '["user.name"]'),
        ("none", "denied", '["user.name"]', "[]"),
    ]
    with empty_engine.begin() as conn:
        for did, outcome, requested, allowed in old:
            conn.execute(
                text(
                    "INSERT INTO decisions (id, at_us, actor_kind, actor_id, action, subject_id, "
                    "purpose, outcome, requested, allowed, reasons, policy_version, obligations) "
                    "VALUES (:id, :at_us, :actor_kind, :actor_id, :action, :subject_id, :purpose, "
                    ":outcome, :requested, :allowed, :reasons, :policy_version, :obligations)"
                ),
                {**row, "id": did, "outcome": outcome, "requested": requested, "allowed": allowed},
            )

    def outcomes() -> dict[str, str]:
        with empty_engine.connect() as conn:
            return dict(conn.execute(text("SELECT id, outcome FROM decisions")).all())

    upgrade(empty_engine, "data")
    assert outcomes() == {"whole": "allowed", "part": "partly_allowed", "none": "denied"}
    assert differences(empty_engine, metadata) == []
    _migrate(empty_engine, "0007", down=True)
    assert outcomes() == {"whole": "allowed", "part": "allowed", "none": "denied"}


@pytest.mark.req("R2.11")
def test_retention_claims_come_and_go_with_0027(empty_engine: Engine) -> None:
    """0027 adds the claims that keep two processes off one disposal or refresh; down to
    0026 takes the table away, and up again puts it back as the models declare."""
    _migrate(empty_engine, "0027")
    assert "retention_claims" in inspect(empty_engine).get_table_names()
    _migrate(empty_engine, "0026", down=True)
    assert "retention_claims" not in inspect(empty_engine).get_table_names()
    upgrade(empty_engine, "data")
    assert differences(empty_engine, metadata) == []
