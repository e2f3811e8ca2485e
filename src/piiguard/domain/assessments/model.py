"""A personal-information protection impact assessment (R10.4; PIPL Art. 55–56, GB/T
39335-2020): the cases that need one, the template's questions, the risk rating, the scope it
covers and its life — drafted by an author, reviewed and approved by other privacy officers
(four eyes), withdrawn when it no longer holds, kept at least three years.

Pure: no clock reads, no I/O. The services (services/assessments/) pass the time in."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from piiguard.domain.errors import Conflict, FourEyes, InvalidInput

KEEP_YEARS = 3  # PIPL Art. 56: the report and the processing record, at least three years


class Case(StrEnum):
    """PIPL Art. 55: the processing that is assessed before it starts."""

    SENSITIVE = "sensitive"  # (1) sensitive personal information
    AUTOMATED_DECISION = "automated_decision"  # (2) automated decision-making
    ENTRUST = "entrust"  # (3) entrusting processing (to a processor)
    PROVIDE = "provide"  # (3) providing to another handler
    DISCLOSE_PUBLIC = "disclose_public"  # (3) disclosing publicly
    TRANSFER_ABROAD = "transfer_abroad"  # (4) providing abroad
    OTHER = "other"  # (5) other processing with a major impact on the person


# The cases the decision point sees by itself (categories' tier, the recipient, the system's
# region); the others are added per purpose by a privacy officer (a designation).
DESIGNATED = frozenset({Case.AUTOMATED_DECISION, Case.DISCLOSE_PUBLIC, Case.OTHER})


class Status(StrEnum):
    DRAFT = "draft"  # the author writes; nothing is covered
    SUBMITTED = "submitted"  # waiting for a reviewer
    REVIEWED = "reviewed"  # a reviewer's opinion recorded; waiting for the approver
    APPROVED = "approved"  # in force: covers its scope
    REJECTED = "rejected"  # sent back for good (a new draft starts again)
    WITHDRAWN = "withdrawn"  # no longer covers anything; kept


class Level(StrEnum):
    """GB/T 39335 5.5–5.6: the impact on the person (low … severe) and the likelihood of the
    risk (low … very high) — one scale of four, rated by the author."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    SEVERE = "severe"


_ORDER = {lvl: i for i, lvl in enumerate(Level)}


