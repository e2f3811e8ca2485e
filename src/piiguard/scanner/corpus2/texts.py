"""Prose layouts: Outlook-style mail (headers, greeting, quoted reply, signature), HR
onboarding forms (bilingual labels, several fields a line), after-sales tickets, chat
transcripts."""

from __future__ import annotations

from piiguard.scanner.corpus2.build import LOOKALIKE, Cell, File, L
from piiguard.scanner.corpus2.values import COMPANY_DOMAINS, Person, Values

_ROLES = ("工程师", "售后顾问", "技术员", "客服专员", "经理")
_FAULTS = (
    "仪表盘偶发黑屏，重启后恢复。",
    "充电桩无法识别车辆，提示通信故障。",
    "空调异响，低速时明显。",
    "The infotainment unit reboots every few minutes.",
    "倒车影像延迟约两秒。",
    "Door sensor reports open while closed.",
)
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri")


def _who(v: Values, p: Person) -> L:
    return L("person_name", p.latin if p.western or v.r.random() < 0.5 else p.zh)


def mail(v: Values, f: File) -> None:
    r = v.r
    sender, to, cc = v.person(0.3), v.person(0.5), v.person(0.2)
    f.line("From: ", L("person_name", sender.latin), " <", L("email", v.email(sender, True)), ">")
    f.line('To: "', L("person_name", to.latin), '" <', L("email", v.email(to, True)), ">")
    if r.random() < 0.5:
        f.line(
            "Cc: ", L("person_name", cc.zh or cc.latin), " <", L("email", v.email(cc, True)), ">"
        )
    f.line(f"Subject: RE: 售后问题跟进 / warranty claim {v.digits(6)}")
    day, hour, minute = r.randint(1, 28), r.randint(8, 19), r.randint(10, 59)
    f.line(f"Date: {r.choice(_WEEKDAYS)}, {day} Mar 2024 {hour}:{minute}:07 +0800")
    # a message id is shaped like an address but names no one
    f.line(
        "Message-ID: <",
        L(LOOKALIKE, f"{v.digits(12)}.{v.digits(5)}@mail.{r.choice(COMPANY_DOMAINS)}"),
        ">",
    )
    f.line("MIME-Version: 1.0")
    f.line('Content-Type: text/plain; charset="utf-8"')
    f.line("Content-Transfer-Encoding: 8bit")
    f.t("\n")
    if r.random() < 0.5:
        f.line("Hi ", L("person_name", to.given_py), ",")
    else:
        f.line("Dear ", L("person_name", to.latin), ",")
    f.t("\n")
    customer = v.person(0.0)
    f.line(
        "关于客户",
        L("person_name", customer.zh),
        "（手机 ",
        L("phone", v.mobile()),
        "）反馈的问题，我们已安排上门检测。",
    )
    f.line(
        "The affected part is P/N ",
        L(LOOKALIKE, v.part_number()),
        ", firmware ",
        L(LOOKALIKE, v.version()),
        ".",
    )
    if r.random() < 0.4:
        f.line("客户出生日期 ", L("date_of_birth", v.birth(customer)), "，需按延保政策核实年龄。")
    if r.random() < 0.3:
        f.line("Refund to IBAN ", L("iban", v.iban()), " as agreed.")
    f.line("请于 ", L(LOOKALIKE, v.other_date()), " 前回复。Please reply before then.")
    f.t("\n")
    f.line("Best regards / 此致")
    f.line("--")
    if sender.western:
        f.line(L("person_name", sender.latin))
    else:
        f.line(L("person_name", sender.latin), " ", L("person_name", sender.zh))
    f.line("After-sales Engineer | 售后工程师")
    f.line("M: ", L("phone", v.mobile()), " | T: ", L("phone", v.landline()))
    if r.random() < 0.6:
        f.line("Addr: ", L("address", v.address()))
    f.t("\n")
    f.line(
        f"> On {r.randint(1, 28)} Mar 2024, ",
        L("person_name", to.latin),
        " <",
        L("email", v.email(to, True)),
        "> wrote:",
    )
    f.line(
        "> Could you check the unit with serial ", v.serial(), "? Build ", L(LOOKALIKE, v.version())
    )
    f.line("> Thanks,")
    f.line("> ", L("person_name", to.given_py))


