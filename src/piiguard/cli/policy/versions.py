"""`piiguard policy ...`: versions of the privacy policy (R8.1, R2.4) — read them and their
diff, propose a new one from two text files, publish it (a material change by another
privacy officer than its proposer), follow its notices per person. docs/accountability.md."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, print_table, refusals
from piiguard.domain.policy.notices import NoticeStatus
from piiguard.domain.policy.versions import ChangeKind

app = typer.Typer(
    help="Privacy policy versions (R8.1): read them and their diff, propose, publish (a "
    "material change by a second privacy officer), notices and renewed consent. 隐私政策版本。",
    no_args_is_help=True,
)


@app.command("versions")
def versions() -> None:
    """Every published version: published, effective, material, what it changes, notices
    done / queued. 列出已发布的版本。"""
    from piiguard.services.notices.views import notice_progress
    from piiguard.services.policy import versions as pv

    with open_container() as c:
        found = pv.policy_history(c.uow(readonly=True))
        progress = {v.version: notice_progress(c.uow(readonly=True), v.version) for v in found}
    print_table(
        ["version", "published", "effective", "material", "changes", "renewal", "notices"],
        [
            [
                v.version,
                fmt_at(v.published_at),
                (v.effective_on or v.published_at.date()).isoformat(),
                "yes" if v.material else "no",
                ", ".join(v.changes) or "-",
                ", ".join(v.renewal) or "-",
                f"{progress[v.version].done}/{progress[v.version].total}",
            ]
            for v in found
        ],
    )


@app.command("show")
def show(
    version: str,
    diff: Annotated[bool, typer.Option(help="what changed since the previous version")] = False,
    lang: Annotated[str, typer.Option(help="zh or en")] = "en",
) -> None:
    """A version's facts and text, or with --diff its section-by-section diff.
    显示一个版本（或与上一版的逐节对比）。"""
    from piiguard.services.policy import versions as pv

    if lang not in ("zh", "en"):
        raise typer.BadParameter("zh or en", param_hint="--lang")
    with open_container() as c, refusals():
        v = pv.get_version(c.uow(readonly=True), version)
        d = pv.diff_version(c.uow(readonly=True), version, lang) if diff else None
    summary = v.summary_zh if lang == "zh" else v.summary_en
    err.print(
        f"version {v.version}, published {fmt_at(v.published_at)}, effective "
        f"{(v.effective_on or v.published_at.date()).isoformat()}, "
        f"{'material: ' + ', '.join(v.changes) if v.material else 'not material'}"
        + (f"; renewal for {', '.join(v.renewal)}" if v.renewal else "")
        + (f"\n{summary}" if summary else ""),
        soft_wrap=True,
    )
    if d is None:
        typer.echo(v.text_in(lang))
        return
    if d.previous is None:
        typer.echo("(the first version: nothing to compare)")
        return
    if d.previous_missing:
        typer.echo("(the previous version has no Chinese text: all of it is new)")
    for s in d.sections:
        if s.change.value == "same":
            continue
        typer.echo(f"## {s.title or '(opening)'} [{s.change.value}]")
        for op, line in s.lines:
            typer.echo(f"{op} {line}")


@app.command("propose")
def propose(
    text_en: Annotated[Path, typer.Option(help="the English text, a UTF-8 file", exists=True)],
    text_zh: Annotated[Path, typer.Option(help="the Chinese text, a UTF-8 file", exists=True)],
    effective: Annotated[str, typer.Option(help="effective date, YYYY-MM-DD (today or later)")],
    summary_en: Annotated[str, typer.Option(help="what changed, in English")],
    summary_zh: Annotated[str, typer.Option(help="what changed, in Chinese")],
    material: Annotated[bool, typer.Option(help="a material change (needs --change)")] = False,
    change: Annotated[
        list[ChangeKind] | None, typer.Option(help="what a material change changes, repeatable")
    ] = None,
    purpose: Annotated[
        list[str] | None, typer.Option(help="a purpose it touches, repeatable")
    ] = None,
    notify: Annotated[bool, typer.Option(help="announce a change that is not material")] = False,
) -> None:
    """Propose a new version; prints the draft's id. Nothing changes until it is published
    (`piiguard policy publish ID`; a material change by another privacy officer).
    提交新版本草案。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import versions as pv

    try:
        day = date.fromisoformat(effective)
    except ValueError:
        raise typer.BadParameter(
            f"{effective!r}: use YYYY-MM-DD", param_hint="--effective"
        ) from None
    given = pv.DraftInput(
        text_en.read_text("utf-8"),
        text_zh.read_text("utf-8"),
        day,
        summary_en,
        summary_zh,
        material,
        tuple(c.value for c in change or ()),
        tuple(purpose or ()),
        notify,
    )
    with open_container() as c, refusals():
        d = pv.propose_version(c.uow(), c.snapshots, c.clock, OPERATOR, given)
    err.print(
        f"draft proposed by {d.proposed_by}; "
        + (
            "a material change: another privacy officer publishes it"
            if d.material
            else "publish it with `piiguard policy publish ID`"
        ),
        soft_wrap=True,
    )
    typer.echo(d.id)


