"""The privacy centre's words in Simplified Chinese and English. The language is chosen as on
the staff console (web/html.py: `?lang=`, remembered in a cookie, else Accept-Language,
else Chinese)."""

from __future__ import annotations

from piiguard.domain.rights.rules import RequestKind, RequestStatus
from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "centre": ("隐私中心", "Privacy centre"),
    "switch": ("English", "中文"),
    "skip": ("跳到主要内容", "Skip to the main content"),
    "back_home": ("返回隐私中心", "Back to the privacy centre"),
    # the rights (policy §4)
    "rights_title": ("您对个人信息享有的权利", "Your rights over your personal information"),
    "rights_intro": (
        "依照适用的法律和我们的隐私政策（第 4 条），您可以：",
        "Under the applicable law and our privacy policy (section 4), you may:",
    ),
    "right_access": (
        "查阅、复制我们持有的您的个人信息，包括每项信息的来源、用途、对外提供情况和保存期限；",
        "see and get a copy of the personal information we hold on you, with "
        "where each piece came from, what it is used for, who it was shared "
        "with and how long it is kept;",
    ),
    "right_correction": (
        "更正、补充不准确或不完整的个人信息；",
        "have inaccurate or incomplete information corrected;",
    ),
    "right_objection": (
        "拒绝我们将您的个人信息用于某些用途，或撤回您给予的同意；",
        "refuse a use of your personal information, or withdraw a consent you gave;",
    ),
    "right_restriction": (
        "要求我们限制处理您的个人信息；",
        "have the processing of your personal information restricted;",
    ),
    "right_deletion": (
        "要求我们删除您的个人信息（法律要求保存的部分除外，这部分只用于履行该法定义务）；",
        "have your personal information deleted (except what the law requires "
        "us to keep, which is then used for that obligation only);",
    ),
    "right_portability": (
        "以结构化、机器可读的格式获取您提供给我们的个人信息，以便转移给其他处理者。",
        "receive the personal information you gave us in a structured, "
        "machine-readable format, to take it elsewhere.",
    ),
    "rights_free": (
        "提出请求不收取费用，除非请求明显超出合理限度（例如短期内重复提出同类"
        "请求），届时我们会说明理由。",
        "Requests are free of charge, unless one is manifestly excessive (for "
        "example the same request repeated within a short time); we would tell "
        "you why.",
    ),
    "rights_due": (
        "我们在收到请求之日起 {days} 日内答复。",
        "We answer within {days} days of receiving your request.",
    ),
    "rights_verify": (
        "为保护您的信息，我们先核实是您本人：您填写电子邮箱时，我们向该邮箱发送"
        "一次性验证码；您填写电话号码时，我们回电核实。核实之前，我们不透露、"
        "不更改任何信息，也不透露我们是否持有您的信息。",
        "To protect your information we first confirm it is you: if you give "
        "an email address we send a one-time code to it; if you give a phone "
        "number we call you back. Until then we disclose and change nothing, "
        "and do not say whether we hold data on you.",
    ),
    "consents_where": (
        "核实身份后 {minutes} 分钟内，您还可以在本中心管理您的同意。",
        "For {minutes} minutes after confirming a request you can also manage your consents here.",
    ),
    # the request form
    "form_title": ("提出请求", "Make a request"),
    "required": ("必填", "required"),
    "optional": ("可选", "optional"),
    "kind_legend": ("您希望我们做什么？", "What would you like us to do?"),
    "contact_label": ("您的电子邮箱或电话号码", "Your email address or phone number"),
    "contact_hint": (
        "填写我们可能记录的您的邮箱或电话。我们把验证码发送到该邮箱，或致电该号码核实身份。",
        "The email address or phone number we may know you by. We send the "
        "code to that email, or call that number, to confirm it is you.",
    ),
    "concerns_legend": ("请求涉及哪些信息？", "Which information is it about?"),
    "concerns_hint": ("不勾选表示涉及全部信息。", "Tick none to mean all of it."),
    "changes_legend": (
        "仅限更正：哪项信息有误，正确的内容是什么？",
        "Correction only: what is wrong, and the correct value",
    ),
    "changes_hint": (
        "选择信息类别并填写正确的内容；也可以只在下面的说明中写明。",
        "Choose the kind of information and type the correct value; or just "
        "explain it in the text below.",
    ),
    "change_category": ("第 {n} 项：信息类别", "Change {n}: kind of information"),
    "change_value": ("第 {n} 项：正确的内容", "Change {n}: the correct value"),
    "choose": ("— 请选择 —", "— choose —"),
    "purposes_legend": (
        "仅限拒绝或限制处理：涉及哪些用途？",
        "Objection or restriction only: which uses?",
    ),
    "purposes_hint": (
        "不勾选表示全部用途（拒绝时，法律要求的处理除外）。",
        "Tick none to mean every use (for an objection, except what the law requires of us).",
    ),
    "text_label": ("补充说明", "Anything else we should know"),
    "text_hint": (
        "最多 5000 个字符。请勿填写身份证号等我们不需要的信息。",
        "Up to 5,000 characters. Please leave out what we do not need, such as ID numbers.",
    ),
    "submit": ("提交请求", "Send the request"),
    "errors_title": ("请修正以下问题", "Please correct the following"),
    "err_kind": ("请选择请求类型。", "Choose what you would like us to do."),
    "err_contact": (
        "请填写有效的电子邮箱地址或电话号码（7–15 位数字）。",
        "Enter a valid email address or phone number (7–15 digits).",
    ),
    "err_text": ("补充说明最多 5000 个字符。", "The text can be at most 5,000 characters."),
    "err_concerns": ("请从列表中选择信息类别。", "Choose information kinds from the list."),
    "err_purposes": ("请从列表中选择用途。", "Choose uses from the list."),
    "err_changes": (
        "更正请求请说明哪项信息有误及正确的内容：选择类别并填写正确的内容"
        "（最多 10000 个字符），或在补充说明中写明。",
        "For a correction, say what is wrong and the correct value: choose a "
        "kind of information and type the correct value (up to 10,000 "
        "characters), or explain it in the text.",
    ),
    "err_change_pair": (
        "每一项更正都需要同时选择信息类别并填写正确的内容。",
        "Each change needs both a kind of information and the correct value.",
    ),
    "err_csrf": (
        "表单已过期或并非来自本网站。请检查您填写的内容后重新提交。",
        "The form expired or did not come from this site. Check what you entered "
        "and send it again.",
    ),
    "err_mail": (
        "暂时无法发送邮件，请稍后再试。",
        "We could not send mail just now; please try again later.",
    ),
    # a request's status page
    "status_title": ("您的请求", "Your request"),
    "reference": ("请求编号", "Reference"),
    "kind": ("请求类型", "Request"),
    "status": ("状态", "Status"),
    "received": ("收到日期", "Received"),
    "due": ("答复期限", "Answer due by"),
    "paused": ("等待您回复期间，期限暂停计算。", "The deadline is paused while we wait for you."),
    "keep_ref": (
        "请保存本页地址或请求编号，以便随时查看进度。",
        "Keep this page's address or the reference to follow your request.",
    ),
    "next": ("接下来", "What happens next"),
    "code_title": ("输入验证码", "Enter your code"),
    "code_text": (
        "我们已向您填写的电子邮箱发送 6 位验证码，{minutes} 分钟内有效。没有收到？"
        "请查看垃圾邮件文件夹，或获取新的验证码。",
        "We have sent a 6-digit code to the email address you gave, valid for "
        "{minutes} minutes. Nothing arrived? Look in the spam folder, or ask for a "
        "new code.",
    ),
    "code_label": ("6 位验证码", "6-digit code"),
    "confirm": ("确认", "Confirm"),
    "resend": ("发送新的验证码", "Send a new code"),
    "code_resent": ("新的验证码已发送。", "A new code is on its way."),
    "err_code_wrong": (
        "验证码不正确，还可尝试 {n} 次。",
        "That code is wrong; {n} attempt(s) left.",
    ),
    "err_code_dead": (
        "验证码已过期或尝试次数过多，请获取新的验证码。",
        "The code has expired or was tried too often: ask for a new code.",
    ),
    "err_code_empty": ("请输入邮件中的 6 位验证码。", "Enter the 6-digit code from the mail."),
    "err_too_many": (
        "过去一小时内发送的验证码过多，请稍后再试。",
        "Too many codes were sent in the last hour; please try again later.",
    ),
    "verified": ("谢谢，已核实是您本人。", "Thank you: it is confirmed."),
    "manage_consents": ("管理您的同意", "Manage your consents"),
    "read_policy": ("阅读隐私政策及其历次变更", "Read the privacy policy and what changed in it"),
    "not_found_title": ("找不到该请求", "Request not found"),
    "not_found": (
        "找不到该请求。请检查链接或请求编号。",
        "We cannot find this request. Check the link or the reference.",
    ),
    "error_title": ("无法完成", "Could not complete"),
    "err_control": (
        "“{field}”一栏含有控制字符（例如 NUL），无法接受。请删除后返回重试。",
        "The field “{field}” contains a control character (such as NUL), "
        "which cannot be accepted. Remove it, go back and try again.",
    ),
    "err_form": (
        "无法读取表单中的“{field}”一栏。请返回重试。",
        "The field “{field}” of the form could not be read. Go back and try again.",
    ),
    # the package
    "package_title": ("您的个人信息副本", "A copy of your personal information"),
    "package_once": (
        "下载链接只能使用一次，下载后即失效。您可以先在本页查看。",
        "The download link works once: after the download it stops working. "
        "You can read this page first.",
    ),
    "download_zip": ("下载压缩包（ZIP：网页、JSON、CSV）", "Download the zip (page, JSON, CSV)"),
    "download_json": ("下载 JSON 文件", "Download the JSON file"),
    "portability_text": (
        "您提供给我们的个人信息已整理为结构化、机器可读的 JSON 文件，可导入其他服务。",
        "The personal information you gave us is ready as a structured, "
        "machine-readable JSON file you can take to another service.",
    ),
    "gone_title": ("链接已失效", "This link no longer works"),
    "gone": (
        "此下载链接已使用、已过期或无效。如需新的副本，请重新提出请求。",
        "This download link has been used, has expired or is not valid. To get a new "
        "copy, make a new request.",
    ),
    "ask_again": ("重新提出请求", "Make a new request"),
    # consents
    "transfers_title": ("向境外提供您的个人信息", "Your data sent abroad"),
    "transfers_intro": (
        "以下境外接收方收到过您的个人信息（依据我们的披露日志）。您可以向我们或向接收方行使"
        "查阅、复制、更正、删除等权利；我们收到您的更正或删除请求后会通知收到过相关信息的接收方。",
        "These recipients abroad received your personal data (from our disclosure log). You "
        "may exercise your rights — access, copy, correction, deletion — with us or with the "
        "recipient; when you ask us to correct or delete, we tell every recipient that "
        "received the data.",
    ),
    "transfers_none": ("没有向境外提供过您的个人信息。", "None of your data has been sent abroad."),
    "transfers_need_pass": (
        "请先提出任意一项请求并用验证码核实身份。核实后 {minutes} 分钟内，您可以在此查看。",
        "Make any request and confirm it with the code first; for {minutes} minutes after "
        "that you can see this here.",
    ),
    "transfers_recipient": ("接收方", "Recipient"),
    "transfers_country": ("所在国家/地区", "Country"),
    "transfers_purposes": ("用途", "Purposes"),
    "transfers_categories": ("个人信息种类", "Categories"),
    "transfers_when": ("首次/最近", "First / last"),
    "transfers_notices": ("向境外提供前的告知", "What we told you before sending abroad"),
    "transfers_notices_intro": (
        "向境外接收方（集团公司除外）首次提供您的个人信息前，我们会先告知您接收方、所在国家"
        "或地区、用途、个人信息种类及向其行使权利的方式；告知之前不会提供。",
        "Before your data first goes to a recipient abroad (other than our group companies), "
        "we tell you the recipient, its country, the purpose, the data and how to exercise "
        "your rights with it; nothing goes before that.",
    ),
    "transfers_rights_there": ("向接收方行使权利", "Your rights with the recipient"),
    "transfers_notice_state": ("告知", "Notice"),
    "transfers_notice_sent": ("已告知", "told on"),
    "transfers_notice_waiting": (
        "尚未告知：在告知之前不会向其提供",
        "not yet told: nothing goes to it before",
    ),
    "consents_title": ("管理您的同意", "Manage your consents"),
    "consents_intro": (
        "以下用途需要您的同意。您可以随时给予或撤回同意，自下一次使用起生效。",
        "These uses need your consent. You can give or withdraw it at any "
        "time; it applies from the next use on.",
    ),
    "consents_none": ("这里没有需要您管理的同意。", "There is nothing for you to manage here."),
    "consents_need_pass": (
        "请先提出任意一项请求并用验证码核实身份。核实后 {minutes} 分钟内，您可以在此管理您的同意。",
        "First make a request of any kind and confirm it with the code. "
        "For {minutes} minutes after that you can manage your consents "
        "here.",
    ),
    "consent_given": ("已同意（{date}）", "Given on {date}"),
    "consent_not_given": ("未同意", "Not given"),
    "grant": ("同意", "Give consent"),
    "withdraw": ("撤回同意", "Withdraw consent"),
    "consent_text": (
        "我同意{company}将我的个人信息用于：{purpose}。我可以随时撤回此同意。",
        "I agree that {company} may use my personal information to: {purpose}. "
        "I can withdraw this consent at any time.",
    ),
    "granted": ("已记录您的同意。", "Your consent is recorded."),
    "withdrawn": (
        "已撤回您的同意，自下一次使用起生效。",
        "Your consent is withdrawn, from the next use on.",
    ),
}

