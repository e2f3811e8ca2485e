"""The client address that sign-in throttling counts per (R2.9): the direct peer, unless
the peer is one of `PIIGUARD_TRUSTED_PROXIES` — then X-Forwarded-For is read from the right
and the first address that is not itself a trusted proxy is the client. Anything left of
it was written by the client and could be anything, so it is never believed; from an
untrusted peer the header is ignored altogether (else anyone could pick the address its
failures count against, or pin them on someone else's)."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from functools import lru_cache

from fastapi import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(t, strict=False) for t in trusted)


def _parse(text: str) -> Address | None:
    """An address as proxies write it: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1`,
    `[2001:db8::1]:443`; None when it is none of these."""
    text = text.strip().strip('"')
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        found: Address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return getattr(found, "ipv4_mapped", None) or found


def client_address(peer: str | None, forwarded_for: Sequence[str], trusted: Sequence[str]) -> str:
    """The client's address from the direct peer and the X-Forwarded-For headers (all of
    them, in order), given the trusted proxies (addresses or CIDR networks)."""
    if not peer:
        return "unknown"
    networks = _networks(tuple(trusted))
    here = _parse(peer)

    def is_trusted(a: Address) -> bool:
        return any(a.version == n.version and a in n for n in networks)

    if here is None or not networks or not is_trusted(here):
        return peer
    hops = [h for header in forwarded_for for h in header.split(",") if h.strip()]
    for hop in reversed(hops):
        a = _parse(hop)
        if a is None:  # not an address: a proxy should have written one; stop at the peer
            return str(here)
        if not is_trusted(a):
            return str(a)
        here = a
    return str(here)  # every hop is a trusted proxy: the left-most one is the client


def request_address(request: Request) -> str:
    """`client_address` for this request, with the container's trusted proxies."""
    trusted = request.app.state.container.settings.trusted_proxies
    return client_address(
        request.client.host if request.client else None,
        request.headers.getlist("x-forwarded-for"),
        trusted,
    )
