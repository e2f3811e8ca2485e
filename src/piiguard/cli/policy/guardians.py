"""`piiguard guardian ...` and `piiguard minor`: children and their guardians (R6.1) — link a
guardian (a subject) to a child, verify the link, declare a subject a minor or not."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import open_container, out, refusals

app = typer.Typer(
    help="A child's guardians (R6.1): link a guardian (a subject) to a child, then verify the "
    "link; only a verified guardian's consent counts. 监护人。",
    no_args_is_help=True,
)


@app.command("link")
def guardian_link(child_id: str, guardian_id: str) -> None:
    """Link a guardian (a subject) to a child. It counts only once verified. 关联监护人。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import consents

    with open_container() as c, refusals():
        consents.link_guardian(c.uow(), c.clock, OPERATOR, child_id, guardian_id)
    out.print(
        f"guardian {guardian_id} linked to {child_id}, not yet verified: "
        f"piiguard guardian verify {child_id} {guardian_id}",
        soft_wrap=True,
    )


@app.command("verify")
def guardian_verify(child_id: str, guardian_id: str) -> None:
    """Confirm, as staff, that the guardian is the child's (household register, birth
    certificate): from now on their guardian consent counts. 核验监护关系。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import consents

    with open_container() as c, refusals():
        consents.verify_guardian(c.uow(), c.clock, OPERATOR, child_id, guardian_id)
    out.print(f"guardian {guardian_id} of {child_id} verified", soft_wrap=True)


def minor(
    subject_id: str,
    is_minor: Annotated[
        bool,
        typer.Option(
            "--yes/--no", help="--yes: a minor (needs a guardian's consent); --no: not one"
        ),
    ],
) -> None:
    """Declare a subject a minor (or not) when no date of birth says so. 声明未成年人。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import consents

    with open_container() as c, refusals():
        consents.declare_minor(c.uow(), OPERATOR, subject_id, is_minor)
    out.print(f"{subject_id} declared {'a minor' if is_minor else 'not a minor'}")
