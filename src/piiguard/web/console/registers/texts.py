"""The words of web/console/registers/ in Simplified Chinese and English (merged over the
console's own, web/console/texts.py, by kit.console_page)."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # the purpose register
    "purposes_title": ("用途登记簿", "Purpose register"),
    "purposes_intro": (
        "个人信息只能用于登记簿中有效的用途。每次修改都会生成登记簿的新版本，访问决定会记录所依据的版本。",
        "Personal data may be used only for an active purpose of this register. Every change "
        "makes a new register version; each decision records the version it used.",
    ),
    "register_version": ("登记簿当前版本：{v}", "Register version: {v}"),
    "purposes_caption": ("用途（共 {n} 项）", "Purposes ({n})"),
    "col_key": ("标识", "Key"),
    "col_name_zh": ("中文名称", "Name (Chinese)"),
    "col_name_en": ("英文名称", "Name (English)"),
    "col_basis": ("法律依据", "Legal basis"),
    "col_consent": ("需要同意", "Needs consent"),
    "col_retention": ("保存期限", "Retention"),
    "col_active": ("状态", "Status"),
    "col_version": ("版本", "Version"),
    "col_categories": ("数据类别", "Data categories"),
    "col_roles": ("可使用的角色", "Roles that may use it"),
    "days": ("{n} 天", "{n} days"),
    "active": ("有效", "Active"),
    "inactive": ("已停用", "Inactive"),
    "open_purpose": ("查看「{name}」的版本与历史", "Versions and history of “{name}”"),
    "add_purpose": ("新增用途", "Add a purpose"),
    "add_purpose_hint": (
        "新用途立即生效（如需同意，须先取得本人同意）。标识一经创建不可更改。",
        "A new purpose takes effect at once (one that needs consent, once the person gave "
        "it). Its key cannot be changed later.",
    ),
    "f_key": ("标识（小写字母、数字、_ 或 -）", "Key (lowercase letters, digits, _ or -)"),
    "f_name_zh": ("中文名称", "Name in Chinese"),
    "f_name_en": ("英文名称", "Name in English"),
    "f_basis": ("法律依据", "Legal basis"),
    "f_categories": (
        "可使用的数据类别（含其下级类别）",
        "Data categories it may use (with their sub-categories)",
    ),
    "f_retention": ("保存期限（天）", "Retention (days)"),
    "f_consent": ("是否需要本人同意", "Needs the person's consent"),
    "f_roles": ("可使用此用途的角色", "Roles that may use it"),
    "f_active": ("状态", "Status"),
    "choose": ("请选择", "Choose"),
    "add": ("新增", "Add"),
    "purpose_title": ("用途：{name}", "Purpose: {name}"),
    "purpose_facts": ("当前内容（第 {v} 版）", "As it stands (version {v})"),
    "edit_purpose": ("修改此用途", "Change this purpose"),
    "edit_purpose_hint": (
        "保存后生成登记簿新版本；历史版本保留不变。",
        "Saving makes a new register version; earlier versions are kept as they were.",
    ),
    "deactivate_title": ("停用此用途", "Deactivate this purpose"),
    "deactivate_hint": (
        "用途不会被删除（访问决定引用它们），停用后不能再用于新的使用。可在上面的表单中重新启用。",
        "Purposes are never deleted (decisions refer to them): an inactive one allows no new "
        "use. The form above makes it active again.",
    ),
    "deactivate": ("停用「{name}」", "Deactivate “{name}”"),
    "history_title": ("版本历史", "History"),
    "history_intro": (
        "每个版本与上一版本并列显示，有变化的项目标注为「已更改」。",
        "Each version beside the one before it; the fields that changed are marked “changed”.",
    ),
    "version_n": ("第 {v} 版", "Version {v}"),
    "changed_by_at": ("{by} 于 {at} 修改", "Changed by {by} at {at}"),
    "first_version": ("首个版本", "First version"),
    "col_field": ("项目", "Field"),
    "col_before": ("上一版本（第 {v} 版）", "Before (version {v})"),
    "col_before_none": ("上一版本", "Before"),
    "col_after": ("此版本（第 {v} 版）", "This version ({v})"),
    "col_change": ("变化", "Change"),
    "changed": ("已更改", "changed"),
    "unchanged": ("未变", "unchanged"),
    "new_field": ("新建", "new"),
    "no_history": ("暂无历史记录。", "No history yet."),
    "seeded": ("piiguard（初始登记）", "piiguard (seed)"),
    "history_caption": (
        "第 {v} 版与上一版本的对比",
        "Version {v} compared with the one before",
    ),
    "back_purposes": ("返回用途登记簿", "Back to the purpose register"),
    "unknown_purpose": ("登记簿中没有此用途。", "There is no such purpose in the register."),
    "read_only": (
        "您可以查看此页面；只有个人信息保护负责人可以修改。",
        "You may read this page; only privacy officers change it.",
    ),
    # enum values
    "basis_consent": ("同意", "Consent"),
    "basis_contract": ("订立或履行合同", "Contract"),
    "basis_legitimate_interest": ("合理利益", "Legitimate interest"),
    "basis_legal_obligation": ("法定义务", "Legal obligation"),
    "basis_national_security": ("国家安全、国防安全", "National security or defence"),
    "basis_public_interest": (
        "公共安全、公共卫生、重大公共利益",
        "Public security, health or major public interest",
    ),
    "basis_criminal_justice": (
        "刑事侦查、起诉、审判和执行",
        "Criminal investigation, prosecution, trial or enforcement",
    ),
    "basis_vital_interests": ("保护生命健康和重大财产安全", "Vital interests"),
    "basis_news_reporting": ("新闻报道、舆论监督", "News reporting"),
    "role_staff": ("员工", "Staff"),
    "role_privacy_officer": ("个人信息保护负责人", "Privacy officer"),
    "role_system": ("系统（API 密钥）", "System (API key)"),
    "role_admin": ("管理员", "Administrator"),
    "role_auditor": ("审计员", "Auditor"),
    "tier_ordinary": ("一般", "ordinary"),
    "tier_sensitive": ("敏感", "sensitive"),
    "lookup_none": ("不用于查找", "not used to find a person"),
    "lookup_email": ("邮箱", "email"),
    "lookup_phone": ("电话号码", "phone number"),
    "lookup_identifier": ("证件或账号", "ID or account number"),
    # the taxonomy
    "taxonomy_title": ("数据分类", "Data taxonomy"),
    "taxonomy_intro": (
        "个人信息的类别按层级排列；下级类别至少与上级同样敏感。公司类别由个人信息保护负责人添加。",
        "The categories of personal data as a tree; a sub-category is at least as sensitive "
        "as its parent. Privacy officers add the company's own categories.",
    ),
    "taxonomy_counts": (
        "共 {n} 个类别，其中敏感 {s} 个、公司类别 {k} 个。",
        "{n} categories: {s} sensitive, {k} of the company.",
    ),
    "tree_label": ("类别树", "Category tree"),
    "tier_label": ("级别：{tier}", "tier: {tier}"),
    "company_mark": ("公司类别", "company category"),
    "deprecated_mark": ("已弃用（仅保留已有数据）", "deprecated (kept for data that has it)"),
    "credential_mark": ("只保存校验值", "kept as a verifier only"),
    "retire": ("停用", "Retire"),
    "retire_hint": (
        "停用公司类别：无数据使用时删除，否则标记为弃用（已有数据保留，新数据不得使用）。",
        "Retiring a company category deletes it when no data has it; otherwise it is "
        "deprecated (kept for the data that has it, refused for new data).",
    ),
    "add_category": ("新增公司类别", "Add a company category"),
    "f_parent": ("上级类别", "Parent category"),
    "top_level": ("（顶级类别）", "(top level)"),
    "f_cat_key": (
        "标识（小写字母、数字或 _，位于上级类别之下）",
        "Key (lowercase letters, digits or _, under the parent)",
    ),
    "f_cat_key_hint": (
        "例如上级为 user.contact、标识为 wechat_id，则类别为 user.contact.wechat_id。",
        "For example wechat_id under user.contact makes user.contact.wechat_id.",
    ),
    "f_tier": ("级别", "Tier"),
    "f_tier_hint": (
        "敏感类别之下的类别也是敏感的。",
        "A category under a sensitive one is sensitive too.",
    ),
    "f_lookup": ("用于查找本人时的规范化方式", "How values are normalised to find a person"),
    "f_description": ("说明（可选）", "Description (optional)"),
    "segment_bad": (
        "标识为一个小写单词（a-z、0-9、_），不含点号。",
        "The key is one lowercase word (a-z, 0-9, _) without dots.",
    ),
    # departments
    "departments_title": ("部门及其可用用途", "Departments and their purposes"),
    "departments_intro": (
        "员工只能以其部门可用的用途使用个人信息。",
        "Staff may use personal data only for the purposes of their department.",
    ),
    "departments_caption": ("部门（共 {n} 个）", "Departments ({n})"),
    "col_department": ("部门", "Department"),
    "col_purposes": ("可用用途", "Purposes it may use"),
    "no_purposes": ("无", "None"),
    "open_department": ("查看或修改「{name}」", "View or change “{name}”"),
    "view_department": ("查看「{name}」", "View “{name}”"),
    "department_title": ("部门：{name}", "Department: {name}"),
    "edit_department": ("修改部门名称与可用用途", "Change its name and purposes"),
    "add_department": ("新增部门", "Add a department"),
    "f_dept_name": ("部门名称", "Department name"),
    "f_purposes": ("可用用途", "Purposes it may use"),
    "inactive_suffix": ("（已停用）", " (inactive)"),
    "back_departments": ("返回部门列表", "Back to the departments"),
    "unknown_department": ("没有此部门。", "There is no such department."),
    # messages after a form
    "done_purpose_added": ("已新增用途。", "The purpose is added."),
    "done_purpose_saved": (
        "已保存用途，登记簿已生成新版本。",
        "The purpose is saved as a new register version.",
    ),
    "done_purpose_deactivated": ("已停用该用途。", "The purpose is deactivated."),
    "done_category_added": ("已新增公司类别。", "The company category is added."),
    "done_category_deleted": (
        "该类别无数据使用，已删除。",
        "No data had the category: it is deleted.",
    ),
    "done_category_deprecated": (
        "该类别仍有数据使用，已标记为弃用。",
        "Data still has the category: it is deprecated.",
    ),
    "done_department_saved": ("已保存部门。", "The department is saved."),
    "done_department_added": ("已新增部门。", "The department is added."),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
