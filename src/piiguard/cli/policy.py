"""The purpose-limitation commands (issue 3): the purpose register, the data map's systems,
consent, legal exceptions, and the decision point — `piiguard decide` and
`piiguard explain DECISION_ID`.

Each command calls the same service as its web route, as the local operator (audited as
operator:local-operator, roles admin and privacy_officer). `register(app)` adds them to the
`piiguard` command (cli/main.py), whose `open_container()` and `fail()` they share.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from piiguard.bootstrap import OPERATOR
from piiguard.cli.common import err, fail, fmt_at, open_container, out, parse_when, print_table
from piiguard.domain.consent import ConsentKind
from piiguard.domain.decisions import Action, Decision
from piiguard.domain.errors import Conflict, DomainError
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.domain.subjects import Channel
from piiguard.services import decisions
from piiguard.services.audit import get_decision
from piiguard.services.policy import consents, datamap
from piiguard.services.policy import legal_exceptions as exceptions
from piiguard.services.policy import snapshot as policy

purpose_app = typer.Typer(
    help="The purpose register (R2.3): the purposes personal data may be used for, each with "
         "its legal basis, categories, retention and whether it needs consent. "
         "用途登记簿。", no_args_is_help=True)
system_app = typer.Typer(
    help="The data map's designated systems (R2.7, R5.6): register, approve, retire, list. "
         "Personal data flows only to an approved system. 指定系统。", no_args_is_help=True)
consent_app = typer.Typer(
    help="Consent with its evidence (R2.4, R6.1): grant, withdraw, list. Sensitive data, "
         "transfer abroad and a child's data each need their own kind. 同意记录。",
    no_args_is_help=True)
exception_app = typer.Typer(
    help="Legal exceptions (R2.5): use without consent under a recorded legal ground, "
         "approved by a second privacy officer. 法定例外。", no_args_is_help=True)


# --- purposes ------------------------------------------------------------------------------

@purpose_app.command("list")
def purpose_list() -> None:
    """List the purpose register: its version and each purpose's legal basis, consent,
    retention, roles and whether it is active. 列出用途登记簿。"""
    c = open_container()
    reg = c.state.register
    out.print(f"purpose register version {reg.version}")
    print_table(("purpose", "description", "legal basis", "needs consent", "retention", "roles",
            "active"),
           [(r.key, f"{r.en}\n{r.zh}", r.legal_basis.value, "yes" if r.needs_consent else "no",
             f"{r.retention_days} days", ", ".join(sorted(r.roles)),
             "yes" if r.active else "no")
            for r in sorted(reg.rules.values(), key=lambda r: r.key)])


@purpose_app.command("history")
def purpose_history(key: Annotated[str | None, typer.Argument(
        help="one purpose, e.g. after_sales; without it, every change")] = None) -> None:
    """Every version of the register (or of one purpose): what changed, when and by whom.
    用途登记簿的版本历史。"""
    c = open_container()
    try:
        if key is not None:
            c.state.register.get(key)
        rows = policy.purpose_history(c.uow(), key)
    except DomainError as exc:
        raise fail(exc) from None
    table = []
    for version, definition, at, by in rows:
        d = json.loads(definition)
        table.append((str(version), d["key"], at[:16].replace("T", " "), by, d["legal_basis"],
                      "yes" if d["needs_consent"] else "no", f"{d['retention_days']} days",
                      "yes" if d["active"] else "no"))
    print_table(("version", "purpose", "changed at (UTC)", "by", "legal basis", "needs consent",
            "retention", "active"), table, whole=2)


# --- systems -------------------------------------------------------------------------------

@system_app.command("add")
def system_add(
    key: Annotated[str, typer.Argument(help="short name, e.g. crm or erp-de")],
    name: Annotated[str, typer.Option(help="display name")],
    owner: Annotated[str, typer.Option(help="who answers for it (a team or a person)")],
    kind: Annotated[str, typer.Option(help="erp, crm, after_sales, email, file_share, ...")],
    region: Annotated[str, typer.Option(help="country it runs in, ISO code: CN, DE, ...")],
    cloud_provider: Annotated[str | None, typer.Option(
        help="its cloud provider, if any; it must be approved too")] = None,
    category: Annotated[list[str] | None, typer.Option(
        help="a data category it holds, repeatable (user.contact.email)")] = None,
    purpose: Annotated[list[str] | None, typer.Option(
        help="a purpose it serves, repeatable (after_sales)")] = None,
    location: Annotated[list[str] | None, typer.Option(
        help="where it keeps data, repeatable: a path prefix or a database URL without "
             "password (the scanner uses it)")] = None,
) -> None:
    """Register a designated system in the data map. It starts pending: nothing flows to it
    until `piiguard system approve`. 登记指定系统（待批准）。"""
    c = open_container()
    try:
        if key in c.state.systems:
            raise Conflict(f"system {key!r} is already in the data map; approve or retire "
                           "it, or change it with PUT /api/v1/systems/{key}", field="key")
        s = datamap.register_system(c.uow(), c.snapshots, c.clock, OPERATOR, System(
            key, name, owner, kind, region, Approval.PENDING, cloud_provider, False,
            frozenset(category or ()), frozenset(purpose or ()), frozenset(location or ())))
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"system {s.key} registered ({s.region}), pending approval: "
              f"piiguard system approve {s.key}")


@system_app.command("approve")
def system_approve(
    key: str,
    cloud_approved: Annotated[bool, typer.Option(
        "--cloud-approved", help="approve its cloud provider as well")] = False,
) -> None:
    """Approve a system: personal data may flow to it (and, with --cloud-approved, through
    its cloud provider). 批准指定系统。"""
    c = open_container()
    try:
        s = datamap.set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, key,
                                      Approval.APPROVED,
                                      cloud_approved=True if cloud_approved else None)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"system {s.key} approved ({s.region})")
    if not s.usable:
        err.print(f"its cloud provider {s.cloud_provider} is not approved: nothing flows to "
                  "it until you run this again with --cloud-approved")


@system_app.command("retire")
def system_retire(key: str) -> None:
    """Retire a system: no personal data flows to it any more. 停用指定系统。"""
    c = open_container()
    try:
        s = datamap.set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, key,
                                      Approval.RETIRED)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"system {s.key} retired")


@system_app.command("list")
def system_list() -> None:
    """List the data map's systems with their approval, region, categories and purposes.
    列出指定系统。"""
    c = open_container()
    rows = []
    for s in datamap.list_systems(c.uow(), c.snapshots):
        cloud = (f"{s.cloud_provider} ({'approved' if s.cloud_approved else 'not approved'})"
                 if s.cloud_provider else "")
        rows.append((s.key, s.status.value, s.region, s.name, s.owner, s.kind, cloud,
                     ", ".join(sorted(s.categories)), ", ".join(sorted(s.purposes))))
    print_table(("system", "status", "region", "name", "owner", "kind", "cloud", "categories",
            "purposes"), rows)


# --- consent -------------------------------------------------------------------------------

def _read_text(path: Path) -> str:
    try:
        return typer.get_text_stream("stdin").read() if str(path) == "-" else \
            path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"{path}: {exc}", param_hint="--text-file") from None


@consent_app.command("grant")
def consent_grant(
    subject_id: str,
    purpose: Annotated[str, typer.Argument(help="a purpose key, e.g. "
                                                "consultation_recommendation")],
    channel: Annotated[Channel, typer.Option(help="how the person gave it")],
    text_file: Annotated[Path, typer.Option(
        help="the exact text the person agreed to (UTF-8; `-` reads stdin); its SHA-256 is "
             "kept as evidence")],
    kind: Annotated[ConsentKind, typer.Option(
        help="general; sensitive (PIPL Art. 29); transfer_abroad (Art. 39); guardian (for "
             "a child, with --given-by)")] = ConsentKind.GENERAL,
    given_by: Annotated[str | None, typer.Option(
        help="the guardian's subject id (guardian consent only)")] = None,
) -> None:
    """Record a consent with its evidence; prints the consent id. It counts from the next
    decision. 记录同意（附证据）。"""
    text = _read_text(text_file)
    c = open_container()
    try:
        given = consents.grant_consent(c.uow(), c.snapshots, c.clock, OPERATOR, subject_id,
                                       purpose, kind, channel, text, given_by)
    except DomainError as exc:
        raise fail(exc) from None
    err.print(f"{given.kind} consent to {given.purpose} recorded for {subject_id} "
              f"(channel {given.channel.value}, policy version {given.policy_version}, "
              f"text sha256 {given.text_hash})", soft_wrap=True)
    typer.echo(given.id)


@consent_app.command("withdraw")
def consent_withdraw(subject_id: str, consent_id: str) -> None:
    """Withdraw a consent: the next decision already refuses what needed it. 撤回同意。"""
    c = open_container()
    try:
        consents.withdraw_consent(c.uow(), c.clock, OPERATOR, subject_id, consent_id)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"consent {consent_id} withdrawn")


@consent_app.command("list")
def consent_list(
    subject_id: str,
    evidence: Annotated[bool, typer.Option(
        "--evidence", help="show each consent's evidence: policy version, SHA-256 of the "
                           "text shown, who recorded it, the guardian who gave it")] = False,
) -> None:
    """A subject's consents, in force and withdrawn (--evidence: their evidence).
    列出同意记录。"""
    c = open_container()
    try:
        found = consents.list_consents(c.uow(), OPERATOR, subject_id)
    except DomainError as exc:
        raise fail(exc) from None
    if evidence:
        print_table(("consent", "policy version", "text sha256", "recorded by", "given by"),
               [(x.id, x.policy_version, x.text_hash, x.recorded_by, x.given_by or "")
                for x in found])
        return
    print_table(("consent", "purpose", "kind", "channel", "granted (UTC)", "withdrawn (UTC)"),
           [(x.id, x.purpose, x.kind.value, x.channel.value, fmt_at(x.granted_at),
             fmt_at(x.withdrawn_at)) for x in found], whole=2)


# --- legal exceptions ----------------------------------------------------------------------

@exception_app.command("request")
def exception_request(
    kind: Annotated[ExceptionKind, typer.Option(help="the legal ground")],
    authority: Annotated[str, typer.Option(help="who asks, e.g. 佛山市公安局")],
    case: Annotated[str, typer.Option(help="the authority's case reference")],
    provision: Annotated[str, typer.Option(help="the legal provision relied on")],
    subject: Annotated[list[str], typer.Option(help="a subject id it covers, repeatable")],
    category: Annotated[list[str], typer.Option(
        help="a data category it covers (with its subtree), repeatable")],
    valid_until: Annotated[str, typer.Option(help="end, YYYY-MM-DD[THH:MM][+08:00]")],
    valid_from: Annotated[str | None, typer.Option(help="start; default now")] = None,
) -> None:
    """Record a legal exception; prints its id. It lifts nothing until a privacy officer
    other than the requester approves it. 申请法定例外。"""
    until = parse_when(valid_until, "--valid-until")
    c = open_container()
    since = parse_when(valid_from, "--valid-from") if valid_from else c.clock.now()
    try:
        ex = exceptions.request_exception(
            c.uow(), c.snapshots, c.clock, OPERATOR, kind, authority, case, provision,
            frozenset(subject), frozenset(category), since, until)
    except DomainError as exc:
        raise fail(exc) from None
    err.print(f"legal exception requested by {ex.requested_by}; it takes effect once "
              "another privacy officer approves it", soft_wrap=True)
    typer.echo(ex.id)


@exception_app.command("approve")
def exception_approve(exception_id: str) -> None:
    """Approve a legal exception as the local operator (four eyes: never the requester's
    own). 批准法定例外（须由申请人以外的隐私官批准）。"""
    c = open_container()
    try:
        ex = exceptions.approve_exception(c.uow(), c.clock, OPERATOR, exception_id)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"legal exception {ex.id} approved by {ex.approved_by}; valid until "
              f"{fmt_at(ex.valid_until)} UTC")


@exception_app.command("revoke")
def exception_revoke(exception_id: str) -> None:
    """Revoke a legal exception: it lifts nothing from the next decision on. 撤销法定例外。"""
    c = open_container()
    try:
        exceptions.revoke_exception(c.uow(), c.clock, OPERATOR, exception_id)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"legal exception {exception_id} revoked")


def _state(ex: LegalException, now: datetime) -> str:
    if ex.revoked_at is not None:
        return "revoked"
    if ex.approved_by is None:
        return "awaiting approval"
    if now >= ex.valid_until:
        return "expired"
    return "in force" if ex.in_force(now) else "not yet valid"


@exception_app.command("list")
def exception_list() -> None:
    """Legal exceptions with their ground, reference, scope, validity and state.
    列出法定例外。"""
    c = open_container()
    now = c.clock.now()
    found = exceptions.list_exceptions(c.uow())
    if not found:
        out.print("no legal exceptions")
    for ex in found:  # one block each: too many fields for a table row
        out.print(f"{ex.id}  {_state(ex, now)}  {ex.kind}\n"
                  f"  authority {ex.authority}; case {ex.case_reference}; provision "
                  f"{ex.legal_provision}\n"
                  f"  subjects {', '.join(sorted(ex.subject_ids))}\n"
                  f"  categories {', '.join(sorted(ex.categories))}\n"
                  f"  valid {fmt_at(ex.valid_from)} – {fmt_at(ex.valid_until)} UTC; requested by "
                  f"{ex.requested_by}; approved by {ex.approved_by or '(nobody yet)'}",
                  soft_wrap=True, markup=False, highlight=False)


# --- the decision point --------------------------------------------------------------------

def _print_decision(d: Decision) -> None:
    out.print(f"{d.outcome}  decision {d.id}", soft_wrap=True)
    out.print(f"  subject {d.subject_id}, purpose {d.purpose}, action {d.action}, "
              f"by {d.actor.ref}, at {d.at.isoformat()}", soft_wrap=True)
    out.print(f"  versions {d.policy_version}"
              + (f", target system {d.target_system}" if d.target_system else "")
              + (f", legal exception {d.exception_id}" if d.exception_id else ""),
              soft_wrap=True)
    out.print(f"  requested: {', '.join(sorted(d.requested))}", soft_wrap=True)
    out.print(f"  allowed:   {', '.join(sorted(d.allowed)) or '(none)'}", soft_wrap=True)
    out.print(f"  refused:   {', '.join(sorted(d.refused)) or '(none)'}", soft_wrap=True)
    if d.obligations:
        out.print(f"  obligations: {', '.join(d.obligations)}", soft_wrap=True)
    out.print("reasons:")
    for r in d.reasons:
        cats = f" [{', '.join(r.categories)}]" if r.categories else ""
        out.print(f"  {r.code}{cats}\n    {r.en}\n    {r.zh}", soft_wrap=True,
                  markup=False)


def decide(
    subject_id: str,
    purpose: Annotated[str, typer.Argument(help="a purpose key, e.g. after_sales")],
    category: Annotated[list[str] | None, typer.Option(
        help="a category to decide on, repeatable; default: every category held")] = None,
    action: Annotated[Action, typer.Option(help="what is done with the data")] = Action.USE,
    target_system: Annotated[str | None, typer.Option(
        help="the system the data goes to (must be approved; abroad needs consent)")] = None,
    exception: Annotated[str | None, typer.Option(
        help="the id of an approved legal exception that covers this use")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the decision as JSON")] = False,
) -> None:
    """Ask the decision point whether a use is allowed, without reading any value: prints
    the outcome (allowed, partly_allowed: some categories refused, denied), the decision id
    and every reason (English and Chinese). The decision is recorded either way; exit 0 for
    every outcome. 判定一次使用是否允许（允许、部分允许、拒绝）。"""
    c = open_container()
    try:
        d = decisions.evaluate_access(
            c.uow(), c.snapshots, c.clock, OPERATOR, subject_id, purpose,
            frozenset(category) if category else None, action, target_system=target_system,
            exception_id=exception)
    except DomainError as exc:
        raise fail(exc) from None
    if as_json:
        typer.echo(json.dumps({
            "id": d.id, "outcome": d.outcome.value, "subject_id": d.subject_id,
            "purpose": d.purpose, "allowed": sorted(d.allowed), "refused": sorted(d.refused),
            "reasons": [{"code": r.code, "en": r.en, "zh": r.zh,
                         "categories": list(r.categories)} for r in d.reasons],
            "policy_version": d.policy_version, "obligations": list(d.obligations)},
            ensure_ascii=False))
        return
    _print_decision(d)


def explain(decision_id: str) -> None:
    """Why a recorded decision came out as it did: the decision, then rule by rule in the
    order the decision point evaluates them (✓ passed, ✗ refused, with the reasons).
    逐条解释一项判定。"""
    c = open_container()
    try:
        d = get_decision(c.uow(), OPERATOR, decision_id)
    except DomainError as exc:
        raise fail(exc) from None
    _print_decision(d)
    out.print("rule by rule:")
    for line in decisions.explain(d):
        out.print(f"  {'✓' if line.passed else '✗'} {line.rule}", markup=False)
        for reason in line.reasons:
            out.print(f"      {reason}", soft_wrap=True, markup=False)


def register(app: typer.Typer) -> None:
    """Add the purpose-limitation groups and the two decision commands to `app`."""
    app.add_typer(purpose_app, name="purpose")
    app.add_typer(system_app, name="system")
    app.add_typer(consent_app, name="consent")
    app.add_typer(exception_app, name="exception")
    app.command("decide")(decide)
    app.command("explain")(explain)
