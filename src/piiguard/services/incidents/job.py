"""The periodic pass of incidents and vulnerabilities (bootstrap/jobs.py "security"): the
reporting clocks' reminders and escalations, the notification mails (throttled), the
overdue vulnerabilities escalated. Each part claims its own work, so several workers may
run it at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.services.incidents._common import SecurityKit, SecurityTerms
from piiguard.services.incidents.clocks import notice_pass
from piiguard.services.incidents.notify import mail_pass
from piiguard.services.incidents.vulns import escalation_pass


@dataclass(frozen=True, slots=True)
class SecurityReport:
    clock_notices: int = 0
    mails_sent: int = 0
    no_address: int = 0
    mails_failed: int = 0
    unknown: int = 0
    vulns_escalated: int = 0
    errors: int = 0

    def summary(self) -> str:
        return (
            f"security: clock notices {self.clock_notices}, notifications sent "
            f"{self.mails_sent} (no address {self.no_address}, refused {self.mails_failed}, "
            f"unknown {self.unknown}), vulnerabilities escalated {self.vulns_escalated}"
        )


def run_security(
    units: Callable[[], SecurityUnitOfWork], kit: SecurityKit, terms: SecurityTerms
) -> SecurityReport:
    notices = notice_pass(units(), kit)
    mails = mail_pass(units(), kit, terms)
    escalated = escalation_pass(units(), kit)
    return SecurityReport(
        notices, mails.sent, mails.no_address, mails.failed, mails.unknown, escalated
    )
