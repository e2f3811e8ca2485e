"""The retention pages' words for legal holds, the preview, disposal batches and their
certificates, in Simplified Chinese and English (merged by texts.words)."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # -- legal holds -------------------------------------------------------------------------
    "holds_title": ("法律保全", "Legal holds"),
    "holds_intro": (
        "法律保全（原因、案号、范围、期限）期间，其覆盖的数据暂停销毁。设立和解除均须两位个人信息"
        "保护负责人：一位提出，另一位批准。",
        "A legal hold (reason, case reference, scope, until when) suspends disposal of what "
        "it covers. Placing and lifting take two privacy officers: one proposes, another "
        "approves.",
    ),
    "holds_table": ("法律保全列表", "Legal holds"),
    "col_hold": ("保全", "Hold"),
    "col_reason": ("原因", "Reason"),
    "col_case": ("案号", "Case reference"),
    "col_scope": ("范围", "Scope"),
    "col_until": ("期限至", "Until"),
    "col_placed_by": ("提出人", "Proposed by"),
    "col_approved_by": ("批准人", "Approved by"),
    "hold_status_proposed": ("待第二人批准", "waiting for a second officer"),
    "hold_status_active": ("生效中", "in force"),
    "hold_status_lift_proposed": ("待第二人解除（仍生效）", "lift asked, still in force"),
    "hold_status_lifted": ("已解除", "lifted"),
    "hold_status_rejected": ("已拒绝", "rejected"),
    "hold_status_ended": ("已到期，不再生效", "ended, no longer in force"),
    "scope_subjects_n": ("{n} 人", "{n} people"),
    "scope_people": ("个人（编号）", "People (ids)"),
    "scope_categories": ("数据类别", "Categories"),
    "scope_systems": ("系统", "Systems"),
    "no_end": ("无期限", "no end date"),
    "no_holds": ("暂无法律保全。", "No legal holds."),
    "propose_title": ("提出法律保全", "Propose a legal hold"),
    "propose_hint": (
        "提出后，须由另一位个人信息保护负责人批准才会生效。至少指明一项范围；未指明的一项即覆盖全部。",
        "It takes effect once another privacy officer approves it. Name at least one scope; "
        "an axis left empty covers all of it.",
    ),
    "f_reason": ("原因", "Reason"),
    "f_case_reference": ("案号", "Case reference"),
    "f_subject_ids": ("个人编号", "Person ids"),
    "subject_ids_hint": (
        "每行一个（或以逗号分隔）；可在“个人”页面查找。",
        "One a line (or separated by commas); find them on the People page.",
    ),
    "f_systems": ("系统", "Systems"),
    "f_until": ("期限至（可选）", "Until (optional)"),
    "until_hint": (
        "UTC 日期，当天结束时失效，格式 YYYY-MM-DD；留空即无期限。",
        "A date (UTC); the hold ends at the end of that day. YYYY-MM-DD; empty: no end.",
    ),
    "propose_button": ("提出保全", "Propose hold"),
    "hold_title": ("法律保全 {id}", "Legal hold {id}"),
    "hold_id": ("编号", "Id"),
    "in_force": ("当前是否生效", "In force now"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "placed": ("提出", "Proposed"),
    "approved": ("批准", "Approved"),
    "lift_requested": ("申请解除", "Lift asked"),
    "lift_reason_shown": ("解除或拒绝的原因", "Reason to lift or reject"),
    "lifted": ("解除或拒绝", "Lifted or rejected"),
    "by_at": ("{who}，{at}", "{who}, {at}"),
    "approve_hold_title": ("批准法律保全", "Approve the hold"),
    "approve_hold_hint": (
        "由 {who} 提出；须由另一位个人信息保护负责人批准。",
        "Proposed by {who}; another privacy officer approves it.",
    ),
    "own_hold": (
        "这是您提出的法律保全，您不能自己批准：须由另一位个人信息保护负责人批准。",
        "You proposed this hold, so you cannot approve it: another privacy officer must.",
    ),
    "approve_hold_button": ("批准保全", "Approve hold"),
    "reject_hold_title": ("拒绝法律保全", "Reject the hold"),
    "f_reject_reason": ("拒绝原因", "Why it is rejected"),
    "reject_hold_button": ("拒绝保全", "Reject hold"),
    "lift_request_title": ("申请解除", "Ask to lift the hold"),
    "lift_request_hint": (
        "解除须由另一位个人信息保护负责人确认；确认前保全仍然生效。",
        "Another privacy officer lifts it; until then the hold stays in force.",
    ),
    "f_lift_reason": ("解除原因", "Why it may be lifted"),
    "lift_request_button": ("申请解除", "Ask to lift"),
    "lift_title": ("解除法律保全", "Lift the hold"),
    "lift_hint": ("由 {who} 申请解除。", "Lifting asked by {who}."),
    "own_lift": (
        "这是您申请的解除，您不能自己确认：须由另一位个人信息保护负责人解除。",
        "You asked for this lift, so you cannot lift it yourself: another privacy officer must.",
    ),
    "lift_button": ("解除保全", "Lift hold"),
    # -- preview -----------------------------------------------------------------------------
    "preview_title": ("销毁预览", "Disposal preview"),
    "preview_intro": (
        "显示截至某日将被销毁的数据（按用途、类别和系统统计），不做任何修改。被法律保全覆盖的数据另行计数。",
        "What would be disposed of on a date, by purpose, category and system; nothing is "
        "written. Items a legal hold covers are counted apart.",
    ),
    "f_as_of": ("日期", "Date"),
    "as_of_hint": (
        "UTC 日期，格式 YYYY-MM-DD（含当天）。",
        "A date (UTC), YYYY-MM-DD (that whole day).",
    ),
    "preview_button": ("预览", "Preview"),
    "preview_of": ("截至 {d}", "As of {d}"),
    "n_items": ("将销毁的条目", "Items that would go"),
    "n_subjects": ("涉及的个人", "People concerned"),
    "n_held": ("因法律保全暂缓", "Kept back by legal holds"),
    "by_purpose": ("按用途", "By purpose"),
    "by_category": ("按类别", "By category"),
    "by_system": ("按系统", "By system"),
    "records_by_type": ("piiguard 自身记录（按类型）", "piiguard's own records, by type"),
    "nothing_would_go": ("届时没有需要销毁的数据。", "Nothing would go on that date."),
    # -- batches -----------------------------------------------------------------------------
    "batches_title": ("销毁批次", "Disposal batches"),
    "batches_intro": (
        "定期清理任务将超过保存期限且未被保全的数据列入批次；由个人信息保护负责人批准后销毁。",
        "The sweep puts items past their retain-until and under no hold on a batch; a privacy "
        "officer approves it, then it is disposed of.",
    ),
    "auto_hint": (
        "已设置：批次在 {n} 天内无人反对即自动批准。",
        "Set: a batch nobody rejects within {n} days is approved by the sweep.",
    ),
    "batches_table": ("销毁批次列表", "Disposal batches"),
    "col_batch": ("批次", "Batch"),
    "col_as_of": ("到期截至", "Due by"),
    "col_proposed": ("提出", "Proposed"),
    "col_auto": ("若无人拒绝，将自动批准于", "Approved by itself, unless rejected, at"),
    "col_approved": ("批准", "Approved"),
    "col_disposed": ("销毁时间", "Disposed of"),
    "batch_status_proposed": ("待批准", "waiting for approval"),
    "batch_status_approved": ("已批准，待销毁", "approved, to dispose of"),
    "batch_status_disposed": ("已销毁", "disposed of"),
    "batch_status_rejected": ("已拒绝", "rejected"),
    "no_batches": ("暂无销毁批次。", "No disposal batches."),
    "propose_batch_title": ("立即生成批次", "Make a batch now"),
    "propose_batch_hint": (
        "将当前已到期、未被保全且不在其他批次中的数据列入新批次（定期清理任务也会这样做）。",
        "Put what is due now, under no hold and on no open batch, on a new batch (as the "
        "sweep does).",
    ),
    "propose_batch_button": ("生成批次", "Make batch"),
    "batch_title": ("销毁批次 {id}", "Disposal batch {id}"),
    "batch_id": ("编号", "Id"),
    "rejected_why": ("拒绝：{who}，{at}：{reason}", "Rejected by {who}, {at}: {reason}"),
    "counts_title": ("统计", "Counts"),
    "subjects_concerned": ("涉及的个人", "People concerned"),
    "items_disposed": ("已销毁的条目", "Items disposed of"),
    "items_title": ("批次中的条目（仅编号）", "Items on the batch (ids only)"),
    "col_item": ("条目编号", "Item id"),
    "col_subject": ("个人编号", "Person id"),
    "col_retain_until": ("保存至", "Retain until"),
    "col_disposed_at": ("销毁时间", "Disposed of"),
    "approve_batch_title": ("批准销毁", "Approve disposal"),
    "approve_batch_hint": (
        "批准后，批次中的数据将被永久销毁（可立即销毁，或由下次定期清理任务销毁）。",
        "Once approved, the items are disposed of for good (now below, or by the sweep's "
        "next pass).",
    ),
    "approve_batch_button": ("批准批次", "Approve batch"),
    "reject_batch_title": ("拒绝批次", "Reject the batch"),
    "reject_batch_hint": (
        "拒绝后批次中的数据不会被销毁；之后的清理任务可能再次提出（例如先设立保全）。",
        "Nothing on it is disposed of; a later sweep may propose the items again (place a "
        "hold first if they must stay).",
    ),
    "f_batch_reason": ("拒绝原因（5 至 1000 字）", "Why (5 to 1,000 characters)"),
    "reject_batch_button": ("拒绝批次", "Reject batch"),
    "dispose_title": ("立即销毁", "Dispose of it now"),
    "dispose_hint": (
        "数据将从数据库中删除，其余数据以新密钥重新加密、旧密钥销毁，备份中的副本也无法再读取。"
        "此操作不可撤销。",
        "The items are deleted; the person's kept items are re-sealed under a fresh key and "
        "the old key destroyed, so backups cannot be read either. This cannot be undone.",
    ),
    "dispose_button": ("立即销毁", "Dispose of now"),
    "certificate_link": ("销毁证明", "Disposal certificate"),
    "tasks_title": ("通知系统删除", "Deletion notices to systems"),
    "tasks_hint": (
        "持有已销毁类别的每个已批准系统都会收到签名的删除通知，直至系统确认或负责人注明原因后豁免。",
        "Every approved system holding a disposed category gets a signed deletion notice, "
        "tracked until it confirms or an officer waives it with a reason.",
    ),
    "col_attempts": ("发送次数", "Attempts"),
    "col_last_error": ("最近错误", "Last error"),
    "no_endpoint": (
        "该系统未登记接收删除通知的地址，登记后将自动发送",
        "no webhook endpoint registered for this system: sent once one is registered",
    ),
    "col_settled": ("处理", "Settled"),
    "task_status_pending": ("待发送", "pending"),
    "task_status_sent": ("已发送，待确认", "sent, not confirmed"),
    "task_status_confirmed": ("已确认", "confirmed"),
    "task_status_waived": ("已豁免", "waived"),
    "f_reference": ("系统的确认（如工单号）", "The system's confirmation (e.g. ticket)"),
    "confirm_task_button": ("记录确认", "Record confirmation"),
    "f_waive_reason": (
        "豁免原因（5 至 1000 字）",
        "Why it need not confirm (5 to 1,000 characters)",
    ),
    "waive_task_button": ("豁免", "Waive"),
    "task_of": ("{s} 的删除通知", "Deletion notice to {s}"),
    "no_tasks": ("没有需要通知的系统。", "No system to tell."),
    # -- certificate -------------------------------------------------------------------------
    "certificate_title": ("销毁证明 {id}", "Disposal certificate {id}"),
    "certificate_intro": (
        "本证明列出已永久销毁数据的统计、时间段、经手人、已通知的系统和已销毁条目编号列表的哈希值，"
        "不含任何个人信息的值。",
        "What was disposed of for good: counts, the period, who proposed, approved and "
        "disposed of it, the systems told, and the hash of the list of disposed item ids. No "
        "personal value appears on it.",
    ),
    "download_certificate": ("下载证明（HTML 文件）", "Download the certificate (HTML file)"),
    "cert_as_of": ("到期截至", "Due on or before"),
    "cert_proposed": ("提出", "Proposed"),
    "cert_approved": ("批准", "Approved"),
    "cert_disposed": ("销毁", "Disposed of"),
    "cert_period": ("到期时间段", "Items fell due"),
    "period_range": ("{a} 至 {b}", "{a} to {b}"),
    "cert_items": ("已销毁的条目", "Items disposed of"),
    "cert_subjects": ("涉及的个人", "People concerned"),
    "cert_skipped": ("销毁时剔除", "Left out at disposal"),
    "skipped_held": ("被保全", "under a hold"),
    "skipped_not_due": ("不再到期", "no longer due"),
    "skipped_gone": ("已不存在", "already gone"),
    "cert_systems": ("已通知删除的系统", "Systems told to delete"),
    "no_systems": ("没有系统持有这些类别。", "No system held these categories."),
    "cert_hash": ("已销毁条目编号列表的 SHA-256", "SHA-256 of the disposed item ids"),
    "cert_hash_of": (
        "条目编号排序后每行一个（UTF-8，末尾无换行）。",
        "The ids sorted, one per line (UTF-8, no trailing newline).",
    ),
}
