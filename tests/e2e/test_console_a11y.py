"""Accessibility of the console, checked by a tool (issue 13; R2.6, R2.10): axe-core (the
axe-playwright-python package bundles it; nothing is downloaded) in headless Chromium over
every GET page of the console — each route of the authorization table's console part with
real ids (a system, a finding, a purpose, a department, a person, an exception, a decision,
a staff account, a client, a request), the pages a form answers with (a read's result, a
search's matches, an invitation's link, a new key), the way in (setup, sign-in, the TOTP
enrolment and the recovery codes, an invitation), and one form per area in its error state
— in Simplified Chinese and in English. No violation of serious or critical impact."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from piiguard.web.rules import RULES
from tests.e2e.conftest import PASSWORD, needs_browser
from tests.e2e.test_console_walk import (
    CUSTOMER,
    LOCALES,
    RECOMMEND,
    Served,
    account,
    path_of,
    route,
    seed,
    served,
)

pytestmark = [needs_browser, pytest.mark.long]
__all__ = ["served"]  # the fixture, shared with the walk

BAD = ("serious", "critical")
# axe.run with details for violations only, the rules that cannot find a BAD one switched off
RUN = """bad => {
    const can = id => {
        const impact = (axe._audit.data.checks[id] || {}).impact;
        return !impact || bad.includes(impact);
    };
    const quiet = axe._audit.rules.filter(
        r => !bad.includes(r.impact) && ![...r.any, ...r.all, ...r.none].some(c => can(c.id || c))
    );
    const rules = Object.fromEntries(quiet.map(r => [r.id, {enabled: false}]));
    return axe.run(document, {resultTypes: ["violations"], rules});
}"""
# GET routes that are not pages (the idle lock's script, a certificate's download)
NOT_PAGES = {
    "/console/console.js",
    "/console/retention/batches/{batch_id}/certificate.html",
    "/console/records/csv",  # downloads, not pages
    "/console/records/xlsx",
    "/console/evidence/report",
}
# routes whose page this test reaches through its own steps (sign-in, enrolment)
STEPS = {"/console/login", "/console/enrol", "/console/invite"}


class Scanner:
    """axe-core over pages, the serious and critical violations kept with the page.

    axe-core is put into every document of the page's browser context as it loads (an init
    script: 0.1 s a page less than sending its 573 kB with each run), and runs its enabled
    rules but those that cannot report a serious or critical violation — each of whose
    checks, and the rule itself, are of minor or moderate impact (the landmark rules,
    `region`, `heading-order`, ...: ~13 % of axe-core's time), read from axe-core's own
    metadata at each run, so a new version's rules are judged the same way."""

    def __init__(self, page: Any) -> None:
        from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415 (dev extra)

        self.script = Axe().axe_script
        page.context.add_init_script(script=self.script)
        self.page = page
        self.found: list[str] = []
        self.scanned: list[str] = []

    def __call__(self, what: str = "") -> None:
        if not self.page.evaluate("typeof axe !== 'undefined'"):  # loaded before the scanner
            self.page.evaluate(self.script)
        response = self.page.evaluate(RUN, list(BAD))
        assert response["passes"], "axe-core checked nothing"  # it ran, under the CSP
        self.scanned.append(what or path_of(self.page))
        for v in response["violations"]:
            if v.get("impact") in BAD:
                nodes = "; ".join(
                    f"{' '.join(map(str, n.get('target', [])))}: {n.get('failureSummary', '')}"
                    for n in v["nodes"][:5]
                )
                self.found.append(
                    f"{what or path_of(self.page)} [{v['impact']}] {v['id']}: {v['help']}\n"
                    f"    {nodes}"
                )


def submit_invalid(page: Any, form: str) -> None:
    """Submit `form` as the browser would without its own checks (the server's decide)."""
    page.locator(form).evaluate("f => { f.noValidate = true; }")
    page.locator(f"{form} button[type=submit]").last.click()


def way_in(s: Served, scan: Scanner) -> None:
    """The way in: `/`, the setup page and its error (its token spent: the page is the
    same), the sign-in and its error, the TOTP enrolment, its error and the recovery codes;
    ends signed in on the front page."""
    page, c = scan.page, s.c
    page.goto(f"{s.base}/")
    scan()
    page.goto(f"{s.base}/setup?token=spent")
    scan()
    submit_invalid(page, "form[action='/setup']")
    scan("/setup (error)")
    email = "sun.li@st-machinery.cn"
    account(c, email, "Sun Li", {"admin", "privacy_officer"}, 0x5117)
    page.goto(f"{s.base}/console/login")
    scan()
    page.locator("#email").fill(email)
    page.locator("#password").fill("not the password")
    page.locator("button[type=submit]").click()
    scan("/console/login (error)")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    assert path_of(page) == "/console/enrol"
    scan()
    page.locator("#code").fill("000000")
    page.locator("form[action='/console/enrol'] button[type=submit]").click()
    scan("/console/enrol (error)")
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.locator("#code").fill(s.codes(secret))
    page.locator("form[action='/console/enrol'] button[type=submit]").click()
    scan("/console/enrol → recovery codes")
    page.locator("main a, .page a").last.click()
    assert path_of(page) == "/console"


def retention_ids(c: Any, sid: str) -> dict[str, str]:
    """A legal hold in force on the seeded person (their items stay) and a disposed batch
    of another person's items: every purpose kept one day, two days later."""
    from piiguard.domain.decisions import Actor, ActorKind  # noqa: PLC0415
    from piiguard.domain.retention.schedule import Anchor, RetentionRule  # noqa: PLC0415
    from piiguard.services.retention import batches, holds, schedule, sweep  # noqa: PLC0415
    from tests.builders import register  # noqa: PLC0415

    one, two = (Actor(n, ActorKind.STAFF, frozenset({"privacy_officer"})) for n in "ab")
    hold = holds.propose_hold(
        c.uow(),
        c.snapshots,
        c.clock,
        one,
        "诉讼",
        "(2026)1号",
        frozenset({sid}),
        box=c.requests.box,
    )
    holds.approve_hold(c.uow(), c.clock, two, hold.id)
    register(c)
    for p in c.state.register.rules:
        rule = RetentionRule(p, "", 1, Anchor.COLLECTED)
        schedule.save_rule(c.uow(), c.snapshots, c.clock, one, rule)
    c.clock.advance(timedelta(days=2))
    schedule.refresh_all(c.uow(), c.clock)
    batch = sweep.propose_batch(c.uow(), c.clock, one)
    assert batch is not None
    batches.approve_batch(c.uow(), c.clock, one, batch.id)
    batches.dispose_batch(c.uow(), c.vault, c.clock, one, c.snapshots, batch.id)
    return {"hold_id": hold.id, "batch_id": batch.id}


def upkeep_ids(c: Any) -> dict[str, str]:
    """A confirmation request in the staff queue and an overdue child-data task (R2.8, R6.3)."""
    from tests.e2e.test_upkeep_api import child_of, staff_queued  # noqa: PLC0415

    _, q = staff_queued(c, "han.meimei@example.cn")
    _, task = child_of(c, hours_ago=80)
    return {"confirmation_id": q.id, "task_id": task}


def custody_ids(c: Any) -> dict[str, str]:
    """A printout shredded and waiting for its witness, a missing medium holding personal
    data (the alarm), an inventory under way (R5.2, R5.4)."""
    from piiguard.bootstrap import OPERATOR  # noqa: PLC0415
    from piiguard.domain.accounts import StaffAccount  # noqa: PLC0415
    from piiguard.domain.custody.records import MediaKind  # noqa: PLC0415
    from piiguard.domain.decisions import Actor, ActorKind  # noqa: PLC0415
    from piiguard.domain.policy.datamap import Approval, System  # noqa: PLC0415
    from piiguard.services.custody import inventory, media, paper  # noqa: PLC0415
    from piiguard.services.policy.datamap import register_system, set_system_status  # noqa: PLC0415

    cats = frozenset({"user.contact"})
    system = System("print-erp", "打印 ERP", "ops", "erp", "CN", Approval.PENDING, categories=cats)
    register_system(c.uow(), c.snapshots, c.clock, OPERATOR, system)
    set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, "print-erp", Approval.APPROVED)
    ids = ("00000000-0000-4000-8000-0000000c0001", "00000000-0000-4000-8000-0000000c0002")
    with c.uow() as uow:
        for n, sid in enumerate(ids):
            account = StaffAccount(
                sid,
                f"keeper{n}@example.cn",
                f"保管员{n}",
                frozenset({"staff"}),
                True,
                c.clock.now(),
            )
            uow.staff.add(account, c.passwords.hash("a long passphrase for keepers"))
        uow.commit()
    keeper = Actor(ids[0], ActorKind.STAFF, frozenset({"staff"}))
    p = paper.register_print(
        c.custody,
        keeper,
        label="三季度发票",
        categories=frozenset({"user.contact.email"}),
        people=30,
        system="print-erp",
        custodian=ids[0],
        location="301 室",
        cabinet="B2",
    )
    paper.shred_paper(
        c.custody,
        keeper,
        p.id,
        shredded_on=c.clock.now().date(),
        method="cross_cut",
        witness=ids[1],
    )
    m = media.register_medium(
        c.custody,
        keeper,
        identifier="USB-A11Y",
        kind=MediaKind.USB_DRIVE,
        encrypted=True,
        encryption="LUKS2",
        categories=frozenset({"user.contact.email"}),
        system="print-erp",
        custodian=ids[0],
        location="保险柜 1",
    )
    inventory.report_missing(c.custody, keeper, m.id)
    view = inventory.start_inventory(c.custody, OPERATOR)
    return {"record_id": p.id, "medium_id": m.id, "inventory_id": view.inventory.id}


