"""The key of the keyed hash of found values: from the environment, the installation's or the
user's own (docs/scanner.md, "Using piiguard scan")."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path

from piiguard.scanner.precompiled import private_temp, user_dir, writable

KEY_FILE = "scan-hash.key"
# what a piiguard installation keeps in its ./var (docs/operations.md, "What piiguard keeps"),
# and the key earlier scans made there: a ./var holding one of them is the installation's
INSTALLATION = (KEY_FILE, "master.key", "piiguard.db", "keystore.db")


def key_path(env: Mapping[str, str] = os.environ) -> Path:
    """Where the key is kept: $PIIGUARD_VAR_DIR/scan-hash.key when that is set; ./var/
    scan-hash.key when the scan runs from a piiguard installation (its ./var holds the
    service's files or a key made there before), so that findings hash as the installation's
    do; else in the user's data folder ($XDG_DATA_HOME/piiguard, ~/.local/share/piiguard,
    made 0700), the same from every folder; piiguard-UID under the system's temporary folder
    if that cannot be written. Never a ./var made in whatever folder the scan runs from."""
    if var := env.get("PIIGUARD_VAR_DIR"):
        return Path(var) / KEY_FILE
    here = Path("var")
    if any((here / name).is_file() for name in INSTALLATION):
        return here / KEY_FILE
    user = user_dir(env, "XDG_DATA_HOME", ".local/share")
    if user is not None and writable(user):
        return user / KEY_FILE
    temp = private_temp()
    if temp is None:
        raise OSError(
            "no folder of yours to keep it in: set PIIGUARD_SCAN_HASH_KEY (hex) or "
            "PIIGUARD_VAR_DIR / 没有可写的目录保存密钥：请设置 PIIGUARD_SCAN_HASH_KEY 或 "
            "PIIGUARD_VAR_DIR"
        )
    return temp / KEY_FILE


def load_hash_key(
    env: Mapping[str, str] = os.environ, created: Callable[[Path], None] | None = None
) -> bytes:
    """PIIGUARD_SCAN_HASH_KEY (hex) if set; else the file `key_path` names, created with 32
    random bytes and mode 0600 the first time (`created` is told its path then)."""
    configured = env.get("PIIGUARD_SCAN_HASH_KEY")
    if configured:
        return bytes.fromhex(configured)
    path = key_path(env)
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
