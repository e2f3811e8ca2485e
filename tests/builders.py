"""Test-data builders: short calls for subjects and items with sensible provenance, and a
group company abroad bound by an approved agreement (the sharing register)."""

from __future__ import annotations

from datetime import timedelta

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.sharing.register import AgreementKind, RecipientKind
from piiguard.domain.subjects import Channel, LegalBasis
from piiguard.services.sharing import register as reg
from piiguard.services.subjects.register import (
    ItemInput,
    Registered,
    SubjectInput,
    register_subjects,
)


def item(
    category: str,
    value: str,
    *,
    channel: Channel = Channel.WEB,
    basis: LegalBasis = LegalBasis.CONTRACT,
    source: str = "crm",
    held_in: str | None = None,
    purposes: tuple[str, ...] | None = None,
) -> ItemInput:
    return ItemInput(category, value, channel, basis, source, held_in=held_in, purposes=purposes)


def contact(
    email: str = "li.lei@example.cn", phone: str = "13812345678", name: str = "李雷"
) -> list[ItemInput]:
    return [
        item("user.contact.email", email),
        item("user.contact.phone_number", phone),
        item("user.name", name),
    ]


def register(
    c: Container, *items: ItemInput, kind: str = "customer_contact", actor: Actor = OPERATOR
) -> Registered:
    [r] = register_subjects(
        c.uow(),
        c.vault,
        c.clock,
        actor,
        c.state,
        [SubjectInput(kind, list(items) or contact())],
        default_system=c.settings.default_system,
    )
    return r


SECOND_OFFICER = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))


def group_company_abroad(c: Container, days: int, by: Actor = OPERATOR) -> str:
    """Acme Service GmbH (DE), a group company, bound for after-sales by an intra-group
    agreement in force from yesterday for `days` days, approved by a second officer (R3.6).
    Returns the agreement's id."""
    day = timedelta(days=1)
    now = c.clock.now()
    reg.save_recipient(
        c.uow(),
        c.clock,
        by,
        reg.RecipientInput(
            "acme-de",
            RecipientKind.GROUP_COMPANY,
            "Acme Service GmbH",
            "DE",
            "GDPR",
            "dpo@acme.example",
            frozenset({"acme-crm"}),
        ),
    )
    a = reg.record_agreement(
        c.uow(),
        c.snapshots,
        c.clock,
        by,
        reg.AgreementInput(
            recipient="acme-de",
            kind=AgreementKind.INTRA_GROUP,
            title="Intra-group agreement 2026",
            parties=("Our Co Ltd", "Acme Service GmbH"),
            purposes=frozenset({"after_sales"}),
            categories=frozenset({"user.contact"}),
            valid_from=now - day,
            valid_until=now + days * day,
            document_sha256="ab" * 32,
            document_location="DMS contract 2026-017",
        ),
    )
    reg.approve_agreement(c.uow(), c.clock, SECOND_OFFICER, a.id)
    return a.id