def backup_ids(c: Any) -> dict[str, str]:
    """A data backup with a passed restore test (R5.7)."""
    from piiguard.bootstrap import OPERATOR  # noqa: PLC0415
    from piiguard.services.backups.create import create_backup  # noqa: PLC0415
    from piiguard.services.backups.verify import restore_test  # noqa: PLC0415

    b = create_backup(c.backups, OPERATOR)
    restore_test(c.backups, OPERATOR, b.id)
    return {"backup_id": b.id}


def incident_ids(c: Any) -> dict[str, str]:
    """An incident with its CAC clock running and a vulnerability (R5.8, R5.9)."""
    from piiguard.bootstrap import OPERATOR  # noqa: PLC0415
    from piiguard.domain.incidents.model import IncidentKind, Severity  # noqa: PLC0415
    from piiguard.services.incidents import register, vulns  # noqa: PLC0415

    f = register.IncidentFacts(
        "CRM export on a public share",
        "Reachable without sign-in for two days.",
        IncidentKind.CONFIDENTIALITY,
        Severity.RELATIVELY_MAJOR,
        frozenset({"CN"}),
        categories=frozenset({"user.contact.email"}),
        detected_at=c.clock.now(),
    )
    i = register.report_incident(c.security_uow(), c.snapshots, c.clock, OPERATOR, f)
    system = next(iter(c.state.systems))
    v = vulns.record_vuln(
        c.security_uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        vulns.VulnFacts("CVE-2024-3094", system, "xz", vulns.VulnSource.ADVISORY, "it", cvss=10.0),
        c.security.vuln_days,
    )
    return {"incident_id": i.id, "obligation": "cac", "vuln_id": v.id}


