"""The web entry point: FastAPI app factory, JSON API under /api/v1 (pydantic schemas),
server-rendered pages (templates/), and the one table mapping domain errors to
problem+json. Routes parse, call one use case, render; they hold no business rules."""
