"""The words of the console's request pages (web/console/rights.py, rights_intake.py,
rights_steps.py) in Simplified Chinese and English, kept apart from texts.py so that file
stays readable; `words(lang)` is the console's words with these added."""

from __future__ import annotations

from piiguard.web.console import texts as console_text
from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # navigation and the queue
    "nav_label": ("控制台导航", "Console navigation"),
    "front": ("控制台首页", "Console home"),
    "queue": ("请求队列", "Request queue"),
    "queue_title": ("个人信息权利请求", "Personal information rights requests"),
    "triage": ("待人工处理的来信", "Mail to read"),
    "new": ("登记新请求", "Record a new request"),
    "filters": ("筛选", "Filters"),
    "kind": ("请求类型", "Kind"),
    "status": ("状态", "Status"),
    "any": ("全部", "Any"),
    "open_only": ("所有未结请求", "Every open request"),
    "due_before": ("截止日期早于", "Due before"),
    "assignee": ("处理人", "Assignee"),
    "anyone": ("任何人", "Anyone"),
    "me": ("我", "Me"),
    "overdue_only": ("仅显示已逾期", "Overdue only"),
    "apply": ("筛选", "Filter"),
    "reset": ("清除筛选", "Clear filters"),
    "only_person": (
        "仅显示此人的请求（含已关闭的）：",
        "Only this person's requests (closed ones too):",
    ),
    "reference": ("编号", "Reference"),
    "channel": ("渠道", "Channel"),
    "received": ("收到时间", "Received"),
    "due": ("截止日期", "Due"),
    "days_left": ("剩余天数", "Days left"),
    "flags": ("标记", "Flags"),
    "overdue_days": ("逾期 {n} 天", "{n} days overdue"),
    "paused": ("已暂停计时", "Clock paused"),
    "excessive": ("过度请求", "Excessive"),
    "fee_flag": ("收费", "Fee"),
    "second_step": ("需二次核验", "Second step"),
    "none_found": ("没有符合条件的请求。", "No request matches."),
    "page_n": ("第 {n} 页", "Page {n}"),
    "previous": ("上一页", "Previous page"),
    "next": ("下一页", "Next page"),
    "unassigned": ("未分配", "Unassigned"),
    "closed_at": ("结案时间", "Closed"),
    # one request
    "request": ("请求", "Request"),
    "summary": ("概况", "Summary"),
    "language": ("答复语言", "Reply language"),
    "verified_at": ("身份验证时间", "Identity verified"),
    "document_checked_by": ("核验证件人", "Document checked by"),
    "approved_by": ("批准人", "Approved by"),
    "excessive_reason": ("过度理由", "Why excessive"),
    "fee": ("费用", "Fee"),
    "refusal_reason": ("拒绝理由", "Refusal reasons"),
    "outcome": ("办理结果", "Outcome"),
    "paused_days": ("累计暂停", "Paused in total"),
    "paused_since": ("暂停自", "Paused since"),
    "asked": ("申请人提出的内容", "What the person asked"),
    "contact": ("联系方式", "Contact"),
    "name": ("姓名", "Name"),
    "text": ("内容", "Text"),
    "concerns": ("涉及的信息类别", "Concerns"),
    "purposes": ("涉及的用途", "Purposes"),
    "changes": ("要求更正为", "Changes asked"),
    "everything": ("全部", "Everything"),
    "no_details": (
        "审计员只能看到请求的元数据和时间线，看不到申请人提供的内容。",
        "Auditors see a request's metadata and timeline, not what the person wrote.",
    ),
    "timeline": ("时间线", "Timeline"),
    "when": ("时间", "When"),
    "who": ("操作人", "Who"),
    "step": ("步骤", "Step"),
    "notes": ("说明", "Notes"),
    "tasks": ("通知相关系统", "Systems told"),
    "system": ("系统", "System"),
    "action": ("操作", "Action"),
    "attempts": ("尝试次数", "Attempts"),
    "last_error": ("最近错误", "Last error"),
    "no_endpoint": (
        "该系统未登记接收通知的地址，登记后将自动发送",
        "no webhook endpoint registered for this system: sent once one is registered",
    ),
    "note": ("备注", "Note"),
    "packages": ("生成的文件", "Packages made"),
    "created": ("生成时间", "Created"),
    "expires": ("过期时间", "Expires"),
    "used": ("已下载", "Downloaded"),
    "not_yet": ("尚未", "Not yet"),
    "steps": ("办理步骤", "Steps"),
    "no_steps": (
        "此请求当前没有您可以执行的步骤。",
        "There is no step you can take on this request now.",
    ),
    "error_here": ("无法完成：", "Could not complete: "),
    # step forms
    "assign": ("分配处理人", "Assign"),
    "assign_to": ("分配给", "Assign to"),
    "verify": ("以其他方式验证身份", "Verify identity by other means"),
    "verify_hint": (
        "例如：回拨档案中的电话号码、在柜台查验身份证件。请写明方式，不要写证件号码。",
        "E.g. called back the number on file, saw an identity card at the counter. "
        "Say how, without any document number.",
    ),
    "method": ("验证方式", "How the identity was verified"),
    "document": ("二次核验：查验证件", "Second step: document check"),
    "document_name": ("查验的证件（名称，不含号码）", "Document checked (its name, no number)"),
    "approve": ("二次核验：批准", "Second step: approve"),
    "four_eyes": (
        "四眼原则：批准人必须是查验证件以外的另一位个人信息保护负责人。",
        "Four eyes: approval must come from a privacy officer other than the one "
        "who checked the document.",
    ),
    "you_checked": (
        "您查验了证件，因此须由另一位负责人批准。",
        "You checked the document, so another officer must approve.",
    ),
    "not_checked": ("尚未查验证件：请先完成查验。", "No document is checked yet: check one first."),
    "reauth_hint": (
        "批准属于敏感操作：您最近一次登录已超过 {m} 分钟，请再次输入密码（及验证码）。",
        "Approving is a sensitive action: your last sign-in is more than {m} "
        "minutes old, so give your password (and code) again.",
    ),
    "reauth_password": ("密码（确认身份）", "Password (to confirm it is you)"),
    "reauth_code": ("验证码", "Code"),
    "pause": ("等待申请人（暂停计时）", "Wait on the requester (pause the clock)"),
    "pause_reason": ("需要申请人提供什么", "What the requester must provide"),
    "resume": ("申请人已答复：恢复计时", "The requester answered: resume the clock"),
    "correct": ("执行更正", "Apply a correction"),
    "category": ("信息类别", "Category"),
    "new_value": ("正确的值", "Correct value"),
    "unfounded": ("标记为明显无理由", "Flag as manifestly unfounded"),
    "waive": ("免除收费（按正常请求免费办理）", "Waive: handle it free of charge"),
    "charge": ("收取费用", "Charge a fee"),
    "amount": ("金额", "Amount"),
    "currency": ("币种（如 CNY）", "Currency (e.g. CNY)"),
    "refuse": ("拒绝请求", "Refuse the request"),
    "reason": ("理由（将写入给申请人的答复）", "Reasons (the reply states them)"),
    "waive_task": ("记录无需确认的原因", "Record why it need not confirm"),
    "submit": ("提交", "Submit"),
    "officer_only": ("仅限个人信息保护负责人", "Privacy officers only"),
    "replied": ("记录已答复申请人", "Record the reply to the person"),
    "replied_hint": (
        "此请求以电话提出：请将上面的办理结果告知申请人，然后记录告知的方式和时间。",
        "This request came by phone: tell the person the outcome above, then "
        "record how and when you told them.",
    ),
    "how": ("告知方式和时间", "How and when the person was told"),
    # flashes
    "done_assign": ("已分配处理人。", "The request is assigned."),
    "done_replied": ("已记录答复。", "The reply is recorded."),
    "done_verify": ("已记录身份验证。", "The identity verification is recorded."),
    "done_document": (
        "已记录证件查验，等待另一位负责人批准。",
        "The document check is recorded; another officer approves next.",
    ),
    "done_approve": ("已批准。", "Approved."),
    "done_pause": ("已暂停计时，等待申请人。", "The clock is paused, waiting on the requester."),
    "done_resume": (
        "已恢复计时，截止日期已顺延。",
        "The clock runs again; the due date moved by the time waited.",
    ),
    "done_correct": ("已执行更正。", "The correction is applied."),
    "done_unfounded": ("已标记为明显无理由。", "Flagged as manifestly unfounded."),
    "done_waive": ("已免除收费。", "Waived: handled free of charge."),
    "done_fee": (
        "已记录费用，等待申请人付款（计时暂停）。",
        "The fee is recorded; the clock waits for payment.",
    ),
    "done_refuse": ("已拒绝，并已答复申请人。", "Refused; the reply went to the person."),
    "done_task": ("已记录原因。", "The reason is recorded."),
    "done_new": ("已登记请求。", "The request is recorded."),
    "done_code": ("验证码已发送到申请人的邮箱。", "A code went to the requester's email."),
    "done_callback": (
        "联系方式为电话：请回拨核实身份后记录验证方式。",
        "The contact is a phone number: call back, then record how you verified the identity.",
    ),
    "done_resolved": ("已将来信标记为已处理。", "The mail is marked as dealt with."),
    "warn_mail": (
        "步骤已记录，但邮件未能发出；后台任务会重试。",
        "The step is recorded, but the mail could not be sent; the background jobs retry.",
    ),
    "warn_advance": (
        "步骤已记录，但自动办理失败（{code}）；后台任务会重试。",
        "The step is recorded, but carrying the request out failed ({code}); "
        "the background jobs retry.",
    ),
    # new request
    "new_title": ("登记电话、信函或邮件请求", "Record a request by phone, letter or email"),
    "new_hint": (
        "书面请求即本记录本身（无论渠道）。联系方式为邮箱时，系统会向其发送验证码；"
        "为电话时，请回拨核实身份。",
        "The written request is this record, whatever the channel. An email contact "
        "gets a one-time code; for a phone number, call back to verify.",
    ),
    "contact_hint": ("邮箱地址或电话号码", "An email address or a phone number"),
    "received_on": (
        "收到日期（信函：信件到达之日；留空为现在）",
        "Date received (a letter: the day it arrived; empty: now)",
    ),
    "concerns_hint": ("可多选；不选表示全部信息", "Choose several or none (none: everything)"),
    "purposes_hint": (
        "拒绝处理或限制处理时：涉及的用途；不选表示全部",
        "Objection or restriction: the uses refused; none means all",
    ),
    "changes_hint": (
        "更正请求：每行一项，格式为 类别 = 正确值，例如 user.name = 李雷",
        "Correction: one per line, category = correct value, e.g. user.name = Li Lei",
    ),
    "record": ("登记", "Record"),
    "for_triage": (
        "此请求登记后，来信将标记为已处理。",
        "Once recorded, the mail is marked as dealt with.",
    ),
    "lang_zh": ("中文", "Chinese"),
    "lang_en": ("英文", "English"),
    # triage
    "triage_title": ("无法自动转为请求的来信", "Mail that did not become a request"),
    "triage_hint": (
        "收件箱无法解读的来信都在这里，不会丢失。阅读后，可登记为请求，或标记为已处理。",
        "Mail the inbox could not read lands here, never lost. Read it, then "
        "record a request for it or mark it as dealt with.",
    ),
    "why": ("原因", "Why"),
    "read": ("阅读", "Read"),
    "show_resolved": ("包括已处理的", "Include those dealt with"),
    "resolved": ("已处理", "Dealt with"),
    "open_mail": ("待处理", "Open"),
    "no_triage": ("没有待处理的来信。", "No mail waiting."),
    "mail": ("来信", "Mail"),
    "create_for": ("为此来信登记请求", "Record a request for this mail"),
    "resolve": ("标记为已处理", "Mark as dealt with"),
    "request_ref": (
        "为其登记的请求编号（可选）",
        "Reference of the request recorded for it (optional)",
    ),
}

