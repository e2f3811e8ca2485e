"""The fields the kinds share: how each system names a field (Chinese, English, an
abbreviation, a pinyin key) and what its value is (a labelled type, a look-alike or
neither)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bench.corpus11.values import Values
from piiguard.scanner.scorecard import LOOKALIKE


@dataclass(frozen=True)
class Field:
    zh: tuple[str, ...]
    en: tuple[str, ...]
    short: tuple[str, ...]  # abbreviations and pinyin keys someone invented
    kind: str | None  # the label: a type, LOOKALIKE or None (not labelled)
    make: Callable[[Values], str]


def _gender(v: Values) -> str:
    return v.pick(["男", "女", "M", "F", "male", "female"])


FIELDS: dict[str, Field] = {
    "name": Field(
        ("姓名", "客户姓名", "联系人", "收货人"),
        ("name", "customer_name", "Contact", "consignee"),
        ("xm", "cust_nm", "lxr", "shr"),
        "person_name",
        Values.name,
    ),
    "phone": Field(
        ("手机", "手机号码", "联系电话", "电话"),
        ("mobile", "phone", "Tel", "contact_no"),
        ("sjh", "mob_no", "tel1", "lxdh"),
        "phone",
        Values.phone,
    ),
    "email": Field(
        ("邮箱", "电子邮件"),
        ("email", "E-mail", "mail"),
        ("yx", "mail_addr"),
        "email",
        lambda v: v.email(),
    ),
    "address": Field(
        ("地址", "收货地址", "安装地址", "住址"),
        ("address", "ship_to", "install_addr"),
        ("dz", "shdz", "azdz"),
        "address",
        Values.address,
    ),
    "dob": Field(
        ("出生日期", "生日", "出生年月日"),
        ("birthday", "date_of_birth", "DOB", "birth_date"),
        ("csrq", "bday", "srrq"),
        "date_of_birth",
        Values.dob,
    ),
    "rid": Field(
        ("身份证号", "证件号码", "身份证"),
        ("id_no", "national_id", "ID card"),
        ("sfzh", "zjhm", "idno"),
        "resident_id",
        Values.rid,
    ),
    "passport": Field(
        ("护照号", "护照号码"),
        ("passport", "passport_no"),
        ("hzh", "pp_no"),
        "passport",
        Values.passport,
    ),
    "plate": Field(
        ("车牌号", "车牌"),
        ("plate_no", "vehicle"),
        ("cph", "car_no"),
        "licence_plate",
        Values.plate,
    ),
    "card": Field(
        ("退款银行卡号", "银行卡号", "卡号"),
        ("refund_card", "card_no"),
        ("tkkh", "yhkh"),
        "bank_card",
        Values.bank_card,
    ),
    "credit": Field(
        ("信用卡号", "信用卡"),
        ("credit_card", "cc_number"),
        ("xykh", "cc_no"),
        "credit_card",
        Values.credit_card,
    ),
    "postcode": Field(
        ("邮编", "邮政编码"),
        ("zip", "postcode"),
        ("yb",),
        LOOKALIKE,
        lambda v: v.pick(["528300", "528000", "528200", "510620", "999077", "70173"]),
    ),
    "invoice": Field(
        ("发票号码", "发票号"),
        ("invoice_no", "inv"),
        ("fphm",),
        LOOKALIKE,
        lambda v: v.pick([v.digits(8), "2644" + v.digits(16), v.digits(12, "14")]),
    ),
    "account": Field(
        ("银行账号", "收款账号", "对公账号"),
        ("bank_account", "account_no", "Acct No."),
        ("yhzh", "acct"),
        "bank_account",
        Values.bank_account,
    ),
    "ip": Field(
        ("注册IP", "登录IP"), ("reg_ip", "last_login_ip"), ("zcip", "dlip"), "ip_address", Values.ip
    ),
    "gps": Field(
        ("安装坐标", "定位"), ("gps", "location"), ("zb", "latlng"), "coordinates", Values.coords
    ),
    "member": Field(
        ("会员编号", "会员卡号"),
        ("member_no", "loyalty_id"),
        ("hybh", "hyk"),
        LOOKALIKE,
        Values.part11,
    ),
    "order_date": Field(
        ("下单日期", "购买日期", "安装日期"),
        ("order_date", "purchase_dt"),
        ("xdrq", "gmrq"),
        LOOKALIKE,
        Values.date,
    ),
    "serial": Field(
        ("机身序列号", "产品条码", "设备IMEI"),
        ("serial_no", "imei", "barcode"),
        ("xlh", "tm"),
        LOOKALIKE,
        lambda v: v.pick([v.sixteen(), v.imei(), v.eighteen()]),
    ),
    "model": Field(("型号", "产品型号"), ("model", "sku"), ("xh", "cpxh"), LOOKALIKE, Values.model),
    "amount": Field(
        ("消费金额", "金额"), ("total_spent", "amount"), ("xfje", "je"), LOOKALIKE, Values.price
    ),
    "gender": Field(("性别",), ("gender", "sex"), ("xb",), None, _gender),
    "city": Field(
        ("城市", "区域"),
        ("city", "region"),
        ("cs",),
        None,
        lambda v: v.pick(["佛山", "广州", "Hong Kong", "深圳", "中山", "Dubai", "Hamburg"]),
    ),
    "points": Field(("积分",), ("points",), ("jf",), None, lambda v: str(v.r.randint(0, 20000))),
}
OPTIONAL = [k for k in FIELDS if k != "name"]


def header(v: Values, key: str, style: str) -> str:
    f = FIELDS[key]
    if style == "zh":
        return v.pick(f.zh)
    if style == "en":
        return v.pick(f.en)
    if style == "short":
        return v.pick(f.short)
    return f"{v.pick(f.zh)}({v.pick(f.en)})"


def value(v: Values, key: str) -> tuple[str | None, str]:
    f = FIELDS[key]
    return f.kind, f.make(v)
