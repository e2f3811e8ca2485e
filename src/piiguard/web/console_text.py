"""The staff console's words in Simplified Chinese and English, and the choice between them:
`?lang=` (remembered in a cookie), else the browser's Accept-Language, else Chinese."""

from __future__ import annotations

from fastapi import Request

LANGS = ("zh-CN", "en")
LANG_COOKIE = "piiguard-lang"

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "console": ("员工控制台", "Staff console"),
    "sign_in": ("登录", "Sign in"),
    "email": ("工作邮箱", "Work email"),
    "password": ("密码", "Password"),
    "code": ("验证码（身份验证器应用中的 6 位数字，或恢复码）",
             "Code (6 digits from your authenticator app, or a recovery code)"),
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
    "idle_note": ("闲置 {m} 分钟后页面自动锁定，需重新输入密码。",
                  "After {m} minutes idle the page locks and asks for your password again."),
    "coming": ("控制台将提供", "What the console will hold"),
    "coming_requests": ("个人信息权利请求队列（后续版本）",
                        "The queue of personal-information rights requests (a later version)"),
    "coming_findings": ("发现项与导出登记", "Findings and registered exports"),
    "coming_decisions": ("访问决定与审计记录查询", "Decisions and the audit trail"),
    "locked_title": ("页面已锁定", "Page locked"),
    "locked_text": ("由于长时间未操作，页面已锁定，内容已隐藏。请重新输入密码以继续。",
                    "The page locked after being idle; its content is hidden. "
                    "Enter your password again to go on."),
    "unlock": ("解锁", "Unlock"),
    "error": ("无法完成", "Could not complete"),
    "back": ("返回控制台", "Back to the console"),
    "pending": ("请先完成账户设置：{p}（见 docs/security.md）。",
                "Finish setting up your account first: {p} (see docs/security.md)."),
    "csrf": ("表单已过期或来源不明，请重新打开页面再提交。",
             "The form expired or did not come from this site: open the page again and "
             "resubmit."),
}


def language(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if asked in LANGS:
        return asked
    best, best_q = "zh-CN", -1.0
    for part in request.headers.get("accept-language", "").split(","):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        tag = tag.lower()
        lang = "en" if tag.startswith("en") else "zh-CN" if tag.startswith("zh") else None
        if lang and weight > best_q:
            best, best_q = lang, weight
    return best


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
