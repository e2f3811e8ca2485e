"""API keys already checked, remembered for a few seconds.

Checking a system's API key reads the database; a connected ERP calls many times a second,
and the decision endpoint's budget is a fraction of a millisecond (docs/benchmarks.md). A
key that passed is remembered — under its SHA-256, never the key itself as the index — for
`ttl` seconds. The price, documented in docs/security.md: a key revoked from another process
(the CLI) keeps working for at most `ttl` seconds in a running server; revocation in the
same process forgets at once. `ttl` 0 turns the cache off."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable

from piiguard.domain.decisions import Actor

MAX_ENTRIES = 10_000  # there are a handful of systems; this only bounds a flood of keys


class ClientKeyCache:
    def __init__(self, ttl: float, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._ttl = ttl
        self._now = monotonic
        self._seen: dict[bytes, tuple[Actor, float]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Actor | None:
        if self._ttl <= 0:
            return None
        hit = self._seen.get(hashlib.sha256(key.encode()).digest())
        if hit is None or hit[1] <= self._now():
            return None
        return hit[0]

    def put(self, key: str, actor: Actor) -> None:
        if self._ttl <= 0:
            return
        with self._lock:
            if len(self._seen) >= MAX_ENTRIES:
                self._seen.clear()
            self._seen[hashlib.sha256(key.encode()).digest()] = (actor, self._now() + self._ttl)

    def forget_all(self) -> None:
        with self._lock:
            self._seen.clear()
