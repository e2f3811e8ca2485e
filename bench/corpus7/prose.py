"""Corpus 7's free-text kinds: after-sales tickets, chat transcripts, onboarding forms."""

from __future__ import annotations

from bench.corpus7.doc import Doc, Piece, addr, mail, name, phone, secret, title_name
from bench.corpus7.people import FILLER, cn_address, en_address
from bench.corpus7.values import Person

FAULTS = (
    "空调不制冷，室外机不启动，显示E1",
    "洗碗机漏水，底盘有积水",
    "热水器点火失败 error code E4",
    "冰箱冷藏室结霜严重 / fridge compartment icing",
    "电饭煲显示屏无反应",
    "风扇异响，摆头卡住",
    "Compressor noise after 2 weeks, customer requests replacement",
    "遥控器失灵，已更换电池仍无效",
    "安装后漏电保护器跳闸",
    "内机滴水，排水管可能堵塞",
    "WiFi配网失败，APP提示设备离线",
)
NOTES = (
    "已上门检测，更换主板。",
    "Replaced capacitor, tested 30 min OK.",
    "需返厂维修，已预约物流取件。",
    "客户不在家，改约下午。",
    "冷媒不足，已补氟。",
    "Customer not reachable, left voicemail.",
    "建议客户保留包装，等待配件到货。",
    "检查发现电源线破损，已更换。",
)
TECH_TITLES = ("技术员", "师傅", "Technician", "维修工程师", "网点")


def _when(d: Doc) -> str:
    r = d.r
    day = f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}"
    return f"{day} {r.randint(8, 20):02d}:{r.randint(0, 59):02d}"


def ticket(d: Doc) -> None:
    r, v = d.r, d.v
    c = v.person(latin=r.random() < 0.08)
    tech = v.person(latin=False)
    cap, no = d.fake("order")
    bracket = r.random() < 0.5
    head = (
        f"【售后工单 {r.randint(10000, 99999)}】"
        if bracket
        else f"Ticket #TK{r.randint(100000, 999999)}"
    )
    d.line(head)
    d.line(r.choice(("来电时间：", "Created: ", "受理时间 ")), _when(d))
    label = r.choice(("客户姓名：", "客户：", "Customer: ", "联系人："))
    who: list[Piece] = [name(c)] if r.random() < 0.6 else title_name(d, c)
    d.line(label, *who)
    d.line(r.choice(("联系电话：", "Tel: ", "手机：", "电话 ")), phone(v.phone_any(c)))
    if r.random() < 0.4:
        d.line(r.choice(("备用电话：", "Alt phone: ")), phone(v.landline()))
    if c.latin:
        d.line("Address: ", addr(en_address(r)))
    else:
        d.line(r.choice(("安装地址：", "地址：", "上门地址: ")), addr(cn_address(r)))
    if r.random() < 0.3:
        k_cap, masked = d.fake("masked")
        d.line(f"{k_cap}：", masked)
    m_cap, model = d.fake("model")
    s_cap, serial = d.fake("serial")
    d.line(f"{m_cap}：", model, f"  {s_cap}: ", serial)
    d.line(f"{cap}: ", no)
    if r.random() < 0.3:
        f_cap, fw = d.fake("version")
        d.line(f"{f_cap} ", fw)
    d.line(r.choice(("故障描述：", "Problem: ", "问题：")), r.choice(FAULTS))
    for _ in range(r.randint(0, 2)):
        d.line(r.choice(FILLER))
    if r.random() < 0.25:
        lat, lng = v.coords()
        d.line(
            r.choice(("定位：", "GPS: ", "客户共享位置 ")), ("coordinates", v.coords_text(lat, lng))
        )
    d.line("")
    for _ in range(r.randint(1, 3)):
        d.line(
            _when(d), " ", r.choice(TECH_TITLES), " ", *title_name(d, tech), "：", r.choice(NOTES)
        )
    if r.random() < 0.5:
        d.line(
            _when(d),
            r.choice((" 回访：", " Callback: ")),
            r.choice(
                (
                    "客户表示满意，评价5星。",
                    "customer satisfied, closed. ",
                    "客户要求开发票，发到邮箱 ",
                )
            ),
            *([mail(c.email)] if r.random() < 0.5 else []),
        )
    if r.random() < 0.3:
        d.line("退款至原卡 ", ("bank_card", v.card_text(v.card())), "，金额 ", v.amount())
    if r.random() < 0.35:
        t_cap, track = d.fake("tracking")
        d.line(f"配件寄出 {t_cap} ", track)
    if r.random() < 0.2:
        d.line("车辆 ", ("licence_plate", v.plate()), " 已出发")


