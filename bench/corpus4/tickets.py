"""After-sales tickets: the customer's details as the call centre took them, the engineer's
notes in free text, the customer's own words quoted, parts and serial numbers."""

from __future__ import annotations

from random import Random

from bench.corpus4 import numbers as n
from bench.corpus4 import parts
from bench.corpus4 import people as pp
from bench.corpus4.doc import Doc, F, V

FAULTS = (
    "不制冷，外机不启动",
    "开机后显示E4代码",
    "漏水，室内机滴水严重",
    "噪音大，有异响",
    "遥控器失灵",
    "加热慢，温控器疑似损坏",
    "跳闸",
    "内胆涂层脱落",
)
FAULTS_EN = (
    "unit does not start",
    "error code E4 on display",
    "water leaking from indoor unit",
    "abnormal noise from compressor",
    "thermostat failure",
)


def _where(rng: Random, lat: float, lon: float) -> str:
    r = rng.random()
    if r < 0.5:
        return f"{lat:.6f},{lon:.6f}"
    if r < 0.75:
        return f"{lat:.5f}, {lon:.5f}"
    return f"{n.dms(lat, 'N', 'S')} {n.dms(lon, 'E', 'W')}"


def _zh(rng: Random, d: Doc) -> None:
    day = pp.business_day(rng)
    c = pp.person(rng, 0.02)
    eng = pp.person(rng, 0.0)
    d.line("【售后工单】", F(f"FW{day:%Y%m%d}{n.digits(rng, 4)}"))
    d.line("来电时间：", F(f"{day:%Y-%m-%d} {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}"))
    sur, title = pp.surname_title(rng, c)
    if rng.random() < 0.5:
        d.line("客户姓名：", V("person_name", c.full))
    else:
        d.line("客户：", V("person_name", sur), title if title else "")
    d.line(
        "联系电话：",
        parts.phone(rng, 0.85),
        *(["  备用：", parts.phone(rng, 0.5)] if rng.random() < 0.3 else []),
    )
    d.line("服务地址：", V("address", pp.address_cn(rng, True)))
    d.line("产品型号：", F(n.model(rng)), "   机身条码：", F(n.serial(rng)))
    d.line(
        "购买日期：",
        F(pp.written(rng, pp.business_day(rng))),
        "   ",
        *parts.business_lookalike(rng, day),
    )
    d.line("故障现象：", rng.choice(FAULTS))
    d.line()
    d.line("处理记录：")
    d.put(
        "1. ",
        F(f"{day.month}/{day.day}"),
        " ",
        *parts.addressed(rng, eng),
        "电话联系客户",
        V("person_name", sur),
    )
    d.line(title or "先生", "，约次日上午上门。")
    quote = rng.choice(
        (
            "机器买了不到一年就坏了，你们必须给我换新的",
            "师傅上次来过说是缺氟，加了还是不行",
            "我下午三点后才在家",
            "小区门口保安要登记车牌",
        )
    )
    d.line("2. 客户原话：“", quote, "”。")
    if rng.random() < 0.4:
        d.line("   上门车辆 ", V("licence_plate", n.plate(rng)), "，已报备物业。")
    d.line(
        "3. 检测：",
        rng.choice(("压缩机电容鼓包，更换", "主板烧毁，更换控制主板", "排水管堵塞，已疏通")),
        "，旧件编码 ",
        F(n.part_number_mobile(rng)),
        "，",
        *parts.business_lookalike(rng, day),
        "。",
    )
    if rng.random() < 0.35:
        d.line(
            "4. 客户要求退款，退款账户：",
            rng.choice(("建设银行", "工商银行", "农业银行")),
            " ",
            V("bank_card", n.grouped(n.bank_card(rng), rng)),
            "，户名 ",
            V("person_name", c.full),
            "。",
        )
    if rng.random() < 0.3:
        d.line("   客户身份证号：", V("resident_id", n.resident_id(rng)), "（延保登记用）")
    if rng.random() < 0.3:
        lat, lon = n.coordinates(rng)
        d.line(
            "   定位：",
            V("coordinates", _where(rng, lat, lon)),
        )
    d.line(
        "结单人：",
        V("person_name", eng.full),
        "   回访：",
        *parts.addressed(rng, pp.person(rng, 0.0)),
        "   满意度：",
        rng.choice(("非常满意", "满意", "一般")),
    )


def _en(rng: Random, d: Doc) -> None:
    day = pp.business_day(rng)
    c = pp.person(rng, 0.45)
    eng = pp.person(rng, 0.2)
    d.line(
        "Ticket ",
        F(f"SR-{n.digits(rng, 7)}"),
        " | Priority: ",
        rng.choice(("P2", "P3", "High")),
        " | Opened ",
        F(pp.written(rng, day, "en")),
    )
    d.line(
        "Customer: ",
        V("person_name", c.full if not c.chinese else c.english),
        " (",
        rng.choice(pp.COMPANIES),
        ")",
    )
    d.line("Contact: ", parts.phone(rng, 0.3), " / ", V("email", pp.email(rng, c)))
    d.line("Site: ", V("address", pp.address_en(rng)))
    d.line("Unit: ", F(n.model(rng)), ", S/N ", F(n.serial(rng)), ", firmware ", F(n.version(rng)))
    d.line("Issue: ", rng.choice(FAULTS_EN))
    d.line()
    d.line("--- Comments ---")
    d.line(
        F(f"{day:%Y-%m-%d}"),
        " ",
        V("person_name", eng.english if eng.chinese else eng.full),
        ": ",
        "Called ",
        *parts.addressed(rng, c, "en"),
        ', customer says "it stopped after the power cut". ',
        "Remote log shows ",
        V("ip_address", n.ipv4(rng)),
        " connected at ",
        F(f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"),
        ".",
    )
    d.line(
        F(f"{day:%Y-%m-%d}"),
        " ",
        V("person_name", eng.english if eng.chinese else eng.full),
        ": ",
        "Spare part ",
        F(n.sku(rng)),
        " shipped, ",
        *parts.business_lookalike(rng, day),
        ".",
    )
    if rng.random() < 0.3:
        d.line(
            "Refund to card ",
            V("credit_card", n.grouped(n.credit_card(rng), rng)),
            " approved by ",
            *parts.addressed(rng, pp.person(rng), "en"),
            ".",
        )
    d.line("Status: ", rng.choice(("Resolved", "Waiting for parts", "Closed")))


def make(rng: Random) -> tuple[Doc, str, str]:
    d = Doc()
    if rng.random() < 0.65:
        _zh(rng, d)
    else:
        _en(rng, d)
    return d, rng.choice(("txt", "txt", "md")), "utf-8"
