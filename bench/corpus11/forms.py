"""Onboarding forms (text and Markdown) and chat transcripts (WeChat, DingTalk, WhatsApp,
Teams)."""

from __future__ import annotations

from bench.corpus11.doc import Doc
from bench.corpus11.values import Values

RELATIONS = ["配偶", "父亲", "母亲", "哥哥", "Spouse", "Mother", "朋友"]
BANKS = [
    "中国工商银行佛山分行",
    "招商银行顺德支行",
    "中国建设银行大良支行",
    "HSBC Hong Kong",
    "农商银行北滘支行",
]


def form_rows(v: Values) -> list[tuple[str, str | None, str]]:
    """(label, type, value) rows of an onboarding form, in a shuffled order of sections."""
    zh, py, born = v.zh(), v.pinyin(), v.dob_parts()
    rows: list[tuple[str, str | None, str]] = [
        ("姓名 Name", "person_name", zh),
        ("英文名/拼音 Pinyin", "person_name", py),
        ("性别 Gender", None, v.pick(["男", "女"])),
        ("出生日期 Date of Birth", "date_of_birth", v.dob(born)),
        ("民族", None, v.pick(["汉", "壮", "回"])),
        ("身份证号 ID No.", "resident_id", v.rid(born)),
        ("手机 Mobile", "phone", v.mobile()),
        ("个人邮箱 E-mail", "email", v.email()),
        ("户籍地址", "address", v.address()),
        ("现住址 Current Address", "address", v.address()),
        ("开户行 Bank", None, v.pick(BANKS)),
        (
            v.pick(["银行账号 Account No.", "工资卡号 Salary Card", "银行卡号"]),
            *v.pick([("bank_account", v.bank_account()), ("bank_card", v.bank_card())]),
        ),
        ("紧急联系人 Emergency Contact", "person_name", v.name()),
        ("关系 Relation", None, v.pick(RELATIONS)),
        ("紧急联系电话", "phone", v.phone()),
        ("入职日期 Start Date", "lookalike", v.date()),
        ("工号 Staff No.", "lookalike", "HK" + v.digits(6)),
        ("工衣编号 Uniform No.", "lookalike", v.part11()),
    ]
    if v.r.random() < 0.5:
        rows.append(("护照号（出境用） Passport", "passport", v.passport()))
    if v.r.random() < 0.5:
        rows.append(("车牌号（停车证）", "licence_plate", v.plate()))
    if v.r.random() < 0.3:
        rows.append(("OA初始密码 Initial password", "secret", v.password()))
    return rows


def hr_form(v: Values, i: int) -> tuple[str, Doc, dict[str, object]]:
    d = Doc()
    rows = form_rows(v)
    style = v.pick(["colon", "markdown", "table", "inline"])
    d.t(
        v.pick(
            ["新员工入职登记表", "# 员工入职信息表 Employee Onboarding Form", "入职资料 Onboarding"]
        )
        + "\n\n"
    )
    if style == "markdown":
        d.t("| 项目 Item | 内容 Value |\n|---|---|\n")
    for label, kind, value in rows:
        if style == "colon":
            d.t(f"{label}：")
        elif style == "markdown":
            d.t(f"| {label} | ")
        elif style == "table":
            d.t(f"{label:<24}")
        else:
            d.t(f"{label.split(' ')[0]}: ")
        if kind:
            d.v(kind, value)
        else:
            d.t(value)
        d.t(
            " |\n"
            if style == "markdown"
            else v.pick(["\n", "\n", "   "])
            if style == "inline"
            else "\n"
        )
    d.t("\n本人承诺以上信息真实有效。 签名：").v("person_name", rows[0][2]).t("  日期：").la(
        v.date()
    ).t("\n")
    ext = "md" if style == "markdown" else "txt"
    return f"hr_form/onboarding_{i:04d}.{ext}", d, {"crlf": i % 4 == 1, "gbk": i % 6 == 2}


def _message(v: Values, d: Doc, people: list[str]) -> None:
    x = v.r.randrange(12)
    if x == 0:
        d.t("电话 ").v("phone", v.phone()).t(" 打我这个")
    elif x == 1:
        d.t("地址发你了：").v("address", v.address())
    elif x == 2:
        d.t("[位置] ").v("coordinates", v.coords())
    elif x == 3:
        d.t("退款卡号 ").v("bank_card", v.bank_card()).t(" 户名").v("person_name", people[0])
        d.t(" / card for deposit ").v("credit_card", v.credit_card())
    elif x == 4:
        d.t("pls check SN ").la(v.sixteen()).t(" and order ").la(v.order())
    elif x == 5:
        d.t("wifi密码是 ").v("secret", v.password()).t(" 别外传")
    elif x == 6:
        d.t("my DOB is ").v("date_of_birth", v.dob()).t(" for the warranty reg")
    elif x == 7:
        d.t("司机车牌 ").v("licence_plate", v.plate()).t("，快递 ").la(v.waybill())
    elif x == 8:
        d.t("料号 ").la(v.part11()).t(" 缺货, 固件升级到 ").la(v.version())
    elif x == 9:
        d.t("cc ").v("person_name", v.name()).t(" 邮箱 ").v("email", v.email())
    elif x == 10:
        d.t(v.pick(["好的", "OK 👍", "收到", "明天上午可以吗?", "thx", "稍等"]))
    else:
        d.t("ID card ").v("resident_id", v.rid()).t(" 护照 ").v("passport", v.passport())


def chat(v: Values, i: int) -> tuple[str, Doc, dict[str, object]]:
    d = Doc()
    app = v.pick(["wechat", "dingtalk", "whatsapp", "teams"])
    people = [v.name() for _ in range(v.r.randint(2, 4))]
    if app == "wechat":
        d.t("微信聊天记录 与 ").v("person_name", people[1]).t(" 的聊天\n\n")
    elif app == "teams":
        d.t("Chat export - After-sales HK escalation\n\n")
    for n in range(v.r.randint(6, 24)):
        who = v.pick(people)
        h, m = v.r.randint(8, 22), v.r.randint(0, 59)
        if app == "wechat":
            d.t(f"2026-03-{n % 28 + 1:02d} {h:02d}:{m:02d}:{v.r.randint(0, 59):02d} ").v(
                "person_name", who
            ).t("\n")
        elif app == "dingtalk":
            d.v("person_name", who).t(f"  {h:02d}:{m:02d}\n")
        elif app == "whatsapp":
            d.t(f"[{n % 28 + 1:02d}/03/2026, {h:02d}:{m:02d}:11] ").v("person_name", who).t(": ")
        else:
            d.v("person_name", who).t(f"  {h % 12 or 12}:{m:02d} {'AM' if h < 12 else 'PM'}\n")
        _message(v, d, people)
        d.t("\n" if app == "whatsapp" else "\n\n")
    return f"chat/{app}_{i:04d}.txt", d, {"crlf": app == "whatsapp" and i % 2 == 0}
