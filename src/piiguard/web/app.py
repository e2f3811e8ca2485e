"""The FastAPI application factory. `create_app(container)` wires routers, problem+json and
the audit checkpoint timer; it builds nothing at import time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from fastapi import Depends, FastAPI

from piiguard import __version__
from piiguard.bootstrap import Container
from piiguard.bootstrap.jobs import Background
from piiguard.services.audit import record_checkpoint
from piiguard.web import authz, inputs, problems
from piiguard.web.api import assessments as assessments_api
from piiguard.web.api import audit, consents, decisions, meta, registers, staff, subjects, taxonomy
from piiguard.web.api import backups as backups_api
from piiguard.web.api import incidents as incidents_api
from piiguard.web.api import records as records_api
from piiguard.web.api import retention as retention_api
from piiguard.web.api import retention_disposal as disposal_api
from piiguard.web.api import rights as requests
from piiguard.web.api import upkeep as upkeep_api
from piiguard.web.api import vulns as vulns_api
from piiguard.web.api.custody import media as media_api
from piiguard.web.api.custody import paper as paper_api
from piiguard.web.api.evidence import report as evidence_api
from piiguard.web.api.sharing import abroad as sharing_abroad_api
from piiguard.web.api.sharing import business as sharing_business_api
from piiguard.web.api.sharing import exemptions as sharing_exemptions_api
from piiguard.web.api.sharing import legal as sharing_legal_api
from piiguard.web.api.sharing import notices as sharing_notices_api
from piiguard.web.api.sharing import register as sharing_register_api
from piiguard.web.api.sharing import shares as sharing_shares_api
from piiguard.web.console import front as console_front
from piiguard.web.console import pages as console
from piiguard.web.console import rights as console_requests
from piiguard.web.console import rights_intake as console_request_intake
from piiguard.web.console import rights_queue as console_request_queue
from piiguard.web.console import rights_steps as console_request_steps
from piiguard.web.console import setup as pages
from piiguard.web.console.assessments import duties as console_duties
from piiguard.web.console.assessments import pages as console_assessments
from piiguard.web.console.backups import pages as console_backups
from piiguard.web.console.custody import pages as console_custody
from piiguard.web.console.datamap import pages as console_datamap
from piiguard.web.console.evidence import pages as console_evidence
from piiguard.web.console.incidents import pages as console_incidents
from piiguard.web.console.oversight import pages as console_oversight
from piiguard.web.console.people import pages as console_people
from piiguard.web.console.policy import pages as console_policy
from piiguard.web.console.records import pages as console_records
from piiguard.web.console.registers import pages as console_registers
from piiguard.web.console.replay import form_again
from piiguard.web.console.retention import pages as console_retention
from piiguard.web.console.sharing import abroad as console_abroad
from piiguard.web.console.sharing import business as console_business
from piiguard.web.console.sharing import exemptions as console_exemptions
from piiguard.web.console.sharing import legal as console_legal
from piiguard.web.console.sharing import notices as console_abroad_notices
from piiguard.web.console.sharing import pages as console_sharing
from piiguard.web.console.team import pages as console_team
from piiguard.web.console.upkeep import pages as console_upkeep
from piiguard.web.crashes import CrashGuard
from piiguard.web.privacy import confirm as privacy_confirm
from piiguard.web.privacy import consents as privacy_consents
from piiguard.web.privacy import packages as privacy_packages
from piiguard.web.privacy import pages as privacy_centre
from piiguard.web.privacy import policy as privacy_policy
from piiguard.web.privacy import renew as privacy_renew
from piiguard.web.privacy import requests as privacy_requests
from piiguard.web.privacy import transfers as privacy_transfers

log = logging.getLogger("piiguard.web")


async def _checkpoint_loop(c: Container) -> None:
    while True:
        await asyncio.sleep(c.settings.audit_checkpoint_seconds)
        try:
            await asyncio.to_thread(record_checkpoint, c.uow(), c.signer, c.clock)
        except Exception as exc:  # keep the timer alive; the next tick retries
            log.warning("audit checkpoint failed: %s", type(exc).__name__)


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    c: Container = app.state.container  # the container the app serves, as its routes read it
    task = asyncio.create_task(_checkpoint_loop(c))
    # reminders, webhooks, replies and the mail listener (R9.1, R9.2), unless a
    # separate `piiguard worker` runs them (PIIGUARD_SCHEDULER=off)
    background = Background(c) if c.settings.scheduler == "inprocess" else None
    if background is not None:
        await asyncio.to_thread(background.start)
    try:
        yield
    finally:
        if background is not None:
            await asyncio.to_thread(background.stop)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await asyncio.to_thread(record_checkpoint, c.uow(), c.signer, c.clock)


def create_app(c: Container) -> FastAPI:
    app = FastAPI(
        title="piiguard",
        version=__version__,
        lifespan=_lifespan,
        description="Personal data held, used and proved as the privacy policy "
        "promises. Errors are RFC 9457 problem+json.",
        # every route refuses control characters in what it reads (R5.1,
        # web/inputs.py), then runs the one authorization check (R2.10, authz.py)
        dependencies=[Depends(inputs.refuse_control_characters), Depends(authz.authorize)],
    )
    app.state.container = c
    # errors on the console's and the privacy centre's pages answer as pages, not JSON
    app.state.page_errors = {"/console": console.page_error, "/privacy": privacy_centre.page_error}
    # a console form refused before its route showed it again: the form again, marked
    app.state.form_again = {"/console": form_again}
    problems.install(app)
    # unexpected errors: 500 problem+json and one log line without values (web/crashes.py)
    app.add_middleware(CrashGuard)
    for r in (
        meta.router,
        subjects.router,
        consents.router,
        decisions.router,
        registers.router,
        disposal_api.router,
        retention_api.router,
        upkeep_api.router,
        paper_api.router,
        media_api.router,
        backups_api.router,
        incidents_api.router,
        vulns_api.router,
        sharing_register_api.router,
        sharing_shares_api.router,
        sharing_abroad_api.router,
        sharing_legal_api.router,
        sharing_business_api.router,
        sharing_notices_api.router,
        sharing_exemptions_api.router,
        records_api.router,
        assessments_api.router,
        evidence_api.router,
        audit.router,
        staff.router,
        taxonomy.router,
        requests.router,
        pages.router,
        console.router,
        console_front.router,
        # before console_requests: "triage" and "new" are not a request's id
        console_request_intake.router,
        console_request_queue.router,
        console_requests.router,
        console_request_steps.router,
        console_datamap.router,
        console_registers.router,
        console_people.router,
        console_oversight.router,
        console_team.router,
        console_retention.router,
        console_sharing.router,
        console_abroad.router,
        console_abroad_notices.router,
        console_exemptions.router,
        console_legal.router,
        console_business.router,
        console_records.router,
        console_assessments.router,
        console_duties.router,
        console_evidence.router,
        console_incidents.router,
        console_upkeep.router,
        console_custody.router,
        console_backups.router,
        console_policy.router,
        privacy_requests.router,
        privacy_packages.router,
        privacy_consents.router,
        privacy_transfers.router,
        privacy_policy.router,
        privacy_renew.router,
        privacy_confirm.router,
    ):
        app.include_router(r)
    authz.install(app)
    return app
