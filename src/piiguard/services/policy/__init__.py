"""The policy and its registers (R2.1, R2.3, R2.5, R2.7, R8.1): snapshot, published versions, legal
exceptions, consents, the data map, discovery.
"""