KINDS: dict[str, tuple[str, str]] = {
    "access": ("查阅复制", "Access"),
    "portability": ("转移", "Portability"),
    "correction": ("更正", "Correction"),
    "objection": ("拒绝处理", "Objection"),
    "restriction": ("限制处理", "Restriction"),
    "deletion": ("删除", "Deletion"),
}

STATUSES: dict[str, tuple[str, str]] = {
    "awaiting_verification": ("待验证身份", "Awaiting verification"),
    "awaiting_second_step": ("待二次核验", "Awaiting second step"),
    "in_progress": ("办理中", "In progress"),
    "waiting_on_requester": ("等待申请人", "Waiting on requester"),
    "waiting_on_systems": ("等待系统确认", "Waiting on systems"),
    "completed": ("已完成", "Completed"),
    "refused": ("已拒绝", "Refused"),
}

CHANNELS: dict[str, tuple[str, str]] = {
    "web": ("网页", "Web"),
    "email": ("邮件", "Email"),
    "api": ("接口", "API"),
    "phone": ("电话", "Phone"),
    "letter": ("信函", "Letter"),
}

TASKS: dict[str, tuple[str, str]] = {
    "correct": ("更正", "Correct"),
    "delete": ("删除", "Delete"),
    "pending": ("待发送", "Pending"),
    "sent": ("已发送，待确认", "Sent, unconfirmed"),
    "confirmed": ("已确认", "Confirmed"),
    "waived": ("已免除确认", "Waived"),
}

