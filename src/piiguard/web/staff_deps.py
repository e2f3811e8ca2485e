"""Dependencies around staff sessions: the session token itself, for the routes that act on
the session (re-authenticate, log out, confirm TOTP). Which session states a route accepts
(a step still pending, an idle lock) and whether it needs a recent authentication are
columns of its rule in web/authz.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from piiguard.web.deps import bearer_token

Token = Annotated[str, Depends(bearer_token)]
