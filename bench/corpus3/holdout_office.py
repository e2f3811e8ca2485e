"""The holdout family's office files: a member export whose first row is a title and whose
headers are bilingual, with real date and number cells; a Word letter to a customer with a
contact table under a header row."""

from __future__ import annotations

import datetime as dt
import random

from bench.corpus3 import numbers as n
from bench.corpus3.doc import ACCT, ADDR, DOB, IBAN, LOOK, MAIL, NAME, PASS, PHONE, Doc
from bench.corpus3.office import Cell, OfficeFile, Sheet, Word, text_cell, value_cell
from bench.corpus3.people import address_en, address_zh, landline, person


def member_workbook(rng: random.Random) -> OfficeFile:
    year = rng.randrange(2022, 2026)
    sheet = Sheet(
        f"会员{year}",
        [
            [text_cell(None, f"{year}年度会员资料（系统导出，请勿外传）")],
            [
                text_cell(None, h)
                for h in (
                    "会员号 Member No.",
                    "姓名 Name",
                    "生日 Birthday",
                    "手机 Mobile",
                    "护照 Passport",
                    "邮箱 Email",
                    "最近购买 Last model",
                    "消费额 Spent",
                )
            ],
        ],
    )
    for i in range(rng.randrange(10, 50)):
        p = person(rng, latin_share=0.15)
        born = dt.datetime.combine(p.born, dt.time())
        row: list[Cell | None] = [
            value_cell(None, 880000 + i),
            text_cell(NAME, p.en if p.latin else p.zh),
            value_cell(DOB, born, labelled=f"{p.born}"),
            value_cell(PHONE, int(p.mobile())),
            text_cell(PASS, n.passport(rng, p.latin)),
            text_cell(MAIL, p.email()),
            text_cell(LOOK, n.model_number(rng)),
            value_cell(LOOK, rng.randrange(100, 10**7) / 100),
        ]
        sheet.rows.append(row)
    return OfficeFile("crm", [sheet])


def letter_docx(rng: random.Random) -> OfficeFile:
    me, you = person(rng), person(rng, latin_share=0.5)
    word = Word()
    greet = you.en if you.latin else you.zh
    word.paragraphs += [
        Doc().t("Dear ").v(NAME, greet).t(","),
        Doc()
        .t("Thank you for your order ")
        .v(LOOK, n.order_number(rng))
        .t(". Please remit the balance to the account below; delivery follows within 30 days."),
        Doc().t("Account No.: ").v(ACCT, n.bank_account(rng)).t("  IBAN: ").v(IBAN, n.iban(rng)),
        Doc().t("Invoice ").v(LOOK, n.invoice_number(rng)).t(", firmware ").v(LOOK, n.version(rng)),
        Doc().t("Yours sincerely,"),
        Doc().v(NAME, me.en),
        Doc().v(ADDR, address_en(rng) if rng.random() < 0.5 else address_zh(rng)),
    ]
    table = [[Doc().t(h) for h in ("Name 姓名", "Role 职务", "Mobile 手机", "E-mail 邮箱")]]
    for _ in range(rng.randrange(2, 5)):
        c = person(rng)
        table.append(
            [
                Doc().v(NAME, c.zh),
                Doc().t(rng.choice(["Sales 销售", "Service 售后", "QA 品质"])),
                Doc().v(
                    PHONE, c.mobile(rng.randrange(8)) if rng.random() < 0.7 else landline(rng, 1)
                ),
                Doc().v(MAIL, c.email(work=True)),
            ]
        )
    word.tables.append(table)
    return OfficeFile("mail", word)
