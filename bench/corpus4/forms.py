"""Onboarding and HR forms: label：value lines, tables of family and emergency contacts,
expatriates' forms in English or German; births, identity and passport numbers, salary
accounts, beside the dates that are no births (joining, issue, expiry)."""

from __future__ import annotations

from datetime import timedelta
from random import Random

from bench.corpus4 import numbers as n
from bench.corpus4 import parts
from bench.corpus4 import people as pp
from bench.corpus4.doc import Doc, F, Piece, V


def _field(d: Doc, label: str, sep: str, *value: Piece) -> None:
    d.line(label, sep, *value)


def _local(rng: Random, d: Doc) -> None:
    p = pp.person(rng, 0.0)
    born = n.birth(rng, 18, 55)
    sep = rng.choice(("：", "：", ": ", "\t"))
    d.line(rng.choice(("佛山市顺德区科瑞电器有限公司", "广东美源暖通设备有限公司")))
    d.line(
        rng.choice(("员工入职登记表", "新员工信息登记表 Employee Onboarding Form", "入职申请表"))
    )
    d.line()
    _field(d, "姓名", sep, V("person_name", p.full))
    if p.english != p.latin:
        _field(d, "英文名", sep, V("person_name", p.english))
    _field(d, "性别", sep, "女" if p.female else "男")
    label = rng.choice(("出生日期", "出生年月日", "生日", "出生日期(公历)"))
    _field(d, label, sep, parts.dob(rng, born))
    _field(d, "民族", sep, rng.choice(("汉", "汉族", "壮族", "瑶族")))
    _field(
        d,
        rng.choice(("身份证号码", "身份证号", "证件号码")),
        sep,
        V("resident_id", n.resident_id(rng, born, p.female)),
    )
    if rng.random() < 0.3:
        issued = pp.business_day(rng) - timedelta(days=rng.randint(200, 3000))
        _field(d, "护照号码", sep, V("passport", n.passport(rng)))
        d.line(
            "签发日期",
            sep,
            F(pp.written(rng, issued)),
            "    有效期至",
            sep,
            F(pp.written(rng, issued + timedelta(days=3652))),
        )
    _field(d, "手机号码", sep, V("phone", n.mobile_written(rng)))
    if rng.random() < 0.7:
        _field(d, "个人邮箱", sep, V("email", pp.email(rng, p, False)))
    _field(d, "户籍地址", sep, V("address", pp.address_cn(rng, True)))
    if rng.random() < 0.6:
        _field(d, "现居住地址", sep, V("address", pp.address_cn(rng, True)))
    _field(d, "入职日期", sep, F(pp.written(rng, pp.business_day(rng))))
    _field(
        d,
        "部门/岗位",
        sep,
        rng.choice(("总装车间/操作工", "品质部/IQC", "售后服务部/维修工程师", "财务部/出纳")),
    )
    _field(
        d,
        "工资卡开户行",
        sep,
        rng.choice(("中国农业银行佛山北滘支行", "中国建设银行顺德支行", "顺德农商银行")),
    )
    _field(d, "工资卡号", sep, V("bank_card", n.grouped(n.bank_card(rng), rng)))
    if rng.random() < 0.4:
        _field(d, "车牌号（停车登记）", sep, V("licence_plate", n.plate(rng)))
    d.line()
    d.line("紧急联系人")
    style = rng.randrange(2)
    if style == 0:
        d.line("| 姓名 | 关系 | 电话 | 地址 |")
        d.line("|---|---|---|---|")
    else:
        d.line("姓名\t关系\t电话\t地址")
    for _ in range(rng.randint(1, 3)):
        c = pp.person(rng, 0.0)
        rel = rng.choice(("父亲", "母亲", "配偶", "哥哥", "姐姐", "朋友"))
        cells: list[list[Piece]] = [
            [V("person_name", c.full)],
            [rel],
            [V("phone", n.mobile_written(rng))],
            [V("address", pp.address_cn(rng, True))] if rng.random() < 0.5 else ["同上"],
        ]
        if style == 0:
            d.line("| ", *cells[0], " | ", *cells[1], " | ", *cells[2], " | ", *cells[3], " |")
        else:
            d.line(*cells[0], "\t", *cells[1], "\t", *cells[2], "\t", *cells[3])
    d.line()
    d.line(
        "家庭成员：",
        *parts.addressed(rng, pp.person(rng, 0.0)),
        "（",
        rng.choice(("父", "母", "配偶")),
        "），",
        "出生于",
        V("date_of_birth", f"{n.birth(rng, 45, 75).year}年{rng.randint(1, 12)}月"),
    )
    d.line(
        "本人承诺以上信息真实有效。  签名：__________   日期：",
        F(pp.written(rng, pp.business_day(rng))),
    )
    d.line(*parts.business_lookalike(rng, pp.business_day(rng)))


