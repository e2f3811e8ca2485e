"""`piiguard recipient …`, `agreement …` and `share …` in process on both databases (R3.1,
R3.2, R3.6, R7.1): the README's walk-through — a share to a group company abroad refused
(no agreement, no consent), then, with the agreement, the profile and the person's consent
naming the recipient, allowed and minimised; a refusal names the field and writes nothing;
no value is printed, only ids, keys and reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.services.sharing import register as reg
from tests.assessed import approve_assessment_for
from tests.builders import contact, register
from tests.e2e.cli_runner import piiguard

pytestmark = [pytest.mark.req("R3.6")]
SECOND = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))


def ok(settings: Settings, *args: str) -> str:
    r = piiguard(settings, *args)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout + r.stderr


@pytest.mark.req("R3.1")
@pytest.mark.req("R3.2")
@pytest.mark.req("R7.1")
def test_a_share_abroad_refused_then_allowed_and_minimised(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    sid = register(container, *contact("li.lei@example.cn", "13812345678", "李雷")).subject.id
    bad = piiguard(
        settings,
        "recipient", "add", "acme-de", "--kind", "group_company", "--legal-name", "Acme GmbH",
        "--country", "Germany", "--law", "GDPR", "--contact", "dpo@acme.example",
    )  # fmt: skip
    assert bad.returncode == 1 and "(country)" in bad.stderr
    assert "No recipients yet" in ok(settings, "recipient", "list")
    ok(
        settings,
        "recipient", "add", "acme-de", "--kind", "group_company", "--legal-name", "Acme GmbH",
        "--country", "DE", "--law", "GDPR", "--contact", "dpo@acme.example",
        "--system", "acme-crm",
    )  # fmt: skip
    key = piiguard(settings, "recipient", "key", "acme-de").stdout.strip()
    assert key.startswith("pgk_")
    refused = ok(settings, "share", "send", "acme-de", "after_sales", "--subject", sid)
    assert "denied" in refused and "no_agreement_in_force" in refused
    assert "share_abroad_without_consent" in refused and "share refused" in refused
    doc = tmp_path / "agreement.pdf"
    doc.write_bytes(b"%PDF signed intra-group agreement")
    agreement = ok(
        settings,
        "agreement", "add", "acme-de", "--kind", "intra_group", "--title", "IGA 2026",
        "--party", "Our Co Ltd", "--party", "Acme GmbH", "--purpose", "after_sales",
        "--category", "user.contact", "--category", "user.name", "--document", str(doc),
        "--kept-at", "DMS 2026-017", "--valid-from", "2020-01-01",
    )  # fmt: skip
    assert "document sha256" in agreement and "another privacy officer approves" in agreement
    agreement_id = next(w for w in agreement.split() if len(w) == 36 and w.count("-") == 4)
    # four eyes: whoever recorded it does not approve it, and a proposed one covers nothing
    same = piiguard(settings, "agreement", "approve", agreement_id)
    assert same.returncode == 1 and "four eyes" in same.stderr
    assert "proposed" in ok(settings, "agreement", "list")
    reg.approve_agreement(container.uow(), container.clock, SECOND, agreement_id)
    assert "proposed" not in ok(settings, "agreement", "list")
    ok(
        settings, "recipient", "profile", "acme-de", "after_sales",
        "user.contact.email=masked", "user.name=whole",
    )  # fmt: skip
    text = tmp_path / "consent.txt"
    text.write_text("Acme GmbH in Germany receives my contact data.", "utf-8")
    ok(
        settings, "consent", "grant", sid, "after_sales", "--channel", "web",
        "--text-file", str(text), "--kind", "transfer_abroad", "--recipient", "acme-de",
    )  # fmt: skip
    approve_assessment_for(container, purposes={"after_sales"}, recipients={"acme-de"})  # R10.4
    allowed = ok(settings, "share", "send", "acme-de", "after_sales", "--subject", sid)
    assert "partly_allowed" in allowed and "category_outside_profile" in allowed
    assert "minimised" in allowed and "share ready: 1 of 1" in allowed
    log = ok(settings, "share", "log", "--subject", sid)
    assert "acme-de" in log and "masked" in log
    shown = ok(settings, "recipient", "show", "acme-de")
    assert "dpo@acme.example" not in shown  # a contact may name a person: off the terminal
    assert "intra_group" in shown and "active" in shown and "own API key: yes" in shown
    listed = ok(settings, "share", "list")
    assert "refused" in listed and "ready" in listed
    for printed in (refused, allowed, log, shown, listed):
        assert "li.lei@example.cn" not in printed and "13812345678" not in printed
        assert "李雷" not in printed
