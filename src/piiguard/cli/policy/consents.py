"""`piiguard consent ...`: consent with its evidence (R2.4, R6.1) — grant, withdraw, list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from piiguard.cli.common import (
    err,
    fmt_at,
    open_container,
    out,
    print_table,
    read_text_arg,
    refusals,
)
from piiguard.domain.consent import ConsentKind
from piiguard.domain.subjects import Channel

app = typer.Typer(
    help="Consent with its evidence (R2.4, R6.1): grant, withdraw, list. Sensitive data, "
    "transfer abroad and a child's data each need their own kind. 同意记录。",
    no_args_is_help=True,
)


@app.command("grant")
def consent_grant(
    subject_id: str,
    purpose: Annotated[str, typer.Argument(help="a purpose key, e.g. consultation_recommendation")],
    channel: Annotated[Channel, typer.Option(help="how the person gave it")],
    text_file: Annotated[
        Path,
        typer.Option(
            help="the exact text the person agreed to (UTF-8; `-` reads stdin); its SHA-256 is "
            "kept as evidence"
        ),
    ],
    kind: Annotated[
        ConsentKind,
        typer.Option(
            help="general; sensitive (PIPL Art. 29); transfer_abroad (Art. 39); guardian (for "
            "a child, with --given-by)"
        ),
    ] = ConsentKind.GENERAL,
    given_by: Annotated[
        str | None, typer.Option(help="the guardian's subject id (guardian consent only)")
    ] = None,
    recipient: Annotated[
        str | None,
        typer.Option(help="transfer_abroad: the recipient it names (`piiguard recipient list`)"),
    ] = None,
    destination: Annotated[
        str | None,
        typer.Option(help="transfer_abroad: the destination country it names, e.g. DE"),
    ] = None,
) -> None:
    """Record a consent with its evidence; prints the consent id. It counts from the next
    decision. 记录同意（附证据）。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import consents

    text = read_text_arg(text_file, "--text-file")
    with open_container() as c, refusals():
        given = consents.grant_consent(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            subject_id,
            purpose,
            kind,
            channel,
            text,
            given_by,
            recipient=recipient,
            destination=destination,
        )
    err.print(
        f"{given.kind} consent to {given.purpose} recorded for {subject_id} "
        f"(channel {given.channel.value}, policy version {given.policy_version}, "
        f"text sha256 {given.text_hash})",
        soft_wrap=True,
    )
    typer.echo(given.id)


@app.command("withdraw")
def consent_withdraw(subject_id: str, consent_id: str) -> None:
    """Withdraw a consent: the next decision already refuses what needed it. 撤回同意。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import consents

    with open_container() as c, refusals():
        consents.withdraw_consent(c.uow(), c.clock, OPERATOR, subject_id, consent_id)
    out.print(f"consent {consent_id} withdrawn")


@app.command("list")
def consent_list(
    subject_id: str,
    evidence: Annotated[
        bool,
        typer.Option(
            "--evidence",
            help="show each consent's evidence: policy version, SHA-256 of the "
            "text shown, who recorded it, the guardian who gave it",
        ),
    ] = False,
) -> None:
    """A subject's consents, in force and withdrawn (--evidence: their evidence).
    列出同意记录。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import consents

    with open_container() as c, refusals():
        found = consents.list_consents(c.uow(), OPERATOR, subject_id)
    if evidence:
        print_table(
            ("consent", "policy version", "text sha256", "recorded by", "given by"),
            [(x.id, x.policy_version, x.text_hash, x.recorded_by, x.given_by or "") for x in found],
        )
        return
    print_table(
        ("consent", "purpose", "kind", "channel", "granted (UTC)", "withdrawn (UTC)"),
        [
            (
                x.id,
                x.purpose,
                x.kind.value,
                x.channel.value,
                fmt_at(x.granted_at),
                fmt_at(x.withdrawn_at),
            )
            for x in found
        ],
        whole=2,
    )
