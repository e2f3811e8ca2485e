"""Settings, from environment variables prefixed PIIGUARD_ (pydantic-settings).

PIIGUARD_DATABASE_URL picks the database (a SQLAlchemy URL); nothing else changes between
SQLite and PostgreSQL. Files that hold secrets live under PIIGUARD_VAR_DIR unless placed
elsewhere one by one — in production, keep the key store, the master key file and the
audit signing key on storage the data database's backups do not include.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PIIGUARD_", extra="ignore")

    var_dir: Path = Field(Path("var"), description="where the embedded databases and keys live")
    database_url: str | None = Field(None, description="SQLAlchemy URL of the data database")
    keystore_url: str | None = Field(None, description="SQLAlchemy URL of the key store "
                                     "(wrapped subject keys), apart from the data")
    master_key_file: Path | None = Field(None, description="local KEK and HMAC key file")
    audit_key_file: Path | None = Field(None, description="Ed25519 key signing checkpoints")
    audit_witness_file: Path | None = Field(None, description="checkpoints kept outside the DB")
    taxonomy_file: Path | None = Field(None, description="company data categories (YAML)")
    host: str = "127.0.0.1"
    port: int = 8000
    audit_checkpoint_every: int = Field(1000, ge=1, description="entries per checkpoint")
    audit_checkpoint_seconds: float = Field(60.0, gt=0, description="checkpoint timer")
    api_key_cache_seconds: float = Field(5.0, ge=0, description="how long a checked API key "
                                         "is trusted without reading the database again; a "
                                         "key revoked elsewhere stops within this time")
    session_hours: float = Field(12.0, gt=0, description="absolute staff session lifetime")
    setup_token_hours: float = Field(24.0, gt=0)
    company_name: str = "ST Machinery Technology (Foshan) Co., Ltd"
    default_system: str = Field("piiguard-vault", description="where items are held by default")
    home_region: str = Field("CN", description="ISO code of the home country (R7.1)")
    child_age: int = Field(14, ge=1, le=21, description="under this age a person is a child "
                           "and needs a guardian's consent (R6.1)")

    @property
    def data_url(self) -> str:
        return self.database_url or f"sqlite:///{self.var_dir / 'piiguard.db'}"

    @property
    def keys_url(self) -> str:
        return self.keystore_url or f"sqlite:///{self.var_dir / 'keystore.db'}"

    @property
    def key_file(self) -> Path:
        return self.master_key_file or self.var_dir / "master.key"

    @property
    def signing_key_file(self) -> Path:
        return self.audit_key_file or self.var_dir / "audit-signing.key"

    @property
    def witness_file(self) -> Path:
        return self.audit_witness_file or self.var_dir / "audit-witness.jsonl"
