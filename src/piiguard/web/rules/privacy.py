"""The authorization table's rows for the privacy centre (web/privacy/): public pages, each route
guarding itself. How to read a rule: web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import (
    PUBLIC,
    Rule,
)

RULES: dict[tuple[str, str], Rule] = {
    # the privacy centre (web/privacy/): the people whose data it is, no account;
    # each route guards itself (form CSRF cookie, the code, the signed pass, the link)
    **dict.fromkeys(
        [
            ("GET", "/privacy"),
            ("POST", "/privacy/requests"),
            ("GET", "/privacy/requests/{request_id}"),
            ("POST", "/privacy/requests/{request_id}/code"),
            ("POST", "/privacy/requests/{request_id}/verify"),
            ("GET", "/privacy/packages/{token}"),
            ("GET", "/privacy/packages/{token}/download"),
            ("GET", "/privacy/consents"),
            ("GET", "/privacy/transfers"),
            ("POST", "/privacy/consents"),
            # the policy's versions and the renewal of consent (R8.1, R2.4)
            ("GET", "/privacy/policy"),
            ("GET", "/privacy/policy/versions"),
            ("GET", "/privacy/policy/{version}"),
            ("GET", "/privacy/renew/{token}"),
            ("POST", "/privacy/renew/{token}"),
            ("POST", "/privacy/renew/{token}/code"),
            ("POST", "/privacy/renew/{token}/verify"),
        ],
        PUBLIC,
    ),
}