def chat(d: Doc) -> None:
    r, v = d.r, d.v
    people = [v.person(latin=r.random() < 0.1) for _ in range(r.randint(2, 4))]
    wechat = r.random() < 0.55
    group = r.choice(
        ("售后-顺德片区群", "Foshan-Sales Team", "采购对接(内部)", "钉钉群：华南仓储", "客户VIP群")
    )
    d.line(f"聊天记录 {group}" if wechat else f"[{group}] 导出", "")
    d.line("")
    day = f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}"
    hour = r.randint(8, 19)
    for i in range(r.randint(6, 16)):
        p = people[i % len(people)] if r.random() < 0.6 else r.choice(people)
        stamp = f"{hour:02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
        speaker: list[Piece] = (
            [("person_name", p.english or p.name)] if r.random() < 0.3 else [name(p)]
        )
        if wechat:
            d.line(f"{day} {stamp} ", *speaker)
        else:
            d.line(*speaker, f"  {day[5:]} {stamp[:5]}")
        _chat_message(d, people)
        d.line("")
        hour = min(hour + r.randint(0, 1), 23)


def _chat_message(d: Doc, people: list[Person]) -> None:
    r, v = d.r, d.v
    other = r.choice(people)
    k = r.randrange(12)
    if k == 0:
        d.line(
            "@",
            *title_name(d, other),
            " 客户电话 ",
            phone(v.mobile_text(v.mobile())),
            " 麻烦回个电话",
        )
    elif k == 1:
        c = v.person(latin=False)
        d.line("新客户：", name(c), " ", phone(v.mobile_text(c.mobile)), " ", addr(cn_address(r)))
    elif k == 2:
        cap, val = d.fake()
        d.line(f"{cap} ", val, " 查一下好了吗")
    elif k == 3:
        d.line(r.choice(("收到👌", "好的", "👍", r.choice(FILLER), r.choice(FILLER))))
    elif k == 4:
        lat, lng = v.coords()
        d.line(
            "[位置] ",
            ("coordinates", v.coords_text(lat, lng)),
            " ",
            r.choice(("仓库门口", "客户家楼下", "工厂北门")),
        )
    elif k == 5:
        d.line("wifi密码 ", secret(v.password()), " 测试机账号 admin")
    elif k == 6:
        d.line(
            "送货车 ",
            ("licence_plate", v.plate()),
            " 司机 ",
            *title_name(d, v.person(latin=False)),
            " ",
            phone(v.mobile_text(v.mobile())),
        )
    elif k == 7:
        d.line("OK, I'll email ", mail(v.person().email), " tomorrow morning")
    elif k == 8:
        cap, val = d.fake("tracking")
        d.line(f"{cap}：", val, "，今天下午到")
    elif k == 9:
        d.line("好的，", *title_name(d, other), "辛苦了")
    elif k == 10:
        cap, val = d.fake("version")
        d.line(f"升级到 {cap} ", val, " 以后就正常了")
    else:
        d.line("报价单已发，", r.choice(("含税", "不含税")), " ", d.v.amount())


