"""The access package and the portability export (R4.1, R4.2): what is held on the person
— every item decrypted through the request's recorded decision, with provenance, purposes,
retention, the recipients it was shared with, consents and restrictions — written by the
package writer, sealed under the key-encryption key, stored, and handed out once through a
link that expires."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from piiguard.domain.access import PolicyState
from piiguard.domain.decisions import Action, Outcome
from piiguard.domain.errors import Conflict, NotFound
from piiguard.domain.ports import SealedItem, UnitOfWork
from piiguard.domain.rights.packages import (
    AccessPackage,
    PackageConsent,
    PackageItem,
    PackageRecipient,
    PackageRestriction,
)
from piiguard.domain.rights.ports import StoredPackage
from piiguard.domain.rights.rules import RequestKind, RightsRequest
from piiguard.domain.subjects import Channel, RevealedItem
from piiguard.services.decisions import Decided
from piiguard.services.ids import new_id
from piiguard.services.retention.schedule import sealed_retention
from piiguard.services.rights._common import (
    RIGHTS_ACTOR,
    decide_for_request,
    event,
    get_request,
    subject_of,
)
from piiguard.services.rights.kit import RequestKit
from piiguard.services.subjects.read import disclose

SHARED = (Action.SHARE, Action.EXPORT, Action.DISCLOSE)
PROVIDED = (Channel.WEB, Channel.EMAIL, Channel.PHONE)  # what the person gave us themselves


def package_token(kit: RequestKit, package_id: str) -> str:
    """The link's secret: recomputable from the package id by piiguard alone (keyed hash),
    so a reply that failed to send can be sent again; only its SHA-256 is stored."""
    return kit.vault.keyed_hash(f"package-link:{package_id}")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def package_link(kit: RequestKit, package_id: str) -> str:
    return f"{kit.public_url.rstrip('/')}/privacy/packages/{package_token(kit, package_id)}"


def build_package(
    uow: UnitOfWork,
    kit: RequestKit,
    req: RightsRequest,
    decided: Decided,
    revealed: list[RevealedItem],
    state: PolicyState,
) -> AccessPackage:
    sid = subject_of(req)
    with uow:
        held = uow.items.sealed(sid)  # credentials too: listed, never revealed
        # the schedule's retain-until (R2.11): purposes still held, overrides, minimums
        retention = sealed_retention(uow, kit.clock.now(), held)
        consents = uow.consents.of_subject(sid)
        restrictions = uow.consents.restrictions_of(sid)
        shares = sorted(  # what left for a system, wholly or partly allowed, newest first
            (
                d
                for outcome in (Outcome.ALLOWED, Outcome.PARTLY_ALLOWED)
                for d in uow.decisions.search(subject_id=sid, outcome=outcome, limit=100_000)
                if d.action in SHARED and d.target_system and d.actor.id != RIGHTS_ACTOR.id
            ),
            key=lambda d: (-d.at.timestamp(), d.id),
        )
        # recipients outside the company, from the disclosure log (docs/sharing.md)
        disclosed = uow.sharing.disclosures(subject_id=sid, limit=100_000)
    values = {r.record.id: r.value for r in revealed}
    items = tuple(
        _package_item(
            s, values.get(s.record.id), state, retention[s.record.id].retention.retain_until
        )
        for s in held
    )
    recipients = tuple(
        PackageRecipient(
            d.target_system or "",
            s.name if s else d.target_system or "",
            s.region if s else "",
            d.purpose,
            tuple(sorted(d.allowed)),
            d.at,
        )
        for d in shares
        for s in [state.systems.get(d.target_system or "")]
    )
    recipients += tuple(
        PackageRecipient(
            x.recipient,
            r.legal_name if r else x.recipient,
            r.country if r else "",
            x.purpose,
            tuple(sorted(x.categories)),
            x.at,
        )
        for x in disclosed
        for r in [state.recipients.get(x.recipient)]
    )
    recipients = tuple(sorted(recipients, key=lambda p: (-p.at.timestamp(), p.system)))
    return AccessPackage(
        req.id,
        sid,
        kit.clock.now(),
        req.language,
        kit.company,
        decided.decision.decision.id,
        items,
        recipients,
        tuple(
            PackageConsent(c.purpose, c.kind.value, c.granted_at, c.withdrawn_at) for c in consents
        ),
        tuple(
            PackageRestriction(r.kind.value, r.purpose, r.since, r.lifted_at) for r in restrictions
        ),
    )


def _package_item(
    s: SealedItem, value: str | None, state: PolicyState, until: datetime | None
) -> PackageItem:
    rec, prov = s.record, s.record.provenance
    cat = state.taxonomy.get(rec.category)
    return PackageItem(
        rec.id,
        rec.category,
        cat.name,
        cat.name_zh,
        None if rec.credential else value,
        prov.channel.value,
        prov.legal_basis.value,
        prov.source_system,
        rec.held_in,
        prov.collected_at,
        rec.last_confirmed_at,
        tuple(sorted(prov.purposes)),
        until.date() if until is not None else None,
        prov.channel in PROVIDED,
    )


def make_package(uow: UnitOfWork, kit: RequestKit, req: RightsRequest) -> tuple[str, str]:
    """Build, seal and store the package of an access or portability request; its id and
    the line the reply says about it."""
    state = kit.policy.read(uow)
    decided = decide_for_request(uow, kit, req, None)
    [disclosed] = disclose(kit.vault, [decided])
    package = build_package(uow, kit, req, decided, disclosed.items, state)
    if req.kind is RequestKind.ACCESS:
        body, kind = kit.packages.access_zip(package), "access"
    else:
        body, kind = kit.packages.portability_json(package), "portability"
    pid = new_id()
    now = kit.clock.now()
    stored = StoredPackage(
        pid,
        req.id,
        subject_of(req),
        kind,
        now,
        now + timedelta(days=kit.terms.link_days),
        None,
        kit.box.seal(body, f"package:{pid}").encode(),
    )
    with uow:
        uow.requests.add_package(stored, token_hash(package_token(kit, pid)))
        uow.audit(
            event(
                req,
                RIGHTS_ACTOR,
                "package.create",
                package_id=pid,
                decision_id=decided.decision.decision.id,
                items=len(package.items),
                format=kind,
            )
        )
        uow.commit()
    done = (
        f"{len(package.items)} 项个人信息已整理为可下载的文件"
        if req.language == "zh"
        else f"{len(package.items)} items of personal information are ready to download"
    )
    return pid, done


def download_package(
    uow: UnitOfWork, kit: RequestKit, token: str, *, consume: bool
) -> tuple[StoredPackage, bytes]:
    """The package behind a link. `consume`: the download that uses the link up (the zip or
    JSON); the readable page may be opened until then. Expired or used links are refused."""
    now = kit.clock.now()
    with uow:
        p = uow.requests.package_by_token(token_hash(token))
        if p is None:
            raise NotFound("this link is not valid", field="token")
        if p.used_at is not None or now >= p.expires_at:
            raise Conflict(
                "this link has been used or has expired; ask for a new copy", field="token"
            )
        if consume and not uow.requests.use_package(p.id, now):
            raise Conflict("this link has been used", field="token")
        req, _ = get_request(uow, p.request_id)
        uow.audit(
            event(
                req,
                "subject:requester",
                "package.download" if consume else "package.view",
                package_id=p.id,
            )
        )
        uow.commit()
    return p, kit.box.open(p.sealed.decode(), f"package:{p.id}")
