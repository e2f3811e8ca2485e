"""Writing a secret file (keys): whole or not at all, owner-only, and safe when two
processes start at once on an empty var/."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_secret(path: Path, data: bytes, *, replace: bool) -> bool:
    """Write `data` to a private temporary file (mode 0600), fsync, then rename it over
    `path` (`replace`) or link it into place only if `path` is absent. False when another
    process got there first (only with `replace=False`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if replace:
            tmp.replace(path)
            return True
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        tmp.unlink(missing_ok=True)
