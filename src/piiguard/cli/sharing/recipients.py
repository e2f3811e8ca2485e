"""`piiguard recipient ...` and `piiguard agreement ...`: the recipient register, its
minimisation profiles, its own API key and webhook, and the agreements that bind it
(R3.1, R3.2, R3.3, R3.6; docs/sharing.md). A recipient's contact is not printed in lists."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, parse_when, print_table, refusals
from piiguard.domain.sharing.register import (
    AgreementKind,
    RecipientKind,
    RecipientStatus,
    Treatment,
)

app = typer.Typer(
    help="The recipient register (R3.2, R3.3): group companies, business partners, "
    "processors, authorities and acquirers that receive personal data; what each gets per "
    "purpose (profiles), its own API key and webhook. 数据接收方登记簿。",
    no_args_is_help=True,
)
agreement_app = typer.Typer(
    help="Agreements that bind recipients (R3.6): a DPA, an intra-group agreement, China's "
    "standard contract with its filing reference, a certification, a CAC security "
    "assessment …; nothing is shared without one in force. 数据处理与提供协议。",
    no_args_is_help=True,
)


@app.command("list")
def recipient_list() -> None:
    """The register: key, kind, country, law, status. 接收方列表。"""
    from piiguard.services.sharing import register as reg

    with open_container() as c:
        found = reg.list_recipients(c.uow(readonly=True))
    if not found:
        err.print("No recipients yet: add one with `piiguard recipient add KEY ...`.")
        return
    print_table(
        ["key", "kind", "legal name", "country", "law", "status"],
        [[r.key, r.kind.value, r.legal_name, r.country, r.law, r.status.value] for r in found],
    )


@app.command("add")
def recipient_add(
    key: Annotated[str, typer.Argument(help="a stable key, e.g. acme-de (2-50 characters)")],
    kind: Annotated[RecipientKind, typer.Option(help="what the recipient is")],
    legal_name: Annotated[str, typer.Option(help="its registered legal name")],
    country: Annotated[str, typer.Option(help="where it receives the data: ISO code, e.g. DE")],
    law: Annotated[str, typer.Option(help="the law it follows, e.g. GDPR, PIPL")],
    contact: Annotated[str, typer.Option(help="a role contact for data protection")],
    system: Annotated[
        list[str] | None, typer.Option(help="its systems that receive the data (repeat)")
    ] = None,
    status: Annotated[RecipientStatus, typer.Option(help="active, suspended or ended")] = (
        RecipientStatus.ACTIVE
    ),
) -> None:
    """Add a recipient, or change one (same KEY). Suspended: nothing is shared with it;
    ended: for good. 新增或修改接收方。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing import register as reg

    given = reg.RecipientInput(
        key, kind, legal_name, country, law, contact, frozenset(system or ()), status
    )
    with open_container() as c, refusals():
        r = reg.save_recipient(c.uow(), c.clock, OPERATOR, given)
    err.print(f"recipient {r.key} ({r.kind.value}, {r.country}) is {r.status.value}")
    err.print(
        "Next: bind it with `piiguard agreement add`, say what it gets with "
        "`piiguard recipient profile`."
    )


@app.command("show")
def recipient_show(key: str) -> None:
    """A recipient with its agreements and profiles. 查看接收方。"""
    from piiguard.services.sharing import register as reg

    with open_container() as c, refusals():
        r, agreements, profiles, url, has_key = reg.recipient_detail(c.uow(readonly=True), key)
        now = c.clock.now()
    out.print(f"{r.key}: {r.legal_name} — {r.kind.value}, {r.country}, {r.law}, {r.status.value}")
    # the contact may name a person: it stays on the console and the API, off the terminal
    out.print(f"contact: on the console; systems: {', '.join(sorted(r.systems)) or '-'}")
    out.print(f"webhook: {url or '-'}; own API key: {'yes' if has_key else 'no'}")
    print_table(
        ["agreement", "kind", "state", "purposes", "valid until"],
        [
            [a.id, a.kind.value, a.state(now), ", ".join(sorted(a.purposes)), fmt_at(a.valid_until)]
            for a in agreements
        ],
    )
    for p in profiles:
        fields = ", ".join(f"{c} {t.value}" for c, t in sorted(p.fields.items()))
        out.print(f"profile {p.purpose}: {fields}")


def _fields(pairs: list[str]) -> dict[str, Treatment]:
    fields: dict[str, Treatment] = {}
    for pair in pairs:
        cat, _, how = pair.partition("=")
        try:
            fields[cat.strip()] = Treatment(how.strip() or "whole")
        except ValueError:
            raise typer.BadParameter(
                f"{pair!r}: CATEGORY=FORM, FORM one of {', '.join(Treatment)}", param_hint="FIELD"
            ) from None
    return fields


