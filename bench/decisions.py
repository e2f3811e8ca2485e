"""Decision benchmarks (issue 3), each against a baseline measured in the same process:

(a) pure evaluation: `decide()` per call (p50, p99, calls/s) on a realistic request mix, and
    the same rules written as a pycasbin ABAC model (model conf + policy lines below), timed
    per `enforce()` on every (request, category) of the same requests; both must give the
    same allow/deny per category. Target: our p99 below pycasbin's median.
(b) evaluation + the durable decision record (`SqlDecisions.record_many` in a
    `SqlUnitOfWork`): one commit per decision, batched commits, and a group commit where
    concurrent callers share a commit; on SQLite and PostgreSQL. Target >= 5,000/s.
(c) over HTTP: wrk against `piiguard serve` (a subprocess on a free port, fresh var dir,
    an API key from `piiguard client add`). POST /api/v1/decisions when the server has it,
    else GET /api/v1/subjects/{id}/data?purpose=after_sales as a stand-in (one decision
    recorded per request either way). Target >= 1,000 decisions/s with p99 < 25 ms.

`python -m bench decisions` (or `python -m bench.decisions [a|b|c ...]`) prints JSON.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench.common import machine, pg_available, pg_databases
from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.access import AccessRequest, PolicyState, SubjectState, decide
from piiguard.domain.audit import AuditEvent
from piiguard.domain.consent import (
    Consent,
    ConsentKind,
    GuardianLink,
    Restriction,
    RestrictionKind,
)
from piiguard.domain.decisions import Action, Actor, ActorKind, Decision
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.domain.policy.register import PurposeRegister, seed_purposes
from piiguard.domain.subjects import DEFAULT_SUBJECT_KINDS, Channel
from piiguard.domain.taxonomy import Taxonomy
from piiguard.services.decisions import DecisionRequest, evaluate_access
from piiguard.services.group_commit import GroupCommit
from piiguard.services.ids import new_id, new_time_id

SEED = 3
N_SUBJECTS = 2_000
# (a): ours and casbin's on the same requests (BENCH_DECISIONS_N for a quick try)
N_REQUESTS = int(os.environ.get("BENCH_DECISIONS_N", "20000"))
WARMUP = 2_000
CACHED_SUBSET = 5_000  # requests for the parsed-once casbin variant
NOW = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
PREFILL = 50_000  # decisions already in the ledger when (b) starts
DURABLE_TARGET, HTTP_TARGET, HTTP_P99_MS = 5_000, 1_000, 25.0

# ---------------------------------------------------------------------------------------
# The request mix
# ---------------------------------------------------------------------------------------

ACTORS = (
    [
        (Actor(f"client-{n}", ActorKind.SYSTEM, frozenset({"system"})), 12)
        for n in ("erp", "crm", "after-sales", "mail")
    ]
    + [(Actor(f"staff-{i}", ActorKind.STAFF, frozenset({"staff"})), 5) for i in range(6)]
    + [
        (Actor(f"officer-{i}", ActorKind.STAFF, frozenset({"privacy_officer", "admin"})), 4)
        for i in range(2)
    ]
    + [
        (Actor("auditor-0", ActorKind.STAFF, frozenset({"auditor"})), 3),
        (Actor("sales-auditor", ActorKind.STAFF, frozenset({"staff", "auditor"})), 2),
    ]
)

SYSTEMS = (
    System("erp", "ERP", "it", "erp", "CN", Approval.APPROVED),
    System("crm", "CRM", "sales", "crm", "CN", Approval.APPROVED, "aliyun", True),
    System("after-sales", "After-sales desk", "service", "after_sales", "CN", Approval.APPROVED),
    System(
        "eu-cloud", "EU service cloud", "service", "cloud", "DE", Approval.APPROVED, "azure", True
    ),
    System("legacy-crm", "Old CRM", "sales", "crm", "CN", Approval.PENDING),
    System("retired-share", "Old file share", "it", "file_share", "CN", Approval.RETIRED),
    System(
        "shadow-cloud",
        "Unvetted cloud",
        "sales",
        "cloud",
        "CN",
        Approval.APPROVED,
        "some-saas",
        False,
    ),
)
# target system per request (None: no target), weights
TARGETS = (
    (None, 30),
    ("erp", 25),
    ("crm", 15),
    ("after-sales", 12),
    ("eu-cloud", 6),
    ("legacy-crm", 4),
    ("retired-share", 2),
    ("shadow-cloud", 3),
    ("unknown-box", 3),
)

# categories a subject is likely to hold, weights
HELD = (
    ("user.name", 10),
    ("user.contact.email", 10),
    ("user.contact.phone_number", 9),
    ("user.contact.address", 5),
    ("user.contact.address.city", 3),
    ("user.contact.organization", 8),
    ("user.job_title", 7),
    ("user.behavior.purchase_history", 7),
    ("user.device.ip_address", 4),
    ("user.device.device_id", 3),
    ("user.government_id.vehicle_registration", 3),
    ("user.government_id.national_identification_number", 3),
    ("user.financial.bank_account", 3),
    ("user.demographic.date_of_birth", 2),
    ("user.location.precise", 1),
    ("user.health_and_medical", 1),
    ("user.authorization.credentials.password", 1),
)


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def build_policy() -> tuple[PolicyState, dict[str, frozenset[str]]]:
    """The seeded register, the data map above, and three legal exceptions: one in force,
    one expired, one whose approver is its requester. Returns the scope of the one in force."""
    taxonomy = Taxonomy.default()
    scope = frozenset(f"subj-{i:05d}" for i in range(0, N_SUBJECTS, 25))
    day = timedelta(days=1)
    legal_exceptions = {
        "ex-police": LegalException(
            "ex-police",
            ExceptionKind.CRIMINAL_JUSTICE,
            "Foshan PSB",
            "FS-2025-117",
            "Criminal Procedure Law Art. 54",
            scope,
            frozenset({"user.name", "user.contact", "user.government_id"}),
            NOW - 30 * day,
            NOW + 60 * day,
            "officer-0",
            "officer-1",
            NOW - 29 * day,
        ),
        "ex-expired": LegalException(
            "ex-expired",
            ExceptionKind.PUBLIC_INTEREST,
            "Health commission",
            "HC-2024-3",
            "Emergency Response Law Art. 45",
            scope,
            frozenset({"user"}),
            NOW - 400 * day,
            NOW - 35 * day,
            "officer-0",
            "officer-1",
            NOW - 399 * day,
        ),
        "ex-self-approved": LegalException(
            "ex-self-approved",
            ExceptionKind.LEGAL_COMPLIANCE,
            "Tax bureau",
            "TB-9",
            "Tax Collection Law Art. 54",
            scope,
            frozenset({"user"}),
            NOW - 10 * day,
            NOW + 10 * day,
            "officer-0",
            "officer-0",
            NOW - 9 * day,
        ),
    }
    policy = PolicyState(
        taxonomy=taxonomy,
        register=PurposeRegister.of(1, seed_purposes()),
        subject_kinds=DEFAULT_SUBJECT_KINDS,
        systems={s.key: s for s in SYSTEMS},
        legal_exceptions=legal_exceptions,
    )
    return policy, {"ex-police": scope}


def leaves(taxonomy: Taxonomy) -> list[str]:
    parents = {c.parent for c in taxonomy if c.parent}
    return [c.key for c in taxonomy if c.key not in parents]


DAY = timedelta(days=1)


def _consents(rng: random.Random, sid: str, purposes: list[str]) -> list[Consent]:
    out = []
    for p in purposes:
        for kind, prob in (
            (ConsentKind.GENERAL, 0.3),
            (ConsentKind.SENSITIVE, 0.15),
            (ConsentKind.TRANSFER_ABROAD, 0.1),
        ):
            if rng.random() < prob:
                granted = NOW - rng.randint(1, 700) * DAY
                withdrawn = granted + rng.randint(1, 800) * DAY if rng.random() < 0.25 else None
                out.append(
                    Consent(
                        f"c-{sid}-{p}-{kind.value}",
                        sid,
                        p,
                        kind,
                        granted,
                        Channel.WEB,
                        "1",
                        "0" * 64,
                        "staff-0",
                        None,
                        withdrawn,
                    )
                )
    return out


def _restrictions(rng: random.Random, sid: str, purposes: list[str]) -> list[Restriction]:
    r = rng.random()
    if r < 0.03:
        return [
            Restriction(
                f"r-{sid}",
                sid,
                RestrictionKind.RESTRICTION,
                None,
                NOW - 20 * DAY,
                NOW - 2 * DAY if rng.random() < 0.3 else None,
            )
        ]
    if r < 0.09:
        return [
            Restriction(
                f"o-{sid}", sid, RestrictionKind.OBJECTION, rng.choice(purposes), NOW - 40 * DAY
            )
        ]
    return []


def _child(
    rng: random.Random, sid: str, purposes: list[str]
) -> tuple[date | None, bool, list[GuardianLink], list[Consent]]:
    """8 % children (by date of birth or declared) with a verified or unverified guardian,
    sometimes a second, unverified one; guardian consents from either or both."""
    r = rng.random()
    if r >= 0.08:  # 2 % adults whose 14th birthday passed: no longer children
        return (date(2011, 3, 1) if r < 0.10 else None), False, [], []
    adult = (NOW + rng.randint(30, 3000) * DAY).date() if rng.random() < 0.75 else None
    g_ok, g_new = f"{sid}-guardian-a", f"{sid}-guardian-b"
    r = rng.random()  # the link verified long ago, during the requests' month, or not yet
    guardians = [
        GuardianLink(sid, g_ok, "staff-0", NOW - 100 * DAY)
        if r < 0.6
        else GuardianLink(sid, g_ok, "staff-0", NOW + 15 * DAY)
        if r < 0.75
        else GuardianLink(sid, g_ok, None, None)
    ]
    if rng.random() < 0.3:
        guardians.append(GuardianLink(sid, g_new, None, None))
    consents = []
    for p in purposes:
        if rng.random() >= 0.5:
            continue
        by = [g_ok]
        if len(guardians) > 1 and rng.random() < 0.5:  # the second one too, or alone
            by = [g_new, g_ok] if rng.random() < 0.5 else [g_new]
        consents.extend(
            Consent(
                f"g-{sid}-{p}-{b}",
                sid,
                p,
                ConsentKind.GUARDIAN,
                NOW - 50 * DAY,
                Channel.PHONE,
                "1",
                "0" * 64,
                "staff-0",
                b,
                None,
            )
            for b in by
        )
    return adult, adult is None, guardians, consents


def build_subjects(rng: random.Random, policy: PolicyState) -> list[SubjectState]:
    """Subjects with and without consents (some withdrawn, some not yet given), restrictions
    and objections (some lifted), children (declared or by date) with verified and
    unverified guardians, and the purposes each item was declared for at collection."""
    rules = list(policy.register.rules.values())
    purposes = [r.key for r in rules]
    out = []
    for i in range(N_SUBJECTS):
        sid = f"subj-{i:05d}"
        held = {_weighted(rng, HELD) for _ in range(rng.randint(3, 10))}
        collected_for = {
            cat: frozenset(
                r.key
                for r in rules
                if r.allows_category(policy.taxonomy, cat)
                and rng.random() < (0.2 if r.needs_consent else 0.9)
            )
            for cat in held
        }
        consents = _consents(rng, sid, purposes)
        restrictions = _restrictions(rng, sid, purposes)
        adult, minor, guardians, by_guardians = _child(rng, sid, purposes)
        if guardians:  # a child's consents: most given by a guardian, some by the child
            consents = [
                replace(c, given_by=rng.choice([g.guardian_id for g in guardians]))
                if rng.random() < 0.7
                else c
                for c in consents
            ]
        consents += by_guardians
        rng.shuffle(consents)
        out.append(
            SubjectState(
                sid,
                adult,
                minor,
                collected_for,
                tuple(consents),
                tuple(restrictions),
                tuple(guardians),
            )
        )
    return out


def build_requests(
    rng: random.Random,
    policy: PolicyState,
    subjects: list[SubjectState],
    scope: dict[str, frozenset[str]],
    n: int,
) -> list[tuple[AccessRequest, SubjectState]]:
    """Purposes from the seeded register (and a few unknown ones), 1-10 categories mostly
    from what the subject holds, actors with various roles, approved and unapproved target
    systems, and a few requests naming a legal exception."""
    all_leaves = leaves(policy.taxonomy)
    purposes = list(policy.register.rules)
    purpose_leaves = {
        p: [c for c in all_leaves if policy.register.rules[p].allows_category(policy.taxonomy, c)]
        for p in purposes
    }
    in_scope = sorted(scope["ex-police"])
    by_id = {s.subject_id: s for s in subjects}
    actions = list(Action)
    out = []
    for _ in range(n):
        purpose = (
            rng.choice(purposes)
            if rng.random() < 0.97
            else rng.choice(["marketing", "profiling", "resale"])
        )
        exception_id = None
        sub = rng.choice(subjects)
        if rng.random() < 0.05:
            exception_id = _weighted(
                rng,
                (("ex-police", 6), ("ex-expired", 2), ("ex-self-approved", 1), ("ex-unknown", 1)),
            )
            if rng.random() < 0.7:
                sub = by_id[rng.choice(in_scope)]
        k = rng.randint(1, 10)
        held = sorted(sub.collected_for)
        cats: set[str] = set()
        while len(cats) < k:
            r = rng.random()
            pool = (
                held
                if r < 0.7
                else purpose_leaves.get(purpose, all_leaves)
                if r < 0.9
                else all_leaves
            )
            cats.add(rng.choice(pool or all_leaves))
        at = NOW + timedelta(seconds=rng.randint(0, 30 * 86_400))
        actor = _weighted(rng, ACTORS)
        out.append(
            (
                AccessRequest(
                    actor,
                    rng.choice(actions),
                    sub.subject_id,
                    purpose,
                    frozenset(cats),
                    at,
                    _weighted(rng, TARGETS),
                    exception_id,
                ),
                sub,
            )
        )
    return out


# ---------------------------------------------------------------------------------------
# The same rules as a pycasbin ABAC model
# ---------------------------------------------------------------------------------------

# One request per (request, category). r.sub is the subject's attributes at request time
# (see `CasbinAttrs`); r.ex is "ex:<id>" when the named legal exception is in force, else "".
# Allow-and-deny: a category is allowed when the grant line matches and no deny line does.
# `lift` (an exception in force whose scope covers the subject and the category) lifts only
# the consent-type denials, as in domain/access.py.
CASBIN_MODEL = r"""
[request_definition]
r = act, sub, cat, pur, sys, ex

