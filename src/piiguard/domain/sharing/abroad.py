"""Transfers abroad counted per calendar year (R7.1): the legal mechanism the year's count
requires, and the decision point's rule that refuses a transfer abroad when the recipient's
agreements lack it. Pure: no I/O.

The source: 促进和规范数据跨境流动规定 (Provisions on Promoting and Regulating Cross-Border
Data Flows, CAC, 22 March 2024, in force that day), for a handler that is not a critical
information infrastructure operator (CIIO), counting from 1 January of the current year:

- art. 5(4): fewer than 100,000 people's personal information (no sensitive personal
  information) — exempt from the assessment, the standard contract and certification;
- art. 8: 100,000 or more but fewer than 1,000,000 people's personal information (no
  sensitive), or fewer than 10,000 people's sensitive personal information — the standard
  contract (filed with the provincial CAC) or certification;
- art. 7(2): 1,000,000 or more people's personal information (no sensitive), or 10,000
  or more people's sensitive personal information — the CAC security assessment;
- art. 7(1): a CIIO — the security assessment for any personal information.

"以上" in Chinese law includes the figure itself (Civil Code art. 1259): 100,000 people is
already the standard contract's band, 1,000,000 people and 10,000 sensitive already the
assessment's. The year is the company's calendar year in its time zone (Asia/Shanghai):
1 January 00:00 China time is 31 December 16:00 UTC."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from piiguard.domain.decisions import Verdict, reason
from piiguard.domain.sharing.exemption import exemption_for
from piiguard.domain.sharing.register import AgreementKind, RecipientKind, RecipientStatus

if TYPE_CHECKING:
    from piiguard.domain.access import AccessRequest, PolicyState, SubjectState

COMPANY_TZ = ZoneInfo("Asia/Shanghai")
PEOPLE_CONTRACT_FROM = 100_000  # art. 5(4) below it, art. 8 from it
PEOPLE_ASSESSMENT_FROM = 1_000_000  # art. 7(2)
SENSITIVE_ASSESSMENT_FROM = 10_000  # art. 7(2); 1 to 9,999 sensitive: art. 8
WARN_AT = 0.8  # the console warns at 80 % of the next threshold


class Mechanism(IntEnum):
    """What the count requires, weakest first (a stronger one satisfies a weaker)."""

    NONE = 0  # exempt (art. 5(4))
    CONTRACT = 1  # standard contract (filed) or certification (art. 8)
    ASSESSMENT = 2  # CAC security assessment (art. 7)

    @property
    def code(self) -> str:
        return ("exempt", "standard_contract_or_certification", "security_assessment")[self]


# which agreement kinds satisfy which level
SATISFIES: dict[AgreementKind, Mechanism] = {
    AgreementKind.STANDARD_CONTRACT: Mechanism.CONTRACT,
    AgreementKind.CERTIFICATION: Mechanism.CONTRACT,
    AgreementKind.SECURITY_ASSESSMENT: Mechanism.ASSESSMENT,
}


@dataclass(frozen=True, slots=True)
class TransferTally:
    """Distinct people whose personal data went abroad in one calendar year, and among
    them those whose sensitive personal data did (a person counts once a year)."""

    year: int
    people: int
    sensitive: int


def required(tally: TransferTally, ciio: bool = False) -> Mechanism:
    if ciio:
        return Mechanism.ASSESSMENT
    if tally.people >= PEOPLE_ASSESSMENT_FROM or tally.sensitive >= SENSITIVE_ASSESSMENT_FROM:
        return Mechanism.ASSESSMENT
    if tally.people >= PEOPLE_CONTRACT_FROM or tally.sensitive > 0:
        return Mechanism.CONTRACT
    return Mechanism.NONE


def strongest(kinds: Iterable[AgreementKind]) -> Mechanism:
    return max((SATISFIES.get(k, Mechanism.NONE) for k in kinds), default=Mechanism.NONE)


def company_year(at: datetime) -> int:
    return at.astimezone(COMPANY_TZ).year


def year_start(year: int) -> datetime:
    """1 January 00:00 in the company's time zone, in UTC."""
    return datetime(year, 1, 1, tzinfo=COMPANY_TZ).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Nearness:
    """How near one threshold the count is."""

    key: str  # people_contract, people_assessment, sensitive_assessment
    count: int
    threshold: int
    article: str

    @property
    def share(self) -> float:
        return self.count / self.threshold

    @property
    def reached(self) -> bool:
        return self.count >= self.threshold

    @property
    def warn(self) -> bool:
        return not self.reached and self.share >= WARN_AT


