"""Impact assessments for tests of everything else (R10.4): the decision point refuses
processing in the cases of PIPL Art. 55 unless an approved assessment covers it, so a test of
another rule — a share, a transfer abroad, sensitive data — starts from a state where that
is done. `assessed(pol)` covers every case, purpose, category, recipient and system of a
policy snapshot (unit tests); `approve_assessment_for(c, ...)` walks the real workflow —
draft, submit, review and approve by two officers — on a container's database."""

from __future__ import annotations

from dataclasses import replace

from piiguard.bootstrap import Container
from piiguard.domain.access import PolicyState
from piiguard.domain.assessments.model import QUESTION_KEYS, Case, Scope
from piiguard.domain.assessments.rule import AssessmentIndex, Coverage
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.services.assessments import register as reg

AUTHOR = Actor("dpia-author", ActorKind.STAFF, frozenset({"privacy_officer"}))
APPROVER = Actor("dpia-approver", ActorKind.STAFF, frozenset({"privacy_officer"}))
ANSWERS = {k: f"answered: {k}" for k in QUESTION_KEYS}


def assessed(pol: PolicyState) -> PolicyState:
    """`pol` with one approved assessment covering everything it knows."""
    scope = Scope(
        frozenset(Case),
        frozenset(pol.register.rules),
        frozenset(c.key.split(".")[0] for c in pol.taxonomy),
        frozenset(pol.recipients),
        frozenset(pol.systems),
    )
    return replace(pol, assessments=AssessmentIndex.of([Coverage("test-all", scope)], []))


def approve_assessment_for(
    c: Container,
    *,
    purposes: frozenset[str] | set[str],
    cases: frozenset[str] | set[str] | None = None,
    categories: frozenset[str] | set[str] = frozenset({"user"}),
    recipients: frozenset[str] | set[str] = frozenset(),
    systems: frozenset[str] | set[str] = frozenset(),
) -> str:
    """Draft, submit, review and approve an assessment through the services (two officers);
    returns its id."""
    if cases is None:  # every case the scope can name
        cases = {"sensitive", "automated_decision", "disclose_public", "other"}
        if recipients:
            cases |= {"entrust", "provide"}
        if recipients or systems:
            cases.add("transfer_abroad")
    given = reg.AssessmentInput(
        "test assessment",
        frozenset(cases),
        frozenset(purposes),
        frozenset(categories),
        frozenset(recipients),
        frozenset(systems),
        ANSWERS,
    )
    a = reg.draft_assessment(c.uow(), c.snapshots, c.clock, AUTHOR, given)
    reg.submit_assessment(c.uow(), c.clock, AUTHOR, a.id)
    reg.review_assessment(c.uow(), c.clock, APPROVER, a.id, "reviewed")
    reg.approve_assessment(c.uow(), c.snapshots, c.clock, APPROVER, a.id)
    return a.id
