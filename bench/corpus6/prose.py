"""Corpus 6's kinds written by people: mail, after-sales tickets, chat transcripts,
onboarding forms and service reports."""

from __future__ import annotations

from bench.corpus6.doc import Doc, dob_text

PRODUCTS = (
    "变频空调 KFR-35GW",
    "电饭煲 MB-FB40",
    "洗碗机 WQP8",
    "热水器 F60-21",
    "电磁炉 C21",
    "compressor unit",
    "motor assembly",
    "control board",
    "fan coil",
    "water heater",
)
ROLES_ZH = ("工", "经理", "师傅", "总", "主管", "女士", "先生", "小姐")
ROLES_EN = ("Mr.", "Ms.", "Dr.", "Mrs.")


def titled(d: Doc, leads: tuple[str, ...] = ("", "", "客户")) -> None:
    """A person called by surname and role ("王工", "客户陈女士"): only the surname labelled."""
    name = d.v.zh_name()
    sur, _ = d.v.split_zh(name)
    d.t(d.v.r.choice(leads)).pii("person_name", sur).t(d.v.r.choice(ROLES_ZH))


def west_titled(d: Doc) -> None:
    """ "Mr. Brandt": only the family name labelled."""
    d.t(d.v.r.choice(ROLES_EN) + " ").pii("person_name", d.v.west_name().split()[1])


def person(d: Doc, zh: bool | None = None) -> str:
    """A full name, labelled; Chinese, pinyin or western."""
    r = d.v.r.random()
    if zh or (zh is None and r < 0.6):
        name = d.v.zh_name()
    elif r < 0.8:
        sur, given = d.v.pinyin(d.v.zh_name())
        name = d.v.r.choice((f"{given} {sur}", f"{sur} {given}", f"{sur.upper()} {given}"))
    else:
        name = d.v.west_name()
    d.pii("person_name", name)
    return name


def mail(d: Doc) -> None:  # noqa: PLR0912, PLR0915
    v, r = d.v, d.v.r
    sender, rcpt = v.zh_name(), v.west_name() if r.random() < 0.4 else v.zh_name()
    d.t("From: ")
    if r.random() < 0.7:
        d.t('"').pii("person_name", sender).t('" <').pii("email", v.email(sender)).t(">\n")
    else:
        d.pii("email", v.email(sender)).nl()
    d.t("To: ").pii("person_name", rcpt).t(" <").pii("email", v.email(rcpt)).t(">\n")
    if r.random() < 0.5:
        cc = v.zh_name()
        d.t("Cc: ").pii("person_name", cc).t(" <").pii("email", v.email(cc)).t(">\n")
    d.t(f"Date: {v.business_date()} 09:{r.randint(10, 59)}\n")
    d.t(r.choice(("Subject: 回复: 订单 ", "Subject: RE: PO ", "主题：关于发货单 "))).fake(
        v.lookalike("order")
    ).t("\n\n")
    if " " in rcpt and r.random() < 0.3:
        d.t("Dear " + r.choice(ROLES_EN) + " ").pii("person_name", rcpt.split()[1]).t(",\n\n")
    elif " " in rcpt:
        d.t(r.choice(("Dear ", "Hi ", "Hello "))).pii(
            "person_name", rcpt.split()[0] if r.random() < 0.5 else rcpt
        ).t(",\n\n")
    elif r.random() < 0.3:
        titled(d, ("",))
        d.t("，您好！\n\n")
    else:
        d.pii("person_name", rcpt).t(r.choice(("，您好！\n\n", "：\n\n你好，\n")))
    for _ in range(r.randint(2, 4)):
        x = r.randint(0, 8)
        if x == 0:
            d.t("请按附件安排发货，收货人 ").pii("person_name", v.zh_name()).t("，电话 ").pii(
                "phone", v.mobile()
            ).t("，地址：").pii("address", v.address_zh()).t("。\n")
        elif x == 1:
            d.t("Please confirm the ship date ").fake(v.business_date()).t(" for batch ").fake(
                v.lookalike("serial")
            ).t(". The drawing no. is ").fake(v.lookalike("part")).t(".\n")
        elif x == 2:
            d.t("已和")
            titled(d, ("",))
            d.t("确认，型号 ").fake(v.lookalike("part")).t(" 下周可以出货。\n")
        elif x == 3:
            d.t("As discussed with ").pii("person_name", v.west_name()).t(
                ", payment goes to IBAN "
            ).pii("iban", v.iban()).t(".\n")
        elif x == 4:
            d.t("如有问题请直接打 ").pii("person_name", v.zh_name()).t(" 的手机 ").pii(
                "phone", v.mobile()
            ).t("。\n")
        elif x == 5:
            d.t("The invoice ").fake(v.lookalike("order")).t(" dated ").fake(v.business_date()).t(
                " is attached; tracking "
            ).fake(v.lookalike("tracking")).t(".\n")
        elif x == 6:
            d.t("客户").pii("person_name", v.zh_name()).t("反映安装后噪音大，已安排").pii(
                "person_name", v.zh_name()
            ).t("上门。\n")
        elif x == 7:
            d.t("Thanks for your quick reply, the samples arrived on ").fake(v.business_date()).t(
                ".\n"
            )
        else:
            traveller = v.west_name()
            num, _ = v.passport()
            d.t("For the factory visit please book the hotel for ").pii("person_name", traveller)
            d.t(":\n  Passport No.: ").pii("passport", num).t("\n  Date of birth: ")
            d.pii("date_of_birth", dob_text(v, v.birth(28, 60), False)).t("\n  Arrival: ")
            d.fake(v.business_date()).t(", flight CZ3").t(v.digits(3)).t("\n")
    if r.random() < 0.5:
        d.t(f"\n> On {v.business_date()}, ").pii("person_name", rcpt).t(
            " wrote:\n> Could you send the updated list? Call me at "
        ).pii("phone", v.phone()).t("\n> Regards\n")
    d.t("\n--\n").pii("person_name", sender).t(
        r.choice((" | 销售部 Sales Dept.\n", "\n售后服务中心 主管\n", "\nPurchasing\n"))
    )
    d.t(r.choice(("M: ", "手机：", "Mobile: "))).pii("phone", v.mobile()).t(
        r.choice(("  T: ", "  电话："))
    ).pii("phone", v.landline()).nl()
    d.t("E: ").pii("email", v.email(sender)).nl()
    if r.random() < 0.5:
        d.t("Add: ").pii("address", v.address_en()).nl()


