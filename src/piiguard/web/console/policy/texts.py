"""The words of web/console/policy/ in Simplified Chinese and English (merged over the
console's own by kit.console_page). Keys start with `pv_` so none replaces a word of the
console's frame; `attn_` keys are the front page's."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "pv_title": ("隐私政策版本", "Privacy policy versions"),
    "pv_intro": (
        "每个版本含中英文全文、生效日期、变更摘要，以及是否为重大变更及其变更内容。重大变更"
        "须由提议人以外的另一名隐私官发布（四眼原则）；发布后向所有留有邮箱的人发送通知，涉及"
        "基于同意的处理目的时，旧版本下的同意须在宽限期内重新确认，否则失效。",
        "Each version holds the text in Chinese and English, its effective date, a summary of "
        "changes, and whether the change is material and what it changes. A material change "
        "is published by another privacy officer than its proposer (four eyes); publishing it "
        "mails everyone with an address, and consents given under earlier versions to a "
        "purpose it touches that rests on consent must be renewed within the grace period or "
        "they lapse.",
    ),
    "pv_versions": ("已发布的版本", "Published versions"),
    "pv_drafts": ("草案", "Drafts"),
    "pv_new": ("新版本草案", "New version"),
    "pv_version_n": ("第 {v} 版", "Version {v}"),
    "pv_draft_n": ("草案 {id}", "Draft {id}"),
    "pv_col_version": ("版本", "Version"),
    "pv_col_published": ("发布时间", "Published"),
    "pv_col_effective": ("生效日期", "In effect from"),
    "pv_col_material": ("重大变更", "Material"),
    "pv_col_changes": ("变更内容", "What it changes"),
    "pv_col_notices": ("通知", "Notices"),
    "pv_col_status": ("状态", "Status"),
    "pv_col_proposed": ("提议人 · 时间", "Proposed by · at"),
    "pv_col_summary": ("摘要", "Summary"),
    "pv_yes": ("是", "yes"),
    "pv_no": ("否", "no"),
    "pv_none_drafts": ("没有草案。", "No drafts."),
    "pv_status_proposed": ("待发布", "waiting to be published"),
    "pv_status_published": ("已发布", "published"),
    "pv_status_rejected": ("已驳回", "rejected"),
    "pv_change_purposes": ("新增或扩大处理目的", "purposes added or widened"),
    "pv_change_categories": ("个人信息种类", "kinds of personal information"),
    "pv_change_recipients": ("接收方", "recipients"),
    "pv_change_transfer_abroad": ("向境外提供", "transfers abroad"),
    "pv_change_retention": ("保存期限", "retention periods"),
    "pv_text_en": ("英文全文", "English text"),
    "pv_text_zh": ("中文全文", "Chinese text"),
    "pv_text_hint": (
        "按政策的标题分节（如“1. 引言”“一、概述”），差异将逐节显示。",
        "Sections follow the policy's headings (\u201c1. Introduction\u201d, "
        "\u201c一、概述\u201d); the diff is shown section by section.",
    ),
    "pv_effective_on": ("生效日期", "Effective date"),
    "pv_summary_en": ("变更摘要（英文）", "Summary of changes (English)"),
    "pv_summary_zh": ("变更摘要（中文）", "Summary of changes (Chinese)"),
    "pv_material": ("这是重大变更", "This is a material change"),
    "pv_material_hint": (
        "重大变更：新增或扩大目的、个人信息种类、接收方、向境外提供或保存期限的变化。",
        "Material: purposes added or widened, kinds of information, recipients, transfers "
        "abroad or retention change.",
    ),
    "pv_changes": ("变更内容（重大变更必填）", "What it changes (material changes)"),
    "pv_purposes": ("涉及的处理目的", "Purposes it touches"),
    "pv_purposes_hint": (
        "其中基于同意的目的：旧版本下的同意须重新确认。",
        "Of these, the ones resting on consent: consents under earlier versions need renewal.",
    ),
    "pv_notify": ("非重大变更也通知所有人", "Announce it to everyone even if not material"),
    "pv_propose": ("提交草案", "Propose the draft"),
    "pv_publish_title": ("发布", "Publish"),
    "pv_publish_hint_material": (
        "这是重大变更：须由提议人（{who}）以外的隐私官发布。发布后立即排队通知所有留有邮箱的人。",
        "A material change: published by a privacy officer other than its proposer ({who}). "
        "Publishing queues a notice to everyone with an address at once.",
    ),
    "pv_publish_hint": (
        "非重大变更：隐私官可自行发布。",
        "Not material: an officer may publish it alone.",
    ),
    "pv_own_draft": (
        "这是您提议的重大变更，须由另一名隐私官发布。",
        "You proposed this material change: another privacy officer publishes it.",
    ),
    "pv_publish_button": ("发布此版本", "Publish this version"),
    "pv_reject_title": ("驳回", "Reject"),
    "pv_reject_button": ("驳回草案", "Reject the draft"),
    "pv_reason": ("理由", "Reason"),
    "pv_renewal": ("须重新同意的目的", "Consent to renew for"),
    "pv_approved_by": ("第二名隐私官", "Second officer"),
    "pv_diff_title": ("与上一版的逐节对比", "What changed, section by section"),
    "pv_draft_diff_title": (
        "与现行版本的逐节对比",
        "Against the version in force, section by section",
    ),
    "pv_lang_zh": ("中文", "Chinese"),
    "pv_lang_en": ("英文", "English"),
    "pv_first": ("这是第一版，没有可对比的上一版。", "The first version: nothing to compare."),
    "pv_no_zh_before": (
        "上一版仅有英文文本，中文全文均为新增。",
        "The previous version has no Chinese text; all of it is new.",
    ),
    "pv_same": ("未变更", "unchanged"),
    "pv_changed": ("已修改", "changed"),
    "pv_added": ("新增", "added"),
    "pv_removed": ("删除", "removed"),
    "pv_show_same": ("显示未变更的内容", "Show the unchanged text"),
    "pv_removed_line": ("删除：", "Removed: "),
    "pv_added_line": ("新增：", "Added: "),
    "pv_preamble": ("开头", "Opening"),
    "pv_full_text": ("全文", "Full text"),
    "pv_notices_title": ("第 {v} 版的通知", "Notices of version {v}"),
    "pv_notices_intro": (
        "每人一行：状态、语言、尝试次数、邮件服务器答复码、发送时间、是否要求重新同意及本人的"
        "选择。不显示邮箱地址。“状态不确定”表示发送过程中断（可能已发出）：系统不会自动重发，"
        "隐私官可在确认后重新放入队列（本人可能收到两次）。",
        "One row per person: status, language, attempts, the mail server's reply code, when "
        "sent, whether a renewal was asked and what they chose. No address is shown. "
        "\u201cUncertain\u201d: a pass stopped while sending (the mail may have left); piiguard "
        "never resends it by itself, and an officer may put it back in the queue (the person "
        "may get it twice).",
    ),
    "pv_n_status": ("状态统计", "By status"),
    "pv_total": ("合计", "Total"),
    "pv_ns_pending": ("待发送", "pending"),
    "pv_ns_sending": ("发送中", "sending"),
    "pv_ns_sent": ("已发送", "sent"),
    "pv_ns_refused": ("被拒收", "refused"),
    "pv_ns_bounced": ("被退回", "bounced"),
    "pv_ns_failed": ("发送失败", "failed"),
    "pv_ns_no_contact": ("无可用邮箱", "no address"),
    "pv_ns_uncertain": ("状态不确定", "uncertain"),
    "pv_col_person": ("个人", "Person"),
    "pv_col_language": ("语言", "Language"),
    "pv_col_attempts": ("尝试", "Attempts"),
    "pv_col_reply": ("答复码", "Reply code"),
    "pv_col_sent": ("发送时间", "Sent"),
    "pv_col_renewal": ("重新同意", "Renewal"),
    "pv_renewed": ("已重新同意", "renewed"),
    "pv_declined": ("已拒绝", "declined"),
    "pv_no_answer": ("未答复", "no answer yet"),
    "pv_not_asked": ("—", "—"),
    "pv_release": ("重新放入队列", "Send again"),
    "pv_release_hint": (
        "勾选状态不确定或发送失败的通知，重新放入队列。",
        "Tick uncertain or failed notices to put them back in the queue.",
    ),
    "pv_none_notices": ("没有符合条件的通知。", "No notices match."),
    "pv_filter": ("筛选", "Filter"),
    "pv_all": ("全部", "all"),
    "pv_read_only": ("您可以查看，但不能更改。", "You may read these pages, not change them."),
    "done_proposed": ("草案已提交。", "The draft is proposed."),
    "done_published": ("已发布，通知已排队。", "Published; the notices are queued."),
    "done_rejected": ("草案已驳回。", "The draft is rejected."),
    "done_released": ("已重新放入队列。", "Put back in the queue."),
    "attn_policy_drafts": ("待发布的隐私政策草案", "policy drafts waiting to be published"),
    "attn_policy_uncertain": ("状态不确定的政策通知", "policy notices in an uncertain state"),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang) if lang in LANGS else 1
    return {k: v[i] for k, v in TEXT.items()}
