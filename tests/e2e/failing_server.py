"""`python -m tests.e2e.failing_server serve --port N`: the real `piiguard` command, whose
two use cases fail inside the database with the values they were sent, as an unexpected
error would (tests/e2e/test_error_logging.py).

- registering a subject runs a statement that fails on the database with the item values
  as its parameters (on PostgreSQL the cast also puts a value in the database's own
  message), then raises a RuntimeError whose message and args quote the values, chained
  to that database error;
- a lookup lets the database error itself escape (SQLAlchemy's text of it lists the
  parameters).

Nothing else differs from `piiguard serve`: the same app, middleware, uvicorn and logging."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from piiguard.cli import main as cli
from piiguard.services.subjects import read, register


def _fail(conn: Connection, values: list[str]) -> None:
    if conn.dialect.name == "postgresql":  # invalid input syntax for type integer: "<value>"
        sql = "SELECT CAST(:value AS INTEGER) + CAST(:other AS INTEGER)"
    else:
        sql = "SELECT * FROM no_such_table WHERE a = :value AND b = :other"
    conn.execute(text(sql), {"value": values[0], "other": values[-1]})


def register_subjects(uow: Any, *args: Any, **kwargs: Any) -> Any:
    values = [i.value for s in args[4] for i in s.items]
    with uow:
        try:
            _fail(uow.connection, values)
        except Exception as exc:
            raise RuntimeError(f"could not register {values!r}", *values) from exc
    raise AssertionError("unreachable")


def find_subjects(uow: Any, vault: Any, actor: Any, state: Any, category: str, value: str) -> Any:
    with uow:
        _fail(uow.connection, [value, value])
    raise AssertionError("unreachable")


register.register_subjects = register_subjects  # type: ignore[assignment]
read.find_subjects = find_subjects  # type: ignore[assignment]

if __name__ == "__main__":
    cli.app(prog_name="piiguard")
