"""Decisions on pages (R2.10, R10.2): the search (person, actor, purpose, outcome, time),
fifty to a page, and one decision with its explanation rule by rule in the reader's
language — services/decisions.py's `search_decisions` and `explain`, services/audit.py's
`get_decision`, as the JSON API (web/api/decisions.py) uses them, each on the trail."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from piiguard.domain.access_rules import RULE_REASONS
from piiguard.domain.decisions import Action, Decision, Outcome, Reason
from piiguard.domain.errors import NotFound
from piiguard.services.audit import get_decision
from piiguard.services.decisions import explain, search_decisions
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import Pager
from piiguard.web.console.oversight.common import (
    ID,
    KEY,
    Check,
    Param,
    bare_actor_id,
    page,
    staff_names,
    who,
)
from piiguard.web.console.oversight.texts import words
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/decisions", include_in_schema=False)

PAGE = 50
MOST = 1000  # the search reads at most this many (as the API's limit)
RULE_CODES = frozenset(code for codes in RULE_REASONS.values() for code in codes)


@router.get("", response_class=HTMLResponse)
def decisions(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    subject_id: Param = "",
    actor_id: Param = "",
    purpose: Param = "",
    outcome: Param = "",
    since: Param = "",
    until: Param = "",
) -> HTMLResponse:
    """Recorded decisions, newest first, by person, actor, purpose, outcome and time."""
    check = Check(request)
    subject = check.ident("subject_id", subject_id)
    who_id = check.ident("actor_id", bare_actor_id(actor_id.strip()))
    key = check.ident("purpose", purpose, KEY)
    result = check.choice("outcome", outcome, [o.value for o in Outcome])
    start, end = check.period(since, until)
    pager = Pager.of(request, PAGE)
    capped = pager.offset + PAGE > MOST
    if capped:
        pager = Pager(MOST // PAGE, PAGE, query=pager.query)
    rows: list[Decision] = []
    if not check.errors:
        rows = search_decisions(
            c.uow(),
            actor,
            subject_id=subject,
            actor_id=who_id,
            purpose=key,
            outcome=result,
            since=start,
            until=end,
            limit=min(pager.offset + PAGE + 1, MOST),
        )
    shown = pager.slice(rows)
    names = staff_names(c)
    more = len(rows) > pager.offset + len(shown) and pager.offset + PAGE < MOST
    return page(
        request,
        c,
        actor,
        "decisions.html",
        {
            "rows": [_row(d, names) for d in shown],
            "pager": pager.counted(pager.offset + len(shown) + (1 if more else 0), len(shown)),
            "capped": capped or (len(rows) >= MOST),
            "most": MOST,
            "outcomes": [o.value for o in Outcome],
            "f": {
                "subject_id": subject_id,
                "actor_id": actor_id,
                "purpose": purpose,
                "outcome": outcome,
                "since": since,
                "until": until,
            },
        },
        errors=check.errors,
        status=422 if check.errors else 200,
    )


def _row(d: Decision, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": d.id,
        "at": d.at,
        "actor": who(d.actor.ref, names),
        "action": d.action.value,
        "subject_id": d.subject_id,
        "purpose": d.purpose,
        "outcome": d.outcome.value,
        "exception_id": d.exception_id,
    }


def _reason(r: Reason, zh: bool, t: dict[str, str]) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": t.get(f"reason_{r.code}", r.code),
        "text": r.zh if zh else r.en,
        "categories": list(r.categories),
    }


def explained(d: Decision, lang: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`explain(d)` for people: each rule (its name in `lang`, else its code), passed or
    not, and why — the reasons' own sentences in `lang`; a refusal a legal exception lifted
    says so. Then the reasons about the decision as a whole (exception, partly allowed)."""
    t, zh = words(lang), lang == "zh-CN"
    by_code = {r.code: r for r in d.reasons}
    lines = []
    for line in explain(d):
        why = []
        for said in line.reasons:
            code = said.split(":", 1)[0]
            r = by_code.get(code)
            if r is None:  # a refusal the legal exception lifted
                why.append(
                    {
                        "code": code,
                        "name": t.get(f"reason_{code}", code),
                        "text": t["lifted_by"].format(id=d.exception_id or "—"),
                        "categories": [],
                    }
                )
            else:
                why.append(_reason(r, zh, t))
        lines.append(
            {
                "rule": line.rule,
                "name": t.get(f"rule_{line.rule}", line.rule),
                "passed": line.passed,
                "why": why,
            }
        )
    overall = [_reason(r, zh, t) for r in d.reasons if r.code not in RULE_CODES]
    return lines, overall


@router.get("/{decision_id}", response_class=HTMLResponse)
def decision(
    request: Request, c: ContainerDep, actor: Authorized, decision_id: str
) -> HTMLResponse:
    """One decision: who, what, which purpose, the outcome, and why rule by rule."""
    if not ID.fullmatch(decision_id):
        raise NotFound("no such decision", field="decision_id")
    d = get_decision(c.uow(), actor, decision_id)
    lines, overall = explained(d, language(request))
    return page(
        request,
        c,
        actor,
        "decision.html",
        {
            "d": {
                **_row(d, staff_names(c)),
                "requested": sorted(d.requested),
                "allowed": sorted(d.allowed),
                "refused": sorted(d.refused),
                "policy_version": d.policy_version,
                "obligations": list(d.obligations),
                "target_system": d.target_system,
            },
            "lines": lines,
            "overall": overall,
            "actions": [a.value for a in Action],
        },
    )
