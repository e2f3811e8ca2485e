"""/console/evidence: the signed evidence report (R10.2, R10.3) — what it says now (the live
evidence read at each look, the requirements with their controls and tests), a signed
report to download (PDF or HTML, audited), and a form that checks a report's signature."""

from __future__ import annotations

import re
from functools import partial
from typing import Annotated

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.bootstrap.evidence import evidence_preview, verify_evidence
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.domain.evidence.signature import Verdict
from piiguard.services.evidence.sign import Format
from piiguard.web.api.evidence.report import download, uploaded
from piiguard.web.authz import Authorized
from piiguard.web.console.evidence.texts import words
from piiguard.web.console.kit import FieldError, console_page, error_status, form_errors
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/evidence", include_in_schema=False)
# a live fact's fixed word in both languages, as the signed report says it ("never / 从未")
BOTH = re.compile(r"([A-Za-z][A-Za-z ]*) / ([\u4e00-\u9fff]+)")


def one_language(lang: str, value: str) -> str:
    """A live fact's value on a page: of a word given in both languages, the page's."""
    found = BOTH.fullmatch(value)
    if found is None:
        return value
    return found.group(2) if lang == "zh-CN" else found.group(1)


def _page(
    request: Request,
    c: Container,
    actor: Actor,
    verdict: Verdict | None = None,
    errors: list[FieldError] | None = None,
    status: int = 200,
) -> HTMLResponse:
    report = evidence_preview(c, actor)
    why = verdict.problem if verdict else ""
    if verdict and language(request) == "zh-CN":  # the verifier's sentence is English
        why = words("zh-CN").get(f"e_why_{verdict.code}") or why
    return console_page(
        request,
        c,
        actor,
        "console/evidence/page.html",
        {
            "r": report,
            "counts": report.counts,
            "verdict": verdict,
            "why": why,
            "shown": partial(one_language, language(request)),
        },
        words=words,
        errors=errors or [],
        status=status,
    )


@router.get("", response_class=HTMLResponse)
def evidence(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    return _page(request, c, actor)


@router.get("/report")
def evidence_download(
    c: ContainerDep,
    actor: Authorized,
    fmt: Annotated[Format, Query(alias="format")] = Format.PDF,
) -> Response:
    return download(c, actor, fmt)


@router.post("/verify", response_class=HTMLResponse)
async def evidence_verify(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    try:
        if file is None or not file.filename:
            missing = FieldError("file", words(language(request))["e_no_file"])
            return _page(request, c, actor, errors=[missing], status=422)
        verdict = verify_evidence(c, await uploaded(file))
    except DomainError as exc:
        found = form_errors(exc, request, fields=("file",))
        return _page(request, c, actor, errors=found, status=error_status(exc))
    return _page(request, c, actor, verdict, status=200)
