"""Exported tables: spreadsheets saved as CSV/TSV (title and merged group rows above the
header, Chinese and English headers), shipping manifests, and the columns they are built
of (also used by the workbooks)."""

from __future__ import annotations

from collections.abc import Callable

from bench.corpus9 import values as v
from bench.corpus9.doc import Doc, Item, V, csv_row
from bench.corpus9.world import World

Maker = Callable[[World, v.Person], Item]
# A column: (group heading, header spellings, the cell of a row for its person).
Column = tuple[str, tuple[str, ...], Maker]


def _dob(w: World, p: v.Person) -> Item:
    return w.dob(p)


COLUMNS: dict[str, Column] = {
    "no": ("", ("序号", "No.", "#"), lambda w, p: str(w.rng.randint(1, 9999))),
    "name": (
        "基本信息",
        ("姓名", "客户姓名", "Name", "姓名 Name", "full_name", "联系人"),
        lambda w, p: w.name(p),
    ),
    "latin": ("基本信息", ("英文名", "拼音", "English Name", "name_en"), lambda w, p: w.latin(p)),
    "gender": ("基本信息", ("性别", "Gender", "sex"), lambda w, p: "男" if p.male else "女"),
    "dob": ("基本信息", ("出生日期", "生日", "Birthday", "DOB", "出生年月日", "birth_date"), _dob),
    "rid": (
        "证件",
        ("身份证号", "身份证号码", "ID No.", "id_card", "证件号码"),
        lambda w, p: w.rid(p),
    ),
    "passport": (
        "证件",
        ("护照号", "Passport No.", "passport", "护照号码"),
        lambda w, p: V("passport", v.passport(w.rng, p.abroad)),
    ),
    "mobile": (
        "联系方式",
        ("手机", "手机号码", "Mobile", "Tel", "联系电话", "mobile_phone"),
        lambda w, p: w.phone(p),
    ),
    "email": ("联系方式", ("邮箱", "Email", "E-mail", "电子邮件"), lambda w, p: w.email(p)),
    "address": (
        "联系方式",
        ("地址", "联系地址", "Address", "收货地址", "home_addr"),
        lambda w, p: w.address(),
    ),
    "card": (
        "薪资",
        ("工资卡号", "银行卡号", "Bank Card", "salary_card"),
        lambda w, p: V("bank_card", v.card(w.rng, credit=False)),
    ),
    "account": (
        "付款",
        ("银行账号", "账号", "Account No.", "bank_account", "收款账号"),
        lambda w, p: V("bank_account", v.account(w.rng)),
    ),
    "iban": ("付款", ("IBAN", "iban"), lambda w, p: V("iban", v.iban(w.rng))),
    "swift": ("付款", ("SWIFT", "BIC", "swift_code"), lambda w, p: v.swift(w.rng)),
    "plate": (
        "车辆",
        ("车牌号", "车牌", "Plate No.", "vehicle_plate"),
        lambda w, p: V("licence_plate", v.plate(w.rng)),
    ),
    "joined": (
        "",
        ("入职日期", "Hire Date", "登记日期", "Join date"),
        lambda w, p: v.plain_date(w.rng),
    ),
    "order": ("", ("最近订单", "Order No.", "订单号", "order_no"), lambda w, p: v.order_no(w.rng)),
    "part": (
        "物料",
        ("物料编码", "料号", "Part No.", "P/N", "material_code"),
        lambda w, p: v.part_number(w.rng),
    ),
    "version": (
        "物料",
        ("版本", "Version", "固件版本", "fw_version"),
        lambda w, p: v.version(w.rng),
    ),
    "batch": ("物料", ("批次号", "Batch", "lot_no"), lambda w, p: v.batch18(w.rng)),
    "serial": ("物料", ("序列号", "S/N", "serial_no"), lambda w, p: v.serial(w.rng)),
    "model": ("物料", ("型号", "Model"), lambda w, p: v.model(w.rng)),
    "tracking": ("物流", ("运单号", "Tracking No.", "waybill"), lambda w, p: v.tracking(w.rng)),
    "coords": ("位置", ("坐标", "GPS", "经纬度", "location"), lambda w, p: w.coords()),
    "credit": (
        "付款",
        ("信用卡号", "Credit Card", "card_no"),
        lambda w, p: V("credit_card", v.card(w.rng, credit=True)),
    ),
    "ip": ("", ("登录IP", "IP", "last_login_ip"), lambda w, p: V("ip_address", v.ipv4(w.rng))),
    "invoice": ("", ("发票号码", "Invoice No."), lambda w, p: v.invoice16(w.rng)),
}

SHEETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "customers": (
        "客户信息导出",
        ("no", "name", "gender", "dob", "mobile", "email", "address", "order"),
    ),
    "roster": (
        "员工花名册",
        ("no", "name", "latin", "gender", "dob", "rid", "mobile", "card", "joined", "plate"),
    ),
    "travel": (
        "出差人员名单 Travel list",
        ("no", "name", "latin", "passport", "dob", "mobile", "email"),
    ),
    "vendors": ("供应商付款信息", ("no", "name", "mobile", "account", "swift", "iban", "invoice")),
    "parts": ("物料清单 BOM", ("no", "part", "model", "version", "batch", "serial")),
    "visitors": ("访客登记", ("no", "name", "rid", "mobile", "plate", "joined")),
    "field": ("外勤签到", ("no", "name", "mobile", "coords", "ip", "serial")),
    "expenses": ("费用报销-公司卡", ("no", "name", "credit", "invoice", "order")),
}


def pick_columns(w: World, sheet: str) -> tuple[str, list[str], list[str], list[str]]:
    """A sheet's title, columns (in a shuffled order, one left out now and then), their
    group headings and headers."""
    title, keys = SHEETS[sheet]
    cols = [keys[0], *w.rng.sample(list(keys[1:]), len(keys) - 1)]
    if len(cols) > 4 and w.chance(0.3):
        cols.pop(w.rng.randrange(1, len(cols)))
    english = w.chance(0.3)
    headers = []
    for key in cols:
        spellings = COLUMNS[key][1]
        latin = [s for s in spellings if s.isascii()]
        headers.append(w.rng.choice(latin if english and latin else spellings))
    return title, cols, [COLUMNS[k][0] for k in cols], headers


def row_cells(w: World, cols: list[str], p: v.Person) -> list[Item]:
    return [COLUMNS[k][2](w, p) for k in cols]


def csv_export(w: World) -> tuple[str, Doc]:
    r = w.rng
    sheet = r.choice(list(SHEETS))
    title, cols, groups, headers = pick_columns(w, sheet)
    sep = w.pick(",", ",", ",", ";", "\t")
    doc = Doc()
    blank = [""] * (len(cols) - 1)
    if w.chance(0.6):  # Excel's title and merged group headings, saved as rows
        csv_row(doc, [title, *blank], sep)
        csv_row(doc, [f"导出时间：{w.when():%Y-%m-%d %H:%M}", *blank], sep)
        if w.chance(0.6):
            shown = [g if i == 0 or groups[i - 1] != g else "" for i, g in enumerate(groups)]
            csv_row(doc, shown, sep)
    csv_row(doc, headers, sep)
    for _ in range(r.randint(5, 30)):
        p = w.one(abroad=None if sheet in ("travel", "vendors") else False)
        csv_row(doc, row_cells(w, cols, p), sep)
    if w.chance(0.3):
        csv_row(doc, ["合计", *blank], sep)
    return ("tsv" if sep == "\t" else "csv"), doc


def manifest(w: World) -> tuple[str, Doc]:
    """A shipping manifest: a head block of label: value lines, then the consignments."""
    r = w.rng
    driver = w.local()
    doc = Doc()
    doc.line("发货清单 / SHIPPING MANIFEST")
    doc.line(
        "承运商：", w.pick("顺丰速运", "德邦物流", "安能物流", "自有车队"), "  批次：", v.batch18(r)
    )
    doc.line("司机：", *w.full(driver), "  手机：", w.phone(driver))
    doc.line(
        "车牌号：",
        V("licence_plate", v.plate(r)),
        "  挂车：",
        V("licence_plate", v.plate(r)) if w.chance(0.3) else "无",
    )
    doc.line(
        "发车时间：",
        f"{w.when():%Y-%m-%d %H:%M}",
        "  起运地：",
        w.pick("佛山市顺德区北滘镇工业园", "南海仓"),
    )
    doc.line()
    sep = w.pick(",", "\t", "|")
    head = w.pick(
        "运单号,收货人,电话,收货地址,件数,型号",
        "Waybill,Consignee,Phone,Address,Qty,Model",
        "运单号,收件人 Consignee,联系电话 Tel,地址 Address,数量,物料编码",
    )
    doc.line(head.replace(",", sep))
    for _ in range(r.randint(4, 22)):
        p = w.local()
        last = v.model(r) if "物料" not in head else v.part_number(r)
        csv_row(
            doc,
            [
                v.tracking(r),
                w.name(p),
                w.phone(p),
                w.address(english="Address" in head and w.chance(0.5)),
                str(r.randint(1, 40)),
                last,
            ],
            sep,
        )
    doc.line()
    doc.line("GPS 发车定位：", w.coords())
    doc.line("签收人：", "_" * 10, "   仓管：", w.name(w.local()))
    return ("csv" if sep == "," else "txt"), doc
