"""Findings as they leave the scanner: masked preview and keyed hash, never the value itself
unless it is asked for explicitly."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from piiguard.scanner.sources.model import Located, shown
from piiguard.scanner.taxonomy import CATEGORY, category_of

_BLOCK = 64  # SHA-256's block size
_SEPARATORS = re.compile(r"[\s\-().·・•]")
COMPACT_TYPES = frozenset(
    {"resident_id", "passport", "credit_card", "bank_card", "iban", "bank_account", "licence_plate"}
)


def normalize(kind: str, value: str) -> str:
    """The form that is hashed, so one value written two ways hashes the same."""
    if kind == "email":
        return value.strip().lower()
    if kind == "phone":
        digits = "".join(c for c in value if c.isdigit())
        return ("+" if value.lstrip().startswith("+") else "") + digits
    if kind in COMPACT_TYPES:
        return _SEPARATORS.sub("", value).upper()
    return " ".join(value.split())


def _stars(text: str, keep_start: int, keep_end: int) -> str:
    if len(text) <= keep_start + keep_end:
        return text[:1] + "*" * (len(text) - 1)
    tail = text[len(text) - keep_end :]
    return text[:keep_start] + "*" * (len(text) - keep_start - keep_end) + tail


def mask(kind: str, value: str) -> str:  # noqa: PLR0911 - one return per kind
    """A preview that lets a person recognise the finding without disclosing the value."""
    if kind == "email":
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    if kind == "secret":
        head = value.split("\n", 1)[0]
        return head if "PRIVATE KEY" in head else value[:2] + "********"
    if kind == "ip_address":
        sep = "." if "." in value else ":"
        return value.split(sep, 1)[0] + sep + "*"
    if kind == "person_name":  # (a surname alone, 王 of 王先生, shows nothing)
        return "*" if len(value) == 1 else " ".join(_stars(part, 1, 0) for part in value.split())
    if kind == "address":
        return _stars(value, 6, 0)
    if kind == "date_of_birth":
        return re.sub(r"\d", "*", value)
    if kind == "coordinates":
        return re.sub(r"(\d+\.\d)\d+", r"\1***", value)
    compact = "".join(c for c in value if c.isalnum() or c == "+")
    if len(compact) >= 11:
        return _stars(compact, 3, 4)
    return _stars(compact, 2, 2)


@dataclass(frozen=True, slots=True)
class Finding:
    source: str
    location: dict[str, Any]
    type: str
    category: str
    confidence: float
    validator: str
    preview: str
    hash: str
    value: str | None = None
    # for a date of birth, the date itself: kept in memory for `--report` to tell a child's
    # data (R6.3); never written out (to_dict leaves it out)
    born: date | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "location": self.location,
            "type": self.type,
            "category": self.category,
            "confidence": self.confidence,
            "validator": self.validator,
            "preview": self.preview,
            "hash": self.hash,
        }
        if self.value is not None:
            data["value"] = self.value
        return data


class _Renderer(Protocol):
    def render(self, located: Sequence[Located], /) -> bytes: ...
    def render_part(
        self, source: str, hits: Sequence[Any], chars: int, lines: int, /
    ) -> bytes | None: ...


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps builds one per call


class Reporter:
    """Turns located hits into findings. `key` keys the HMAC-SHA256 of normalized values.

    `lines` gives the JSON Lines (UTF-8) of a batch of located hits: from the compiled renderer
    (scanner/_jsonl.c: mask, normalize, HMAC and JSON in one C loop, about 1 µs a finding)
    when it is built, else line by line in Python (`line`) — the same text either way
    (tests/scanner/test_jsonl_native.py). `native=False`, or PIIGUARD_SCANNER_PURE=1, uses
    Python only."""

    def __init__(self, key: bytes, show_values: bool = False, native: bool = True) -> None:
        if len(key) < 16:
            raise ValueError("the hash key must be at least 16 bytes")
        self._key = key
        self._show_values = show_values
        self._renderer = _compiled(key, show_values, self.line) if native else None
        # HMAC (RFC 2104) from the two keyed SHA-256 states, copied per value: the same digest
        # as hmac.new(key, value, sha256) at a third of its cost per call (tests compare them)
        block = hashlib.sha256(key).digest() if len(key) > _BLOCK else key
        block = block.ljust(_BLOCK, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))

    def __reduce__(self) -> tuple[type[Reporter], tuple[bytes, bool, bool]]:
        """Sent to a spawned worker process as its key and options (it renders there)."""
        return Reporter, (self._key, self._show_values, self._renderer is not None)

    def hash(self, kind: str, value: str) -> str:
        inner = self._inner.copy()
        inner.update(normalize(kind, value).encode())
        outer = self._outer.copy()
        outer.update(inner.digest())
        return "hmac-sha256:" + outer.hexdigest()

    def finding(self, located: Located) -> Finding:
        h = located.hit
        return Finding(
            source=shown(located.source),
            location=located.location,
            type=h.type,
            category=category_of(h.type),
            confidence=h.confidence,
            validator=h.validator.value,
            preview=mask(h.type, h.value),
            hash=self.hash(h.type, h.value),
            value=h.value if self._show_values else None,
            born=birth_date(h.value) if h.type == "date_of_birth" else None,
        )

    def line(self, located: Located) -> str:
        """One finding as its JSON line (with the line feed), in Python."""
        return _ENCODE(self.finding(located).to_dict()) + "\n"

    def lines(self, located: Sequence[Located]) -> bytes:
        """A batch of findings as JSON Lines, in UTF-8."""
        if self._renderer is not None:
            try:
                return self._renderer.render(located)
            except UnicodeEncodeError:  # a file name that is not UTF-8 (rare): named as shown
                return self._renderer.render([x._replace(source=shown(x.source)) for x in located])
        return "".join(map(self.line, located)).encode()

    def part_lines(self, source: str, hits: Sequence[Any], chars: int, lines: int) -> bytes | None:
        """The JSON Lines of a part of a text file (sources/text.Part's hits, offsets relative
        to the part, after `chars` code points and `lines` line feeds), in C without building
        a Located per hit; None when only the Python path can (scan._located, then `lines`)."""
        if self._renderer is None:
            return None
        return self._renderer.render_part(shown(source), hits, chars, lines)

    @property
    def native(self) -> bool:
        """Whether `lines` runs in C."""
        return self._renderer is not None


def _compiled(key: bytes, show_values: bool, fallback: Any) -> _Renderer | None:
    if os.environ.get("PIIGUARD_SCANNER_PURE"):
        return None
    try:
        from piiguard.scanner import _jsonl  # noqa: PLC0415 - optional compiled module
    except ImportError:  # built without a C compiler: Python renders the same lines
        return None
    kinds = dict.fromkeys(COMPACT_TYPES, _jsonl.K_COMPACT) | {
        "email": _jsonl.K_EMAIL,
        "phone": _jsonl.K_PHONE,
        "secret": _jsonl.K_SECRET,
        "ip_address": _jsonl.K_IP,
        "person_name": _jsonl.K_NAME,
        "address": _jsonl.K_ADDRESS,
        "date_of_birth": _jsonl.K_DOB,
        "coordinates": _jsonl.K_COORD,
    }
    renderer: _Renderer = _jsonl.Renderer(key, kinds, dict(CATEGORY), show_values, fallback)
    return renderer


_YMD = re.compile(r"(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})\D(\d{1,2})\D(\d{4})")


def birth_date(text: str) -> date | None:
    """A date out of a date-of-birth finding: 1990-01-31, 1990/1/31, 1990年1月31日,
    31.01.1990 (day first, as written outside the US and China)."""
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        m = pattern.search(text)
        if m:
            parts = [int(x) for x in m.groups()]
            try:
                return date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                return None
    return None