def policy_ids(c: Any) -> dict[str, str]:
    """Version 2 of the policy (material: proposed by one officer, published by another,
    its notices queued) and a draft waiting (R8.1)."""
    from piiguard.bootstrap import OPERATOR, policy_text  # noqa: PLC0415
    from piiguard.domain.decisions import Actor, ActorKind  # noqa: PLC0415
    from piiguard.services.policy import versions as pv  # noqa: PLC0415

    pv.ensure_first_policy(c.uow(), c.clock, OPERATOR, policy_text())
    one, two = (Actor(n, ActorKind.STAFF, frozenset({"privacy_officer"})) for n in "pq")
    given = pv.DraftInput(
        policy_text().replace("Send important notices to you.", "Send notices to you."),
        "隐私政策\n一、引言\n我们尊重您的隐私。\n",
        c.clock.now().date(),
        "Notices.",
        "通知。",
        True,
        ("purposes",),
        (RECOMMEND,),
    )
    d = pv.propose_version(c.uow(), c.snapshots, c.clock, one, given)
    v = pv.publish_draft(c.uow(), c.snapshots, c.clock, two, d.id).version.version
    waiting = pv.propose_version(c.uow(), c.snapshots, c.clock, one, given)
    return {"draft_id": waiting.id, "version": v}


