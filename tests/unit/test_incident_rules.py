"""The pure rules of incidents (R5.8) and vulnerabilities (R5.9): which obligations apply,
the clocks' edges (the same reminder/escalation rule as the requests'), the severity the
number of people suggests, CVSS ratings and deadlines, pip-audit and SARIF parsing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from piiguard.domain.errors import InvalidInput
from piiguard.domain.incidents.imports import parse_pip_audit, parse_report, parse_sarif
from piiguard.domain.incidents.model import Incident, IncidentKind, Severity, suggest_severity
from piiguard.domain.incidents.obligations import SEED, clock_notices, clocks_for
from piiguard.domain.incidents.vulns import (
    VulnSeverity,
    check_days,
    due_at,
    severity_of,
)
from piiguard.domain.rights.deadlines import ESCALATION, owed_notices

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def incident(**kw: object) -> Incident:
    base: dict[str, object] = {
        "id": "i1",
        "title": "t",
        "description": "d",
        "kind": IncidentKind.CONFIDENTIALITY,
        "severity": Severity.RELATIVELY_MAJOR,
        "jurisdictions": frozenset({"CN"}),
        "cii": False,
        "high_risk": False,
        "systems": frozenset(),
        "categories": frozenset(),
        "detected_at": T0,
        "reported_by": "staff:a",
        "reported_at": T0,
    }
    base.update(kw)
    return Incident(**base)  # type: ignore[arg-type]


def keys(i: Incident) -> set[str]:
    return {c.obligation for c in clocks_for(i, SEED)}


@pytest.mark.req("R5.8")
def test_which_obligations_apply() -> None:
    assert keys(incident()) == {"cac"}
    assert keys(incident(cii=True)) == {"cac_cii"}
    assert keys(incident(severity=Severity.GENERAL)) == set()
    assert keys(incident(severity=Severity.PARTICULARLY_MAJOR)) == {"cac"}
    pd = frozenset({"user.contact.email"})
    assert keys(incident(categories=pd)) == {"cac", "pipl_57_authority"}
    assert keys(incident(categories=pd, high_risk=True)) == {
        "cac",
        "pipl_57_authority",
        "pipl_57_people",
    }
    eu = incident(jurisdictions=frozenset({"EU"}), severity=Severity.GENERAL, affected_estimate=3)
    assert keys(eu) == {"gdpr_33"}
    assert all(o.source for o in SEED) and any("第四条" in o.source for o in SEED)


@pytest.mark.req("R5.8")
def test_the_cac_clock_at_3h59_and_4h01() -> None:
    [clock] = clocks_for(incident(), SEED)
    cac = next(o for o in SEED if o.key == "cac")
    assert clock.due_at == T0 + timedelta(hours=4)
    at_359 = T0 + timedelta(hours=3, minutes=59)
    assert not clock.overdue(at_359)
    assert ESCALATION not in clock_notices(clock, cac, at_359, ())
    assert clock_notices(clock, cac, at_359, ()) == [
        "reminder_120m",
        "reminder_60m",
        "reminder_15m",
    ]
    assert not clock.overdue(T0 + timedelta(hours=4))  # at the due time itself: not late
    at_401 = T0 + timedelta(hours=4, minutes=1)
    assert clock.overdue(at_401)
    assert clock_notices(clock, cac, at_401, ("reminder_120m", "reminder_60m", "reminder_15m")) == [
        ESCALATION
    ]
    assert (
        clock_notices(clock, cac, at_401, (*[f"reminder_{m}m" for m in (120, 60, 15)], ESCALATION))
        == []
    )


@pytest.mark.req("R5.8")
def test_gdpr_72_hours_and_the_shared_rule() -> None:
    i = incident(jurisdictions=frozenset({"EU"}), categories=frozenset({"user.name"}))
    [clock] = clocks_for(i, SEED)
    assert clock.due_at - T0 == timedelta(hours=72)
    assert not clock.overdue(T0 + timedelta(hours=71, minutes=59))
    assert clock.overdue(T0 + timedelta(hours=72, minutes=1))
    # the requests' 30-day clock follows the very same rule
    due = T0 + timedelta(days=30)
    reminders = [(f"reminder_{d}d", timedelta(days=d)) for d in (7, 3, 1)]
    assert owed_notices(due, due - timedelta(days=3), reminders, ()) == [
        "reminder_7d",
        "reminder_3d",
    ]


@pytest.mark.req("R5.8")
def test_the_severity_the_number_of_people_suggests() -> None:
    assert suggest_severity(999_999) is Severity.GENERAL
    assert suggest_severity(1_000_000) is Severity.RELATIVELY_MAJOR
    assert suggest_severity(10_000_000) is Severity.MAJOR
    assert suggest_severity(100_000_000) is Severity.PARTICULARLY_MAJOR
    assert Severity.MAJOR.zh == "重大"


@pytest.mark.req("R5.9")
def test_cvss_ratings_and_deadlines() -> None:
    assert severity_of(9.0) is VulnSeverity.CRITICAL and severity_of(8.9) is VulnSeverity.HIGH
    assert severity_of(4.0) is VulnSeverity.MEDIUM and severity_of(0.1) is VulnSeverity.LOW
    assert severity_of(0.0) is None
    with pytest.raises(InvalidInput):
        severity_of(10.1)
    days = check_days({"critical": 3})
    assert due_at(T0, VulnSeverity.CRITICAL, days) == T0 + timedelta(days=3)
    assert due_at(T0, VulnSeverity.HIGH, days) == T0 + timedelta(days=30)
    with pytest.raises(InvalidInput):
        check_days({"urgent": 1})


@pytest.mark.req("R5.9")
def test_reports_parsed_deduplicated_and_refused_when_malformed() -> None:
    old_shape = [{"name": "a", "version": "1", "vulns": [{"id": "PYSEC-2024-1", "aliases": []}]}]
    [f] = parse_pip_audit(json.dumps(old_shape))
    assert f.identifier == "PYSEC-2024-1" and f.component == "a==1" and f.severity is None
    sarif = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "piiguard-scan", "rules": [{"id": "cn_mobile"}]}},
                "results": [
                    {"ruleId": "cn_mobile", "level": "warning", "message": {"text": "13812345678"}},
                    {"ruleId": "cn_mobile", "level": "error", "message": {"text": "13987654321"}},
                ],
            }
        ],
    }
    [s] = parse_sarif(json.dumps(sarif))
    assert s.identifier == "piiguard-scan:cn_mobile" and s.locations == 2
    assert s.severity is VulnSeverity.HIGH  # the worse of the two levels
    assert "138" not in s.title and "139" not in s.title
    for bad in ("{", "[]", '{"runs": [{"results": [{}]}]}', '{"dependencies": [1]}'):
        with pytest.raises(InvalidInput) as e:
            parse_report("sarif" if "runs" in bad or bad == "[]" else "pip-audit", bad)
        assert e.value.field == "report"
    with pytest.raises(InvalidInput) as e:
        parse_report("nessus", "{}")
    assert e.value.field == "format"
