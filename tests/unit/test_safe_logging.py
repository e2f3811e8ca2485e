"""Errors in the logs without their messages (R5.1, R5.5): piiguard/safe_logging.py, which
bootstrap installs in every process. Whatever logger formats an exception — with
`log.exception`, `exc_info=` (uvicorn's "Exception in ASGI application"), the exception as
an argument, asyncio's handler, an error escaping a thread or the process — the output
names the types and the code lines, never the values in messages, args, notes or chained
causes. tests/e2e/test_error_logging.py proves it through the real server on both
databases."""

from __future__ import annotations

import asyncio
import io
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from piiguard import safe_logging

EMAIL, PHONE, ID_NUMBER = "han.meimei.leak@example.cn", "13987650042", "44010619900307451X"
VALUES = (EMAIL, PHONE, ID_NUMBER, "han.meimei.leak")


def lookup() -> None:
    raise KeyError(ID_NUMBER)


def insert() -> None:
    raise ValueError(f"[SQL: INSERT ...] [parameters: {{'email_1': '{EMAIL}'}}]")


def register() -> None:
    try:
        lookup()
    except KeyError:
        try:
            insert()
        except ValueError as cause:
            raise RuntimeError(f"could not register {PHONE}", EMAIL, PHONE) from cause


def failure() -> RuntimeError:
    """An error like the ones that leaked: a message and args quoting values, a cause whose
    text lists statement parameters, a context behind it, a note."""
    try:
        register()
    except RuntimeError as exc:
        exc.add_note(f"while handling {EMAIL}")
        return exc
    raise AssertionError("register() raises")


@pytest.fixture
def output() -> Iterator[io.StringIO]:
    safe_logging.install()
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    names = ("piiguard.test", "uvicorn.error", "sqlalchemy.pool", "asyncio")
    loggers = [logging.getLogger(n) for n in names]
    for lg in loggers:
        lg.addHandler(handler)
    yield out
    for lg in loggers:
        lg.removeHandler(handler)


def assert_no_values(text: str) -> None:
    assert text.strip()
    for value in VALUES:
        assert value not in text, f"{value!r} in:\n{text}"


@pytest.mark.req("R5.1")
@pytest.mark.req("R5.5")
def test_a_logged_traceback_keeps_the_types_and_code_lines_and_withholds_every_value(
    output: io.StringIO,
) -> None:
    exc = failure()
    try:
        raise exc
    except RuntimeError:
        logging.getLogger("piiguard.test").exception("request job %s failed", "notices")
    logging.getLogger("uvicorn.error").error("Exception in ASGI application\n", exc_info=exc)
    logging.getLogger("sqlalchemy.pool").error("Exception during reset", exc_info=True)
    text = output.getvalue()
    assert_no_values(text)
    assert "request job notices failed" in text and "Exception in ASGI application" in text
    # the chain is still there: types, the code lines that raised, how they were linked
    for kind in ("RuntimeError", "ValueError", "KeyError"):
        assert f"{kind}: {safe_logging.WITHHELD}" in text
    assert "The above exception was the direct cause" in text
    assert "During handling of the above exception" in text
    assert "in lookup" in text and "raise KeyError(ID_NUMBER)" in text


@pytest.mark.req("R5.5")
def test_an_exception_as_the_message_or_an_argument_becomes_its_types(output: io.StringIO) -> None:
    exc = failure()
    log = logging.getLogger("piiguard.test")
    log.warning("mail failed: %s", exc)
    log.warning("mail failed: %(error)s", {"error": exc})
    log.error(exc)
    text = output.getvalue()
    assert_no_values(text)
    assert text.count("RuntimeError <- ValueError <- KeyError") == 3, text


@pytest.mark.req("R5.5")
def test_asyncio_reports_keep_their_first_words_only(output: io.StringIO) -> None:
    async def job() -> None:
        raise failure()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        task = loop.create_task(job())
        await asyncio.sleep(0)
        loop.call_exception_handler(
            {
                "message": "Task exception was never retrieved",
                "exception": task.exception(),
                "future": task,
            }
        )
        loop.call_exception_handler(
            {"message": f"Exception in callback print({EMAIL!r})", "exception": failure()}
        )

    asyncio.run(main())
    text = output.getvalue()
    assert_no_values(text)
    assert "Task exception was never retrieved (details withheld)" in text
    assert "Exception (details withheld)" in text


@pytest.mark.req("R5.5")
def test_an_error_escaping_a_thread_or_the_process_is_printed_without_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    safe_logging.install()
    # pytest puts its own threading.excepthook in place during a test: call ours directly
    safe_logging._thread_excepthook(threading.ExceptHookArgs([RuntimeError, failure(), None, None]))
    text = capsys.readouterr().err
    assert_no_values(text)
    assert "RuntimeError" in text
    script = (
        "from piiguard import safe_logging\nsafe_logging.install()\n"
        f"raise RuntimeError('could not register', {EMAIL!r}) "
        f"from KeyError({ID_NUMBER!r})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert_no_values(done.stderr)
    assert "RuntimeError" in done.stderr and "KeyError" in done.stderr


def test_describe_names_the_chain_and_the_members_of_a_group() -> None:
    group = ExceptionGroup("x", [failure(), OSError(EMAIL)])
    text = safe_logging.describe(group)
    assert text == "ExceptionGroup[RuntimeError <- ValueError <- KeyError, OSError]"
    assert "test_safe_logging.py" in safe_logging.raised_at(failure())
