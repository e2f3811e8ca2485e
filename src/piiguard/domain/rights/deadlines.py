"""Legal clocks, whatever they time: which reminders and which escalation are owed by
now and not yet sent. The requests of the person (rules.py `notices_due`,
30 days) and the incidents' reporting obligations (domain/incidents/obligations.py, hours)
share this one rule, so a clock reminds and escalates the same way everywhere. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

ESCALATION = "escalation"


def owed_notices(
    due_at: datetime,
    now: datetime,
    reminders: Sequence[tuple[str, timedelta]],
    sent: Iterable[str],
) -> list[str]:
    """The notices owed at `now` and not in `sent`, least urgent first: each reminder
    (label, how long before `due_at`) once its moment has come, and ESCALATION once the
    clock is past due (strictly: at `due_at` itself it is not yet late). After downtime
    several are owed at once; the caller sends the last (the most urgent) and records the
    others as passed."""
    done = set(sent)
    owed = [
        label for label, before in sorted(reminders, key=lambda r: -r[1]) if now >= due_at - before
    ]
    if now > due_at:
        owed.append(ESCALATION)
    return [n for n in owed if n not in done]
