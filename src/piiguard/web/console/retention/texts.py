"""The words of web/console/retention/ in Simplified Chinese and English (merged over the
console's own, web/console/texts.py, by kit.console_page): the schedule and its history,
legal holds, the preview, disposal batches, certificates and deletion notices, the person
page's retain-until, the front page's hints."""

from __future__ import annotations

from piiguard.web.console.retention import texts_disposal
from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # -- the area's own menu -----------------------------------------------------------------
    "sub_label": ("保存与销毁", "Retention and disposal"),
    "sub_schedule": ("保存期限表", "Schedule"),
    "sub_history": ("版本与复核记录", "Versions and reviews"),
    "sub_holds": ("法律保全", "Legal holds"),
    "sub_preview": ("销毁预览", "Preview"),
    "sub_batches": ("销毁批次", "Disposal batches"),
    "read_only": ("您可以查看，但不能修改。", "You may read this page but not change it."),
    "not_yet": ("尚未", "not yet"),
    "any": ("全部", "any"),
    "filter": ("筛选", "Filter"),
    "filter_status": ("状态", "Status"),
    "clear_filters": ("清除筛选", "Clear filters"),
    "short_id": ("编号 {id}", "id {id}"),
    "col_status": ("状态", "Status"),
    "col_items": ("条目数", "Items"),
    "col_category": ("数据类别", "Category"),
    "col_system": ("系统", "System"),
    "col_purpose": ("用途", "Purpose"),
    "all_scope": ("全部", "all"),
    "until_past": (
        "「{f}」已过，请填写今天或以后的日期。",
        "{f} has passed: give today or a later day.",
    ),
    "date_range": (
        "「{f}」须在 1970-01-01 至 9998-12-31 之间。",
        "{f} must fall between 1970-01-01 and 9998-12-31.",
    ),
    # -- the schedule ------------------------------------------------------------------------
    "schedule_title": ("保存期限表", "Retention schedule"),
    "schedule_intro": (
        "每项数据的保存期限由其仍在使用的用途决定：用途的规则（或该类别的例外规则）从指定事件起算，"
        "法定最短保存期限优先。每次修改生成新版本并记入审计记录。",
        "An item's retain-until follows from the purposes it is still held for: each "
        "purpose's rule (or a category override) counted from its anchor event, and any legal "
        "minimum that keeps it longer. Every change makes a new version and is audited.",
    ),
    "schedule_version": ("当前版本：{v}", "Current version: {v}"),
    "purposes_title": ("各用途的规则", "Rules per purpose"),
    "col_register_days": ("用途登记中的天数", "Register's days"),
    "col_days": ("保存天数", "Days"),
    "col_anchor": ("起算事件", "Counted from"),
    "col_basis": ("来源", "Set by"),
    "col_note": ("说明", "Note"),
    "basis_rule": ("保存期限表中的规则", "a schedule rule"),
    "basis_register": ("用途登记（自收集起算）", "the purpose register (from collection)"),
    "inactive": ("已停用", "inactive"),
    "overrides_title": ("类别例外规则", "Category overrides"),
    "overrides_hint": (
        "某用途下某一类别（含其下级类别）的规则，优先于该用途自身的规则。",
        "A rule for one category (and those below it) under a purpose; it replaces the "
        "purpose's own rule for that category.",
    ),
    "no_overrides": ("暂无类别例外规则。", "No category overrides."),
    "remove_button": ("删除规则", "Remove rule"),
    "remove_rule_of": ("删除 {p} / {c} 的规则", "Remove the rule of {p} / {c}"),
    "rule_form_title": ("设置用途规则或类别例外", "Set a purpose's rule or a category override"),
    "rule_form_hint": (
        "不选类别即设置该用途自身的规则；选择类别即设置该类别的例外规则。",
        "Leave the category empty for the purpose's own rule; choose one for an override.",
    ),
    "f_purpose": ("用途", "Purpose"),
    "f_category": ("数据类别", "Data category"),
    "category_blank": ("（该用途自身的规则）", "(the purpose's own rule)"),
    "f_days": ("保存天数", "Days to keep"),
    "days_hint": ("1 至 36600 之间的整数。", "A whole number from 1 to 36,600."),
    "f_anchor": ("起算事件", "Counted from"),
    "f_note": ("说明（可选）", "Note (optional)"),
    "save_rule_button": ("保存规则", "Save rule"),
    "anchor_collected": ("收集时", "collection"),
    "anchor_confirmed": ("最近一次确认时", "last confirmation"),
    "anchor_contract_end": ("合同终止时", "end of the contract"),
    "anchor_last_order": ("最近一次订单时", "last order"),
    "anchor_request_closed": ("请求关闭时", "request closed"),
    "anchor_received": ("接收或生成时", "received or made"),
    "records_title": ("piiguard 自身记录的规则", "Rules for piiguard's own records"),
    "records_hint": (
        "piiguard 自身保存的与个人有关的记录（含密封联系方式的请求记录、待分拣邮件、"
        "已交付的数据包、决定与审计中的密封备注）。审计条目本身不含明文，始终保留。",
        "Records piiguard keeps about people (request records with sealed contacts, mail in "
        "triage, delivered packages, sealed notes of decisions and audit details). Audit "
        "entries hold no plaintext and are kept.",
    ),
    "col_record_type": ("记录类型", "Record"),
    "record_data_request": ("权利请求记录", "Rights request records"),
    "record_triage_mail": ("待分拣邮件", "Mail in triage"),
    "record_request_package": ("已交付的数据包", "Delivered packages"),
    "record_decision_note": ("决定与审计中的密封备注", "Sealed notes of decisions and audit"),
    "no_record_rule": ("尚无规则（保留）", "no rule yet (kept)"),
    "record_form_title": ("设置自身记录的规则", "Set a rule for piiguard's own records"),
    "f_record_type": ("记录类型", "Record"),
    "save_record_button": ("保存记录规则", "Save record rule"),
    "minimums_title": ("法定最短保存期限", "Legal minimums"),
    "minimums_hint": (
        "无论用途规则如何，法律要求保存的数据至少保存到此期限。",
        "Whatever a purpose's rule says, data the law requires is kept at least this long.",
    ),
    "col_key": ("标识", "Key"),
    "col_name": ("名称", "Name"),
    "col_legal_source": ("法律依据", "Legal source"),
    "col_min_days": ("最短保存", "At least"),
    "days_n": ("{n} 天", "{n} days"),
    "permanent": ("永久", "permanently"),
    "col_categories": ("数据类别", "Categories"),
    "col_purposes": ("用途", "Purposes"),
    "any_purpose": ("任何用途", "any purpose"),
    "col_active": ("是否适用", "Applies"),
    "active_yes": ("适用", "applies"),
    "active_no": ("未启用", "not applied"),
    "edit_minimum": ("修改 {k}", "Change {k}"),
    "minimum_form_title": ("新增或修改法定最短保存期限", "Add or change a legal minimum"),
    "minimum_form_editing": ("正在修改：{k}", "Changing: {k}"),
    "f_key": ("标识", "Key"),
    "key_hint": (
        "小写字母、数字和下划线；已有标识即修改该项。",
        "Lower-case letters, digits and underscores; an existing key changes that minimum.",
    ),
    "f_en": ("英文名称", "English name"),
    "f_zh": ("中文名称", "Chinese name"),
    "f_legal_source": ("法律依据（法规、条款）", "Legal source (law, article)"),
    "f_min_days": ("最短保存天数", "Days to keep at least"),
    "f_permanent": ("永久保存", "Keep permanently"),
    "f_min_anchor": ("起算事件", "Counted from"),
    "f_categories": ("数据类别", "Data categories"),
    "categories_hint": (
        "可多选；每个类别包括其下级类别。",
        "Choose one or more; each covers those below it.",
    ),
    "f_purposes": ("适用的用途", "Purposes it applies to"),
    "purposes_hint": ("不选即适用于任何用途。", "None chosen: any purpose."),
    "f_active": ("适用此最短期限", "Apply this minimum"),
    "save_minimum_button": ("保存法定最短期限", "Save legal minimum"),
    # -- the periodic review -----------------------------------------------------------------
    "review_title": ("定期复核", "Periodic review"),
    "last_review": ("最近一次复核", "Last review"),
    "never_reviewed": ("尚未复核过", "never reviewed"),
    "review_by_at": ("{who}，{at}（版本 {v}）", "{who}, {at} (version {v})"),
    "review_changes": ("复核结果", "What it changed"),
    "next_due": ("下次复核到期", "Next review due"),
    "due_now": ("现在", "now"),
    "review_overdue": ("已逾期", "overdue"),
    "review_on_time": ("未到期", "not yet due"),
    "review_form_title": ("记录一次复核", "Record a review"),
    "f_changes": ("本次复核的修改（或“无修改”）", "What this review changed (or “nothing”)"),
    "f_interval_days": ("下次复核间隔（天）", "Next review in (days)"),
    "interval_hint": ("1 至 1098 天，默认 365 天。", "1 to 1,098 days; 365 unless you say."),
    "record_review_button": ("记录复核", "Record review"),
    # -- history -----------------------------------------------------------------------------
    "history_title": ("保存期限表的版本与复核", "Schedule versions and reviews"),
    "history_intro": (
        "保存期限表的每一次修改：版本、修改内容、修改人和时间（审计记录中有相同条目）。",
        "Every change of the schedule: its version, what changed, who and when (the audit "
        "trail has the same entries).",
    ),
    "versions_title": ("版本", "Versions"),
    "col_version": ("版本", "Version"),
    "col_kind": ("种类", "Kind"),
    "col_target": ("对象", "What"),
    "col_definition": ("修改后的定义", "As changed"),
    "col_changed_at": ("时间", "When"),
    "col_changed_by": ("修改人", "Who"),
    "kind_rule": ("用途规则", "purpose rule"),
    "kind_record_rule": ("自身记录规则", "record rule"),
    "kind_minimum": ("法定最短期限", "legal minimum"),
    "kind_interval": ("确认间隔", "confirmation interval"),
    "removed": ("已删除", "removed"),
    "no_changes": ("尚无修改。", "No changes yet."),
    "reviews_title": ("复核记录", "Reviews"),
    "col_reviewed_at": ("复核时间", "Reviewed"),
    "col_reviewed_by": ("复核人", "By"),
    "col_next_due": ("下次到期", "Next due"),
    "no_reviews": ("尚无复核记录。", "No review recorded yet."),
    # -- the person page ---------------------------------------------------------------------
    "kept_indefinitely": ("永久保存（法定）", "kept indefinitely (by law)"),
    "under_hold": ("法律保全中", "under a legal hold"),
    # -- form checks -------------------------------------------------------------------------
    "bad_days": (
        "「{f}」须为 1 至 36600 之间的整数。",
        "{f} must be a whole number from 1 to 36,600.",
    ),
    "bad_interval": (
        "「{f}」须为 1 至 1098 之间的整数。",
        "{f} must be a whole number from 1 to 1,098.",
    ),
    "bad_key": (
        "「{f}」只能包含小写字母、数字、下划线和连字符。",
        "{f} may hold lower-case letters, digits, underscores and hyphens only.",
    ),
    "scope_needed": (
        "请至少指明保全覆盖的个人、数据类别或系统之一。",
        "Name the people, categories or systems the hold covers (at least one).",
    ),
    "unknown_rule": ("没有这条规则。", "There is no such rule."),
    # -- flashes -----------------------------------------------------------------------------
    "done_rule_saved": (
        "规则已保存，保存期限表已更新版本。",
        "Rule saved: the schedule has a new version.",
    ),
    "done_rule_removed": (
        "规则已删除，保存期限表已更新版本。",
        "Rule removed: the schedule has a new version.",
    ),
    "done_record_rule_saved": ("自身记录的规则已保存。", "Record rule saved."),
    "done_minimum_saved": ("法定最短保存期限已保存。", "Legal minimum saved."),
    "done_reviewed": ("复核已记录。", "Review recorded."),
    "done_hold_proposed": (
        "法律保全已提出，等待另一位负责人批准。",
        "Hold proposed: it waits for another privacy officer.",
    ),
    "done_hold_approved": ("法律保全已批准，现已生效。", "Hold approved: it is in force."),
    "done_hold_rejected": ("法律保全已拒绝。", "Hold rejected."),
    "done_lift_requested": (
        "已申请解除，等待另一位负责人确认；保全仍然生效。",
        "Lift asked: another privacy officer lifts it; the hold stays in force until then.",
    ),
    "done_hold_lifted": ("法律保全已解除。", "Hold lifted."),
    "done_nothing_due": ("目前没有需要销毁的数据。", "Nothing is due now: no batch made."),
    "done_batch_proposed": ("已生成销毁批次，等待批准。", "Batch made: it waits for approval."),
    "done_batch_approved": ("批次已批准。", "Batch approved."),
    "done_batch_rejected": (
        "批次已拒绝，其中数据不会被销毁。",
        "Batch rejected: nothing on it is disposed of.",
    ),
    "done_batch_disposed": (
        "批次已销毁，证明如下。",
        "Batch disposed of: its certificate follows.",
    ),
    "done_task_confirmed": ("已记录系统的确认。", "The system's confirmation is recorded."),
    "done_task_waived": ("删除通知已豁免。", "Deletion notice waived."),
    # -- the front page (attention) ----------------------------------------------------------
    "attn_retention_review_overdue": (
        "保存期限表的定期复核已到期",
        "The retention schedule's review is due now",
    ),
    "attn_retention_review_due": (
        "保存期限表的定期复核将在 30 天内到期",
        "The retention schedule's review is due within 30 days",
    ),
    "attn_retention_batches_waiting": (
        "等待批准的销毁批次：{n}",
        "Disposal batches waiting for approval: {n}",
    ),
    "attn_retention_holds_waiting": (
        "等待第二位负责人的法律保全：{n}",
        "Legal holds waiting for a second officer: {n}",
    ),
    "attn_retention_tasks_overdue": (
        "逾期未确认的删除通知：{n}",
        "Deletion notices not confirmed in time: {n}",
    ),
}


def words(lang: str) -> dict[str, str]:
    """The area's words: these and the holds', preview's, batches' and certificate's
    (texts_disposal.py)."""
    i = LANGS.index(lang)
    return {k: v[i] for k, v in (TEXT | texts_disposal.TEXT).items()}
