"""Staff accounts and their security (R2.6, R2.9, R5.3): accounts.py (the first account and
its setup link, invitations, passwords, roles, departments), login.py (sign-in, sessions,
throttling, re-authentication), mfa.py (TOTP and recovery codes), kit.py (StaffKit: what
they all need).

May import: the domain and services.ids. No other use-case package: accounts stand apart
from the data they guard.
"""
