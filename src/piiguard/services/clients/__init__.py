"""The company's systems as API clients (R2.10): keys, scopes, the key cache.
"""
