"""Corpus 12's chat exports: WeChat (留痕-style), WeCom, DingTalk, Feishu, Teams, WhatsApp
(Android and iOS), Telegram; bilingual, with voice-to-text messages."""

from __future__ import annotations

from bench.corpus12.out import Out, text_file
from bench.corpus12.people import P, Piece, person
from bench.corpus12.values import LINES, Doc, Gen

L = "lookalike"


def message(g: Gen, me: P, other: P) -> list[Piece]:  # noqa: PLR0911, PLR0912 - one per kind
    r = g.r
    k = r.randrange(16)
    if k == 0:
        return ["安装地址是 ", ("address", g.address()), "，到了打我电话 ", ("phone", g.mobile())]
    if k == 1:
        return [
            "[语音转文字] 喂你好 那个 我是",
            ("person_name", me.name),
            " 嗯 电话是 ",
            ("phone", g.mobile(r.choice((0, 2, 3)))),
            " 对 就是这个号码 灯还是不亮啊",
        ]
    if k == 2:
        return ["[位置] ", ("address", g.address()), " (", ("coordinates", g.coords()), ")"]
    if k == 3:
        return [
            "车已到门口，车牌 ",
            ("licence_plate", g.plate()),
            "，司机 ",
            ("person_name", g.cn()),
            " ",
            ("phone", g.mobile()),
        ]
    if k == 4:
        born = g.birth()
        return [
            "入职资料：身份证 ",
            ("resident_id", g.rid(born)),
            "，生日 ",
            ("date_of_birth", g.dob(born)),
            "，工资卡 ",
            ("bank_card", g.bank_card()),
        ]
    if k == 5:
        return ["pls send the invoice to ", ("email", other.email), " and cc ", ("email", me.email)]
    if k == 6:
        return [
            "deposit paid with card ",
            ("credit_card", g.credit_card()),
            ", ref ",
            (L, g.uuid()),
        ]
    if k == 7:
        return [
            "单号 ",
            (L, g.waybill()),
            "，",
            (L, g.product()),
            " 已发，预计 ",
            (L, g.when()),
            " 到",
        ]
    if k == 8:
        return ["固件升到 ", (L, g.version4()), " 了吗？序列号 ", (L, g.serial16())]
    if k == 9:
        return [
            "The wifi pwd for the showroom is ",
            ("secret", g.secret()),
            " (router ",
            ("ip_address", g.ip()),
            ")",
        ]
    if k == 10:
        return [f"{r.choice(LINES)} 报价 ¥{r.randint(30, 900)}.00，料号 ", (L, g.part_mobile())]
    if k == 11:
        return [
            "passport no ",
            ("passport", g.passport(r.choice(["SG", "VN", "PH", "MY"]))),
            ", born ",
            ("date_of_birth", g.dob()),
            ", visa till ",
            (L, g.when()),
        ]
    if k == 12:
        return ["call ", ("person_name", other.latin), " at ", ("phone", other.phone), " ok?"]
    if k == 13:
        return [
            r.choice(
                [
                    "好的 收到👌",
                    "ok noted",
                    "[图片]",
                    "明天再说",
                    "[Sticker]",
                    "thx!!",
                    "哈哈 好",
                    "稍等 我问下仓库",
                ]
            )
        ]
    if k == 14:
        return ["对公账户 ", ("bank_account", g.bank_account()), "，开户行 中国工商银行江门分行"]
    if r.random() < 0.5:
        return [
            "refund pls to my EU account, IBAN ",
            ("iban", g.iban()),
            " (",
            ("person_name", me.latin),
            ")",
        ]
    return ["IMEI ", (L, g.imei()), " 那台网关重新绑定了，订单 ", g.order_no()]


def write_chat(g: Gen, i: int) -> Out:
    r = g.r
    style = r.choice(
        ["wechat", "wecom", "dingtalk", "feishu", "teams", "whatsapp", "whatsapp_ios", "telegram"]
    )
    latin = style in ("teams", "whatsapp", "whatsapp_ios", "telegram")
    a = person(g, r.choice(["SG", "VN", "CN"]) if latin else "CN")
    b = person(g, "CN", staff=True)
    doc = Doc(nl="\r\n" if r.random() < 0.2 else "\n")
    if style == "telegram":
        doc.line("Telegram Desktop export — chat with ", ("person_name", a.latin))
    elif style == "wechat":
        doc.line("与", ("person_name", a.name), "的聊天记录")
    day = g.day()
    for n in range(r.randint(4, 16)):
        who = a if r.random() < 0.5 else b
        me, other = (a, b) if who is a else (b, a)
        name = who.latin if latin else who.name
        hh, mm = 8 + n // 3, r.randint(0, 59)
        body = message(g, me, other)
        if style == "wechat":
            doc.line(f"{day} {hh:02d}:{mm:02d}:{r.randint(0, 59):02d} ", ("person_name", name))
            doc.line(*body).t("\n")
        elif style == "wecom":
            doc.line(
                ("person_name", name), f"(光逸照明) {day.month:02d}-{day.day:02d} {hh:02d}:{mm:02d}"
            )
            doc.line(*body)
        elif style == "dingtalk":
            doc.line(
                f"[{day.year}/{day.month}/{day.day} {hh}:{mm:02d}] ",
                ("person_name", name),
                ": ",
                *body,
            )
        elif style == "feishu":
            doc.line(("person_name", name), f"  {hh:02d}:{mm:02d}")
            doc.line(*body).t("\n")
        elif style == "teams":
            doc.line(
                f"[{day.month}/{day.day}/{day.year} {hh % 12 or 12}:{mm:02d} "
                f"{'AM' if hh < 12 else 'PM'}] ",
                ("person_name", name),
            )
            doc.line(*body)
        elif style == "whatsapp":
            doc.line(
                f"{day.day}/{day.month}/{day.year % 100}, {hh}:{mm:02d} - ",
                ("person_name", name),
                ": ",
                *body,
            )
        elif style == "whatsapp_ios":
            doc.line(
                f"[{day.day:02d}/{day.month:02d}/{day.year}, {hh:02d}:{mm:02d}:00] ",
                ("person_name", name),
                ": ",
                *body,
            )
        else:
            doc.line(
                ("person_name", name),
                f", [{day.day:02d}.{day.month:02d}.{day.year} {hh:02d}:{mm:02d}]",
            )
            doc.line(*body).t("\n")
    ext = "txt" if style != "feishu" else "md"
    return text_file(f"chat/{style}_{i:04d}.{ext}", "chat", doc)
