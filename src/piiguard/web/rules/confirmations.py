"""The authorization table's rows for data kept up to date (R2.8) and a child's data found
(R6.3): the privacy centre's confirmation page (public, each route guarding itself: the
link's token, the form's CSRF cookie, the one-time code, the pass), the console's
confirmations and children pages, and their JSON API. How to read a rule:
web/rules/__init__.py."""

from __future__ import annotations

from piiguard.web.rules.base import PUBLIC, Rule

RULES: dict[tuple[str, str], Rule] = {
    **dict.fromkeys(
        [
            ("GET", "/privacy/confirm/{token}"),
            ("POST", "/privacy/confirm/{token}"),
            ("POST", "/privacy/confirm/{token}/code"),
            ("POST", "/privacy/confirm/{token}/verify"),
        ],
        PUBLIC,
    ),
}
