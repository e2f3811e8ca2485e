"""`piiguard policy ...` in process on both backends (R8.1): a version proposed from two
text files, refused to its own proposer when material (four eyes: a staff officer proposes,
the operator publishes), a refusal naming the field and writing nothing, the versions and
the diff, the notices per person without an address, and releasing one that is not
releasable refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.bootstrap import OPERATOR, Container, policy_text
from piiguard.config import Settings
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.services.policy import versions as pv
from tests.builders import item, register
from tests.e2e.cli_runner import piiguard

pytestmark = [pytest.mark.req("R8.1")]
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))


def ok(settings: Settings, *args: str) -> str:
    r = piiguard(settings, *args)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def test_versions_from_the_command_line(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    c = container
    pv.ensure_first_policy(c.uow(), c.clock, OPERATOR, policy_text())
    sid = register(c, item("user.contact.email", "zhang@example.cn")).subject.id
    en, zh = tmp_path / "en.txt", tmp_path / "zh.txt"
    en.write_text(policy_text().replace("Send important notices to you.", "Send notices."))
    zh.write_text("隐私政策\n一、引言\n正文。\n", "utf-8")
    today = c.clock.now().date().isoformat()
    common = ["--text-en", str(en), "--text-zh", str(zh), "--summary-en", "Shorter.",
              "--summary-zh", "更短。"]  # fmt: skip
    bad = piiguard(settings, "policy", "propose", *common, "--effective", today, "--material")
    assert bad.returncode == 1 and "(changes)" in bad.stderr
    assert "no drafts" in ok(settings, "policy", "drafts")
    # a material change proposed by a staff officer, published by the operator
    d = pv.propose_version(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        pv.DraftInput(
            en.read_text(), zh.read_text("utf-8"), c.clock.now().date(), "Shorter.", "更短。",
            True, ("purposes",), ("important_notices",),
        ),
    )  # fmt: skip
    out = ok(settings, "policy", "publish", d.id)
    assert "version 2 published; 1 notice(s) queued" in out
    # the operator's own material draft is refused to the operator
    own = ok(settings, "policy", "propose", *common, "--effective", today, "--material",
             "--change", "recipients")  # fmt: skip
    refused = piiguard(settings, "policy", "publish", own.strip())
    assert refused.returncode == 1 and "forbidden (draft_id)" in refused.stderr
    assert "four eyes" in refused.stderr
    typo = ok(settings, "policy", "propose", *common, "--effective", today).strip()
    assert "version 3 published; 0 notice(s)" in ok(settings, "policy", "publish", typo)
    listed = ok(settings, "policy", "versions")
    assert "purposes" in listed and "0/1" in listed
    diff = ok(settings, "policy", "show", "2", "--diff")
    assert "+   • Send notices." in diff and "-   • Send important notices to you." in diff
    assert "正文。" in ok(settings, "policy", "show", "2", "--lang", "zh")
    notices = ok(settings, "policy", "notices", "2")
    assert sid in notices and "pending" in notices and "zhang@" not in notices
    nope = piiguard(settings, "policy", "notices-release", "2", sid)
    assert nope.returncode == 1 and "(subject_ids)" in nope.stderr
    assert "rejected" in ok(settings, "policy", "reject", own.strip(), "--reason", "not now")
