"""Staff login (argon2id) and the one-time setup of the first account."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from piiguard.services import accounts as uc
from piiguard.web.deps import AnyActor, ContainerDep, bearer_token
from piiguard.web.schemas import LoginIn, SessionOut, SetupIn

router = APIRouter(prefix="/api/v1/staff", tags=["staff"])


@router.post("/setup", status_code=status.HTTP_201_CREATED, response_model=SessionOut)
def setup_first_account(body: SetupIn, c: ContainerDep) -> SessionOut:
    uc.complete_setup(c.uow(), c.clock, c.passwords, body.token, body.email,
                      body.display_name, body.password)
    return login(LoginIn(email=body.email, password=body.password), c)


@router.post("/login", response_model=SessionOut)
def login(body: LoginIn, c: ContainerDep) -> SessionOut:
    token, account = uc.login_staff(c.uow(), c.clock, c.passwords, c.vault, body.email,
                                    body.password, c.settings.session_hours)
    return SessionOut(token=token, staff_id=account.id, roles=sorted(account.roles),
                      expires_in_hours=c.settings.session_hours)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(c: ContainerDep, actor: AnyActor,
           token: Annotated[str, Depends(bearer_token)]) -> None:
    uc.logout_staff(c.uow(), c.clock, actor, token)
