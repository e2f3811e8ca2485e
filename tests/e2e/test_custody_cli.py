"""`piiguard paper ...` and `piiguard media ...` in process on both backends (R5.2, R5.4,
R5.6): a printout registered (refused from an unapproved system, naming the field),
locked, listed without its label, shredded naming a witness (the witness confirms on the
console, never here); a sensitive medium refused without encryption, checked out and in,
counted at an inventory where it is missing — an incident opened — and found again."""

from __future__ import annotations

import pytest

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.domain.accounts import StaffAccount
from piiguard.services.custody import paper as pp
from tests.e2e.cli_runner import piiguard
from tests.e2e.test_custody_api import data_map

LI = "00000000-0000-4000-8000-0000000000b1"
WU = "00000000-0000-4000-8000-0000000000b2"


def ok(settings: Settings, *args: str) -> str:
    r = piiguard(settings, *args)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


@pytest.fixture
def world(container: Container) -> Container:
    data_map(container)
    with container.uow() as uow:
        for sid, email in ((LI, "li@example.com"), (WU, "wu@example.com")):
            account = StaffAccount(
                sid, email, email[:2], frozenset({"staff"}), True, container.clock.now()
            )
            uow.staff.add(account, container.passwords.hash("a long enough passphrase"))
        uow.commit()
    return container


@pytest.mark.req("R5.2")
@pytest.mark.req("R5.6")
def test_paper_from_the_command_line(settings: Settings, world: Container) -> None:
    base = [
        "paper", "register", "--label", "Dunning run 12", "--category", "user.contact.email",
        "--people", "30", "--custodian", "li@example.com", "--location", "room 301",
        "--cabinet", "B2",
    ]  # fmt: skip
    bad = piiguard(settings, *base, "--system", "shadow")
    assert bad.returncode == 1 and "(system)" in bad.stderr and "not an approved" in bad.stderr
    made = ok(settings, *base, "--system", "erp")
    assert "registered" in made
    [p] = pp.list_papers(world.custody)
    listed = ok(settings, "paper", "list")
    assert p.id in listed and "in_use" in listed and "Dunning" not in listed
    assert p.id not in ok(settings, "paper", "list", "--overdue")
    ok(settings, "paper", "lock", p.id, "--cabinet", "B3")
    assert "locked" in ok(settings, "paper", "list", "--status", "locked")
    day = world.clock.now().date().isoformat()
    bad = piiguard(
        settings, "paper", "shred", p.id, "--on", day, "--method", "scissors", "--witness", WU
    )
    assert bad.returncode == 1 and "(method)" in bad.stderr
    shown = ok(
        settings,
        "paper",
        "shred",
        p.id,
        "--on",
        day,
        "--method",
        "cross_cut",
        "--witness",
        "wu@example.com",
    )
    assert "waiting for the witness" in shown
    assert "witness pending" in ok(settings, "paper", "list")
    assert piiguard(settings, "paper", "lock", p.id).returncode == 1  # shredded: 409


@pytest.mark.req("R5.4")
def test_media_and_an_inventory_from_the_command_line(settings: Settings, world: Container) -> None:
    base = [
        "media", "register", "USB-77", "--kind", "usb_drive", "--custodian", LI,
        "--location", "safe 1", "--category", "user.financial.bank_account", "--system", "erp",
    ]  # fmt: skip
    bad = piiguard(settings, *base)
    assert bad.returncode == 1 and "(encrypted)" in bad.stderr
    assert "registered" in ok(settings, *base, "--encryption", "LUKS2 AES-256")
    ok(settings, "media", "check-out", "USB-77", "--holder", "wu@example.com")
    assert "checked_out" in ok(settings, "media", "list")
    ok(settings, "media", "check-in", "USB-77")
    history = ok(settings, "media", "show", "USB-77")
    assert "check_out" in history and "check_in" in history
    started = ok(settings, "media", "inventory", "start")
    inv_id = started.split()[1]
    assert piiguard(settings, "media", "inventory", "close", inv_id).returncode == 1
    ok(settings, "media", "inventory", "lost", inv_id, "USB-77")
    ok(settings, "media", "inventory", "close", inv_id)
    shown = ok(settings, "media", "show", "USB-77")
    assert "missing" in shown and "incident" in shown
    ok(settings, "media", "found", "USB-77", "--location", "safe 2")
    assert "stored" in ok(settings, "media", "list", "--status", "stored")