def ticket(d: Doc) -> None:
    v, r = d.v, d.v.r
    d.t("工单号 Ticket: ").fake(v.lookalike("order")).t(
        f"\n产品：{r.choice(PRODUCTS)}  机身条码："
    ).fake(v.lookalike("serial")).t("\n")
    d.t("报修日期：").fake(v.business_date()).t("\n客户：").pii("person_name", v.zh_name()).t(
        "  电话："
    ).pii("phone", v.phone()).nl()
    d.t("地址：").pii("address", v.address_zh() if r.random() < 0.8 else v.address_en()).t(
        "\n\n处理记录：\n"
    )
    for _ in range(r.randint(3, 7)):
        x = r.randint(0, 10)
        d.t(f"[{v.business_date()}] ")
        if x == 0:
            titled(d)
            d.t("上门检测，压缩机不启动，更换主板 ").fake(v.lookalike("part")).t(
                "，固件升级到 "
            ).fake(v.lookalike("version")).t("。\n")
        elif x == 1:
            d.t("客户原话：“我是").pii("person_name", v.zh_name()).t(
                "，上次的师傅说三天内回复，到现在没人联系，我的电话是"
            ).pii("phone", v.mobile()).t("”\n")
        elif x == 2:
            d.t("Engineer ").pii("person_name", v.west_name()).t(
                " checked the unit remotely from "
            ).pii("ip_address", v.ip()).t(", error E5, tolerance ").fake(
                v.lookalike("tolerance")
            ).t(".\n")
        elif x == 3:
            d.t("回访：").pii("person_name", v.zh_name()).t("满意，评分5分。\n")
        elif x == 4:
            d.t("Customer asks for a refund to card ")
            num, kind = v.card()
            d.pii(kind, num).t(".\n")
        elif x == 5:
            d.t("安装位置坐标 ").pii("coordinates", v.coordinates()).t("，车牌 ").pii(
                "licence_plate", v.plate()
            ).t(" 的服务车已派出。\n")
        elif x == 6:
            d.t("配件 ").fake(v.lookalike("part")).t(" 缺货，预计 ").fake(v.business_date()).t(
                " 到。\n"
            )
        elif x == 7:
            d.t("联系人 ").pii("person_name", v.zh_name()).t(" 改约时间，新号码 ").pii(
                "phone", v.mobile()
            ).t("。\n")
        elif x == 8:
            d.t('Customer quote: "This is the second time the heater failed. ')
            d.t("Ask for ").pii("person_name", v.west_name()).t(" at reception, or mail ").pii(
                "email", v.email()
            ).t('."\n')
        elif x == 9:
            d.t("师傅")
            d.pii("person_name", v.zh_name()).t("反馈：用户家中电压不稳，建议加装稳压器，已告知")
            titled(d, ("",))
            d.t("。\n")
        else:
            d.t("Escalated to ")
            west_titled(d)
            d.t(" (QA), serial ").fake(v.lookalike("serial")).t(", PCB rev ").fake(
                v.lookalike("version")
            ).t(".\n")


