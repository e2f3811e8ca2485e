"""The final family's office files: a service workbook whose title and group headers are
merged cells over the column headers, with number, date and coordinate cells and a second
sheet of engineers; a dispatch note in Word whose table has a header row and the consignees
one per row, with paragraphs of payment details around it."""

from __future__ import annotations

import datetime as dt
import random

from bench.corpus3 import numbers as n
from bench.corpus3.doc import ACCT, ADDR, CARD, COORD, DOB, LOOK, MAIL, NAME, PHONE, PLATE, RID, Doc
from bench.corpus3.office import OfficeFile, Sheet, Word, text_cell, value_cell
from bench.corpus3.people import address_zh, landline, person

SERVICE_HEAD = ("工单号", "客户姓名", "手机", "身份证号", "出生日期", "服务地址",
                "工程师", "服务车", "纬度", "经度", "收费(元)", "配件编码")  # fmt: skip


def service_workbook(rng: random.Random) -> OfficeFile:
    quarter = rng.randrange(1, 5)
    title = f"{rng.randrange(2023, 2026)}年第{quarter}季度 上门服务明细（顺德服务站）"
    groups = [text_cell(None, "工单"), text_cell(None, "客户信息"), None, None, None, None]
    groups += [text_cell(None, "服务信息"), None, None, None, None, None]
    work = Sheet(
        "服务明细",
        [[text_cell(None, title)], groups, [text_cell(None, h) for h in SERVICE_HEAD]],
        merged=["A1:L1", "B2:F2", "G2:L2"],
    )
    crew = [person(rng) for _ in range(rng.randrange(2, 5))]
    for _ in range(rng.randrange(10, 45)):
        p, eng = person(rng), rng.choice(crew)
        lat, lon = n.coordinates(rng)
        born = dt.datetime.combine(p.born, dt.time())
        work.rows.append(
            [
                text_cell(LOOK, n.order_number(rng)),
                text_cell(NAME, p.zh),
                value_cell(PHONE, int(p.mobile())),
                text_cell(RID, p.resident_id()),
                value_cell(DOB, born, labelled=f"{p.born}"),
                text_cell(ADDR, address_zh(rng)),
                text_cell(NAME, eng.zh),
                text_cell(PLATE, n.plate(rng, 0)) if rng.random() < 0.5 else None,
                value_cell(COORD, float(lat)),
                value_cell(COORD, float(lon)),
                value_cell(LOOK, rng.randrange(5000, 300000) / 100),
                value_cell(LOOK, int(n.part_number_mobile(rng))),
            ]
        )
    staff = Sheet("工程师", [[text_cell(None, h) for h in ("姓名", "手机", "工资卡", "邮箱")]])
    for eng in crew:
        staff.rows.append(
            [
                text_cell(NAME, eng.zh),
                text_cell(PHONE, eng.mobile(2)),
                text_cell(CARD, n.card(rng)),
                text_cell(MAIL, eng.email(work=True)),
            ]
        )
    return OfficeFile("ticket", [work, staff])


def dispatch_docx(rng: random.Random) -> OfficeFile:
    clerk = person(rng)
    word = Word()
    word.paragraphs += [
        Doc().t("佛山恒力机电集团 发货通知单 No. ").v(LOOK, n.order_number(rng)),
        Doc().t("仓库：顺德北滘成品仓    承运：顺丰速运 月结 ").v(LOOK, n.digits(rng, 10)),
        Doc().t("货款请汇入：佛山恒力机电集团有限公司 账号 ").v(ACCT, n.bank_account(rng)),
        Doc().t("制单：").v(NAME, clerk.zh).t("  电话 ").v(PHONE, landline(rng, rng.randrange(6))),
    ]
    table: list[list[Doc]] = [
        [Doc().t(h) for h in ("序号", "收货人", "联系电话", "收货地址", "运单号", "件数")]
    ]
    for i in range(rng.randrange(4, 25)):
        p = person(rng)
        table.append(
            [
                Doc().t(str(i + 1)),
                Doc().v(NAME, p.zh),
                Doc().v(PHONE, p.mobile(rng.randrange(8))),
                Doc().v(ADDR, address_zh(rng)),
                Doc().v(LOOK, n.tracking_number(rng)),
                Doc().t(str(rng.randrange(1, 20))),
            ]
        )
    word.tables.append(table)
    word.paragraphs.append(Doc().t("仓管签收：").v(NAME, person(rng).zh))
    return OfficeFile("purchase_order", word)
