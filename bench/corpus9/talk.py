"""Chat exports (WeChat, DingTalk) and after-sales tickets: people writing to each other in
short lines, values dropped in passing."""

from __future__ import annotations

from bench.corpus9 import values as v
from bench.corpus9.doc import Doc, Item, V
from bench.corpus9.world import World


def _message(w: World, speaker: v.Person, other: v.Person) -> list[Item]:  # noqa: PLR0911, PLR0912 - one branch a kind of message
    """One chat message's body (after its speaker line)."""
    r = w.rng
    choice = r.randrange(22)
    if choice == 0:
        return ["客户电话 ", w.phone(), "，地址：", w.address()]
    if choice == 1:
        return ["@", w.name(other), " 帮我订下周一去上海的机票，身份证号 ", w.rid(speaker)]
    if choice == 2:
        return [
            "护照号",
            r.choice(["：", " ", ":"]),
            V("passport", v.passport(r, speaker.abroad)),
            "，出生日期 ",
            w.dob(speaker),
            "，签证用",
        ]
    if choice == 3:
        return ["[位置] ", w.coords(), " ", w.pick("客户现场", "仓库门口", "北滘收费站附近")]
    if choice == 4:
        return ["物料号 ", v.part_number(r), " 还差", str(r.randint(20, 900)), "件，催一下"]
    if choice == 5:
        return ["已发顺丰 ", v.tracking(r), "，明天到"]
    if choice == 6:
        return [
            "司机",
            w.name(w.local()),
            "，车牌 ",
            V("licence_plate", v.plate(r)),
            "，电话 ",
            w.phone(),
        ]
    if choice == 7:
        return ["报销打到我工资卡吧 ", V("bank_card", v.card(r, credit=False))]
    if choice == 8:
        return [*w.titled(other), "，订单 ", v.order_no(r), " 今天能出货吗？"]
    if choice == 9:
        return ["ok 收到", w.pick("", "👍", "，谢谢")]
    if choice == 10:
        return ["固件升级到 ", v.version(r), " 之后就正常了"]
    if choice == 11:
        return ["新同事", *w.full(w.local()), "，邮箱 ", w.email(w.local()), "，大家多关照"]
    if choice == 12:
        return ["Please cc ", w.name(w.one(abroad=True)), " on the quote, thanks"]
    if choice == 13:
        return [
            "VPN 账号 ",
            w.latin(speaker).text.lower().replace(" ", "."),
            " 密码 ",
            V("secret", v.password(r)),
            "，用完改掉",
        ]
    if choice == 14:
        return ["", v.place(r), "仓今天盘点，", v.model(r), " 只剩", str(r.randint(2, 40)), "台"]
    if choice == 15:
        return ["公司卡 ", V("credit_card", v.card(r, credit=True)), " 付的酒店，发票抬头写公司"]
    if choice == 16:
        return ["他老婆", w.name(w.local()), "电话 ", w.phone(), "，紧急联系人"]
    if choice == 17:
        return ["服务器 ", V("ip_address", v.ipv4(r)), " 又连不上了"]
    if choice == 18:
        return ["批次号 ", v.batch18(r), "，序列号 ", v.serial(r)]
    if choice == 19:
        return [
            "",
            w.name(other),
            "，你把",
            w.pick("合同", "报价", "图纸"),
            "发我邮箱 ",
            w.email(speaker),
        ]
    if choice == 20:
        return ["收货人 ", w.name(w.local()), " ", w.phone(), " ", w.address()]
    return ["下午3点开会，", w.pick("会议室B", "二楼", "线上"), "，", v.plain_date(r), " 之前交"]


