"""The data-category tree (R2.1), readable by anyone signed in."""

from __future__ import annotations

from fastapi import APIRouter

from piiguard.web.api.schemas.registers import CategoryOut
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["taxonomy"])


@router.get("/taxonomy", response_model=list[CategoryOut])
def taxonomy(c: ContainerDep, actor: Authorized) -> list[CategoryOut]:
    del actor
    return [
        CategoryOut(
            key=x.key,
            parent=x.parent,
            name=x.name,
            name_zh=x.name_zh,
            tier=x.tier.value,
            lookup=x.lookup.value,
            credential=x.credential,
            origin=x.origin,
        )
        for x in c.state.taxonomy
    ]
