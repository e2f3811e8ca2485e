"""Chats of corpus 14 (QQ and DingTalk text exports, Slack export JSON, Telegram text) and the
messages tickets quote: what customers and colleagues type, values and look-alikes inside."""

from __future__ import annotations

import datetime as dt

from bench.corpus14.doc import LOOKALIKE, PIECES, Doc, Piece, Sink, V, dump
from bench.corpus14.values import Gen, Who

CHATTER = (
    "好的，收到",
    "稍等我查一下",
    "OK, thanks!",
    "明天安排师傅上门",
    "已经发货了",
    "Let me check with QA.",
    "辛苦了",
    "这个型号还有库存吗？",
    "Meeting moved to 3pm.",
    "报价单已发邮箱",
    "👍",
    "收到，谢谢",
)


def message(g: Gen, who: Who, agent: bool = False, busy: bool = False) -> list[Piece]:  # noqa: PLR0911, PLR0912
    """One message with a value or a look-alike in it, or chatter (most messages of a chat;
    fewer of a ticket's dialogue, `busy`)."""
    zh = who.locale == "zh"
    k = g.r.randrange(16 if busy else 26)
    if agent and k < 8:
        return [
            (
                None,
                g.pick(
                    (
                        "请问您的订单号是多少？",
                        "麻烦提供一下购买凭证",
                        "Could you share the serial number?",
                        "我们会尽快安排",
                    )
                ),
            ),
            (None, " 热线 "),
            (LOOKALIKE, g.hotline()),
        ]
    if k == 0:
        return [(None, "我手机 " if zh else "my mobile is "), ("phone", g.phone_of(who))]
    if k == 1:
        return [
            (None, "地址是" if zh else "ship it to "),
            ("address", g.address_of(who)),
            (None, "，谢谢" if zh else " pls"),
        ]
    if k == 2:
        return [
            (None, "身份证号 " if zh else "passport: "),
            ("resident_id", g.rid()) if zh else ("passport", g.passport(who.locale)),
        ]
    if k == 3:
        return [
            (None, "退款打到这张卡 " if zh else "refund to card "),
            ("bank_card", g.unionpay()) if zh else ("credit_card", g.credit()),
        ]
    if k == 4:
        return [
            (None, "订单号 " if zh else "order "),
            (LOOKALIKE, g.mobile_like()),
            (None, "，什么时候发货？" if zh else " - any update?"),
        ]
    if k == 5:
        return [(None, "快递单号 "), (LOOKALIKE, g.waybill())]
    if k == 6:
        return [
            (None, "测试账号密码 " if zh else "test account password: "),
            ("secret", g.password()),
        ]
    if k == 7:
        return [(None, "邮箱 " if zh else "email me at "), ("email", who.email)]
    if k == 8:
        return [(None, "我在这 " if zh else "I'm at "), ("coordinates", g.coords(zh, ", "))]
    if k == 9:
        return [(None, "车牌 "), ("licence_plate", g.plate()), (None, " 已登记进厂")]
    if k == 10:
        return [(None, "序列号 " if zh else "S/N "), (LOOKALIKE, g.serial18())]
    if k == 11:
        return [(None, "把资料转给 "), *g.spell(g.anyone()), (None, " 了")]
    if k == 12:
        return [(None, "生日 " if zh else "DOB "), ("date_of_birth", g.dob())]
    if k == 13:
        return [
            (None, "在"),
            (LOOKALIKE, g.pick(("陈村", "黄岐", "乐从", "北滘", "容桂"))),
            (None, "仓库等你"),
        ]
    return [(None, g.pick(CHATTER))]


def chat(g: Gen, sink: Sink, n: int) -> None:
    people = [g.anyone() for _ in range(g.r.randint(2, 4))]
    qq = {id(p): g.r.randint(10**8, 10**10 - 1) for p in people}
    style = n % 4
    doc = Doc()
    count = g.r.randint(6, 16)
    clock = g.stamp()

    def tick() -> dt.datetime:
        nonlocal clock
        clock += dt.timedelta(seconds=g.r.randint(5, 3600))
        return clock

    if style == 0:  # QQ text export
        doc.t(
            "消息记录（此消息记录为文本格式，不支持重新导入）\n\n================================================================\n"
        )
        doc.t(
            f"消息分组:我的好友\n================================================================\n消息对象:{g.pick(('售后群', '采购沟通', '华南客户群'))}\n================================================================\n\n"  # noqa: E501
        )
        for _ in range(count):
            who = g.pick(people)
            stamp = tick()
            doc.t(f"{stamp:%Y-%m-%d %H:%M:%S} ").v("person_name", g.plain_name(who)).t(
                f"({qq[id(who)]})\n"
            ).p(message(g, who)).t("\n\n")
        sink.text("chat", f"qq_{n:05d}.txt", doc, encoding=g.pick(("utf-8", "utf-16")))
    elif style == 1:  # DingTalk
        for _ in range(count):
            who = g.pick(people)
            stamp = tick()
            doc.v("person_name", g.plain_name(who)).t(f"  {stamp:%Y/%m/%d %H:%M}\n").p(
                message(g, who)
            ).t("\n\n")
        sink.text("chat", f"dingtalk_{n:05d}.txt", doc)
    elif style == 2:  # Slack export
        ids = {
            id(p): "U0" + "".join(g.pick("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
            for p in people
        }
        rows = []
        team = "T0" + g.digits(8)
        for _ in range(count):
            who = g.pick(people)
            name = g.plain_name(who)
            text = message(g, who)
            rows.append(
                {
                    "type": "message",
                    "user": ids[id(who)],
                    "text": _joined(text),
                    "ts": f"{int((tick() - dt.datetime(1970, 1, 1)).total_seconds())}.{g.digits(6)}",  # noqa: DTZ001, E501
                    "user_profile": {
                        "real_name": V("person_name", name),
                        "display_name": V("person_name", name),
                        "team": team,
                    },
                }
            )
        dump(doc, rows, indent=4, ascii_=g.chance(0.3))
        sink.text("chat", f"slack_{n:05d}.json", doc)
    else:  # Telegram
        doc.t(f"Chat history with {g.pick(('Export team', 'QA Foshan', 'Service partners'))}\n\n")
        for _ in range(count):
            who = g.pick(people)
            stamp = tick()
            doc.t(f"[{stamp:%d.%m.%y %H:%M}] ").v("person_name", g.plain_name(who)).t(": ").p(
                message(g, who)
            ).t("\n")
        sink.text("chat", f"telegram_{n:05d}.txt", doc)


def _joined(pieces: list[Piece]) -> V | str:
    """A message as one JSON string, its values labelled inside it."""
    if not any(t is not None for t, _ in pieces):
        return "".join(t for _, t in pieces)
    return V(PIECES, pieces)
