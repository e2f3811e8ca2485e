"""A correction given on the confirmation page (R2.8) carried out as a rights correction
(R4.1): the person proved control of the address we hold with the confirmation's one-time
code, so a correction request is recorded verified (channel web, the method naming the
confirmation request) and carried out at once by fulfilment — new values sealed, old and
new as keyed hashes on the trail, every system holding the categories told, the reply
mailed. The confirmation request records the items as corrected by that request."""

from __future__ import annotations

from piiguard.domain.errors import Conflict, InvalidInput
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.rules import (
    ContactKind,
    RequestChannel,
    RequestDetails,
    RequestKind,
    RequestStatus,
    RightsRequest,
    due_date,
)
from piiguard.services.ids import new_id
from piiguard.services.retention.upkeep.person import own_items, record_corrections
from piiguard.services.rights._common import event, seal_details, seal_note
from piiguard.services.rights.fulfilment import advance
from piiguard.services.rights.kit import RequestKit

EMAIL = "user.contact.email"


def correct_from_confirmation(
    uow: UnitOfWork, kit: RequestKit, confirmation_id: str, values: dict[str, str]
) -> RightsRequest:
    """`values`: item id -> the correct value (after the code; the caller checked the
    pass). The correction request as it stands after fulfilment."""
    shown = own_items(uow, kit, confirmation_id)
    q = shown.request
    if not q.status.open:
        raise Conflict("this request is already answered", field="status")
    by_id = {i.record.id: i for i in shown.items}
    changes: dict[str, str] = {}
    for item_id, given in values.items():
        item = by_id.get(item_id)
        if item is None:
            raise InvalidInput("name items of this request", field="item_ids")
        value = given.strip()
        if not value or len(value) > 10_000:
            raise InvalidInput("a corrected value is 1–10,000 characters", field=item_id)
        if value != item.value:
            changes[item.record.category] = value
    if not changes:
        raise InvalidInput("nothing differs from what we hold", field="changes")
    emails = [i.value for i in shown.items if i.record.category == EMAIL and i.value]
    contact = emails[0] if emails else f"confirmation:{q.id}"
    now = kit.clock.now()
    rid = new_id()
    req = RightsRequest(
        rid,
        RequestKind.CORRECTION,
        RequestChannel.WEB,
        RequestStatus.IN_PROGRESS,
        now,
        due_date(now, kit.terms),
        kit.vault.keyed_hash(contact),
        q.language,
        f"subject:{q.subject_id}",
        subject_id=q.subject_id,
        verified_at=now,
    )
    details = RequestDetails(
        contact,
        ContactKind.EMAIL,
        "",
        "",
        tuple(sorted(changes)),
        (),
        changes,
    )
    with uow:
        uow.requests.add(req, seal_details(kit, rid, details))
        uow.audit(event(req, f"subject:{q.subject_id}", "open", channel="web", confirmation=q.id))
        uow.audit(
            event(
                req,
                f"subject:{q.subject_id}",
                "verify",
                note_sealed=seal_note(kit, rid, f"one-time code of confirmation request {q.id}"),
                excessive=False,
                second_step=False,
            )
        )
        uow.commit()
    done = advance(uow, kit, rid)
    corrected = [i for i, it in by_id.items() if it.record.category in changes]
    record_corrections(uow, kit, q.id, corrected, rid)
    return done
