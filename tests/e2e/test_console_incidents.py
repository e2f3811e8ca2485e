"""The console's incident and vulnerability pages, on SQLite and PostgreSQL (R5.8, R5.9,
R10.2): every page in Chinese and English for officers and auditors (auditors read only);
staff report an incident but read none; a report with bad input shows the error summary with
the field marked and writes nothing; the clocks, the timeline, who is affected from the
trail, the draft and its submission, the notification's words and its start after signing in
again, closing refused to the one who handled it and done by another officer; vulnerabilities
recorded, imported from a pasted pip-audit report, a risk accepted by a second officer; the
front page's attention for an overdue clock and an overdue vulnerability."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from lxml import html as lhtml

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.incidents.model import IncidentKind, Severity
from piiguard.domain.policy.datamap import Approval, System
from piiguard.services.incidents import register
from piiguard.services.incidents.register import IncidentFacts
from piiguard.services.policy.datamap import register_system
from tests.e2e.conftest import PASSWORD, Caller, TestClient, totp_code
from tests.e2e.console_client import People
from tests.e2e.test_console_oversight import actor, age_session, console, flashed, marked, person

pytestmark = [pytest.mark.req("R5.8")]
C = "/console/incidents"
V = "/console/vulnerabilities"


@pytest.fixture
def people(container: Container, people: People) -> People:
    for who in (people.staff, people.officer, people.second, people.auditor):
        who._csrf = container.staff.csrf_token(who.token)
    return people


def incident(c: Container, people: People, **kw: object) -> str:
    f = IncidentFacts(
        "Stolen laptop",
        "A laptop with the CRM export was stolen.",
        IncidentKind.CONFIDENTIALITY,
        Severity.RELATIVELY_MAJOR,
        frozenset({"CN"}),
        categories=frozenset({"user.contact.email"}),
        **{"detected_at": c.clock.now(), **kw},  # type: ignore[arg-type]
    )
    return register.report_incident(
        c.security_uow(), c.snapshots, c.clock, actor(c, people.officer), f
    ).id


@pytest.mark.req("R10.2")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_page_in_both_languages(
    container: Container, api: TestClient, people: People, lang: str
) -> None:
    c = container
    iid = incident(c, people)
    pages = (C, C + "/clocks", f"{C}/{iid}", f"{C}/{iid}/clocks/cac", f"{C}/{iid}/notifications", V)
    officer = console(c, api, people.officer, lang)
    auditor = console(c, api, people.auditor, lang)
    for url in pages:
        for who in (officer, auditor):
            html = who.page(url)
            assert f'<html lang="{lang}"' in html and html.count("<h1") == 1, url
        if lang == "zh-CN":
            assert "安全事件" in html or "漏洞" in html
    html = auditor.page(f"{C}/{iid}")
    assert 'id="timeline-form"' not in html and 'id="read-only"' in html
    assert 'id="submit-form"' not in auditor.page(f"{C}/{iid}/clocks/cac")
    assert 'id="timeline-form"' in officer.page(f"{C}/{iid}")
    assert 'href="/console/incidents"' in officer.page("/console")  # in the menu
    # probe: to whom a clock reports, in the page's language (it was "中文 (English)")
    clock = officer.page(f"{C}/{iid}/clocks/cac")
    zh_to, en_to = "属地省级网信部门", "the provincial cyberspace administration"
    shown = lhtml.fromstring(clock).xpath("string(//dl[@id='clock'])")
    assert (zh_to in shown and en_to not in shown) if lang == "zh-CN" else (en_to in shown)
    labels = lhtml.fromstring(clock).xpath("//form[@id='submit-form']//label/text()")
    assert "事件发生单位名称" in labels if lang == "zh-CN" else "organisation" in labels
    assert "measures_taken" not in labels  # a report's field by its name, not its key
    for url in pages:
        people.staff.page(url, 403)
    people.staff.page(C + "/new")  # staff report incidents, read none


def test_reporting_from_the_console(container: Container, api: TestClient, people: People) -> None:
    c = container
    bad = people.staff.post(
        C + "/new",
        {
            "title": "",
            "kind": "confidentiality",
            "severity": "major",
            "jurisdictions": "CN",
            "detected_at": "2026-13-01T00:00",
        },
    )
    assert bad.status_code == 422
    assert (
        marked(bad.text, "title")
        and marked(bad.text, "detected_at")
        and marked(bad.text, "description")
    )
    assert register.list_incidents(c.security_uow(readonly=True)) == []
    future = (c.clock.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    bad = people.staff.post(
        C + "/new",
        {
            "title": "x",
            "description": "y",
            "kind": "integrity",
            "severity": "general",
            "jurisdictions": "CN",
            "detected_at": future,
        },
    )
    assert bad.status_code == 422 and marked(bad.text, "detected_at")
    ok = people.staff.post(
        C + "/new",
        {
            "title": "Ransomware on the file server",
            "description": "Files encrypted.",
            "kind": "availability",
            "severity": "relatively_major",
            "jurisdictions": "CN",
            "detected_at": c.clock.now().strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert ok.status_code == 303, ok.text[:500]
    [i] = register.list_incidents(c.security_uow(readonly=True))
    assert i.reported_by == f"staff:{people.staff.id}"
    html = people.officer.page(C)
    assert "Ransomware" in html and "cac" in html


def test_handling_an_incident_on_its_pages(
    container: Container, api: TestClient, system: Caller, people: People
) -> None:
    c = container
    sid = person(api, system)
    start = c.clock.now() - timedelta(minutes=1)
    r = api.get(
        f"/api/v1/subjects/{sid}/data", headers=system.headers, params={"purpose": "after_sales"}
    )
    assert r.status_code == 200
    iid = incident(c, people, high_risk=True)
    o = people.officer
    stamp = "%Y-%m-%dT%H:%M"
    # the update: CII starts the 1-hour clock and stops the 4-hour one
    r = o.post(
        f"{C}/{iid}/update",
        {
            "severity": "relatively_major",
            "jurisdictions": "CN",
            "cii": "on",
            "high_risk": "on",
            "categories": "user.contact.email",
        },
    )
    html = flashed(o, r, f"{C}/{iid}")
    assert 'data-clock="cac_cii"' in html
    # who is affected, from what the system read
    bad = o.post(f"{C}/{iid}/affected", {"reader": f"system:{system.id}", "start": "", "end": ""})
    assert bad.status_code == 422 and marked(bad.text, "start")
    r = o.post(
        f"{C}/{iid}/affected",
        {
            "reader": f"system:{system.id}",
            "start": start.strftime(stamp),
            "end": (c.clock.now() + timedelta(minutes=2)).strftime(stamp),
        },
    )
    assert "estimated — ; listed 1" in flashed(o, r, f"{C}/{iid}").replace(
        "estimated —;", "estimated — ;"
    )
    # the draft and the submission
    draft = o.page(f"{C}/{iid}/clocks/cac_cii")
    assert 'name="field_site_preservation"' in draft and "保护工作部门" in draft
    r = o.post(f"{C}/{iid}/clocks/cac_cii/submit", {"submitted_to": "", "field_trend": "x"})
    assert r.status_code == 422 and marked(r.text, "submitted_to")
    r = o.post(
        f"{C}/{iid}/clocks/cac_cii/submit",
        {"submitted_to": "公安机关", "reference": "GA-1", "field_trend": "stable"},
    )
    assert "GA-1" in flashed(o, r, f"{C}/{iid}")
    # the notification's words, then its start after signing in again
    words = {
        f"{f}_{lang}": f"{f} {lang}"
        for f in ("what_happened", "measures_taken", "what_you_can_do", "contact")
        for lang in ("zh", "en")
    }
    r = o.post(f"{C}/{iid}/mailing", {**words, "contact_en": ""})
    assert r.status_code == 422 and marked(r.text, "contact_en")
    flashed(o, o.post(f"{C}/{iid}/mailing", words), f"{C}/{iid}/notifications")
    age_session(c, o, 60)
    r = o.post(f"{C}/{iid}/mailing/start", {})
    assert r.status_code in (401, 403, 422) and 'id="error-summary"' in r.text
    code = totp_code(api, o.caller.totp_secret or "")
    r = o.post(f"{C}/{iid}/mailing/start", {"password": PASSWORD, "code": code})
    assert "mailing-started" in flashed(o, r, f"{C}/{iid}/notifications")
    # the timeline, the review, and closing by another officer
    for stage in ("containment", "recovery"):
        flashed(
            o,
            o.post(f"{C}/{iid}/timeline", {"stage": stage, "note": f"{stage} done"}),
            f"{C}/{iid}",
        )
    flashed(
        o,
        o.post(f"{C}/{iid}/review", {"root_cause": "no disk encryption", "lessons": "encrypt"}),
        f"{C}/{iid}",
    )
    own = o.post(f"{C}/{iid}/close", {"decision": "close"})
    assert own.status_code == 403 and "four eyes" in own.text
    s = people.second
    r = s.post(f"{C}/{iid}/close", {"decision": "close"})
    assert "closed-by" in flashed(s, r, f"{C}/{iid}")


@pytest.mark.req("R5.9")
def test_vulnerabilities_on_their_pages(
    container: Container, api: TestClient, people: People
) -> None:
    c = container
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System("website", "Website", "it", "web", "CN", Approval.APPROVED),
    )
    o, s = people.officer, people.second
    bad = o.post(
        V,
        {
            "vuln_identifier": "CVE-2024-1",
            "title": "",
            "owner": "web",
            "system": "website",
            "cvss": "eleven",
        },
    )
    assert bad.status_code == 422 and marked(bad.text, "title") and marked(bad.text, "cvss")
    r = o.post(
        V,
        {
            "vuln_identifier": "CVE-2024-3094",
            "title": "xz",
            "owner": "web",
            "system": "website",
            "source": "advisory",
            "cvss": "10",
        },
    )
    html = flashed(o, r, V + "/")
    assert "CVE-2024-3094" in html
    vid = r.headers["location"].split("/")[-1].split("?")[0]
    report = {
        "dependencies": [
            {
                "name": "jinja2",
                "version": "3.1.2",
                "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "aliases": ["CVE-2024-22195"]}],
            }
        ]
    }
    bad = o.post(
        V + "/import",
        {
            "format": "sarif",
            "report": "{not json",
            "report_system": "website",
            "report_owner": "web",
        },
    )
    assert bad.status_code == 422 and marked(bad.text, "report")
    r = o.post(
        V + "/import",
        {
            "format": "pip-audit",
            "report": json.dumps(report),
            "report_system": "website",
            "report_owner": "web",
        },
    )
    assert "GHSA-h5c8-rqwp-cp95" in flashed(o, r, V)
    flashed(o, o.post(f"{V}/{vid}/accept-risk", {"reason": "isolated build host"}), f"{V}/{vid}")
    own = o.post(f"{V}/{vid}/accept-risk/approve", {})
    assert own.status_code == 403 and 'id="error-summary"' in own.text
    assert "accepted_risk" in flashed(s, s.post(f"{V}/{vid}/accept-risk/approve", {}), f"{V}/{vid}")
    assert people.auditor.post(V, {"vuln_identifier": "x"}).status_code == 403


def test_the_front_page_shows_what_is_late(
    container: Container, api: TestClient, people: People
) -> None:
    c = container
    incident(c, people, detected_at=c.clock.now() - timedelta(hours=4, minutes=1))
    html = people.second.page("/console")
    assert 'href="/console/incidents/clocks"' in html
    assert "Incident reporting clocks overdue: 1" in html
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System("website", "Website", "it", "web", "CN", Approval.APPROVED),
    )
    from piiguard.services.incidents import vulns  # noqa: PLC0415

    f = vulns.VulnFacts(
        "CVE-2024-1",
        "website",
        "old",
        vulns.VulnSource.REPORT,
        "web",
        cvss=9.8,
        found_at=c.clock.now() - timedelta(days=8),
    )
    vulns.record_vuln(c.security_uow(), c.snapshots, c.clock, OPERATOR, f, c.security.vuln_days)
    assert "Vulnerabilities past their deadline: 1" in people.second.page("/console")