KINDS: dict[RequestKind, tuple[str, str]] = {
    RequestKind.ACCESS: ("查阅、复制我的个人信息", "Access: a copy of my personal information"),
    RequestKind.CORRECTION: ("更正我的个人信息", "Correction of my personal information"),
    RequestKind.OBJECTION: (
        "拒绝某些用途 / 撤回同意",
        "Objection: stop a use, or withdraw my consent",
    ),
    RequestKind.RESTRICTION: (
        "限制处理我的个人信息",
        "Restriction of the processing of my personal information",
    ),
    RequestKind.DELETION: ("删除我的个人信息", "Deletion of my personal information"),
    RequestKind.PORTABILITY: (
        "转移：以机器可读格式获取我提供的信息",
        "Portability: the data I gave you, machine-readable",
    ),
}

STATUSES: dict[RequestStatus, tuple[str, str]] = {
    RequestStatus.AWAITING_VERIFICATION: ("等待核实身份", "Waiting for you to confirm it is you"),
    RequestStatus.AWAITING_SECOND_STEP: ("正在进一步核实身份", "Identity check, second step"),
    RequestStatus.IN_PROGRESS: ("正在办理", "Being carried out"),
    RequestStatus.WAITING_ON_REQUESTER: ("等待您的回复", "Waiting for you"),
    RequestStatus.WAITING_ON_SYSTEMS: ("等待相关系统确认", "Waiting for other systems to confirm"),
    RequestStatus.COMPLETED: ("已办结", "Completed"),
    RequestStatus.REFUSED: ("未予办理", "Not carried out"),
}

