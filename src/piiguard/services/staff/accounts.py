"""Staff accounts (R2.9, R5.3): the first account (its one-time setup link, then the
account), invitations, passwords and their history, roles and departments, deactivation,
unlocking.

One account per person: a personal, verified work email (the invitation link reaches it);
role or shared mailboxes are refused. Deactivation keeps the account row, so the audit
trail's actor ids keep meaning someone."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from piiguard.domain.accounts import (
    Department,
    Invitation,
    StaffAccount,
    check_personal_email,
    check_roles,
)
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, NotAuthenticated, NotFound
from piiguard.domain.password_rules import normalise_password
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.staff_security import needs_mfa
from piiguard.domain.subjects import check_slug
from piiguard.services.ids import new_id
from piiguard.services.staff.kit import StaffKit, account_key, pending_for, token_hash
from piiguard.services.staff.login import SignedIn, login_staff

FIRST_ACCOUNT_ROLES = frozenset({"admin", "privacy_officer"})
FIRST_DEPARTMENT = "privacy"
SEED_DEPARTMENTS: tuple[Department, ...] = (
    Department("sales", "Sales 销售部", frozenset({"business_negotiation", "order_fulfilment"})),
    Department(
        "service",
        "After-sales service 售后服务部",
        frozenset({"after_sales", "requested_services"}),
    ),
    Department("logistics", "Logistics 物流部", frozenset({"order_fulfilment"})),
    Department(
        "customer_care",
        "Customer care 客户服务部",
        frozenset({"consultation_recommendation", "important_notices"}),
    ),
    Department("privacy", "Privacy office 个人信息保护", frozenset({"legal_compliance"})),
    Department("it", "IT 信息技术部", frozenset()),
)


def _name(display_name: str) -> str:
    name = display_name.strip()
    if not name or len(name) > 128:
        raise InvalidInput("display_name must be 1–128 characters", field="display_name")
    return name


def ensure_departments(uow: UnitOfWork, kit: StaffKit) -> bool:
    """Seed the department register when it is empty (reference data, like the purposes);
    a privacy officer edits it afterwards."""
    with uow:
        uow.registers.epoch(lock=True)  # processes starting together seed once, in turn
        if uow.staff.departments():
            return False
        for d in SEED_DEPARTMENTS:
            uow.staff.save_department(d, kit.clock.now(), "piiguard")
        uow.commit()
    return True


def list_departments(uow: UnitOfWork) -> list[Department]:
    with uow:
        return uow.staff.departments()


def save_department(
    kit: StaffKit, uow: UnitOfWork, actor: Actor, key: str, name: str, purposes: frozenset[str]
) -> Department:
    check_slug(key, "key")
    if not name.strip() or len(name) > 128:
        raise InvalidInput("name must be 1–128 characters", field="name")
    with uow:
        known = {p.key for p in uow.registers.purposes()}
        unknown = sorted(purposes - known)
        if unknown:
            raise InvalidInput(
                f"unknown purposes {unknown}; see GET /api/v1/purposes", field="purposes"
            )
        d = Department(key, name.strip(), purposes)
        uow.staff.save_department(d, kit.clock.now(), actor.ref)
        uow.audit(
            AuditEvent(
                "staff.department",
                actor.kind.value,
                actor.id,
                "department",
                key,
                details={"purposes": sorted(purposes)},
            )
        )
        uow.commit()
    return d


def _department(uow: UnitOfWork, key: str) -> Department:
    for d in uow.staff.departments():
        if d.key == key:
            return d
    raise InvalidInput(
        f"no department {key!r}; see GET /api/v1/staff/departments", field="department"
    )


# --- the first account and invitations ----------------------------------------------------


def open_setup(uow: UnitOfWork, clock: Clock, hours: float) -> str | None:
    """A one-time setup token for the first staff account, when there is none yet."""
    with uow:
        if uow.staff.count():
            return None
        token = secrets.token_urlsafe(32)
        now = clock.now()
        uow.staff.add_setup_token(token_hash(token), now, now + timedelta(hours=hours))
        uow.audit(AuditEvent("staff.setup_opened", "operator", "local-operator"))
        uow.commit()
    return token


def complete_setup(
    kit: StaffKit, uow: UnitOfWork, token: str, email: str, display_name: str, password: str
) -> StaffAccount:
    """The first account (admin + privacy officer) from the one-time setup link. Its role
    needs TOTP: the first sign-in asks for enrolment before anything else."""
    email = check_personal_email(email, kit.policy.generic_mailboxes)
    name = _name(display_name)
    pw = kit.check_password(
        password, mfa=needs_mfa(FIRST_ACCOUNT_ROLES, kit.policy), email=email, name=name
    )
    now = kit.clock.now()
    account = StaffAccount(
        new_id(), email, name, FIRST_ACCOUNT_ROLES, True, now, FIRST_DEPARTMENT, now
    )
    with uow:
        if not uow.staff.use_setup_token(token_hash(token), now):
            raise NotAuthenticated(
                "this setup link is unknown, used or expired; run `piiguard init` for a new one"
            )
        uow.staff.add(account, kit.passwords.hash(pw))
        uow.audit(
            AuditEvent(
                "staff.create",
                "staff",
                account.id,
                "staff",
                account.id,
                details={
                    "roles": sorted(account.roles),
                    "via": "setup",
                    "department": FIRST_DEPARTMENT,
                },
            )
        )
        uow.commit()
    return account


@dataclass(frozen=True, slots=True)
class Invited:
    invitation: Invitation
    token: str  # goes in the link, shown once; only its SHA-256 is kept


def invite_staff(
    kit: StaffKit, uow: UnitOfWork, actor: Actor, email: str, department: str, roles: frozenset[str]
) -> Invited:
    """A single-use link that expires after `invitation_hours`, for one person's work
    email, with the department and roles the account will have."""
    email = check_personal_email(email, kit.policy.generic_mailboxes)
    roles = check_roles(roles)
    now = kit.clock.now()
    token = secrets.token_urlsafe(32)
    with uow:
        _department(uow, department)
        if uow.staff.by_email(email) is not None:
            raise Conflict(
                "an account with this email exists (one account per person)", field="email"
            )
        inv = Invitation(
            new_id(),
            email,
            department,
            roles,
            actor.ref,
            now,
            now + timedelta(hours=kit.policy.invitation_hours),
        )
        uow.staff.add_invitation(inv, token_hash(token))
        uow.audit(
            AuditEvent(
                "staff.invite",
                actor.kind.value,
                actor.id,
                "invitation",
                inv.id,
                details={
                    "email_hash": kit.email_hash(email),
                    "department": department,
                    "roles": sorted(roles),
                },
            )
        )
        uow.commit()
    return Invited(inv, token)


def accept_invitation(
    kit: StaffKit,
    uow: UnitOfWork,
    token: str,
    display_name: str,
    password: str,
    *,
    address: str = "unknown",
) -> SignedIn:
    """The invited person sets their name and password; the account exists from now on (its
    email is verified: the link reached it) and they are signed in. Where the role needs
    TOTP, that session may only enrol it first."""
    name = _name(display_name)
    now = kit.clock.now()
    with uow:
        inv = uow.staff.invitation(token_hash(token))
        if inv is None or inv.used_at is not None or inv.expires_at <= now:
            raise NotAuthenticated(
                "this invitation link is unknown, used or expired; ask "
                "a privacy officer for a new one"
            )
        pw = kit.check_password(
            password, mfa=needs_mfa(inv.roles, kit.policy), email=inv.email, name=name
        )
        if uow.staff.by_email(inv.email) is not None:
            raise Conflict("an account with this email exists", field="token")
        account = StaffAccount(new_id(), inv.email, name, inv.roles, True, now, inv.department, now)
        if not uow.staff.use_invitation(inv.id, now, account.id):
            raise NotAuthenticated("this invitation link was just used")
        uow.staff.add(account, kit.passwords.hash(pw))
        uow.audit(
            AuditEvent(
                "staff.create",
                "staff",
                account.id,
                "staff",
                account.id,
                details={
                    "roles": sorted(inv.roles),
                    "via": "invitation",
                    "invitation": inv.id,
                    "department": inv.department,
                },
            )
        )
        uow.commit()
    return login_staff(kit, uow, inv.email, pw, address=address)


# --- passwords ----------------------------------------------------------------------------


def change_password(
    kit: StaffKit, uow: UnitOfWork, actor: Actor, token: str, current: str, new: str
) -> str | None:
    """Change one's own password: the current one first, then the rules, and none of the
    last `history` passwords (each compared with argon2 verify). Other sessions end. Returns
    what this session must still do (None: nothing)."""
    now = kit.clock.now()
    with uow:
        found = uow.staff.get(actor.id)
        if found is None or not kit.passwords.verify(found[1], normalise_password(current)):
            raise InvalidInput("the current password is not right", field="current_password")
        account = found[0]
        pw = kit.check_password(
            new,
            mfa=account.mfa_enrolled,
            email=account.email,
            name=account.display_name,
            field="new_password",
        )
        for old in uow.staff.password_history(account.id, kit.policy.history):
            if kit.passwords.verify(old, pw):
                raise InvalidInput(
                    f"choose a password you have not used for your last "
                    f"{kit.policy.history} changes",
                    field="new_password",
                )
        uow.staff.change_password(account.id, kit.passwords.hash(pw), now)
        uow.staff.revoke_sessions_of(account.id, now, keep=token_hash(token))
        changed = uow.staff.get(account.id)
        pending = pending_for(changed[0], kit) if changed else None
        uow.staff.set_session_pending(token_hash(token), pending)
        uow.audit(AuditEvent("staff.password_changed", "staff", account.id, "staff", account.id))
        uow.commit()
    return pending


# --- the register of accounts -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountView:
    account: StaffAccount
    locked: bool
    purposes: frozenset[str]


def list_staff(kit: StaffKit, uow: UnitOfWork) -> list[AccountView]:
    now = kit.clock.now()
    with uow:
        accounts = uow.staff.accounts()
        keys = {a.id: account_key(kit, a.email) for a in accounts}
        throttles = uow.staff.throttles(list(keys.values()))
        departments = {d.key: d.purposes for d in uow.staff.departments()}
    out = []
    for a in accounts:
        th = throttles.get(keys[a.id])
        locked = bool(th and th.locked and th.blocked_until and th.blocked_until > now)
        out.append(AccountView(a, locked, departments.get(a.department or "", frozenset())))
    return out


def view_staff(kit: StaffKit, uow: UnitOfWork, staff_id: str) -> AccountView:
    now = kit.clock.now()
    with uow:
        account = _get(uow, staff_id)
        th = uow.staff.throttles([account_key(kit, account.email)])
        departments = {d.key: d.purposes for d in uow.staff.departments()}
    locked = any(x.locked and x.blocked_until and x.blocked_until > now for x in th.values())
    return AccountView(account, locked, departments.get(account.department or "", frozenset()))


def _get(uow: UnitOfWork, staff_id: str) -> StaffAccount:
    found = uow.staff.get(staff_id)
    if found is None:
        raise NotFound(f"no staff account {staff_id!r}", field="staff_id")
    return found[0]


def find_staff(uow: UnitOfWork, email_or_id: str) -> StaffAccount:
    with uow:
        found = uow.staff.by_email(email_or_id.strip().casefold()) or uow.staff.get(
            email_or_id.strip()
        )
    if found is None:
        raise NotFound(f"no staff account {email_or_id!r}", field="staff")
    return found[0]


def set_roles(
    kit: StaffKit,
    uow: UnitOfWork,
    actor: Actor,
    staff_id: str,
    roles: frozenset[str],
    department: str | None,
) -> StaffAccount:
    """Change someone's roles and department (the route asks for a recent re-auth). A role
    that needs TOTP makes their sessions enrol it before anything else."""
    roles = check_roles(roles)
    with uow:
        before = _get(uow, staff_id)
        dept = before.department if department is None else _department(uow, department).key
        if (
            staff_id == actor.id
            and "admin" in before.roles
            and "admin" not in roles
            and not any(
                "admin" in a.roles and a.active for a in uow.staff.accounts() if a.id != staff_id
            )
        ):
            raise Conflict("the last administrator cannot drop the admin role", field="roles")
        uow.staff.set_roles(staff_id, roles, dept)
        uow.audit(
            AuditEvent(
                "staff.roles",
                actor.kind.value,
                actor.id,
                "staff",
                staff_id,
                details={
                    "before": sorted(before.roles),
                    "after": sorted(roles),
                    "department": dept or "",
                },
            )
        )
        uow.commit()
        return _get(uow, staff_id)


def deactivate_staff(kit: StaffKit, uow: UnitOfWork, actor: Actor, staff_id: str) -> StaffAccount:
    """The person left or changed jobs: no more sign-in, every session ends; the row stays
    so that the audit trail's entries still name who did what."""
    now = kit.clock.now()
    with uow:
        account = _get(uow, staff_id)
        if staff_id == actor.id:
            raise Conflict("you cannot deactivate your own account", field="staff_id")
        if not account.active:
            raise Conflict("this account is already deactivated", field="staff_id")
        uow.staff.deactivate(staff_id, now)
        ended = uow.staff.revoke_sessions_of(staff_id, now)
        uow.audit(
            AuditEvent(
                "staff.deactivate",
                actor.kind.value,
                actor.id,
                "staff",
                staff_id,
                details={"sessions_ended": ended},
            )
        )
        uow.commit()
        return _get(uow, staff_id)


def unlock_staff(kit: StaffKit, uow: UnitOfWork, actor: Actor, staff_id: str) -> bool:
    """Lift a lock (and any back-off) on an account before it lifts by itself."""
    with uow:
        account = _get(uow, staff_id)
        cleared = uow.staff.clear_throttle(account_key(kit, account.email))
        uow.audit(
            AuditEvent(
                "staff.unlock",
                actor.kind.value,
                actor.id,
                "staff",
                staff_id,
                details={"was_locked": cleared},
            )
        )
        uow.commit()
    return cleared
