"""Recorded exemption cases for transfers abroad (R7.1): art. 5(1)–(3) of the Provisions on
Promoting and Regulating Cross-Border Data Flows (促进和规范数据跨境流动规定, CAC, 22 March
2024). Pure: no clock reads, no I/O.

Art. 5 frees a transfer of personal information abroad from the security assessment, the
standard contract and certification when it is one of:

- (1) necessary to conclude or perform a contract to which the person is a party — e.g.
  cross-border shopping, delivery, remittance, payment, account opening, flight and hotel
  booking, visa applications, examination services;
- (2) necessary for cross-border human-resources management under labour rules drawn up
  and collective contracts signed according to law;
- (3) necessary in an emergency to protect a natural person's life, health or property.

Arts. 7 and 8 (the assessment's and the contract's thresholds) defer to art. 5 ("属于本规定
第三条、第四条、第五条、第六条规定情形的，从其规定"), so personal information provided under art.
5(1)–(3) is not counted toward the thresholds of the cumulative count (the CAC's application
guide for the assessment, 2nd edition, March 2024, says so for the count).

piiguard does not guess that a transfer is "necessary": an exemption is a **recorded case**
— the basis and provision, its scope (one recipient, one purpose, the case described),
valid from/until — recorded by one privacy officer and **approved by another** (four eyes).
Approved and in force, it lets a share to that recipient for that purpose go abroad
without the mechanism the count requires (`mechanism_for_count` asks nothing), the decision
says so (reason `transfer_exemption`, obligation `exemption:<id>`), and the people it
carried are counted apart, not toward the thresholds. It frees nothing else: the person's
separate consent (PIPL Art. 39), the notice, the agreement and the profile still apply."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from piiguard.domain.decisions import Reason, reason
from piiguard.domain.errors import InvalidInput

if TYPE_CHECKING:
    from piiguard.domain.access import AccessRequest, PolicyState

CODE = "transfer_exemption"
OBLIGATION = "exemption"


class ExemptionBasis(StrEnum):
    CONTRACT = "contract"  # art. 5(1): a contract the person is party to
    HR = "hr"  # art. 5(2): cross-border HR management under lawful rules
    EMERGENCY = "emergency"  # art. 5(3): to protect life, health or property

    @property
    def provision(self) -> str:
        return PROVISIONS[self]


PROVISIONS: Mapping[ExemptionBasis, str] = {
    ExemptionBasis.CONTRACT: "art. 5(1)",
    ExemptionBasis.HR: "art. 5(2)",
    ExemptionBasis.EMERGENCY: "art. 5(3)",
}
WORDS: Mapping[ExemptionBasis, tuple[str, str]] = {  # (en, zh)
    ExemptionBasis.CONTRACT: (
        "necessary to conclude or perform a contract the person is party to",
        "为订立、履行个人作为一方当事人的合同所必需",
    ),
    ExemptionBasis.HR: (
        "necessary for cross-border HR management under lawful labour rules",
        "按照依法制定的劳动规章制度和依法签订的集体合同实施跨境人力资源管理所必需",
    ),
    ExemptionBasis.EMERGENCY: (
        "necessary in an emergency to protect a person's life, health or property",
        "紧急情况下为保护自然人的生命健康和财产安全所必需",
    ),
}


class ExemptionStatus(StrEnum):
    PROPOSED = "proposed"  # recorded, waiting for a second officer
    APPROVED = "approved"  # in force from valid_from until valid_until
    REFUSED = "refused"  # the second officer said no
    WITHDRAWN = "withdrawn"  # ended early


@dataclass(frozen=True, slots=True)
class Exemption:
    id: str
    basis: ExemptionBasis
    recipient: str  # register key
    purpose: str
    scope: str  # the case, described (what is sent, why it is necessary) — no personal data
    valid_from: datetime
    valid_until: datetime | None
    status: ExemptionStatus
    recorded_by: str
    recorded_at: datetime
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    ended_by: str | None = None
    ended_at: datetime | None = None

    @property
    def provision(self) -> str:
        return self.basis.provision

    def in_force(self, at: datetime) -> bool:
        return (
            self.status is ExemptionStatus.APPROVED
            and self.valid_from <= at
            and (self.valid_until is None or at < self.valid_until)
        )


def check_exemption(e: Exemption) -> Exemption:
    if not 10 <= len(e.scope.strip()) <= 2000:
        raise InvalidInput(
            "describe the case in 10 to 2,000 characters: what goes abroad and why it is "
            "necessary (no personal data)",
            field="scope",
        )
    if e.valid_until is not None and e.valid_until <= e.valid_from:
        raise InvalidInput("valid_until comes after valid_from", field="valid_until")
    return e


def exemption_for(pol: PolicyState, recipient: str, purpose: str, at: datetime) -> Exemption | None:
    """An approved exemption in force for this recipient and purpose."""
    for e in pol.exemptions.get((recipient, purpose), ()):
        if e.in_force(at):
            return e
    return None


def exempted(req: AccessRequest, pol: PolicyState, reasons: list[Reason]) -> list[str]:
    """A share abroad under a recorded exemption in force: the reason saying so and its
    obligation `exemption:<id>` (the share counts its people apart)."""
    r = pol.recipients.get(req.recipient or "")
    if r is None or not r.abroad(pol.home_region):
        return []
    e = exemption_for(pol, r.key, req.purpose, req.at)
    if e is None:
        return []
    en, zh = WORDS[e.basis]
    reasons.append(
        reason(
            CODE,
            f"Transferred abroad under recorded exemption {e.id} (Provisions on Cross-Border "
            f"Data Flows 2024, {e.provision}: {en}): no assessment, standard contract or "
            "certification is needed, and the person is not counted toward the thresholds.",
            f"依据已登记的豁免情形 {e.id}（《促进和规范数据跨境流动规定》第五条：{zh}）向境外提供，"
            "免予安全评估、标准合同和认证，且不计入累计人数。",
        )
    )
    return [f"{OBLIGATION}:{e.id}"]


def exemption_of(obligations: tuple[str, ...]) -> str | None:
    """The exemption a decision used (its obligation), if any."""
    for o in obligations:
        kind, _, rest = o.partition(":")
        if kind == OBLIGATION:
            return rest
    return None
