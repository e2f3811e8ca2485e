"""`piiguard` starts at once (issue 12): its help and a scan of files load neither the web
stack, SQLAlchemy, Alembic nor piiguard's composition root — only what the command asked for
needs. Proved without timings: a fresh interpreter runs the command and lists what it
imported. The top-level listing comes from cli/main.py's COMMANDS (no command module
imported), so each summary there must be the first paragraph of that command's own help."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from piiguard.cli.main import COMMANDS, app, build

# what a command loads only when it runs (the container, the web stack, the scanner's engines
# and the office readers)
HEAVY = [
    "sqlalchemy",
    "alembic",
    "fastapi",
    "starlette",
    "uvicorn",
    "pydantic",
    "pydantic_settings",
    "hyperscan",
    "phonenumbers",
    "stdnum",
    "openpyxl",
    "docx",
    "pypdf",
    "piiguard.bootstrap",
    "piiguard.config",
    "piiguard.services",
    "piiguard.adapters",
    "piiguard.web",
]
# typer 0.27+ checks every option through a pydantic TypeAdapter, which loads pydantic at each
# start; pyproject.toml keeps typer below 0.27, and these tests fail if that cap is lifted
# while typer still does so

RUN = """
import contextlib, io, json, sys
from piiguard.cli.main import app
ran = []
for args in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            app(args, prog_name="piiguard")
        except SystemExit as stop:
            ran.append(stop.code)
print(json.dumps({"codes": ran, "modules": sorted(sys.modules)}))
"""


def imported(*runs: list[str]) -> tuple[list[object], set[str]]:
    """Run each argument list through `piiguard` in one fresh interpreter: the exit codes and
    every module it imported."""
    done = subprocess.run(
        [sys.executable, "-c", RUN, json.dumps(runs)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        # a scan's key from here, not one made in the home of the user running the tests
        env={**os.environ, "PIIGUARD_SCAN_HASH_KEY": "ab" * 32},
    )
    found = json.loads(done.stdout.splitlines()[-1])
    return found["codes"], set(found["modules"])


def heavy(modules: set[str], allowed: frozenset[str] = frozenset()) -> list[str]:
    """The heavy modules (and their submodules) among `modules`, but those `allowed`."""
    return sorted(
        m for m in modules for h in HEAVY if h not in allowed and (m == h or m.startswith(h + "."))
    )


def test_help_imports_no_command_module() -> None:
    codes, modules = imported(["--help"])
    assert codes == [0]
    assert heavy(modules) == []
    assert sorted(m for m in modules if m.startswith("piiguard.")) == [
        "piiguard.cli",
        "piiguard.cli.main",
    ]


def test_scan_help_imports_only_the_scan_command() -> None:
    codes, modules = imported(["scan", "--help"])
    assert codes == [0]
    assert heavy(modules) == []
    assert "piiguard.scanner.scan" not in modules  # the engines load when a scan runs


def test_every_help_imports_nothing_heavy() -> None:
    runs = [["--help"]] + [[*path, "--help"] for path in _paths(app)]
    codes, modules = imported(*runs)
    assert codes == [0] * len(runs)
    assert heavy(modules) == []


def test_a_scan_of_files_loads_no_database_web_or_office_library(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("email li.lei@example.cn\n", "utf-8")
    codes, modules = imported(["scan", str(tmp_path)])
    assert codes == [1]  # found
    assert heavy(modules, frozenset({"hyperscan", "phonenumbers"})) == []
    assert "multiprocessing" not in modules  # one process: no pool
    assert "email.policy" not in modules  # no mail file: no MIME parser
    assert "charset_normalizer" not in modules  # UTF-8 told from its bytes: no guessing


def test_a_json_lines_scan_off_a_terminal_loads_no_rich(tmp_path: Path) -> None:
    """rich's console costs about 35 ms of every start: a scan whose standard error is not a
    terminal (no progress bar) writing JSON Lines does without it (issue 18, start ≤ 3×
    a bare Typer program's)."""
    files = tmp_path / "files"
    files.mkdir()
    (files / "a.txt").write_text("email li.lei@example.cn\n", "utf-8")
    (files / "b.bin").write_bytes(bytes(range(256)) * 8)  # skipped: said on stderr
    out = tmp_path / "out.jsonl"  # (standard output is a StringIO here, without a buffer)
    codes, modules = imported(["scan", "--format", "jsonl", "-o", str(out), str(files)])
    assert codes == [1]
    assert b"li.lei" not in out.read_bytes() and out.read_bytes().count(b"\n") == 1
    assert not [m for m in modules if m == "rich" or m.startswith("rich.")]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_listing_shows_each_commands_own_summary(name: str) -> None:
    command = build(name)
    first_paragraph = inspect.cleandoc(command.help or "").split("\n\n")[0]
    assert COMMANDS[name].summary == first_paragraph, (
        f"copy the first paragraph of `piiguard {name}`'s help to COMMANDS in cli/main.py"
    )


def _paths(typer_app: object) -> list[tuple[str, ...]]:
    """Every group and command below the top level, by its path."""

    def walk(cmd: object, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        subs = getattr(cmd, "commands", None) or {}
        return [p for name, sub in subs.items() for p in [(*path, name), *walk(sub, (*path, name))]]

    return walk(typer.main.get_command(typer_app), ())  # type: ignore[arg-type]
