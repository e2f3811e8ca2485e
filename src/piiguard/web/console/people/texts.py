"""The words of web/console/people/ in Simplified Chinese and English (merged over the
console's own, web/console/texts.py, by kit.console_page)."""

from __future__ import annotations

from piiguard.domain.subjects import CHANNEL_NAMES
from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # finding a person
    "find_title": ("查找个人", "Find a person"),
    "find_intro": (
        "按邮箱、电话或证件号码精确查找（通过盲索引，不解密任何数据）。这里不列出所有人；"
        "查找值只通过表单提交，不会出现在网址中，也不会再次显示。每次查找都记入审计记录。",
        "Find a person by an exact email, phone or ID number (through the blind index, "
        "nothing is decrypted). There is no list of everyone; the value is only posted, never "
        "in an address, and not shown again. Every search is on the audit trail.",
    ),
    "find_by": ("查找依据", "Find by"),
    "find_value": ("查找值", "Value to look for"),
    "find_value_hint": (
        "完整的邮箱、电话号码或证件号码（不支持部分匹配）。",
        "The whole email, phone number or ID number (no partial match).",
    ),
    "find_button": ("查找", "Find"),
    "found_title": ("查找结果", "Result"),
    "found_n": ("找到 {n} 人。", "{n} found."),
    "found_none": ("没有找到与该值匹配的个人。", "Nobody matches that value."),
    "open_person": ("打开个人", "Open person"),
    # the person's page
    "person_title": ("个人", "Person"),
    "subject_kind": ("类型", "Kind"),
    "created_at": ("登记时间", "Recorded"),
    "minor_status": ("未成年人状态", "Minor status"),
    "is_child": ("未成年人（儿童）", "A child"),
    "not_child": ("非未成年人", "Not a child"),
    "declared_minor": ("由员工声明为未成年人", "declared a minor by staff"),
    "adult_on": ("成年日期", "comes of age on"),
    "read_link": ("为某一用途读取数据值", "Read values for a purpose"),
    "decisions_link": ("此人的访问决定", "This person's decisions"),
    "requests_link": ("此人的权利请求", "This person's rights requests"),
    "held_title": ("持有的数据（仅元数据）", "Data held (metadata only)"),
    "held_hint": (
        "此页从不显示数据值。需要数据值时，请为某一用途读取：经决策点决定并记录。",
        "This page never shows a value. To see values, read them for a purpose: the decision "
        "point decides and records it.",
    ),
    "col_category": ("数据类别", "Category"),
    "col_source": ("来源系统", "Source system"),
    "col_held_in": ("保存于", "Held in"),
    "col_channel": ("收集渠道", "Channel"),
    "col_basis": ("法律依据", "Legal basis"),
    "col_collected": ("收集日期", "Collected"),
    "col_collected_for": ("收集时声明的用途", "Purposes at collection"),
    "col_confirmed": ("最近确认", "Last confirmed"),
    "col_fresh": ("是否最新", "Up to date"),
    "stale": ("已过期，需确认", "Stale: to confirm"),
    "fresh": ("最新", "Current"),
    "credential": ("凭据（不可读取）", "credential (not readable)"),
    "no_items": ("未持有此人的任何数据项。", "No items are held on this person."),
    # consents
    "consents_title": ("同意", "Consents"),
    "new_consent": ("记录同意", "Record a consent"),
    "col_purpose": ("用途", "Purpose"),
    "col_kind": ("类型", "Kind"),
    "col_granted": ("同意时间", "Granted"),
    "col_policy_version": ("政策版本", "Policy version"),
    "col_text_hash": ("所示文本的 SHA-256", "SHA-256 of the text shown"),
    "col_recorded_by": ("记录人", "Recorded by"),
    "col_state": ("状态", "State"),
    "in_force": ("有效", "In force"),
    "withdrawn_on": ("已撤回于", "Withdrawn"),
    "withdraw": ("撤回", "Withdraw"),
    "consent_for": ("用途 {p} 的同意", "the consent for {p}"),
    "given_by_short": ("同意人", "given by"),
    "no_consents": ("尚无同意记录。", "No consent recorded."),
    "ckind_general": ("一般同意", "General"),
    "ckind_sensitive": ("敏感个人信息单独同意", "Separate consent (sensitive)"),
    "ckind_transfer_abroad": ("出境单独同意", "Separate consent (transfer abroad)"),
    "ckind_guardian": ("监护人同意", "Guardian's consent"),
    "consent_intro": (
        "记录本人（或儿童的监护人）对某一用途的同意。请粘贴向本人展示的完整文本：系统保存其 "
        "SHA-256 作为证据。",
        "Record the person's (or a child's guardian's) consent to a purpose. Paste the exact "
        "text the person was shown: its SHA-256 is kept as evidence.",
    ),
    "back_to_person": ("返回个人", "Back to person"),
    "purpose_hint": (
        "只列出您可使用的用途（员工：所在部门的用途）。",
        "Only the purposes you may use are listed (staff: your department's).",
    ),
    "kind_hint": (
        "敏感个人信息和出境需要单独同意，不能由一般同意代替；儿童需要监护人同意。",
        "Sensitive data and transfers abroad need their own consent, never implied by a "
        "general one; a child's needs the guardian's.",
    ),
    "text_shown": ("向本人展示的文本", "Text shown to the person"),
    "text_shown_hint": (
        "逐字粘贴本人同意时看到的文本（最多 20000 字符）。",
        "Paste word for word the text the person agreed to (up to 20,000 characters).",
    ),
    "given_by": ("同意人", "Given by"),
    "given_by_hint": (
        "儿童的同意由已关联的监护人给出；否则由本人给出。",
        "A child's consent is given by a linked guardian; otherwise by the person.",
    ),
    "given_by_self": ("本人", "The person themselves"),
    "grant_button": ("记录同意", "Record the consent"),
    "no_purposes": (
        "您所在的部门没有可用的用途，请联系个人信息保护负责人。",
        "Your department has no purpose it may use: ask a privacy officer.",
    ),
    # restrictions and objections
    "restrictions_title": ("限制与反对", "Restrictions and objections"),
    "new_restriction": ("记录限制或反对", "Record a restriction or objection"),
    "col_since": ("起始时间", "Since"),
    "rkind_restriction": ("限制处理", "Restriction"),
    "rkind_objection": ("反对用途", "Objection"),
    "every_purpose": ("所有用途", "every purpose"),
    "lifted_on": ("已解除于", "Lifted"),
    "lift": ("解除", "Lift"),
    "no_restrictions": ("没有限制或反对。", "No restriction or objection."),
    "restrict_intro": (
        "本人可以限制处理（全部或某一用途）或反对某一用途；下一次决定即生效。",
        "The person may restrict processing (all of it, or one purpose) or object to a "
        "purpose; the next decision already holds to it.",
    ),
    "restrict_one_title": ("针对某一用途", "For one purpose"),
    "rkind_hint": (
        "反对：拒绝该用途；限制：暂停该用途的处理。",
        "Objection: the person refuses the purpose; restriction: its processing is held.",
    ),
    "restrict_button": ("记录", "Record"),
    "restrict_all_title": ("限制全部处理", "Restrict all processing"),
    "restrict_all_hint": (
        "在解除之前，此人的数据不得用于任何用途。",
        "Until lifted, this person's data is not used for any purpose.",
    ),
    "restrict_all_button": ("限制全部处理", "Restrict all processing"),
    # guardians and minors
    "guardians_title": ("监护人与年龄", "Guardians and age"),
    "guardians_hint": (
        "儿童（默认未满 14 周岁）的数据只有经核实的监护人同意才能使用。监护关系经员工核实"
        "（户口簿、出生证明）后才生效。",
        "A child's data (under 14 by default) is used only with a verified guardian's "
        "consent. A guardian link counts once staff have verified it (household register, "
        "birth certificate).",
    ),
    "col_guardian": ("监护人", "Guardian"),
    "col_verified": ("核实", "Verified"),
    "verified": ("已核实", "Verified"),
    "not_verified": ("未核实", "Not verified"),
    "verify": ("核实", "Verify"),
    "no_guardians": ("没有关联的监护人。", "No guardian linked."),
    "link_guardian": ("关联监护人", "Link a guardian"),
    "guardian_id": ("监护人的个人编号", "Guardian's person id"),
    "guardian_id_hint": (
        "监护人须已登记为个人；可先用“查找个人”找到其编号。",
        "The guardian must be on file as a person: find their id with “Find a person”.",
    ),
    "link_button": ("关联", "Link"),
    "declare_minor": ("声明未成年人", "Declare a minor"),
    "minor_label": ("是否为未成年人", "A minor?"),
    "minor_hint": (
        "没有出生日期可以判断时，由员工声明。",
        "When no date of birth says so, staff declare it.",
    ),
    "minor_yes": ("是，未成年人", "Yes, a minor"),
    "minor_no": ("否", "No"),
    # reading values
    "read_title": ("为某一用途读取数据值", "Read values for a purpose"),
    "read_intro": (
        "说明用途：决策点按用途、同意、限制和您的角色作出决定并记录，只显示允许的数据值；"
        "敏感类别在屏幕上遮盖显示。",
        "State the purpose: the decision point decides by purpose, consents, restrictions "
        "and your role, records the decision, and only the values it allows are shown; "
        "sensitive categories are masked on screen.",
    ),
    "read_categories": ("需要的类别（不选则全部）", "Categories needed (none ticked: all)"),
    "exception_id": ("法定例外编号（可选）", "Legal exception id (optional)"),
    "exception_id_hint": (
        "仅在经批准的法定例外涵盖此次使用时填写。",
        "Only when an approved legal exception covers this use.",
    ),
    "read_button": ("读取", "Read"),
    "values_title": ("读取结果", "Values read"),
    "decision": ("访问决定", "Decision"),
    "open_decision": ("查看决定", "Open decision"),
    "outcome": ("结果", "Outcome"),
    "outcome_allowed": ("允许", "Allowed"),
    "outcome_partly_allowed": ("部分允许", "Partly allowed"),
    "outcome_denied": ("拒绝", "Denied"),
    "values_recorded": (
        "此次读取已作为访问决定记录并记入审计记录。本页不会被缓存；离开后数据值不再显示。",
        "This read is recorded as a decision and on the audit trail. This page is not "
        "cached; once you leave it the values are gone.",
    ),
    "values_allowed": ("允许的数据值", "Values allowed"),
    "col_value": ("值", "Value"),
    "not_readable": ("凭据，不可读取", "credential, not readable"),
    "masked": ("已遮盖", "masked"),
    "no_values": ("此次决定未允许任何数据值。", "The decision allowed no value."),
    "masked_title": ("遮盖显示的类别", "Masked categories"),
    "masked_hint": (
        "敏感个人信息在员工屏幕上只显示末尾几位。",
        "Sensitive data is shown to staff with only its last characters.",
    ),
    "refused_title": ("被拒绝的类别", "Refused categories"),
    "reasons_title": ("决定理由", "Reasons"),
    # channels and legal bases (domain/subjects.py)
    **{f"channel_{k}": v for k, v in CHANNEL_NAMES.items()},
    "basis_consent": ("同意", "Consent"),
    "basis_contract": ("合同", "Contract"),
    "basis_legitimate_interest": ("正当利益", "Legitimate interest"),
    "basis_legal_obligation": ("法定义务", "Legal obligation"),
    "basis_national_security": ("国家安全", "National security"),
    "basis_public_interest": ("公共利益", "Public interest"),
    "basis_criminal_justice": ("刑事司法", "Criminal justice"),
    "basis_vital_interests": ("重大利益", "Vital interests"),
    "basis_news_reporting": ("新闻报道", "News reporting"),
    # after a form (kit.done)
    "done_consent": (
        "已记录同意。所示文本的 SHA-256 见下表。",
        "Consent recorded. The SHA-256 of the text shown is in the table below.",
    ),
    "done_withdrawn": ("已撤回同意。", "Consent withdrawn."),
    "done_restriction": ("已记录限制。", "Restriction recorded."),
    "done_objection": ("已记录反对。", "Objection recorded."),
    "done_lifted": ("已解除。", "Lifted."),
    "done_linked": ("已关联监护人，核实后生效。", "Guardian linked: it counts once verified."),
    "done_verified": ("已核实监护人。", "Guardian verified."),
    "done_minor": ("已保存未成年人状态。", "Minor status saved."),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