def hr_form(v: Values, f: File) -> None:
    r = v.r
    p = v.person(0.0)
    compact = r.random() < 0.5
    colon = r.choice(("：", ": ", "："))
    f.line(r.choice(("员工入职登记表 Employee Onboarding Form", "新员工信息表", "入职信息登记")))
    f.t("\n")
    name_cell: list[Cell] = [L("person_name", p.zh)]
    if r.random() < 0.6:
        name_cell += ["（", L("person_name", p.latin), "）"]
    fields: list[list[Cell]] = [
        [f"姓名 Name{colon}", *name_cell],
        [f"性别 Gender{colon}{r.choice(('男', '女'))}"],
        [f"出生日期 Date of Birth{colon}", L("date_of_birth", v.birth(p))],
        [f"民族{colon}汉"],
        [f"身份证号码 ID No.{colon}", L("resident_id", v.resident_id(p))],
        [f"手机 Mobile{colon}", L("phone", v.mobile())],
        [f"邮箱 E-mail{colon}", L("email", v.email(p))],
        [f"现住址 Address{colon}", L("address", v.address())],
        [f"开户行 Bank{colon}招商银行深圳分行"],
        [f"银行账号 Account No.{colon}", L("bank_account", v.bank_account())],
        [f"入职日期 Start date{colon}", L(LOOKALIKE, v.other_date())],
    ]
    if r.random() < 0.6:
        fields.insert(5, [f"护照号 Passport No.{colon}", L("passport", v.passport())])
    kin = v.person(0.0)
    fields.append(
        [
            f"紧急联系人 Emergency contact{colon}",
            L("person_name", kin.zh),
            f"（{r.choice(('配偶', '父亲', '母亲'))}） ",
            L("phone", v.mobile()),
        ]
    )
    if compact:
        for i in range(0, len(fields), 2):
            f.line(*fields[i], *(["    ", *fields[i + 1]] if i + 1 < len(fields) else []))
    else:
        for field in fields:
            f.line(*field)
    f.t("\n")
    f.line("本人承诺以上信息真实有效。签名 Signature：", L("person_name", p.zh))


def ticket(v: Values, f: File) -> None:
    r = v.r
    p = v.person(0.15)
    english = p.western
    lat, lng = v.coordinates()
    if english:
        f.line("Ticket No.: ", L(LOOKALIKE, v.order_number()))
        f.line("Customer: ", L("person_name", p.latin), "  Phone: ", L("phone", v.foreign_phone()))
        f.line("Vehicle plate: ", L("licence_plate", v.plate()), "  Model: ", v.model())
        f.line(
            "Firmware version: ",
            L(LOOKALIKE, v.version()),
            "  P/N: ",
            L(LOOKALIKE, v.part_number()),
        )
        f.line("Location: ", L("coordinates", f"{lat}, {lng}"))
        f.line("Issue: ", r.choice(_FAULTS))
        f.line(
            "Handled by engineer ",
            L("person_name", v.person(1.0).latin),
            " on ",
            L(LOOKALIKE, v.other_date("iso")),
            ".",
        )
        return
    f.line("售后工单")
    f.line(
        "工单号：",
        L(LOOKALIKE, v.order_number()),
        "   创建时间：",
        f"{v.other_date('iso')} {r.randint(8, 20)}:{r.randint(10, 59)}",
    )
    f.line(
        r.choice(("客户：", "联系人：", "报修人：")),
        L("person_name", p.zh),
        "  联系电话：",
        L("phone", v.mobile()),
    )
    f.line("车牌：", L("licence_plate", v.plate()), "  车型：", v.model(), "  序列号：", v.serial())
    f.line("固件版本：", L(LOOKALIKE, v.version()), "  零件号：", L(LOOKALIKE, v.part_number()))
    if r.random() < 0.5:
        f.line("故障位置坐标：", L("coordinates", f"{lat}, {lng}"))
    f.line("故障描述：", r.choice(_FAULTS))
    engineer = v.person(0.0)
    f.line(
        "处理记录：",
        r.choice(_ROLES),
        L("person_name", engineer.zh),
        " 已于 ",
        L(LOOKALIKE, v.other_date("zh")),
        " 上门检测，更换零件后恢复正常。",
    )
    if r.random() < 0.4:
        f.line("回访：", L("person_name", v.person(0.0).zh), "已电话回访，客户满意。")


def chat(v: Values, f: File) -> None:
    r = v.r
    p = v.person(0.1)
    agent = f"客服{r.randint(1, 99):03d}"
    stamp = f"{v.other_date('iso')} {r.randint(8, 20):02d}:"
    minute = r.randint(0, 40)

    def say(who: str | L, *cells: str | L) -> None:
        nonlocal minute
        minute += 1
        f.line(f"[{stamp}{minute:02d}:{r.randint(10, 59)}] ", who, ": ", *cells)

    me = L("person_name", p.name)
    if p.western:
        say("Agent " + agent, "Hello, how can I help you today?")
        say(me, "My order ", L(LOOKALIKE, v.order_number()), " has not arrived.")
        say("Agent " + agent, "Could you confirm your phone number and delivery address?")
        say(me, L("phone", v.foreign_phone()), ", ", L("address", v.us_address()))
        say("Agent " + agent, "Thanks. The card on file ends with 4 digits; shall I refund to it?")
        say(me, "Please use this one instead: ", L("credit_card", v.credit_card()))
        return
    say(agent, "您好，请问有什么可以帮您？")
    say(me, "我上周买的配件还没到，订单号 ", L(LOOKALIKE, v.order_number()))
    say(agent, "麻烦提供一下下单手机号和收货人姓名。")
    say(me, L("person_name", p.zh), "，", L("phone", v.mobile()))
    say(agent, "收货地址是 ", L("address", v.address()), " 对吗？")
    say(me, "对的。")
    if r.random() < 0.5:
        say(agent, "开发票需要身份证号。")
        say(me, L("resident_id", v.resident_id(p)))
    if r.random() < 0.4:
        say(me, "退款打到我的银行卡吧：", L("bank_card", v.bank_card()))
    say(agent, "好的，零件号 ", L(LOOKALIKE, v.part_number()), " 明天发出。")
