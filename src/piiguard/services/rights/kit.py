"""What every request use case needs besides a unit of work (R4, R9): built once in
bootstrap.py and handed to the use cases of services/request*.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from piiguard.domain.ports import Clock, SecretBox, Vault
from piiguard.domain.rights.ports import InboundMail, Mailer, PackageWriter, WebhookSender
from piiguard.domain.rights.rules import RequestTerms
from piiguard.services.policy.snapshot import PolicySnapshots


@dataclass
class RequestKit:
    """What the request use cases need besides a unit of work (built in bootstrap.py)."""

    clock: Clock
    vault: Vault
    box: SecretBox
    mailer: Mailer
    webhooks: WebhookSender
    packages: PackageWriter
    policy: PolicySnapshots
    terms: RequestTerms
    public_url: str  # where the privacy centre is reached, for links in mails
    company: str
    officer_mail: str  # escalations go here as well as to every privacy officer
    parse_mail: Callable[[bytes, Sequence[str]], InboundMail]  # the inbound mail decoder
