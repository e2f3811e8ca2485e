"""The purpose register (R2.3): the policy's eight purposes, each with its legal basis, the
categories it may use, retention, whether it needs the subject's consent, and the roles
that may use it. Versioned: every change makes a new register version, and a decision
records the version it used."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from piiguard.domain.errors import InvalidInput, NotFound, UnknownCategory, at_most
from piiguard.domain.policy.purposes import POLICY_PURPOSES
from piiguard.domain.subjects import LegalBasis, check_slug
from piiguard.domain.taxonomy import Taxonomy

STAFF_ROLES = frozenset({"staff", "privacy_officer", "system"})


@dataclass(frozen=True, slots=True)
class PurposeRule:
    key: str
    en: str
    zh: str
    legal_basis: LegalBasis
    categories: frozenset[str]  # category keys; each allows its whole subtree
    retention_days: int
    needs_consent: bool
    roles: frozenset[str] = STAFF_ROLES
    active: bool = True

    def allows_category(self, taxonomy: Taxonomy, category: str) -> bool:
        return any(taxonomy.is_within(category, c) for c in self.categories)


_CONTACT = frozenset({"user.name", "user.contact", "user.job_title"})
_SEED_TERMS: Mapping[str, tuple[LegalBasis, frozenset[str], int, bool, frozenset[str]]] = {
    "order_fulfilment": (
        LegalBasis.CONTRACT,
        _CONTACT | {"user.financial.bank_account", "user.behavior.purchase_history"},
        5 * 365,
        False,
        STAFF_ROLES,
    ),
    "business_negotiation": (LegalBasis.LEGITIMATE_INTEREST, _CONTACT, 2 * 365, False, STAFF_ROLES),
    "requested_services": (
        LegalBasis.CONTRACT,
        _CONTACT | {"user.device"},
        3 * 365,
        False,
        STAFF_ROLES,
    ),
    "after_sales": (
        LegalBasis.CONTRACT,
        _CONTACT | {"user.behavior.purchase_history", "user.government_id.vehicle_registration"},
        5 * 365,
        False,
        STAFF_ROLES,
    ),
    "consultation_recommendation": (
        LegalBasis.CONSENT,
        _CONTACT | {"user.behavior"},
        2 * 365,
        True,
        STAFF_ROLES,
    ),
    "important_notices": (
        LegalBasis.LEGITIMATE_INTEREST,
        frozenset(
            {"user.name", "user.contact.email", "user.contact.phone_number", "user.contact.address"}
        ),
        5 * 365,
        False,
        STAFF_ROLES,
    ),
    "legal_compliance": (
        LegalBasis.LEGAL_OBLIGATION,
        frozenset({"user"}),
        10 * 365,
        False,
        frozenset({"privacy_officer", "system"}),
    ),
    "service_improvement": (
        LegalBasis.CONSENT,
        frozenset({"user.device", "user.behavior"}),
        365,
        True,
        STAFF_ROLES,
    ),
}


def seed_purposes() -> list[PurposeRule]:
    """The policy's eight purposes (§2) with the company's starting terms."""
    out = []
    for p in POLICY_PURPOSES:
        basis, cats, days, consent, roles = _SEED_TERMS[p.key]
        out.append(PurposeRule(p.key, p.en, p.zh, basis, cats, days, consent, roles))
    return out


def check_purpose(rule: PurposeRule, taxonomy: Taxonomy) -> PurposeRule:
    check_slug(rule.key, "key")
    if not rule.en.strip() or not rule.zh.strip():
        raise InvalidInput(
            "a purpose needs its description in English and Chinese",
            field="en" if not rule.en.strip() else "zh",
        )
    at_most(rule.en, 500, "en")  # the API's limits, for the console and the CLI too
    at_most(rule.zh, 500, "zh")
    for c in rule.categories:
        if c not in taxonomy:
            raise UnknownCategory(f"unknown data category {c!r}", field="categories")
    if rule.legal_basis is LegalBasis.CONSENT and not rule.needs_consent:
        raise InvalidInput(
            "a purpose whose legal basis is consent needs the person's consent",
            field="needs_consent",
        )
    if rule.retention_days < 1:
        raise InvalidInput("retention must be at least one day", field="retention_days")
    if not rule.roles:
        raise InvalidInput("at least one role must be allowed", field="roles")
    return rule


@dataclass(frozen=True)
class PurposeRegister:
    version: int
    rules: Mapping[str, PurposeRule] = field(default_factory=dict)

    @classmethod
    def of(cls, version: int, rules: Iterable[PurposeRule]) -> PurposeRegister:
        return cls(version, {r.key: r for r in rules})

    def get(self, key: str) -> PurposeRule:
        rule = self.rules.get(key)
        if rule is None:
            raise NotFound(f"no purpose {key!r} in the register", field="purpose")
        return rule

    def active(self, key: str) -> PurposeRule | None:
        rule = self.rules.get(key)
        return rule if rule is not None and rule.active else None

    def with_rule(self, rule: PurposeRule) -> PurposeRegister:
        return PurposeRegister(self.version + 1, {**self.rules, rule.key: rule})

    def deactivated(self, key: str) -> PurposeRegister:
        return self.with_rule(replace(self.get(key), active=False))
