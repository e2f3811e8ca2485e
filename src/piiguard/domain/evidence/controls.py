"""Which control implements each requirement (R10.2): the modules that hold it, the settings
that tune it (their defaults are read from config.Settings when a report is made, never
copied here), a sentence saying what it does, and which live evidence of this installation
shows it working (`Live` keys, services/evidence/live.py).

A maintained mapping: tests/unit/test_evidence_controls.py fails when a requirement of
docs/requirements.md has no entry, when a module named here does not exist or a setting is
not one of piiguard's. A control not built yet says so (`built`: "partial" or "no")."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Live(StrEnum):
    """The live evidence an installation reports, each read at the time it is shown."""

    AUDIT = "audit"  # last verification of the trail, last signed checkpoint
    BACKUPS = "backups"  # last restore test
    REQUESTS = "requests"  # answered in time, overdue
    FINDINGS = "findings"  # open findings of the scanner and the data map, by age
    VULNS = "vulns"  # open vulnerabilities by age, overdue
    DISPOSAL = "disposal"  # disposal certificates
    STAFF = "staff"  # two-step sign-in coverage, password age
    AGREEMENTS = "agreements"  # agreements expiring or expired
    INCIDENTS = "incidents"  # incidents and their reporting clocks
    RECORDS = "records"  # the record of processing's latest version, the policy in force
    ASSESSMENTS = "assessments"  # impact assessments and compliance-audit duties (R10.4)


@dataclass(frozen=True, slots=True)
class Control:
    summary: str
    modules: tuple[str, ...]
    settings: tuple[str, ...] = ()
    live: tuple[Live, ...] = ()
    built: str = "yes"  # "yes", "partial" (note says what is missing) or "no"
    note: str = ""


P = "piiguard."
CONTROLS: dict[str, Control] = {
    "R2.1": Control(
        "A hierarchical taxonomy of categories with tiers (ordinary, sensitive), extensible by "
        "a company file that may never weaken a tier.",
        (P + "domain.taxonomy", P + "adapters.taxonomy_file"),
        ("taxonomy_file",),
    ),
    "R2.2": Control(
        "Every item records its channel, when and under which legal basis it was collected.",
        (P + "domain.subjects", P + "services.subjects.register"),
    ),
    "R2.3": Control(
        "The purpose register, seeded with the policy's eight purposes, versioned on change.",
        (P + "domain.policy.register", P + "domain.policy.purposes", P + "services.policy"),
        live=(Live.RECORDS,),
    ),
    "R2.4": Control(
        "One decision point decides every use (purpose, role, consent, sensitive consent, "
        "transfer abroad) and records each decision with its reasons.",
        (P + "domain.access", P + "domain.access_rules", P + "services.decisions"),
        ("consent_renewal_days",),
        (Live.AUDIT,),
    ),
    "R2.5": Control(
        "Legal exceptions need a reference (authority, case, provision), a second approver "
        "and an audit entry; the decision point honours only those in force.",
        (P + "domain.policy.legal_exceptions", P + "services.policy.legal_exceptions"),
        live=(Live.AUDIT,),
    ),
    "R2.6": Control(
        "Staff sessions lock after idle time, need re-authentication and end after an "
        "absolute lifetime.",
        (P + "domain.staff_security", P + "services.staff.login"),
        ("session_idle_minutes", "session_hours", "reauth_minutes"),
    ),
    "R2.7": Control(
        "The data map of designated systems; the scanner and the export review turn personal "
        "data found elsewhere into findings; exports expire.",
        (P + "domain.policy.datamap", P + "services.policy.datamap", P + "scanner.scan"),
        live=(Live.FINDINGS,),
    ),
    "R2.8": Control(
        "Each item knows when it was last confirmed; stale items are queued for confirmation "
        "and people correct their own data.",
        (P + "domain.retention.upkeep", P + "services.retention.upkeep.confirmations"),
        ("upkeep_minutes", "confirmation_staff_days"),
    ),
    "R2.9": Control(
        "Personal staff accounts, strong-password rules, a breached-password list and TOTP "
        "for the roles that need it.",
        (P + "domain.password_rules", P + "services.staff.accounts", P + "services.staff.mfa"),
        ("password_min_length", "password_min_length_mfa", "mfa_roles", "generic_mailboxes"),
        (Live.STAFF,),
    ),
    "R2.10": Control(
        "Role- and purpose-based access through the authorization table and the decision "
        "point; every read is attributable on the hash-chained audit trail.",
        (P + "web.authz", P + "domain.access_rules", P + "services.audit"),
        ("audit_checkpoint_every",),
        (Live.AUDIT,),
    ),
    "R2.11": Control(
        "A retention schedule per purpose and category, periodic review, disposal in approved "
        "batches with a certificate, crypto-shredding so backups are unreadable.",
        (P + "domain.retention.schedule", P + "services.retention.sweep"),
        ("retention_sweep_minutes", "retention_auto_dispose_days"),
        (Live.DISPOSAL,),
    ),
    "R3.1": Control(
        "A recipient receives only the categories of its minimisation profile for the purpose.",
        (P + "domain.sharing.minimise", P + "services.sharing.share"),
    ),
    "R3.2": Control(
        "Group companies are recipients with their country and the law they follow.",
        (P + "domain.sharing.register", P + "services.sharing.register"),
        live=(Live.AGREEMENTS,),
    ),
    "R3.3": Control(
        "Business partners are recipients with minimisation profiles per purpose.",
        (P + "domain.sharing.register", P + "domain.sharing.minimise"),
        live=(Live.AGREEMENTS,),
    ),
    "R3.4": Control(
        "A business transfer (merger, acquisition, bankruptcy, asset transfer) to an acquirer "
        "bound by its undertaking, approved by a second officer, logged per person, and every "
        "affected person told by mail.",
        (P + "domain.sharing.business", P + "services.sharing.business"),
    ),
    "R3.5": Control(
        "A legal-request register: the authority, legal basis, provision and case reference, "
        "approved by a second officer; only what is demanded is disclosed, through the "
        "decision point, and logged; the person is told when the law allows.",
        (P + "domain.sharing.legal", P + "services.sharing.legal", P + "domain.sharing.disclosure"),
    ),
    "R3.6": Control(
        "No share to a recipient without an agreement in force, approved by a second "
        "officer; agreements expiring are flagged ahead of time.",
        (P + "domain.sharing.rules", P + "services.sharing.register"),
        ("agreement_notice_days",),
        (Live.AGREEMENTS,),
    ),
    "R4.1": Control(
        "Access (a single-use package), objection, withdrawal, restriction and deletion, each "
        "a request carried out through the systems holding the data.",
        (
            P + "domain.rights.rules",
            P + "services.rights.fulfilment",
            P + "services.rights.changes",
        ),
        ("request_link_days",),
        (Live.REQUESTS,),
    ),
    "R4.2": Control(
        "Correction and portability (structured, machine-readable JSON).",
        (P + "domain.rights.packages", P + "services.rights.packages"),
        live=(Live.REQUESTS,),
    ),
    "R4.3": Control(
        "Nothing is disclosed or changed before the requester is verified (one-time code, and "
        "a second step where configured).",
        (P + "services.rights.intake", P + "services.rights.steps"),
        ("request_second_step", "request_second_step_sensitive"),
    ),
    "R4.4": Control(
        "Requests are free; repetitive ones are detected and the fee or refusal recorded with "
        "its reasons.",
        (P + "domain.rights.rules", P + "services.rights.intake"),
        ("request_excessive_count", "request_excessive_window_days"),
    ),
    "R5.1": Control(
        "Envelope encryption per person (AES-256-GCM), keys in a separate store, integrity "
        "alarms, a hash-chained audit trail with Ed25519-signed checkpoints.",
        (P + "adapters.vault.envelope", P + "services.vault_integrity", P + "services.audit"),
        ("audit_checkpoint_every", "audit_checkpoint_seconds"),
        (Live.AUDIT, Live.INCIDENTS),
    ),
    "R5.2": Control(
        "A register of printouts and paper records: location, custodian, locked in time, "
        "shredded with date and witness.",
        (P + "domain.custody.records", P + "services.custody.paper"),
        ("paper_lock_hours",),
    ),
    "R5.3": Control(
        "Passwords expire after a configurable age and may not reuse recent ones.",
        (P + "domain.staff_security", P + "services.staff.accounts"),
        ("password_max_age_days", "password_history"),
        (Live.STAFF,),
    ),
    "R5.4": Control(
        "A register of removable media, kept locked, with periodic inventories; a missing "
        "medium opens an incident.",
        (
            P + "domain.custody.rules",
            P + "services.custody.media",
            P + "services.custody.inventory",
        ),
        ("media_inventory_days",),
    ),
    "R5.5": Control(
        "Every value is encrypted at rest; credentials are stored only as argon2id hashes; "
        "sensitive categories are masked for staff.",
        (P + "adapters.vault.envelope", P + "adapters.passwords", P + "domain.taxonomy"),
        live=(Live.BACKUPS,),
    ),
    "R5.6": Control(
        "Systems have an approval status and a region; nothing flows to one not approved.",
        (P + "domain.policy.datamap", P + "services.policy.datamap"),
        ("default_system",),
        (Live.FINDINGS,),
    ),
    "R5.7": Control(
        "Encrypted backups on a schedule, restore-tested (counts, trail, a decrypted sample), "
        "each test kept; a test overdue or failed is escalated.",
        (P + "domain.backups.model", P + "services.backups.verify", P + "services.backups.job"),
        ("backup_every_hours", "backup_keep_days", "backup_restore_test_days"),
        (Live.BACKUPS,),
    ),
    "R5.8": Control(
        "The incident register with a reporting clock per obligation (CAC 4 h, GDPR 72 h, "
        "PIPL without delay), reminders and the report drafted from the facts.",
        (P + "domain.incidents.obligations", P + "services.incidents.clocks"),
        ("incident_jobs_minutes",),
        (Live.INCIDENTS,),
    ),
    "R5.9": Control(
        "Vulnerabilities tracked until repaired, a deadline by severity, risk accepted only by "
        "a second officer.",
        (P + "domain.incidents.vulns", P + "services.incidents.vulns"),
        ("vuln_days",),
        (Live.VULNS,),
    ),
    "R6.1": Control(
        "Under the child age, no data without a verified guardian's consent.",
        (P + "domain.access_rules", P + "services.policy.consents"),
        ("child_age",),
    ),
    "R6.2": Control(
        "A child's data is used or disclosed only with the guardian's express consent.",
        (P + "domain.access_rules", P + "domain.sharing.rules"),
        ("child_age",),
    ),
    "R6.3": Control(
        "A child's data found without a guardian's consent becomes a task with a deadline to "
        "delete it.",
        (P + "services.retention.upkeep.children",),
        ("child_data_hours",),
        (Live.FINDINGS,),
    ),
    "R7.1": Control(
        "Every system and recipient has a country; abroad needs a separate consent and the "
        "legal mechanism the yearly count of people requires; the person is told.",
        (P + "domain.sharing.abroad", P + "services.sharing.abroad"),
        ("home_region", "ciio"),
        (Live.AGREEMENTS,),
    ),
    "R8.1": Control(
        "Policy versions published with their diff; notices mailed, throttled and resumable; "
        "consents renewed after a material change or lapsed.",
        (P + "domain.policy.versions", P + "services.policy.versions", P + "services.notices.job"),
        ("consent_renewal_days", "policy_notice_minutes", "policy_notice_mails_per_pass"),
        (Live.RECORDS,),
    ),
    "R9.1": Control(
        "Requests by mail (the SMTP listener), the privacy centre and the API.",
        (P + "services.rights.mail_intake", P + "services.rights.self_service"),
        ("inbox_port", "privacy_mailboxes"),
        (Live.REQUESTS,),
    ),
    "R9.2": Control(
        "A due date on every request, reminders before it, escalation when overdue, an "
        "overdue-first queue.",
        (P + "domain.rights.deadlines", P + "services.rights.jobs"),
        ("request_due_days", "request_reminder_days", "scheduler_seconds"),
        (Live.REQUESTS,),
    ),
    "R10.1": Control(
        "The record of processing generated from the registers and kept as numbered versions "
        "(GDPR Art. 30 and PIPL layouts; JSON, CSV, XLSX).",
        (P + "domain.records.build", P + "domain.records.layouts", P + "services.records.generate"),
        live=(Live.RECORDS,),
    ),
    "R10.2": Control(
        "This report: controls, the tests that prove them and live evidence, signed with the "
        "audit signing key (Ed25519).",
        (
            P + "domain.evidence.controls",
            P + "services.evidence.live",
            P + "services.evidence.sign",
        ),
        ("audit_key_file",),
        (Live.AUDIT,),
    ),
    "R10.3": Control(
        "Every test cites the requirement it proves; the listing is generated from the marks "
        "and shipped in the package (data/traceability.json).",
        (P + "domain.evidence.controls",),
    ),
    "R10.4": Control(
        "Impact assessments (PIPL Art. 55-56, GB/T 39335) drafted, reviewed and approved by "
        "different people, kept three years; the decision point refuses processing in a case "
        "that needs one unless an approved assessment covers it; the compliance-audit and "
        "PI-protection-officer duties follow the number of people held.",
        (
            P + "domain.assessments.rule",
            P + "services.assessments.register",
            P + "domain.assessments.duties",
        ),
        live=(Live.ASSESSMENTS,),
    ),
}
