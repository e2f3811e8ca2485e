"""The policy and its registers (R2.1, R2.3, R2.5, R2.7, R8.1): snapshot.py (the policy
snapshot every decision reads, rebuilt when the policy epoch moves), versions.py (published
policy versions), legal_exceptions.py, consents.py (consents, restrictions, guardians),
datamap.py (systems, exports, findings), discovery.py (what a scan found, into findings).

May import: the domain and services.ids. Everything else builds on this package, so it
calls no other use-case package.
"""
