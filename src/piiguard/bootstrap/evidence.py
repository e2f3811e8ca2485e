"""Wiring of the accountability documents (R10.1, R10.2): the evidence report — where its
live evidence is read (services/evidence/live.py `Sources`), the settings of each control
with their defaults (config.Settings) and values in force, the traceability listing the
package ships (data/traceability.json, written by `make trace`), the renderers
(adapters/accountability/) and the audit signing key that signs it — and the record of
processing as XLSX. The web and the CLI call these; they reach no adapter themselves."""

from __future__ import annotations

import json
from importlib import metadata, resources
from typing import TYPE_CHECKING, Any

from piiguard.adapters.accountability.html import report_html
from piiguard.adapters.accountability.pdf import report_pdf
from piiguard.adapters.accountability.xlsx import workbook
from piiguard.adapters.audit_signing import Ed25519CheckpointSigner
from piiguard.config import Settings
from piiguard.domain.decisions import Actor
from piiguard.domain.evidence.controls import CONTROLS
from piiguard.domain.evidence.report import Report
from piiguard.domain.evidence.signature import Verdict
from piiguard.domain.records.layouts import Sheet
from piiguard.services.evidence.live import Sources
from piiguard.services.evidence.sign import Format, Made, build_report, make_report, verify_report

if TYPE_CHECKING:
    from piiguard.bootstrap import Container


def traceability() -> dict[str, Any]:
    """The requirement -> tests listing shipped inside the package (R10.3)."""
    text = (resources.files("piiguard") / "data" / "traceability.json").read_text("utf-8")
    found: dict[str, Any] = json.loads(text)
    return found


def _shown(value: object) -> str:
    if isinstance(value, list | tuple | frozenset | set):
        return ", ".join(str(v) for v in value) or "(none)"
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return "(unset)" if value is None else str(value)


def control_settings(s: Settings) -> dict[str, tuple[str, str]]:
    """name -> (default, value in force) of every setting a control names."""
    fields = Settings.model_fields
    names = {n for c in CONTROLS.values() for n in c.settings}
    return {
        n: (_shown(fields[n].get_default(call_default_factory=True)), _shown(getattr(s, n)))
        for n in sorted(names)
        if n in fields
    }


def sources(c: Container) -> Sources:
    return Sources(
        lambda: c.uow(readonly=True),
        lambda: c.security_uow(readonly=True),
        c.clock,
        c.signer,
        c.backups,
        c.staff.policy,
        c.settings.agreement_notice_days,
        c.snapshots,
    )


def report_key(c: Container) -> Ed25519CheckpointSigner:
    """The audit signing key (Ed25519) that signs the reports."""
    return Ed25519CheckpointSigner(c.settings.signing_key_file, c.settings.witness_file)


def render(report: Report, fmt: Format) -> bytes:
    return report_pdf(report) if fmt is Format.PDF else report_html(report)


def evidence_preview(c: Container, actor: Actor) -> Report:
    """What a report made now would say (read only: nothing signed, nothing written)."""
    try:
        version = metadata.version("piiguard")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        version = "unknown"
    return build_report(
        sources(c),
        actor,
        traceability(),
        control_settings(c.settings),
        c.settings.company_name,
        version,
    )


def evidence_report(c: Container, actor: Actor, fmt: Format) -> Made:
    """Read, render, sign and audit one evidence report."""
    return make_report(c.uow(), evidence_preview(c, actor), fmt, render, report_key(c), actor)


def verify_evidence(c: Container, data: bytes) -> Verdict:
    return verify_report(data, report_key(c))


def records_xlsx(sheets: list[Sheet]) -> bytes:
    """The record of processing as one workbook, one sheet per layout (R10.1)."""
    return workbook(sheets)
