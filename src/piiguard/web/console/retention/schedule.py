"""The retention schedule on pages (R2.11, R10.2): each purpose's rule with its anchor and
days, the category overrides, piiguard's own records' rules, the legal minimums with their
legal source (editable), the periodic review (when, who, what changed; when the next is
due) — and the schedule's versions (who changed what, when). Privacy officers change it
through services/retention/schedule.py and reviews.py (each change a new version and an
audit entry); auditors read. Rules: web/rules/retention.py."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import DomainError
from piiguard.domain.retention import schedule as schedule_terms
from piiguard.domain.retention.schedule import (
    MAX_DAYS,
    OWN_RECORD_ANCHORS,
    Anchor,
    LegalMinimum,
    RecordRule,
    RecordType,
    RetentionRule,
)
from piiguard.services.retention import reviews
from piiguard.services.retention import schedule as sch
from piiguard.web.authz import Authorized
from piiguard.web.console.kit import FieldError, Pager, done, error_status, form_errors
from piiguard.web.console.retention.common import (
    KEY,
    Check,
    Many,
    Text,
    category_options,
    page,
    purpose_options,
    staff_names,
    who,
)
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language

router = APIRouter(prefix="/console/retention", include_in_schema=False)

ITEM_ANCHORS = tuple(a.value for a in Anchor if a not in OWN_RECORD_ANCHORS)
RECORD_ANCHORS = tuple(a.value for a in schedule_terms.RECORD_ANCHORS)
RECORD_TYPES = tuple(r.value for r in RecordType if r is not RecordType.ITEM)


def _days(check: Check, field: str, raw: str, *, required: bool = True) -> int | None:
    raw = raw.strip()
    if not raw:
        if required:
            check.fail(field, "required")
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_DAYS:
        check.fail(field, "bad_days")
        return None
    return int(raw)


def _schedule(
    request: Request,
    c: Container,
    actor: Actor,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, Any] | None = None,
    code: int = 200,
) -> HTMLResponse:
    lang = language(request)
    view = sch.schedule_view(c.uow(readonly=True), box=c.requests.box)
    s, names = view.schedule, staff_names(c)
    own = {r.purpose: r for r in view.rules if not r.category}
    purposes = [
        {
            "key": p.key,
            "name": p.zh if lang == "zh-CN" else p.en,
            "active": p.active,
            "register_days": p.retention_days,
            "rule": own.get(p.key),
            "days": own[p.key].days if p.key in own else p.retention_days,
            "anchor": own[p.key].anchor.value if p.key in own else Anchor.COLLECTED.value,
        }
        for p in sorted(c.state.register.rules.values(), key=lambda r: r.key)
    ]
    records = {r.record_type.value: r for r in view.record_rules}
    wanted = request.query_params.get("minimum", "")
    editing = next((m for m in view.minimums if m.key == wanted), None)
    if values is None and editing is not None:
        values = {
            "key": editing.key,
            "en": editing.en,
            "zh": editing.zh,
            "legal_source": editing.legal_source,
            "min_days": "" if editing.days is None else str(editing.days),
            "permanent": editing.days is None,
            "min_anchor": editing.anchor.value,
            "categories": sorted(editing.categories),
            "purposes": sorted(editing.purposes),
            "active": editing.active,
        }
    state = reviews.review_state(c.uow(readonly=True), c.clock)
    return page(
        request,
        c,
        actor,
        "schedule.html",
        {
            "version": s.version,
            "purposes": purposes,
            "overrides": sorted(
                (r for r in view.rules if r.category), key=lambda r: (r.purpose, r.category)
            ),
            "minimums": view.minimums,
            "record_types": RECORD_TYPES,
            "records": records,
            "item_anchors": ITEM_ANCHORS,
            "record_anchors": RECORD_ANCHORS,
            "purpose_options": purpose_options(c, lang),
            "category_options": category_options(c, lang),
            "review": view.last_review,
            "reviewer": who(view.last_review.reviewed_by, names) if view.last_review else "",
            "next_due": state.next_due_at,
            "review_overdue": state.overdue,
            "interval": reviews.DEFAULT_INTERVAL_DAYS,
            "editing": editing.key if editing else "",
        },
        errors=errors or [],
        values=values or {},
        status=code,
    )


@router.get("", response_class=HTMLResponse)
def schedule(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    """The schedule as it stands, with its forms for privacy officers."""
    return _schedule(request, c, actor)


@router.get("/history", response_class=HTMLResponse)
def history(request: Request, c: ContainerDep, actor: Authorized) -> HTMLResponse:
    """Every version of the schedule, newest first: what changed, who, when; and the
    reviews."""
    names = staff_names(c)
    pager = Pager.of(request, 50)
    changes = sch.schedule_history(c.uow(readonly=True), limit=pager.offset + pager.size + 1)
    shown = pager.slice(changes)
    return page(
        request,
        c,
        actor,
        "history.html",
        {
            "changes": [
                {
                    "version": ch.version,
                    "kind": ch.kind,
                    "target": ch.target,
                    "definition": ch.definition,
                    "at": ch.changed_at,
                    "by": who(ch.changed_by, names),
                }
                for ch in shown
            ],
            "pager": Pager(pager.page, pager.size, None, len(shown), pager.query),
            "reviews": [
                {
                    "at": r.reviewed_at,
                    "by": who(r.reviewed_by, names),
                    "version": r.schedule_version,
                    "changes": r.changes,
                    "next_due": r.next_due_at,
                }
                for r in reviews.list_reviews(c.uow(readonly=True), 20, box=c.requests.box)
            ],
        },
    )


RULE_FORM = ("purpose", "category", "days", "anchor", "note")


@router.post("/rules", response_class=HTMLResponse)
def save_rule(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    purpose: Text = "",
    category: Text = "",
    days: Text = "",
    anchor: Text = "",
    note: Text = "",
) -> Response:
    """A purpose's own rule (no category) or a category override under it."""
    values = {
        "purpose": purpose,
        "category": category,
        "days": days,
        "anchor": anchor,
        "note": note,
    }
    check = Check(request)
    if not purpose:
        check.fail("purpose", "required")
    chosen = check.choice("purpose", purpose, c.state.register.rules)
    cat = check.choice("category", category, [k for k, _ in category_options(c, "en")]) or ""
    n = _days(check, "days", days)
    if not anchor:
        check.fail("anchor", "required")
    how = check.choice("anchor", anchor, ITEM_ANCHORS)
    text = check.text("note", note, most=500)
    if check.errors or chosen is None or n is None or how is None:
        return _schedule(request, c, actor, errors=check.errors, values=values, code=422)
    try:
        sch.save_rule(
            c.uow(), c.snapshots, c.clock, actor, RetentionRule(chosen, cat, n, Anchor(how), text)
        )
    except DomainError as exc:
        return _schedule(
            request,
            c,
            actor,
            errors=form_errors(exc, request, fields=RULE_FORM),
            values=values,
            code=error_status(exc),
        )
    return done("/console/retention", "rule_saved")


