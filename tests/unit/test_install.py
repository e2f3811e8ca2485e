"""`make run` installs what piiguard needs to run; `make test` adds the dev tools on top.

Dry runs (`make -n`) against a virtual environment that does not exist yet, so nothing is
installed: the recipes are what is checked, the sizes are in docs/benchmarks.md.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")


def dry_run(venv: Path, *goals: str) -> str:
    r = subprocess.run(
        ["make", "-n", "--no-print-directory", "-C", str(ROOT), f"VENV={venv}", *goals],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def stamps(venv: Path) -> dict[str, Path]:
    """The stamp files each install step touches when it is done."""
    touched = re.findall(r"touch (\S+\.installed-(runtime|dev)-\w+)", dry_run(venv, "install-dev"))
    return {kind: Path(path) for path, kind in touched}


def test_make_run_installs_the_runtime_only(tmp_path: Path) -> None:
    out = dry_run(tmp_path / "venv", "run")
    assert re.search(r"pip --disable-pip-version-check install --quiet -e \.$", out, re.M), out
    assert "[dev]" not in out and "dev-requirements" not in out
    assert out.rstrip().endswith("piiguard serve")


def test_make_run_after_make_test_installs_nothing(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    done = stamps(venv)
    venv.mkdir()
    for stamp in done.values():
        stamp.touch()
    assert dry_run(venv, "run").split() == [f"{venv}/bin/piiguard", "serve"]


def test_make_test_after_make_run_adds_only_the_dev_tools(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    done = stamps(venv)
    venv.mkdir()
    done["runtime"].touch()
    out = dry_run(venv, "install-dev")
    assert "-r " in out and "dev-requirements.txt" in out
    assert not re.search(r"install --quiet -e \.", out)  # piiguard itself is not rebuilt


def test_the_runtime_dependencies_hold_no_dev_tool_nor_unused_data() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    names = {re.split(r"[<>=;\[ ]", d, maxsplit=1)[0].lower() for d in project["dependencies"]}
    dev = {
        re.split(r"[<>=;\[ ]", d, maxsplit=1)[0].lower()
        for d in project["optional-dependencies"]["dev"]
    }
    assert not names & dev
    # phonenumbers' geocoder, carrier and timezone data (42 MB) serve no check of the scanner
    assert "phonenumberslite" in names and "phonenumbers" not in names