def risk_of(impact: Level, likelihood: Level) -> Level:
    """The risk the matrix of GB/T 39335 5.6 gives: the impact raised or lowered by how
    likely it is (equal steps: the mean, rounded up)."""
    return list(Level)[(_ORDER[impact] + _ORDER[likelihood] + 1) // 2]


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    en: str
    zh: str
    basis: str  # where the law or the standard asks it


QUESTIONS: tuple[Question, ...] = (
    Question(
        "purpose",
        "Is the purpose of the processing lawful, legitimate and necessary? What is it for, and "
        "why can it not be reached without this personal information?",
        "处理目的是否合法、正当、必要？用于什么，为何不处理这些个人信息就无法实现？",
        "PIPL Art. 56(1), Art. 5–6",
    ),
    Question(
        "means",
        "Are the means lawful, legitimate and necessary: which categories, how collected, how "
        "long kept, who may use them — the least the purpose needs?",
        "处理方式是否合法、正当、必要：哪些种类、如何收集、保存多久、谁可使用——是否为实现目的"
        "所需的最小范围？",
        "PIPL Art. 56(1), Art. 6, Art. 19",
    ),
    Question(
        "legal_basis",
        "On which legal basis does it rest (Art. 13)? Where consent, is a separate consent "
        "obtained where the law asks for one (sensitive data, providing to others, abroad)?",
        "处理依据哪项合法性基础（第十三条）？基于同意的，法律要求单独同意的情形（敏感个人信息、"
        "向他人提供、向境外提供）是否取得单独同意？",
        "PIPL Art. 13–14, 23, 29, 39",
    ),
    Question(
        "data_map",
        "Whose data, from which sources, through which systems and recipients, stored where — "
        "and does any of it leave the country?",
        "涉及哪些个人、来源为何、经过哪些系统和接收方、存放在何处——是否出境？",
        "GB/T 39335-2020 5.3 (data mapping)",
    ),
    Question(
        "rights_impact",
        "What is the impact on the person's rights and interests: rights restricted, "
        "discrimination, damage to reputation, body, mind or property — and how severe?",
        "对个人权益有何影响：权利受限、歧视性待遇、名誉、人身、身心健康或财产受损——程度如何？",
        "PIPL Art. 56(2); GB/T 39335-2020 5.5",
    ),
    Question(
        "security_risks",
        "What security risks are there (leak, tampering, loss, misuse, processing beyond the "
        "purpose), from which sources, and how likely are they?",
        "存在哪些安全风险（泄露、篡改、丢失、滥用、超目的处理），风险源是什么，可能性多大？",
        "PIPL Art. 56(2); GB/T 39335-2020 5.4, 5.6",
    ),
    Question(
        "measures",
        "Which protective measures are taken, and are they lawful, effective and proportionate "
        "to the risk (encryption, access control, minimisation, agreements, training, audits)?",
        "采取了哪些安全保护措施，是否合法、有效并与风险程度相适应（加密、访问控制、最小化、协议、"
        "培训、审计）？",
        "PIPL Art. 56(3), Art. 51; GB/T 39335-2020 5.8",
    ),
    Question(
        "residual_risk",
        "What risk remains after the measures, and why is it acceptable? What would make this "
        "assessment be reviewed?",
        "采取措施后仍有哪些剩余风险，为何可以接受？出现哪些情况须重新评估？",
        "GB/T 39335-2020 5.7–5.8",
    ),
)
QUESTION_KEYS = tuple(q.key for q in QUESTIONS)
MAX_ANSWER = 8000


@dataclass(frozen=True, slots=True)
class Scope:
    """What an assessment covers: the cases, the purposes, the categories (each with its
    subtree), and for a share or a transfer the recipients and systems it names."""

    cases: frozenset[Case]
    purposes: frozenset[str]
    categories: frozenset[str]
    recipients: frozenset[str] = frozenset()
    systems: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Assessment:
    id: str
    title: str
    scope: Scope
    answers: Mapping[str, str]  # question key -> the author's answer (sealed at rest)
    impact: Level
    likelihood: Level
    status: Status
    author: str  # actor ref
    created_at: datetime
    submitted_at: datetime | None = None
    reviewer: str | None = None
    reviewed_at: datetime | None = None
    review_note: str = ""  # the reviewer's opinion (sealed at rest)
    approver: str | None = None
    decided_at: datetime | None = None  # approved or rejected
    decision_note: str = ""  # the approver's note, or why rejected / withdrawn (sealed)
    withdrawn_at: datetime | None = None
    withdrawn_by: str | None = None
    review_by: date | None = None  # the next periodic review the approver set
    # at approval: a fingerprint of each purpose, recipient and system it covers
    fingerprints: Mapping[str, str] = field(default_factory=dict)

    @property
    def risk(self) -> Level:
        return risk_of(self.impact, self.likelihood)

    @property
    def in_force(self) -> bool:
        return self.status is Status.APPROVED

    def keep_until(self) -> date:
        """At least three years after it last covered anything (its approval or withdrawal;
        a draft or a rejected one: after it was written or decided)."""
        last = self.withdrawn_at or self.decided_at or self.created_at
        try:
            return last.date().replace(year=last.year + KEEP_YEARS)
        except ValueError:  # 29 February
            return last.date().replace(year=last.year + KEEP_YEARS, day=28)


def fingerprint(*parts: object) -> str:
    """A short stable digest of a register entry's facts (review-due detection)."""
    text = "\x1f".join(
        ",".join(sorted(map(str, p))) if isinstance(p, frozenset | set) else str(p) for p in parts
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def check_scope(scope: Scope) -> Scope:
    if not scope.cases:
        raise InvalidInput("name at least one case (PIPL Art. 55) it assesses", field="cases")
    if not scope.purposes:
        raise InvalidInput("name at least one purpose it covers", field="purposes")
    if not scope.categories:
        raise InvalidInput("name at least one data category it covers", field="categories")
    shares = {Case.ENTRUST, Case.PROVIDE}
    if scope.cases & shares and not scope.recipients:
        raise InvalidInput(
            "entrusting or providing data: name the recipients it covers", field="recipients"
        )
    if Case.TRANSFER_ABROAD in scope.cases and not (scope.recipients or scope.systems):
        raise InvalidInput(
            "a transfer abroad: name the recipients or systems abroad it covers", field="systems"
        )
    return scope


def check_answers(answers: Mapping[str, str], *, complete: bool) -> dict[str, str]:
    """Known questions only, each at most MAX_ANSWER characters; `complete`: every question
    answered (to submit)."""
    out: dict[str, str] = {}
    for key, text in answers.items():
        if key not in QUESTION_KEYS:
            raise InvalidInput(f"no question {key!r} in the template", field="answers")
        if len(text) > MAX_ANSWER:
            raise InvalidInput(
                f"an answer is at most {MAX_ANSWER} characters", field=f"answers.{key}"
            )
        if text.strip():
            out[key] = text.strip()
    if complete:
        for key in QUESTION_KEYS:
            if key not in out:
                raise InvalidInput(
                    f"answer the question {key!r} before submitting", field=f"answers.{key}"
                )
    return out


def check_title(title: str) -> str:
    if not title.strip() or len(title) > 200:
        raise InvalidInput("a title of 1 to 200 characters", field="title")
    return title.strip()


def expect(a: Assessment, *statuses: Status) -> None:
    if a.status not in statuses:
        raise Conflict(f"assessment {a.id} is {a.status.value}", field="status")


def not_author(a: Assessment, actor_ref: str, step: str) -> None:
    """Four eyes: whoever wrote it does not review or approve it."""
    if actor_ref == a.author:
        raise FourEyes(
            f"the author of an assessment does not {step} it (four eyes): another privacy "
            "officer does",
            field="assessment_id",
        )


def scope_keys(scope: Scope) -> Iterable[str]:
    """The register entries an assessment depends on, as fingerprint keys."""
    yield from (f"purpose:{p}" for p in sorted(scope.purposes))
    yield from (f"recipient:{r}" for r in sorted(scope.recipients))
    yield from (f"system:{s}" for s in sorted(scope.systems))
