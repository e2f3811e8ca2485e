"""The words of web/console/upkeep/ in Simplified Chinese and English (merged over the
console's own, web/console/texts.py, by kit.console_page): the confirmation queue and
intervals (R2.8), the child-data tasks (R6.3), the front page's hints. The pages' own keys
start with `u_` so none replaces a word of the console's frame."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # -- shared ---------------------------------------------------------------------------
    "u_choose": ("请选择", "Choose"),
    "u_not_yet": ("尚未", "not yet"),
    "u_clear_filters": ("清除筛选", "Clear filters"),
    "u_filter_status": ("状态", "Status"),
    "u_col_status": ("状态", "Status"),
    "u_col_person": ("个人", "Person"),
    "u_col_category": ("数据类别", "Data category"),
    "u_person_n": ("个人 {id}", "Person {id}"),
    "u_days_n": ("{n} 天", "{n} days"),
    "bad_days": ("「{f}」应为 1 至 36500 之间的整数。", "{f}: a whole number from 1 to 36,500."),
    "no_items": ("请至少勾选一个「{f}」。", "Tick at least one of the {f}."),
    # -- confirmation statuses and methods ------------------------------------------------
    "u_status_queued": ("待发送邮件", "queued for mail"),
    "u_status_mailed": ("已发邮件，待本人答复", "mailed, waiting for the person"),
    "u_status_staff_queue": ("待员工联系", "waiting for staff"),
    "u_status_answered": ("已答复", "answered"),
    "u_status_closed": ("已关闭", "closed"),
    "u_method_phone": ("电话", "by phone"),
    "u_method_in_person": ("当面", "in person"),
    "u_method_letter": ("信函", "by letter"),
    "u_method_email": ("电子邮件", "by email"),
    "u_method_web": ("隐私中心页面", "on the privacy centre page"),
    # -- the queue ------------------------------------------------------------------------
    "u_queue_title": ("个人信息核对", "Keeping data up to date"),
    "u_queue_intro": (
        "超过核对期限未确认的个人信息会排入队列：系统先向本人发送邮件（内附隐私中心链接），"
        "若 N 天内未答复或无可用邮箱，则转入员工队列，由员工通过电话或当面核对并记录方式。"
        "页面只显示编号、类别和日期，不显示信息内容。本人提出的更正请通过权利请求处理。",
        "Personal data not confirmed within its category's interval is queued: the person is "
        "mailed a link to the privacy centre; unanswered after N days, or with no address we "
        "may use, the request waits for staff, who confirm by phone or in person and record "
        "how. Ids, categories and dates only — never a value. A correction the person gives "
        "you is a rights request.",
    ),
    "u_all_open": ("所有未完成的", "All open"),
    "u_queue_table": (
        "核对请求（待员工联系的排在最前）",
        "Confirmation requests (staff queue first)",
    ),
    "u_col_request": ("核对请求", "Request"),
    "u_col_items": ("数据项", "Items"),
    "u_col_stale_since": ("过期未核对自", "Stale since"),
    "u_col_queued": ("排队时间", "Queued"),
    "u_col_mailed": ("邮件发送", "Mailed"),
    "u_col_staff_since": ("转入员工队列", "In the staff queue since"),
    "u_col_answered": ("答复", "Answered"),
    "u_request_n": ("请求 {id}", "Request {id}"),
    "u_queued_at": ("排队于 {at}", "queued {at}"),
    "u_no_confirmations": ("没有符合条件的核对请求。", "No confirmation request matches."),
    # -- intervals ------------------------------------------------------------------------
    "u_intervals_title": ("核对期限", "Confirmation intervals"),
    "u_intervals_intro": (
        "按数据类别（含其子类别，最具体的优先）设定：超过该期限未确认的信息将请本人核对。"
        "每次修改都是保存期限表的新版本，并记入审计记录。",
        "Per data category (its subcategories included; the most specific wins): items not "
        "confirmed within it are asked about. Each change is a new version of the retention "
        "schedule and an audit entry.",
    ),
    "u_intervals_table": ("各类别的核对期限", "Intervals by category"),
    "u_col_days": ("期限", "Interval"),
    "u_col_version": ("版本", "Version"),
    "u_col_changed": ("修改人", "Changed by"),
    "u_col_actions": ("操作", "Actions"),
    "u_edit_n": ("修改 {c}", "Edit {c}"),
    "u_remove": ("删除", "Remove"),
    "u_remove_n": ("删除 {c} 的核对期限", "Remove the interval of {c}"),
    "u_no_intervals": ("尚未设定核对期限。", "No interval is set."),
    "u_interval_form_title": ("设定或修改核对期限", "Set or change an interval"),
    "u_f_category": ("数据类别", "Data category"),
    "u_category_hint": ("其子类别一并适用。", "Its subcategories follow."),
    "u_f_days": ("期限（天）", "Interval (days)"),
    "u_days_hint": ("例如联系方式 730 天（24 个月）。", "E.g. contact details: 730 (24 months)."),
    "u_save_interval": ("保存核对期限", "Save the interval"),
    # -- one request ----------------------------------------------------------------------
    "u_confirmation_title": ("核对请求 {id}", "Confirmation request {id}"),
    "u_back_queue": ("返回核对队列", "Back to the queue"),
    "u_answered_how": ("{who}，{at}，{how}", "{who}, {at}, {how}"),
    "u_items_table": ("待核对的数据项（不显示内容）", "Items to confirm (no value shown)"),
    "u_col_system": ("所在系统", "System"),
    "u_col_collected": ("收集时间", "Collected"),
    "u_col_last_confirmed": ("上次确认", "Last confirmed"),
    "u_col_interval": ("核对期限", "Interval"),
    "u_col_outcome": ("结果", "Outcome"),
    "u_outcome_confirmed": ("已确认", "confirmed"),
    "u_outcome_corrected": ("已通过更正请求更正", "corrected through a correction request"),
    "u_outcome_none": ("待核对", "to confirm"),
    "u_no_items": ("这些数据项已不存在。", "These items no longer exist."),
    "u_items_gone": ("另有 {n} 项已被删除。", "{n} more items have been removed since."),
    "u_record_title": ("记录员工核对结果", "Record a confirmation made by staff"),
    "u_record_hint": (
        "您已通过电话、当面、信函或邮件与本人核对，且本人确认信息无误时填写。"
        "如本人提出更正，请登记更正请求。",
        "When you have checked with the person by phone, in person, by letter or email and "
        "they said the data is right. If they give a correction, record a correction request.",
    ),
    "u_f_method": ("核对方式", "How you checked"),
    "u_f_items": ("本人确认无误的数据项", "Items the person confirmed"),
    "u_record_button": ("记录核对结果", "Record the confirmation"),
    # -- child-data tasks -----------------------------------------------------------------
    "u_children_title": ("儿童个人信息处置", "A child's data found"),
    "u_children_intro": (
        "扫描报告或访问决定发现未经监护人验证同意的儿童个人信息时，会创建处置任务，"
        "须在 {h} 小时内完成：删除该信息、确认已有经核验的监护人同意，或由个人信息保护"
        "负责人记录该人并非儿童。逾期任务会标出并邮件通知各负责人。",
        "When the scanner's report or the decision point finds a child's data without a "
        "verified guardian's consent, a task opens with a deadline of {h} hours: dispose of "
        "the data, confirm a verified guardian's consent is in force, or record an officer's "
        "finding that the person is not a child. Overdue tasks are flagged and mailed to "
        "every privacy officer.",
    ),
    "u_overdue_n": ("已逾期的任务：{n}", "Overdue tasks: {n}"),
    "u_show_overdue": ("只看逾期任务", "Show only overdue tasks"),
    "u_only_overdue": ("只看逾期未处理的", "Only overdue and still open"),
    "u_children_table": ("处置任务（未完成的在前，按截止时间）", "Tasks (open first, by deadline)"),
    "u_col_task": ("任务", "Task"),
    "u_col_found_by": ("发现来源", "Found by"),
    "u_col_opened": ("创建时间", "Opened"),
    "u_col_deadline": ("截止时间", "Deadline"),
    "u_col_escalated": ("逾期升级", "Escalated"),
    "u_col_closed": ("关闭方式", "Closed"),
    "u_task_n": ("任务 {id}", "Task {id}"),
    "u_outside_vault": ("（系统外的数据源）", "(a source outside the vault)"),
    "u_no_children": ("没有符合条件的任务。", "No task matches."),
    "u_overdue": ("已逾期", "overdue"),
    "u_child_open": ("待处理", "open"),
    "u_child_escalated": ("已升级", "escalated"),
    "u_child_closed": ("已关闭", "closed"),
    "u_source_scanner": ("扫描报告", "the scanner's report"),
    "u_source_decision": ("访问决定", "a decision"),
    "u_closure_disposed": ("已删除", "disposed of"),
    "u_closure_guardian_consent": ("已有经核验的监护人同意", "a verified guardian's consent"),
    "u_closure_not_a_child": ("经认定并非儿童", "found not to be a child"),
    "u_child_title": ("儿童个人信息处置任务 {id}", "Child-data task {id}"),
    "u_back_children": ("返回任务列表", "Back to the tasks"),
    "u_close_intro": (
        "以下三种方式之一可关闭此任务；说明将加密保存，不写入审计记录明文。",
        "Close the task one of three ways; the note is kept sealed, never in the audit "
        "trail's clear text.",
    ),
    "u_dispose_title": ("删除该儿童的个人信息", "Dispose of the child's data"),
    "u_dispose_hint": (
        "该人的全部数据项将被永久删除（密钥销毁，备份中亦无法读取）。受法律保全的数据不能删除。",
        "Every item of the person is disposed of for good (the key destroyed: unreadable in "
        "backups too). Data under a legal hold cannot be disposed of.",
    ),
    "u_dispose_source_hint": (
        "该数据位于系统外的数据源：请先在源头删除，然后在说明中记录删除情况。",
        "The data is at a source outside the vault: delete it there, then say so in the note.",
    ),
    "u_f_dispose_note": ("说明", "Note"),
    "u_dispose_button": ("删除并关闭任务", "Dispose and close the task"),
    "u_guardian_title": ("已有经核验的监护人同意", "A verified guardian's consent"),
    "u_guardian_hint": (
        "系统会检查是否有经员工核验的监护人给出的有效同意；没有则无法关闭。",
        "The service checks that a consent given by a guardian whose link staff verified is "
        "in force; without one the task stays open.",
    ),
    "u_f_guardian_note": ("说明（可选）", "Note (optional)"),
    "u_guardian_button": ("按监护人同意关闭", "Close: guardian's consent"),
    "u_not_child_title": ("认定并非儿童", "Not a child"),
    "u_not_child_hint": (
        "记录您如何认定该人已满 14 周岁（例如核验了身份证件）。",
        "Record how you established the person is not a child (e.g. an ID document seen).",
    ),
    "u_f_finding_note": ("认定依据", "How it was established"),
    "u_not_child_button": ("记录认定并关闭", "Record the finding and close"),
    # -- flashes --------------------------------------------------------------------------
    "done_interval_saved": ("核对期限已保存。", "The interval is saved."),
    "done_interval_removed": ("核对期限已删除。", "The interval is removed."),
    "done_recorded": ("核对结果已记录。", "The confirmation is recorded."),
    "done_disposed": ("已删除并关闭任务。", "Disposed of; the task is closed."),
    "done_guardian": ("已按监护人同意关闭任务。", "Closed: a verified guardian's consent."),
    "done_not_a_child": ("已记录认定并关闭任务。", "The finding is recorded; the task is closed."),
    # -- the front page -------------------------------------------------------------------
    "attn_confirmations_staff": (
        "等待员工联系核对的请求：{n}",
        "Confirmation requests waiting for staff: {n}",
    ),
    "attn_children_overdue": (
        "逾期未处置的儿童个人信息任务：{n}",
        "Child-data tasks past their deadline: {n}",
    ),
    "attn_children_open": (
        "待处置的儿童个人信息任务：{n}",
        "Child-data tasks open within their deadline: {n}",
    ),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
