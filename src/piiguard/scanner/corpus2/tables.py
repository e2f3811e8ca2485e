"""Tabular layouts: CRM customer exports (CSV/TSV, Chinese or English or bilingual headers,
one date style per column as exporters write them), ERP JSON dumps (nested keys in four
naming styles, including pinyin initials), purchase orders with part numbers."""

from __future__ import annotations

from collections.abc import Callable

from piiguard.scanner.corpus2.build import LOOKALIKE, Cell, File, L
from piiguard.scanner.corpus2.values import Person, Values

_BANKS = (
    "中国工商银行深圳科技园支行",
    "招商银行佛山分行",
    "中国建设银行杭州西湖支行",
    "中国银行苏州工业园区支行",
    "交通银行武汉洪山支行",
    "平安银行厦门分行",
)
_NOTES = (
    "",
    "",
    "",
    "VIP",
    "周末送货",
    "已回访",
    "老客户转介绍",
    "要求开专票",
    "prefers email",
    "投诉过一次，已处理",
    "暂停营销短信",
)

Column = tuple[tuple[str, ...], tuple[str, ...], Callable[[Values, Person, dict[str, str]], Cell]]


def _id_pair(v: Values, p: Person, ctx: dict[str, str]) -> Cell:
    if ctx.get("id_kind") == "passport":
        return L("passport", v.passport())
    return L("resident_id", v.resident_id(p))


COLUMNS: dict[str, Column] = {
    "cid": (
        ("客户编号", "会员ID"),
        ("customer_id", "Customer ID", "cust_no"),
        lambda v, p, c: f"C{v.digits(7)}",
    ),
    "name": (
        ("姓名", "客户姓名", "联系人", "客户名称"),
        ("name", "full_name", "Customer Name", "contact"),
        lambda v, p, c: L("person_name", p.name),
    ),
    "gender": (("性别",), ("gender", "sex"), lambda v, p, c: v.r.choice(("男", "女", "M", "F"))),
    "mobile": (
        ("手机", "手机号码", "联系电话"),
        ("mobile", "phone", "Tel"),
        lambda v, p, c: L("phone", v.mobile(plain=c["phone_plain"] == "1")),
    ),
    "birth": (
        ("出生日期", "生日"),
        ("birthday", "dob", "birth_date", "Date of Birth"),
        lambda v, p, c: L("date_of_birth", v.birth(p, c["birth_style"])),
    ),
    "id_type": (
        ("证件类型",),
        ("id_type",),
        lambda v, p, c: "护照" if c.get("id_kind") == "passport" else "身份证",
    ),
    "id_no": (("证件号码", "证件号"), ("id_number", "ID No."), _id_pair),
    "bank": (("开户行", "开户银行"), ("bank", "Bank Name"), lambda v, p, c: v.r.choice(_BANKS)),
    "account": (
        ("银行账号", "账号"),
        ("bank_account", "Account No."),
        lambda v, p, c: L("bank_account", v.bank_account()),
    ),
    "email": (("邮箱", "电子邮件"), ("email", "E-mail"), lambda v, p, c: L("email", v.email(p))),
    "address": (
        ("联系地址", "收货地址"),
        ("address", "Shipping Address"),
        lambda v, p, c: L("address", v.us_address() if p.western else v.address()),
    ),
    "plate": (
        ("车牌号", "车牌"),
        ("plate_no", "License Plate"),
        lambda v, p, c: L("licence_plate", v.plate()),
    ),
    "joined": (
        ("注册日期", "首次购车日期"),
        ("created_at", "first_purchase"),
        lambda v, p, c: L(LOOKALIKE, v.other_date(c["other_style"])),
    ),
    "level": (
        ("会员等级",),
        ("tier",),
        lambda v, p, c: v.r.choice(("普通", "银卡", "金卡", "Gold")),
    ),
    "ip": (("最近登录IP",), ("last_login_ip",), lambda v, p, c: L("ip_address", v.ipv4())),
    "note": (("备注",), ("notes", "remark"), lambda v, p, c: v.r.choice(_NOTES)),
}
_ALWAYS = ("name", "mobile")
_OPTIONAL = tuple(k for k in COLUMNS if k not in ("cid", "name", "mobile", "id_type", "id_no"))


def crm_csv(v: Values, f: File) -> None:
    r = v.r
    chosen = ["cid", *_ALWAYS, *r.sample(_OPTIONAL, r.randint(3, 8))]
    if r.random() < 0.6:
        chosen[3:3] = ["id_type", "id_no"] if r.random() < 0.5 else ["id_no"]
    if r.random() < 0.3:
        r.shuffle(chosen)
    lang = r.choice(("zh", "zh", "zh", "en", "en", "both"))
    headers = []
    for key in chosen:
        zh, en, _make = COLUMNS[key]
        headers.append(
            r.choice(zh) if lang == "zh" else r.choice(en) if lang == "en" else f"{zh[0]}/{en[0]}"
        )
    sep = "\t" if f.name.endswith(".tsv") else ","
    quote_all = sep == "," and r.random() < 0.25
    f.row(headers, sep, quote_all)
    ctx = {
        "birth_style": r.choice(("iso", "iso", "dots", "slash_short", "zh", "compact", "dmy")),
        "other_style": r.choice(("iso", "slash_short", "dots")),
        "phone_plain": "1" if r.random() < 0.7 else "0",
    }
    for _ in range(r.randint(8, 45)):
        p = v.person(0.08)
        ctx["id_kind"] = "passport" if p.western or r.random() < 0.15 else "resident"
        f.row([COLUMNS[key][2](v, p, ctx) for key in chosen], sep, quote_all)