def chat(w: World) -> tuple[str, Doc]:
    r = w.rng
    people = [w.one() for _ in range(r.randint(2, 6))]
    doc = Doc()
    dingtalk = w.chance(0.4)
    group = w.pick("顺德工厂-售后对接群", "采购部", "Nordbau CN-DE project", "仓库发货群", "")
    if dingtalk:
        doc.line("钉钉聊天记录 ", group or "单聊")
    else:
        doc.line("微信聊天记录导出  ", "群聊：" + group if group else "私聊")
        doc.line("导出时间：", w.when().strftime("%Y-%m-%d %H:%M"))
        doc.line("————————————————")
    at = w.when()
    for _ in range(r.randint(6, 22)):
        speaker = r.choice(people)
        other = r.choice([p for p in people if p is not speaker] or people)
        at = at.replace(minute=(at.minute + r.randint(0, 9)) % 60)
        if dingtalk:
            doc.line(
                "[",
                at.strftime("%Y/%-m/%-d %H:%M"),
                "] ",
                w.name(speaker),
                "：",
                *_message(w, speaker, other),
            )
        else:
            alias: list[Item] = []
            if speaker.en and not speaker.abroad and w.chance(0.5):
                alias = ["(", V("person_name", speaker.en), ")"]
            doc.line(at.strftime("%Y-%m-%d %H:%M:%S"), " ", w.name(speaker), *alias)
            doc.line(*_message(w, speaker, other))
            doc.line()
    return ("txt" if w.chance(0.8) else "log"), doc


FAULTS = ("封口温度不稳定", "伺服报警 E-203", "触摸屏黑屏", "切刀卡料", "气压不足报警", "无法联网")


def ticket(w: World) -> tuple[str, Doc]:
    r = w.rng
    customer, engineer = w.local(), w.local()
    doc = Doc()
    english = w.chance(0.3)
    opened = w.when()
    if english:
        doc.line(
            "AFTER-SALES SERVICE TICKET #AS", opened.strftime("%Y%m%d"), f"{r.randint(100, 999)}"
        )
        doc.line(
            "Opened: ", opened.strftime("%Y-%m-%d %H:%M"), "   Priority: ", w.pick("P1", "P2", "P3")
        )
        doc.line("Customer: ", *w.full(customer), " (", v.company(r), ")")
        doc.line("Contact: ", w.phone(customer), " / ", w.email(customer))
        doc.line("Site address: ", w.address(english=True))
    else:
        doc.line(
            "售后服务工单", "  工单号：AS", opened.strftime("%Y%m%d"), str(r.randint(100, 999))
        )
        doc.line(
            "创建时间：",
            opened.strftime("%Y-%m-%d %H:%M"),
            "  来源：",
            w.pick("400热线", "微信", "邮件"),
        )
        doc.line("客户：", v.company(r), "  联系人：", *w.full(customer))
        doc.line("联系电话：", w.phone(customer), w.pick("", "（微信同号）"))
        doc.line("安装地址：", w.address())
    doc.line("Model / 型号: ", v.model(r), "   S/N: ", v.serial(r))
    doc.line("Firmware: ", v.version(r), "   Build: ", v.commit(r, short=True))
    doc.line("故障描述：", r.choice(FAULTS), "，", w.pick("客户说上周开始", "开机即出现", "偶发"))
    doc.line(
        "派工：",
        *w.role(engineer, w.pick("工程师", "技术员", "售后工程师")),
        "  ",
        w.phone(engineer),
    )
    if w.chance(0.6):
        doc.line(
            "出车：", V("licence_plate", v.plate(r)), "  里程 ", str(r.randint(12, 180)), " km"
        )
    doc.line("签到位置：", w.coords())
    doc.line("----- 处理记录 -----")
    for _ in range(r.randint(2, 6)):
        step = opened.replace(day=min(28, opened.day + r.randint(0, 3)))
        who = r.choice([engineer, customer])
        note = r.choice(
            [
                ["已电话联系客户，约明天上午上门"],
                ["更换备件 ", v.part_number(r), "，旧件寄回 ", v.tracking(r)],
                ["客户要求开发票，税号见附件，寄到 ", w.address()],
                ["远程登录 ", V("ip_address", v.ipv4(r)), " 查看日志，请求号 ", v.request_id(r)],
                ["客户", *w.titled(customer), "确认已恢复正常"],
                ["备件订单 ", v.order_no(r), " 已下，预计 ", v.plain_date(r), " 到"],
            ]
        )
        doc.line(step.strftime("%m-%d %H:%M"), " ", w.name(who), "：", *note)
    doc.line("客户签字：", w.name(customer), "   满意度：", w.pick("满意", "非常满意", "一般"))
    return w.pick("txt", "md"), doc