[policy_definition]
p = kind, pur, eft

[role_definition]
g = _, _
g2 = _, _
g3 = _, _
g4 = _, _
g5 = _, _

[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

[matchers]
m = p.kind == 'grant' && g(r.act, 'use:' + r.pur) && g2(r.cat, 'for:' + r.pur) \
 || p.kind == 'credential' && g3(r.cat, 'credential') \
 || p.kind == 'system' && r.sys != '' && !g4(r.sys, 'approved') \
 || p.kind == 'abroad' && g4(r.sys, 'abroad') && !(r.pur + ':transfer_abroad' in r.sub.consents) \
 || p.kind == 'restricted' && (r.pur in r.sub.restricted || '*' in r.sub.restricted) \
    && !(r.ex != '' && g5(r.sub.id, r.ex) && g2(r.cat, r.ex)) \
 || p.kind == 'child' && r.sub.child && !(r.pur + ':guardian' in r.sub.consents) \
    && !(r.ex != '' && g5(r.sub.id, r.ex) && g2(r.cat, r.ex)) \
 || p.kind == 'declared' && !(r.pur + ':general' in r.sub.consents) \
    && !(r.cat + '|' + r.pur in r.sub.declared) \
    && !(r.ex != '' && g5(r.sub.id, r.ex) && g2(r.cat, r.ex)) \
 || p.kind == 'consent' && r.pur == p.pur && !(r.pur + ':general' in r.sub.consents) \
    && !(r.ex != '' && g5(r.sub.id, r.ex) && g2(r.cat, r.ex)) \
 || p.kind == 'sensitive' && g3(r.cat, 'sensitive') \
    && !(r.pur + ':sensitive' in r.sub.consents) \
    && !(r.ex != '' && g5(r.sub.id, r.ex) && g2(r.cat, r.ex))
"""


def casbin_policy(
    policy: PolicyState, actors: Sequence[Actor], scopes: dict[str, frozenset[str]]
) -> list[str]:
    """Policy lines from the same PolicyState decide() reads.

    g:  actor -> role -> use:<purpose>         (role allowed; only active purposes)
    g2: category tree child -> parent; category -> for:<purpose>; category -> ex:<id>
    g3: category -> sensitive | credential     (the taxonomy's computed flags)
    g4: system -> approved (usable) | abroad (region outside home)
    g5: subject -> ex:<id>                     (the exception's subject scope)
    """
    lines = ["p, grant, *, allow"] + [
        f"p, {k}, *, deny"
        for k in ("credential", "system", "abroad", "restricted", "child", "declared", "sensitive")
    ]
    lines += [
        f"p, consent, {r.key}, deny"
        for r in policy.register.rules.values()
        if r.active and r.needs_consent
    ]
    lines += [f"g, {a.id}, {role}" for a in actors for role in sorted(a.roles)]
    for rule in policy.register.rules.values():
        if rule.active:
            lines += [f"g, {role}, use:{rule.key}" for role in sorted(rule.roles)]
            lines += [f"g2, {c}, for:{rule.key}" for c in sorted(rule.categories)]
    for cat in policy.taxonomy:
        if cat.parent:
            lines.append(f"g2, {cat.key}, {cat.parent}")
        if cat.credential:
            lines.append(f"g3, {cat.key}, credential")
        elif cat.sensitive:
            lines.append(f"g3, {cat.key}, sensitive")
    for s in policy.systems.values():
        if s.usable:
            lines.append(f"g4, {s.key}, approved")
        if s.region != policy.home_region:
            lines.append(f"g4, {s.key}, abroad")
    for ex in policy.legal_exceptions.values():
        lines += [f"g2, {c}, ex:{ex.id}" for c in sorted(ex.categories)]
        lines += [f"g5, {sid}, ex:{ex.id}" for sid in sorted(scopes.get(ex.id, ex.subject_ids))]
    return lines


class CasbinAttrs:
    """The subject's attributes at request time, as an ABAC engine receives them from its
    attribute provider: casbin evaluates attributes, it does not read records."""

    __slots__ = ("child", "consents", "declared", "id", "restricted")

    def __init__(self, req: AccessRequest, sub: SubjectState) -> None:
        at, sid = req.at, sub.subject_id
        self.id = sid
        self.child = sub.is_child(at)
        # guardians whose link to this child staff had verified by `at`
        verified = {
            g.guardian_id
            for g in sub.guardians
            if g.child_id == sid and g.verified_at is not None and g.verified_at <= at
        }
        # consents of this subject in force at `at`; a guardian consent, and any consent
        # for a child, counts only when a verified guardian gave it
        self.consents = {
            f"{c.purpose}:{c.kind.value}"
            for c in sub.consents
            if c.subject_id == sid
            and c.in_force(at)
            and (not (self.child or c.kind is ConsentKind.GUARDIAN) or c.given_by in verified)
        }
        self.restricted = {
            r.purpose or "*"
            for r in sub.restrictions
            if r.subject_id == sid and r.since <= at and (r.lifted_at is None or at < r.lifted_at)
        }
        self.declared = {f"{c}|{p}" for c, ps in sub.collected_for.items() for p in ps}


def casbin_exception(req: AccessRequest, policy: PolicyState) -> str:
    ex = policy.legal_exceptions.get(req.exception_id or "")
    return f"ex:{ex.id}" if ex is not None and ex.in_force(req.at) else ""


def make_enforcer(
    policy: PolicyState,
    scopes: dict[str, frozenset[str]],
    where: Path,
    *,
    cached_parse: bool = False,
) -> Any:
    """A stock `casbin.Enforcer`; `cached_parse`: one that parses its matcher once instead
    of on every enforce() (pycasbin re-parses it per call) — casbin's best case."""
    import casbin  # noqa: PLC0415  (the bench extra)

    model, lines = where / "decisions_model.conf", where / "decisions_policy.csv"
    model.write_text(CASBIN_MODEL)
    lines.write_text("\n".join(casbin_policy(policy, [a for a, _ in ACTORS], scopes)) + "\n")
    if not cached_parse:
        return casbin.Enforcer(str(model), str(lines))
    parsed: dict[str, Any] = {}
    stock = casbin.Enforcer._get_expression

    class ParsedOnce(casbin.Enforcer):  # type: ignore[misc]
        @staticmethod
        def _get_expression(expr: str, functions: Any = None) -> Any:
            found = parsed.get(expr)
            if found is None:  # the g() functions wrap role managers that stay the same
                found = parsed[expr] = stock(expr, functions)
            return found

    return ParsedOnce(str(model), str(lines))


def casbin_allowed(
    enforcer: Any,
    req: AccessRequest,
    policy: PolicyState,
    sub: SubjectState,
    per_check: list[int] | None = None,
) -> frozenset[str]:
    attrs, ex = CasbinAttrs(req, sub), casbin_exception(req, policy)
    sys_key, ns = req.target_system or "", time.perf_counter_ns
    allowed = set()
    for cat in sorted(req.categories):
        t0 = ns()
        ok = enforcer.enforce(req.actor.id, attrs, cat, req.purpose, sys_key, ex)
        if per_check is not None:
            per_check.append(ns() - t0)
        if ok:
            allowed.add(cat)
    return frozenset(allowed)


# ---------------------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------------------


def pct(values: Sequence[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))] if s else float("nan")


def us_stats(ns_values: Sequence[int]) -> dict[str, float]:
    return {
        "p50_us": round(pct(ns_values, 0.50) / 1000, 2),
        "p90_us": round(pct(ns_values, 0.90) / 1000, 2),
        "p99_us": round(pct(ns_values, 0.99) / 1000, 2),
        "mean_us": round(sum(ns_values) / len(ns_values) / 1000, 2),
    }


def ms_stats(seconds: Sequence[float]) -> dict[str, float]:
    return {
        "p50_ms": round(pct(seconds, 0.50) * 1000, 2),
        "p99_ms": round(pct(seconds, 0.99) * 1000, 2),
        "max_ms": round(max(seconds) * 1000, 2),
    }


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# ---------------------------------------------------------------------------------------
# (a) pure evaluation
# ---------------------------------------------------------------------------------------


def _time_ours(reqs: list[Item], policy: PolicyState) -> tuple[list[int], list[Decision], float]:
    ns = time.perf_counter_ns
    ours: list[int] = []
    decisions: list[Decision] = []
    for i, (req, sub) in enumerate(reqs):
        did = f"d-{i}"
        t0 = ns()
        d = decide(req, policy, sub, decision_id=did)
        ours.append(ns() - t0)
        decisions.append(d)
    t0 = ns()
    for i, (req, sub) in enumerate(reqs):
        decide(req, policy, sub, decision_id=f"d-{i}")
    return ours, decisions, len(reqs) / ((ns() - t0) / 1e9)


def _time_casbin(
    enforcer: Any, reqs: list[Item], policy: PolicyState, decisions: list[Decision]
) -> dict[str, Any]:
    """enforce() on every (request, category), compared with decide() request by request."""
    ns = time.perf_counter_ns
    per_check: list[int] = []
    per_request: list[int] = []
    projection: list[int] = []
    mismatches: list[dict[str, object]] = []
    stock: list[frozenset[str]] = []
    for (req, sub), d in zip(reqs, decisions, strict=True):
        t0 = ns()
        CasbinAttrs(req, sub)
        casbin_exception(req, policy)
        projection.append(ns() - t0)
        t0 = ns()
        allowed = casbin_allowed(enforcer, req, policy, sub, per_check)
        per_request.append(ns() - t0)
        stock.append(allowed)
        if allowed != d.allowed:
            mismatches.append(
                {
                    "subject": req.subject_id,
                    "purpose": req.purpose,
                    "actor_roles": sorted(req.actor.roles),
                    "system": req.target_system,
                    "exception": req.exception_id,
                    "categories": sorted(req.categories),
                    "ours": sorted(d.allowed),
                    "casbin": sorted(allowed),
                    "our_reasons": [r.code for r in d.reasons],
                }
            )
    return {
        "per_check": per_check,
        "per_request": per_request,
        "projection": projection,
        "mismatches": mismatches,
        "stock": stock,
    }


def run_pure(tmp: Path) -> dict[str, object]:
    rng = random.Random(SEED)
    policy, scopes = build_policy()
    subjects = build_subjects(rng, policy)
    reqs = build_requests(rng, policy, subjects, scopes, N_REQUESTS + WARMUP)
    warm, reqs = reqs[:WARMUP], reqs[WARMUP:]
    # the data set is long-lived, as a service's start-up state: keep it out of the
    # collector's full passes (which otherwise pause 70-100 ms now and then, either side)
    gc.collect()
    gc.freeze()
    for req, sub in warm:
        decide(req, policy, sub, decision_id="warm")
    ours, decisions, ours_rate = _time_ours(reqs, policy)

    enforcer = make_enforcer(policy, scopes, tmp)
    for req, sub in warm[:200]:
        casbin_allowed(enforcer, req, policy, sub)
    cas = _time_casbin(enforcer, reqs, policy, decisions)
    cached = make_enforcer(policy, scopes, tmp, cached_parse=True)
    per_check_cached: list[int] = []
    for (req, sub), same in zip(reqs[:CACHED_SUBSET], cas["stock"], strict=False):
        if casbin_allowed(cached, req, policy, sub, per_check_cached) != same:
            raise RuntimeError("the parsed-once enforcer disagrees with the stock one")
    gc.unfreeze()
    per_check = cas["per_check"]
    checks = len(per_check)
    ours_s, cas_s = us_stats(ours), us_stats(per_check)
    n_allowed = sum(1 for d in decisions if d.allowed)
    reasons: dict[str, int] = {}
    for d in decisions:
        for r in d.reasons:
            reasons[r.code] = reasons.get(r.code, 0) + 1
    return {
        "requests": len(reqs),
        "subjects": len(subjects),
        "categories_per_request": round(checks / len(reqs), 2),
        "outcomes": {
            "allowed_some": n_allowed,
            "denied": len(reqs) - n_allowed,
            "categories_allowed": sum(len(d.allowed) for d in decisions),
            "categories_requested": checks,
        },
        "reason_codes": dict(sorted(reasons.items(), key=lambda kv: -kv[1])),
        "ours_decide_per_request": {**ours_s, "calls_per_s": round(ours_rate)},
        "casbin_enforce_per_check": {
            **cas_s,
            "calls_per_s": round(checks / (sum(per_check) / 1e9)),
        },
        "casbin_per_request": {
            **us_stats(cas["per_request"]),
            "note": "enforce() on every category of the request",
        },
        "casbin_enforce_per_check_matcher_parsed_once": {
            **us_stats(per_check_cached),
            "requests": min(CACHED_SUBSET, len(reqs)),
            "note": "not stock pycasbin: its per-call ast.parse of the matcher cached",
        },
        "casbin_attribute_projection_per_request": us_stats(cas["projection"]),
        "casbin_version": version("casbin"),
        "casbin_policy_lines": len(casbin_policy(policy, [a for a, _ in ACTORS], scopes)),
        "agreement": {
            "requests_compared": len(reqs),
            "requests_differing": len(cas["mismatches"]),
            "examples": cas["mismatches"][:10],
        },
        "target": "ours p99 < casbin enforce p50",
        "target_met": ours_s["p99_us"] < cas_s["p50_us"],
        "gc": "data set frozen (gc.freeze) during timing; collector on",
        "ratio_casbin_p50_over_ours_p99": round(cas_s["p50_us"] / ours_s["p99_us"], 2),
        "ratio_casbin_request_p50_over_ours_p50": round(
            pct(cas["per_request"], 0.5) / pct(ours, 0.5), 1
        ),
    }


# ---------------------------------------------------------------------------------------
# (b) evaluation + durable decision record
# ---------------------------------------------------------------------------------------

Item = tuple[AccessRequest, SubjectState]


def _group_committer(
    c: Container, policy: PolicyState, *, evaluate: bool, audit: bool
) -> tuple[GroupCommit[Decision | Item, None], list[int]]:
    """The service's group commit (services/group_commit.py) over this bench's synthetic
    requests. `evaluate=False`: callers submit decisions they evaluated themselves.
    `evaluate=True`: the writer evaluates the whole batch before recording it, so the
    CPU-bound work runs in one thread instead of 32 threads taking turns at the GIL."""
    sizes: list[int] = []

    def run(batch: list[Decision | Item]) -> list[Exception | None]:
        sizes.append(len(batch))
        record(
            c,
            [
                _evaluate(policy, w) if evaluate else w  # type: ignore[misc, arg-type]
                for w in batch
            ],
            audit=audit,
        )
        return [None] * len(batch)

    return GroupCommit(run, name="bench-group-commit"), sizes


def _audit_event(d: Decision) -> AuditEvent:
    return AuditEvent(
        "decision.evaluate",
        d.actor.kind.value,
        d.actor.id,
        "subject",
        d.subject_id,
        d.subject_id,
        d.purpose,
        d.id,
        details={"outcome": d.outcome, "reasons": [r.code for r in d.reasons]},
    )


def record(c: Container, decisions: list[Decision], *, audit: bool = False) -> None:
    with c.uow() as uow:
        uow.decisions.record_many(decisions)
        if audit:
            for d in decisions:
                uow.audit(_audit_event(d))
        uow.commit()


def _evaluate(policy: PolicyState, item: Item) -> Decision:
    req, sub = item
    return decide(req, policy, sub, decision_id=new_time_id())  # as the service does


def _threads(n: int, fn: Callable[[int], None]) -> tuple[float, float]:
    """Wall and CPU seconds (all threads of this process) of n threads running fn."""
    threads = [threading.Thread(target=fn, args=(i,)) for i in range(n)]
    t0, c0 = time.perf_counter(), time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, time.process_time() - c0


def _rates(n: int, wall: float, cpu: float) -> dict[str, float]:
    """per_s: wall clock (shared machine); cpu_us: this process's CPU per decision, which
    other people's load on the machine does not inflate."""
    return {
        "decisions": n,
        "per_s": round(n / wall),
        "cpu_us_per_decision": round(cpu / n * 1e6),
        "per_cpu_s": round(n / cpu),
    }


def run_durable(
    name: str, c: Container, policy: PolicyState, reqs: list[Item]
) -> dict[str, object]:
    out: dict[str, object] = {"backend": name}
    n_single, n_batch, batch, n_group = 2_000, 20_000, 200, 20_000
    pick = lambda i: reqs[i % len(reqs)]  # noqa: E731
    # a ledger that has been running a while: the cost per row grows with the table
    # (random uuid4 keys and three more indexes), so every mode starts past PREFILL rows
    for b in range(0, PREFILL, 1_000):
        record(c, [_evaluate(policy, pick(i)) for i in range(b, b + 1_000)])
    out["rows_before"] = PREFILL  # each mode below also says how many rows it started on

    # 1. one caller, one commit per decision
    lat: list[float] = []

    def single(_: int) -> None:
        for i in range(n_single):
            s = time.perf_counter()
            record(c, [_evaluate(policy, pick(i))])
            lat.append(time.perf_counter() - s)

    out["per_decision_commit"] = {
        "rows_at_start": PREFILL,
        **_rates(n_single, *_threads(1, single)),
        **ms_stats(lat),
    }

    # 2. one caller, `batch` decisions per commit (a bulk read path)
    def batched(_: int) -> None:
        for b in range(0, n_batch, batch):
            record(c, [_evaluate(policy, pick(i)) for i in range(b, b + batch)])

    out["batched_commit"] = {
        "rows_at_start": PREFILL + n_single,
        "batch": batch,
        **_rates(n_batch, *_threads(1, batched)),
    }

    # 3. concurrent callers, each its own commit
    callers, per = 8, 400
    lats: list[float] = []

    def own_commit(k: int) -> None:
        mine = []
        for i in range(per):
            s = time.perf_counter()
            record(c, [_evaluate(policy, pick(k * per + i))])
            mine.append(time.perf_counter() - s)
        lats.extend(mine)

    rows = PREFILL + n_single + n_batch
    out["concurrent_own_commit"] = {
        "rows_at_start": rows,
        "callers": callers,
        **_rates(callers * per, *_threads(callers, own_commit)),
        **ms_stats(lats),
    }
    rows += callers * per

    # 4. concurrent callers sharing commits (group commit)
    for key, callers, evaluate, audit in (
        ("group_commit_callers_evaluate", 32, False, False),
        ("group_commit_writer_evaluates", 32, True, False),
        ("group_commit_writer_evaluates_64", 64, True, False),
        ("group_commit_writer_evaluates_64_with_audit", 64, True, True),
    ):
        per = n_group // callers
        gc_, sizes = _group_committer(c, policy, evaluate=evaluate, audit=audit)
        lats = []

        def grouped(
            k: int,
            gc_: GroupCommit[Decision | Item, None] = gc_,
            lats: list[float] = lats,
            evaluate: bool = evaluate,
            per: int = per,
        ) -> None:
            mine = []
            for i in range(per):
                s = time.perf_counter()
                item = pick(k * per + i)
                gc_(item if evaluate else _evaluate(policy, item))
                mine.append(time.perf_counter() - s)
            lats.extend(mine)

        wall, cpu = _threads(callers, grouped)
        gc_.close()
        out[key] = {
            "rows_at_start": rows,
            "callers": callers,
            **_rates(callers * per, wall, cpu),
            **ms_stats(lats),
            "commits": len(sizes),
            "mean_batch": round(sum(sizes) / len(sizes), 1),
        }
        rows += callers * per
    out["service_evaluate_access"] = run_service(c)
    out["target_min"] = DURABLE_TARGET
    service: dict[str, Any] = out["service_evaluate_access"]  # type: ignore[assignment]
    out["service_group_commit_target_met"] = (
        max(service[k]["per_s"] for k in service if k.startswith("group_commit")) >= DURABLE_TARGET
    )
    out["load_after"] = load()
    return out


def run_service(c: Container) -> dict[str, object]:
    """The service behind POST /api/v1/decisions, called in process, reading each
    subject's state from the database: (1) `evaluate_access`, one caller, one commit per
    decision, with and without the API-key check; (2) group commit through the container's
    decision writer (`Container.decisions`, what the server uses), 32 and 64 callers: the
    writer decides each batch (a few queries for the whole batch), records every decision
    with its audit entry, commits once, then answers. 200 subjects with 4 items each; 3
    categories for after_sales."""
    from piiguard.bootstrap import OPERATOR  # noqa: PLC0415
    from piiguard.domain.subjects import LegalBasis  # noqa: PLC0415
    from piiguard.services.clients.api_keys import add_client, authenticate_client  # noqa: PLC0415
    from piiguard.services.subjects.register import (  # noqa: PLC0415
        ItemInput,
        SubjectInput,
        register_subjects,
    )

    items = (
        ("user.name", "客户{i}"),
        ("user.contact.email", "c{i}@example.cn"),
        ("user.contact.phone_number", "138{i:08d}"),
        ("user.behavior.purchase_history", "PO-{i}"),
    )
    done = register_subjects(
        c.uow(),
        c.vault,
        c.clock,
        OPERATOR,
        c.state,
        [
            SubjectInput(
                "customer_contact",
                [
                    ItemInput(
                        cat, v.format(i=i), Channel.PURCHASE_ORDER, LegalBasis.CONTRACT, "erp"
                    )
                    for cat, v in items
                ],
            )
            for i in range(HTTP_SUBJECTS)
        ],
        default_system="piiguard-vault",
    )
    ids = [r.subject.id for r in done]
    _, key = add_client(c.uow(), c.clock, OPERATOR, f"bench-{new_id()[:8]}")
    cats = frozenset({"user.name", "user.contact.email", "user.contact.phone_number"})
    system = Actor("bench-client", ActorKind.SYSTEM, frozenset({"system"}))

    def one(i: int, auth: bool) -> None:
        actor = authenticate_client(c.uow(readonly=True), c.clock, key) if auth else system
        evaluate_access(
            c.uow(), c.snapshots, c.clock, actor, ids[i % len(ids)], "after_sales", cats, Action.USE
        )

    out: dict[str, object] = {}
    n = 2_000
    for auth in (False, True):
        lat: list[float] = []

        def serial(_: int, auth: bool = auth, lat: list[float] = lat) -> None:
            for i in range(n):
                s = time.perf_counter()
                one(i, auth)
                lat.append(time.perf_counter() - s)

        key_ = "with_api_key_check" if auth else "evaluate_access"
        out[key_] = {**_rates(n, *_threads(1, serial)), **ms_stats(lat)}
    for callers in (32, 64):
        per = 20_000 // callers
        lats: list[float] = []

        def grouped(k: int, per: int = per, lats: list[float] = lats) -> None:
            mine = []
            for i in range(per):
                s = time.perf_counter()
                c.decisions(
                    DecisionRequest(system, ids[(k * per + i) % len(ids)], "after_sales", cats)
                )
                mine.append(time.perf_counter() - s)
            lats.extend(mine)

        out[f"group_commit_{callers}_callers"] = {
            "callers": callers,
            **_rates(callers * per, *_threads(callers, grouped)),
            **ms_stats(lats),
        }
    # as the server calls it: coroutines on one event loop (uvloop, as uvicorn picks it)
    # await the writer's futures, instead of threads blocking on them
    for callers in (64, 256):
        per = 20_000 // callers
        lats = []
        wall, cpu = _asyncio_callers(c, callers, per, system, ids, cats, lats)
        out[f"group_commit_{callers}_coroutines"] = {
            "callers": callers,
            **_rates(callers * per, wall, cpu),
            **ms_stats(lats),
        }
    return out


def _asyncio_callers(
    c: Container,
    callers: int,
    per: int,
    actor: Actor,
    ids: list[str],
    cats: frozenset[str],
    lats: list[float],
) -> tuple[float, float]:
    import asyncio  # noqa: PLC0415

    try:
        import uvloop  # noqa: PLC0415

        new_loop: Callable[[], asyncio.AbstractEventLoop] = uvloop.new_event_loop
    except ImportError:
        new_loop = asyncio.new_event_loop

    async def caller(k: int) -> None:
        for i in range(per):
            s = time.perf_counter()
            await asyncio.wrap_future(
                c.decisions.submit(
                    DecisionRequest(actor, ids[(k * per + i) % len(ids)], "after_sales", cats)
                )
            )
            lats.append(time.perf_counter() - s)

    async def run_all() -> None:
        await asyncio.gather(*(caller(k) for k in range(callers)))

    loop = new_loop()
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        loop.run_until_complete(run_all())
        return time.perf_counter() - t0, time.process_time() - c0
    finally:
        loop.close()


def run_b(tmp: Path) -> list[dict[str, object]]:
    rng = random.Random(SEED + 1)
    policy, scopes = build_policy()
    subjects = build_subjects(rng, policy)
    reqs = build_requests(rng, policy, subjects, scopes, 5_000)
    gc.collect()
    gc.freeze()
    results = []
    c = bootstrap(Settings(var_dir=tmp / "sqlite"))
    try:
        results.append(run_durable("sqlite", c, policy, reqs))
    finally:
        c.close()
    if pg_available():
        with pg_databases(2) as (data, keys):
            c = bootstrap(Settings(var_dir=tmp / "pgvar", database_url=data, keystore_url=keys))
            try:
                results.append(run_durable("postgresql", c, policy, reqs))
            finally:
                c.close()
    else:
        results.append({"backend": "postgresql", "skipped": "no server at PIIGUARD_BENCH_PG_URL"})
    gc.unfreeze()
    return results


# ---------------------------------------------------------------------------------------
# (c) over HTTP
# ---------------------------------------------------------------------------------------

HTTP_SUBJECTS = 200
WRK_DURATION = "15s"
WRK_RUNS = ((1, 8), (1, 16), (1, 32))  # (wrk threads, connections)
_LUA = """
local paths = {}
local bodies = {}
local i = 0
local f = io.open("%(list)s")
for line in f:lines() do
  local p, b = line:match("^([^\\t]*)\\t(.*)$")
  paths[#paths + 1] = p
  bodies[#bodies + 1] = b
end
f:close()
wrk.method = "%(method)s"
wrk.headers["Authorization"] = "Bearer %(key)s"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i %% #paths + 1
  local body = nil
  if bodies[i] ~= "" then body = bodies[i] end
  return wrk.format(nil, paths[i], nil, body)
end
done = function(summary, latency, requests)
  io.write("JSON", string.format(
    '{"requests":%%d,"duration_us":%%d,"errors_status":%%d,"errors_connect":%%d,' ..
    '"errors_read":%%d,"errors_timeout":%%d,"p50_us":%%d,"p90_us":%%d,"p99_us":%%d,' ..
    '"max_us":%%d}',
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.timeout, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max), "\\n")
end
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _piiguard() -> str:
    exe = Path(sys.executable).parent / "piiguard"
    return str(exe) if exe.exists() else shutil.which("piiguard") or "piiguard"


def _tree_cpu(root: int) -> float:
    """CPU seconds used so far by process `root` and its descendants (uvicorn workers)."""
    stats: dict[int, tuple[int, int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                f = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(d.name)] = (int(f[1]), int(f[11]) + int(f[12]))
    pids, grew = {root}, True
    while grew:
        new = {pid for pid, (ppid, _) in stats.items() if ppid in pids} - pids
        pids |= new
        grew = bool(new)
    return sum(stats[p][1] for p in pids if p in stats) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def _server(
    argv: list[str], env: dict[str, str], port: int, log: Path
) -> Iterator[tuple[str, int]]:
    import httpx  # noqa: PLC0415

    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as fh:
        proc = subprocess.Popen(argv, env=env, stdout=fh, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not come up in 60 s")
                time.sleep(0.2)
            yield base, proc.pid
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _seed_http(base: str, key: str) -> list[str]:
    import httpx  # noqa: PLC0415

    h = {"Authorization": f"Bearer {key}"}
    items = [
        ("user.name", "客户{i}"),
        ("user.contact.email", "customer{i}@example.cn"),
        ("user.contact.phone_number", "138{i:08d}"),
        ("user.behavior.purchase_history", "PO-{i}: 2 x spindle"),
    ]
    ids = []
    with httpx.Client(base_url=base, headers=h, timeout=30) as cl:
        for i in range(HTTP_SUBJECTS):
            body = {
                "kind": "customer_contact",
                "items": [
                    {
                        "category": cat,
                        "value": v.format(i=i),
                        "channel": "purchase_order",
                        "legal_basis": "contract",
                        "source_system": "erp",
                    }
                    for cat, v in items
                ],
            }
            r = cl.post("/api/v1/subjects", json=body)
            r.raise_for_status()
            ids.append(r.json()["id"])
    return ids


def _decision_body(sid: str) -> dict[str, object]:
    return {
        "subject_id": sid,
        "purpose": "after_sales",
        "action": "use",
        "categories": ["user.name", "user.contact.email", "user.contact.phone_number"],
    }


def _pick_target(base: str, key: str, sid: str) -> dict[str, object]:
    """POST /api/v1/decisions when the server has it and accepts our body; else the
    stand-in GET .../data?purpose=after_sales."""
    import httpx  # noqa: PLC0415

    h = {"Authorization": f"Bearer {key}"}
    paths = httpx.get(f"{base}/openapi.json", timeout=10).json().get("paths", {})
    if "post" in paths.get("/api/v1/decisions", {}):
        r = httpx.post(f"{base}/api/v1/decisions", json=_decision_body(sid), headers=h, timeout=10)
        if r.status_code < 300:
            return {
                "endpoint": "POST /api/v1/decisions",
                "method": "POST",
                "probe_status": r.status_code,
            }
        note = f"POST /api/v1/decisions answered {r.status_code} to the bench's body"
    else:
        note = "POST /api/v1/decisions does not exist yet"
    r = httpx.get(
        f"{base}/api/v1/subjects/{sid}/data",
        params={"purpose": "after_sales"},
        headers=h,
        timeout=10,
    )
    return {
        "endpoint": "GET /api/v1/subjects/{id}/data?purpose=after_sales (stand-in)",
        "method": "GET",
        "probe_status": r.status_code,
        "why_stand_in": note,
    }


def _wrk(
    base: str,
    key: str,
    target: dict[str, object],
    ids: list[str],
    tmp: Path,
    threads: int,
    conns: int,
    pid: int,
) -> dict[str, object]:
    listing = tmp / "wrk-requests.tsv"
    with listing.open("w") as fh:
        for sid in ids:
            if target["method"] == "POST":
                fh.write(f"/api/v1/decisions\t{json.dumps(_decision_body(sid))}\n")
            elif target.get("path"):
                fh.write(f"{target['path']}\t\n")
            else:
                fh.write(f"/api/v1/subjects/{sid}/data?purpose=after_sales\t\n")
    script = tmp / "wrk.lua"
    script.write_text(_LUA % {"list": listing, "method": target["method"], "key": key})
    before, cpu0 = load(), _tree_cpu(pid)
    p = subprocess.run(
        [  # noqa: S607 - wrk from PATH, a bench tool
            "wrk",
            f"-t{threads}",
            f"-c{conns}",
            f"-d{WRK_DURATION}",
            "-s",
            str(script),
            base + "/",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    cpu = _tree_cpu(pid) - cpu0
    m = re.search(r"^JSON(\{.*\})$", p.stdout, re.MULTILINE)
    if m is None:
        raise RuntimeError(f"wrk printed no summary: {p.stdout}\n{p.stderr}")
    s = json.loads(m.group(1))
    rate = s["requests"] / (s["duration_us"] / 1e6)
    errors = s["errors_status"] + s["errors_connect"] + s["errors_read"] + s["errors_timeout"]
    return {
        "wrk_threads": threads,
        "connections": conns,
        "duration": WRK_DURATION,
        "requests": s["requests"],
        "per_s": round(rate),
        "p50_ms": round(s["p50_us"] / 1000, 2),
        "p90_ms": round(s["p90_us"] / 1000, 2),
        "p99_ms": round(s["p99_us"] / 1000, 2),
        "max_ms": round(s["max_us"] / 1000, 2),
        "non_2xx_or_errors": errors,
        "errors": {k: s[f"errors_{k}"] for k in ("status", "connect", "read", "timeout")},
        "server_cpu_ms_per_request": round(cpu / max(1, s["requests"]) * 1000, 2),
        "server_cpu_cores_busy": round(cpu / (s["duration_us"] / 1e6), 2),
        "load_before": before,
        "target_met": rate >= HTTP_TARGET and s["p99_us"] / 1000 < HTTP_P99_MS and errors == 0,
    }


HEALTH = {
    "endpoint": "GET /healthz (baseline: routing + two SELECT 1, no auth)",
    "method": "GET",
    "path": "/healthz",
}


def _serve_and_load(
    label: str,
    argv: list[str],
    env: dict[str, str],
    key: str,
    tmp: Path,
    out: dict[str, Any],
    runs: Sequence[tuple[int, int]],
    ids: list[str] | None = None,
) -> list[str]:
    port = _free_port()
    argv = [*argv, "--port", str(port)]
    with _server(argv, env, port, tmp / f"server-{port}.log") as (base, pid):
        ids = ids or _seed_http(base, key)
        if "endpoint" not in out:
            out["endpoint"] = _pick_target(base, key, ids[0])
        out["runs"].append(
            {
                "server": label,
                "what": "baseline GET /healthz",
                **_wrk(base, key, HEALTH, ids, tmp, 1, 16, pid),
            }
        )
        out["runs"].extend(
            {
                "server": label,
                "what": out["endpoint"]["endpoint"],
                **_wrk(base, key, out["endpoint"], ids, tmp, t, c, pid),
            }
            for t, c in runs
        )
    return ids


def run_http(tmp: Path, backends: Sequence[str] = ("sqlite", "postgresql")) -> dict[str, object]:
    if shutil.which("wrk") is None:
        return {"skipped": "wrk is not installed (apt-get install -y wrk)"}
    out: dict[str, Any] = {
        "target": {"per_s_min": HTTP_TARGET, "p99_ms_max": HTTP_P99_MS},
        "runs": [],
    }
    for backend in backends:
        with contextlib.ExitStack() as stack:
            env = {
                k: v
                for k, v in os.environ.items()
                if k not in ("PIIGUARD_DATABASE_URL", "PIIGUARD_KEYSTORE_URL")
            }
            env["PIIGUARD_VAR_DIR"] = str(tmp / f"http-{backend}")
            if backend == "postgresql":
                if not pg_available():
                    out["runs"].append({"server": backend, "skipped": "no PostgreSQL"})
                    continue
                data, keys = stack.enter_context(pg_databases(2))
                env |= {"PIIGUARD_DATABASE_URL": data, "PIIGUARD_KEYSTORE_URL": keys}
            add = subprocess.run(
                [_piiguard(), "client", "add", "bench"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            key = add.stdout.strip().splitlines()[-1]
            ids = _serve_and_load(
                f"piiguard serve, {backend} (1 process)",
                [_piiguard(), "serve"],
                env,
                key,
                tmp,
                out,
                WRK_RUNS,
            )
            _serve_and_load(
                f"piiguard serve --workers 2, {backend}",
                [_piiguard(), "serve", "--workers", "2"],
                env,
                key,
                tmp,
                out,
                WRK_RUNS,
                ids,
            )
    out["target_met_any"] = any(
        r.get("target_met")
        for r in out["runs"]
        if not str(r.get("what", "")).startswith("baseline")
    )
    return out


# ---------------------------------------------------------------------------------------


def main(parts: Sequence[str] = ("a", "b", "c")) -> dict[str, object]:
    summary: dict[str, object] = {
        "bench": "decisions",
        "machine": machine(),
        "load_at_start": load(),
    }
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if "a" in parts:
            print("(a) pure evaluation: decide() vs pycasbin ...", file=sys.stderr, flush=True)
            summary["a_pure"] = {**run_pure(tmp), "load_after": load()}
        if "b" in parts:
            print("(b) decide + durable record ...", file=sys.stderr, flush=True)
            summary["b_durable"] = run_b(tmp)
        if "c" in parts:
            print("(c) over HTTP (wrk) ...", file=sys.stderr, flush=True)
            summary["c_http"] = {**run_http(tmp), "load_after": load()}
    summary["load_at_end"] = load()
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return summary


if __name__ == "__main__":
    main(sys.argv[1:] or ("a", "b", "c"))
