"""What a source yields: a hit with where it was found, or a file it had to skip."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from piiguard.scanner.detectors.model import Hit


@dataclass(frozen=True, slots=True)
class Located:
    source: str  # file path, or table.column
    location: dict[str, Any]
    hit: Hit
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str
    reason: str
