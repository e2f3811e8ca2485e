"""Run the packaged Alembic migrations programmatically (server and CLI migrate on start)."""

from __future__ import annotations

from importlib import resources
from typing import Literal

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

Which = Literal["data", "keystore"]


def alembic_config(which: Which, url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("piiguard") / "migrations" / which))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


_MIGRATION_LOCK = 0x5049_4947  # "PIIG": one migrator at a time on a PostgreSQL server


def upgrade(engine: Engine, which: Which) -> None:
    """Migrate to head. Processes starting together (server, CLI, workers) take turns: the
    write lock on SQLite, an advisory lock on PostgreSQL; the later ones find head done."""
    cfg = alembic_config(which, engine.url.render_as_string(hide_password=False))
    with engine.connect() as plain:
        conn = (
            plain.execution_options(sqlite_begin="IMMEDIATE")
            if engine.dialect.name == "sqlite"
            else plain
        )
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
