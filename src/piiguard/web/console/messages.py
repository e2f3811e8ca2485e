"""Service errors in the reader's language on the console's pages. The services raise
domain errors with an English message and a stable `code` and `field`; a Chinese page shows
a Chinese sentence for the code that names the field by its Chinese label (never the value
that was sent), and an English page the service's own message, which says what to do next.
A code without its own sentence falls back to the generic one for its kind."""

from __future__ import annotations

import re

from piiguard.domain.assessments.model import QUESTIONS
from piiguard.domain.errors import DomainError, FourEyes

# field name (the service's or the form's) -> (zh-CN, en)
LABELS: dict[str, tuple[str, str]] = {
    # custody (issue 16): paper records and removable media
    "label": ("文件说明", "document"),
    "people": ("涉及人数", "people"),
    "custodian": ("保管人", "custodian"),
    "printed_by": ("打印人", "printed by"),
    "location": ("存放位置", "location"),
    "cabinet": ("文件柜", "cabinet"),
    "shredded_on": ("粉碎日期", "shredded on"),
    "done_on": ("日期", "date"),
    "witness": ("见证人", "witness"),
    "identifier": ("介质编号", "identifier"),
    "encrypted": ("加密", "encrypted"),
    "encryption": ("加密方式", "encryption"),
    "holder": ("领用人", "holder"),
    "how": ("处置方式", "what was done"),
    "found_location": ("锁存位置", "location"),
    "incident": ("事件编号", "incident"),
    "seen_at": ("所见位置", "seen at"),
    "key": ("标识", "key"),
    "name": ("名称", "name"),
    "name_zh": ("中文名称", "Chinese name"),
    "name_en": ("英文名称", "English name"),
    "status": ("状态", "status"),
    "url": ("网址", "URL"),
    "changes": ("更正内容", "changes"),
    "purpose": ("用途", "purpose"),
    "purposes": ("用途", "purposes"),
    "category": ("数据类别", "data category"),
    "categories": ("数据类别", "data categories"),
    "subject_id": ("个人编号", "person id"),
    "subject_ids": ("个人编号", "person ids"),
    "reason": ("理由", "reason"),
    "title": ("标题", "title"),
    "severity": ("级别", "severity"),
    "jurisdictions": ("适用法域", "jurisdictions"),
    "detected_at": ("发现时间", "detection time"),
    "affected_estimate": ("受影响人数（估计）", "people affected (estimate)"),
    "handler": ("处理人", "handler"),
    "stage": ("阶段", "stage"),
    "at": ("发生时间", "time"),
    "reader": ("读取者", "who read"),
    "start": ("起始时间", "start"),
    "end": ("结束时间", "end"),
    "root_cause": ("根本原因", "root cause"),
    "lessons": ("经验教训", "lessons"),
    "closing_note": ("复核意见", "review note"),
    "submitted_to": ("报送对象", "submitted to"),
    "submitted_at": ("报送时间", "submission time"),
    "obligation": ("报告义务", "obligation"),
    "cvss": ("CVSS 评分", "CVSS score"),
    "format": ("格式", "format"),
    "report": ("报告内容", "report"),
    "report_system": ("系统", "system"),
    "report_owner": ("修复负责人", "owner"),
    "reject_note": ("理由", "reason"),
    "vuln_identifier": ("漏洞编号", "identifier"),
    "basis": ("法律依据", "legal basis"),
    "scope": ("范围", "scope"),
    "valid_until": ("有效期至", "valid until"),
    "expires_at": ("到期时间", "expires at"),
    "region": ("所在地区", "region"),
    "owner": ("负责人", "owner"),
    "kind": ("类型", "kind"),
    "system": ("系统", "system"),
    "systems": ("系统", "systems"),
    "recipient": ("接收方", "recipient"),
    "email": ("邮箱", "email"),
    "display_name": ("姓名", "name"),
    "department": ("部门", "department"),
    "roles": ("角色", "roles"),
    "password": ("密码", "password"),
    "new_password": ("新密码", "new password"),
    "current_password": ("当前密码", "current password"),
    "code": ("验证码", "code"),
    "totp": ("验证码", "code"),
    "text_shown": ("向本人展示的文本", "text shown"),
    "given_by": ("同意人", "given by"),
    "method": ("方式", "method"),
    "evidence": ("证据", "evidence"),
    "guardian_id": ("监护人", "guardian"),
    "tier": ("级别", "tier"),
    "parent": ("上级类别", "parent category"),
    "retention_days": ("保存期限（天）", "retention (days)"),
    "needs_consent": ("是否需要同意", "needs consent"),
    "outcome": ("结果", "outcome"),
    "assignee": ("负责人", "assignee"),
    "note": ("说明", "note"),
    "value": ("值", "value"),
    "contact": ("联系方式", "contact"),
    "text": ("内容", "text"),  # a request's own words (web/console/rights_intake.py)
    "received": ("收到时间", "date received"),
    "overlap": ("旧密钥保留时间", "overlap"),
    "client": ("系统客户端", "system client"),
    "lookup": ("查找条件", "look-up"),
    "actor": ("操作者", "actor"),
    "action": ("操作", "action"),
    "target": ("对象", "target"),
    "since": ("起始时间", "from"),
    "until": ("截止时间", "until"),
    "page": ("页码", "page"),
    "legal_basis": ("法律依据", "legal basis"),
    "active": ("状态", "status"),
    "description": ("说明", "description"),
    "cloud_provider": ("云服务商", "cloud provider"),
    "cloud_approved": ("云服务商批准", "cloud provider approval"),
    "locations": ("存放位置", "locations"),
    "usable": ("数据可否流向", "data may flow"),
    "state": ("复核状态", "review state"),
    "age": ("时长", "age"),
    "finding_id": ("发现项编号", "finding id"),
    "q": ("搜索内容", "search text"),
    "role": ("角色", "role"),
    "dept": ("部门", "department"),
    "staff_id": ("员工账户", "staff account"),
    "mfa_password": ("密码", "password"),
    "mfa_code": ("验证码", "code"),
    # the oversight pages (web/console/oversight/)
    "authority": ("机关", "authority"),
    "case_reference": ("案号", "case reference"),
    "legal_provision": ("法律条款", "legal provision"),
    # the legal-request register (web/console/sharing/legal.py)
    "provision": ("法律条款", "legal provision"),
    "deadline": ("答复期限", "deadline"),
    "demand": ("要求提供的内容", "what is demanded"),
    "subjects": ("个人编号", "person ids"),
    "tell_from": ("可告知日期", "may tell from"),
    "told": ("告知本人", "told"),
    "acquirer": ("收购方", "acquirer"),
    "undertaking": ("书面承诺", "undertaking"),
    "effective_at": ("生效日期", "takes effect"),
    "may_tell": ("法律允许告知本人", "the law lets us tell the person"),
    "delivery": ("交付方式", "delivery"),
    # impact assessments and the duties page (web/console/assessments/)
    "cases": ("评估情形", "cases assessed"),
    "case": ("评估情形", "case"),
    "recipients": ("接收方", "recipients"),
    "impact": ("影响程度", "impact"),
    "likelihood": ("可能性", "likelihood"),
    "opinion": ("审查意见", "review opinion"),
    "review_by": ("下次复核日期", "next review by"),
    "audited_on": ("审计报告日期", "date of the audit report"),
    "auditor": ("审计方", "auditor"),
    "findings": ("发现问题数", "number of findings"),
    "external": ("由外部专业机构开展", "carried out by an external body"),
    "valid_from": ("生效日期", "valid from"),
    "actor_id": ("操作者", "actor"),
    "target_type": ("对象类型", "target type"),
    "target_id": ("对象编号", "target id"),
    "exception_id": ("法定例外", "legal exception"),
    "decision_id": ("访问决定", "decision"),
    # the retention pages (web/console/retention/)
    "days": ("保存天数", "days"),
    "anchor": ("起算事件", "counted from"),
    "legal_source": ("法律依据", "legal source"),
    "en": ("英文名称", "English name"),
    "zh": ("中文名称", "Chinese name"),
    "min_days": ("最短保存天数", "days to keep at least"),
    "min_anchor": ("起算事件", "counted from"),
    "interval_days": ("下次复核间隔", "next review in (days)"),
    "record_type": ("记录类型", "record"),
    "record_days": ("保存天数", "days"),
    "record_anchor": ("起算事件", "counted from"),
    "record_note": ("说明", "note"),
    "reject_reason": ("拒绝原因", "reason"),
    "lift_reason": ("解除原因", "reason"),
    "reference": ("编号（备案号、证书号或对方的确认号）", "reference"),
    "as_of": ("日期", "date"),
    "hold_id": ("法律保全", "legal hold"),
    "batch_id": ("销毁批次", "disposal batch"),
    "task_id": ("删除通知", "deletion notice"),
    # the upkeep pages (web/console/upkeep/)
    "confirm_days": ("核对期限（天）", "interval (days)"),
    "item_ids": ("数据项", "items"),
    "confirmation_id": ("核对请求", "confirmation request"),
    "dispose_note": ("说明", "note"),
    "guardian_note": ("说明", "note"),
    "finding_note": ("认定依据", "how it was established"),
    "overdue": ("逾期", "overdue"),
    # the sharing pages (web/console/sharing/): recipients, agreements, profiles, notices
    "legal_name": ("法定名称", "legal name"),
    "country": ("国家/地区", "country"),
    "law": ("适用法律", "law"),
    "agreement_kind": ("协议类型", "kind of agreement"),
    "parties": ("签约方", "parties"),
    "document_sha256": ("文件的 SHA-256", "the document's SHA-256"),
    "document_location": ("文件存放位置", "where the document is kept"),
    "fields": ("提供的类别及方式", "categories and forms"),
    "told_by": ("告知方式", "told by"),
    "decision": ("审核结论", "decision"),
    # policy versions (web/console/policy/)
    "effective_on": ("生效日期", "effective date"),
    "summary_zh": ("中文修订摘要", "summary in Chinese"),
    "summary_en": ("英文修订摘要", "summary in English"),
    "text_zh": ("中文全文", "text in Chinese"),
    "text_en": ("英文全文", "text in English"),
    "material": ("重大变更", "material change"),
    "notify": ("通知受影响的人", "tell the people affected"),
    "permanent": ("永久保存", "kept permanently"),
    "file": ("文件", "file"),
}

