"""The words of web/console/oversight/ in Simplified Chinese and English (merged over the
console's own, web/console/texts.py, by kit.console_page): legal exceptions, decisions and
their explanations rule by rule, the audit trail and its verification."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # -- legal exceptions (R2.5) -------------------------------------------------------------
    "exceptions_title": ("法定例外", "Legal exceptions"),
    "exceptions_intro": (
        "法定例外允许在无需同意的情况下处理指定个人的指定类别数据，须注明依据（机关、案号、"
        "法律条款）、范围和有效期，并由另一位个人信息保护负责人批准后方可生效。",
        "A legal exception lets the listed categories of the listed people be processed "
        "without consent. It records its basis (authority, case, legal provision), its scope "
        "and validity, and takes effect only once another privacy officer approves it.",
    ),
    "exceptions_table": ("法定例外列表", "Legal exceptions"),
    "exception_title": ("法定例外 {id}", "Legal exception {id}"),
    "exception_id": ("编号", "Id"),
    "exception_kind": ("类型", "Kind"),
    "basis": ("依据", "Basis"),
    "authority": ("机关", "Authority"),
    "case_reference": ("案号", "Case reference"),
    "legal_provision": ("法律条款", "Legal provision"),
    "scope": ("范围", "Scope"),
    "scope_subjects": ("个人（编号）", "People (ids)"),
    "scope_categories": ("数据类别", "Data categories"),
    "scope_purposes_note": (
        "法定例外的范围是个人和数据类别，不限定用途：在有效期内，它可解除对这些个人的这些类别的"
        "同意要求，无论以何种用途。",
        "A legal exception's scope is people and data categories, not purposes: while in "
        "force it lifts the consent requirement for these categories of these people, "
        "whatever the purpose.",
    ),
    "subjects_n": ("{n} 人", "{n} people"),
    "validity": ("有效期", "Validity"),
    "valid_from": ("生效日期", "Valid from"),
    "valid_until": ("失效日期", "Valid until"),
    "validity_range": ("{a} 至 {b}", "{a} to {b}"),
    "status": ("状态", "Status"),
    "requested_by": ("申请人", "Requested by"),
    "approved_by": ("批准人", "Approved by"),
    "revoked_at": ("撤销时间", "Revoked at"),
    "not_yet": ("尚未", "not yet"),
    "status_pending": ("待第二人批准", "waiting for a second approver"),
    "status_in_force": ("生效中", "in force"),
    "status_scheduled": ("已批准，尚未到生效日期", "approved, not yet valid"),
    "status_expired": ("已过期", "expired"),
    "status_revoked": ("已撤销", "revoked"),
    "kind_national_security": ("国家安全、国防安全", "National security or defence"),
    "kind_public_interest": (
        "公共安全、公共卫生、重大公共利益",
        "Public security, public health or major public interest",
    ),
    "kind_criminal_justice": (
        "刑事侦查、起诉、审判和判决执行",
        "Criminal investigation and justice",
    ),
    "kind_vital_interests": ("保护生命健康和财产安全（紧急情况）", "Vital interests (emergency)"),
    "kind_news_reporting": ("新闻报道、舆论监督", "News reporting"),
    "kind_legal_compliance": ("履行法定职责或法定义务", "Compliance with applicable law"),
    "request_title": ("申请法定例外", "Request a legal exception"),
    "request_hint": (
        "申请记录后，须由另一位个人信息保护负责人批准才会生效。",
        "Once recorded, it takes effect only when another privacy officer approves it.",
    ),
    "subject_ids_hint": (
        "个人编号，每行一个（或以逗号分隔）；可在“个人”页面查找。",
        "Person ids, one a line (or separated by commas); find them on the People page.",
    ),
    "categories_hint": (
        "可多选；每个类别包括其下级类别。",
        "Choose one or more; each category covers those below it.",
    ),
    "date_hint": ("日期（UTC），格式 YYYY-MM-DD", "A date (UTC), YYYY-MM-DD"),
    "valid_until_hint": (
        "UTC 日期，当天结束时失效，格式 YYYY-MM-DD",
        "A date (UTC); the exception lapses at the end of that day. YYYY-MM-DD",
    ),
    "request_button": ("提交申请", "Request the exception"),
    "approve_title": ("批准（四眼原则）", "Approve (four eyes)"),
    "approve_hint": (
        "申请人为 {who}。只有另一位个人信息保护负责人可以批准；批准需再次确认身份。",
        "Requested by {who}. Only another privacy officer may approve; approving asks for "
        "your password again.",
    ),
    "own_request": (
        "这是您本人提交的申请：您不能批准，须由另一位个人信息保护负责人批准。",
        "You requested this exception: you cannot approve it; another privacy officer must.",
    ),
    "approve_button": ("批准此法定例外", "Approve this exception"),
    "revoke_title": ("撤销", "Revoke"),
    "revoke_hint": (
        "撤销后立即失效，之后的访问决定不再依据它。",
        "Revoking ends it at once: later decisions no longer rely on it.",
    ),
    "revoke_button": ("撤销此法定例外", "Revoke this exception"),
    "read_only": (
        "您可以查看，但不能修改（只读）。",
        "You may look but not change anything here (read-only).",
    ),
    "let_through_title": ("依据此例外放行的访问决定", "Decisions this exception let through"),
    "let_through_how": (
        "按此例外所涵盖的每个人查找访问决定（批准之后、撤销或到期之前），再筛选出写明此例外的"
        "决定；每人最多读取最近 {n} 条。",
        "Found by searching the decisions about each person the exception covers (after its "
        "approval, before its revocation or end) and keeping those that name it; at most "
        "the latest {n} per person are read.",
    ),
    "let_through_many": (
        "此例外涵盖的人数超过 {n}：改为查找其有效期内的最近 {m} 条访问决定并筛选。",
        "The exception covers more than {n} people: the latest {m} decisions of its period "
        "were searched and filtered instead.",
    ),
    "let_through_none": ("尚无依据此例外的访问决定。", "No decision has relied on it yet."),
    "done_requested": (
        "法定例外已记录，等待另一位个人信息保护负责人批准。",
        "The exception is recorded and waits for another privacy officer's approval.",
    ),
    "done_approved": ("法定例外已批准。", "The exception is approved."),
    "done_revoked": ("法定例外已撤销。", "The exception is revoked."),
    "filter_status": ("状态", "Status"),
    # -- decisions (R2.10) -------------------------------------------------------------------
    "decisions_title": ("访问决定", "Decisions"),
    "decisions_intro": (
        "决策点对每次使用个人信息作出的决定：谁、对谁、为何种用途、结果及原因。这里只显示编号和"
        "元数据，不显示个人信息的值。",
        "What the decision point answered to each use of personal data: who, about whom, "
        "for which purpose, the outcome and why. Ids and metadata only, never a value.",
    ),
    "decisions_table": ("访问决定列表", "Decisions"),
    "decision_title": ("访问决定 {id}", "Decision {id}"),
    "decision_id": ("决定编号", "Decision"),
    "at": ("时间", "Time"),
    "actor": ("操作者", "Actor"),
    "actor_hint": ("员工或系统客户端的编号", "A staff member's or system client's id"),
    "action": ("操作", "Action"),
    "subject_id": ("个人编号", "Person id"),
    "purpose": ("用途", "Purpose"),
    "outcome": ("结果", "Outcome"),
    "since": ("起始日期", "From"),
    "until": ("截止日期（含）", "Until (inclusive)"),
    "requested": ("请求的类别", "Categories asked for"),
    "allowed": ("允许的类别", "Categories allowed"),
    "refused": ("拒绝的类别", "Categories refused"),
    "policy_version": ("策略版本", "Policy version"),
    "obligations": ("附带义务", "Obligations"),
    "target_system": ("目标系统", "Target system"),
    "exception": ("法定例外", "Legal exception"),
    "outcome_allowed": ("允许", "allowed"),
    "outcome_partly_allowed": ("部分允许", "partly allowed"),
    "outcome_denied": ("拒绝", "denied"),
    "action_use": ("使用", "use"),
    "action_read": ("读取", "read"),
    "action_export": ("导出", "export"),
    "action_share": ("共享", "share"),
    "action_disclose": ("披露", "disclose"),
    "decisions_cap": (
        "最多显示最近 {n} 条；请缩小筛选范围以查看更早的决定。",
        "At most the latest {n} are shown; narrow the filters to see earlier ones.",
    ),
    "explain_title": ("逐条规则说明", "Rule by rule"),
    "explain_intro": (
        "按决策点评估的顺序列出每条规则、其结果和原因。",
        "Each rule in the order the decision point evaluates them, its result and why.",
    ),
    "rule": ("规则", "Rule"),
    "result": ("结果", "Result"),
    "why": ("原因", "Why"),
    "passed": ("通过", "passed"),
    "failed": ("未通过", "refused"),
    "nothing_refused": ("未拒绝任何内容。", "Refused nothing."),
    "lifted_by": ("已由法定例外 {id} 解除", "lifted by legal exception {id}"),
    "overall": ("总体原因", "Overall reasons"),
    "for_categories": ("涉及类别：{c}", "categories: {c}"),
    "rule_purpose_known": ("用途已登记且有效", "The purpose is registered and active"),
    "rule_role_allowed": ("角色可使用该用途", "The role may use the purpose"),
    "rule_within_actor_scope": ("在操作者的授权范围内", "Within the actor's scope"),
    "rule_category_allowed": ("该用途允许这些类别", "The purpose allows the categories"),
    "rule_credentials_never_disclosed": ("凭据从不披露", "Credentials are never disclosed"),
    "rule_system_approved": ("目标系统已批准", "The target system is approved"),
    "rule_transfer_abroad": ("跨境传输已获同意", "A transfer abroad has consent"),
    "rule_not_restricted": ("未被限制或反对处理", "Processing is not restricted or objected to"),
    "rule_child_guardian": ("未成年人已获监护人同意", "A child has a guardian's consent"),
    "rule_declared_at_collection": ("收集时已告知该用途", "The purpose was declared at collection"),
    "rule_consent_required": ("已获得所需的同意", "Consent where it is needed"),
    "rule_sensitive_separate_consent": (
        "敏感个人信息已获单独同意",
        "Sensitive data has separate consent",
    ),
    "rule_consent_renewed": (
        "政策重大变更后已重新同意",
        "Consent renewed after a material policy change",
    ),
    "rule_recipient_bound": (
        "接收方有效且受有效协议约束",
        "The recipient is active and bound by an agreement in force",
    ),
    "rule_within_profile": ("在接收方的最小化配置内", "Within the recipient's profile"),
    "rule_shared_abroad_with_consent": (
        "向境外提供已获指明接收方的单独同意",
        "A share abroad has consent naming the recipient",
    ),
    "rule_authority_through_legal_request": (
        "向国家机关提供须依据法律请求",
        "An authority only through a legal request",
    ),
    "rule_assessed_before_processing": (
        "已有影响评估覆盖该处理",
        "An impact assessment covers the processing",
    ),
    "reason_impact_assessment_missing": (
        "缺少经批准的个人信息保护影响评估",
        "no approved impact assessment covers it",
    ),
    "reason_recipient_not_active": ("接收方无效", "recipient not active"),
    "reason_no_agreement_in_force": ("没有有效协议", "no agreement in force"),
    "reason_no_minimisation_profile": ("没有最小化配置", "no minimisation profile"),
    "reason_category_outside_profile": ("类别不在最小化配置内", "category outside the profile"),
    "reason_share_abroad_without_consent": (
        "向境外提供未获单独同意",
        "share abroad without consent",
    ),
    "reason_authority_without_legal_request": (
        "没有法律请求",
        "authority without a legal request",
    ),
    "reason_outside_legal_demand": ("超出法律请求的范围", "outside what the legal request demands"),
    "reason_minimised": ("已按配置最小化", "minimised as the profile says"),
    "rule_mechanism_for_count": (
        "出境具备累计人数所要求的机制",
        "A transfer abroad has the mechanism its yearly count requires",
    ),
    "reason_transfer_count_unknown": ("未提供本年度出境人数", "this year's count not supplied"),
    "reason_transfer_mechanism_missing": (
        "缺少累计人数所要求的出境机制",
        "the mechanism the count requires is missing",
    ),
    "rule_abroad_notice_given": (
        "出境前已告知本人（集团公司除外）",
        "The person was told before a first transfer abroad (not for group companies)",
    ),
    "reason_abroad_notice_not_sent": ("尚未告知本人", "the person not yet told"),
    "reason_transfer_exemption": (
        "依据已登记的出境豁免情形，不计入累计人数",
        "under a recorded exemption case, not counted",
    ),
    "reason_purpose_unknown": ("用途未登记", "purpose unknown"),
    "reason_role_not_allowed_for_purpose": ("角色不可使用该用途", "role not allowed"),
    "reason_purpose_outside_actor_scope": ("用途超出授权范围", "purpose outside the scope"),
    "reason_category_outside_actor_scope": ("类别超出授权范围", "category outside the scope"),
    "reason_category_not_allowed_for_purpose": ("用途不允许该类别", "category not allowed"),
    "reason_credential_not_readable": ("凭据不可读取", "credential not readable"),
    "reason_system_not_approved": ("系统未批准", "system not approved"),
    "reason_transfer_abroad_without_consent": (
        "跨境传输未获同意",
        "transfer abroad without consent",
    ),
    "reason_processing_restricted": ("处理已被限制", "processing restricted"),
    "reason_processing_objected": ("本人已反对处理", "processing objected to"),
    "reason_child_without_guardian_consent": ("缺少监护人同意", "no guardian's consent"),
    "reason_purpose_not_declared_at_collection": ("收集时未告知该用途", "purpose not declared"),
    "reason_consent_required": ("缺少同意", "consent required"),
    "reason_sensitive_without_separate_consent": ("缺少单独同意", "no separate consent"),
    "reason_consent_lapsed_policy_change": (
        "政策变更后未重新同意",
        "not renewed after a policy change",
    ),
    "reason_legal_exception": ("依据法定例外放行", "let through by a legal exception"),
    "reason_exception_not_applicable": ("法定例外不适用", "legal exception not applicable"),
    "reason_exception_not_in_force": ("法定例外未生效", "legal exception not in force"),
    "reason_rights_request": ("执行个人权利请求", "carrying out a rights request"),
    "reason_allowed": ("允许", "allowed"),
    "reason_partly_allowed": ("部分允许", "partly allowed"),
    # -- the audit trail (R2.10, R5.1, R10.2) ------------------------------------------------
    "audit_title": ("审计记录", "Audit trail"),
    "audit_intro": (
        "谁在何时做了什么、针对什么、为何：每条记录都链接到前一条（哈希链），并由签名检查点"
        "定期封存。",
        "Who did what, when, to what and why: each entry is chained to the one before it "
        "(a hash chain) and sealed at intervals by signed checkpoints.",
    ),
    "audit_table": ("审计记录条目", "Audit entries"),
    "seq": ("序号", "Entry"),
    "target": ("对象", "Target"),
    "target_type": ("对象类型", "Target type"),
    "target_id": ("对象编号", "Target id"),
    "target_hint": (
        "例如 exception、decision、subject、system",
        "e.g. exception, decision, subject, system",
    ),
    "action_hint": ("例如 exception.approve、data.read", "e.g. exception.approve, data.read"),
    "details": ("详情", "Details"),
    "decision": ("决定", "Decision"),
    "audit_order": (
        "按记录顺序（从旧到新）显示，每页 {n} 条。",
        "In the order written (oldest first), {n} a page.",
    ),
    "first_page": ("第一页", "First page"),
    "later_entries": ("后面的记录", "Later entries"),
    "verify_title": ("校验审计记录", "Verify the trail"),
    "verify_hint": (
        "逐条检查哈希链和签名检查点，并指出第一条有问题的记录。校验本身也会记入审计记录。",
        "Walks the whole hash chain and the signed checkpoints and names the first bad "
        "entry. The verification itself goes on the trail.",
    ),
    "verify_button": ("立即校验", "Verify now"),
    "verify_result": ("最近一次校验", "Last verification"),
    "verified_at_by": ("{at}，由 {who} 执行", "{at}, by {who}"),
    "trail_intact": ("完整", "intact"),
    "trail_broken": ("在第 {seq} 条处断裂", "broken at entry {seq}"),
    "trail_counts": (
        "共 {n} 条记录，{k} 个签名检查点",
        "{n} entries, {k} signed checkpoints",
    ),
    "problem": ("问题", "Problem"),
    "see_entry": ("查看该处的记录", "see the entries there"),
    "never_verified_yet": ("尚未校验过。", "Not verified yet."),
    "verification_old": ("已超过 {d} 天未校验", "not verified for more than {d} days"),
    "checkpoint_title": ("最近一次签名检查点", "Last signed checkpoint"),
    "checkpoint_at": ("签名时间", "Signed at"),
    "checkpoint_range": ("覆盖记录", "Entries covered"),
    "checkpoint_head": ("链头哈希", "Head hash"),
    "checkpoint_key": ("签名密钥", "Signing key"),
    "checkpoint_signature": ("签名状态", "Signature"),
    "range": ("第 {a} 至 {b} 条", "{a} to {b}"),
    "sig_ok": ("签名有效", "valid"),
    "sig_bad": ("签名无效", "INVALID"),
    "no_checkpoint_yet": ("尚无签名检查点。", "No signed checkpoint yet."),
    "done_verified": ("校验完成：审计记录完整。", "Verified: the trail is intact."),
    "done_verify_failed": (
        "校验完成：审计记录已被篡改或截断，详情见下。",
        "Verified: the trail was tampered with or truncated; see below.",
    ),
    # -- shared ------------------------------------------------------------------------------
    "filters": ("筛选条件", "Filters"),
    "apply": ("查找", "Search"),
    "unknown_value": ("「{f}」的值无效，请从列表中选择。", "{f}: choose a value from the list."),
    "bad_date": ("「{f}」须为日期，格式 YYYY-MM-DD。", "{f} must be a date: YYYY-MM-DD."),
    "bad_id": (
        "「{f}」须为编号（字母、数字、连字符，最多 64 个字符）。",
        "{f} must be an id (letters, digits and hyphens, at most 64 characters).",
    ),
    "too_long": ("「{f}」太长。", "{f} is too long."),
    "required": ("请填写「{f}」。", "Enter {f}."),
    "both_target": (
        "对象类型和对象编号须同时填写。",
        "Give both the target type and the target id, or neither.",
    ),
    "bad_range": ("截止日期不能早于起始日期。", "The end date cannot be before the start."),
    "short_id": ("编号 {id}", "id {id}"),
    # -- the front page (attention) ----------------------------------------------------------
    "attn_exceptions_waiting": (
        "{n} 项法定例外等待第二位负责人批准",
        "Legal exceptions waiting for a second approver: {n}",
    ),
    "attn_audit_never_verified": ("审计记录尚未校验过", "The audit trail was never verified"),
    "attn_audit_verification_failed": (
        "最近一次审计记录校验未通过",
        "The last audit trail verification failed",
    ),
    "attn_audit_verification_stale": (
        "审计记录已超过 7 天未校验",
        "The audit trail was not verified for more than 7 days",
    ),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
