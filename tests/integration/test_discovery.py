"""Discovery results become data-map findings (R2.7, R6.3), deduplicated across runs."""

from __future__ import annotations

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.policy.datamap import Approval, FindingStatus, System
from piiguard.services.policy.datamap import list_findings, save_system, update_finding
from piiguard.services.policy.discovery import Discovered, report_discoveries

EMAIL, PHONE, DOB = (
    "user.contact.email",
    "user.contact.phone_number",
    "user.demographic.date_of_birth",
)


def _erp(c: Container) -> None:
    save_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System(
            "erp",
            "ERP",
            "it",
            "erp",
            "CN",
            Approval.APPROVED,
            categories=frozenset({EMAIL}),
            locations=frozenset({"/srv/erp", "postgresql://db.local/erp"}),
        ),
    )


@pytest.mark.req("R2.7")
def test_data_where_the_map_does_not_say_it_is_held_becomes_a_finding(container: Container) -> None:
    c = container
    _erp(c)
    report = report_discoveries(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        [
            Discovered("/srv/erp/orders/2026.csv", EMAIL),  # registered: no finding
            Discovered("/srv/erp/orders/2026.csv", PHONE),  # category not registered
            Discovered("/home/sales/Desktop/customers.xlsx", EMAIL),  # nowhere registered
            Discovered("postgresql://db.local/erp/customers.email", EMAIL),
            Discovered("/srv/erpbackup/dump.sql", EMAIL),  # a prefix that is not the location
        ],
    )
    kinds = sorted((f.kind, f.source) for f in report.opened)
    assert kinds == [
        ("category_not_registered", "/srv/erp/orders/2026.csv"),
        ("unregistered_location", "/home/sales/Desktop/customers.xlsx"),
        ("unregistered_location", "/srv/erpbackup/dump.sql"),
    ]
    assert report.registered == 2
    assert all(f.status is FindingStatus.OPEN for f in report.opened)


@pytest.mark.req("R2.7")
def test_findings_are_deduplicated_across_runs_and_reopen_when_they_return(
    container: Container,
) -> None:
    c = container
    seen = [Discovered("/home/sales/export.csv", EMAIL)]
    first = report_discoveries(c.uow(), c.snapshots, c.clock, OPERATOR, seen)
    again = report_discoveries(c.uow(), c.snapshots, c.clock, OPERATOR, seen)
    assert len(first.opened) == 1 and not again.opened and again.already_known == 1
    [f] = list_findings(c.uow())
    update_finding(c.uow(), c.clock, OPERATOR, f.id, FindingStatus.FIXED)
    back = report_discoveries(c.uow(), c.snapshots, c.clock, OPERATOR, seen)
    assert [x.id for x in back.opened] == [f.id]
    assert [x.status for x in list_findings(c.uow())] == [FindingStatus.OPEN]


@pytest.mark.req("R6.3")
def test_a_childs_date_of_birth_is_a_finding_even_in_a_registered_system(
    container: Container,
) -> None:
    c = container
    save_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System(
            "crm",
            "CRM",
            "sales",
            "crm",
            "CN",
            Approval.APPROVED,
            categories=frozenset({"user"}),
            locations=frozenset({"/srv/crm"}),
        ),
    )
    report = report_discoveries(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        [
            Discovered("/srv/crm/contacts.csv", DOB, child=True),
            Discovered("/srv/crm/contacts.csv", DOB),
        ],
    )
    assert [(f.kind, f.category) for f in report.opened] == [("child_data_found", DOB)]
    assert report.registered == 1
