"""The words of web/console/incidents/ in Simplified Chinese and English (merged over the
console's own by kit.console_page): incidents, their clocks and reports, the notification to
the people affected, vulnerabilities, the front page's hints."""

from __future__ import annotations

import re

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "sub_label": ("安全事件与漏洞", "Incidents and vulnerabilities"),
    "sub_incidents": ("安全事件", "Incidents"),
    "sub_clocks": ("报告时限", "Reporting clocks"),
    "sub_vulns": ("漏洞", "Vulnerabilities"),
    "read_only": ("您可以查看，但不能修改。", "You may read this page but not change it."),
    "any": ("全部", "any"),
    "filter": ("筛选", "Filter"),
    "filter_status": ("状态", "Status"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "none": ("无", "none"),
    "not_yet": ("尚未", "not yet"),
    "bad_number": ("「{f}」须为非负整数。", "{f} must be a whole number from 0."),
    "by_at": ("{who}，{at}", "{who}, {at}"),
    # -- incidents ------------------------------------------------------------------------
    "incidents_title": ("安全事件", "Security incidents"),
    "incidents_intro": (
        "记录每一起网络安全事件及其法定报告时限：按《国家网络安全事件报告管理办法》（2025年11月1日施行）"
        "定级，较大以上事件须在4小时内（关键信息基础设施1小时内）报告；涉及欧盟的个人数据泄露须在72小时内"
        "通知监管机构（GDPR第33条）；《个人信息保护法》第五十七条要求通知主管部门和个人。",
        "Every security incident and its legal reporting clocks: graded on the CAC Network "
        "Security Incident Reporting Measures (in force 1 November 2025), relatively major or "
        "worse reported within 4 hours (1 hour for critical information infrastructure); a "
        "personal-data breach in the EU to the supervisory authority within 72 hours (GDPR Art. "
        "33); the authority and the people told under PIPL Art. 57.",
    ),
    "report_link": ("报告安全事件", "Report an incident"),
    "incidents_table": ("安全事件（最新在前）", "Incidents, newest first"),
    "col_incident": ("事件", "Incident"),
    "col_detected": ("发现时间", "Detected"),
    "col_kind": ("类型", "Kind"),
    "col_severity": ("级别", "Severity"),
    "col_status": ("状态", "Status"),
    "col_clocks": ("进行中的时限", "Running clocks"),
    "col_people": ("受影响人数", "People affected"),
    "no_incidents": ("暂无安全事件。", "No incidents."),
    "overdue": ("已逾期", "OVERDUE"),
    "kind_confidentiality": ("保密性（泄露、窃取）", "confidentiality (disclosed, taken)"),
    "kind_integrity": ("完整性（篡改、破坏）", "integrity (altered, destroyed)"),
    "kind_availability": ("可用性（丢失、中断）", "availability (lost, out of reach)"),
    "severity_general": ("一般", "general"),
    "severity_relatively_major": ("较大", "relatively major"),
    "severity_major": ("重大", "major"),
    "severity_particularly_major": ("特别重大", "particularly major"),
    "status_open": ("处理中", "open"),
    "status_review": ("待复核", "waiting for review"),
    "status_closed": ("已关闭", "closed"),
    "new_title": ("报告安全事件", "Report a security incident"),
    "new_hint": (
        "发现时间即法定时限的起算时间。标题中请勿写入个人姓名。",
        "The legal clocks run from the detection time. Keep names of people out of the title.",
    ),
    "f_title": ("标题", "Title"),
    "f_description": ("发生了什么", "What happened"),
    "f_kind": ("类型", "Kind"),
    "f_severity": ("级别（网信办分级）", "Severity (CAC grading)"),
    "severity_hint": (
        "特别重大、重大、较大、一般；仅就个人信息泄露人数而言：1亿人以上特别重大，1000万人以上重大，"
        "100万人以上较大（分级指南的其他情形由您判断）。",
        "Particularly major, major, relatively major, general; on the people whose personal "
        "information leaked alone: 100 million particularly major, 10 million major, 1 million "
        "relatively major (the guide's other criteria are your judgement).",
    ),
    "f_jurisdictions": ("适用法域", "Jurisdictions"),
    "jurisdictions_hint": (
        "受影响的人所在地或处理发生地。",
        "Where the people live or the processing happens.",
    ),
    "f_detected_at": ("发现时间（UTC）", "Detected at (UTC)"),
    "f_cii": ("涉及关键信息基础设施", "Concerns critical information infrastructure"),
    "f_high_risk": (
        "可能对个人权益造成高风险（须通知个人）",
        "Likely a high risk to people (they are told)",
    ),
    "f_systems": ("涉及的系统", "Systems affected"),
    "f_categories": ("涉及的个人信息类别", "Categories of personal data"),
    "f_affected_estimate": ("受影响人数（估计）", "People affected (estimate)"),
    "report_button": ("报告", "Report"),
    "incident_title": ("安全事件 {id}", "Incident {id}"),
    "facts": ("事件情况", "Facts"),
    "reported": ("报告人", "Reported by"),
    "handler": ("处理人", "Handler"),
    "people": ("受影响人数", "People affected"),
    "people_value": ("估计 {est}；已列出 {listed}", "estimated {est}; listed {listed}"),
    "suggested": ("按人数建议的级别", "Level the number of people suggests"),
    "clocks_title": ("报告义务与时限", "Reporting obligations and clocks"),
    "col_obligation": ("义务", "Obligation"),
    "col_due": ("期限（UTC）", "Due (UTC)"),
    "col_submitted": ("报送", "Submitted"),
    "clock_running": ("进行中", "running"),
    "clock_submitted": ("已报送", "submitted"),
    "clock_not_applicable": ("不再适用", "no longer applies"),
    "late": ("（逾期报送）", "(late)"),
    "no_clocks": ("目前没有适用的报告义务。", "No reporting obligation applies now."),
    "open_draft": ("报告草稿", "Report draft"),
    "timeline_title": ("处置时间线", "Timeline"),
    "stage_detection": ("发现", "detection"),
    "stage_containment": ("遏制", "containment"),
    "stage_eradication": ("根除", "eradication"),
    "stage_recovery": ("恢复", "recovery"),
    "stage_note": ("备注", "note"),
    "f_stage": ("阶段", "Stage"),
    "f_at": ("发生时间（UTC）", "When (UTC)"),
    "f_note": ("做了什么", "What was done"),
    "add_entry": ("记入时间线", "Add to the timeline"),
    "update_title": ("更新事件情况", "Update what is known"),
    "update_hint": (
        "级别、法域、关键信息基础设施或高风险变化时，报告时限随之变化（均从发现时起算）。",
        "When severity, jurisdictions, CII or risk change, the clocks follow (all from detection).",
    ),
    "update_button": ("更新", "Update"),
    "affected_title": ("从审计记录计算受影响的人", "Who is affected, from the audit trail"),
    "affected_hint": (
        "某个系统客户端（API密钥）或员工账户在一段时间内读取过其数据的所有个人。"
        "填写 system:<客户端编号> 或 staff:<账户编号>。",
        "Everyone whose data a system client (API key) or staff account read in a window. "
        "Enter system:<client id> or staff:<account id>.",
    ),
    "f_actor": ("读取者", "Who read"),
    "f_start": ("起（UTC）", "From (UTC)"),
    "f_end": ("止（UTC）", "To (UTC)"),
    "affected_button": ("计算并列出", "Compute and list"),
    "notifications_link": ("通知受影响的人", "Tell the people affected"),
    "review_title": ("申请复核", "Ask for review"),
    "review_hint": (
        "遏制与恢复记入时间线后，写明根本原因和经验教训；由未参与处理的隐私负责人复核关闭。",
        "With containment and recovery on the timeline, write the root cause and the lessons; "
        "a privacy officer who did not handle it reviews and closes.",
    ),
    "f_root_cause": ("根本原因", "Root cause"),
    "f_lessons": ("经验教训", "Lessons"),
    "review_button": ("申请复核", "Ask for review"),
    "close_title": ("复核", "Review"),
    "close_hint": ("关闭，或退回并说明原因。", "Close it, or send it back saying why."),
    "own_incident": (
        "您报告、处理或申请复核了此事件：须由另一位隐私负责人复核（四眼原则）。",
        "You reported, handled or asked for review of this incident: another privacy officer "
        "reviews it (four eyes).",
    ),
    "f_closing_note": ("复核意见", "Review note"),
    "close_button": ("复核通过并关闭", "Close"),
    "return_button": ("退回", "Send back"),
    "root_cause": ("根本原因", "Root cause"),
    "lessons": ("经验教训", "Lessons"),
    "closed_by": ("复核关闭人", "Closed by"),
    "vulns_linked": ("关联的漏洞", "Linked vulnerabilities"),
    # -- the clocks across incidents, a clock's draft and submission -----------------------------
    "clocks_page_title": ("报告时限", "Reporting clocks"),
    "clocks_page_intro": (
        "所有进行中的报告时限，最先到期的在前。提醒在到期前发送给隐私负责人和处理人，逾期后升级给所有隐私负责人。",
        "Every running reporting clock, the earliest due first. Reminders go to the officers "
        "and the handler before the due time; once overdue it is escalated to every officer.",
    ),
    "no_running": ("没有进行中的报告时限。", "No clock is running."),
    "clock_title": ("{obligation}：报告草稿与报送", "{obligation}: report draft and submission"),
    "source": ("依据", "Source"),
    "to_whom": ("报送对象", "To whom"),
    "draft_title": (
        "报告草稿（按主管部门要求的字段）",
        "Report draft (the fields the authority asks for)",
    ),
    "draft_hint": (
        "空白字段请在报送前补全；报送时填写的内容将与草稿一起保存。",
        "Complete the empty fields before submitting; what you enter is kept with the draft.",
    ),
    "submit_title": ("记录报送", "Record the submission"),
    "f_submitted_to": ("报送对象", "Submitted to"),
    "f_reference": ("受理编号", "Reference"),
    "f_submitted_at": ("报送时间（UTC，留空为现在）", "Submitted at (UTC; empty: now)"),
    "submit_button": ("记录报送", "Record"),
    "submitted_as": (
        "已于 {at} 报送给 {to}（编号 {ref}）",
        "Submitted {at} to {to} (reference {ref})",
    ),
    # -- notifications --------------------------------------------------------------------
    "notifications_title": (
        "通知受影响的人：事件 {id}",
        "Telling the people affected: incident {id}",
    ),
    "notifications_intro": (
        "按《个人信息保护法》第五十七条和GDPR第34条通知。每人一封中文或英文邮件（依其语言），分批发送；"
        "中断后续发不会重复发送。审计记录只记录个人编号和结果。",
        "As PIPL Art. 57 and GDPR Art. 34 require. One mail per person in Chinese or English "
        "(their language), sent in throttled passes; a pass cut off is resumed without mailing "
        "anyone twice. The audit trail records the person's id and the outcome only.",
    ),
    "recipients": ("每人的状态", "Each person's status"),
    "rstatus_queued": ("待发送", "queued"),
    "rstatus_sending": ("发送中", "sending"),
    "rstatus_sent": ("已发送", "sent"),
    "rstatus_no_address": ("无可用邮箱（请另行通知）", "no usable email (reach them another way)"),
    "rstatus_unknown": (
        "状态不明（请查邮件日志后重新排队）",
        "unknown (check the mail log, then re-queue)",
    ),
    "mailing_title": ("通知内容", "The notification"),
    "mailing_hint": (
        "邮件还会列出涉及的个人信息类别和事件编号。开始发送后内容不可再改。",
        "The mail adds the categories of data concerned and the incident's reference. Once "
        "started, the words no longer change.",
    ),
    "mailing_started": ("已于 {at} 由 {who} 开始发送。", "Started {at} by {who}."),
    "zh_words": ("中文", "Chinese"),
    "en_words": ("英文", "English"),
    "f_what_happened": ("发生了什么", "What happened"),
    "f_measures_taken": ("我们已采取的措施", "What we have done"),
    "f_what_you_can_do": ("您可以采取的措施", "What you can do"),
    "f_contact": ("联系方式", "Contact"),
    "save_mailing": ("保存通知内容", "Save the notification"),
    "start_title": ("开始发送", "Start sending"),
    "start_button": ("开始发送", "Start"),
    # -- vulnerabilities ------------------------------------------------------------------
    "vulns_title": ("漏洞", "Vulnerabilities"),
    "vulns_intro": (
        "漏洞按严重程度确定修复期限（可配置：严重7天、高30天……），逾期升级给隐私负责人。接受风险须写明理由并由另一位隐私负责人批准。",
        "Each vulnerability has a remediation deadline by severity (configurable: critical 7 "
        "days, high 30 …); overdue ones are escalated to the officers. Accepting a risk takes a "
        "reason and another privacy officer's approval.",
    ),
    "vulns_table": ("漏洞（最先到期的在前）", "Vulnerabilities, earliest deadline first"),
    "col_identifier": ("编号", "Identifier"),
    "col_system": ("系统", "System"),
    "col_owner": ("负责人", "Owner"),
    "no_vulns": ("暂无漏洞。", "No vulnerabilities."),
    "vstatus_open": ("待处理", "open"),
    "vstatus_in_progress": ("修复中", "in progress"),
    "vstatus_fixed": ("已修复", "fixed"),
    "vstatus_verified": ("已验证", "verified"),
    "vstatus_risk_proposed": ("申请接受风险", "risk acceptance proposed"),
    "vstatus_accepted_risk": ("已接受风险", "accepted risk"),
    "vsev_critical": ("严重", "critical"),
    "vsev_high": ("高", "high"),
    "vsev_medium": ("中", "medium"),
    "vsev_low": ("低", "low"),
    "record_title": ("登记漏洞", "Record a vulnerability"),
    "f_identifier": ("编号（CVE、GHSA、OSV……）", "Identifier (CVE, GHSA, OSV …)"),
    "f_system": ("受影响的系统", "Affected system"),
    "f_owner": ("修复负责人", "Owner"),
    "f_source": ("来源", "Source"),
    "f_cvss": ("CVSS 评分", "CVSS score"),
    "cvss_hint": ("未选严重程度时据此确定。", "Gives the severity when none is chosen."),
    "f_vseverity": ("严重程度", "Severity"),
    "source_scan": ("扫描", "scan"),
    "source_pentest": ("渗透测试", "penetration test"),
    "source_advisory": ("安全公告", "advisory"),
    "source_report": ("报告", "report"),
    "record_button": ("登记", "Record"),
    "import_title": ("导入扫描报告", "Import a scanner's report"),
    "import_hint": (
        "粘贴 pip-audit（-f json）或 SARIF（含 piiguard scan --format sarif）的输出。"
        "按编号和系统去重；SARIF结果中的消息文本不会保存（可能含发现的个人信息）。",
        "Paste pip-audit's (-f json) or a SARIF report (piiguard scan --format sarif too). "
        "Deduplicated by identifier and system; a SARIF result's message is never kept (it may "
        "hold the personal data found).",
    ),
    "f_format": ("格式", "Format"),
    "f_report": ("报告内容（JSON）", "Report (JSON)"),
    "import_button": ("导入", "Import"),
    "vuln_title": ("漏洞 {id}", "Vulnerability {id}"),
    "component": ("组件或位置", "Component or place"),
    "aliases": ("别名", "Aliases"),
    "locations": ("发现处数", "Places found"),
    "found": ("发现时间", "Found"),
    "due": ("修复期限", "Repair by"),
    "move_title": ("更新状态", "Change the status"),
    "move_hint": (
        "修复须由标记“已修复”以外的人验证。",
        "A fix is verified by someone other than who marked it fixed.",
    ),
    "f_status": ("新状态", "New status"),
    "move_button": ("更新", "Update"),
    "risk_title": ("申请接受风险", "Propose accepting the risk"),
    "f_reason": ("理由", "Reason"),
    "f_until": ("复查日期", "Look at it again on"),
    "risk_button": ("申请", "Propose"),
    "risk_decide_title": ("批准或驳回接受风险", "Approve or refuse accepting the risk"),
    "own_risk": (
        "此申请由您提出：须由另一位隐私负责人批准（四眼原则）。",
        "You proposed this: another privacy officer approves (four eyes).",
    ),
    "approve_button": ("批准", "Approve"),
    "reject_button": ("驳回", "Refuse"),
    "risk_reason": ("接受风险的理由", "Why the risk is accepted"),
    "incidents_linked": ("关联的事件", "Linked incidents"),
    # -- flashes --------------------------------------------------------------------------
    "done_reported": (
        "已报告；适用的时限已从发现时起算。",
        "Reported; the clocks that apply run from detection.",
    ),
    "done_updated": ("已更新；时限已随之调整。", "Updated; the clocks follow."),
    "done_entry": ("已记入时间线。", "Added to the timeline."),
    "done_affected": (
        "已从审计记录列出受影响的人。",
        "The people affected are listed from the audit trail.",
    ),
    "done_review": ("已申请复核。", "Review asked for."),
    "done_closed": ("事件已关闭。", "The incident is closed."),
    "done_returned": ("已退回处理。", "Sent back to its handler."),
    "done_submitted": ("已记录报送，时限停止。", "Submission recorded; the clock stops."),
    "done_mailing": ("通知内容已保存。", "The notification is saved."),
    "done_started": (
        "已开始发送，由定时任务分批发送。",
        "Started: the security job sends it in passes.",
    ),
    "done_vuln": ("漏洞已登记。", "Vulnerability recorded."),
    "done_imported": (
        "报告已导入（按编号和系统去重）。",
        "Report imported (deduplicated by identifier and system).",
    ),
    "done_moved": ("状态已更新。", "Status changed."),
    "done_risk": ("已申请接受风险。", "Accepting the risk proposed."),
    "done_risk_approved": ("已批准接受风险。", "Risk accepted."),
    "done_risk_rejected": ("已驳回，漏洞重新打开。", "Refused: the vulnerability is open again."),
    # -- the front page -------------------------------------------------------------------
    "attn_incident_clocks_overdue": (
        "已逾期的事件报告时限：{n}",
        "Incident reporting clocks overdue: {n}",
    ),
    "attn_incident_clocks_soon": (
        "1小时内到期的事件报告时限：{n}",
        "Incident reporting clocks due within an hour: {n}",
    ),
    "attn_incidents_review": ("等待复核的安全事件：{n}", "Incidents waiting for review: {n}"),
    "attn_vulns_overdue": ("逾期未修复的漏洞：{n}", "Vulnerabilities past their deadline: {n}"),
    "attn_vulns_risk": (
        "等待批准的接受风险申请：{n}",
        "Risk acceptances waiting for approval: {n}",
    ),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}


# an obligation's recipient as the seeded obligations name it (domain/incidents/obligations.py):
# "中文 (English)" for China's, English for the EU's; each page shows its language's
GLOSSED = re.compile(r"(.*[\u4e00-\u9fff].*?) \(([A-Za-z][^()]*)\)")
RECIPIENTS_ZH = {
    "the people affected": "受影响的个人",
    "the competent supervisory authority (lead authority under Art. 56)": (
        "主管监管机构（第56条所指的牵头监管机构）"
    ),
}


def recipient_in(lang: str, recipient: str) -> str:
    """`recipient` in `lang` where the seeded wording gives it; else as recorded."""
    both = GLOSSED.fullmatch(recipient)
    if both is not None:
        return both.group(1) if lang == "zh-CN" else both.group(2)
    return RECIPIENTS_ZH.get(recipient, recipient) if lang == "zh-CN" else recipient
