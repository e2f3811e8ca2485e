"""The staff and system-client pages (R2.6, R5.1): invitations, roles, unlock, deactivate, TOTP
reset; API clients."""
