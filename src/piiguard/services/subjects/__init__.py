"""Subjects and their personal data (R2.2, R5.1, R5.5): register.py (register subjects, add
and correct items), read.py (describe, read through a recorded decision, find by blind
index, verify a credential), erase.py (erase with crypto-shredding, sweep keys), _common.py
(what they share).

May import: the domain, services.ids, services.decisions and services.policy (every read
goes through the decision point; every item is checked against the register).
"""
