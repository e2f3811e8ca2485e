# ruff: noqa: E501, PLR0911, PLR0915
"""Prose kinds: mail, chat transcripts, after-sales tickets, warranty cards and service
reports."""

from __future__ import annotations

from bench.corpus5 import world as w
from bench.corpus5.ctx import Ctx
from bench.corpus5.doc import Doc, Seg, look

DOMAIN = w.OURS[2]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _mail_date(c: Ctx) -> str:
    d = c.day()
    return f"{WEEKDAYS[d.weekday()]}, {d.day} {['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.month - 1]} {d.year} {c.r.randint(7, 22):02d}:{c.r.randint(0, 59):02d}:{c.r.randint(0, 59):02d} +0800"


def _signature(doc: Doc, c: Ctx, p, zh: bool) -> None:
    doc.line()
    doc.line(
        c.pick(
            "Best regards,", "BR,", "Thanks & regards,", "此致\n敬礼！", "祝好！", "Kind regards,"
        )
    )
    if p.zh and c.r.random() < 0.6:
        doc.line(c.name(p, "zh"), " ", c.name(p, "en"))
    else:
        doc.line(c.name(p))
    doc.line(
        c.pick(
            "Sales Manager | 外贸部",
            "采购部 Purchasing Dept.",
            "售后服务部 After-sales Service",
            "Quality Engineer 品质工程师",
            "Overseas Business Dept.",
            "人事行政部 HR & Admin",
        )
    )
    doc.line(w.OURS[1] if not zh or c.r.random() < 0.5 else w.OURS[0])
    if c.r.random() < 0.8:
        doc.line(
            c.pick("Tel: ", "电话：", "T: "),
            Seg("phone", f"+86-757-{c.r.randint(2200, 2999)}{c.r.randint(1000, 9999)}")
            if c.r.random() < 0.5
            else c.phone(),
            c.pick("  ", " | ", "\n"),
            c.pick("Mob: ", "手机：", "M: "),
            c.mobile(),
        )
    if c.r.random() < 0.6:
        doc.line(c.pick("Email: ", "邮箱：", "E: "), Seg("email", f"{p.mail_local}@{DOMAIN}"))
    if c.r.random() < 0.5:
        doc.line(c.pick("Add: ", "地址：", "Address: "), c.address(zh=c.r.random() < 0.5))
    if c.r.random() < 0.3:
        doc.line(c.pick("WeChat: ", "微信："), c.mobile())


