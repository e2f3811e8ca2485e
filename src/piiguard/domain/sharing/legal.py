"""The legal-request register (R3.5, R2.5): an authority's demand for personal data, kept
from receipt to close. Pure: no clock reads, no I/O.

A request names the authority (a recipient of kind `authority`), the legal basis (one of
R2.5's exception kinds) and the provision invoked, the case reference, what is demanded —
the subjects (ids), the categories and the purpose, plus a free-text description sealed at
rest (it may name people) — and the deadline. Whoever records it cannot approve it (four
eyes); a privacy officer approves or refuses it. Approved, it is *in force*: the decision
point lets a share to that authority through (`LegalDemand`, `PolicyState.legal_requests`)
— for the demanded subjects, purpose and categories only. The disclosure made is a share
through the decision point (`share_id`), logged like any other. Whether the person may be
told, and from when the law lets us (`tell_from`): from then on the request is on the
console's front page until an officer records that the person was told."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piiguard.domain.errors import InvalidInput, at_most
from piiguard.domain.policy.legal_exceptions import ExceptionKind


class LegalRequestStatus(StrEnum):
    RECEIVED = "received"  # recorded, awaiting an officer's review
    APPROVED = "approved"  # reviewed and approved: in force, data may go out
    REFUSED = "refused"  # reviewed and refused: nothing goes out
    DISCLOSED = "disclosed"  # the minimised disclosure was made (still in force until closed)
    CLOSED = "closed"  # done; nothing more goes out

    @property
    def in_force(self) -> bool:
        return self in IN_FORCE


IN_FORCE = (LegalRequestStatus.APPROVED, LegalRequestStatus.DISCLOSED)

# the steps an officer may take from each status
_S = LegalRequestStatus
NEXT: dict[LegalRequestStatus, frozenset[LegalRequestStatus]] = {
    _S.RECEIVED: frozenset({_S.APPROVED, _S.REFUSED}),
    _S.APPROVED: frozenset({_S.DISCLOSED, _S.CLOSED}),
    _S.REFUSED: frozenset({_S.CLOSED}),
    _S.DISCLOSED: frozenset({_S.DISCLOSED, _S.CLOSED}),
    _S.CLOSED: frozenset(),
}


@dataclass(frozen=True, slots=True)
class LegalDemand:
    """What an approved legal request in force lets the decision point send: to this
    authority, for this purpose, these subjects' data in these categories (each with its
    subtree) — never more."""

    authority: str
    purpose: str
    subjects: frozenset[str]
    categories: frozenset[str]

    def covers(self, category: str) -> bool:
        return any(category == c or category.startswith(c + ".") for c in self.categories)


@dataclass(frozen=True, slots=True)
class LegalRequest:
    id: str
    authority: str  # recipient key, kind authority
    basis: ExceptionKind  # the R2.5 circumstance the authority invokes
    provision: str  # the legal provision, e.g. "Criminal Procedure Law Art. 54"
    case_reference: str
    purpose: str
    subjects: frozenset[str]  # subject ids
    categories: frozenset[str]
    demand_sealed: str  # what is demanded, in the authority's words: SecretBox-sealed
    deadline: datetime
    may_tell: bool  # whether the law lets us tell the person at all
    tell_from: datetime | None  # from when (None with may_tell: at once)
    status: LegalRequestStatus
    received_by: str
    received_at: datetime
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    review_note: str = ""
    share_id: str | None = None  # the disclosure made (a share through the decision point)
    disclosed_at: datetime | None = None
    told_by: str | None = None
    told_at: datetime | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None

    def demand(self) -> LegalDemand:
        return LegalDemand(self.authority, self.purpose, self.subjects, self.categories)

    def overdue(self, at: datetime) -> bool:
        """Not yet answered (approved or refused) and past its deadline."""
        return self.status is LegalRequestStatus.RECEIVED and at >= self.deadline

    def to_tell(self, at: datetime) -> bool:
        """The law lets us tell the person now, data went out, and nobody has told them."""
        return (
            self.may_tell
            and self.told_at is None
            and self.disclosed_at is not None
            and (self.tell_from is None or self.tell_from <= at)
        )


MAX_SUBJECTS = 1000


def check_legal_request(r: LegalRequest) -> LegalRequest:
    if not r.provision.strip():
        raise InvalidInput(
            "name the legal provision the authority invokes, e.g. 'Criminal Procedure Law Art. 54'",
            field="provision",
        )
    if not r.case_reference.strip():
        raise InvalidInput("record the authority's case reference", field="case_reference")
    at_most(r.provision, 500, "provision")  # the API's limits, for the console and CLI too
    at_most(r.case_reference, 200, "case_reference")
    if not r.subjects:
        raise InvalidInput("name the subjects the authority demands", field="subject_ids")
    if len(r.subjects) > MAX_SUBJECTS:
        raise InvalidInput(f"at most {MAX_SUBJECTS} subjects a request", field="subject_ids")
    if not r.categories:
        raise InvalidInput("name the data categories the authority demands", field="categories")
    if r.deadline <= r.received_at:
        raise InvalidInput("the deadline comes after the request was received", field="deadline")
    if not r.may_tell and r.tell_from is not None:
        raise InvalidInput(
            "a date to tell the person from needs may_tell (the law lets us tell them)",
            field="tell_from",
        )
    return r
