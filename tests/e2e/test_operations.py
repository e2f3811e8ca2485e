"""Running piiguard (issue 11, points 8 and 10): Ctrl-C stops `serve` and `make run` quietly,
after a graceful shutdown; `init` says how to back up each store (a plain copy of a live
SQLite file misses its write-ahead log); the docs say what is true (docs/operations.md
exists and lists every setting, the webhook receiver is runnable, the scanner's options)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from piiguard.bootstrap import bootstrap
from piiguard.config import Settings
from tests.builders import contact, register
from tests.e2e import cli_runner
from tests.e2e.conftest import PIIGUARD, TLS, cli_env, free_port
from tests.e2e.test_cli import piiguard

ROOT = Path(__file__).resolve().parents[2]
ZH = re.compile(r"[\u4e00-\u9fff]")


# --- point 10: serve and make run stop quietly on Ctrl-C ----------------------------------------


@dataclass
class Running:
    proc: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")


@contextmanager
def started(
    args: list[str], env: dict[str, str], port: int, log: Path, *, processes: int = 1
) -> Iterator[Running]:
    """A server in its own process group (as a terminal's foreground job), waited for until
    each of its processes has started and /healthz answers; killed at the end if the test
    has not stopped it."""
    with log.open("wb") as out:
        proc = subprocess.Popen(
            args, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    running = Running(proc, log)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, running.output()
            assert time.monotonic() < deadline, f"never ready:\n{running.output()}"
            if running.output().count("Application startup complete") >= processes:
                try:
                    if (
                        httpx.get(
                            f"http://127.0.0.1:{port}/healthz", timeout=2, verify=TLS
                        ).status_code
                        == 200
                    ):
                        break
                except httpx.TransportError:
                    pass
            time.sleep(0.1)  # polling for readiness, not waiting for time to pass
        yield running
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def ctrl_c(running: Running) -> str:
    """Ctrl-C as a terminal sends it: SIGINT to every process of the foreground group."""
    os.killpg(running.proc.pid, signal.SIGINT)
    running.proc.wait(timeout=60)
    return running.output()


ALARMING = ("Traceback", "Error", "Aborted", "KeyboardInterrupt", "ERROR")


@pytest.mark.req("R5.1")
@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_stops_serve_gracefully_with_exit_0(
    settings: Settings, workers: str, tmp_path: Path
) -> None:
    """Every server process shuts down gracefully and signs its checkpoint (a second SIGINT
    from the parent used to make the workers skip that), and nothing alarming is printed."""
    port = free_port()
    env = cli_env(settings)
    del env["PIIGUARD_PUBLIC_URL"]  # the default: where the server listens
    with started(
        [str(PIIGUARD), "serve", "--port", str(port), "--workers", workers],
        env,
        port,
        tmp_path / "serve.log",
        processes=int(workers),
    ) as running:
        output = ctrl_c(running)
    assert running.proc.returncode == 0, output
    assert not [word for word in ALARMING if word in output], output
    assert output.count("Application shutdown complete") == int(workers), output
    assert settings.witness_file.read_text("utf-8").strip()  # the shutdown's checkpoint
    verified = piiguard(settings, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr


@pytest.mark.req("R5.1")
@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")
def test_ctrl_c_on_make_run_prints_nothing_alarming(settings: Settings, tmp_path: Path) -> None:
    port = free_port()
    env = cli_env(settings) | {"PIIGUARD_PORT": str(port)}
    del env["PIIGUARD_PUBLIC_URL"]
    # -o install: the recipe as it is, without reinstalling into the test's environment
    make = ["make", "-o", "install", "run", f"BIN={Path(sys.executable).parent}"]
    with started(make, env, port, tmp_path / "make.log") as running:
        output = ctrl_c(running)
    assert "Serving on" in output
    assert f"127.0.0.1:{port}/console" in output or f"localhost:{port}/console" in output, output
    assert not [word for word in ALARMING if word in output], output  # no "Error 130"
    # make itself was interrupted (as a shell's Ctrl-C ends it, silently); piiguard exited 0
    assert running.proc.returncode in (0, -signal.SIGINT), output


# --- point 8: backups ----------------------------------------------------------------------------


@pytest.mark.req("R5.7")
def test_init_says_how_to_back_up_each_store_apart(settings: Settings) -> None:
    r = piiguard(settings, "init")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "-wal" in out and "cp" in out and "VACUUM INTO" in out and ZH.search(out)
    if settings.database_url:  # PostgreSQL
        assert out.count("pg_dump -Fc") == 2
        assert "+psycopg" not in out.split("Backups", 1)[1]  # a URL pg_dump takes
    else:
        assert f'sqlite3 {settings.var_dir}/piiguard.db ".backup ' in out
        assert f'sqlite3 {settings.var_dir}/keystore.db ".backup ' in out
    assert str(settings.key_file) in out and str(settings.signing_key_file) in out
    assert "docs/operations.md" in out


@pytest.mark.req("R5.7")
@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 program")
def test_the_printed_backup_command_copies_what_a_plain_cp_misses(
    settings: Settings, tmp_path: Path
) -> None:
    """While piiguard has the database open, its latest writes sit in piiguard.db-wal: a
    `cp` of the file is stale, the `.backup` that init prints is whole."""
    c = bootstrap(settings, migrate=False)
    try:
        register(c, *contact("li.lei@example.cn"))
        register(c, *contact("han.meimei@example.cn"))
        live = settings.var_dir / "piiguard.db"
        assert (settings.var_dir / "piiguard.db-wal").stat().st_size > 0
        shutil.copy(live, tmp_path / "cp.db")
        r = piiguard(settings, "init")
        [line] = [x for x in r.stdout.splitlines() if x.strip().startswith("data:")]
        command = line.split("data:", 1)[1].strip().replace("/backups/", f"{tmp_path}/")
        (tmp_path / "piiguard").mkdir()
        subprocess.run(["bash", "-c", command], check=True, timeout=60)
    finally:
        c.close()
    [copy] = (tmp_path / "piiguard").glob("piiguard-*.db")
    assert not copy.with_name(copy.name + "-wal").exists()  # one self-contained file

    def subjects(path: Path) -> int:
        with sqlite3.connect(path) as db:
            return int(db.execute("SELECT count(*) FROM subjects").fetchone()[0])

    assert subjects(copy) == 2
    assert subjects(tmp_path / "cp.db") < 2  # what a plain copy would have kept


# --- point 10: the docs say what is true --------------------------------------------------------

DOC_REF = re.compile(r"docs/[\w.-]+\.md")


@pytest.mark.req("R10.2")
def test_every_doc_the_code_and_the_docs_cite_exists() -> None:
    cited: dict[str, str] = {}
    sources = [
        *ROOT.glob("src/piiguard/**/*.py"),
        ROOT / "README.md",
        *ROOT.glob("docs/*.md"),
        ROOT / "Makefile",
    ]
    for path in sources:
        for ref in DOC_REF.findall(path.read_text("utf-8")):
            cited.setdefault(ref, str(path.relative_to(ROOT)))
    assert "docs/operations.md" in cited  # `piiguard --help` sends people there
    missing = {ref: by for ref, by in cited.items() if not (ROOT / ref).exists()}
    assert not missing, f"cited but not written: {missing}"


@pytest.mark.req("R10.2")
def test_docs_operations_lists_every_setting() -> None:
    text = (ROOT / "docs" / "operations.md").read_text("utf-8")
    missing = [
        f"PIIGUARD_{name.upper()}"
        for name in Settings.model_fields
        if f"`PIIGUARD_{name.upper()}`" not in text
    ]
    assert not missing, f"add them to docs/operations.md (Every setting): {missing}"


@pytest.mark.req("R2.7")
def test_docs_scanner_describes_every_scan_option() -> None:
    text = (ROOT / "docs" / "scanner.md").read_text("utf-8")
    assert "not done yet" not in text.lower()
    helped = cli_runner.piiguard(None, "scan", "--help")
    assert helped.returncode == 0, helped.stderr
    options = set(re.findall(r"--[a-z][a-z-]+", helped.stdout)) - {"--help"}
    assert {"--report", "--workers", "--db"} <= options
    assert not [o for o in options if o not in text]


def _webhook_doc() -> str:
    return (ROOT / "docs" / "webhooks.md").read_text("utf-8")


@pytest.mark.req("R4.1")
def test_the_webhook_doc_receiver_verifies_what_piiguard_signs() -> None:
    """The doc's receiver, run as written, with a secret as registration hands it over (64
    hex characters): the HMAC key is the 32 bytes they encode."""
    from piiguard.adapters.webhooks import encode_body, sign  # noqa: PLC0415

    [snippet] = re.findall(r"```python\n(.*?)```", _webhook_doc(), re.S)
    scope: dict[str, object] = {}
    exec(compile(snippet, "docs/webhooks.md", "exec"), scope)  # noqa: S102 - our own doc
    verify = scope["verify"]
    assert callable(verify)
    secret_hex = os.urandom(32).hex()
    body = encode_body(
        {
            "event": "request.delete",
            "task_id": "t-1",
            "system": "erp",
            "categories": frozenset({"user.contact.email"}),
        }
    )
    header = sign(bytes.fromhex(secret_hex), body, int(time.time()))
    assert verify(secret_hex, header, body) is True
    assert verify(secret_hex, header, body + b" ") is False
    assert verify(os.urandom(32).hex(), header, body) is False
    old = sign(bytes.fromhex(secret_hex), body, int(time.time()) - 301)
    assert verify(secret_hex, old, body) is False
    # the mistake the doc warns about: the hex text's own bytes are not the key
    wrong = sign(secret_hex.encode(), body, int(time.time()))
    assert verify(secret_hex, wrong, body) is False


@pytest.mark.req("R4.1")
def test_the_routes_the_webhook_doc_names_exist() -> None:
    from piiguard.web.authz import RULES  # noqa: PLC0415

    text = _webhook_doc()
    assert "being built" not in text
    named = set(re.findall(r"(GET|POST|PUT|DELETE) (/api/v1/[\w/{}-]+)", text))
    assert ("POST", "/api/v1/requests/tasks/{task_id}/confirm") in named
    assert not named - set(RULES), "the doc names routes the API does not have"
