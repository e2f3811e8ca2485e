"""The evidence report (R10.2, R10.3): for every requirement, the control that implements it
(controls.py), the tests that prove it (the traceability listing shipped in the package) and
the live evidence of this installation, each item with the time it was read. Pure: the
services read the facts, the adapters render the HTML and PDF."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from piiguard.domain.evidence.catalogue_zh import NO_CONTROL_ZH, ZH
from piiguard.domain.evidence.controls import CONTROLS, Control, Live


class State(StrEnum):
    OK = "ok"
    ATTENTION = "attention"  # something an auditor will ask about (overdue, failed, none yet)
    NOT_BUILT = "not_built"  # the control is not built yet: said plainly


@dataclass(frozen=True, slots=True)
class Fact:
    en: str  # what it is, in English
    zh: str  # 中文
    value: str  # ids, counts, dates and keys only: never personal data


@dataclass(frozen=True, slots=True)
class LiveItem:
    key: Live
    en: str
    zh: str
    state: State
    read_at: datetime | None  # None: nothing was read (not built)
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True, slots=True)
class SettingRow:
    name: str
    env: str  # PIIGUARD_…
    default: str
    value: str  # in force at this installation


@dataclass(frozen=True, slots=True)
class RequirementRow:
    id: str
    title: str
    text: str
    control: Control
    settings: tuple[SettingRow, ...]
    tests: tuple[str, ...]
    title_zh: str = ""  # the title and the control's sentence in Chinese (catalogue_zh.py)
    summary_zh: str = ""

    @property
    def proved(self) -> bool:
        return bool(self.tests)


@dataclass(frozen=True, slots=True)
class Report:
    id: str
    generated_at: datetime
    generated_by: str
    company: str
    version: str  # piiguard's
    requirements: tuple[RequirementRow, ...]
    live: tuple[LiveItem, ...]

    def live_item(self, key: Live) -> LiveItem | None:
        return next((i for i in self.live if i.key is key), None)

    @property
    def counts(self) -> dict[str, int]:
        rows = self.requirements
        return {
            "requirements": len(rows),
            "with_tests": sum(1 for r in rows if r.proved),
            "built": sum(1 for r in rows if r.control.built == "yes"),
            "partial": sum(1 for r in rows if r.control.built == "partial"),
            "not_built": sum(1 for r in rows if r.control.built == "no"),
            "attention": sum(1 for i in self.live if i.state is State.ATTENTION),
        }


NO_CONTROL = Control("No control is mapped to this requirement yet.", (), built="no")


def requirement_rows(
    traceability: Mapping[str, Any], settings: Mapping[str, tuple[str, str]]
) -> tuple[RequirementRow, ...]:
    """Every requirement of the shipped listing with its control, its settings (name ->
    (default, value in force)) and its tests."""
    tests: Mapping[str, Sequence[str]] = traceability.get("tests", {})
    rows = []
    for r in traceability.get("requirements", []):
        control = CONTROLS.get(r["id"], NO_CONTROL)
        rows.append(
            RequirementRow(
                r["id"],
                r["title"],
                r["text"],
                control,
                tuple(
                    SettingRow(name, f"PIIGUARD_{name.upper()}", *settings[name])
                    for name in control.settings
                    if name in settings
                ),
                tuple(tests.get(r["id"], ())),
                *ZH.get(r["id"], ("", NO_CONTROL_ZH if control is NO_CONTROL else "")),
            )
        )
    return tuple(rows)
