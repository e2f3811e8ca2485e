"""`piiguard ARGS` run in this process through Typer's CliRunner — the same command the
installed entry point runs (piiguard.cli.main:app), with the environment the entry point
would get from `cli_env(settings)`, without starting an interpreter for each command. A few
tests still run the installed entry point itself as a subprocess (tests/e2e/test_cli.py:
--help and init; the serve and worker tests), proving that it is installed and starts.

The result has the attributes of a finished subprocess (returncode, stdout, stderr), so that
a test asserts what it would of the installed command; an exception escaping the command
(which a user would see as a traceback) fails the test."""

from __future__ import annotations

import os
import subprocess
import traceback

from typer.testing import CliRunner

from piiguard.cli.main import app
from piiguard.config import Settings
from tests.e2e.conftest import cli_env


def environment(settings: Settings | None) -> dict[str, str | None]:
    """This process's PIIGUARD_* settings unset, the test's set (as cli_env does for a
    subprocess); COLUMNS=200 so that rich tables keep ids and values whole."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("PIIGUARD_")}
    if settings is not None:
        env.update({k: v for k, v in cli_env(settings).items() if k.startswith("PIIGUARD_")})
    env["COLUMNS"] = "200"
    return env


def piiguard(
    settings: Settings | None, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `piiguard ARGS` as a user would (in this process); it never shows a traceback."""
    r = CliRunner().invoke(
        app, list(args), input=stdin, env=environment(settings), prog_name="piiguard"
    )
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise AssertionError(
            f"piiguard {' '.join(args)} crashed:\n"
            + "".join(traceback.format_exception(r.exception))
        ) from r.exception
    return subprocess.CompletedProcess(["piiguard", *args], r.exit_code, r.stdout, r.stderr)
