"""Errors are logged without their messages (R5.1, R5.5): the text of an arbitrary
exception may quote personal data — SQLAlchemy's lists the statement's parameters, a
database's own message quotes the value it refused (PostgreSQL: `invalid input syntax for
type integer: "<value>"`, `Key (email)=(<value>) already exists`), and a chained cause
(`__cause__`, `__context__`) or an exception's `args` carry the same.

`install()` (called by bootstrap, so by every process that opens the vault: the server and
its workers, `piiguard worker`, the CLI) makes that true for every logger and every
handler of the process — ours, uvicorn's "Exception in ASGI application", Starlette's,
SQLAlchemy's pool and engine, asyncio's, aiosmtpd's — by one log-record factory:

- an exception attached to a record (`log.exception`, `exc_info=`) is replaced by a
  stand-in chain of the same types and the same tracebacks (file, line, function and the
  code line — code, never data), whose messages say only that they were withheld;
- an exception passed as the message or as an argument (`log.error("%s", exc)`) becomes
  its type names;
- asyncio's "exception was never retrieved" / "Exception in callback" messages, which
  embed the task's or callback's repr (its exception and arguments), keep their first
  words only.

The same applies to an error that reaches the top of the process or of a thread
(`sys.excepthook`, `threading.excepthook`). Pure Python: imports nothing of piiguard, so
the web layer may use `describe` and `raised_at` too."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import Any, cast

WITHHELD = "[message withheld: it may hold personal data]"


class Withheld(Exception):
    """Stands in for an exception whose message and args are withheld; subclasses made by
    `_stand_in_type` carry the original type's name and module, so a formatted traceback
    reads `sqlite3.OperationalError: [message withheld ...]`."""


_TYPES: dict[type[BaseException], type[Withheld]] = {}


def type_name(exc: BaseException) -> str:
    kind = type(exc)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _next(exc: BaseException) -> BaseException | None:
    if exc.__cause__ is not None:
        return exc.__cause__
    return None if exc.__suppress_context__ else exc.__context__


def describe(exc: BaseException) -> str:
    """The types of an exception and of the chain behind it, outermost first:
    `RuntimeError <- sqlalchemy.exc.OperationalError <- sqlite3.OperationalError`. The
    members of an exception group are named in brackets. Never a message or an arg."""
    names: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        name = type_name(current)
        if isinstance(current, BaseExceptionGroup):
            name += "[" + ", ".join(describe(e) for e in current.exceptions) + "]"
        names.append(name)
        current = _next(current)
    return " <- ".join(names)


def raised_at(exc: BaseException) -> str:
    """Where the exception was raised: `path/to/module.py:123 in function` (no values)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "unknown"
    last = frames[-1]
    return f"{last.filename}:{last.lineno} in {last.name}"


def _stand_in_type(kind: type[BaseException]) -> type[Withheld]:
    found = _TYPES.get(kind)
    if found is None:
        found = cast(
            type[Withheld],
            type(
                kind.__name__,
                (Withheld,),
                {"__module__": kind.__module__, "__qualname__": kind.__qualname__},
            ),
        )
        if len(_TYPES) < 1000:  # bounded: exception types are few
            _TYPES[kind] = found
    return found


def stand_in(exc: BaseException, _seen: set[int] | None = None) -> BaseException:
    """An exception of the same type names and tracebacks as `exc` and its chain, with no
    message, args or notes: safe to format."""
    seen = _seen if _seen is not None else set()
    seen.add(id(exc))
    message = WITHHELD if exc.args else ""
    if isinstance(exc, BaseExceptionGroup):
        message = f"{message} members: {', '.join(describe(e) for e in exc.exceptions)}"
    out = _stand_in_type(type(exc))(message.strip()).with_traceback(exc.__traceback__)
    out.__suppress_context__ = exc.__suppress_context__
    behind = _next(exc)
    if behind is not None and id(behind) not in seen:
        if exc.__cause__ is not None:
            out.__cause__ = stand_in(behind, seen)
        else:
            out.__context__ = stand_in(behind, seen)
    return out


def _safe_arg(value: Any) -> Any:
    return describe(value) if isinstance(value, BaseException) else value


def redact(record: logging.LogRecord) -> logging.LogRecord:
    """The record, with its exception (if any) and exception arguments reduced as above."""
    if record.exc_info and record.exc_info[1] is not None:
        exc = record.exc_info[1]
        if record.name == "asyncio":  # the message embeds the task's or callback's repr
            words = str(record.msg).split("\n", 1)[0].split(" in callback ", 1)[0]
            record.msg, record.args = f"{words} (details withheld)", ()
        safe = stand_in(exc)
        record.exc_info = (type(safe), safe, safe.__traceback__)
        record.exc_text = None
    if isinstance(record.msg, BaseException):
        record.msg = describe(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(_safe_arg(a) for a in record.args)
    elif isinstance(record.args, dict):
        record.args = {k: _safe_arg(v) for k, v in record.args.items()}
    return record


def _print(exc: BaseException) -> None:
    traceback.print_exception(stand_in(exc), file=sys.stderr)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    _print(exc.with_traceback(tb) if tb is not None else exc)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "unknown"
    sys.stderr.write(f"Exception in thread {name}:\n")
    _print(args.exc_value)


def install() -> None:
    """Install the redacting record factory and except hooks, once per process."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "piiguard_redacts", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return redact(previous(*args, **kwargs))

    factory.piiguard_redacts = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
