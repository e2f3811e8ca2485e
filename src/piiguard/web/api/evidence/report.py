"""/api/v1/evidence: the signed evidence report (R10.2, R10.3; docs/accountability.md).

GET …/report makes one (HTML or PDF) from the live state, signs it with the audit signing
key and records an audit entry; the file carries its signature as its last line. POST
…/verify checks a file against this installation's key. Officers and auditors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel

from piiguard.bootstrap import Container
from piiguard.bootstrap.evidence import evidence_report, verify_evidence
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput
from piiguard.domain.evidence.signature import Verdict
from piiguard.services.evidence.sign import MEDIA, Format
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1/evidence", tags=["evidence"])
MOST_BYTES = 50 * 1024 * 1024  # a report of a large installation is a few MB


def download(c: Container, actor: Actor, fmt: Format) -> Response:
    """A new signed report as a file to keep (also the console's download)."""
    made = evidence_report(c, actor, fmt)
    return Response(
        made.data,
        media_type=MEDIA[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="{made.filename}"',
            "X-Evidence-Report-Id": made.report.id,
            "X-Evidence-SHA256": made.signed.sha256,
            "X-Evidence-Key-Id": made.signed.key_id,
        },
    )


async def uploaded(file: UploadFile) -> bytes:
    data = await file.read(MOST_BYTES + 1)
    if len(data) > MOST_BYTES:
        raise InvalidInput(f"the file is over {MOST_BYTES // 2**20} MB", field="file")
    if not data:
        raise InvalidInput("the file is empty: choose the report to check", field="file")
    return data


class VerdictOut(BaseModel):
    ok: bool
    problem: str
    report_id: str | None
    format: str | None
    sha256: str | None
    key_id: str | None
    signed_at: str | None

    @classmethod
    def of(cls, v: Verdict) -> VerdictOut:
        s = v.signed
        return cls(
            ok=v.ok,
            problem=v.problem,
            report_id=s.report_id if s else None,
            format=s.format if s else None,
            sha256=s.sha256 if s else None,
            key_id=s.key_id if s else None,
            signed_at=s.signed_at if s else None,
        )


@router.get(
    "/report",
    response_class=Response,
    responses={200: {"content": {m: {} for m in MEDIA.values()}, "description": "the report"}},
)
def report(
    c: ContainerDep,
    actor: Authorized,
    fmt: Annotated[Format, Query(alias="format", description="html or pdf")] = Format.HTML,
) -> Response:
    """A signed evidence report: for every requirement the control, its settings, the tests
    that prove it and the live evidence of this installation, each item with the time it was
    read. The file's last line is its Ed25519 signature (audit signing key) over the SHA-256
    of the rest (header X-Evidence-SHA256)."""
    return download(c, actor, fmt)


@router.post("/verify", response_model=VerdictOut)
async def verify(
    c: ContainerDep,
    actor: Authorized,
    file: Annotated[UploadFile, File(description="the report to check (HTML or PDF)")],
) -> VerdictOut:
    """Whether the file is a report this installation signed, unchanged since (`ok`), and
    if not, why (`problem`)."""
    del actor
    return VerdictOut.of(verify_evidence(c, await uploaded(file)))
