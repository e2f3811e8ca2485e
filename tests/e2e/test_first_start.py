"""Several piiguard processes starting at once on an empty ./var (a server, the CLI, a
worker) create the keys, the schema and the reference data exactly once, and all work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PIIGUARD = Path(sys.executable).with_name("piiguard")


@pytest.mark.long
@pytest.mark.req("R5.1")
def test_processes_starting_together_on_an_empty_var_all_succeed(tmp_path: Path) -> None:
    env = {**os.environ, "PIIGUARD_VAR_DIR": str(tmp_path / "var"), "COLUMNS": "200"}
    for k in ("PIIGUARD_DATABASE_URL", "PIIGUARD_KEYSTORE_URL"):
        env.pop(k, None)
    procs = [
        subprocess.Popen(
            [str(PIIGUARD), *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in (["init"], ["purpose", "list"], ["init"], ["purpose", "list"])
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    for code, out, err in results:
        assert code == 0, err + out
    keys = sorted(p.name for p in (tmp_path / "var").iterdir() if p.name.endswith(".key"))
    assert keys == ["audit-signing.key", "master.key"]
    assert not [p for p in (tmp_path / "var").iterdir() if p.name.endswith(".tmp")]
    links = sum(out.count("/setup?token=") for _, out, _ in results)
    assert links >= 1  # the first account can be set up
