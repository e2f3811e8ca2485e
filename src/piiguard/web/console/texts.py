"""The staff console's words in Simplified Chinese and English (the choice between them is
web/html.py's `language`, shared with the privacy centre)."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "console": ("员工控制台", "Staff console"),
    "sign_in": ("登录", "Sign in"),
    "login_failed": (
        "邮箱、密码或验证码不正确，请重试。多次失败后需稍候再试。",
        "Email, password or code not accepted: try again.",
    ),
    "email": ("工作邮箱", "Work email"),
    "password": ("密码", "Password"),
    "code": (
        "验证码（身份验证器应用中的 6 位数字，或恢复码）",
        "Code (6 digits from your authenticator app, or a recovery code)",
    ),
    "code_step": ("第二步：输入验证码", "Step 2: enter your code"),
    "continue": ("继续", "Continue"),
    "sign_out": ("退出登录", "Sign out"),
    "signed_out": ("您已退出登录。", "You are signed out."),
    "switch": ("English", "中文"),
    "you_are": ("当前登录", "Signed in as"),
    "roles": ("角色", "Roles"),
    "department": ("部门", "Department"),
    "purposes": ("可用用途", "Purposes you may use"),
    "session_ends": ("会话最迟结束于", "Session ends at the latest"),
    "idle_note": (
        "闲置 {m} 分钟后页面自动锁定，需重新输入密码。",
        "After {m} minutes idle the page locks and asks for your password again.",
    ),
    "requests_title": ("个人信息权利请求", "Personal information rights requests"),
    "requests_open": ("待办请求 {n} 件", "Open requests: {n}"),
    "requests_overdue": ("已逾期 {n} 件", "overdue: {n}"),
    "coming": ("控制台将提供", "What the console will hold"),
    "coming_findings": ("发现项与导出登记", "Findings and registered exports"),
    "coming_decisions": ("访问决定与审计记录查询", "Decisions and the audit trail"),
    "locked_title": ("页面已锁定", "Page locked"),
    "locked_text": (
        "由于长时间未操作，页面已锁定，内容已隐藏。请重新输入密码以继续。",
        "The page locked after being idle; its content is hidden. "
        "Enter your password again to go on.",
    ),
    "unlock": ("解锁", "Unlock"),
    "error": ("无法完成", "Could not complete"),
    "back": ("返回控制台", "Back to the console"),
    "back_to_form": ("返回表单修改", "Back to the form"),
    "pending": (
        "请先完成账户设置：{p}（见 docs/security.md）。",
        "Finish setting up your account first: {p} (see docs/security.md).",
    ),
    "enrol_title": ("开启两步验证", "Turn on two-step sign-in"),
    "enrol_text": (
        "您的角色要求两步验证。请在身份验证器应用（如 Microsoft Authenticator、"
        "Google 身份验证器）中添加账户：输入下面的密钥（或打开链接），然后输入应用"
        "显示的 6 位验证码。",
        "Your role needs two-step sign-in. Add an account in your authenticator "
        "app (Microsoft Authenticator, Google Authenticator, ...): enter the key "
        "below (or open the link), then type the 6-digit code the app shows.",
    ),
    "secret": ("密钥", "Key"),
    "app_link": ("在本设备的应用中打开", "Open in an app on this device"),
    "totp_code": ("应用中的 6 位验证码", "6-digit code from the app"),
    "turn_on": ("开启", "Turn on"),
    "codes_title": ("恢复码", "Recovery codes"),
    "codes_text": (
        "两步验证已开启。请将这些恢复码保存在安全的地方：手机丢失时，每个恢复码可代替"
        "验证码使用一次。它们只显示这一次。",
        "Two-step sign-in is on. Keep these recovery codes somewhere safe: if "
        "you lose your phone, each one stands in for a code once. They are shown "
        "only this once.",
    ),
    "password_title": ("更换密码", "Change your password"),
    "password_text": (
        "请设置新密码：至少 {n} 个字符，不含您的姓名、邮箱或公司名称，不是常见或"
        "已泄露的密码，也不是它们加数字、符号、年份或形近字符（如 P@ssw0rd2024!）"
        "的变体，也不是键盘上连着的按键；几个不相关的词语组成的短句就是好密码。",
        "Choose a new password: at least {n} characters, without your name, "
        "email or the company's name; not a common or breached password, nor "
        "one with digits, symbols, a year or look-alike characters added "
        "(P@ssw0rd2024!), nor a keyboard pattern; a few unrelated words make a "
        "good one.",
    ),
    "current_password": ("当前密码", "Current password"),
    "new_password": ("新密码", "New password"),
    "change": ("更换", "Change"),
    "csrf": (
        "表单已过期或来源不明，请重新打开页面再提交。",
        "The form expired or did not come from this site: open the page again and resubmit.",
    ),
    # the frame of the register pages (templates/console/layout.html, kit.html)
    "nav_label": ("控制台导航", "Console menu"),
    "nav_front": ("首页", "Front page"),
    "nav_requests": ("权利请求", "Rights requests"),
    "nav_people": ("个人", "People"),
    "nav_systems": ("系统（数据地图）", "Systems (data map)"),
    "nav_exports": ("导出登记", "Exports"),
    "nav_findings": ("发现项", "Findings"),
    "nav_purposes": ("用途登记", "Purposes"),
    "nav_taxonomy": ("数据分类", "Taxonomy"),
    "nav_departments": ("部门", "Departments"),
    "nav_exceptions": ("法定例外", "Legal exceptions"),
    "nav_retention": ("保存与销毁", "Retention and disposal"),
    "nav_policy": ("隐私政策版本", "Policy versions"),
    "nav_confirmations": ("信息核对", "Data up to date"),
    "nav_children": ("儿童信息处置", "A child's data found"),
    "nav_custody": ("纸质与移动介质", "Paper and media"),
    "nav_sharing": ("数据接收方", "Recipients"),
    "nav_records": ("处理活动记录", "Records of processing"),
    "nav_assessments": ("影响评估", "Impact assessments"),
    "nav_accountability": ("合规审计义务", "Audit duties"),
    "nav_evidence": ("合规证据报告", "Evidence report"),
    "nav_decisions": ("访问决定", "Decisions"),
    "nav_audit": ("审计记录", "Audit trail"),
    "nav_incidents": ("安全事件", "Security incidents"),
    "nav_vulns": ("漏洞", "Vulnerabilities"),
    "nav_backups": ("备份", "Backups"),
    "nav_staff": ("员工账户", "Staff accounts"),
    "nav_clients": ("系统客户端", "System clients"),
    "error_summary": ("有问题需要处理", "There is a problem"),
    "reauth_legend": ("确认身份", "Confirm it is you"),
    "reauth_hint": (
        "此操作需要近期登录：请再次输入您的密码（和验证码）。",
        "This change needs a recent sign-in: enter your password (and code) again.",
    ),
    "pages": ("分页", "Pages"),
    "prev_page": ("上一页", "Previous"),
    "next_page": ("下一页", "Next"),
    "page_n": ("第 {n} 页", "Page {n}"),
    "filter": ("筛选", "Filter"),
    "clear_filters": ("清除筛选", "Clear filters"),
    "none_found": ("没有符合条件的记录。", "Nothing matches."),
    "save": ("保存", "Save"),
    "cancel": ("取消", "Cancel"),
    "any": ("全部", "Any"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    # the front page (web/console/front.py)
    "needs_you": ("需要您处理", "Needs you now"),
    "nothing_waiting": ("目前没有待处理事项。", "Nothing is waiting for you."),
    "attn_requests_overdue": ("{n} 件权利请求已逾期", "Rights requests overdue: {n}"),
    "attn_requests_due_soon": (
        "{n} 件权利请求将在 7 天内到期",
        "Rights requests due within 7 days: {n}",
    ),
    "attn_requests_open": ("待办权利请求共 {n} 件", "Rights requests open in all: {n}"),
    "controls": ("控制措施状态", "State of the controls"),
    "last_verification": ("最近一次审计记录校验", "Last audit trail verification"),
    "verified_ok": ("完整", "intact"),
    "verified_bad": ("在第 {seq} 条处断裂", "broken at entry {seq}"),
    "entries_n": ("{n} 条记录", "{n} entries"),
    "verification_stale": ("已超过 7 天", "more than 7 days ago"),
    "never_verified": ("尚未校验", "never verified"),
    "to_audit": ("前往审计记录", "go to the audit trail"),
    "last_checkpoint": ("最近一次签名检查点", "Last signed checkpoint"),
    "up_to_entry": ("截至第 {n} 条", "up to entry {n}"),
    "signature_ok": ("签名有效", "signature valid"),
    "signature_bad": ("签名无效", "signature INVALID"),
    "no_checkpoint": ("尚无检查点", "no checkpoint yet"),
    "kek_versions": ("密钥加密密钥（KEK）版本", "Key-encryption key (KEK) versions"),
    "kek_current": ("当前版本 {v}", "current version {v}"),
    "kek_in_use": ("版本 {v} 封装 {n} 个个人密钥", "version {v} wraps {n} subject keys"),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