def mail(c: Ctx) -> tuple[Doc, str, str]:
    doc = Doc(nl=c.pick("\n", "\r\n"))
    me, them = c.person(0.0), c.person(0.5)
    zh = not them.zh or c.r.random() < 0.3
    company = c.r.choice(w.COMPANIES)
    them_dom = c.pick(
        "brenner-haustechnik.de",
        "nordicclimate.se",
        "casabella.it",
        "pacifichome.sg",
        "hengfa-hw.cn",
        "yuejia-elec.com",
        "polylink.com.hk",
        None,
    )
    label, lk = c.look()
    doc.line(
        "From: ",
        '"',
        c.name(me, "zh" if c.r.random() < 0.5 else "en"),
        '" <',
        Seg("email", f"{me.mail_local}@{DOMAIN}"),
        ">",
    )
    doc.line("To: ", c.name(them, "en"), " <", c.email(them, them_dom), ">")
    if c.r.random() < 0.5:
        cc = c.person(0.0)
        doc.line(
            "Cc: ",
            c.name(cc),
            " <",
            Seg("email", f"{cc.mail_local}@{DOMAIN}"),
            ">, ",
            Seg("email", f"sales@{DOMAIN}"),
        )
    doc.line("Date: ", _mail_date(c))
    subject = c.pick(
        "交期确认 / Delivery confirmation",
        "Quotation for 2025 season",
        "质量投诉 Quality complaint",
        "Payment details / 付款信息",
        "Visit arrangement 来访安排",
        "Sample request",
    )
    doc.line(
        "Subject: ", c.pick("RE: ", "Re: ", "回复：", "FW: ", ""), subject, " ", label, " ", lk
    )
    doc.line(f"Message-ID: <{w.hexdigest(c.r, 16)}@{DOMAIN}>")
    doc.line("MIME-Version: 1.0")
    doc.line('Content-Type: text/plain; charset="utf-8"')
    doc.line()
    if zh and them.zh:
        doc.line(c.name(them, "zh") if c.r.random() < 0.5 else c.titled(them), "，您好！")
    else:
        doc.line(
            c.pick("Dear ", "Hi ", "Hello ", "Dear Mr./Ms. "),
            c.name(them, c.pick("first", "en", "last")),
            ",",
        )
    doc.line()
    for _ in range(c.r.randint(2, 5)):
        _mail_paragraph(doc, c, me, them)
        doc.line()
    _signature(doc, c, me, zh)
    if c.r.random() < 0.6:
        doc.line()
        d = c.day()
        if c.r.random() < 0.5:
            doc.line(
                f"在 {d.year}年{d.month}月{d.day}日 {c.r.randint(8, 20)}:{c.r.randint(10, 59)}，",
                c.name(them, "en"),
                " <",
                c.email(them, them_dom),
                "> 写道：",
            )
        elif c.r.random() < 0.4:
            doc.line("------------------ 原始邮件 ------------------")
            doc.line('发件人: "', c.name(them, "en"), '"<', c.email(them, them_dom), ">;")
            doc.line(
                f"发送时间: {d.year}年{d.month}月{d.day}日(星期{'一二三四五六日'[d.weekday()]}) 下午{c.r.randint(1, 5)}:{c.r.randint(10, 59)}"
            )
            doc.line(
                '收件人: "', c.name(me, "zh"), '"<', Seg("email", f"{me.mail_local}@{DOMAIN}"), ">;"
            )
            doc.line("主题: ", subject)
        else:
            doc.line("-----Original Message-----")
            doc.line("From: ", c.name(them, "en"), " [mailto:", c.email(them, them_dom), "]")
            doc.line(f"Sent: {d:%A, %B} {d.day}, {d.year} 10:{c.r.randint(10, 59)} AM")
            doc.line("To: ", c.name(me, "en"))
        doc.put("> ")
        doc.prefix = "> "
        for _ in range(c.r.randint(1, 3)):
            _mail_paragraph(doc, c, them, me)
        doc.line(c.pick("Regards,", "Thanks,", "Cheers,"))
        doc.line(c.name(them, "en"))
        doc.line(company[1])
        if c.r.random() < 0.6:
            doc.line("Phone: ", c.phone())
        doc.prefix = ""
    return doc, ".eml", "utf-8"


def _mail_paragraph(doc: Doc, c: Ctx, me, them) -> None:
    other = c.person(0.0)
    label, lk = c.look()
    p = c.r.randint(0, 7)
    if p == 0:
        doc.line(
            "Please find the revised PI attached. ",
            label,
            ": ",
            lk,
            ". 请查收附件中更新后的形式发票。",
        )
        doc.line(
            "Our bank details have not changed: IBAN ", c.iban(), ", beneficiary ", w.OURS[1], "."
        )
    elif p == 1:
        doc.line(
            "关于上周的质量问题，我们的工程师",
            c.titled(other),
            "会在",
            f"{c.day():%m月%d日}",
            "到贵司现场处理，",
        )
        doc.line("他的电话是", c.mobile(), "，有问题可以直接联系他。")
    elif p == 2:
        doc.line(
            "Our driver ",
            c.name(other),
            " will deliver with truck ",
            c.plate(),
            "; please call him at ",
            c.mobile(),
            " on arrival.",
        )
    elif p == 3:
        doc.line(
            "For the visa invitation letter we need: full name ",
            c.name(them, "en"),
            ", passport no. ",
            c.passport()[1],
            ", date of birth ",
            c.dob(c.born(25, 60), zh=False),
            ".",
        )
    elif p == 4:
        doc.line(
            "The shipment left on ",
            look(f"{c.day():%d.%m.%Y}"),
            ", ",
            c.labelled_look(),
            ". ETA two weeks.",
        )
        doc.line(
            "Firmware ",
            look(
                f"{c.r.randint(1, 5)}.{c.r.randint(0, 9)}.{c.r.randint(0, 40)}.{c.r.randint(1, 200)}"
            ),
            " fixes the E4 error.",
        )
    elif p == 5:
        doc.line(
            "请将款项汇入以下账户：户名 ",
            c.name(them, "zh"),
            "，开户行 中国建设银行佛山分行，卡号 ",
            c.card(),
            "。",
        )
    elif p == 6:
        doc.line(
            "Thanks for meeting ",
            c.name(other, "en"),
            " and me at the Canton Fair. As discussed, the MOQ is 500 pcs per model (",
            label,
            " ",
            lk,
            ").",
        )
    else:
        doc.line(
            "如有疑问请联系",
            c.name(other, "zh"),
            "（",
            c.phone(),
            "，",
            c.email(other, DOMAIN),
            "）。",
        )


