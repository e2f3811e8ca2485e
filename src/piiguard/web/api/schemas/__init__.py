"""The JSON API's request and response shapes (pydantic v2), one module per area, each
beside its router in web/api/: subjects (subjects and their items, a read's answer),
decisions, registers (purposes, categories, systems, exports, findings), legal_exceptions,
consents (consents, restrictions, guardians), rights (rights requests), staff, audit, meta
(the published policy); fields holds the field types they share (`Slug`, `CategoryKey`)
and `Strict`, the base that refuses unknown fields."""
