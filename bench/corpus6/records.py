"""Corpus 6's kinds written by systems: purchase orders and delivery notes, CSV exports,
JSON dumps and application logs."""

from __future__ import annotations

from bench.corpus6.doc import Doc, dob_text
from bench.corpus6.prose import titled


def order(d: Doc) -> None:
    v, r = d.v, d.v.r
    delivery = r.random() < 0.4
    d.t("送货单 DELIVERY NOTE\n" if delivery else "采购订单 PURCHASE ORDER\n")
    d.t("单号 No.: ").fake(v.lookalike("order")).t("    日期 Date: ").fake(v.business_date()).nl()
    d.t("供应商 Supplier: 佛山市顺德区恒泰电器配件有限公司  税号 ").fake(
        f"91440606{v.digits(10)}"
    ).nl()
    d.t("联系人 Contact: ").pii("person_name", v.zh_name()).t("  Tel: ").pii(
        "phone", v.phone()
    ).nl()
    d.t("收货地址 Ship to: ").pii(
        "address", v.address_zh() if r.random() < 0.7 else v.address_en()
    ).nl()
    d.t("收货人 Consignee: ").pii("person_name", v.zh_name()).t("  手机 ").pii(
        "phone", v.mobile()
    ).nl()
    if delivery and r.random() < 0.6:
        d.t("司机 Driver: ").pii("person_name", v.zh_name()).t("  车牌 ").pii(
            "licence_plate", v.plate()
        ).t("  电话 ").pii("phone", v.mobile()).nl()
    d.t("\n行 | 物料编码 P/N | 描述 | 数量 | 单价 | 批次 Lot\n")
    for i in range(r.randint(3, 12)):
        d.t(f"{i + 1:>2} | ").fake(v.lookalike("part")).t(
            f" | {r.choice(('铜管', 'PCB板', '风扇电机', 'Gasket', 'Sensor', '压缩机'))}"
            f" | {r.randint(1, 5000)} | {r.randint(1, 900)}.{r.randint(0, 99):02d} | "
        ).fake(v.lookalike("serial")).nl()
    d.t("\n交货期 Delivery date: ").fake(v.business_date()).t("   运单号 AWB: ").fake(
        v.lookalike("tracking")
    ).nl()
    if r.random() < 0.3:
        d.t("付款账户 Beneficiary account: ").pii("iban", v.iban()).nl()
    d.t("采购员 Buyer: ").pii("person_name", v.zh_name()).t("   审批 Approved by: ")
    titled(d)
    d.nl()


CSV_HEADS = (
    ("客户编号", "姓名", "手机", "邮箱", "地址", "出生日期", "订单号", "下单日期"),
    ("CustomerID", "Full Name", "Phone", "E-mail", "Address", "DOB", "Order No", "Order Date"),
    ("id", "name", "mobile", "email", "addr", "birthday", "order_ref", "created"),
)


def csv(d: Doc) -> None:
    v, r = d.v, d.v.r
    head = r.choice(CSV_HEADS)
    extra = r.random() < 0.5
    cols = [*head, *(("身份证号", "车牌") if extra else ())]
    sep = r.choice((",", ",", ";", "\t"))
    d.t(sep.join(cols) + "\n")
    quote_all = r.random() < 0.3
    for _ in range(r.randint(8, 30)):
        born = v.birth()
        name = v.zh_name() if r.random() < 0.8 else v.west_name()
        cells: list[tuple[str | None, str]] = [
            (None, f"C{v.digits(7)}"),
            ("person_name", name),
            ("phone", v.phone()),
            ("email", v.email(name)),
            ("address", v.address_zh() if r.random() < 0.7 else v.address_en()),
            ("date_of_birth", dob_text(v, born, head[0] == "客户编号")),
            ("lookalike", v.lookalike("order")),
            ("lookalike", v.business_date()),
        ]
        if extra:
            cells += [("resident_id", v.resident_id(born)), ("licence_plate", v.plate())]
        for i, (kind, value) in enumerate(cells):
            if i:
                d.t(sep)
            needs = quote_all or sep in value or ("," in value)
            if kind == "address" and r.random() < 0.1:  # an address typed over two lines
                d.t('"').pii("address", value).t('\n（备注：放门卫）"')
                continue
            if needs:
                d.t('"')
            if kind is None:
                d.t(value)
            else:
                d.pii(kind, value)
            if needs:
                d.t('"')
        d.nl()


