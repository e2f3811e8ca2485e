"""Backups of the data database and of the key store with the databases' own tools (R5.7):
SQLite's online backup API (sqlite.py), PostgreSQL's pg_dump / pg_restore (postgres.py),
encrypted on the way to the target folder (files.py, adapters/vault/backup_cipher.py)."""

from piiguard.adapters.db.backup.files import DatabaseBackups

__all__ = ["DatabaseBackups"]