NICKS = [
    "海阔天空",
    "🍀四叶草",
    "静待花开",
    "A-顺德五金",
    "阳光总在风雨后",
    "老司机",
    "Sunshine☀",
    "小太阳",
    "平安是福",
]
PROBLEMS = [
    "开机十分钟就停机，显示E4",
    "制冷效果差，出风口不凉",
    "内机漏水，滴到地板上",
    "遥控器没反应",
    "电饭煲煮饭夹生，按键失灵",
    "热水器打不着火，报E1",
    "洗碗机不排水",
    "外机噪音很大",
]


def _chat_message(c: Ctx, people: list, speaker) -> list[object]:
    other = c.r.choice(people)
    label, lk = c.look()
    m = c.r.randint(0, 11)
    if m == 0:
        return [
            "@",
            c.name(other, "zh" if other.zh else "first"),
            " ",
            PROBLEMS[c.r.randint(0, 7)],
            "，客户催了",
        ]
    if m == 1:
        return ["客户电话 ", c.mobile(), "，地址 ", c.address(), "，麻烦今天安排"]
    if m == 2:
        return ["收到👌"]
    if m == 3:
        return ["我让", c.titled(other), "过去看一下，他开的车是", c.plate()]
    if m == 4:
        return [label, " ", lk, " 这个已经发货了"]
    if m == 5:
        return [
            "Hi ",
            c.name(other, "first"),
            ", can you send me the invoice? My email is ",
            c.email(speaker),
        ]
    if m == 6:
        return ["定位：", c.coords(), " 就在工业园门口"]
    if m == 7:
        return ["好的，谢谢", c.titled(other)]
    if m == 8:
        born = c.born()
        return [
            "新同事",
            c.name(other, "zh" if other.zh else "en"),
            "的身份证 ",
            c.rid(born),
            " 已发给人事",
        ]
    if m == 9:
        return c.pick(
            ["[图片]"],
            ["客户", c.titled(c.person(0.0)), "说上次", c.titled(other), "修完第二天又坏了"],
            ["[语音] 0:12"],
            ["Pls call ", c.name(other, "first"), " asap, the customer is waiting"],
        )
    if m == 10:
        return [
            "物料 ",
            look(f"1{c.r.randint(3, 9)}{c.r.randint(10**8, 10**9 - 1)}"),
            " 缺货，预计",
            look(f"{c.day():%m/%d}"),
            "到",
        ]
    return [
        "明天",
        c.r.randint(8, 11),
        "点在",
        c.pick("北滘", "容桂", "乐从"),
        "仓库碰头，",
        c.name(other),
        "也来",
    ]


