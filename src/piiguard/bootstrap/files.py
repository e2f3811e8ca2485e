"""Private files the entry points write for a person to read later (the CLI's `--out` and
`--answers-to`): free text that may name people goes to an owner-only file (mode 0600),
written whole or not at all (adapters/secret_file.py), never to the terminal (R3.5)."""

from __future__ import annotations

from pathlib import Path

from piiguard.adapters.secret_file import write_secret


def write_private(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path`, replacing it, readable by its owner only."""
    write_secret(path, text.encode(), replace=True)