@router.post("/rules/remove", response_class=HTMLResponse)
def remove_rule(
    request: Request, c: ContainerDep, actor: Authorized, purpose: Text = "", category: Text = ""
) -> Response:
    """Remove an override, or a purpose's own rule (the register's days apply again)."""
    check = Check(request)
    if not KEY.fullmatch(purpose) or (category and not KEY.fullmatch(category)):
        check.fail("", "unknown_rule")
        return _schedule(request, c, actor, errors=check.errors, code=422)
    try:
        sch.remove_rule(c.uow(), c.clock, actor, purpose, category)
    except DomainError as exc:
        return _schedule(
            request, c, actor, errors=form_errors(exc, request, fields=()), code=error_status(exc)
        )
    return done("/console/retention", "rule_removed")


RECORD_FORM = ("record_type", "record_days", "record_anchor", "record_note")


@router.post("/record-rules", response_class=HTMLResponse)
def save_record_rule(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    record_type: Text = "",
    record_days: Text = "",
    record_anchor: Text = "",
    record_note: Text = "",
) -> Response:
    """How long piiguard keeps one kind of its own records about people."""
    values = {
        "record_type": record_type,
        "record_days": record_days,
        "record_anchor": record_anchor,
        "record_note": record_note,
    }
    check = Check(request)
    if not record_type:
        check.fail("record_type", "required")
    kind = check.choice("record_type", record_type, RECORD_TYPES)
    n = _days(check, "record_days", record_days)
    if not record_anchor:
        check.fail("record_anchor", "required")
    how = check.choice("record_anchor", record_anchor, RECORD_ANCHORS)
    text = check.text("record_note", record_note, most=500)
    if check.errors or kind is None or n is None or how is None:
        return _schedule(request, c, actor, errors=check.errors, values=values, code=422)
    try:
        sch.save_record_rule(
            c.uow(), c.clock, actor, RecordRule(RecordType(kind), n, Anchor(how), text)
        )
    except DomainError as exc:
        return _schedule(
            request,
            c,
            actor,
            errors=form_errors(
                exc,
                request,
                fields=RECORD_FORM,
                aliases={"days": "record_days", "anchor": "record_anchor"},
            ),
            values=values,
            code=error_status(exc),
        )
    return done("/console/retention", "record_rule_saved")


