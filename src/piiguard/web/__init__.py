"""The web entry point. Routes parse, call one use case, render; they hold no business rules.

What lives where:
- app.py: the FastAPI app factory (wires every router, the edge checks, problem+json);
  server.py: running it under uvicorn (workers, signals);
- authz.py: who may call which route, one table (R2.10); deps.py, session.py,
  staff_deps.py, client_address.py: who is asking (API key, staff session and its cookie,
  the client's address behind a proxy);
- inputs.py: the edge checks every route runs (control characters, nesting);
  problems.py: domain errors -> RFC 9457 problem+json, one table; crashes.py: unexpected
  errors as a 500 and one log line without values;
- html.py: what every server-rendered page shares (templates/, the reader's language,
  the page headers, the 303);
- api/: the JSON API under /api/v1, one router per area, their shapes in api/schemas/;
- console/: the staff console's pages; privacy/: the privacy centre, the person's pages.
"""
