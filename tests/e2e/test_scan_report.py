"""`piiguard scan --report` (R2.7, R6.3): what the scanner finds where the data map does not
register it becomes findings, deduplicated across runs; a child's date of birth too."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.config import Settings
from piiguard.domain.policy.datamap import Approval, System
from piiguard.services.policy.datamap import list_findings, save_system
from tests.e2e.test_cli import piiguard


@pytest.mark.req("R2.7")
@pytest.mark.req("R6.3")
def test_scan_report_turns_findings_into_data_map_findings(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    root = tmp_path / "data"  # beside var/, whose private signing key the scan would find
    erp, home = root / "srv" / "erp", root / "home"
    erp.mkdir(parents=True)
    home.mkdir()
    (erp / "orders.txt").write_text("联系人 李雷先生 email li.lei@example.cn\n", "utf-8")
    (home / "kids.txt").write_text("出生日期: 2019-05-01\nDOB: 1980-01-02\n", "utf-8")
    save_system(
        container.uow(),
        container.snapshots,
        container.clock,
        OPERATOR,
        System(
            "erp",
            "ERP",
            "it",
            "erp",
            "CN",
            Approval.APPROVED,
            categories=frozenset({"user.contact.email", "user.name"}),
            locations=frozenset({str(erp.resolve())}),
        ),
    )

    first = piiguard(settings, "scan", "--report", "--format", "jsonl", str(root))
    assert first.returncode == 1, first.stderr  # personal data found
    assert "2019-05-01" not in first.stdout + first.stderr  # values stay masked
    found = {(f.kind, Path(f.source).name, f.category) for f in list_findings(container.uow())}
    assert found == {
        ("unregistered_location", "kids.txt", "user.demographic.date_of_birth"),
        ("child_data_found", "kids.txt", "user.demographic.date_of_birth"),
    }
    assert "2 new finding(s)" in first.stderr and "registers it" in first.stderr

    again = piiguard(settings, "scan", "--report", str(root))
    assert "0 new finding(s), 2 already known" in again.stderr, again.stderr
    assert len(list_findings(container.uow())) == 2


@pytest.mark.req("R2.7")
@pytest.mark.parametrize("backend", ["sqlite"])
def test_scan_without_report_writes_nothing_to_the_data_map(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("email li.lei@example.cn\n", "utf-8")
    r = piiguard(settings, "scan", str(tmp_path))
    assert r.returncode == 1
    assert list_findings(container.uow()) == []