# code -> (zh-CN sentence, with {f} for the field's label; generic English when the service
# gave no message)
BY_CODE: dict[str, tuple[str, str]] = {
    "invalid-input": ("「{f}」填写有误，请检查后重试。", "Check {f} and try again."),
    "control-character": (
        "「{f}」含有控制字符（如 NUL），文本中不能含有控制字符，请删除后重试。",
        "{f} contains a control character (such as NUL), which text may not contain.",
    ),
    "control-character-removed": (  # the form shown again without them (replay.py)
        "「{f}」含有控制字符（如 NUL），文本中不能含有控制字符：已从下面的内容中删去，"
        "请检查后重新提交。",
        "{f} contained a control character (such as NUL), which text may not contain: it is "
        "taken out below; check the text and send the form again.",
    ),
    # a value its form field's type refused before the service saw it (web/console/replay.py)
    "too-long": ("「{f}」过长，请缩短后重试。", "{f} is too long: shorten it and try again."),
    "required": ("请填写「{f}」。", "Fill in {f}."),
    "not-a-number": ("「{f}」须为数字。", "{f} must be a number."),
    "not-a-date": ("「{f}」须为日期，如 2025-01-31。", "{f} must be a date such as 2025-01-31."),
    "unknown-category": (
        "「{f}」不是数据分类中的类别，请从列表中选择。",
        "{f} is not a category of the taxonomy: pick one from the list.",
    ),
    "not-found": ("未找到该记录，可能已被删除或编号有误。", "Not found: it may have been removed."),
    "conflict": (
        "该操作与当前状态冲突（例如已处理或重复），请查看最新状态后再试。",
        "This conflicts with the current state: reload the page and try again.",
    ),
    "under-way": (
        "另一个进程正在处理同一事项（例如处置该批次或重新计算保存期限），请等它完成后再试。",
        "Another process is doing the same work right now: try again once it ends.",
    ),
    "access-denied": (
        "决策点拒绝了此次使用，原因见决定记录。",
        "The decision point refused this use: see the decision.",
    ),
    "forbidden": ("您的角色无权执行此操作。", "Your roles do not allow this."),
    "four-eyes": (
        "须由另一人办理（四眼原则）：记录、提出或撰写这一事项的人不能自己审核或批准。",
        "Four eyes: someone other than whoever recorded, proposed or wrote it takes this step.",
    ),
    "purpose-not-assigned": (
        "该用途未分配给您的部门，请选择部门可用的用途。",
        "This purpose is not assigned to your department: choose one it may use.",
    ),
    "not-authenticated": (
        "密码或验证码不正确，请重新输入以确认此操作。",
        "Password or code not accepted: enter them again to confirm.",
    ),
    "reauth-required": (
        "此操作需要重新验证身份：请再次输入密码（和验证码）。",
        "This change needs your password (and code) again.",
    ),
    "mfa-required": ("请输入身份验证器中的验证码。", "Enter the code from your authenticator."),
    "session-locked": ("页面已锁定，请重新输入密码。", "The page is locked: enter your password."),
    "too-many-attempts": (
        "尝试次数过多，请稍后再试。",
        "Too many attempts: wait a little and try again.",
    ),
    "csrf-refused": (
        "表单已过期或来源不明，请重新打开页面后再提交。",
        "The form expired or did not come from this console: open the page again.",
    ),
    "session-pending": ("请先完成账户设置步骤。", "Finish setting up your account first."),
    "mail-error": (
        "邮件暂时无法发送，操作已记录，稍后将重试。",
        "Mail could not be sent now; the change is recorded and sending will be retried.",
    ),
    "credential-not-readable": (
        "此类凭据只保存校验值，无法读取。",
        "Credentials of this kind are kept as verifiers only and cannot be read.",
    ),
    "key-shredded": ("该个人的数据已被删除，无法读取。", "This person's data was erased."),
    "vault-integrity": (
        "数据完整性校验失败，已通知个人信息保护负责人。",
        "An integrity check failed; the privacy officers are alerted.",
    ),
}
AT_MOST = re.compile(r"at most ([\d,]+) characters")
FALLBACK = ("操作未能完成，请检查输入后重试。", "That did not work: check the form and try again.")


