from collections.abc import Callable, Sequence
from typing import Any

K_OTHER: int
K_EMAIL: int
K_PHONE: int
K_COMPACT: int
K_SECRET: int
K_IP: int
K_NAME: int
K_ADDRESS: int
K_DOB: int
K_COORD: int

class Renderer:
    def __init__(
        self,
        key: bytes,
        kinds: dict[str, int],
        categories: dict[str, str],
        show_values: bool,
        fallback: Callable[[Any], str],
    ) -> None: ...
    def render(self, located: Sequence[Any], /) -> bytes: ...
    def render_part(
        self, source: str, hits: Sequence[Any], chars: int, lines: int, /
    ) -> bytes | None: ...

SHA_NI: bool

def hmac_sha256(key: bytes, message: bytes, portable: bool = False, /) -> bytes: ...
def part_hits(found: list[Any], main: str, shift: int, size: int, /) -> list[Any]: ...