NEXT: dict[RequestStatus, tuple[str, str]] = {
    RequestStatus.AWAITING_VERIFICATION: (
        "请输入我们发送到您邮箱的验证码。核实之后，我们立即开始办理。",
        "Enter the code we mailed you. Once it is confirmed we carry the request out.",
    ),
    RequestStatus.AWAITING_SECOND_STEP: (
        "对于删除请求和涉及敏感个人信息的请求，我们的工作人员还会请您出示身份证件，并由另一名"
        "工作人员复核。我们会通过您提供的联系方式与您联系。",
        "For a deletion and for requests about sensitive information, our staff also "
        "check an identity document and a second member of staff approves. We will "
        "contact you through the contact you gave.",
    ),
    RequestStatus.IN_PROGRESS: (
        "我们正在办理您的请求，办结后会通过您提供的联系方式答复您。",
        "We are carrying out your request and will answer through the contact you gave "
        "when it is done.",
    ),
    RequestStatus.WAITING_ON_REQUESTER: (
        "我们已联系您，请按我们的说明回复。收到回复后继续办理。",
        "We have written to you: please reply as asked. We go on once we hear from you.",
    ),
    RequestStatus.WAITING_ON_SYSTEMS: (
        "您的信息已在我们这里更新，我们正在等待保存这些信息的其他系统确认。全部确认后答复您。",
        "Your information is updated here; we are waiting for the other systems that hold "
        "it to confirm. We answer you once they have.",
    ),
    RequestStatus.COMPLETED: (
        "我们已将答复发送到您提供的联系方式，请查看您的邮箱（包括垃圾邮件文件夹）。如有可下载的"
        "文件，下载链接只在该邮件中提供。",
        "We have sent our answer to the contact you gave: check your mailbox (and the spam "
        "folder). If there is a file to download, its link is in that mail only.",
    ),
    RequestStatus.REFUSED: (
        "我们已将无法办理的理由发送到您提供的联系方式。如有异议，您可以联系我们的个人信息保护"
        "负责人或监管部门。",
        "We have sent the reasons to the contact you gave. If you disagree, you may contact "
        "our privacy officer or the supervisory authority.",
    ),
}

PHONE_NEXT = (
    "我们将致电您提供的号码核实是您本人，之后开始办理。",
    "We will call the number you gave to confirm it is you, then carry the request out.",
)


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}


def kind_words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k.value: v[i] for k, v in KINDS.items()}


def status_words(lang: str, status: RequestStatus) -> tuple[str, str]:
    """The status in words and what happens next."""
    i = LANGS.index(lang)
    return STATUSES[status][i], NEXT[status][i]


def phone_next(lang: str) -> str:
    return PHONE_NEXT[LANGS.index(lang)]