# an incident report's fields (field_<name>, domain/incidents/obligations.py), as the
# authority's form asks for them
LABELS.update(
    {
        f"field_{name}": words
        for name, words in {
            "organisation": ("事件发生单位名称", "organisation"),
            "systems": ("发生事件的设施、系统、平台的基本情况", "facilities, systems, platforms"),
            "detected_at": ("事件发现或者发生时间", "when found or happened"),
            "kind": ("事件类型", "kind of incident"),
            "impact": ("已造成的影响和危害", "impact and harm so far"),
            "measures_taken": ("已采取的措施及效果", "measures taken and their effect"),
            "trend": ("事态发展趋势及可能进一步造成的影响和危害", "how it may develop"),
            "preliminary_cause": ("初步分析的事件原因", "preliminary cause"),
            "investigation_leads": ("进一步调查分析和溯源所需的线索", "leads for investigation"),
            "next_steps": ("拟进一步采取的应对措施以及请求支援事项", "next steps, help asked"),
            "site_preservation": ("事件现场保护情况", "how the scene is preserved"),
            "nature": ("事件性质", "nature of the breach"),
            "categories": ("涉及的个人信息种类", "categories of personal data"),
            "people": ("涉及的人数", "people concerned"),
            "contact": ("联系人及联系方式", "contact point"),
            "consequences": ("可能造成的后果", "likely consequences"),
            "cause": ("原因", "cause"),
            "possible_harm": ("可能造成的危害", "possible harm"),
            "what_people_can_do": ("个人可以采取的减轻危害的措施", "what people can do"),
        }.items()
    }
)

