"""`piiguard keys ...`: the key-encryption keys — rotate (re-wrap every subject key), retire
an old version, finish crypto-shredding for erased subjects."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import open_container, out, refusals

app = typer.Typer(help="Key-encryption keys: rotate, retire, status.", no_args_is_help=True)


@app.command("rotate")
def keys_rotate() -> None:
    """Re-wrap every subject key under a new KEK version (data ciphertexts untouched)."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services import keys

    with open_container() as c:
        r = keys.rotate_keys(c.uow(), c.vault, OPERATOR, c.staff.box)
    out.print(
        f"KEK version {r.new_version} is current; {r.rewrapped} subject key(s) re-wrapped;"
        f" in use: {r.versions_in_use or '{}'}"
    )


@app.command("retire")
def keys_retire(
    version: str,
    abandon_backups: Annotated[
        bool,
        typer.Option(
            "--abandon-backups",
            help="retire it although kept backups are encrypted under it: they never open again",
        ),
    ] = False,
) -> None:
    """Destroy an old KEK version once no subject key uses it — and no kept backup, whose
    key it wraps (docs/backups.md), unless --abandon-backups."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services import keys
    from piiguard.services.backups._common import kept_under

    with open_container() as c, refusals():
        if not abandon_backups and c.backups is not None:
            kept_under(c.backups, version)
        keys.retire_key(c.uow(), c.vault, OPERATOR, version)
    out.print(f"KEK version {version} retired")


@app.command("sweep")
def keys_sweep() -> None:
    """Finish crypto-shredding for erased subjects whose key is still stored."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.subjects.erase import sweep_keys

    with open_container() as c:
        out.print(f"shredded {sweep_keys(c.uow(), c.vault, OPERATOR)} key(s)")
