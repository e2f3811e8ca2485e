"""A disposal batch's certificate (R2.11, R10.2): what was disposed of, counted by
category, purpose and system, the period the items fell due in, who proposed, approved and
disposed, which systems were told and which have confirmed, piiguard's own records about
people disposed of (request records, triage mail, delivered packages; by type), and the
SHA-256 of the sorted list of disposed item and record ids — never a value. Written when
the batch is disposed of (and on the audit trail); the systems' confirmations are read as
they stand. `certificate_html` is the page an auditor downloads and keeps (self-contained,
no script)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import Any

from piiguard.domain.errors import Conflict, NotFound
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.retention.disposal import BatchStatus


@dataclass(frozen=True, slots=True)
class Certificate:
    batch_id: str
    facts: dict[str, Any]  # as written at disposal (counts, period, people, list hash)
    systems: dict[str, str]  # system -> its deletion task's status now
    confirmed: list[str]  # systems that confirmed (or were waived with a reason)

    @property
    def list_hash(self) -> str:
        return str(self.facts["list_hash"])


def certificate_of(uow: UnitOfWork, batch_id: str) -> Certificate:
    with uow:
        batch = uow.retention.batch(batch_id)
        if batch is None:
            raise NotFound(f"no disposal batch {batch_id}", field="batch_id")
        if batch.status is not BatchStatus.DISPOSED or batch.certificate is None:
            raise Conflict(
                f"disposal batch {batch_id} is {batch.status}: a certificate is written "
                "when it is disposed of",
                field="batch_id",
            )
        tasks = uow.retention.tasks_of(batch_id)
    systems = {t.system: t.status.value for t in tasks}
    confirmed = sorted(t.system for t in tasks if t.status.settled)
    return Certificate(batch_id, json.loads(batch.certificate), systems, confirmed)


_STYLE = (
    "body{font-family:sans-serif;max-width:50em;margin:2em auto}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "th,td{border:1px solid #999;padding:.25em .6em;text-align:left}"
    ".n{text-align:right}code{word-break:break-all}"
)


def _table(title: str, what: str, counts: dict[str, int]) -> str:
    rows = "".join(f"<tr><td>{escape(k)}</td><td class=n>{v}</td></tr>" for k, v in counts.items())
    return (
        f"<h2>{escape(title)}</h2><table><thead><tr><th>{escape(what)}</th>"
        f"<th class=n>items</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def certificate_html(cert: Certificate) -> str:
    f = cert.facts
    period = f.get("period") or {}
    skipped = f.get("skipped") or {}
    people = [
        ("Batch", cert.batch_id),
        ("Due on or before", f.get("as_of")),
        ("Proposed", f"{f.get('proposed_at')} by {f.get('proposed_by')}"),
        ("Approved", f"{f.get('approved_at')} by {f.get('approved_by')}"),
        ("Disposed of", f"{f.get('disposed_at')} by {f.get('disposed_by')}"),
        ("Items fell due", f"{period.get('due_from')} – {period.get('due_to')}"),
        ("Items disposed of", f.get("items")),
        ("People concerned", f.get("subjects")),
        (
            "Left out at disposal",
            ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in skipped.items()) or "none",
        ),
    ]
    facts = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in people)
    systems = (
        "".join(
            f"<tr><td>{escape(s)}</td><td>{escape(st)}</td></tr>"
            for s, st in sorted(cert.systems.items())
        )
        or "<tr><td colspan=2>no system held these categories</td></tr>"
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Disposal certificate {escape(cert.batch_id)}</title>
<style>{_STYLE}</style>
</head><body>
<h1>Disposal certificate / 销毁证明</h1>
<p>piiguard disposed of the items below for good: removed from the data database, and
every copy of them (backups included) made unreadable by destroying the data key they were
sealed under. No personal value appears on this certificate.</p>
<table>{facts}</table>
{_table("Items by category", "category", f.get("by_category") or {})}
{_table("Items by purpose", "purpose", f.get("by_purpose") or {})}
{_table("Items by system", "system", f.get("by_system") or {})}
{_table("piiguard's own records about people", "record type", f.get("records") or {})}
<h2>Systems told to delete</h2>
<table><thead><tr><th>system</th><th>deletion notice</th></tr></thead>
<tbody>{systems}</tbody></table>
<h2>List of disposed items</h2>
<p>{escape(str(f.get("list_hash_of")))}:</p>
<p><code>{escape(cert.list_hash)}</code></p>
</body></html>
"""
