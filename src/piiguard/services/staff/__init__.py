"""Staff accounts and their security (R2.6, R2.9, R5.3): accounts, sign-in, second factor.
"""
