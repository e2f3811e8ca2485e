"""argon2id for the tests' containers: the same algorithm, code paths and checks as in
production, at the lowest cost. RFC 9106's parameters (what piiguard uses: 64 MiB, 3 passes,
4 lanes) take ~0.2 s and both cores a hash, and a test makes accounts and signs in several
times; these take ~1 ms. Tests of the parameters themselves use the default
(test_staff_security.py: parameters upgraded at login)."""

from __future__ import annotations

from argon2 import PasswordHasher

from piiguard.adapters.passwords import Argon2Passwords

QUICK = Argon2Passwords(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