@app.command("drafts")
def drafts() -> None:
    """Drafts, newest first, with their status. 列出草案。"""
    from piiguard.services.policy import versions as pv

    with open_container() as c:
        found = pv.list_drafts(c.uow(readonly=True))
    if not found:
        out.print("no drafts")
        return
    print_table(
        ["id", "status", "effective", "material", "proposed by", "version"],
        [
            [
                d.id,
                d.status.value,
                d.effective_on.isoformat(),
                "yes" if d.material else "no",
                d.proposed_by,
                d.version or "-",
            ]
            for d in found
        ],
    )


@app.command("publish")
def publish(draft_id: str) -> None:
    """Publish a draft as the next version and queue its notices (a material change: not
    by the officer who proposed it). 发布草案。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import versions as pv

    with open_container() as c, refusals():
        done = pv.publish_draft(c.uow(), c.snapshots, c.clock, OPERATOR, draft_id)
    out.print(
        f"version {done.version.version} published; {done.notices} notice(s) queued "
        "(the policy-notices job mails them: `piiguard worker`)"
    )


@app.command("reject")
def reject(
    draft_id: str, reason: Annotated[str, typer.Option(help="why (kept with the draft)")]
) -> None:
    """Reject a draft (its proposer: withdraw it). 驳回草案。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import versions as pv

    with open_container() as c, refusals():
        pv.reject_draft(c.uow(), c.clock, OPERATOR, draft_id, reason)
    out.print(f"draft {draft_id} rejected")


@app.command("notices")
def notices(
    version: str,
    status: Annotated[NoticeStatus | None, typer.Option(help="only this status")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 100,
) -> None:
    """The notices of a version: counts by status, then per person (subject id, status,
    attempts, reply code, sent, renewal answer). No address is shown. 通知状态。"""
    from piiguard.services.notices import views

    with open_container() as c, refusals():
        p = views.notice_progress(c.uow(readonly=True), version)
        rows = views.list_notices(
            c.uow(readonly=True), version, (status,) if status else (), limit=limit
        )
    err.print(
        ", ".join(f"{s.value} {n}" for s, n in sorted(p.counts.items())) or "no notices",
        soft_wrap=True,
    )
    if rows:
        print_table(
            ["subject", "status", "lang", "attempts", "reply", "sent", "renewal"],
            [
                [
                    n.subject_id,
                    n.status.value,
                    n.language or "-",
                    str(n.attempts),
                    str(n.reply_code or "-"),
                    fmt_at(n.sent_at),
                    ", ".join(f"{k}={a.value}" for k, a in n.answers)
                    or (("asked: " + ", ".join(n.renewal)) if n.renewal else "-"),
                ]
                for n in rows
            ],
        )


@app.command("notices-release")
def notices_release(version: str, subject: list[str]) -> None:
    """Put uncertain or failed notices back in the queue (an uncertain one may reach the
    person twice). 重新放入发送队列。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.notices import views

    with open_container() as c, refusals():
        n = views.release_notices(c.uow(), c.clock, OPERATOR, version, subject)
    out.print(f"{n} notice(s) back in the queue")