def sharing_ids(c: Any, sid: str) -> dict[str, str]:
    """A group company abroad on the recipient register (its page is /recipients/group-de)."""
    from piiguard.domain.decisions import Actor, ActorKind  # noqa: PLC0415
    from piiguard.domain.sharing.register import RecipientKind  # noqa: PLC0415
    from piiguard.services.sharing.register import RecipientInput, save_recipient  # noqa: PLC0415

    officer = Actor("p", ActorKind.STAFF, frozenset({"privacy_officer"}))
    given = RecipientInput(
        "group-de", RecipientKind.GROUP_COMPANY, "Group GmbH", "DE", "GDPR", "dpo@group.example"
    )
    save_recipient(c.uow(), c.clock, officer, given)
    return {"legal_request_id": legal_request_id(c, sid), "transfer_id": business_transfer_id(c)}


def legal_request_id(c: Any, sid: str) -> str:
    """An authority's demand as received (its page is /console/sharing/legal/{request_id})."""
    from piiguard.domain.decisions import Actor, ActorKind  # noqa: PLC0415
    from piiguard.services.sharing import legal  # noqa: PLC0415
    from tests.integration.test_legal_requests import ask, police  # noqa: PLC0415

    police(c)
    now = c.clock.now()
    officer = Actor("p", ActorKind.STAFF, frozenset({"privacy_officer"}))
    return legal.record_legal_request(
        c.uow(),
        c.requests,
        officer,
        ask(
            frozenset({sid}), deadline=now + timedelta(days=10), tell_from=now + timedelta(days=30)
        ),
    ).id


def business_transfer_id(c: Any) -> str:
    """A merger as recorded (its page is /console/sharing/transfers/{transfer_id})."""
    from piiguard.services.sharing import business  # noqa: PLC0415
    from tests.integration.test_business_transfers import ALICE, acquirer, merger  # noqa: PLC0415

    return business.record_business_transfer(c.uow(), c.requests, ALICE, merger(acquirer(c))).id


def assessment_ids(c: Any) -> dict[str, str]:
    """An impact assessment in draft (its page is /console/assessments/{assessment_id})."""
    from piiguard.services.assessments import register as reg  # noqa: PLC0415
    from tests.assessed import ANSWERS, AUTHOR  # noqa: PLC0415

    given = reg.AssessmentInput(
        "Refunds", frozenset({"sensitive"}), frozenset({"order_fulfilment"}),
        frozenset({"user.financial"}), answers=ANSWERS,
    )  # fmt: skip
    return {"assessment_id": reg.draft_assessment(c.uow(), c.snapshots, c.clock, AUTHOR, given).id}


def every_get_page(s: Served, scan: Scanner, ids: dict[str, str], lang: str) -> list[str]:
    """Every GET route of the console that is a page, with real ids, each walked in one of
    the two languages (alternately: the markup axe-core checks is the same template in both,
    and test_console_walk.py renders every view in both); the forms'
    error states, the answers and the lock page below are walked in both. Returns the
    routes walked."""
    pages = sorted(
        path
        for (method, path), rule in RULES.items()
        if method == "GET"
        and path.startswith("/console")
        and path not in NOT_PAGES | STEPS
        and (rule.public or rule.roles & {"admin", "privacy_officer"})
    )[["zh-CN", "en"].index(lang) :: 2]
    for path in pages:
        legal = path.startswith("/console/sharing/legal/")  # its {request_id} is an authority's
        url = route(path, {**ids, "request_id": ids["legal_request_id"]} if legal else ids)
        response = scan.page.goto(s.base + url)
        ok = (200, 404) if "{triage_id}" in path else (200,)  # no mail waits for triage
        assert response.status in ok, (url, response.status)
        scan(path)
    return pages