STEPS: dict[str, tuple[str, str]] = {  # audit actions on a request, without "request."
    "open": ("收到请求", "Received"),
    "code.send": ("发送验证码", "Code sent"),
    "verify": ("身份已验证", "Identity verified"),
    "verify.failed": ("验证失败", "Verification failed"),
    "assign": ("分配处理人", "Assigned"),
    "document.check": ("查验证件", "Document checked"),
    "approve": ("批准", "Approved"),
    "pause": ("暂停计时", "Clock paused"),
    "resume": ("恢复计时", "Clock resumed"),
    "fee": ("收费", "Fee charged"),
    "excessive.waive": ("免除收费", "Charge waived"),
    "excessive.flag": ("标记为无理由", "Flagged unfounded"),
    "refuse": ("拒绝", "Refused"),
    "complete": ("办结", "Completed"),
    "reply": ("答复申请人", "Reply sent"),
    "reply.due": ("待工作人员答复申请人", "Reply due from staff"),
    "reply.given": ("工作人员已答复申请人", "Reply given by staff"),
    "view": ("查看", "Viewed"),
    "package.create": ("生成文件", "Package made"),
    "package.view": ("申请人查看文件", "Package viewed"),
    "package.download": ("申请人下载文件", "Package downloaded"),
    "correct": ("更正", "Corrected"),
    "wait.systems": ("等待系统确认", "Waiting on systems"),
    "task.confirmed": ("系统已确认", "System confirmed"),
    "task.waived": ("免除系统确认", "System confirmation waived"),
    "notice": ("提醒", "Reminder"),
}

WHO: dict[str, tuple[str, str]] = {
    "subject": ("申请人", "The requester"),
    "system:rights-requests": ("piiguard", "piiguard"),
    "email": ("邮件收件箱", "The mail inbox"),
}


def _pick(table: dict[str, tuple[str, str]], i: int) -> dict[str, str]:
    return {k: v[i] for k, v in table.items()}


def words(lang: str) -> dict[str, str]:
    """The console's words and the request pages' words in `lang`."""
    i = LANGS.index(lang)
    return {**console_text.words(lang), **_pick(TEXT, i)}


def names(lang: str) -> dict[str, dict[str, str]]:
    """Display names of kinds, statuses, channels, task actions and statuses, steps."""
    i = LANGS.index(lang)
    return {
        "kind": _pick(KINDS, i),
        "status": _pick(STATUSES, i),
        "channel": _pick(CHANNELS, i),
        "task": _pick(TASKS, i),
        "step": _pick(STEPS, i),
        "who": _pick(WHO, i),
    }
