"""Transfers abroad counted per calendar year (R7.1; docs/sharing.md): the distinct people
whose data went to a recipient abroad since 1 January (Asia/Shanghai), sensitive apart,
the mechanism the count requires under the 2024 Provisions on Cross-Border Data Flows, how
near each threshold is, and the recipients abroad with the mechanism each has in force."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from piiguard.services.sharing.abroad import abroad_status, status_json
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["sharing"])


@router.get("/transfers/abroad")
def transfers_abroad(
    c: ContainerDep,
    actor: Authorized,
    year: Annotated[int | None, Query(ge=2000, le=9999)] = None,
) -> dict[str, object]:
    """The year's count (this year by default) and what it requires: `requires` is
    `exempt`, `standard_contract_or_certification` or `security_assessment`; each
    threshold with its count, percent and `warning` (from 80 %); `recipients` abroad with
    `mechanism_in_force` and `meets_requirement`."""
    del actor
    return status_json(abroad_status(c.uow(readonly=True), c.snapshots, c.clock, year))