FORM_FIELDS_ZH = (
    "姓名",
    "性别",
    "出生日期",
    "身份证号码",
    "手机号码",
    "电子邮箱",
    "户籍地址",
    "现居住地址",
    "紧急联系人",
    "紧急联系人电话",
    "工资卡开户行",
    "工资卡号",
    "入职日期",
    "车牌号",
)


def form(d: Doc) -> None:
    r, v = d.r, d.v
    p = v.person(latin=r.random() < 0.12)
    zh = not p.latin
    md = r.random() < 0.3
    d.line(
        "# 员工入职登记表"
        if md and zh
        else (
            "# Employee Onboarding Form"
            if md
            else r.choice(("员工入职登记表", "新员工信息登记", "EMPLOYEE ONBOARDING FORM"))
        )
    )
    d.line(
        r.choice(("部门：", "Dept: ")),
        r.choice(("生产部", "品质部", "Sales", "研发中心", "仓储物流")),
        "   ",
        r.choice(("工号：", "Staff No.: ")),
        f"FS{r.randint(10000, 99999)}",
    )
    d.line("")
    sep = r.choice(("：", ": ", "\t", "  "))
    bullet = "- " if md else ""
    fields: list[tuple[str, list[Piece]]] = [
        ("姓名" if zh else "Name", [name(p)]),
        (
            "性别" if zh else "Gender",
            ["男" if p.male else "女"] if zh else ["M" if p.male else "F"],
        ),
        (
            r.choice(("出生日期", "生日")) if zh else r.choice(("Date of birth", "DOB")),
            [("date_of_birth", v.dob_text(p.dob, zh))],
        ),
    ]
    if zh:
        fields.append(
            (r.choice(("身份证号码", "公民身份号码", "身份证")), [("resident_id", p.rid)])
        )
        fields.append(("户籍地址", [addr(cn_address(r))]))
    else:
        country = r.choice(("DE", "US", "GB", "FR", "IT"))
        fields.append((f"Passport No. ({country})", [("passport", v.passport(country))]))
    fields += [
        ("手机号码" if zh else "Mobile", [phone(v.phone_any(p))]),
        ("电子邮箱" if zh else "E-mail", [mail(p.email)]),
        (
            "现居住地址" if zh else "Current address",
            [addr(cn_address(r) if zh or r.random() < 0.5 else en_address(r))],
        ),
    ]
    if r.random() < 0.6:
        e = v.person(latin=False)
        fields.append(
            (
                "紧急联系人" if zh else "Emergency contact",
                [name(e), "（" + r.choice(("父亲", "配偶", "母亲", "兄")) + "）"],
            )
        )
        fields.append(
            ("紧急联系人电话" if zh else "Emergency phone", [phone(v.mobile_text(e.mobile))])
        )
    if r.random() < 0.7:
        fields.append(
            (
                "工资卡开户行" if zh else "Salary bank",
                [r.choice(("工商银行佛山分行", "建设银行顺德支行", "农业银行", "招商银行"))],
            )
        )
        fields.append(("工资卡号" if zh else "Card number", [("bank_card", v.card_text(v.card()))]))
    if zh and r.random() < 0.3:
        fields.append(("护照号码", [("passport", v.passport("CN"))]))
    if r.random() < 0.4:
        fields.append(("车牌号" if zh else "Vehicle plate", [("licence_plate", v.plate())]))
    fields.append(
        (
            "入职日期" if zh else "Start date",
            [("lookalike", f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}")],
        )
    )
    if r.random() < 0.5:
        fields.append(("OA初始密码" if zh else "Initial password", [secret(v.password())]))
    for label, pieces in fields:
        d.line(bullet, label, sep, *pieces)
    d.line("")
    d.line(r.choice(("本人承诺以上信息真实有效。", "I confirm the information above is correct.")))
    d.line(
        r.choice(("签名：", "Signature: ")),
        name(p),
        "    ",
        r.choice(("日期：", "Date: ")),
        _when(d)[:10],
    )
