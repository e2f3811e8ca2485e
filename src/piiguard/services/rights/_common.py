"""What the rights-request use cases share: a request's timeline entry, loading a request,
the person's sealed details and the staff's sealed notes, the contact as given, and the
recorded decision that lets a verified request's own data back out.

Public names for the modules of services/rights/ only; other packages call the use cases.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from piiguard.domain.access import RIGHTS_PURPOSE
from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Action, Actor, ActorKind
from piiguard.domain.errors import Conflict, InvalidInput, NotFound
from piiguard.domain.normalize import normalize
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.rules import ContactKind, RequestDetails, RightsRequest
from piiguard.domain.taxonomy import Lookup
from piiguard.services.decisions import Decided, DecisionRequest, decide_many
from piiguard.services.rights.kit import RequestKit

# staff who may be assigned a request and handle it
HANDLER_ROLES = frozenset({"staff", "privacy_officer"})
# piiguard answering the person: the decisions it records name this actor and the request
RIGHTS_ACTOR = Actor("rights-requests", ActorKind.SYSTEM, frozenset({"system"}))


def event(
    req: RightsRequest, actor: Actor | str, action: str, **details: DetailValue
) -> AuditEvent:
    """An entry on the request's timeline; the subject is named only once verified."""
    kind, ident = (
        (actor.kind.value, actor.id)
        if isinstance(actor, Actor)
        else actor.split(":", 1)
        if ":" in actor
        else ("system", actor)
    )
    subject = req.subject_id if req.verified_at is not None and req.subject_id else ""
    return AuditEvent(
        f"request.{action}",
        kind,
        ident,
        "request",
        req.id,
        subject,
        details={"kind": req.kind.value, "status": req.status.value, **details},
    )


def get_request(
    uow: UnitOfWork, request_id: str, *, lock: bool = False
) -> tuple[RightsRequest, str]:
    """The request and its sealed details; NotFound naming request_id."""
    found = uow.requests.get(request_id, lock=lock)
    if found is None:
        raise NotFound(f"no request {request_id}", field="request_id")
    return found


def parse_contact(value: str) -> tuple[str, ContactKind]:
    """The contact a request came from, normalised: an email address or a phone number."""
    value = value.strip()
    if "@" in value:
        email = normalize(Lookup.EMAIL, value)
        local, _, domain = email.partition("@")
        if not local or "." not in domain or len(email) > 254 or " " in email:
            raise InvalidInput(
                "contact must be an email address or a phone number", field="contact"
            )
        return email, ContactKind.EMAIL
    phone = normalize(Lookup.PHONE, value)
    if not 7 <= len(phone.lstrip("+")) <= 15 or not phone.lstrip("+").isdigit():
        raise InvalidInput("contact must be an email address or a phone number", field="contact")
    return phone, ContactKind.PHONE


# --- sealing the person's details ---------------------------------------------------------


def seal_details(kit: RequestKit, request_id: str, d: RequestDetails) -> str:
    body = asdict(d)
    body["contact_kind"] = d.contact_kind.value
    body["changes"] = dict(d.changes)
    return kit.box.seal(json.dumps(body, ensure_ascii=False).encode(), f"request:{request_id}")


def open_details(kit: RequestKit, request_id: str, sealed: str) -> RequestDetails:
    raw = json.loads(kit.box.open(sealed, f"request:{request_id}"))
    return RequestDetails(
        raw["contact"],
        ContactKind(raw["contact_kind"]),
        raw["name"],
        raw["text"],
        tuple(raw["concerns"]),
        tuple(raw["purposes"]),
        dict(raw["changes"]),
    )


def seal_note(kit: RequestKit, request_id: str, text: str) -> str:
    """A note staff wrote on a request (a reason, a verification method, a document) as it
    goes into the audit trail: sealed, since free text may name a person; the request's
    view opens it for the staff handling it, an auditor sees that a note was made."""
    return kit.box.seal(text.encode(), f"request-note:{request_id}")


def open_note(kit: RequestKit, request_id: str, sealed: str) -> str:
    return kit.box.open(sealed, f"request-note:{request_id}").decode()


# --- deciding for a request --------------------------------------------------------------


def subject_of(req: RightsRequest) -> str:
    if req.subject_id is None:
        raise Conflict(f"request {req.id} concerns no subject we hold", field="subject_id")
    return req.subject_id


def decide_for_request(
    uow: UnitOfWork, kit: RequestKit, req: RightsRequest, categories: frozenset[str] | None
) -> Decided:
    """The recorded decision that lets a verified request's own data back out (purpose
    legal_compliance, naming the request: domain/access.py lifts the person's own
    restrictions for it), with the items it allows, still sealed."""
    [d] = decide_many(
        uow,
        kit.policy,
        kit.clock,
        [
            DecisionRequest(
                RIGHTS_ACTOR,
                subject_of(req),
                RIGHTS_PURPOSE,
                categories,
                Action.EXPORT,
                reveal=True,
                rights_request_id=req.id,
            )
        ],
        atomic=True,
    )
    if not isinstance(d, Decided):
        raise d
    return d
