"""`piiguard decide` and `piiguard explain DECISION_ID`: the decision point from the host —
whether a use is allowed (recorded either way), and why a recorded decision came out as it
did, rule by rule."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import open_container, out, refusals
from piiguard.domain.decisions import Action

if TYPE_CHECKING:
    from piiguard.domain.decisions import Decision


def _print_decision(d: Decision) -> None:
    out.print(f"{d.outcome}  decision {d.id}", soft_wrap=True)
    out.print(
        f"  subject {d.subject_id}, purpose {d.purpose}, action {d.action}, "
        f"by {d.actor.ref}, at {d.at.isoformat()}",
        soft_wrap=True,
    )
    out.print(
        f"  versions {d.policy_version}"
        + (f", target system {d.target_system}" if d.target_system else "")
        + (f", legal exception {d.exception_id}" if d.exception_id else ""),
        soft_wrap=True,
    )
    out.print(f"  requested: {', '.join(sorted(d.requested))}", soft_wrap=True)
    out.print(f"  allowed:   {', '.join(sorted(d.allowed)) or '(none)'}", soft_wrap=True)
    out.print(f"  refused:   {', '.join(sorted(d.refused)) or '(none)'}", soft_wrap=True)
    if d.obligations:
        out.print(f"  obligations: {', '.join(d.obligations)}", soft_wrap=True)
    out.print("reasons:")
    for r in d.reasons:
        cats = f" [{', '.join(r.categories)}]" if r.categories else ""
        out.print(f"  {r.code}{cats}\n    {r.en}\n    {r.zh}", soft_wrap=True, markup=False)


def decide(
    subject_id: str,
    purpose: Annotated[str, typer.Argument(help="a purpose key, e.g. after_sales")],
    category: Annotated[
        list[str] | None,
        typer.Option(help="a category to decide on, repeatable; default: every category held"),
    ] = None,
    action: Annotated[Action, typer.Option(help="what is done with the data")] = Action.USE,
    target_system: Annotated[
        str | None,
        typer.Option(help="the system the data goes to (must be approved; abroad needs consent)"),
    ] = None,
    exception: Annotated[
        str | None, typer.Option(help="the id of an approved legal exception that covers this use")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the decision as JSON")] = False,
) -> None:
    """Ask the decision point whether a use is allowed, without reading any value: prints
    the outcome (allowed, partly_allowed: some categories refused, denied), the decision id
    and every reason (English and Chinese). The decision is recorded either way; exit 0 for
    every outcome. 判定一次使用是否允许（允许、部分允许、拒绝）。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services import decisions

    with open_container() as c, refusals():
        d = decisions.evaluate_access(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            subject_id,
            purpose,
            frozenset(category) if category else None,
            action,
            target_system=target_system,
            exception_id=exception,
        )
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "id": d.id,
                    "outcome": d.outcome.value,
                    "subject_id": d.subject_id,
                    "purpose": d.purpose,
                    "allowed": sorted(d.allowed),
                    "refused": sorted(d.refused),
                    "reasons": [
                        {"code": r.code, "en": r.en, "zh": r.zh, "categories": list(r.categories)}
                        for r in d.reasons
                    ],
                    "policy_version": d.policy_version,
                    "obligations": list(d.obligations),
                },
                ensure_ascii=False,
            )
        )
        return
    _print_decision(d)


def explain(decision_id: str) -> None:
    """Why a recorded decision came out as it did: the decision, then rule by rule in the
    order the decision point evaluates them (✓ passed, ✗ refused, with the reasons).
    逐条解释一项判定。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services import decisions
    from piiguard.services.audit import get_decision

    with open_container() as c, refusals():
        d = get_decision(c.uow(), OPERATOR, decision_id)
    _print_decision(d)
    out.print("rule by rule:")
    for line in decisions.explain(d):
        out.print(f"  {'✓' if line.passed else '✗'} {line.rule}", markup=False)
        for reason in line.reasons:
            out.print(f"      {reason}", soft_wrap=True, markup=False)