# ERP dumps: key names by style (snake, camel, pinyin initials as older Chinese ERPs use,
# Chinese)
_KEYS = {
    "order": ("order_no", "orderNo", "ddh", "订单号"),
    "created": ("created_at", "createTime", "cjsj", "创建时间"),
    "customer": ("customer", "customer", "kh", "客户"),
    "name": ("name", "custName", "xm", "姓名"),
    "gender": ("gender", "gender", "xb", "性别"),
    "birth": ("birthday", "birthDate", "csrq", "出生日期"),
    "contact": ("contact", "contact", "lxfs", "联系方式"),
    "mobile": ("mobile", "mobilePhone", "sjh", "手机"),
    "email": ("email", "email", "yx", "邮箱"),
    "idcard": ("id_card", "idCardNo", "sfzh", "身份证号"),
    "address": ("address", "address", "dz", "地址"),
    "detail": ("detail", "detailAddr", "xxdz", "详细地址"),
    "items": ("items", "items", "mx", "明细"),
    "part": ("part_no", "partNo", "ljh", "零件号"),
    "model": ("model", "modelNo", "xh", "型号"),
    "qty": ("qty", "quantity", "sl", "数量"),
    "account": ("account", "account", "zh", "账户"),
    "login": ("login", "loginName", "dlm", "登录名"),
    "password": ("pwd_plain", "password", "mm", "密码"),
    "ip": ("last_ip", "lastLoginIp", "dlip", "登录IP"),
    "geo": ("geo", "location", "zb", "坐标"),
    "fw": ("fw_version", "firmwareVersion", "gjbb", "固件版本"),
}


def _erp_record(v: Values, style: int, birth_style: str) -> dict[str, object]:
    r = v.r
    k = {name: keys[style] for name, keys in _KEYS.items()}
    p = v.person(0.1)
    lat, lng = v.coordinates()
    customer: dict[str, object] = {
        k["name"]: L("person_name", p.name),
        k["gender"]: r.choice(("M", "F", "男", "女")),
        k["birth"]: L("date_of_birth", v.birth(p, birth_style)),
        k["contact"]: {
            k["mobile"]: L("phone", v.mobile(plain=True)),
            k["email"]: L("email", v.email(p)),
        },
    }
    if r.random() < 0.6 and not p.western:
        customer[k["idcard"]] = L("resident_id", v.resident_id(p))
    if r.random() < 0.7:
        customer[k["address"]] = {
            "city": r.choice(("深圳", "佛山", "杭州")),
            k["detail"]: L("address", v.address()),
        }
    record: dict[str, object] = {
        k["order"]: L(LOOKALIKE, v.order_number()),
        k["created"]: f"{v.other_date('iso')}T{r.randint(8, 21):02d}:{r.randint(10, 59)}:00+08:00",
        k["customer"]: customer,
        k["items"]: [
            {
                k["part"]: L(LOOKALIKE, v.part_number()),
                k["model"]: v.model(),
                k["qty"]: r.randint(1, 9),
            }
            for _ in range(r.randint(1, 3))
        ],
    }
    if r.random() < 0.5:
        record[k["account"]] = {
            k["login"]: f"u{v.digits(6)}",
            k["password"]: L("secret", v.password()),
            k["ip"]: L("ip_address", v.ipv4()),
        }
    if r.random() < 0.4:
        record[k["geo"]] = {"lat": L("num:coordinates", lat), "lng": L("num:coordinates", lng)}
    if r.random() < 0.4:
        record[k["fw"]] = L(LOOKALIKE, v.version())
    return record


def erp_json(v: Values, f: File) -> None:
    r = v.r
    style = r.choice((0, 0, 1, 1, 2, 3))
    birth_style = r.choice(("iso", "iso", "compact", "dots", "slash_short"))
    records = [_erp_record(v, style, birth_style) for _ in range(r.randint(3, 14))]
    if f.name.endswith(".jsonl"):
        for record in records:
            f.json(record, indent=None).t("\n")
    else:
        f.json({"exported_at": v.other_date("iso"), "count": len(records), "data": records}).t("\n")


def purchase_order(v: Values, f: File) -> None:
    r = v.r
    buyer = v.person(0.0)
    f.line("采购订单 PURCHASE ORDER")
    f.line("订单号 PO No.: ", L(LOOKALIKE, v.order_number()))
    f.line("下单日期 Date: ", L(LOOKALIKE, v.other_date()))
    f.line("供应商 Supplier: 东升汽车零部件有限公司 Dongsheng Auto Parts Co., Ltd.")
    f.line("采购员 Buyer: ", L("person_name", buyer.zh), "  电话 Tel: ", L("phone", v.mobile()))
    f.line("交货地址 Deliver to: ", L("address", v.address()))
    f.line("单据版本 Form rev.: ", L(LOOKALIKE, v.version()))
    f.t("\n")
    f.line("行号 | P/N 零件号 | 型号 Model | 数量 Qty | 单价 Unit price (CNY)")
    for i in range(1, r.randint(3, 16)):
        f.line(
            f"{i:>3} | ",
            L(LOOKALIKE, v.part_number()),
            f" | {v.model()} | {r.randint(1, 500)} | {r.randint(2, 9000)}.{r.randint(10, 99)}",
        )
    f.t("\n")
    f.line(f"合计 Total: {r.randint(1000, 900000)}.00 元")
    f.line("要求到货日期 Required by: ", L(LOOKALIKE, v.other_date()))
    if r.random() < 0.5:
        f.line("备注：请在外箱标注料号 ", L(LOOKALIKE, v.part_number()), " 及批次号。")
    f.line("审批 Approved by: ", L("person_name", v.person(0.0).zh))
