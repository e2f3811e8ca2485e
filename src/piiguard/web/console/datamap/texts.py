"""The words of web/console/datamap/ in Simplified Chinese and English (merged over the
console's own, web/console/texts.py, by kit.console_page)."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # systems
    "systems_title": ("系统（数据地图）", "Systems (data map)"),
    "systems_intro": (
        "数据地图登记公司中保存个人信息的每个系统：负责人、类型、所在地区、云服务商、"
        "保存的数据类别、用途和存放位置。个人信息只能流向已批准的系统（使用云服务的，"
        "云服务商也须批准）。",
        "The data map lists every system of the company that holds personal information: "
        "its owner, kind, region, cloud provider, the categories it holds, its purposes and "
        "where it keeps data. Personal information flows only to an approved system (and, "
        "for a cloud system, an approved cloud provider).",
    ),
    "systems_caption": ("显示 {n} 个系统（共 {total} 个）", "{n} of {total} systems shown"),
    "register_system": ("登记系统", "Register a system"),
    "register_intro": (
        "新登记的系统处于“待批准”状态，个人信息保护负责人批准后数据才能流向它。",
        "A system registered here starts pending: data flows to it only once a privacy "
        "officer approves it.",
    ),
    "register_button": ("登记", "Register"),
    "back_systems": ("返回系统列表", "Back to the systems"),
    "col_system": ("系统", "System"),
    "col_owner": ("负责人", "Owner"),
    "col_kind": ("类型", "Kind"),
    "col_region": ("所在地区", "Region"),
    "col_cloud": ("云服务商", "Cloud provider"),
    "col_status": ("状态", "Status"),
    "col_usable": ("数据可否流向", "Data may flow to it"),
    "col_categories": ("数据类别", "Categories"),
    "col_purposes": ("用途", "Purposes"),
    "col_locations": ("存放位置", "Locations"),
    "status_approved": ("已批准", "Approved"),
    "status_pending": ("待批准", "Pending approval"),
    "status_retired": ("已停用", "Retired"),
    "usable_yes": ("可以", "Yes"),
    "usable_no": ("不可以", "No"),
    "cloud_approved_yes": ("云服务商已批准", "provider approved"),
    "cloud_approved_no": ("云服务商未批准", "provider not approved"),
    "cloud_not_approved": ("云服务商未批准", "Cloud provider not approved"),
    "no_cloud": ("无（自建）", "None (on premises)"),
    "kind_erp": ("ERP", "ERP"),
    "kind_crm": ("客户关系管理", "CRM"),
    "kind_after_sales": ("售后服务", "After-sales"),
    "kind_email": ("电子邮件", "Email"),
    "kind_file_share": ("文件共享", "File share"),
    "kind_cloud": ("云服务", "Cloud service"),
    "kind_hr": ("人力资源", "HR"),
    "kind_database": ("数据库", "Database"),
    "kind_other": ("其他", "Other"),
    "f_key": ("标识", "Key"),
    "f_key_hint": (
        "小写字母、数字、“_”或“-”，以字母开头，最多 64 个字符，如 erp。登记后不能更改。",
        "Lower-case letters, digits, '_' or '-', starting with a letter, up to 64, e.g. erp. "
        "It cannot change later.",
    ),
    "f_name": ("名称", "Name"),
    "f_owner": ("负责人", "Owner"),
    "f_owner_hint": ("负责该系统的员工或团队。", "The member of staff or team responsible."),
    "f_kind": ("类型", "Kind"),
    "f_kind_hint": (
        "如 erp、crm、after_sales、email、file_share、cloud（小写标识）。",
        "Such as erp, crm, after_sales, email, file_share, cloud (a lower-case key).",
    ),
    "f_region": ("所在地区", "Region"),
    "f_region_hint": (
        "数据所在国家或地区的两位代码（ISO 3166-1），如 CN、DE。",
        "Two-letter code of the country holding the data (ISO 3166-1), e.g. CN or DE.",
    ),
    "f_cloud_provider": ("云服务商", "Cloud provider"),
    "f_cloud_hint": (
        "系统托管在云上时填写（如 aliyun）；自建系统留空。",
        "If the system runs in a cloud, its provider (e.g. aliyun); empty on premises.",
    ),
    "f_categories": ("保存的数据类别", "Categories it holds"),
    "f_purposes": ("用于的用途", "Purposes it serves"),
    "f_locations": ("存放位置", "Locations"),
    "f_locations_hint": (
        "每行一个：路径前缀（如 /srv/erp/）或不含密码的数据库地址。发现扫描据此判断数据是否"
        "在登记的位置。",
        "One a line: a path prefix (/srv/erp/) or a database URL without password. "
        "Discovery uses them to tell registered data from a finding.",
    ),
    "col_webhook": ("更正和删除通知（Webhook）", "Correction and deletion notices (webhook)"),
    "no_webhook": (
        "未登记：发给该系统的通知将等待，直到登记了接收地址。",
        "None registered: notices to this system wait until one is.",
    ),
    "approval_title": ("批准", "Approval"),
    "approval_hint": (
        "批准后个人信息才能流向该系统；撤回批准或停用后，决策点将拒绝流向它的使用。",
        "Data flows to the system only once approved; held back or retired, the decision "
        "point refuses uses that send data to it.",
    ),
    "f_cloud_approved": ("云服务商 {p} 也已批准", "The cloud provider {p} is approved too"),
    "approve_button": ("批准", "Approve"),
    "hold_button": ("撤回批准（改为待批准）", "Withdraw approval (back to pending)"),
    "reinstate_button": ("恢复为待批准", "Reinstate as pending"),
    "reject_button": ("拒绝并停用", "Reject and retire"),
    "retire_button": ("停用", "Retire"),
    "describe_title": ("修改系统说明", "Describe the system"),
    "describe_hint": (
        "修改说明不会改变批准状态。",
        "Changing the description keeps the approval as it is.",
    ),
    "system_exports_title": ("从该系统登记的导出", "Exports registered from this system"),
    "register_export_from": ("登记从该系统的导出", "Register an export from this system"),
    "no_exports": ("没有登记的导出。", "No export registered."),
    "done_registered": ("系统已登记，待批准。", "The system is registered, pending approval."),
    "done_described": ("系统说明已保存。", "The description is saved."),
    "done_approved": ("系统已批准。", "The system is approved."),
    "done_held": ("系统已改为待批准。", "The system is back to pending approval."),
    "done_retired": ("系统已停用。", "The system is retired."),
    # exports
    "exports_title": ("导出登记", "Registered exports"),
    "exports_intro": (
        "从系统中导出的个人信息副本：谁申请的、接收方、用途、数据类别和到期时间。"
        "到期后副本应被删除；复核会把每个已到期的导出变为一条发现项。",
        "Copies of personal information taken out of a system: who asked, the recipient, "
        "purpose, categories and expiry. An expired copy should be deleted; the review turns "
        "every expired export into a finding.",
    ),
    "exports_caption": ("符合条件的导出 {n} 条", "{n} exports match"),
    "register_export": ("登记导出", "Register an export"),
    "export_intro": (
        "登记一份导出的副本。用途须为您部门可用的用途；此操作需要近期登录。",
        "Register a copy taken out of a system. The purpose must be one your department may "
        "use; this needs a recent sign-in.",
    ),
    "review_hint": (
        "复核：每个已到期的导出都会成为一条发现项（不会重复）。",
        "Review: each expired export becomes a finding (never twice).",
    ),
    "unreviewed_n": ("{n} 条已到期、尚未复核。", "{n} expired, not yet reviewed."),
    "review_button": ("复核已到期的导出", "Review expired exports"),
    "col_recipient": ("接收方", "Recipient"),
    "col_purpose": ("用途", "Purpose"),
    "col_requested_by": ("申请人", "Requested by"),
    "col_registered": ("登记日期", "Registered"),
    "col_expires": ("到期日期", "Expires"),
    "col_state": ("复核状态", "Review state"),
    "state_active": ("有效", "Active"),
    "state_soon_n": ("{n} 天内到期", "Expires in {n} days"),
    "state_expired": ("已到期，未复核", "Expired, not reviewed"),
    "state_reviewed": ("已到期，发现项：{s}", "Expired; finding: {s}"),
    "state_filter_active": ("有效（14 天后到期）", "Active (more than 14 days left)"),
    "state_filter_soon": ("14 天内到期", "Expiring within 14 days"),
    "state_filter_expired": ("已到期，未复核", "Expired, not reviewed"),
    "state_filter_reviewed": ("已到期，已成为发现项", "Expired, a finding opened"),
    "f_system": ("系统", "System"),
    "f_recipient": ("接收方", "Recipient"),
    "f_recipient_hint": (
        "接收副本的单位或部门（不要填写个人信息）。",
        "The company or team receiving the copy (no personal information).",
    ),
    "f_purpose": ("用途", "Purpose"),
    "f_purpose_hint": ("只列出您可使用的用途。", "Only the purposes you may use are listed."),
    "f_categories_exported": ("导出的数据类别", "Categories exported"),
    "f_expires_at": ("到期日期", "Expires on"),
    "f_expires_hint": (
        "该日结束时（UTC）副本应已删除。",
        "By the end of this day (UTC) the copy should be deleted.",
    ),
    "choose": ("请选择", "Choose"),
    "done_export": ("导出已登记。", "The export is registered."),
    "done_reviewed": (
        "复核完成：已到期的导出已成为发现项。",
        "Reviewed: the expired exports are now findings.",
    ),
    "done_reviewed_none": (
        "复核完成：没有新的已到期导出。",
        "Reviewed: no newly expired export.",
    ),
    # findings
    "findings_title": ("发现项", "Findings"),
    "findings_intro": (
        "发现扫描或复核找到的问题：个人信息出现在数据地图未登记的位置、导出已到期、儿童的"
        "数据等。每条发现项可分配给负责人、标记为已修复，或说明理由后接受风险。",
        "What discovery or a review found: personal information where the data map does not "
        "say it is held, an expired export, a child's data. Each one is assigned, fixed, or "
        "its risk accepted with a reason.",
    ),
    "findings_caption": (
        "符合条件的发现项 {n} 条（最早的在前）",
        "{n} findings match (oldest first)",
    ),
    "col_finding": ("发现项", "Finding"),
    "col_id": ("编号", "Id"),
    "col_source": ("来源位置", "Source"),
    "col_category": ("数据类别", "Category"),
    "col_found": ("发现时间", "Found"),
    "col_age": ("时长", "Age"),
    "col_assignee": ("负责人", "Assignee"),
    "col_reason": ("接受风险的理由", "Reason the risk is accepted"),
    "col_detail": ("技术说明（英文记录）", "Technical note (as recorded)"),
    "f_category_filter_hint": (
        "类别标识，包含其下级类别，如 user.contact。",
        "A category key, with those under it, e.g. user.contact.",
    ),
    "older_than": ("超过 {n} 天", "Older than {n} days"),
    "days_ago": ("{n} 天前", "{n} days ago"),
    "no_system": ("无登记系统", "No registered system"),
    "fstatus_active": ("待处理（未处理或已分配）", "Open or assigned"),
    "fstatus_open": ("未处理", "Open"),
    "fstatus_assigned": ("已分配", "Assigned"),
    "fstatus_fixed": ("已修复", "Fixed"),
    "fstatus_accepted_risk": ("已接受风险", "Risk accepted"),
    "kind_f_unregistered_location": ("未登记的位置", "Unregistered location"),
    "kind_f_category_not_registered": ("未登记的数据类别", "Category not registered"),
    "kind_f_child_data_found": ("儿童的数据", "A child's data"),
    "kind_f_expired_export": ("已到期的导出", "Expired export"),
    "kind_f_unregistered_export": ("未登记的导出", "Unregistered export"),
    "kind_f_child_without_consent": ("缺少监护人同意的儿童数据", "Child data without consent"),
    "kind_desc_unregistered_location": (
        "在数据地图没有登记任何系统的位置发现了个人信息：登记该位置所属的系统，或删除数据。",
        "Personal information where no registered system keeps data: register the system "
        "that holds it, or delete it.",
    ),
    "kind_desc_category_not_registered": (
        "系统保存了未登记给它的数据类别：补充登记，或删除这些数据。",
        "A system holds a category it is not registered for: add it, or delete the data.",
    ),
    "kind_desc_child_data_found": (
        "发现了儿童的出生日期：确认已有经核实的监护人同意，否则尽快删除。",
        "A child's date of birth: check that a verified guardian consented, or delete it as "
        "soon as possible.",
    ),
    "kind_desc_expired_export": (
        "导出已到期：确认接收方已删除副本后标记为已修复。",
        "The export has expired: once the recipient deleted the copy, mark it fixed.",
    ),
    "finding_title": ("发现项：{kind}", "Finding: {kind}"),
    "back_findings": ("返回发现项列表", "Back to the findings"),
    "moves_title": ("处理", "Act on it"),
    "f_assignee": ("分配给", "Assign to"),
    "assign_button": ("分配", "Assign"),
    "fix_hint": (
        "问题已解决（如数据已删除或位置已登记）。",
        "The problem is solved (data deleted, location registered).",
    ),
    "fix_button": ("标记为已修复", "Mark fixed"),
    "f_reason": ("接受风险的理由", "Why the risk is accepted"),
    "f_reason_hint": ("必填：该理由会记录在案。", "Required: the reason is kept on record."),
    "accept_button": ("接受风险", "Accept the risk"),
    "reopen_button": ("重新打开", "Reopen"),
    "done_assigned": ("发现项已分配。", "The finding is assigned."),
    "done_fixed": ("发现项已标记为已修复。", "The finding is marked fixed."),
    "done_accepted_risk": (
        "已接受风险，理由已记录。",
        "The risk is accepted; the reason is on record.",
    ),
    "done_open": ("发现项已重新打开。", "The finding is open again."),
    # the front page's hints (attention())
    "attn_systems_pending": ("{n} 个系统待批准", "Systems pending approval: {n}"),
    "attn_findings_old": (
        "{n} 个发现项超过 30 天未处理",
        "Findings open for more than 30 days: {n}",
    ),
    "attn_exports_soon": ("{n} 项导出将在 14 天内到期", "Exports expiring within 14 days: {n}"),
    "attn_exports_expired": ("{n} 项导出已到期、未复核", "Expired exports not yet reviewed: {n}"),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
