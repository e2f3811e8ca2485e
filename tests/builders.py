"""Test-data builders: short calls for subjects and items with sensible provenance."""

from __future__ import annotations

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor
from piiguard.domain.subjects import Channel, LegalBasis
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
) -> ItemInput:
    return ItemInput(category, value, channel, basis, source, held_in=held_in)


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
