"""JSON API routers under /api/v1, one per area (subjects, decisions, registers and
taxonomy, consents, rights, staff, audit, meta); the request and response shapes of each
are in api/schemas/<area>.py."""
