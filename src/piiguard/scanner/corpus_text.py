"""The documents of the evaluation corpus: customer emails, purchase orders, after-sales
tickets, CSV exports and logs, in Chinese and English, each with its labelled spans."""

from __future__ import annotations

from collections.abc import Callable

from piiguard.scanner.corpus import LOOKALIKE, Document, Span, Values


def zh_email(v: Values, d: Document) -> None:
    title = v.r.choice(["先生", "女士"])
    d.t("尊敬的").e("person_name", v.zh_name()).t(f"{title}：\n您好！您的订单 ")
    d.e(LOOKALIKE, v.order()).t(" 已于 ").e(LOOKALIKE, v.other_date()).t(" 发货，收货地址：")
    d.e("address", v.zh_address()).t("。如有疑问请致电 ").e("phone", v.mobile())
    d.t(" 或发送邮件至 ").e("email", v.email()).t("。\n")
    d.t(f"{v.zh.company()} 客服中心\n\n")


def en_email(v: Values, d: Document) -> None:
    d.t(f"Dear {v.r.choice(['Mr.', 'Ms.', 'Mrs.'])} ").e("person_name", v.en_name())
    d.t(",\nThank you for order ").e(LOOKALIKE, v.order()).t(". We will ship it to ")
    d.e("address", v.en_address()).t(" on ").e(LOOKALIKE, v.other_date())
    d.t(". Your card ").e("credit_card", v.credit_card()).t(" was charged. Questions? Call ")
    d.e("phone", v.foreign_phone()).t(" or write to ").e("email", v.email())
    d.t(".\nBest regards,\n").e("person_name", v.en_name()).t("\nCustomer Service\n\n")


def purchase_order(v: Values, d: Document) -> None:
    d.t("采购订单 ").e(LOOKALIKE, v.order()).t(f"\n供应商：{v.zh.company()}\n联系人：")
    d.e("person_name", v.zh_name()).t("，手机：").e("phone", v.mobile()).t("，座机：")
    d.e("phone", v.landline()).t("\n收款银行卡号：").e("bank_card", v.bank_card())
    d.t("\nIBAN: ").e("iban", v.iban()).t("\n交货日期：").e(LOOKALIKE, v.other_date())
    d.t("\n零件号 ").e(LOOKALIKE, v.part()).t(f" 数量 {v.r.randint(1, 500)} 件，批次 ")
    d.e(LOOKALIKE, v.bad_card()).t("\n送货地址：").e("address", v.zh_address()).t("\n\n")


def ticket(v: Values, d: Document) -> None:
    d.t(f"售后工单 #{v.r.randint(10000, 99999)}\n客户").e("person_name", v.zh_name())
    d.t("先生反馈设备无法启动（固件版本 ").e(LOOKALIKE, v.version()).t("）。\n身份证号：")
    d.e("resident_id", v.resident_id()).t("，出生日期：").e("date_of_birth", v.birth_date(True))
    d.t("，护照号码：").e("passport", v.passport()).t("\n车牌号 ").e("licence_plate", v.plate())
    d.t("，设备定位 经纬度 ").e("coordinates", v.coordinates()).t("。\n")
    d.t("旧工单流水号 ").e(LOOKALIKE, v.bad_resident_id()).t(" 已关闭。\n\n")


def en_ticket(v: Values, d: Document) -> None:
    d.t(f"Ticket {v.r.randint(10000, 99999)}: customer ").e("person_name", v.en_name())
    d.t(" (DOB: ").e("date_of_birth", v.birth_date(False)).t(") reports that firmware version ")
    d.e(LOOKALIKE, v.version()).t(" fails. Passport No. ").e("passport", v.passport())
    d.t(". GPS ").e("coordinates", v.coordinates()).t(". Serial ").e(LOOKALIKE, v.bad_card())
    d.t(", part ").e(LOOKALIKE, v.part()).t(".\n\n")


def csv_export(v: Values, d: Document) -> None:
    d.t("id,phone,email,id_card,card,ip,order\n")
    for _ in range(v.r.randint(5, 12)):
        d.t(f"{v.r.randint(1, 99999)},").e("phone", v.mobile()).t(",").e("email", v.email())
        d.t(",").e("resident_id", v.resident_id()).t(",").e("credit_card", v.credit_card())
        d.t(",").e("ip_address", v.ipv4()).t(",").e(LOOKALIKE, v.order()).t("\n")
    d.t("\n")


def log_lines(v: Values, d: Document) -> None:
    for _ in range(v.r.randint(4, 10)):
        stamp = f"2024-06-{v.r.randint(10, 28)} {v.r.randint(10, 23)}:{v.r.randint(10, 59)}:11"
        kind = v.r.randint(0, 5)
        d.t(f"{stamp} ")
        if kind == 0:
            d.t("INFO login user=").e("email", v.email()).t(" ip=").e("ip_address", v.ipv4())
            d.t(" ua=Mozilla/5.0 Chrome/120.0.6099.109\n")
        elif kind == 1:
            d.t("INFO client ").e("ip_address", v.ipv6()).t(" build ").e(LOOKALIKE, v.version())
            d.t("\n")
        elif kind == 2:
            d.t("DEBUG db connect password=").e("secret", v.password()).t(" pool=5\n")
        elif kind == 3:
            d.t("WARN payment retry order=").e(LOOKALIKE, v.order()).t(" ref=")
            d.e(LOOKALIKE, v.bad_card()).t("\n")
        elif kind == 4:
            d.t("INFO deploy key ").e("secret", v.token()).t(" rotated\n")
        else:
            d.t("ERROR sms failed to ").e("phone", v.mobile()).t(" rate ").e(
                LOOKALIKE, f"{v.r.uniform(6, 8):.4f}, {v.r.uniform(6, 8):.4f}"
            ).t("\n")
    d.t("\n")


def key_file(v: Values, d: Document) -> None:
    d.t("# deploy config\nssh_key: |\n").e("secret", v.private_key()).t("\n\n")


KINDS: dict[str, tuple[Callable[[Values, Document], None], int]] = {
    "emails_zh.txt": (zh_email, 6),
    "emails_en.eml": (en_email, 5),
    "orders.txt": (purchase_order, 5),
    "tickets.log": (ticket, 5),
    "tickets_en.txt": (en_ticket, 3),
    "export.csv": (csv_export, 2),
    "app.log": (log_lines, 6),
    "config.txt": (key_file, 1),
}


def _pick(v: Values, total_weight: int) -> str:
    pick = v.r.uniform(0, total_weight)
    for name, (_template, weight) in KINDS.items():
        pick -= weight
        if pick <= 0:
            return name
    return next(iter(KINDS))


def generate(size: int = 5_000_000, seed: int = 20240618) -> dict[str, tuple[str, list[Span]]]:
    """Files of labelled text, about `size` UTF-8 bytes in all, mixed by kind."""
    v = Values(seed)
    docs = {name: Document(name) for name in KINDS}
    total_weight = sum(weight for _, weight in KINDS.values())
    written = 0
    while written < size:
        name = _pick(v, total_weight)
        document = docs[name]
        first_new = len(document.parts)
        KINDS[name][0](v, document)
        written += sum(len(part.encode()) for part in document.parts[first_new:])
    return {name: (d.text, d.spans) for name, d in docs.items()}