def json_dump(d: Doc) -> None:
    v, r = d.v, d.v.r
    style = r.randint(0, 2)
    keys = (
        ("name", "mobile", "email", "idCard", "birthDate", "address", "orderNo", "createdAt"),
        (
            "customer_name",
            "phone_number",
            "email_address",
            "id_no",
            "date_of_birth",
            "home_address",
            "po_number",
            "created_at",
        ),
        ("xm", "sjh", "yx", "sfzh", "csrq", "dz", "ddh", "cjsj"),
    )[style]
    d.t('{"table": "crm_customer", "exported": "').fake(v.business_date()).t('", "rows": [\n')
    n = r.randint(4, 14)
    for i in range(n):
        born = v.birth()
        name = v.zh_name()
        d.t('  {"id": ' + str(r.randint(1000, 99999)) + ', "' + keys[0] + '": ').jstr(
            "person_name", name
        )
        d.t(f', "{keys[1]}": ').jstr("phone", v.mobile())
        d.t(f', "{keys[2]}": ').jstr("email", v.email(name))
        if r.random() < 0.6:
            d.t(f', "{keys[3]}": ').jstr("resident_id", v.resident_id(born))
        d.t(f', "{keys[4]}": ').jstr(
            "date_of_birth", born.isoformat() if r.random() < 0.7 else born.strftime("%Y%m%d")
        )
        d.t(f', "{keys[5]}": ').jstr("address", v.address_zh())
        d.t(', "orders": [')
        for j in range(r.randint(0, 3)):
            d.t(", " if j else "").t(f'{{"{keys[6]}": ').jstr("lookalike", v.lookalike("order")).t(
                f', "{keys[7]}": '
            ).jstr("lookalike", v.business_date()).t(', "sku": ').jstr(
                "lookalike", v.lookalike("part")
            ).t("}")
        d.t("]")
        if r.random() < 0.3:
            d.t(', "device": {"last_ip": ').jstr("ip_address", v.ip()).t(', "fw": ').jstr(
                "lookalike", v.lookalike("version")
            ).t("}")
        if r.random() < 0.2:
            num, kind = v.card()
            d.t(', "payment": {"card_no": ').jstr(kind, num).t("}")
        if r.random() < 0.15:
            d.t(', "geo": {"loc": ').jstr("coordinates", v.coordinates()).t("}")
        if r.random() < 0.1:
            num, _ = v.passport()
            d.t(', "passport_no": ').jstr("passport", num)
        d.t("}" + ("," if i < n - 1 else "") + "\n")
    d.t("]")
    if r.random() < 0.3:
        d.t(', "config": {"db_url": "postgresql://erp_app:').pii("secret", v.password()).t("@").pii(
            "ip_address", v.ipv4()
        ).t(':5432/crm", "api_key": ').jstr("secret", v.api_key()).t("}")
    d.t("}\n")


def log(d: Doc) -> None:
    v, r = d.v, d.v.r
    style = r.randint(0, 3)
    for _ in range(r.randint(10, 36)):
        when = f"{v.business_date()}".replace("年", "-").replace("月", "-").replace("日", "")
        if style == 0:  # nginx access log
            d.pii("ip_address", v.ip()).t(
                f" - - [07/Mar/2026:{r.randint(10, 23)}:{r.randint(10, 59)}:{r.randint(10, 59)}"
                ' +0800] "GET /api/v2/orders/'
            )
            d.fake(v.lookalike("order")).t("?phone=").pii("phone", v.mobile_digits()).t(
                f' HTTP/1.1" 200 {r.randint(200, 9000)} "-" "Mozilla/5.0" '
            ).t("\n")
        elif style == 1:  # key=value
            x = r.random()
            d.t(f"ts=2026-03-07T{r.randint(10, 23)}:{r.randint(10, 59)}:05+08:00 level=info ")
            if x < 0.4:
                d.t("msg=login user=").pii("email", v.email()).t(" src=").pii(
                    "ip_address", v.ip()
                ).t(" build=").fake(v.lookalike("version")).nl()
            elif x < 0.7:
                d.t("msg=sms_sent to=").pii("phone", v.mobile_digits()).t(" order=").fake(
                    v.lookalike("order")
                ).nl()
            elif x < 0.8:
                d.t('msg=auth header="Authorization: Bearer ').pii("secret", v.jwt()).t('"\n')
            else:
                d.t("msg=shipment trace=").fake(v.lookalike("tracking")).t(" carrier=SF\n")
        elif style == 2:  # JSON lines
            d.t(
                '{"@timestamp":"2026-03-07T08:00:00Z","level":"INFO","event":"profile_update","user":'
            ).jstr("person_name", v.zh_name())
            d.t(',"mobile":').jstr("phone", v.mobile()).t(',"client_ip":').jstr(
                "ip_address", v.ip()
            ).t(',"app_ver":').jstr("lookalike", v.lookalike("version")).t("}\n")
        else:  # Java with stack traces
            d.t(
                f"{when} 10:21:33.{r.randint(100, 999)} ERROR"
                f" [http-nio-8080-exec-{r.randint(1, 20)}]"
                " c.f.crm.CustomerService - update failed for idCard="
            )
            d.pii("resident_id", v.resident_id()).t(" name=").pii("person_name", v.zh_name()).nl()
            if r.random() < 0.3:
                d.t("java.sql.SQLException: Access denied for user 'crm'@'").pii(
                    "ip_address", v.ipv4()
                ).t("' (using password: YES) password=").pii("secret", v.password()).nl()
            d.t("\tat com.fsmech.crm.CustomerService.update(CustomerService.java:").t(
                str(r.randint(40, 400))
            ).t(")\n\tat java.base/java.lang.Thread.run(Thread.java:833)\n")
    if r.random() < 0.3:
        d.t("# config dump\nSPRING_DATASOURCE_PASSWORD=").pii("secret", v.password()).t(
            "\nOSS_ACCESS_KEY="
        ).pii("secret", v.api_key()).nl()
