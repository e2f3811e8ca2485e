"""The dev family's office files: a CRM workbook (a customer sheet under Chinese headers, an
order sheet) and an onboarding form in Word (label | value table, signature paragraph)."""

from __future__ import annotations

import random

from bench.corpus3 import numbers as n
from bench.corpus3.doc import ADDR, CARD, DOB, LOOK, MAIL, NAME, PHONE, PLATE, RID, Doc
from bench.corpus3.office import Cell, OfficeFile, Sheet, Word, text_cell, value_cell
from bench.corpus3.people import address_zh, date_text, person


def crm_workbook(rng: random.Random) -> OfficeFile:
    customers = Sheet(
        "客户资料",
        [
            [
                text_cell(None, h)
                for h in (
                    "客户编号",
                    "姓名",
                    "手机",
                    "身份证号",
                    "出生日期",
                    "邮箱",
                    "地址",
                    "车牌",
                )
            ]
        ],
    )
    orders = Sheet(
        "订单明细",
        [
            [
                text_cell(None, h)
                for h in (
                    "订单号",
                    "物料编码",
                    "型号",
                    "金额",
                    "收货人",
                    "联系电话",
                )
            ]
        ],
    )
    for i in range(rng.randrange(10, 50)):
        p = person(rng)
        row: list[Cell | None] = [
            text_cell(None, f"KH{30000 + i}"),
            text_cell(NAME, p.zh),
            value_cell(PHONE, int(p.mobile()))
            if rng.random() < 0.5
            else text_cell(PHONE, p.mobile(2)),
            text_cell(RID, p.resident_id()),
            text_cell(DOB, date_text(p.born, rng.choice([0, 3, 4]))),
            text_cell(MAIL, p.email()),
            text_cell(ADDR, address_zh(rng)),
            text_cell(PLATE, n.plate(rng, 1)) if rng.random() < 0.4 else None,
        ]
        customers.rows.append(row)
        if rng.random() < 0.6:
            orders.rows.append(
                [
                    text_cell(LOOK, n.order_number(rng)),
                    value_cell(LOOK, int(n.part_number_mobile(rng))),
                    text_cell(LOOK, n.model_number(rng)),
                    value_cell(None, rng.randrange(100, 10**6) / 100),
                    text_cell(NAME, p.zh),
                    text_cell(PHONE, p.mobile(0)),
                ]
            )
    return OfficeFile("crm", [customers, orders])


def onboarding_docx(rng: random.Random) -> OfficeFile:
    p, kin = person(rng), person(rng)
    word = Word()
    word.paragraphs += [
        Doc().t("员工入职登记表"),
        Doc().t(f"部门：{rng.choice(['注塑车间', '仓储部'])}"),
    ]
    pairs = [
        ("姓名", Doc().v(NAME, p.zh)),
        ("出生日期", Doc().v(DOB, date_text(p.born, rng.choice([3, 4])))),
        ("身份证号码", Doc().v(RID, p.resident_id())),
        ("手机号码", Doc().v(PHONE, p.mobile(rng.randrange(3)))),
        ("现住址", Doc().v(ADDR, address_zh(rng))),
        ("工资卡号", Doc().v(CARD, n.card(rng))),
        ("紧急联系人", Doc().v(NAME, kin.zh)),
        ("紧急联系电话", Doc().v(PHONE, kin.mobile(0))),
        ("入职日期", Doc().v(LOOK, date_text(n.business_date(rng), 0))),
    ]
    word.tables.append([[Doc().t(label), value] for label, value in pairs])
    word.paragraphs.append(Doc().t("本人确认以上信息真实有效。签名：").v(NAME, p.zh))
    return OfficeFile("hr_form", word)
