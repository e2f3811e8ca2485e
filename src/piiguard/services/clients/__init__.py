"""The company's systems as API clients (R2.10): api_keys.py (add, scope, rotate, revoke,
authenticate a key), auth_cache.py (keys recently checked, kept briefly in memory).

May import: the domain, services.ids and services.policy (a key's scope is checked against
the register and the taxonomy).
"""