def answers(s: Served, scan: Scanner, lang: str, sid: str) -> Scanner:
    """The pages forms answer with: a search's matches, a read's result, a new key, an
    invitation's link — and that link's page and its error, in a browser of its own."""
    page = scan.page
    page.goto(f"{s.base}/console/people")
    page.locator("#f-value").fill(CUSTOMER)
    page.locator("#find-submit").click()
    scan("/console/people/find (matches)")
    page.goto(f"{s.base}/console/people/{sid}/read")
    page.locator("#f-purpose").select_option(RECOMMEND)
    page.locator("#read-submit").click()
    scan("/console/people/{subject_id}/read (result)")
    page.goto(f"{s.base}/console/clients")
    page.locator("#f-name").fill("erp")
    page.locator("#client-submit").click()
    scan("/console/clients (new key)")
    page.goto(f"{s.base}/console/staff")
    page.locator("#f-email").fill("chen.jing@st-machinery.cn")
    page.locator("#invite-submit").click()
    scan("/console/staff/invitations (link)")
    link = page.locator("#invite-link").inner_text()
    invitation = s.page(LOCALES[lang])
    invitation.goto(f"{s.base}/console/invite?{link.split('?', 1)[1]}")
    other = Scanner(invitation)
    other("/console/invite")
    submit_invalid(invitation, "#accept-form")
    other("/console/invite (error)")
    invitation.context.close()
    return other


@pytest.mark.req("R2.6")
@pytest.mark.req("R2.10")
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_console_page_passes_axe_core(served: Served, lang: str) -> None:
    s, c = served, served.c
    seeded = seed(c)
    ids = {**seeded.ids(), **retention_ids(c, seeded.sid)}  # before signing in: it moves the clock
    ids |= upkeep_ids(c)
    ids |= custody_ids(c)
    ids |= backup_ids(c)
    ids |= incident_ids(c)
    ids |= policy_ids(c)
    ids |= sharing_ids(c, seeded.sid)
    ids |= assessment_ids(c)
    page = s.page(LOCALES[lang])
    scan = Scanner(page)
    way_in(s, scan)
    pages = every_get_page(s, scan, ids, lang)
    other = answers(s, scan, lang, seeded.sid)

    # one form per area in its error state
    forms = {
        "/console/systems/new": "#system-form",
        "/console/purposes": "#purpose-form",
        f"/console/people/{seeded.sid}/consents/new": "#consent-form",
        "/console/exceptions": "#exception-form",
        "/console/staff": "#invite-form",
        "/console/clients": "#client-form",
        "/console/requests/new": "#new-request",
        f"/console/findings/{seeded.finding}": "#finding-assign",
        "/console/incidents/new": "#incident-form",
        "/console/vulnerabilities": "#record-form",
        "/console/policy/drafts/new": "#draft-form",
        "/console/assessments/new": "#assessment-form",
    }
    for url, form in forms.items():
        page.goto(s.base + url)
        submit_invalid(page, form)
        assert page.locator("#error-summary, [role=alert]").count() >= 1, url
        scan(f"{url} (error)")

    # the page of a session gone idle: the unlock form, nothing else
    c.clock.advance(timedelta(minutes=c.settings.session_idle_minutes + 1))
    page.goto(f"{s.base}/console")
    assert page.locator("#lock-page").count() == 1
    scan("/console (locked)")

    found = scan.found + other.found
    assert found == [], f"{len(found)} serious or critical violations:\n" + "\n".join(found)
    assert len(scan.scanned) >= len(pages) + 20
    assert s.errors == [], "\n".join(s.errors)
