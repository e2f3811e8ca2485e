"""Each item's retain-until for the person's page (web/console/people/view.py): from the
schedule service (services/retention/schedule.py `subject_retention`), with the holds that
keep it. Metadata only."""

from __future__ import annotations

from piiguard.bootstrap import Container
from piiguard.domain.errors import NotFound
from piiguard.services.retention.schedule import subject_retention
from piiguard.web.console.kit import fmt_day
from piiguard.web.console.retention.texts import words


def retain_until(c: Container, lang: str, subject_id: str) -> dict[str, str]:
    """item id -> its retain-until as the page says it (a day, "kept indefinitely", and
    "under a legal hold" when one covers it); the column's heading under ""."""
    t = words(lang)
    try:
        views = subject_retention(c.uow(readonly=True), c.clock, subject_id)
    except NotFound:  # erased meanwhile: nothing held
        views = []
    out = {"": t["col_retain_until"]}
    for v in views:
        until = v.retention.retain_until
        text = fmt_day(until) if until is not None else t["kept_indefinitely"]
        out[v.item.item_id] = f"{text} · {t['under_hold']}" if v.holds else text
    return out
