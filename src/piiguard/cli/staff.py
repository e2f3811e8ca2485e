"""`piiguard staff ...`: staff accounts from the host (issue 6) — invite, list, change roles,
unlock, deactivate, reset TOTP, departments and their purposes. Each command calls the same
service as its web route, as the local operator (whoever can run this can read the master
key file, so no session or re-authentication is asked; every change is audited as
operator:local-operator)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import fmt_at, open_container, out, print_table, refusals

if TYPE_CHECKING:
    from piiguard.bootstrap import Container

app = typer.Typer(
    help="Staff accounts (R2.9): one per person, invited by link, with a department and "
    "roles; unlock, deactivate, reset TOTP; the departments' purposes. 员工账户。",
    no_args_is_help=True,
)
department_app = typer.Typer(
    help="Departments and the purposes their staff use (R2.10).", no_args_is_help=True
)
app.add_typer(department_app, name="department")

Email = Annotated[str, typer.Argument(help="the person's work email (or account id)")]


@app.command("invite")
def invite(
    email: Annotated[str, typer.Argument(help="the person's own work email")],
    department: Annotated[str, typer.Option(help="department key (see `staff department list`)")],
    role: Annotated[
        list[str], typer.Option(help="admin, privacy_officer, staff, auditor; repeat for several")
    ],
) -> None:
    """Print a single-use, expiring link that creates the account when opened."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.staff import accounts as uc

    with open_container() as c, refusals():
        got = uc.invite_staff(c.staff, c.uow(), OPERATOR, email, department, frozenset(role))
    i = got.invitation
    out.print(
        f"invitation {i.id} ({i.department}: {', '.join(sorted(i.roles))}) "
        f"valid until {fmt_at(i.expires_at)} UTC. Send this link to the person only; it "
        "works once:"
    )
    typer.echo(f"{c.settings.public_url.rstrip('/')}/console/invite?token={got.token}")
    typer.echo("(API: POST /api/v1/staff/invitations/accept with this token)")


@app.command("list")
def list_accounts() -> None:
    """Every account, active or not (deactivated ones stay for the audit trail)."""
    from piiguard.services.staff import accounts as uc

    with open_container() as c, refusals():
        views = uc.list_staff(c.staff, c.uow())
    print_table(
        [
            "id",
            "email",
            "name",
            "department",
            "roles",
            "active",
            "TOTP",
            "locked",
            "password changed",
        ],
        [
            [
                v.account.id,
                v.account.email,
                v.account.display_name,
                v.account.department or "",
                ",".join(sorted(v.account.roles)),
                "yes" if v.account.active else "no",
                "yes" if v.account.mfa_enrolled else "no",
                "LOCKED" if v.locked else "",
                fmt_at(v.account.password_changed_at),
            ]
            for v in views
        ],
        whole=2,
    )


def _staff_id(c: Container, who: str) -> str:
    from piiguard.services.staff import accounts as uc

    return uc.find_staff(c.uow(), who).id


@app.command("roles")
def roles(
    who: Email,
    role: Annotated[list[str], typer.Option(help="the roles after the change; repeat")],
    department: Annotated[str | None, typer.Option(help="move to this department")] = None,
) -> None:
    """Set someone's roles (and department)."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.staff import accounts as uc

    with open_container() as c, refusals():
        a = uc.set_roles(c.staff, c.uow(), OPERATOR, _staff_id(c, who), frozenset(role), department)
    out.print(f"account {a.id}: {', '.join(sorted(a.roles))} in {a.department}")


@app.command("unlock")
def unlock(who: Email) -> None:
    """Lift a lock after too many failed sign-ins (it also lifts by itself)."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.staff import accounts as uc

    with open_container() as c, refusals():
        was = uc.unlock_staff(c.staff, c.uow(), OPERATOR, _staff_id(c, who))
    out.print("unlocked" if was else "was not locked; nothing to lift")


@app.command("deactivate")
def deactivate(who: Email) -> None:
    """No more sign-in, every session ends; the account stays for the audit trail."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.staff import accounts as uc

    with open_container() as c, refusals():
        a = uc.deactivate_staff(c.staff, c.uow(), OPERATOR, _staff_id(c, who))
    out.print(f"account {a.id} deactivated at {fmt_at(a.deactivated_at)} UTC")


@app.command("reset-totp")
def reset_totp(who: Email) -> None:
    """Turn someone's TOTP off (lost phone and recovery codes): they enrol again at their
    next sign-in, before anything else."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.staff import mfa

    with open_container() as c, refusals():
        mfa.reset_totp(c.staff, c.uow(), OPERATOR, _staff_id(c, who))
    out.print("TOTP reset; their sessions ended")


@department_app.command("list")
def list_departments() -> None:
    """The departments and the purposes their staff are assigned (R2.10)."""
    from piiguard.services.staff import accounts as uc

    with open_container() as c, refusals():
        ds = uc.list_departments(c.uow())
    print_table(
        ["key", "name", "purposes"], [[d.key, d.name, ", ".join(sorted(d.purposes))] for d in ds]
    )


@department_app.command("set")
def set_department(
    key: str,
    name: Annotated[str, typer.Option(help="display name")],
    purpose: Annotated[
        list[str] | None, typer.Option(help="a purpose key its staff use; repeat")
    ] = None,
) -> None:
    """Add a department or change its name and purposes."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.staff import accounts as uc

    with open_container() as c, refusals():
        d = uc.save_department(c.staff, c.uow(), OPERATOR, key, name, frozenset(purpose or []))
    out.print(f"{d.key}: {', '.join(sorted(d.purposes)) or '(no purposes)'}")