def chat(c: Ctx) -> tuple[Doc, str, str]:
    doc = Doc(nl=c.pick("\n", "\n", "\r\n"))
    people = [c.person(0.1) for _ in range(c.r.randint(2, 5))]
    style = c.r.randint(0, 2)
    d = c.day()
    if style == 0:
        doc.line(
            c.pick("微信聊天记录", "企业微信会话存档", "钉钉群聊导出"),
            " — ",
            c.pick("顺德售后一组", "外贸部", "仓库发货群", "与客户的对话"),
        )
        doc.line()
    for i in range(c.r.randint(6, 22)):
        p = c.r.choice(people)
        nick = c.r.random() < 0.15
        who: object = c.r.choice(NICKS) if nick else c.name(p, "zh" if p.zh else "en")
        if not nick and style == 2 and c.r.random() < 0.5:
            who = [who, c.pick("(佛山澜恒-售后)", "（外贸部）", "@澜恒电器")]
        t = f"{c.r.randint(8, 21):02d}:{c.r.randint(0, 59):02d}"
        msg = _chat_message(c, people, p)
        if style == 0:
            doc.line(f"{d:%Y-%m-%d} {t}:{c.r.randint(10, 59)} ", who)
            doc.line(msg)
            doc.line()
        elif style == 1:
            doc.line(f"[{d.month}/{d.day}/{d.year} {t}] ", who, ": ", msg)
        else:
            if i == 0 or c.r.random() < 0.1:
                doc.line(f"—— {d.year}年{d.month}月{d.day}日 ——")
            doc.line(who, "  ", t)
            doc.line(msg)
    return doc, ".txt", c.pick("utf-8", "utf-8", "gbk")


def ticket(c: Ctx) -> tuple[Doc, str, str]:
    doc = Doc(nl=c.pick("\n", "\r\n"))
    cust, eng = c.person(0.1), c.person(0.0)
    zh = bool(cust.zh)
    label, lk = c.look()
    d = c.day()
    if zh:
        doc.line("售后服务工单 After-sales ticket")
        doc.line("工单编号：", look(f"WO{d:%y%m%d}{c.r.randint(10000, 99999)}"))
        doc.line("创建时间：", f"{d:%Y-%m-%d} {c.r.randint(8, 20):02d}:{c.r.randint(0, 59):02d}")
        doc.line("客户：", c.name(cust, "zh") if c.r.random() < 0.6 else c.titled(cust))
        doc.line("联系电话：", c.phone(), *(["  备用：", c.phone()] if c.r.random() < 0.3 else []))
        doc.line(c.pick("安装地址：", "上门地址：", "地址："), c.address())
        doc.line("产品型号：", look(w.PRODUCTS[c.r.randint(0, 8)][2]), "    ", label, "：", lk)
        doc.line("购买日期：", look(f"{c.day():%Y-%m-%d}"))
        doc.line(
            "故障描述（客户原话）：“",
            PROBLEMS[c.r.randint(0, 7)],
            "，",
            c.pick(
                ["我老公", c.name(c.person(0.0), "zh"), "昨天已经打过电话了"],
                ["上次来的", c.titled(eng), "说要换主板"],
                ["有事打我女儿电话", c.mobile()],
                ["小区门口车牌", c.plate(), "的车位可以停"],
            ),
            "”",
        )
        if c.r.random() < 0.4:
            doc.line(
                "来电记录：客户",
                c.titled(cust),
                "来电称",
                c.pick("已预约", "第三次报修", "要求退货"),
                "，另留座机 ",
                Seg("phone", c.r.choice(["0757-", "020-"]) + str(c.r.randint(22000000, 89999999))),
            )
        doc.line("处理记录：")
        for _ in range(c.r.randint(1, 4)):
            e2 = c.person(0.0)
            doc.line(
                f"{c.day():%Y-%m-%d} ",
                c.titled(e2),
                c.pick(
                    "上门检测，外机电容鼓包，已更换",
                    "电话回访，客户表示已正常",
                    "检测压缩机绝缘正常，建议补氟",
                    "待配件，配件单号",
                ),
                *([" ", c.look()[1]] if c.r.random() < 0.3 else []),
                "。",
            )
        doc.line(
            "服务工程师：",
            c.name(eng, "zh"),
            "（工号 ",
            look(f"{c.r.randint(100000, 999999)}"),
            "）",
        )
    else:
        doc.line(
            f"Ticket #{c.r.randint(100000, 999999)}  |  Priority: {c.pick('P1', 'P2', 'P3')}  |  Status: {c.pick('Open', 'Closed', 'Pending parts')}"
        )
        doc.line("Customer: ", c.name(cust, "en"), " (", c.email(cust), ")")
        doc.line("Phone: ", c.phone())
        doc.line("Site: ", c.address(zh=False))
        doc.line("Unit: ", look(w.PRODUCTS[c.r.randint(0, 8)][2]), ", ", label, " ", lk)
        doc.line()
        doc.line(
            'Customer wrote: "',
            c.pick(
                "The unit trips the breaker every night.",
                "Error E4 again after your visit.",
                "Water leaking from the indoor unit.",
            ),
            " ",
            c.pick(
                ["Please ask ", c.name(eng, "en"), " to call me back."],
                ["My neighbour ", c.name(c.person(0.9), "en"), " has the same issue."],
                ["I am home after 6pm, mobile ", c.phone(), "."],
            ),
            '"',
        )
        doc.line()
        doc.line(
            "Engineer notes (",
            c.name(eng, "en"),
            "): replaced PCB ",
            look(w.PRODUCTS[c.r.randint(0, 8)][2]),
            ", tested 30 min, ",
            "readings ",
            look(f"{c.r.randint(210, 240)}.{c.r.randint(0, 9)} V"),
            ". Remote session from ",
            c.ip(0.0),
            ".",
        )
    return doc, ".txt", c.pick("utf-8", "utf-8", "utf-8-sig", "gbk") if zh else "utf-8"


