"""The authorization table's rows for the JSON API (/api/v1, health, the API docs, /setup): who may
call each route. How to read a rule: web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import (
    ACCOUNTS_READERS,
    ADMIN,
    AUDIT,
    AUDITOR,
    CONFIG,
    DATA,
    DATA_FOR_PURPOSE,
    DATA_RULE,
    EVERYONE,
    HANDLERS,
    OFFICER,
    OFFICERS,
    PEOPLE,
    PUBLIC,
    QUEUE,
    REQUESTED,
    SELF,
    SESSION_END,
    SYSTEM,
    Rule,
    roles,
)

S = "/api/v1/subjects/{subject_id}"
R = "/api/v1/requests/{request_id}"
RULES: dict[tuple[str, str], Rule] = {
    # health, the published policy, API docs, sign-in and first set-up
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/api/v1/policy"): PUBLIC,
    ("GET", "/api/v1/policy/versions"): PUBLIC,
    ("GET", "/api/v1/policy/versions/{version}"): PUBLIC,
    ("GET", "/api/v1/policy/versions/{version}/diff"): PUBLIC,
    # new policy versions (R8.1): officers propose, publish (a material one: another
    # officer, in the service; reauth), reject, release notices; auditors read
    ("GET", "/api/v1/policy/drafts"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/policy/drafts"): Rule(OFFICERS),
    ("GET", "/api/v1/policy/drafts/{draft_id}"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/policy/drafts/{draft_id}/publish"): Rule(OFFICERS, reauth=True),
    ("POST", "/api/v1/policy/drafts/{draft_id}/reject"): Rule(OFFICERS),
    ("GET", "/api/v1/policy/versions/{version}/notices"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/policy/versions/{version}/notices/release"): Rule(OFFICERS),
    ("GET", "/openapi.json"): PUBLIC,
    ("GET", "/docs"): PUBLIC,
    ("GET", "/docs/oauth2-redirect"): PUBLIC,
    ("GET", "/redoc"): PUBLIC,
    ("GET", "/setup"): PUBLIC,
    ("POST", "/setup"): PUBLIC,
    ("POST", "/api/v1/staff/setup"): PUBLIC,
    ("POST", "/api/v1/staff/login"): PUBLIC,
    ("POST", "/api/v1/staff/invitations/accept"): PUBLIC,
    # subjects and their data
    ("POST", "/api/v1/subjects"): DATA_RULE,
    ("POST", "/api/v1/subjects/lookup"): DATA_RULE,
    ("GET", S): DATA_RULE,
    ("GET", S + "/data"): DATA_FOR_PURPOSE,
    ("POST", S + "/items"): DATA_RULE,
    ("PUT", S + "/items/{item_id}"): DATA_RULE,
    ("POST", S + "/items/{item_id}/verify"): DATA_RULE,
    ("DELETE", S): DATA_RULE,
    ("POST", S + "/consents"): DATA_FOR_PURPOSE,
    ("GET", S + "/consents"): DATA_RULE,
    ("DELETE", S + "/consents/{consent_id}"): DATA_RULE,
    ("POST", S + "/restrictions"): DATA_FOR_PURPOSE,
    ("GET", S + "/restrictions"): DATA_RULE,
    ("DELETE", S + "/restrictions/{restriction_id}"): DATA_RULE,
    ("POST", S + "/guardians"): DATA_RULE,
    ("POST", S + "/guardians/{guardian_id}/verify"): Rule(DATA - {SYSTEM}),  # a person checks
    ("PUT", S + "/minor"): DATA_RULE,
    # the decision point
    ("POST", "/api/v1/decisions"): DATA_FOR_PURPOSE,
    ("GET", "/api/v1/decisions"): Rule(AUDIT),
    ("GET", "/api/v1/decisions/{decision_id}"): Rule(AUDIT),
    ("GET", "/api/v1/decisions/{decision_id}/explain"): Rule(AUDIT),
    # registers
    ("GET", "/api/v1/purposes"): Rule(EVERYONE),
    ("PUT", "/api/v1/purposes/{key}"): Rule(OFFICERS),
    ("DELETE", "/api/v1/purposes/{key}"): Rule(OFFICERS),
    ("GET", "/api/v1/taxonomy"): Rule(EVERYONE),
    ("POST", "/api/v1/taxonomy"): Rule(OFFICERS),
    ("DELETE", "/api/v1/taxonomy/{key}"): Rule(OFFICERS),
    ("GET", "/api/v1/systems"): Rule(EVERYONE),
    ("PUT", "/api/v1/systems/{key}"): Rule(CONFIG),
    ("POST", "/api/v1/systems/{key}/approval"): Rule(OFFICERS),
    # registers auditors read, as on the console: exports, findings, legal exceptions
    ("GET", "/api/v1/exports"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/exports"): Rule(DATA, purpose=REQUESTED, reauth=True),
    ("POST", "/api/v1/exports/review"): Rule(OFFICERS),
    ("GET", "/api/v1/findings"): Rule(roles(OFFICER, AUDITOR)),
    ("PATCH", "/api/v1/findings/{finding_id}"): Rule(OFFICERS),
    ("GET", "/api/v1/exceptions"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/exceptions"): Rule(OFFICERS),
    ("POST", "/api/v1/exceptions/{exception_id}/approve"): Rule(OFFICERS, reauth=True),
    ("POST", "/api/v1/exceptions/{exception_id}/revoke"): Rule(OFFICERS),
    # the audit trail
    ("GET", "/api/v1/audit"): Rule(AUDIT),
    ("POST", "/api/v1/audit/verify"): Rule(AUDIT),
    # staff: one's own session and set-up
    ("POST", "/api/v1/staff/reauth"): SESSION_END,
    ("POST", "/api/v1/staff/logout"): SESSION_END,
    ("GET", "/api/v1/staff/me"): SELF,
    ("POST", "/api/v1/staff/me/password"): SELF,
    ("POST", "/api/v1/staff/me/totp"): SELF,
    ("POST", "/api/v1/staff/me/totp/confirm"): SELF,
    ("POST", "/api/v1/staff/me/recovery-codes"): Rule(PEOPLE, reauth=True),
    # staff: the register of accounts and departments
    ("POST", "/api/v1/staff/invitations"): Rule(CONFIG),
    ("GET", "/api/v1/staff/accounts"): Rule(ACCOUNTS_READERS),
    ("PUT", "/api/v1/staff/accounts/{staff_id}/roles"): Rule(CONFIG, reauth=True),
    ("POST", "/api/v1/staff/accounts/{staff_id}/unlock"): Rule(OFFICERS),
    ("POST", "/api/v1/staff/accounts/{staff_id}/deactivate"): Rule(CONFIG),
    ("POST", "/api/v1/staff/accounts/{staff_id}/mfa/reset"): Rule(OFFICERS, reauth=True),
    ("GET", "/api/v1/staff/departments"): Rule(EVERYONE),
    ("PUT", "/api/v1/staff/departments/{key}"): Rule(OFFICERS),
    # requests of the person (R4, R9): systems and staff record them; staff work the queue
    # (the auditor sees its metadata only); officers judge charges, refusals, the second
    # step's approval (four eyes, after re-authentication), webhooks and unread mail
    ("POST", "/api/v1/requests"): DATA_RULE,
    ("GET", "/api/v1/requests"): Rule(QUEUE),
    ("GET", "/api/v1/requests/counts"): Rule(QUEUE),
    ("GET", R): Rule(HANDLERS),
    **dict.fromkeys(
        [
            ("POST", R + step)
            for step in (
                "/identity",
                "/assign",
                "/document-check",
                "/pause",
                "/resume",
                "/correction",
                "/replied",
            )
        ],
        Rule(HANDLERS),
    ),
    ("POST", R + "/approve"): Rule(OFFICERS, reauth=True),
    **dict.fromkeys(
        [("POST", R + step) for step in ("/fee", "/waive", "/unfounded", "/refuse")], Rule(OFFICERS)
    ),
    ("POST", "/api/v1/requests/tasks/{task_id}/confirm"): Rule(roles(SYSTEM, OFFICER)),
    ("POST", "/api/v1/requests/tasks/{task_id}/waive"): Rule(OFFICERS),
    ("PUT", "/api/v1/systems/{key}/webhook"): Rule(OFFICERS),
    ("GET", "/api/v1/requests/triage"): Rule(OFFICERS),
    ("GET", "/api/v1/requests/triage/{triage_id}"): Rule(OFFICERS),
    ("POST", "/api/v1/requests/triage/{triage_id}/resolve"): Rule(OFFICERS),
    # backups (R5.7): officers and admins take and test them, auditors read the evidence
    ("GET", "/api/v1/backups"): Rule(roles(OFFICER, ADMIN, AUDITOR)),
    ("GET", "/api/v1/backups/status"): Rule(roles(OFFICER, ADMIN, AUDITOR)),
    ("GET", "/api/v1/backups/{backup_id}"): Rule(roles(OFFICER, ADMIN, AUDITOR)),
    ("POST", "/api/v1/backups"): Rule(roles(OFFICER, ADMIN), reauth=True),
    ("POST", "/api/v1/backups/{backup_id}/restore-tests"): Rule(roles(OFFICER, ADMIN)),
    # the retention schedule (R2.11): officers keep it, auditors read it; holds are four
    # eyes (the second officer re-authenticates); systems report anchor events
    ("GET", "/api/v1/retention/schedule"): Rule(roles(OFFICER, AUDITOR)),
    ("GET", "/api/v1/retention/history"): Rule(roles(OFFICER, AUDITOR)),
    ("GET", "/api/v1/retention/reviews"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/retention/reviews"): Rule(OFFICERS),
    **dict.fromkeys(
        [
            (method, "/api/v1/retention" + path)
            for method in ("PUT", "DELETE")
            for path in ("/rules/{purpose}", "/rules/{purpose}/{category}")
        ],
        Rule(OFFICERS),
    ),
    ("PUT", "/api/v1/retention/record-rules/{record_type}"): Rule(OFFICERS),
    ("PUT", "/api/v1/retention/minimums/{key}"): Rule(OFFICERS),
    ("GET", "/api/v1/retention/holds"): Rule(roles(OFFICER, AUDITOR)),
    ("GET", "/api/v1/retention/holds/{hold_id}"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/retention/holds"): Rule(OFFICERS),
    ("POST", "/api/v1/retention/holds/{hold_id}/approve"): Rule(OFFICERS, reauth=True),
    ("POST", "/api/v1/retention/holds/{hold_id}/reject"): Rule(OFFICERS),
    ("POST", "/api/v1/retention/holds/{hold_id}/lift-request"): Rule(OFFICERS),
    ("POST", "/api/v1/retention/holds/{hold_id}/lift"): Rule(OFFICERS, reauth=True),
    ("POST", "/api/v1/retention/anchors"): DATA_RULE,
    ("GET", S + "/retention"): DATA_RULE,
    # disposal (R2.11): officers approve, reject and dispose (re-authenticated); auditors
    # read batches and certificates; a system confirms its own deletion notices
    ("GET", "/api/v1/retention/preview"): Rule(roles(OFFICER, AUDITOR)),
    ("GET", "/api/v1/retention/batches"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/retention/batches"): Rule(OFFICERS),
    ("GET", "/api/v1/retention/batches/{batch_id}"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/retention/batches/{batch_id}/approve"): Rule(OFFICERS, reauth=True),
    ("POST", "/api/v1/retention/batches/{batch_id}/reject"): Rule(OFFICERS),
    ("POST", "/api/v1/retention/batches/{batch_id}/dispose"): Rule(OFFICERS, reauth=True),
    ("GET", "/api/v1/retention/batches/{batch_id}/certificate"): Rule(roles(OFFICER, AUDITOR)),
    ("GET", "/api/v1/retention/batches/{batch_id}/certificate.html"): Rule(roles(OFFICER, AUDITOR)),
    ("POST", "/api/v1/retention/tasks/{task_id}/confirm"): Rule(roles(SYSTEM, OFFICER)),
    ("POST", "/api/v1/retention/tasks/{task_id}/waive"): Rule(OFFICERS),
    # kept up to date (R2.8): officers set the confirmation intervals; staff and officers
    # work the confirmation queue (metadata only) and record a confirmation by phone;
    # a child's data found (R6.3): officers only, disposal after re-authentication
    ("GET", "/api/v1/retention/confirmation-intervals"): Rule(OFFICERS),
    ("PUT", "/api/v1/retention/confirmation-intervals/{category}"): Rule(OFFICERS),
    ("DELETE", "/api/v1/retention/confirmation-intervals/{category}"): Rule(OFFICERS),
    ("GET", "/api/v1/retention/confirmations"): Rule(HANDLERS),
    ("GET", "/api/v1/retention/confirmations/{confirmation_id}"): Rule(HANDLERS),
    ("POST", "/api/v1/retention/confirmations/{confirmation_id}/record"): Rule(HANDLERS),
    ("GET", "/api/v1/retention/child-tasks"): Rule(OFFICERS),
    ("GET", "/api/v1/retention/child-tasks/{task_id}"): Rule(OFFICERS),
    ("POST", "/api/v1/retention/child-tasks/{task_id}/dispose"): Rule(OFFICERS, reauth=True),
    ("POST", "/api/v1/retention/child-tasks/{task_id}/guardian-consent"): Rule(OFFICERS),
    ("POST", "/api/v1/retention/child-tasks/{task_id}/not-a-child"): Rule(OFFICERS),
}
