"""The words of web/console/sharing/ in Simplified Chinese and English (merged over the
console's own by kit.console_page). The pages' own keys start with `s_`."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "s_title": ("数据接收方", "Recipients"),
    "s_intro": (
        "个人信息只向登记簿中的接收方提供：须有涵盖该用途和类别的有效协议，"
        "按最小化配置只提供必要信息；向境外提供还须取得本人指明该接收方或目的国的单独同意。"
        "每次提供都经过同一个判定点，并记入披露日志。",
        "Personal data goes only to recipients in this register: bound by an agreement in "
        "force for the purpose and categories, receiving only what their minimisation "
        "profile names; abroad, only with the person's separate consent naming the "
        "recipient or its country. Every share goes through the one decision point and into "
        "the disclosure log.",
    ),
    "s_shares": ("提供记录", "Shares"),
    "s_log": ("披露日志", "Disclosure log"),
    "s_abroad_page": ("数据出境", "Transfers abroad"),  # web/console/sharing/abroad.py
    "s_an_page": ("出境告知", "Notices before a transfer abroad"),  # notices.py
    "s_ex_nav": ("出境豁免情形", "Exemption cases"),  # exemptions.py
    "s_legal_page": ("法律请求", "Legal requests"),  # web/console/sharing/legal.py
    "s_bt_page": ("业务转移", "Business transfers"),  # web/console/sharing/business.py
    "s_table": ("接收方登记簿", "The recipient register"),
    "s_none": ("尚无接收方。", "No recipients yet."),
    "s_add": ("登记接收方", "Add a recipient"),
    "s_col_key": ("标识", "Key"),
    "s_col_kind": ("类型", "Kind"),
    "s_col_name": ("法定名称", "Legal name"),
    "s_col_country": ("国家/地区", "Country"),
    "s_col_law": ("适用法律", "Law"),
    "s_col_status": ("状态", "Status"),
    "s_col_contact": ("联系方式", "Contact"),
    "s_col_systems": ("接收系统", "Receiving systems"),
    "s_f_key": ("标识（小写字母、数字、- 或 _）", "Key (lower-case letters, digits, - or _)"),
    "s_f_kind": ("类型", "Kind"),
    "s_f_legal_name": ("法定名称", "Legal name"),
    "s_f_country": ("国家/地区代码（如 DE）", "Country code (e.g. DE)"),
    "s_f_law": ("适用法律（如 GDPR、个人信息保护法）", "Law it follows (e.g. GDPR, PIPL)"),
    "s_f_contact": ("数据保护联系方式（职能邮箱）", "Data protection contact (a role mailbox)"),
    "s_f_systems": ("接收系统（每行一个）", "Receiving systems (one a line)"),
    "s_kind_group_company": ("集团公司", "Group company"),
    "s_kind_business_partner": ("业务合作伙伴", "Business partner"),
    "s_kind_processor": ("受托处理者", "Processor"),
    "s_kind_authority": ("国家机关", "Authority"),
    "s_kind_acquirer": ("收购方", "Acquirer"),
    "s_status_active": ("有效", "Active"),
    "s_status_suspended": ("暂停", "Suspended"),
    "s_status_ended": ("已终止", "Ended"),
    "s_abroad": ("境外", "abroad"),
    # -- a recipient ------------------------------------------------------------------
    "s_agreements": ("协议", "Agreements"),
    "s_no_agreements": (
        "没有协议：不会向该接收方提供任何信息。",
        "No agreement: nothing is shared with this recipient.",
    ),
    "s_col_agreement": ("协议", "Agreement"),
    "s_col_purposes": ("用途", "Purposes"),
    "s_col_categories": ("类别", "Categories"),
    "s_col_valid": ("有效期", "Valid"),
    "s_col_state": ("状态", "State"),
    "s_col_document": ("文件 SHA-256 与存放处", "Document SHA-256 and where kept"),
    "s_state_proposed": ("待第二位隐私官批准", "waiting for a second officer's approval"),
    "s_approve": ("批准协议", "Approve"),
    "s_approved_by": ("批准人：", "approved by"),
    "s_recorded_by": ("登记人：", "recorded by"),
    "s_state_active": ("有效", "active"),
    "s_state_pending": ("未生效", "not yet valid"),
    "s_state_expired": ("已到期", "expired"),
    "s_state_terminated": ("已终止", "terminated"),
    "s_terminate": ("终止协议", "Terminate"),
    "s_f_reason": ("终止原因", "Why it ends"),
    "s_add_agreement": ("登记协议", "Record an agreement"),
    "s_f_agreement_kind": ("协议类型", "Kind"),
    "s_f_title": ("标题", "Title"),
    "s_f_parties": ("签署方（每行一个法定名称）", "Parties (one legal name a line)"),
    "s_f_purposes": ("涵盖的用途（每行一个）", "Purposes covered (one a line)"),
    "s_f_categories": (
        "涵盖的类别（每行一个，含下级）",
        "Categories covered (one a line, with their subtree)",
    ),
    "s_f_valid_from": ("生效日期（YYYY-MM-DD）", "Valid from (YYYY-MM-DD)"),
    "s_f_valid_until": ("到期日期（YYYY-MM-DD，可空）", "Valid until (YYYY-MM-DD, may be empty)"),
    "s_f_document_sha256": ("已签署文件的 SHA-256", "SHA-256 of the signed document"),
    "s_f_document_location": ("文件存放处", "Where the document is kept"),
    "s_f_reference": (
        "备案编号 / 认证证书编号 / 安全评估批准文号",
        "Filing reference / certificate number / CAC approval reference",
    ),
    "s_akind_dpa": ("委托处理协议", "Data processing agreement"),
    "s_akind_intra_group": ("集团内部协议", "Intra-group agreement"),
    "s_akind_standard_contract": ("个人信息出境标准合同", "Standard contract (outbound)"),
    "s_akind_certification": ("个人信息保护认证", "Certification"),
    "s_akind_security_assessment": ("数据出境安全评估批准", "CAC security assessment"),
    "s_akind_sharing": ("数据提供协议", "Data sharing agreement"),
    "s_akind_undertaking": ("收购方承诺书", "Acquirer's undertaking"),
    "s_profiles": ("最小化配置", "Minimisation profiles"),
    "s_no_profiles": ("没有最小化配置：不提供任何类别。", "No profile: no category is shared."),
    "s_col_purpose": ("用途", "Purpose"),
    "s_col_fields": ("类别及提供方式", "Categories and their form"),
    "s_set_profile": ("设置最小化配置", "Set a profile"),
    "s_f_purpose": ("用途", "Purpose"),
    "s_f_fields": (
        "每行一个：类别=方式（whole 完整、masked 掩码、hashed 散列、"
        "birth_year 仅出生年份、city 仅城市）",
        "One a line: CATEGORY=FORM (whole, masked, hashed, birth_year, city)",
    ),
    "s_delivery": ("交付方式", "Delivery"),
    "s_webhook": ("Webhook", "Webhook"),
    "s_has_key": ("专用 API 密钥", "Own API key"),
    "s_yes": ("有", "yes"),
    "s_no": ("无", "no"),
    "s_keys_cli": (
        "专用 API 密钥和 webhook 密钥只显示一次："
        "请用 piiguard recipient key / webhook 或 API 签发。",
        "An API key or webhook secret is shown once: issue it with piiguard recipient key / "
        "webhook or through the API.",
    ),
    # -- shares and the log -------------------------------------------------------------
    "s_shares_intro": (
        "每次提供：每个主体一项已记录的判定，按配置最小化后打包，"
        "由接收方凭专用密钥拉取或经签名 webhook 推送。",
        "Each share: one recorded decision per subject, minimised as the profile says, "
        "packaged for the recipient to pull with its own key or pushed to its signed webhook.",
    ),
    "s_no_shares": ("尚无提供记录。", "No shares yet."),
    "s_col_share": ("提供", "Share"),
    "s_col_recipient": ("接收方", "Recipient"),
    "s_col_subjects": ("已提供/请求主体", "Subjects disclosed/asked"),
    "s_col_made": ("时间", "Made"),
    "s_col_by": ("操作人", "By"),
    "s_sstatus_ready": ("待交付", "ready"),
    "s_sstatus_delivered": ("已交付", "delivered"),
    "s_sstatus_refused": ("已拒绝", "refused"),
    "s_sstatus_expired": ("已过期", "expired"),
    "s_log_intro": (
        "谁的哪些信息、以何种方式、为何用途提供给了谁，依据哪项判定和协议。"
        "按主体查询本身会被审计。",
        "Whose data went to whom, for what, which categories in what form, under which "
        "decision and agreement. Looking up a subject is itself audited.",
    ),
    "s_f_subject": ("主体 ID", "Subject id"),
    "s_f_recipient": ("接收方", "Recipient"),
    "s_no_log": ("没有披露记录。", "Nothing disclosed."),
    "s_col_subject": ("主体", "Subject"),
    "s_col_decision": ("判定", "Decision"),
    "s_col_at": ("时间", "At"),
    "s_notices": ("转告接收方的更正与删除", "Corrections and deletions passed on"),
    "s_no_notices": ("没有待确认的转告。", "No notices waiting for confirmation."),
    "s_col_action": ("操作", "Action"),
    "s_col_request": ("请求", "Request"),
    "s_confirm": ("记录接收方的书面确认", "Record the recipient's written confirmation"),
    "s_f_reference_confirm": ("接收方的确认编号", "The recipient's reference"),
    "s_pstatus_open": ("待发送", "open"),
    "s_pstatus_sent": ("已发送，待确认", "sent, awaiting confirmation"),
    "s_pstatus_confirmed": ("已确认", "confirmed"),
    "s_action_correct": ("更正", "correct"),
    "s_action_delete": ("删除", "delete"),
    "attn_agreements_ending": (
        "{n} 份数据提供协议即将到期",
        "Agreements with recipients expiring soon: {n}",
    ),
    "attn_notices_unconfirmed": (
        "{n} 项转告接收方的更正或删除尚未确认",
        "Corrections or deletions not yet confirmed by recipients: {n}",
    ),
    "done_recipient": ("已保存接收方。", "Recipient saved."),
    "done_agreement": (
        "已登记协议：须由另一位隐私官批准后方可生效。",
        "Agreement recorded: it covers nothing until another privacy officer approves it.",
    ),
    "done_approved": (
        "协议已批准：自下一次判定起涵盖其范围内的提供。",
        "Agreement approved: from the next decision on it covers the shares in its scope.",
    ),
    "attn_agreements_proposed": (
        "{n} 份协议待第二位隐私官批准",
        "Agreements waiting for a second officer's approval: {n}",
    ),
    "done_terminated": (
        "协议已终止：自下一次判定起不再提供其涵盖的信息。",
        "Agreement terminated: from the next decision on, nothing it covered is shared.",
    ),
    "done_profile": ("已保存最小化配置。", "Profile saved."),
    "done_confirmed": ("已记录确认。", "Confirmation recorded."),
    "bad_line": ("{f}：请按“类别=方式”每行填写一项。", "{f}: one CATEGORY=FORM a line."),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