def chat(d: Doc) -> None:  # noqa: PLR0912, PLR0915
    v, r = d.v, d.v.r
    people = [v.zh_name() for _ in range(r.randint(2, 4))]
    style = r.randint(0, 3)
    if style == 3:
        people = [v.west_name(), *people[:2]]
    if style == 2:
        d.t("群聊：售后-顺德片区\n")
    for _ in range(r.randint(8, 26)):
        who = r.choice(people)
        hh, mm = r.randint(8, 21), r.randint(0, 59)
        if style == 0:
            d.pii("person_name", who).t(f" {hh}:{mm:02d}\n")
        elif style == 1:
            d.t(f"[{v.business_date()} {hh}:{mm:02d}] ").pii("person_name", who).t(": ")
        elif style == 3:  # Teams: "Name, 10:32 AM" then the message
            half = "AM" if hh < 12 else "PM"
            d.pii("person_name", who).t(f", {(hh - 1) % 12 + 1}:{mm:02d} {half}\n")
        else:
            d.t(f"{hh:02d}:{mm:02d} ").t(r.choice(v_nicks())).t("(").pii("person_name", who).t(
                "): "
            )
        x = r.randint(0, 17)
        other = r.choice(people)
        if x == 0:
            d.t("@").pii("person_name", other).t(" 客户电话发你了 ").pii("phone", v.mobile())
        elif x == 1:
            d.t("收到")
        elif x == 2:
            d.t("物流单号 ").fake(v.lookalike("tracking"))
        elif x == 3:
            d.t("刚才")
            titled(d, ("", "客户"))
            d.t("说明天过去")
        elif x == 4:
            d.t("地址是 ").pii("address", v.address_zh())
        elif x == 5:
            d.t("ok, ").pii("person_name", other).t(" will handle it")
        elif x == 6:
            d.t("[位置] ").pii("coordinates", v.coordinates())
        elif x == 7:
            d.t("他身份证 ").pii("resident_id", v.resident_id()).t(" 拍照上传了")
        elif x == 8:
            d.t("版本 ").fake(v.lookalike("version")).t(" 有bug")
        elif x == 9:
            d.t("好的，辛苦")
        elif x == 10:
            d.t("邮箱 ").pii("email", v.email(other))
        elif x == 11:
            d.t("谢谢").pii("person_name", other)
        elif x == 12:
            d.t("pls call ")
            west_titled(d)
            d.t(" before 5pm, his number ").pii("phone", v.foreign_phone())
        elif x == 13:
            d.t("他生日").pii("date_of_birth", dob_text(v, v.birth(), True)).t("，会员登记要用")
        elif x == 14:
            num, _ = v.passport()
            d.t("出差订票，").pii("person_name", other).t("护照号 ").pii("passport", num)
        elif x == 15:
            d.t("货车 ").pii("licence_plate", v.plate()).t(" 到了，司机").pii(
                "person_name", v.zh_name()
            ).t("在二号门")
        elif x == 16:
            d.t("明早九点前到，客户").pii("person_name", v.zh_name()).t("在家，订单 ").fake(
                v.lookalike("order")
            )
        else:
            d.t("尺寸公差 ").fake(v.lookalike("tolerance")).t(" 以内都算合格")
        d.nl()
        if style == 0:
            d.nl()


def v_nicks() -> tuple[str, ...]:
    return ("阿强", "小燕子", "老周", "Kiki", "Sunny", "晴天", "木子", "Coco")