# an impact assessment's answers (q_<question>), by the question's number on its form
LABELS.update(
    {
        f"q_{q.key}": (f"第 {i} 题的回答", f"the answer to question {i}")
        for i, q in enumerate(QUESTIONS, 1)
    }
)


def label(field: str, lang: str) -> str:
    """A form field's name for people, in `lang`."""
    zh, en = LABELS.get(field, (field, field.replace("_", " ")))
    return zh if lang == "zh-CN" else en


def shown_code(exc: DomainError) -> str:
    """The message key of a service's refusal: its problem code, but a four-eyes refusal
    (403 forbidden on the API) says what it is rather than "your roles do not allow this"."""
    return "four-eyes" if isinstance(exc, FourEyes) else exc.code


def message_for(code: str, field: str, lang: str, detail: str = "") -> str:
    """The message for an error `code` about `field` in `lang`: on an English page the
    service's own `detail` when there is one (it says what to do next)."""
    zh, en = BY_CODE.get(code, FALLBACK)
    if lang != "zh-CN" and detail:
        return detail
    most = AT_MOST.search(detail) if code == "invalid-input" else None
    if most is not None and lang == "zh-CN":  # a service's limit (domain/errors.at_most)
        return f"「{label(field, lang)}」过长：最多 {most.group(1)} 个字符，请缩短后重试。"
    text = zh if lang == "zh-CN" else en
    out = text.format(f=label(field, lang) if field else ("内容" if lang == "zh-CN" else "it"))
    return out[:1].upper() + out[1:]  # an English sentence may begin with a field's label