def service(c: Ctx) -> tuple[Doc, str, str]:
    """A warranty registration card or a technician's service report, in prose."""
    doc = Doc(nl="\n")
    cust, eng = c.person(0.2), c.person(0.0)
    born = c.born()
    if cust.zh and c.r.random() < 0.6:
        doc.line("产品保修登记卡")
        doc.line()
        doc.put(
            "本人",
            c.name(cust, "zh"),
            "（",
            c.pick("身份证号", "证件号码"),
            " ",
            c.rid(born),
            "），",
            "于",
            look(f"{c.day():%Y年%m月%d日}"),
            "在",
            c.pick("顺德大润发", "京东自营", "天猫旗舰店", "国美电器乐从店"),
            "购买",
            w.PRODUCTS[c.r.randint(0, 8)][0],
            "一台，整机条码 ",
            c.look()[1],
            "。安装地址为",
            c.address(),
            "，联系电话",
            c.mobile(),
            "。",
        )
        doc.line(
            "如需上门服务，请提前联系本人或家属",
            c.name(c.person(0.0), "zh"),
            "（",
            c.mobile(),
            "）。",
        )
        doc.line()
        doc.line(
            "出生日期：",
            c.dob(born),
            "        会员卡号：",
            look(f"VIP{c.r.randint(10**9, 10**10)}"),
        )
        doc.line("登记人签名：", c.name(cust, "zh"), "        日期：", look(f"{c.day():%Y/%m/%d}"))
    else:
        d = c.day()
        doc.line("SERVICE REPORT / 服务报告")
        doc.line()
        doc.put(
            "On ",
            look(
                f"{d.day} {['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][d.month - 1]} {d.year}"
            ),
            " our technician ",
            c.name(eng, "en"),
            " visited ",
            c.titled(cust),
            " at ",
            c.address(zh=False),
            ". ",
        )
        doc.put("The check-in location recorded by the app was ", c.coords(), ". ")
        doc.line(
            "The unit (",
            c.labelled_look(),
            ") showed error E",
            c.r.randint(1, 9),
            " after ",
            look(f"{c.r.randint(100, 9999)}"),
            " running hours.",
        )
        doc.line()
        doc.line(
            "The customer, ",
            c.name(cust, "en"),
            ", asked that the invoice be sent to ",
            c.email(cust),
            " and that the refund of the call-out fee go to card ",
            c.card(),
            ".",
        )
        doc.line(
            "Parts replaced: ",
            c.look()[1],
            " (tolerance ",
            look(f"±0.{c.r.randint(1, 9)}"),
            " mm). Next maintenance due ",
            look(f"{c.day():%Y-%m-%d}"),
            ".",
        )
        doc.line("Signed: ", c.name(eng), "    Customer signature: ", c.name(cust, "en"))
    return doc, ".txt", "utf-8"