def form(d: Doc) -> None:
    v, r = d.v, d.v.r
    zh = r.random() < 0.7
    name = v.zh_name()
    born = v.birth()
    sep = "：" if zh else ": "
    d.t("员工入职登记表 Employee Onboarding Form\n" if zh else "NEW HIRE INFORMATION SHEET\n")
    d.t("工号" + sep if zh else "Employee No." + sep).fake(f"FS{v.digits(6)}").nl()
    d.t("姓名" + sep if zh else "Name" + sep).pii("person_name", name).nl()
    d.t("性别" + sep + r.choice("男女") + "\n" if zh else "Gender: " + r.choice(("M", "F")) + "\n")
    d.t(
        r.choice(("出生日期", "出生年月日", "生日")) + sep
        if zh
        else r.choice(("Date of birth", "DOB", "Birth date")) + sep
    )
    d.pii("date_of_birth", dob_text(v, born, zh)).nl()
    d.t("身份证号码" + sep if zh else "ID card no." + sep).pii(
        "resident_id", v.resident_id(born)
    ).nl()
    if r.random() < 0.4:
        num, country = v.passport()
        d.t("护照号码" + sep if zh else "Passport No." + sep).pii("passport", num).t(
            f"（{country}）\n" if zh else f" ({country})\n"
        )
    d.t("手机" + sep if zh else "Mobile" + sep).pii("phone", v.mobile()).nl()
    d.t("电子邮箱" + sep if zh else "Email" + sep).pii("email", v.email(name)).nl()
    d.t("现住址" + sep if zh else "Home address" + sep).pii(
        "address", v.address_zh() if zh else v.address_en()
    ).nl()
    d.t("工资卡" + sep if zh else "Salary card" + sep)
    num, kind = v.card()
    d.pii(kind, num).nl()
    if r.random() < 0.3:
        d.t("银行账号" + sep if zh else "Bank account" + sep).pii(
            "bank_account", v.bank_account()
        ).nl()
    if r.random() < 0.3:
        d.t("车牌号" + sep if zh else "Car plate" + sep).pii("licence_plate", v.plate()).nl()
    d.t("入职日期" + sep if zh else "Start date" + sep).fake(v.business_date()).nl()
    d.t("紧急联系人" + sep if zh else "Emergency contact" + sep).pii("person_name", v.zh_name()).t(
        " / "
    ).pii("phone", v.phone()).nl()
    if r.random() < 0.5:
        d.t("\n| 家庭成员 | 关系 | 出生日期 | 电话 |\n|---|---|---|---|\n")
        for rel in r.sample(("父亲", "母亲", "配偶", "子女"), 2):
            d.t("| ").pii("person_name", v.zh_name()).t(f" | {rel} | ").pii(
                "date_of_birth", dob_text(v, v.birth(1, 80), True)
            ).t(" | ").pii("phone", v.mobile()).t(" |\n")
    d.t("\nHR 经办人" + sep).pii("person_name", v.zh_name()).t("   表单版本 ").fake(
        v.lookalike("version")
    ).nl()


def service(d: Doc) -> None:
    """Warranty registration cards and service reports in prose."""
    v, r = d.v, d.v.r
    if r.random() < 0.5:
        name = v.zh_name()
        d.t("保修登记卡\n\n").t("尊敬的").pii("person_name", name).t(
            "：感谢您购买本公司产品。产品型号 "
        ).fake(v.lookalike("part")).t("，出厂编号 ").fake(v.lookalike("serial"))
        d.t("，购买日期 ").fake(v.business_date()).t("。您登记的手机号 ").pii(
            "phone", v.mobile()
        ).t("，安装地址 ").pii("address", v.address_zh())
        d.t("。本卡自购买之日起保修三年，请妥善保管发票 ").fake(v.lookalike("order")).t(
            "。\n\n用户签名："
        ).pii("person_name", name).t("    安装师傅：")
        titled(d)
        d.nl()
    else:
        eng = v.west_name() if r.random() < 0.3 else v.zh_name()
        d.t("SERVICE REPORT\n\nOn ").fake(v.business_date()).t(" our engineer ").pii(
            "person_name", eng
        ).t(" visited ").pii("person_name", v.zh_name())
        d.t(" at ").pii("address", v.address_en()).t(" (GPS ").pii(
            "coordinates", v.coordinates()
        ).t("). The unit ").fake(v.lookalike("serial"))
        d.t(" showed error code E1 after the firmware ").fake(v.lookalike("version")).t(
            " update. Pressure readings were within "
        ).fake(v.lookalike("tolerance"))
        d.t(". The customer can be reached on ").pii("phone", v.phone()).t(" or ").pii(
            "email", v.email()
        ).t(".\n")
        d.t("Parts replaced: ").fake(v.lookalike("part")).t(", ").fake(v.lookalike("part")).t(
            ".\nSigned: "
        ).pii("person_name", eng).nl()
