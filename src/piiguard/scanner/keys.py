"""The key of the keyed hash of found values: from the environment, or one per installation."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path

KEY_FILE = "scan-hash.key"


def load_hash_key(
    env: Mapping[str, str] = os.environ, created: Callable[[Path], None] | None = None
) -> bytes:
    """PIIGUARD_SCAN_HASH_KEY (hex) if set; else $PIIGUARD_VAR_DIR/scan-hash.key, created with
    32 random bytes and mode 0600 the first time (`created` is told its path then)."""
    configured = env.get("PIIGUARD_SCAN_HASH_KEY")
    if configured:
        return bytes.fromhex(configured)
    path = Path(env.get("PIIGUARD_VAR_DIR", "var")) / KEY_FILE
    if path.exists():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another scan created it first
        return path.read_bytes()
    with os.fdopen(fd, "wb") as stream:
        stream.write(key)
    if created is not None:
        created(path)
    return key
