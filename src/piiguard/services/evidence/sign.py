"""Make, sign and verify the evidence report (R10.2, R10.3; docs/accountability.md).

`make_report` reads the live evidence (live.py), joins it with the controls and the shipped
traceability listing, renders it (HTML or PDF, by the renderer the composition root hands
in), appends the signature line (domain/evidence/signature.py: Ed25519 with the audit
signing key over the SHA-256 of the rendered bytes) and records an audit entry
`evidence.report` with the report's id, format, hash and key id. `verify_report` checks a
file against this installation's key."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput
from piiguard.domain.evidence import signature
from piiguard.domain.evidence.report import Report, requirement_rows
from piiguard.domain.ports import UnitOfWork
from piiguard.services.evidence.live import Sources, read_live
from piiguard.services.ids import new_time_id


class Format(StrEnum):
    HTML = "html"
    PDF = "pdf"


MEDIA = {Format.HTML: "text/html; charset=utf-8", Format.PDF: "application/pdf"}


class ReportKey(Protocol):
    """The audit signing key, seen as what signs and checks a report."""

    key_id: str

    def sign(self, message: bytes) -> str: ...
    def verify_message(self, message: bytes, signature: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class Made:
    report: Report
    format: Format
    data: bytes  # the file, signature line included
    signed: signature.Signed

    @property
    def filename(self) -> str:
        return f"piiguard-evidence-{self.report.generated_at:%Y%m%d-%H%M%S}.{self.format.value}"


def build_report(
    sources: Sources,
    actor: Actor,
    traceability: Mapping[str, Any],
    settings: Mapping[str, tuple[str, str]],
    company: str,
    version: str,
) -> Report:
    """The report's content, read now (nothing written)."""
    live = read_live(sources)
    return Report(
        new_time_id(),
        sources.clock.now(),
        actor.ref,
        company,
        version,
        requirement_rows(traceability, settings),
        live,
    )


def make_report(
    uow: UnitOfWork,
    report: Report,
    fmt: Format,
    render: Callable[[Report, Format], bytes],
    key: ReportKey,
    actor: Actor,
) -> Made:
    """Render, sign and audit one report."""
    data, signed = signature.seal(
        render(report, fmt), fmt.value, report.id, report.generated_at, key.key_id, key.sign
    )
    counts = report.counts
    with uow:
        uow.audit(
            AuditEvent(
                "evidence.report",
                actor.kind.value,
                actor.id,
                "evidence_report",
                report.id,
                details={
                    "format": fmt.value,
                    "sha256": signed.sha256,
                    "key_id": signed.key_id,
                    "bytes": len(data),
                    "requirements": counts["requirements"],
                    "with_tests": counts["with_tests"],
                    "attention": counts["attention"],
                },
            )
        )
        uow.commit()
    return Made(report, fmt, data, signed)


def verify_report(data: bytes, key: ReportKey) -> signature.Verdict:
    """Whether `data` is a report this installation signed, unchanged since."""
    if not data:
        raise InvalidInput("the file is empty", field="file")
    return signature.check(data, key.key_id, key.verify_message)
