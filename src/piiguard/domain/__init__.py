"""The domain: pure Python rules and vocabulary of the policy.

What lives here: subjects and personal-data items with provenance, the taxonomy of data
categories, access decisions, audit-chain arithmetic, errors, and the ports (Protocols)
that the outer layers implement. It may import the standard library and itself only —
no framework, no database, no clock reads, no I/O (checked by import-linter).
"""