def _expat(rng: Random, d: Doc) -> None:
    p = pp.person(rng, 1.0)
    born = n.birth(rng, 25, 60)
    german = rng.random() < 0.4
    lang = "de" if german else "en"
    d.line(
        "Personalbogen / Expatriate Assignment"
        if german
        else "EXPATRIATE ONBOARDING FORM / 外籍员工入职表"
    )
    d.line("=" * 40)
    d.line(
        "Name: " if not german else "Name, Vorname: ",
        V("person_name", p.full if not german else f"{p.surname}, {p.given}"),
    )
    d.line(*parts.birth_field(rng, born, lang))
    d.line(
        "Nationality: ",
        rng.choice(("German", "British", "French", "Vietnamese", "Indian", "Japanese", "American")),
    )
    country = rng.choice(("DE", "GB", "FR", "US", "JP", "IN", "VN"))
    issued = pp.business_day(rng) - timedelta(days=rng.randint(100, 3000))
    d.line(
        rng.choice(
            (
                "Passport No.: ",
                "Reisepass-Nr.: " if german else "Passport number: ",
                "护照号码 Passport: ",
            )
        ),
        V("passport", n.passport(rng, country)),
    )
    d.line(
        "Date of issue: ",
        F(pp.written(rng, issued, lang)),
        "   Date of expiry: ",
        F(pp.written(rng, issued + timedelta(days=3650), lang)),
    )
    d.line(
        "Work permit no.: ",
        F(f"{n.digits(rng, 18, '1')}"[:18]) if rng.random() < 0.3 else F(f"WP{n.digits(rng, 10)}"),
    )
    d.line("Home address: ", V("address", pp.address_en(rng)))
    d.line(
        "Local address: ",
        V("address", pp.address_cn(rng, True) if rng.random() < 0.5 else pp.address_en(rng)),
    )
    d.line(
        "Mobile (CN): ",
        V("phone", n.mobile_written(rng)),
        "   Mobile (home): ",
        V("phone", n.intl_phone(rng)),
    )
    d.line("E-mail: ", V("email", pp.email(rng, p, True)))
    acct = n.iban(rng)
    d.line(
        "Salary account (home country): IBAN ",
        V("iban", n.iban_spaced(acct) if rng.random() < 0.6 else acct),
    )
    d.line(
        "Start date: ", F(pp.written(rng, pp.business_day(rng), lang)), "   Assignment: 24 months"
    )
    spouse = pp.person(rng, 1.0)
    d.line(
        "Accompanying family: ",
        V("person_name", spouse.full),
        " (spouse), born ",
        parts.dob(rng, n.birth(rng, 25, 60), lang),
    )
    if rng.random() < 0.5:
        d.line(
            "Emergency contact: ",
            *parts.addressed(rng, pp.person(rng, 0.6), "en"),
            ", ",
            parts.phone(rng, 0.2),
        )


def make(rng: Random) -> tuple[Doc, str, str]:
    d = Doc("\r\n" if rng.random() < 0.3 else "\n")
    if rng.random() < 0.75:
        _local(rng, d)
        encoding = "gbk" if rng.random() < 0.2 else "utf-8"
    else:
        _expat(rng, d)
        encoding = "utf-8"
    return d, "txt", encoding
