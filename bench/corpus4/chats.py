"""Chat transcripts exported from WeChat, WeCom, DingTalk and Teams: display names and
nicknames, @mentions, people named in running text, numbers and places shared in chat."""

# ruff: noqa: PLR0911 - a template picks one of many layouts: one return each

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from random import Random

from bench.corpus4 import numbers as n
from bench.corpus4 import parts
from bench.corpus4 import people as pp
from bench.corpus4.doc import Doc, F, Piece, V

NICKS = ("🌻向日葵", "老猫", "Sunny☀", "风一样的男子", "快乐每一天", "A-Team", "木子", "星星🌟")

CST = timezone(timedelta(hours=8))


def _speaker(rng: Random, p: pp.Person, app: str) -> list[Piece]:
    if app == "teams":
        if p.chinese:
            return [
                V("person_name", f"{p.latin_surname}, {p.latin.split()[1]}")
                if rng.random() < 0.5
                else V("person_name", p.english)
            ]
        return [V("person_name", f"{p.surname}, {p.given}")]
    r = rng.random()
    if r < 0.35:
        return [V("person_name", p.full)]
    if r < 0.55 and p.chinese:
        sur, title = pp.surname_title(rng, p)
        return [V("person_name", sur), title, rng.choice(("-顺德售后", "(科瑞)", "", "-采购"))]
    if r < 0.7:
        return [V("person_name", p.full), "(", rng.choice(("销售部", "Kerui", "QA")), ")"]
    if r < 0.8 and p.english != p.latin:
        return [V("person_name", p.english)]
    return [rng.choice(NICKS)]


def _message(rng: Random, people: list[pp.Person], me: pp.Person, day: datetime) -> list[Piece]:
    other = rng.choice(people)
    r = rng.random()
    if r < 0.12:
        return [
            "@",
            *parts.addressed(rng, other),
            " ",
            rng.choice(("麻烦看一下这单", "明天能发货吗？", "客户在催了")),
        ]
    if r < 0.22:
        return [
            "客户",
            *parts.addressed(rng, pp.person(rng, 0.0)),
            "电话 ",
            V("phone", n.mobile_written(rng)),
            "，",
            rng.choice(("下午联系一下", "说机器又不制冷了", "要求上门")),
        ]
    if r < 0.3:
        return ["地址发你：", V("address", pp.address_cn(rng, True))]
    if r < 0.36:
        lat, lon = n.coordinates(rng)
        return [
            "[位置] ",
            rng.choice(("顺德科瑞厂区", "北滘物流园", "客户家")),
            " ",
            V("coordinates", f"{lat:.6f},{lon:.6f}"),
        ]
    if r < 0.42:
        return [
            "我车牌 ",
            V("licence_plate", n.plate(rng)),
            "，",
            rng.choice(("门卫放行一下", "在东门等")),
        ]
    if r < 0.47:
        return [
            "身份证号 ",
            V("resident_id", n.resident_id(rng)),
            " 帮我订一下",
            rng.choice(("高铁票", "酒店")),
        ]
    if r < 0.6:
        return [rng.choice(("", "查一下 ", "这个 ")), *parts.business_lookalike(rng, day.date())]
    if r < 0.66:
        return ["让", *parts.addressed(rng, other), "明天带", F(n.model(rng)), "的备件过去"]
    if r < 0.7:
        return ["邮箱 ", V("email", pp.email(rng, other)), " 报价单发这里"]
    if r < 0.73:
        return [F(rng.choice(pp.NAME_LIKE)), rng.choice(("那边今天停电", "的货到了吗", "仓库满了"))]
    if r < 0.76:
        return [
            "打款账号 ",
            V("bank_card", n.grouped(n.bank_card(rng), rng)),
            " ",
            V("person_name", me.full),
        ]
    return [
        rng.choice(
            (
                "收到",
                "好的👌",
                "OK",
                "稍等",
                "[图片]",
                '[语音] 12"',
                "辛苦了",
                "明天上午到",
                "已处理",
            )
        )
    ]


def _message_en(rng: Random, people: list[pp.Person], day: datetime) -> list[Piece]:
    other = rng.choice(people)
    r = rng.random()
    if r < 0.2:
        return [
            "@",
            *parts.addressed(rng, other, "en"),
            " can you check the 8D for ",
            F(n.order_no(rng, day.date())),
            "?",
        ]
    if r < 0.3:
        return ["Call me at ", parts.phone(rng, 0.4)]
    if r < 0.4:
        return ["VPN login from ", V("ip_address", n.ipv4(rng)), " is mine, don't block it"]
    if r < 0.5:
        return ["Shared the test key for the sandbox: ", V("secret", n.secret(rng)[1])]
    if r < 0.6:
        return [
            "Firmware ",
            F(n.version(rng)),
            " fixes it, ",
            *parts.business_lookalike(rng, day.date()),
        ]
    if r < 0.7:
        return ["Thanks ", *parts.addressed(rng, other, "en"), "!"]
    return [rng.choice(("ok", "Sure", "will do", "noted, thx", "Meeting moved to 3pm"))]


def make(rng: Random) -> tuple[Doc, str, str]:
    d = Doc()
    app = rng.choice(("wechat", "wecom", "dingtalk", "teams"))
    crowd = [pp.person(rng, 0.35 if app == "teams" else 0.05) for _ in range(rng.randint(2, 6))]
    t = datetime(2024, 1, 1, tzinfo=CST) + timedelta(minutes=rng.randint(0, 1_000_000))
    group = rng.choice(("售后群-顺德", "科瑞-美源 项目群", "物流对接", "QA Global", "采购部"))
    if app == "wechat":
        d.line("微信聊天记录 - ", group)
    elif app == "dingtalk":
        d.line("钉钉群聊 「", group, "」 导出于 ", f"{t:%Y-%m-%d}")
    elif app == "teams":
        d.line("Chat: ", group)
    for _ in range(rng.randint(12, 40)):
        t += timedelta(seconds=rng.randint(5, 4000))
        me = rng.choice(crowd)
        who = _speaker(rng, me, app)
        if app == "teams":
            msg = _message_en(rng, crowd, t) if rng.random() < 0.7 else _message(rng, crowd, me, t)
            d.line("[", f"{t.month}/{t.day}/{t.year} {t:%I:%M %p}", "] ", *who, ": ", *msg)
        elif app == "dingtalk":
            d.line(*who, "  ", f"{t.year}/{t.month}/{t.day} {t:%H:%M}")
            d.line(*_message(rng, crowd, me, t))
        elif app == "wecom":
            d.line(*who, " ", f"{t:%Y-%m-%d %H:%M:%S}")
            d.line(*_message(rng, crowd, me, t))
            d.line()
        else:
            d.line(f"{t:%Y-%m-%d %H:%M:%S} ", *who)
            d.line(*_message(rng, crowd, me, t))
    return d, "txt", "utf-8"
