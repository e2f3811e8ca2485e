"""The words of web/console/assessments/ in Simplified Chinese and English (merged over the
console's own by kit.console_page). Keys start with `ia_` (assessments) or `du_` (duties);
`done_` keys are the messages after a form."""

from __future__ import annotations

from piiguard.domain.assessments.model import QUESTIONS
from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "ia_title": ("个人信息保护影响评估", "Impact assessments"),
    "ia_intro": (
        "处理敏感个人信息、自动化决策、委托处理、向他人提供、公开个人信息、向境外提供，以及隐私官"
        "为某用途增加的情形，须事前评估（《个人信息保护法》第五十五条）。评估由作者起草并提交，"
        "由另一名隐私官审查，再由作者以外的隐私官批准（四眼原则）；经批准的评估才覆盖其范围，"
        "决策点对未被覆盖的处理一律拒绝。评估报告至少保存三年（第五十六条）。",
        "Processing of sensitive data, automated decisions, entrusting, providing to others, "
        "public disclosure, transfers abroad, and the cases an officer added for a purpose are "
        "assessed before they start (PIPL Art. 55). The author drafts and submits; another "
        "privacy officer reviews; an officer other than the author approves (four eyes). Only "
        "an approved assessment covers its scope: the decision point refuses what none covers. "
        "Reports are kept at least three years (Art. 56).",
    ),
    "ia_new": ("新建评估", "New assessment"),
    "ia_none": ("尚无评估。", "No assessments yet."),
    "ia_col_title": ("标题", "Title"),
    "ia_col_status": ("状态", "Status"),
    "ia_col_cases": ("情形", "Cases"),
    "ia_col_purposes": ("用途", "Purposes"),
    "ia_col_risk": ("风险", "Risk"),
    "ia_col_keep": ("保存至", "Kept until"),
    "ia_col_review": ("复核", "Review"),
    "ia_review_due": ("需复核", "review due"),
    "ia_review_ok": ("—", "—"),
    "ia_status_draft": ("草稿", "draft"),
    "ia_status_submitted": ("待审查", "waiting for review"),
    "ia_status_reviewed": ("待批准", "waiting for approval"),
    "ia_status_approved": ("已批准（有效）", "approved (in force)"),
    "ia_status_rejected": ("已驳回", "rejected"),
    "ia_status_withdrawn": ("已撤回", "withdrawn"),
    "ia_case_sensitive": ("处理敏感个人信息", "sensitive personal information"),
    "ia_case_automated_decision": ("自动化决策", "automated decision-making"),
    "ia_case_entrust": ("委托处理", "entrusting processing"),
    "ia_case_provide": ("向其他个人信息处理者提供", "providing to another handler"),
    "ia_case_disclose_public": ("公开个人信息", "public disclosure"),
    "ia_case_transfer_abroad": ("向境外提供", "transfer abroad"),
    "ia_case_other": ("其他对个人权益有重大影响的处理", "other processing with a major impact"),
    "ia_level_low": ("低", "low"),
    "ia_level_medium": ("中", "medium"),
    "ia_level_high": ("高", "high"),
    "ia_level_severe": ("严重", "severe"),
    "ia_f_title": ("标题", "Title"),
    "ia_f_cases": ("评估的情形（第五十五条）", "Cases assessed (Art. 55)"),
    "ia_f_purposes": ("覆盖的用途", "Purposes covered"),
    "ia_f_categories": ("覆盖的数据类别", "Data categories covered"),
    "ia_f_categories_hint": (
        "每行一个类别键，含其下级类别，例如 user.financial",
        "One category key a line; each covers its subtree, e.g. user.financial",
    ),
    "ia_f_recipients": (
        "覆盖的接收方（委托、提供、出境）",
        "Recipients covered (entrust, provide, abroad)",
    ),
    "ia_f_systems": ("覆盖的境外系统", "Systems abroad covered"),
    "ia_f_impact": ("对个人权益的影响程度", "Impact on the person"),
    "ia_f_likelihood": ("安全风险的可能性", "Likelihood of the risk"),
    "ia_questions": (
        "评估问题（第五十六条；GB/T 39335-2020）",
        "Questions (Art. 56; GB/T 39335-2020)",
    ),
    "ia_save_draft": ("保存草稿", "Save draft"),
    "ia_submit": ("提交审查", "Submit for review"),
    "ia_submit_hint": ("须回答全部问题后提交。", "Every question answered before submitting."),
    "ia_review_title": ("审查意见", "Review"),
    "ia_opinion": ("审查意见", "Opinion"),
    "ia_review_button": ("记录审查意见", "Record the review"),
    "ia_approve_title": ("批准", "Approve"),
    "ia_approve_hint": (
        "批准后，该评估立即覆盖其范围内的处理。作者本人不能批准（四眼原则）。",
        "Once approved it covers the processing in its scope at once. Its author cannot "
        "approve it (four eyes).",
    ),
    "ia_note": ("批准意见（可选）", "Note (optional)"),
    "ia_review_by": ("下次定期复核日期（可选）", "Next periodic review (optional)"),
    "ia_approve_button": ("批准", "Approve"),
    "ia_reject_title": ("驳回", "Reject"),
    "ia_reason": ("理由", "Reason"),
    "ia_reject_button": ("驳回", "Reject"),
    "ia_withdraw_title": ("撤回", "Withdraw"),
    "ia_withdraw_hint": (
        "撤回后不再覆盖任何处理；记录自撤回起保存三年。",
        "Withdrawn, it covers nothing; it is kept three years from today.",
    ),
    "ia_withdraw_button": ("撤回评估", "Withdraw"),
    "ia_own": (
        "这是您撰写的评估：须由另一名隐私官审查和批准。",
        "You wrote this assessment: another privacy officer reviews and approves it.",
    ),
    "ia_read_only": ("只读：审计员可查看，不能更改。", "Read only: auditors see, never change."),
    "ia_author": ("作者", "Author"),
    "ia_reviewer": ("审查人", "Reviewer"),
    "ia_approver": ("批准人 / 驳回人", "Approver / rejected by"),
    "ia_decision_note": ("批准意见 / 理由", "Note / reason"),
    "ia_changed": ("批准后已变更", "Changed since approval"),
    "ia_risk_note": (
        "风险等级按 GB/T 39335 的矩阵由影响程度和可能性得出。",
        "The risk follows from impact and likelihood (GB/T 39335 matrix).",
    ),
    "ia_cases_title": ("隐私官增加的情形", "Cases added by officers"),
    "ia_cases_intro": (
        "为某用途增加“自动化决策”“公开”或“其他重大影响”后，该用途的每次使用都须有覆盖该情形的已批准评估。",
        "Once a purpose has a case added (automated decisions, public disclosure, other major "
        "impact), every use of it needs an approved assessment of that case.",
    ),
    "ia_cases_none": ("尚未增加。", "None added."),
    "ia_f_purpose": ("用途", "Purpose"),
    "ia_f_case": ("情形", "Case"),
    "ia_add_case": ("增加", "Add"),
    "ia_remove_case": ("移除", "Remove"),
    "ia_n": ("评估 {id}", "Assessment {id}"),
    "done_ia_drafted": ("草稿已保存。", "Draft saved."),
    "done_ia_submitted": ("已提交审查。", "Submitted for review."),
    "done_ia_reviewed": ("审查意见已记录。", "Review recorded."),
    "done_ia_approved": ("评估已批准，现已覆盖其范围。", "Approved: it covers its scope now."),
    "done_ia_rejected": ("评估已驳回。", "Rejected."),
    "done_ia_withdrawn": ("评估已撤回。", "Withdrawn."),
    "done_ia_cases": ("情形已更新。", "Cases updated."),
    # -- duties by headcount -------------------------------------------------------------
    "du_title": ("合规审计与个人信息保护负责人", "Compliance audits and the PI protection officer"),
    "du_intro": (
        "义务取决于所处理个人信息涉及的人数：超过 1000 万人的，每两年至少开展一次个人信息保护合规"
        "审计（《个人信息保护合规审计管理办法》第四条，2025 年 5 月 1 日起施行）；100 万人以上的，"
        "应指定个人信息保护负责人（同办法第五条、《个人信息保护法》第五十二条）。所有处理者均须定期"
        "审计（第五十四条）。",
        "The duties follow from how many people's personal information is held: more than "
        "10 million — a compliance audit at least every two years (CAC Measures for Personal "
        "Information Protection Compliance Audits, Art. 4, in force 1 May 2025); 1 million or "
        "more — a designated PI protection officer (same Measures, Art. 5; PIPL Art. 52). Every "
        "handler audits regularly (PIPL Art. 54).",
    ),
    "du_people": ("所持有个人信息涉及的人数", "People whose personal information is held"),
    "du_counted": ("统计时间", "Counted at"),
    "du_audit_duty": ("合规审计", "Compliance audit"),
    "du_audit_mandatory": (
        "法定：每两年至少一次（超过 1000 万人）",
        "By law: at least every two years (more than 10 million)",
    ),
    "du_audit_regular": (
        "定期审计（第五十四条）；本系统按两年计",
        "Regular audits (Art. 54); piiguard counts two years",
    ),
    "du_officer_duty": ("个人信息保护负责人", "PI protection officer"),
    "du_officer_required": ("须指定（100 万人以上）", "Required (1 million or more)"),
    "du_officer_not_required": ("按人数尚未强制", "Not yet required by the count"),
    "du_officers": ("在册隐私官", "Privacy officers on the register"),
    "du_last": ("最近一次审计", "Last audit"),
    "du_none": ("尚无审计记录", "No audit recorded"),
    "du_next": ("下次审计截止", "Next audit due"),
    "du_overdue": ("已逾期", "overdue"),
    "du_audits": ("已记录的审计", "Audits recorded"),
    "du_col_on": ("日期", "Date"),
    "du_col_auditor": ("审计方", "Auditor"),
    "du_col_scope": ("范围", "Scope"),
    "du_col_findings": ("发现问题数", "Findings"),
    "du_col_external": ("外部专业机构", "External body"),
    "du_record": ("记录一次审计", "Record an audit"),
    "du_f_on": ("审计报告日期", "Date of the audit report"),
    "du_f_auditor": ("审计方（内部机构或专业机构）", "Auditor (internal team or firm)"),
    "du_f_scope": ("审计范围", "Scope"),
    "du_f_findings": ("发现问题数", "Number of findings"),
    "du_f_external": ("由外部专业机构开展", "Carried out by an external professional body"),
    "du_record_button": ("记录", "Record"),
    "done_du_recorded": ("审计已记录。", "Audit recorded."),
    "attn_audit_overdue": ("个人信息保护合规审计已逾期", "compliance audit overdue"),
    "attn_assessments_waiting": (
        "待审查或批准的影响评估",
        "impact assessments waiting for review or approval",
    ),
    "attn_assessments_review_due": ("需复核的影响评估", "impact assessments due for review"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
}
for _q in QUESTIONS:
    TEXT[f"ia_q_{_q.key}"] = (_q.zh, _q.en)


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang) if lang in LANGS else 1
    return {k: v[i] for k, v in TEXT.items()}
