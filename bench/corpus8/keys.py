"""Secrets of corpus 8: passwords as people choose them, API keys and tokens as services issue
them."""

from __future__ import annotations

import random
import string


def password(r: random.Random) -> str:
    words = ("Hengtai", "Foshan", "admin", "Summer", "erp", "Qwer", "Lx", "fs")
    return r.choice(
        (
            f"{r.choice(words)}@{r.randrange(2015, 2026)}",
            f"{r.choice(words)}{r.randrange(100, 9999)}!",
            "".join(r.choice(string.ascii_letters + string.digits + "#$%&*!") for _ in range(12)),
            f"{r.choice(words)}#{r.randrange(10, 99)}{r.choice(string.ascii_uppercase)}x",
        )
    )


def token(r: random.Random) -> str:
    alnum = string.ascii_letters + string.digits

    def rnd(n: int, pool: str = alnum) -> str:
        return "".join(r.choice(pool) for _ in range(n))

    return r.choice(
        (
            "sk-" + rnd(48),
            "AKIA" + rnd(16, string.ascii_uppercase + "234567"),
            "ghp_" + rnd(36),
            "xoxb-" + rnd(11, string.digits) + "-" + rnd(12, string.digits) + "-" + rnd(24),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + rnd(60) + "." + rnd(43),
            "LTAI" + rnd(20),  # Aliyun AccessKey id style
            rnd(32, "0123456789abcdef"),
        )
    )
