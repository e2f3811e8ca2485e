"""Health and the published policy (R8.1)."""

from __future__ import annotations

from fastapi import APIRouter

from piiguard.domain.errors import NotFound
from piiguard.services.policy.versions import current_policy, policy_history
from piiguard.web.api.schemas.meta import PolicyOut
from piiguard.web.deps import ContainerDep

router = APIRouter(tags=["meta"])


@router.get("/healthz")
def healthz(c: ContainerDep) -> dict[str, str]:
    c.ping()
    return {"status": "ok"}


@router.get("/api/v1/policy", response_model=PolicyOut)
def latest_policy(c: ContainerDep) -> PolicyOut:
    p = current_policy(c.uow())
    if p is None:
        raise NotFound("no policy version is published yet")
    return PolicyOut(version=p.version, published_at=p.published_at, sha256=p.sha256, text=p.text)


@router.get("/api/v1/policy/versions", response_model=list[PolicyOut])
def policy_versions(c: ContainerDep) -> list[PolicyOut]:
    return [
        PolicyOut(version=p.version, published_at=p.published_at, sha256=p.sha256)
        for p in policy_history(c.uow())
    ]