def nearness(tally: TransferTally) -> list[Nearness]:
    return [
        Nearness("people_contract", tally.people, PEOPLE_CONTRACT_FROM, "art. 8"),
        Nearness("people_assessment", tally.people, PEOPLE_ASSESSMENT_FROM, "art. 7(2)"),
        Nearness("sensitive_assessment", tally.sensitive, SENSITIVE_ASSESSMENT_FROM, "art. 7(2)"),
    ]


_NAMES = {
    Mechanism.CONTRACT: ("a filed standard contract or a certification", "已备案的标准合同或认证"),
    Mechanism.ASSESSMENT: ("the CAC security assessment", "国家网信部门的数据出境安全评估"),
}


def mechanism_for_count(
    req: AccessRequest, pol: PolicyState, sub: SubjectState
) -> Iterable[Verdict]:
    """A transfer abroad only with the legal mechanism the year's count requires — counted
    as it stands after this share (`req.abroad_tally`) — in force for the recipient. A
    share abroad whose count nobody supplied is refused: the mechanism cannot be known."""
    if req.recipient is None:
        return
    r = pol.recipients.get(req.recipient)
    if (
        r is None
        or r.status is not RecipientStatus.ACTIVE
        or r.kind is RecipientKind.AUTHORITY
        or not r.abroad(pol.home_region)
    ):
        return
    if exemption_for(pol, r.key, req.purpose, req.at) is not None:
        return  # a recorded exemption case (art. 5(1)–(3)): no mechanism, not counted
    tally = req.abroad_tally
    if tally is None:
        yield Verdict(
            reason(
                "transfer_count_unknown",
                f"{r.legal_name} is abroad and this year's count of people whose data went "
                "abroad was not supplied: the legal mechanism it requires cannot be checked.",
                f"{r.legal_name}位于境外，未提供本年度累计出境人数，无法核对所需的出境机制。",
            ),
            req.categories,
        )
        return
    need = required(tally, pol.ciio)
    kinds = (a.kind for a in pol.agreements.get(r.key, ()) if a.in_force(req.at))
    if need is Mechanism.NONE or strongest(kinds) >= need:
        return
    en, zh = _NAMES[need]
    why_en = (
        "the company is a critical information infrastructure operator"
        if pol.ciio
        else f"in {tally.year} {tally.people:,} people's data went abroad, "
        f"{tally.sensitive:,} with sensitive data, counting this share"
    )
    why_zh = (
        "本公司为关键信息基础设施运营者"
        if pol.ciio
        else f"{tally.year}年累计向境外提供{tally.people}人个人信息、"
        f"其中{tally.sensitive}人敏感个人信息（含本次）"
    )
    yield Verdict(
        reason(
            "transfer_mechanism_missing",
            f"A transfer abroad to {r.legal_name} needs {en} in force ({why_en}; "
            "Provisions on Cross-Border Data Flows 2024, art. 7–8); its agreements have none.",
            f"向{r.legal_name}出境须具备有效的{zh}（{why_zh}；《促进和规范数据跨境流动规定》"
            "第七条、第八条），其协议中没有。",
        ),
        req.categories,
    )


ABROAD_REASONS: dict[str, tuple[str, ...]] = {
    "mechanism_for_count": ("transfer_count_unknown", "transfer_mechanism_missing"),
}
