"""The words of web/console/team/ in Simplified Chinese and English (merged over the
console's own, web/console/texts.py, by kit.console_page)."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    # roles and states, wherever they show
    "role_admin": ("系统管理员", "Administrator"),
    "role_privacy_officer": ("个人信息保护负责人", "Privacy officer"),
    "role_staff": ("业务员工", "Staff"),
    "role_auditor": ("审计员", "Auditor"),
    "state_active": ("在用", "Active"),
    "state_deactivated": ("已停用", "Deactivated"),
    "state_locked": ("已锁定", "Locked"),
    "state_no_mfa": ("未开启两步验证（角色要求）", "No two-step sign-in (role needs it)"),
    "state_password_old": ("密码超过更换期限", "Password past its change limit"),
    # the register of accounts
    "staff_title": ("员工账户", "Staff accounts"),
    "staff_intro": (
        "每人一个账户，使用本人的工作邮箱。这里列出账户的角色、部门、状态、两步验证和"
        "密码年龄；点击姓名可更改角色、解除锁定、停用账户或重置两步验证。",
        "One account per person, on their own work email. The list shows each account's "
        "roles, department, state, two-step sign-in and password age; open a name to change "
        "roles, unlock, deactivate or reset two-step sign-in.",
    ),
    "staff_filters": ("筛选员工账户", "Filter staff accounts"),
    "f_q": ("姓名或邮箱包含", "Name or email contains"),
    "f_role": ("角色", "Role"),
    "f_department": ("部门", "Department"),
    "f_state": ("状态", "State"),
    "col_name": ("姓名", "Name"),
    "col_email": ("工作邮箱", "Work email"),
    "col_roles": ("角色", "Roles"),
    "col_department": ("部门", "Department"),
    "col_active": ("是否在用", "Active"),
    "col_locked": ("是否锁定", "Locked"),
    "col_mfa": ("两步验证", "Two-step sign-in"),
    "col_password_age": ("密码年龄", "Password age"),
    "staff_caption": ("员工账户（{n} 个）", "Staff accounts ({n})"),
    "no_department": ("（无）", "(none)"),
    "mfa_on": ("已开启", "On"),
    "mfa_off": ("未开启", "Off"),
    "mfa_off_required": ("未开启（角色要求开启）", "Off (the role needs it)"),
    "locked_yes": ("已锁定", "Locked"),
    "days_n": ("{n} 天", "{n} days"),
    "password_over": ("超过 {n} 天期限", "over the {n}-day limit"),
    # inviting
    "invite_title": ("邀请同事", "Invite a colleague"),
    "invite_hint": (
        "填写同事本人的工作邮箱（不能是 sales@、admin@ 等共用邮箱）、部门和角色。"
        "提交后页面会显示一次性的邀请链接，请直接发给本人；链接在 {h} 小时后失效。",
        "Give the colleague's own work email (not a shared mailbox such as sales@ or "
        "admin@), their department and roles. The next page shows a single-use invitation "
        "link once: send it to them directly; it expires after {h} hours.",
    ),
    "invite_email": ("工作邮箱", "Work email"),
    "invite_roles": ("角色", "Roles"),
    "invite_submit": ("创建邀请", "Create the invitation"),
    "invited_title": ("邀请已创建", "Invitation created"),
    "invited_text": (
        "以下链接只显示这一次，之后无法再查看。请通过安全的渠道直接发给 {email}；"
        "对方打开链接后设置姓名和密码即可登录。",
        "The link below is shown only this once and cannot be seen again. Send it to "
        "{email} directly by a channel you trust; opening it, they set their name and "
        "password and are signed in.",
    ),
    "invited_link": ("邀请链接", "Invitation link"),
    "invited_expires": ("链接有效期至", "The link works until"),
    "invited_as": ("部门与角色", "Department and roles"),
    "back_staff": ("返回员工账户列表", "Back to the staff accounts"),
    # one account
    "account_title": ("员工账户：{name}", "Staff account: {name}"),
    "account_facts": ("账户信息", "Account"),
    "staff_id": ("账户编号", "Account id"),
    "created": ("创建时间", "Created"),
    "password_changed": ("密码更换于", "Password changed"),
    "deactivated_at": ("停用时间", "Deactivated"),
    "dept_purposes": ("部门可用用途", "Purposes of the department"),
    "none": ("无", "none"),
    "roles_title": ("更改角色和部门", "Change roles and department"),
    "roles_hint": (
        "需要两步验证的角色会要求此人下次操作前先开启两步验证。",
        "A role that needs two-step sign-in makes this person enrol it before doing anything else.",
    ),
    "roles_submit": ("保存角色和部门", "Save roles and department"),
    "unlock_title": ("解除锁定", "Unlock"),
    "unlock_hint": (
        "多次登录失败后账户会被锁定或需要等待；解除后可立即重新登录。",
        "After many failed sign-ins an account is locked or must wait; unlocking lets "
        "the person sign in again at once.",
    ),
    "unlock_submit": ("解除锁定", "Unlock the account"),
    "deactivate_title": ("停用账户", "Deactivate"),
    "deactivate_hint": (
        "此人离职或调岗时停用：无法再登录，现有会话全部结束；账户记录保留，审计记录中的"
        "操作者仍可识别。停用后不能恢复，需要时请重新邀请。",
        "When the person leaves or changes jobs: no more sign-in and every session ends; "
        "the account stays so that the audit trail still names who did what. It cannot be "
        "undone: invite them again if needed.",
    ),
    "deactivate_submit": ("停用此账户", "Deactivate this account"),
    "mfa_reset_title": ("重置两步验证", "Reset two-step sign-in"),
    "mfa_reset_hint": (
        "手机和恢复码都丢失时使用：关闭此人的两步验证并结束其会话，下次登录时需重新开启。",
        "When the phone and recovery codes are lost: turns this person's two-step sign-in "
        "off and ends their sessions; they enrol again at the next sign-in.",
    ),
    "mfa_reset_submit": ("重置两步验证", "Reset two-step sign-in"),
    "done_roles": ("角色和部门已保存。", "Roles and department saved."),
    "done_unlocked": ("账户已解除锁定。", "The account is unlocked."),
    "done_deactivated": ("账户已停用，其会话已全部结束。", "Deactivated; its sessions ended."),
    "done_mfa_reset": (
        "两步验证已重置，此人下次登录时需重新开启。",
        "Two-step sign-in reset: they enrol again at their next sign-in.",
    ),
    # accepting an invitation
    "accept_title": ("接受邀请", "Accept your invitation"),
    "accept_text": (
        "请填写您的姓名并设置密码：不含您的姓名、邮箱或公司名称，不是常见或已泄露的密码；"
        "几个不相关的词语组成的长句就是好密码。您的角色需要两步验证时，下一步将开启它。",
        "Give your name and choose a password: without your name, email or the company's "
        "name, not a common or breached password; a few unrelated words make a good one. "
        "If your role needs two-step sign-in, you turn it on next.",
    ),
    "display_name": ("您的姓名", "Your name"),
    "new_password": ("新密码", "New password"),
    "accept_submit": ("创建我的账户", "Create my account"),
    # system clients
    "clients_title": ("系统客户端", "System clients"),
    "clients_intro": (
        "调用 piiguard 接口的本公司系统（ERP、CRM 等），每个系统一个 API 密钥，"
        "限定可用的用途和数据类别。密钥只在创建或轮换后显示一次。",
        "The company's systems (ERP, CRM, ...) that call piiguard's API, one API key each, "
        "limited to purposes and data categories. A key is shown once, when it is made "
        "or rotated.",
    ),
    "clients_filters": ("筛选系统客户端", "Filter system clients"),
    "f_status": ("状态", "Status"),
    "clients_caption": ("系统客户端（{n} 个）", "System clients ({n})"),
    "col_client": ("系统名称", "System"),
    "col_scope": ("密钥可用于", "Key may be used for"),
    "col_key": ("密钥前缀", "Key prefix"),
    "col_created": ("创建时间", "Created"),
    "col_rotated": ("上次轮换", "Last rotation"),
    "col_status": ("状态", "Status"),
    "status_active": ("有效", "Active"),
    "status_revoked": ("已吊销", "Revoked"),
    "status_overlap": ("有效（旧密钥至 {at}）", "Active (previous key until {at})"),
    "scope_all": ("所有用途和数据类别", "Every purpose and category"),
    "scope_purposes": ("用途", "Purposes"),
    "scope_categories": ("数据类别", "Categories"),
    "scope_every": ("全部", "all"),
    "never": ("从未", "never"),
    "add_title": ("添加系统客户端", "Add a system client"),
    "client_name": ("系统名称", "System name"),
    "client_name_hint": (
        "小写字母、数字、“_”或“-”，以字母开头，例如 erp 或 crm。",
        "Lower-case letters, digits, '_' or '-', starting with a letter: erp, crm.",
    ),
    "client_purposes": (
        "密钥可用于的用途（都不选：登记册允许系统使用的所有用途）",
        "Purposes the key may be used for (none ticked: every purpose the register allows systems)",
    ),
    "client_categories": ("可访问的数据类别", "Data categories it may reach"),
    "client_categories_hint": (
        "数据分类中的类别标识，用空格或逗号分隔，含其下级类别，例如 user.contact；留空：所有类别。",
        "Category keys of the taxonomy, separated by spaces or commas, each with its "
        "subtree, e.g. user.contact; empty: every category.",
    ),
    "add_submit": ("添加并生成密钥", "Add and make its key"),
    "key_title": ("新的 API 密钥：{name}", "The new API key: {name}"),
    "key_text": (
        "密钥只显示这一次：离开或刷新此页后无法再查看，piiguard 只保存其校验值。请立即"
        "复制到该系统的配置中，调用时发送 “Authorization: Bearer <密钥>”。",
        "The key is shown only this once: after you leave or reload this page it cannot "
        "be seen again (piiguard keeps only a hash of it). Put it in the system's "
        "configuration now; it sends `Authorization: Bearer <key>`.",
    ),
    "key_label": ("API 密钥", "API key"),
    "key_overlap": (
        "旧密钥在 {at} 之前仍然有效，之后停止工作。",
        "The previous key keeps working until {at}, then stops.",
    ),
    "open_client": ("打开 {name} 的页面", "Open {name}'s page"),
    "client_title": ("系统客户端：{name}", "System client: {name}"),
    "client_facts": ("客户端信息", "Client"),
    "client_id": ("客户端编号", "Client id"),
    "previous_until": ("旧密钥有效至", "Previous key works until"),
    "revoked_at": ("吊销时间", "Revoked"),
    "scope_title": ("更改密钥范围", "Change what the key may be used for"),
    "scope_submit": ("保存范围", "Save the scope"),
    "rotate_title": ("轮换密钥", "Rotate the key"),
    "rotate_hint": (
        "生成新密钥；旧密钥在设定的时间内仍然有效，便于系统切换而不中断。",
        "Makes a new key; the current one keeps working for the overlap, so the system "
        "can switch over without an outage.",
    ),
    "overlap_hours": ("旧密钥保留时间（小时，0–720）", "Overlap (hours the old key works, 0–720)"),
    "rotate_submit": ("生成新密钥", "Make a new key"),
    "revoke_title": ("吊销密钥", "Revoke"),
    "revoke_hint": (
        "立即停用此系统的密钥（包括轮换期内的旧密钥），无法恢复。",
        "Stops this system's key (and any previous key in its overlap) at once; it "
        "cannot be undone.",
    ),
    "revoke_submit": ("吊销此客户端", "Revoke this client"),
    "revoked_note": ("此客户端已吊销，不能再更改。", "This client is revoked: nothing to change."),
    "back_clients": ("返回系统客户端列表", "Back to the system clients"),
    "done_scoped": (
        "密钥范围已保存，下一次决定即按此执行。",
        "Scope saved: the next decision holds to it.",
    ),
    "done_revoked": ("客户端已吊销，其密钥立即失效。", "Revoked: its key no longer works."),
    # the front page
    "attn_staff_no_mfa": (
        "{n} 个账户未开启其角色要求的两步验证",
        "Accounts without the two-step sign-in their role needs: {n}",
    ),
    "attn_staff_password_old": (
        "{n} 个账户的密码超过更换期限",
        "Accounts whose password is past its limit: {n}",
    ),
    "attn_staff_locked": ("{n} 个账户已锁定", "Locked accounts: {n}"),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
