"""The live evidence of this installation for the evidence report (R10.2): each item read from
its register when the report is made, stamped with the time it was read. Counts, dates,
ids and keys only — never personal data (staff accounts are counted, not named). Reads
write nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from piiguard.domain.assessments.model import Status as AssessmentStatus
from piiguard.domain.backups.model import RestoreState
from piiguard.domain.evidence.controls import Live
from piiguard.domain.evidence.report import Fact, LiveItem, State
from piiguard.domain.incidents.model import IncidentStatus
from piiguard.domain.incidents.obligations import ClockStatus
from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.domain.incidents.vulns import VulnStatus
from piiguard.domain.policy.datamap import FindingStatus
from piiguard.domain.ports import CheckpointSigner, Clock, UnitOfWork
from piiguard.domain.retention.disposal import BatchStatus
from piiguard.domain.rights.ports import QueueFilter
from piiguard.domain.rights.rules import RequestStatus
from piiguard.domain.staff_security import StaffPolicy, needs_mfa, password_expired
from piiguard.services import audit
from piiguard.services.assessments.duties import current_duties
from piiguard.services.assessments.register import list_assessments
from piiguard.services.backups._common import BackupKit
from piiguard.services.backups.job import attention as restore_state
from piiguard.services.incidents.register import list_incidents
from piiguard.services.incidents.vulns import list_vulns, overdue_vulns
from piiguard.services.policy.datamap import list_findings
from piiguard.services.policy.snapshot import PolicySnapshots
from piiguard.services.policy.versions import current_policy
from piiguard.services.records.generate import record_versions
from piiguard.services.retention.batches import list_batches
from piiguard.services.rights.intake import list_requests, request_counts
from piiguard.services.sharing.register import list_agreements

VERIFY_EVERY = timedelta(days=7)  # an older verification is worth an auditor's question
OLD_FINDING = timedelta(days=30)
AGES = ((7, "< 7 d"), (30, "7–30 d"), (90, "30–90 d"), (None, "≥ 90 d"))
MOST = 100_000  # rows read per register at most (said in the item when reached)


@dataclass(frozen=True, slots=True)
class Sources:
    """Where the live evidence is read (bootstrap/evidence.py fills it from the container)."""

    uow: Callable[[], UnitOfWork]  # read-only units of work
    security_uow: Callable[[], SecurityUnitOfWork]
    clock: Clock
    signer: CheckpointSigner
    backups: BackupKit | None
    staff: StaffPolicy
    agreement_notice_days: int
    policy: PolicySnapshots


def _at(t: datetime | None) -> str:
    return "—" if t is None else t.strftime("%Y-%m-%d %H:%M UTC")


def _ages(now: datetime, created: Iterable[datetime]) -> list[Fact]:
    counts = dict.fromkeys([label for _, label in AGES], 0)
    for at in created:
        days = (now - at).days
        label = next(lbl for most, lbl in AGES if most is None or days < most)
        counts[label] += 1
    return [Fact(f"open, {k} old", f"未关闭，已 {k}", str(n)) for k, n in counts.items()]


def _item(s: Sources, key: Live, en: str, zh: str, bad: bool, facts: list[Fact]) -> LiveItem:
    state = State.ATTENTION if bad else State.OK
    return LiveItem(key, en, zh, state, s.clock.now(), tuple(facts))


def audit_item(s: Sources) -> LiveItem:
    v = audit.last_verification(s.uow())
    cp = audit.last_checkpoint(s.uow(), s.signer)
    now = s.clock.now()
    facts = [
        Fact("last verification", "最近一次校验", _at(v.at) if v else "never / 从未"),
    ]
    if v is not None:
        facts += [
            Fact("result", "结果", "intact / 完整" if v.ok else f"BROKEN at #{v.first_bad_seq}"),
            Fact(
                "entries, checkpoints checked",
                "校验的条目、检查点",
                f"{v.entries}, {v.checkpoints}",
            ),
            Fact("verified by", "校验者", f"{v.actor_kind}:{v.actor_id}"),
        ]
    facts.append(
        Fact("last signed checkpoint", "最近签名检查点", _at(cp.at) if cp else "none / 无")
    )
    if cp is not None:
        facts += [
            Fact("entries covered", "覆盖的条目", f"#{cp.first_seq}–#{cp.last_seq}"),
            Fact("key id", "密钥标识", cp.key_id),
            Fact("signature verifies", "签名有效", "yes / 是" if cp.signature_ok else "NO / 否"),
        ]
    bad = (
        v is None
        or not v.ok
        or now - v.at > VERIFY_EVERY
        or (cp is not None and not cp.signature_ok)
    )
    return _item(s, Live.AUDIT, "Audit trail", "审计日志", bad, facts)


def backups_item(s: Sources) -> LiveItem:
    if s.backups is None:
        return _item(s, Live.BACKUPS, "Backups", "备份", True, [Fact("backups", "备份", "off")])
    a = restore_state(s.backups)
    with s.backups.units() as uow:
        newest = next(iter(uow.backups.tests(limit=1)), None)
        last = next(iter(uow.backups.recent(limit=1)), None)
    facts = [
        Fact("state of the restore tests", "恢复测试状态", a.state.value),
        Fact(
            "last restore test", "最近一次恢复测试", _at(newest.started_at) if newest else "never"
        ),
    ]
    if newest is not None:
        facts += [
            Fact("result", "结果", "passed / 通过" if newest.ok else "FAILED / 失败"),
            Fact("test id, backup id", "测试、备份编号", f"{newest.id}, {newest.backup_id}"),
        ]
    facts += [
        Fact("last backup", "最近一次备份", _at(last.created_at) if last else "none / 无"),
        Fact(
            "restore test due every",
            "恢复测试周期",
            f"{s.backups.terms.restore_test_days:g} d",
        ),
    ]
    bad = a.state is not RestoreState.OK  # failed, overdue, or nothing backed up yet
    return _item(s, Live.BACKUPS, "Backup restore tests", "备份恢复测试", bad, facts)


def requests_item(s: Sources) -> LiveItem:
    now = s.clock.now()
    closed = list_requests(
        s.uow(),
        QueueFilter(
            statuses=frozenset({RequestStatus.COMPLETED, RequestStatus.REFUSED}), limit=MOST
        ),
    )
    late = sum(1 for r in closed if r.closed_at is not None and r.closed_at > r.due_at)
    n_open, overdue = request_counts(s.uow(), now)
    facts = [
        Fact("answered", "已答复", str(len(closed))),
        Fact("answered in time", "按时答复", str(len(closed) - late)),
        Fact("answered late", "逾期答复", str(late)),
        Fact("open", "处理中", str(n_open)),
        Fact("open and overdue", "已逾期未答复", str(overdue)),
    ]
    return _item(
        s, Live.REQUESTS, "Requests of the person", "个人权利请求", bool(late or overdue), facts
    )


def findings_item(s: Sources) -> LiveItem:
    now = s.clock.now()
    active = [
        f
        for f in list_findings(s.uow())
        if f.status in (FindingStatus.OPEN, FindingStatus.ASSIGNED)
    ]
    facts = [Fact("open findings", "未关闭的发现项", str(len(active)))]
    facts += _ages(now, (f.created_at for f in active))
    bad = any(now - f.created_at > OLD_FINDING for f in active)
    return _item(
        s, Live.FINDINGS, "Findings (scanner, data map)", "发现项（扫描、数据地图）", bad, facts
    )


def vulns_item(s: Sources) -> LiveItem:
    now = s.clock.now()
    open_ = (VulnStatus.OPEN, VulnStatus.IN_PROGRESS, VulnStatus.RISK_PROPOSED)
    found = list_vulns(s.security_uow(), open_, MOST)
    late = overdue_vulns(s.security_uow(), now, MOST)
    facts = [Fact("open vulnerabilities", "未修复的漏洞", str(len(found)))]
    facts += _ages(now, (v.found_at for v in found))
    facts.append(Fact("past their deadline", "超过修复期限", str(len(late))))
    return _item(s, Live.VULNS, "Vulnerabilities", "漏洞", bool(late), facts)


def disposal_item(s: Sources) -> LiveItem:
    done = list_batches(s.uow(), (BatchStatus.DISPOSED,), MOST)
    newest = max(done, key=lambda b: b.disposed_at or b.created_at, default=None)
    facts = [
        Fact("disposal certificates", "销毁证明", str(len(done))),
        Fact("items disposed of", "已销毁的条目", str(sum(b.item_count for b in done))),
        Fact("last disposal", "最近一次销毁", _at(newest.disposed_at) if newest else "none / 无"),
    ]
    if newest is not None:
        facts.append(
            Fact("its batch, list hash", "批次、清单哈希", f"{newest.id}, {newest.list_hash}")
        )
    return _item(s, Live.DISPOSAL, "Disposal certificates", "销毁证明", False, facts)


def staff_item(s: Sources) -> LiveItem:
    now = s.clock.now()
    with s.uow() as uow:
        active = [a for a in uow.staff.accounts() if a.active]
    must = [a for a in active if needs_mfa(a.roles, s.staff)]
    enrolled = [a for a in active if a.mfa_enrolled]
    ages = sorted((now - (a.password_changed_at or a.created_at)).days for a in active)
    old = [a for a in active if password_expired(a, now, s.staff)]
    missing = [a for a in must if not a.mfa_enrolled]
    facts = [
        Fact("active accounts", "在用账户", str(len(active))),
        Fact("with two-step sign-in", "已启用两步登录", f"{len(enrolled)} of {len(active)}"),
        Fact("whose role needs it, without it", "角色要求但未启用", str(len(missing))),
        Fact(
            "password age, median / oldest",
            "密码使用天数（中位 / 最长）",
            (f"{ages[len(ages) // 2]} d / {ages[-1]} d" if ages else "—"),
        ),
        Fact(
            "passwords past the limit",
            "超过更换期限的密码",
            (f"{len(old)} (limit {s.staff.max_age_days} d)"),
        ),
    ]
    return _item(s, Live.STAFF, "Staff accounts", "员工账户", bool(missing or old), facts)


def agreements_item(s: Sources) -> LiveItem:
    now = s.clock.now()
    soon = now + timedelta(days=s.agreement_notice_days)
    every = list_agreements(s.uow())
    in_force = [a for a in every if a.in_force(now)]
    ending = [a for a in in_force if a.valid_until and a.valid_until <= soon]
    ended = [a for a in every if not a.in_force(now)]
    facts = [
        Fact("agreements in force", "有效协议", str(len(in_force))),
        Fact(
            f"ending within {s.agreement_notice_days} d",
            f"{s.agreement_notice_days} 天内到期",
            ", ".join(f"{a.id} ({a.valid_until:%Y-%m-%d})" for a in ending if a.valid_until) or "0",
        ),
        Fact("expired or terminated", "已到期或终止", str(len(ended))),
    ]
    return _item(
        s, Live.AGREEMENTS, "Agreements with recipients", "与接收方的协议", bool(ending), facts
    )


def incidents_item(s: Sources) -> LiveItem:
    now = s.clock.now()
    found = list_incidents(s.security_uow(), (), MOST)
    with s.security_uow() as uow:
        running = uow.incidents.clocks_by_status((ClockStatus.RUNNING,), MOST)
        submitted = uow.incidents.clocks_by_status((ClockStatus.SUBMITTED,), MOST)
    late_open = sum(1 for k in running if k.overdue(now))
    facts = [
        Fact(
            f"incidents {st.value}",
            f"事件（{st.value}）",
            str(sum(1 for i in found if i.status is st)),
        )
        for st in IncidentStatus
    ]
    facts += [
        Fact("reporting clocks running", "进行中的报告时限", str(len(running))),
        Fact("running past their deadline", "已超过时限", str(late_open)),
        Fact("next deadline", "最近的时限", _at(min((k.due_at for k in running), default=None))),
        Fact("reports made in time", "按时报告", str(sum(1 for k in submitted if not k.late()))),
        Fact("reports made late", "逾期报告", str(sum(1 for k in submitted if k.late()))),
    ]
    late = late_open or any(k.late() for k in submitted)
    return _item(
        s, Live.INCIDENTS, "Incidents and their clocks", "安全事件及其时限", bool(late), facts
    )


def records_item(s: Sources) -> LiveItem:
    latest = next(iter(record_versions(s.uow(), 1)), None)
    policy = current_policy(s.uow())
    facts = [
        Fact(
            "record of processing, latest version",
            "处理活动记录最新版本",
            (f"{latest.version} ({_at(latest.generated_at)})" if latest else "none yet / 尚未生成"),
        ),
    ]
    if latest is not None:
        facts.append(Fact("its SHA-256", "其 SHA-256", latest.sha256))
    facts.append(
        Fact(
            "policy version in force",
            "现行隐私政策版本",
            (f"{policy.version}" if policy else "1 (shipped)"),
        )
    )
    return _item(
        s, Live.RECORDS, "Record of processing, policy", "处理活动记录、隐私政策", False, facts
    )


def assessments_item(s: Sources) -> LiveItem:
    found = list_assessments(s.uow(), s.policy, s.clock)
    duties, _ = current_duties(s.uow(), s.clock)
    in_force = [v for v in found if v.assessment.status is AssessmentStatus.APPROVED]
    due = [v for v in in_force if v.review_due]
    waiting = (AssessmentStatus.SUBMITTED, AssessmentStatus.REVIEWED)
    last = duties.last_audit
    facts = [
        Fact("assessments approved, in force", "已批准、有效的评估", str(len(in_force))),
        Fact("of those, due for review", "其中需复核", str(len(due))),
        Fact(
            "waiting for review or approval",
            "待复核或批准",
            str(sum(1 for v in found if v.assessment.status in waiting)),
        ),
        Fact("people whose information is held", "所持个人信息的人数", str(duties.people)),
        Fact(
            "PI protection officer required",
            "须设个人信息保护负责人",
            ("yes / 是" if duties.officer_required else "no / 否"),
        ),
        Fact(
            "compliance audit mandatory",
            "须定期合规审计",
            ("yes / 是" if duties.audit_mandatory else "no / 否"),
        ),
        Fact(
            "last compliance audit",
            "最近一次合规审计",
            (last.audited_on.isoformat() if last else "none / 无"),
        ),
        Fact("next compliance audit due", "下次合规审计到期", duties.next_audit_due.isoformat()),
    ]
    bad = bool(due) or (duties.audit_mandatory and duties.audit_overdue)
    return _item(
        s,
        Live.ASSESSMENTS,
        "Impact assessments, audit duties",
        "影响评估、合规审计义务",
        bad,
        facts,
    )


READERS: tuple[Callable[[Sources], LiveItem], ...] = (
    audit_item,
    backups_item,
    requests_item,
    findings_item,
    vulns_item,
    disposal_item,
    staff_item,
    agreements_item,
    incidents_item,
    records_item,
    assessments_item,
)


def read_live(s: Sources) -> tuple[LiveItem, ...]:
    return tuple(read(s) for read in READERS)