MINIMUM_FORM = (
    "key",
    "en",
    "zh",
    "legal_source",
    "min_days",
    "min_anchor",
    "categories",
    "purposes",
)


@router.post("/minimums", response_class=HTMLResponse)
def save_minimum(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    key: Text = "",
    en: Text = "",
    zh: Text = "",
    legal_source: Text = "",
    min_days: Text = "",
    permanent: Text = "",
    min_anchor: Text = "",
    categories: Many = None,
    purposes: Many = None,
    active: Text = "",
) -> Response:
    """Add or change a legal minimum (a new schedule version)."""
    values = {
        "key": key,
        "en": en,
        "zh": zh,
        "legal_source": legal_source,
        "min_days": min_days,
        "permanent": bool(permanent),
        "min_anchor": min_anchor,
        "categories": categories or [],
        "purposes": purposes or [],
        "active": bool(active),
    }
    check = Check(request)
    slug = key.strip()
    if not slug:
        check.fail("key", "required")
    elif not KEY.fullmatch(slug):
        check.fail("key", "bad_key")
    texts = {
        name: check.text(name, value, required=True, most=500)
        for name, value in (("en", en), ("zh", zh), ("legal_source", legal_source))
    }
    n = None if permanent else _days(check, "min_days", min_days)
    if not min_anchor:
        check.fail("min_anchor", "required")
    how = check.choice("min_anchor", min_anchor, ITEM_ANCHORS)
    known_cats = {k for k, _ in category_options(c, "en")}
    cats = frozenset(categories or [])
    if cats - known_cats:
        check.fail("categories", "unknown_value")
    ps = frozenset(purposes or [])
    if ps - set(c.state.register.rules):
        check.fail("purposes", "unknown_value")
    if check.errors or how is None or (n is None and not permanent):
        return _schedule(request, c, actor, errors=check.errors, values=values, code=422)
    minimum = LegalMinimum(
        slug,
        texts["en"],
        texts["zh"],
        texts["legal_source"],
        n,
        Anchor(how),
        cats,
        ps,
        active=bool(active),
    )
    try:
        sch.save_minimum(c.uow(), c.snapshots, c.clock, actor, minimum)
    except DomainError as exc:
        return _schedule(
            request,
            c,
            actor,
            errors=form_errors(
                exc,
                request,
                fields=MINIMUM_FORM,
                aliases={"days": "min_days", "anchor": "min_anchor", "category": "categories"},
            ),
            values=values,
            code=error_status(exc),
        )
    return done("/console/retention", "minimum_saved")


@router.post("/reviews", response_class=HTMLResponse)
def record_review(
    request: Request,
    c: ContainerDep,
    actor: Authorized,
    changes: Text = "",
    interval_days: Text = "",
) -> Response:
    """Record a periodic review of the schedule; the next is due `interval_days` later."""
    values = {"changes": changes, "interval_days": interval_days}
    check = Check(request)
    text = check.text("changes", changes, required=True, most=2000)
    raw = interval_days.strip() or str(reviews.DEFAULT_INTERVAL_DAYS)
    if not raw.isdigit() or not 1 <= int(raw) <= 3 * 366:
        check.fail("interval_days", "bad_interval")
    if check.errors:
        return _schedule(request, c, actor, errors=check.errors, values=values, code=422)
    try:
        reviews.record_review(c.uow(), c.clock, actor, text, int(raw), box=c.requests.box)
    except DomainError as exc:
        return _schedule(
            request,
            c,
            actor,
            errors=form_errors(exc, request, fields=("changes", "interval_days")),
            values=values,
            code=error_status(exc),
        )
    return done("/console/retention", "reviewed")
