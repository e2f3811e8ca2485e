"""Run the packaged Alembic migrations programmatically (server and CLI migrate on start)."""

from __future__ import annotations

from importlib import resources
from typing import Literal

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

Which = Literal["data", "keystore"]


def alembic_config(which: Which, url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("piiguard") / "migrations" / which))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, which: Which) -> None:
    cfg = alembic_config(which, engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