@app.command("profile")
def recipient_profile(
    key: str,
    purpose: str,
    field: Annotated[
        list[str],
        typer.Argument(
            help="CATEGORY=FORM, FORM one of whole, masked, hashed, birth_year, city "
            "(e.g. user.contact.email=masked)"
        ),
    ],
) -> None:
    """What KEY gets for PURPOSE, category by category, and in what form; categories not
    named are not shared. Replaces the profile. 设置最小化配置。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing import register as reg

    fields = _fields(field)
    with open_container() as c, refusals():
        p = reg.save_profile(c.uow(), c.snapshots, c.clock, OPERATOR, key, purpose, fields)
    err.print(f"{p.recipient} gets for {p.purpose}: {len(p.fields)} categories")


@app.command("key")
def recipient_api_key(key: str) -> None:
    """The recipient's own API key, printed once on stdout: scoped to no purpose, it pulls
    the recipient's packages and notices and nothing else. A new key replaces the old at
    once. 签发接收方专用 API 密钥。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing import register as reg

    with open_container() as c, refusals():
        api_key = reg.issue_recipient_key(c.uow(), c.clock, OPERATOR, key)
    err.print(f"API key of {key} (shown once; give it to the recipient over a safe channel):")
    typer.echo(api_key)


@app.command("webhook")
def recipient_webhook(key: str, url: str) -> None:
    """Where pushed shares and notices go (https; http only on this host). Prints the
    signing secret once (docs/webhooks.md). 设置接收方 webhook。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing import register as reg

    with open_container() as c, refusals():
        secret = reg.set_recipient_webhook(c.uow(), c.requests, OPERATOR, key, url)
    err.print(f"webhook of {key} set; its signing secret (shown once):")
    typer.echo(secret)


@agreement_app.command("list")
def agreement_list(
    recipient: Annotated[str | None, typer.Option(help="only this recipient's")] = None,
) -> None:
    """Agreements with their state now (proposed, pending, active, expired, terminated).
    协议列表。"""
    from piiguard.services.sharing import register as reg

    with open_container() as c:
        found = reg.list_agreements(c.uow(readonly=True), recipient)
        now = c.clock.now()
    print_table(
        ["id", "recipient", "kind", "state", "purposes", "valid until", "reference"],
        [
            [
                a.id,
                a.recipient,
                a.kind.value,
                a.state(now),
                ", ".join(sorted(a.purposes)),
                fmt_at(a.valid_until),
                a.reference,
            ]
            for a in found
        ],
    )


@agreement_app.command("add")
def agreement_add(
    recipient: Annotated[str, typer.Argument(help="the recipient's key")],
    kind: Annotated[AgreementKind, typer.Option(help="what kind of agreement")],
    title: Annotated[str, typer.Option(help="its title")],
    party: Annotated[list[str], typer.Option(help="a legal name that signed (repeat)")],
    purpose: Annotated[list[str], typer.Option(help="a purpose it covers (repeat)")],
    category: Annotated[list[str], typer.Option(help="a category it covers (repeat)")],
    document: Annotated[
        Path, typer.Option(help="the signed document: only its SHA-256 is recorded")
    ],
    kept_at: Annotated[str, typer.Option(help="where the signed document is kept")],
    valid_from: Annotated[str, typer.Option(help="YYYY-MM-DD[THH:MM]")],
    valid_until: Annotated[str | None, typer.Option(help="YYYY-MM-DD[THH:MM]; none: open")] = None,
    reference: Annotated[
        str,
        typer.Option(
            help="standard_contract: filing reference; certification: certificate number; "
            "security_assessment: CAC approval reference"
        ),
    ] = "",
) -> None:
    """Record a signed agreement; prints its id. It is proposed: it covers no share until
    another privacy officer approves it (`piiguard agreement approve`, or the console — an
    agreement recorded here is approved by an officer's own account).
    登记协议（须另一位隐私官批准）。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing import register as reg

    try:
        digest = hashlib.sha256(document.read_bytes()).hexdigest()
    except OSError as e:
        raise typer.BadParameter(
            f"cannot read {document}: {e.strerror}", param_hint="--document"
        ) from None
    given = reg.AgreementInput(
        recipient,
        kind,
        title,
        tuple(party),
        frozenset(purpose),
        frozenset(category),
        parse_when(valid_from, "--valid-from"),
        parse_when(valid_until, "--valid-until") if valid_until else None,
        digest,
        kept_at,
        reference,
    )
    with open_container() as c, refusals():
        a = reg.record_agreement(c.uow(), c.snapshots, c.clock, OPERATOR, given)
    err.print(
        f"{a.kind.value} agreement with {a.recipient} recorded (document sha256 {digest}); "
        "it covers nothing until another privacy officer approves it"
    )
    typer.echo(a.id)


@agreement_app.command("approve")
def agreement_approve(agreement_id: str) -> None:
    """Approve a proposed agreement (four eyes: never by whoever recorded it); from the next
    decision on it covers the shares in its scope. 批准协议（四眼原则）。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing import register as reg

    with open_container() as c, refusals():
        a = reg.approve_agreement(c.uow(), c.clock, OPERATOR, agreement_id)
    err.print(f"agreement {a.id} with {a.recipient} approved: in force from {fmt_at(a.valid_from)}")


@agreement_app.command("terminate")
def agreement_terminate(
    agreement_id: str, reason: Annotated[str, typer.Option(help="why it ends")]
) -> None:
    """End an agreement early (or withdraw a proposed one): from the next decision on,
    nothing it covered is shared. 终止协议。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing import register as reg

    with open_container() as c, refusals():
        a = reg.terminate_agreement(c.uow(), c.clock, OPERATOR, agreement_id, reason)
    err.print(f"agreement {a.id} with {a.recipient} terminated")
