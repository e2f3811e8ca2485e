"""Sharing benchmarks (issue 15), each against a baseline measured in the same process:

(a) `decide()` with the sharing rules against `decide()` without them (today's rules
    before issue 15), on bench/decisions.py's request mix, alternating rounds so that both
    see the same machine: per-call p50/p99 and the ratio of the means. Target: <= 1.25x.
    Beside it, the same mix as shares (every request naming a recipient abroad with its
    agreement, profile and consent): what a share decision costs.
(b) one subject shared with one recipient end to end (decision recorded, vault read,
    minimised, package sealed, disclosure log), `share_data` per call, p50/p99, on SQLite
    and PostgreSQL.

`python -m bench sharing` prints JSON.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import machine, pg_available, pg_databases
from bench.decisions import build_policy, build_requests, build_subjects, pct
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.access import decide
from piiguard.domain.access_rules import RULES
from piiguard.domain.assessments.model import QUESTION_KEYS, Case, Scope
from piiguard.domain.assessments.rule import AssessmentIndex, Coverage
from piiguard.domain.consent import Consent, ConsentKind
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.sharing.abroad import TransferTally, mechanism_for_count
from piiguard.domain.sharing.notice import abroad_notice_given
from piiguard.domain.sharing.register import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Profile,
    Recipient,
    RecipientKind,
    RecipientStatus,
    Treatment,
)
from piiguard.domain.sharing.rules import SHARING_RULES
from piiguard.domain.subjects import Channel, LegalBasis
from piiguard.services.assessments import register as assessments
from piiguard.services.policy.consents import grant_consent
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.share import ShareRequest, share_data
from piiguard.services.subjects.register import ItemInput, SubjectInput, register_subjects

# today's rules before issue 15: without the sharing rules, the yearly count's and the
# notice's (all of them cheap reads of the request and the snapshot)
BEFORE = tuple(
    r for r in RULES if r not in (*SHARING_RULES, mechanism_for_count, abroad_notice_given)
)
ROUNDS = 5
N = 4000
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def _round(items: list, policy: object, rules: tuple) -> list[int]:  # type: ignore[type-arg]
    ns = time.perf_counter_ns
    out = []
    for i, (req, sub) in enumerate(items):
        t0 = ns()
        decide(req, policy, sub, decision_id=f"d-{i}", rules=rules)  # type: ignore[arg-type]
        out.append(ns() - t0)
    return out


def _stats(ns_values: list[int]) -> dict[str, float]:
    us = [v / 1000 for v in ns_values]
    return {
        "p50_us": round(pct(us, 0.50), 2),
        "p99_us": round(pct(us, 0.99), 2),
        "mean_us": round(statistics.fmean(us), 2),
    }


def run_pure() -> dict[str, object]:
    rng = random.Random(15)
    policy, scope = build_policy()
    subjects = build_subjects(rng, policy)
    reqs = build_requests(rng, policy, subjects, scope, N)
    acme = Recipient(
        "acme-de",
        RecipientKind.GROUP_COMPANY,
        "Acme GmbH",
        "DE",
        "GDPR",
        "dpo",
        frozenset(),
        RecipientStatus.ACTIVE,
        "op",
        T0,
    )
    agreement = Agreement(
        "a-1",
        "acme-de",
        AgreementKind.INTRA_GROUP,
        "IGA",
        ("Us", "Acme"),
        frozenset(policy.register.rules),
        frozenset({"user"}),
        T0,
        None,
        "a" * 64,
        "DMS",
        "",
        AgreementStatus.ACTIVE,
        "op",
        T0,
    )
    profiles = {
        ("acme-de", p): Profile(
            "acme-de",
            p,
            {"user.contact": Treatment.MASKED, "user.name": Treatment.WHOLE},
            "op",
            T0,
        )
        for p in policy.register.rules
    }
    sharing = replace(
        policy,
        recipients={"acme-de": acme},
        agreements={"acme-de": (agreement,)},
        profiles=profiles,
    )
    # sharing abroad is a case of PIPL Art. 55 (issue 17's rule, in both mixes): one approved
    # impact assessment covers it, or every share would measure a refusal
    everything = Scope(
        frozenset(Case),
        frozenset(policy.register.rules),
        frozenset(c.key.split(".")[0] for c in policy.taxonomy),
        frozenset(sharing.recipients),
        frozenset(policy.systems),
    )
    sharing = replace(sharing, assessments=AssessmentIndex.of([Coverage("bench", everything)], []))
    shares = [
        (
            replace(req, recipient="acme-de", abroad_tally=TransferTally(2026, 1, 0)),
            replace(
                sub,
                consents=(
                    *sub.consents,
                    Consent(
                        "c-x",
                        sub.subject_id,
                        req.purpose,
                        ConsentKind.TRANSFER_ABROAD,
                        T0,
                        Channel.WEB,
                        "1",
                        "0" * 64,
                        "op",
                        recipient="acme-de",
                    ),
                ),
            ),
        )
        for req, sub in reqs
    ]
    before: list[int] = []
    after: list[int] = []
    share_ns: list[int] = []
    gc.disable()
    try:
        for _ in range(ROUNDS):  # alternating: both see the same machine
            before += _round(reqs, sharing, BEFORE)
            after += _round(reqs, sharing, RULES)
            share_ns += _round(shares, sharing, RULES)
    finally:
        gc.enable()
    allowed = sum(1 for req, sub in shares if decide(req, sharing, sub, decision_id="x").allowed)
    b, a, s = _stats(before), _stats(after), _stats(share_ns)
    return {
        "requests": len(reqs),
        "rounds": ROUNDS,
        "without_sharing_rules": b,
        "with_sharing_rules": a,
        "ratio_mean": round(a["mean_us"] / b["mean_us"], 3),
        "ratio_p50": round(a["p50_us"] / b["p50_us"], 3),
        "as_shares": s,
        "shares_allowed": allowed,
        "target_ratio": 1.25,
    }


def _assess(c: Container, author: Actor, approver: Actor) -> None:
    """The impact assessment a share abroad needs (R10.4), drafted, reviewed and approved by
    two officers as on the console."""
    given = assessments.AssessmentInput(
        "After-sales shared with the group abroad",
        frozenset({"provide", "transfer_abroad"}),
        frozenset({"after_sales"}),
        frozenset({"user"}),
        frozenset({"acme-de"}),
        answers=dict.fromkeys(QUESTION_KEYS, "answered"),
    )
    a = assessments.draft_assessment(c.uow(), c.snapshots, c.clock, author, given)
    assessments.submit_assessment(c.uow(), c.clock, author, a.id)
    assessments.review_assessment(c.uow(), c.clock, approver, a.id, "reviewed")
    assessments.approve_assessment(c.uow(), c.snapshots, c.clock, approver, a.id)


def run_end_to_end(backend: str, settings: Settings, n: int = 200) -> dict[str, object]:
    c = bootstrap(settings)
    try:
        reg.save_recipient(
            c.uow(),
            c.clock,
            OPERATOR,
            reg.RecipientInput(
                "acme-de", RecipientKind.GROUP_COMPANY, "Acme GmbH", "DE", "GDPR", "dpo"
            ),
        )
        now = c.clock.now()
        proposed = reg.record_agreement(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            reg.AgreementInput(
                "acme-de",
                AgreementKind.INTRA_GROUP,
                "IGA",
                ("Us", "Acme"),
                frozenset({"after_sales"}),
                frozenset({"user.contact", "user.name"}),
                now - timedelta(days=1),
                None,
                "a" * 64,
                "DMS",
            ),
        )
        second = Actor("bench-officer", ActorKind.STAFF, frozenset({"privacy_officer"}))
        reg.approve_agreement(c.uow(), c.clock, second, proposed.id)  # four eyes
        _assess(c, OPERATOR, second)
        reg.save_profile(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            "acme-de",
            "after_sales",
            {"user.contact.email": Treatment.MASKED, "user.name": Treatment.WHOLE},
        )
        reg.issue_recipient_key(c.uow(), c.clock, OPERATOR, "acme-de")
        web, contract = Channel.WEB, LegalBasis.CONTRACT
        items = [
            ItemInput("user.contact.email", "li.lei@example.cn", web, contract, "crm"),
            ItemInput("user.name", "李雷", web, contract, "crm"),
            ItemInput("user.contact.phone_number", "13812345678", web, contract, "crm"),
        ]
        made = register_subjects(
            c.uow(),
            c.vault,
            c.clock,
            OPERATOR,
            c.state,
            [SubjectInput("customer_contact", items) for _ in range(n)],
            default_system=c.settings.default_system,
        )
        ids = [m.subject.id for m in made]
        for sid in ids:
            grant_consent(
                c.uow(),
                c.snapshots,
                c.clock,
                OPERATOR,
                sid,
                "after_sales",
                ConsentKind.TRANSFER_ABROAD,
                Channel.WEB,
                "consent text",
                recipient="acme-de",
            )
        secs = []
        for sid in ids:
            t0 = time.perf_counter()
            out = share_data(
                c.uow(), c.requests, OPERATOR, ShareRequest("acme-de", "after_sales", (sid,))
            )
            secs.append(time.perf_counter() - t0)
            if out.share.disclosed != 1:
                raise RuntimeError(f"share refused: {out.decisions[0].reasons}")
        ms = [s * 1000 for s in secs]
        return {
            "backend": backend,
            "shares": n,
            "p50_ms": round(pct(ms, 0.50), 2),
            "p99_ms": round(pct(ms, 0.99), 2),
            "per_s": round(n / sum(secs), 1),
        }
    finally:
        c.close()


def main() -> dict[str, object]:
    results: list[dict[str, object]] = []
    pure = run_pure()
    print(json.dumps(pure), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        results.append(run_end_to_end("sqlite", Settings(var_dir=Path(tmp) / "var")))
        if pg_available():
            with pg_databases(2) as (data, keys):
                settings = Settings(
                    var_dir=Path(tmp) / "pgvar", database_url=data, keystore_url=keys
                )
                results.append(run_end_to_end("postgresql", settings))
        else:
            results.append({"backend": "postgresql", "skipped": "no server"})
    summary = {"bench": "sharing", "machine": machine(), "pure": pure, "end_to_end": results}
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    main()
