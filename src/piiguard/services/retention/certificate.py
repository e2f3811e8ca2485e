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
from datetime import UTC, datetime
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


# every word of the page in English and Simplified Chinese, side by side: the file an
# auditor keeps is read in either language (the console's page follows the reader's)
_W = {
    "items": "items / 条目",
    "Batch": "Batch / 批次",
    "Due on or before": "Due on or before / 到期截止",
    "Proposed": "Proposed / 提议",
    "Approved": "Approved / 批准",
    "Disposed of": "Disposed of / 销毁",
    "by": "by / 由",
    "Items fell due": "Items fell due / 数据到期期间",
    "Items disposed of": "Items disposed of / 已销毁条目",
    "People concerned": "People concerned / 涉及人数",
    "Left out at disposal": "Left out at disposal / 销毁时未处理",
    "gone": "gone / 已不存在",
    "held": "held / 法律保全",
    "not_due": "not due / 未到期",
    "none": "none / 无",
    "category": "category / 数据类别",
    "purpose": "purpose / 用途",
    "system": "system / 系统",
    "record type": "record type / 记录类型",
    "deletion notice": "deletion notice / 删除通知",
    "pending": "pending / 待发送",
    "sent": "sent / 已发送",
    "confirmed": "confirmed / 已确认",
    "waived": "waived / 已豁免",
}


def _table(title: str, what: str, counts: dict[str, int]) -> str:
    rows = "".join(f"<tr><td>{escape(k)}</td><td class=n>{v}</td></tr>" for k, v in counts.items())
    return (
        f"<h2>{escape(title)}</h2><table><thead><tr><th>{escape(_W[what])}</th>"
        f"<th class=n>{_W['items']}</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def time_tag(value: object) -> str:
    """A time of the certificate as a person reads it (2026-12-07 09:30 UTC; the same in
    both languages) in a <time> element whose `datetime` keeps the value as written."""
    if not isinstance(value, str) or not value:
        return "—"
    try:
        shown = datetime.fromisoformat(value).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return escape(value)
    return f'<time datetime="{escape(value)}">{shown}</time>'


def certificate_html(cert: Certificate) -> str:
    """The certificate as a self-contained page (no script), every word in English and
    Chinese; ids, keys, counts and the list hash as written at disposal, times as a person
    reads them with the value as written in their <time> element."""
    f = cert.facts
    period = f.get("period") or {}
    skipped = f.get("skipped") or {}
    by = _W["by"]

    def done(at: str, who: str) -> str:
        return f"{time_tag(f.get(at))} {by} {escape(str(f.get(who)))}"

    people = [
        ("Batch", escape(cert.batch_id)),
        ("Due on or before", time_tag(f.get("as_of"))),
        ("Proposed", done("proposed_at", "proposed_by")),
        ("Approved", done("approved_at", "approved_by")),
        ("Disposed of", done("disposed_at", "disposed_by")),
        (
            "Items fell due",
            f"{time_tag(period.get('due_from'))} – {time_tag(period.get('due_to'))}",
        ),
        ("Items disposed of", escape(str(f.get("items")))),
        ("People concerned", escape(str(f.get("subjects")))),
        (
            "Left out at disposal",
            escape(", ".join(f"{_W.get(k, k)}: {v}" for k, v in skipped.items()) or _W["none"]),
        ),
    ]
    facts = "".join(f"<tr><th>{escape(_W[k])}</th><td>{v}</td></tr>" for k, v in people)
    systems = (
        "".join(
            f"<tr><td>{escape(s)}</td><td>{escape(_W.get(st, st))}</td></tr>"
            for s, st in sorted(cert.systems.items())
        )
        or "<tr><td colspan=2>no system held these categories / 无系统持有这些类别</td></tr>"
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Disposal certificate / 销毁证明 {escape(cert.batch_id)}</title>
<style>{_STYLE}</style>
</head><body>
<h1>Disposal certificate / 销毁证明</h1>
<p>piiguard disposed of the items below for good: removed from the data database, and
every copy of them (backups included) made unreadable by destroying the data key they were
sealed under. No personal value appears on this certificate.</p>
<p lang="zh-CN">piiguard 已永久销毁下列数据：从数据库中删除，并销毁加密这些数据的数据密钥，
使其所有副本（包括备份）均无法读取。本证明不含任何个人信息的值。</p>
<table>{facts}</table>
{_table("Items by category / 按数据类别", "category", f.get("by_category") or {})}
{_table("Items by purpose / 按用途", "purpose", f.get("by_purpose") or {})}
{_table("Items by system / 按系统", "system", f.get("by_system") or {})}
{
        _table(
            "piiguard's own records about people / piiguard 自身的个人记录",
            "record type",
            f.get("records") or {},
        )
    }
<h2>Systems told to delete / 已通知删除的系统</h2>
<table><thead><tr><th>{_W["system"]}</th><th>{_W["deletion notice"]}</th></tr></thead>
<tbody>{systems}</tbody></table>
<h2>List of disposed items / 已销毁条目清单</h2>
<p>{escape(str(f.get("list_hash_of")))}
（已销毁的数据条目与记录编号按序排列、每行一个，其 SHA-256）:</p>
<p><code>{escape(cert.list_hash)}</code></p>
</body></html>
"""
