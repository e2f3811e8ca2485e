# ruff: noqa: E501, PLR0911, PLR0912
"""Structured kinds: purchase orders and delivery notes, CSV exports, JSON dumps, logs,
onboarding and HR forms."""

from __future__ import annotations

from bench.corpus5 import values as v
from bench.corpus5 import world as w
from bench.corpus5.ctx import Ctx
from bench.corpus5.doc import Doc, Num, Seg, Txt, look


def order(c: Ctx) -> tuple[Doc, str, str]:
    doc = Doc(nl=c.pick("\n", "\r\n"))
    buyer, contact, driver = c.r.choice(w.COMPANIES), c.person(0.2), c.person(0.0)
    d = c.day()
    delivery = c.r.random() < 0.4
    doc.line(
        c.pick("采购订单 PURCHASE ORDER", "PURCHASE ORDER", "送货单 DELIVERY NOTE", "发货通知单")
        if not delivery
        else c.pick("送货单 DELIVERY NOTE", "发货通知单 Shipping notice")
    )
    doc.line("=" * 60)
    doc.line(
        c.pick("PO No.: ", "订单编号："),
        look(f"PO{d:%Y%m%d}{c.r.randint(1000, 9999)}"),
        "        ",
        c.pick("Date: ", "日期："),
        look(f"{d:%Y-%m-%d}"),
    )
    doc.line(c.pick("Buyer: ", "采购方："), buyer[c.r.randint(0, 1)])
    doc.line(
        c.pick("Contact: ", "联系人："),
        c.name(contact),
        "    ",
        c.pick("Tel: ", "电话："),
        c.phone(),
    )
    if c.r.random() < 0.6:
        doc.line(
            c.pick("Email: ", "邮箱："),
            c.email(contact, c.pick("hengfa-hw.cn", "yuejia-elec.com", None)),
        )
    doc.line(c.pick("Ship to: ", "收货地址："), c.address(zh=c.r.random() < 0.6))
    doc.line(
        c.pick("Tax ID: ", "税号："),
        look(f"91440606{c.r.randint(10**8, 10**9 - 1)}{c.pick('A', 'B', 'K', 'X')}"),
    )
    doc.line()
    doc.line(f"{'Item':<6}{'Part No.':<22}{'Description':<28}{'Qty':>6}{'Unit price':>12}")
    for i in range(c.r.randint(2, 9)):
        label, lk = c.look()
        product = c.r.choice(w.PRODUCTS)
        part = (
            look(f"1{c.r.randint(3, 9)}{c.r.randint(10**8, 10**9 - 1)}")
            if c.r.random() < 0.5
            else look(product[2])
        )
        doc.line(
            f"{i + 1:<6}",
            part,
            " " * max(1, 22 - len(part.text)),
            f"{product[1][:26]:<28}",
            f"{c.r.randint(10, 5000):>6}",
            f"{c.r.randint(20, 3000)}.{c.r.randint(0, 99):02d}".rjust(12),
        )
        if c.r.random() < 0.3:
            doc.line("      ", label, ": ", lk)
    doc.line()
    if delivery:
        consignee = c.person(0.0)
        doc.line(
            c.pick("收货人：", "Consignee: "),
            c.titled(consignee) if c.r.random() < 0.5 else c.name(consignee),
            " ",
            c.mobile(),
        )
        doc.line(
            c.pick("Driver: ", "司机："),
            c.name(driver, "zh"),
            "  ",
            c.pick("Truck: ", "车牌："),
            c.plate(),
            "  ",
            c.mobile(),
        )
        doc.line(
            c.pick("Tracking: ", "运单号："),
            look(f"SF{c.r.randint(10**12, 10**13 - 1)}"),
            "   ",
            c.pick("Ship date: ", "发货日期："),
            look(f"{c.day():%Y/%m/%d}"),
        )
        doc.line(
            c.pick("Received by: ", "签收人："),
            c.name(c.person(0.1)),
            "   ",
            c.pick("签收时间：", "Received: "),
            look(f"{c.day():%Y-%m-%d}"),
        )
    else:
        doc.line(
            c.pick("Delivery date: ", "交货日期："),
            look(f"{c.day():%Y-%m-%d}"),
            "   Payment: T/T 30 days",
        )
        if c.r.random() < 0.5:
            doc.line(
                "Beneficiary bank: ",
                c.pick("Deutsche Bank", "HSBC", "UniCredit", "ING"),
                "  IBAN: ",
                c.iban(),
            )
        else:
            doc.line(
                "开户行：中国工商银行佛山顺德支行  账号：",
                c.account(),
                "  户名：",
                c.name(c.person(0.0), "zh"),
                "（个体工商户）",
            )
        doc.line(
            c.pick("Approved by: ", "审批人："),
            c.name(c.person(0.0)),
            "    ",
            c.pick("Prepared by: ", "制单："),
            c.name(c.person(0.0)),
        )
    return doc, ".txt", c.pick("utf-8", "utf-8", "gbk")


CSV_COLUMNS = {
    "name": ["客户姓名", "姓名", "Name", "Customer Name", "contact_name", "联系人"],
    "phone": ["手机", "联系电话", "Mobile", "Phone", "tel", "手机号码"],
    "email": ["邮箱", "Email", "E-mail", "email_address"],
    "address": ["地址", "收货地址", "Address", "Shipping Address", "安装地址"],
    "dob": ["出生日期", "生日", "Date of Birth", "DOB", "birthday"],
    "rid": ["身份证号", "证件号码", "ID No.", "id_card"],
    "plate": ["车牌号", "Plate", "车牌"],
    "card": ["银行卡号", "Card No.", "卡号"],
    "order": ["订单号", "Order No.", "order_id"],
    "date": ["下单日期", "Order Date", "created_at", "购买日期"],
    "sku": ["型号", "Model", "SKU", "物料编码"],
    "amount": ["金额", "Amount", "total"],
    "note": ["备注", "Remarks", "note"],
    "ip": ["注册IP", "last_login_ip", "IP"],
}


def _csv_value(c: Ctx, col: str, p, born) -> object:
    if col == "name":
        return c.name(p)
    if col == "phone":
        if c.r.random() < 0.1:
            return ['="', c.mobile(), '"']  # Excel's forced text
        return c.phone() if c.r.random() < 0.9 else ""
    if col == "email":
        return c.email(p)
    if col == "address":
        return c.address(zh=c.r.random() < 0.7)
    if col == "dob":
        return c.dob(born)
    if col == "rid":
        return c.pick(["'", c.rid(born)], ["\t", c.rid(born)], c.rid(born), c.rid(born))
    if col == "plate":
        return c.plate() if c.r.random() < 0.7 else ""
    if col == "card":
        return c.card()
    if col == "order":
        return (
            look(f"{c.r.randint(10**17, 10**18 - 1)}")
            if c.r.random() < 0.5
            else look(f"SO{c.day():%Y%m%d}{c.r.randint(100, 999)}")
        )
    if col == "date":
        return look(
            c.pick(f"{c.day():%Y-%m-%d}", f"{c.day():%Y/%m/%d %H:%M}", f"{c.day():%d/%m/%Y}")
        )
    if col == "sku":
        return c.look()[1]
    if col == "amount":
        return f"{c.r.randint(99, 99999)}.{c.r.randint(0, 99):02d}"
    if col == "ip":
        return c.ip(0.0)
    return c.pick(
        "",
        "",
        "VIP客户",
        "老客户，送货前电话联系",
        ["客户说找", c.titled(c.person(0.0)), "\n上次服务很满意"],
        ["备用电话 ", c.mobile()],
        "Repeat buyer, prefers e-mail",
        ["家属 ", c.name(c.person(0.0), "zh")],
    )


def csv(c: Ctx) -> tuple[Doc, str, str]:
    doc = Doc(nl=c.pick("\r\n", "\n"))
    cols = [
        "name",
        "phone",
        *c.r.sample([k for k in CSV_COLUMNS if k not in ("name", "phone")], c.r.randint(3, 7)),
    ]
    c.r.shuffle(cols)
    sep = c.pick(",", ",", ",", ";", "\t")
    quote_all = c.r.random() < 0.3
    doc.csv_row([c.r.choice(CSV_COLUMNS[k]) for k in cols], sep, quote_all)
    for _ in range(c.r.randint(5, 32)):
        p = c.person(0.1)
        born = c.born()
        doc.csv_row([_csv_value(c, k, p, born) for k in cols], sep, quote_all)
    return doc, ".tsv" if sep == "\t" else ".csv", c.pick("utf-8", "utf-8-sig", "utf-8-sig", "gbk")


def _json_record(c: Ctx, style: int) -> dict[str, object]:
    p = c.person(0.15)
    born = c.born()
    keys = [
        ("name", "phone", "email", "address", "birthday", "id_no", "created_at", "order_no"),
        (
            "customerName",
            "mobilePhone",
            "emailAddress",
            "shippingAddress",
            "dateOfBirth",
            "idCard",
            "createTime",
            "orderNo",
        ),
        (
            "CUST_NAME",
            "CUST_TEL",
            "CUST_EMAIL",
            "CUST_ADDR",
            "BIRTH_DT",
            "CERT_NO",
            "CRT_TM",
            "ORD_ID",
        ),
        ("姓名", "手机号", "邮箱", "收货地址", "出生日期", "身份证号", "创建时间", "订单编号"),
    ][style]
    rec: dict[str, object] = (
        {"_id": {"$oid": look(w.hexdigest(c.r, 24))}}
        if style == 1 and c.r.random() < 0.5
        else {"id": c.r.randint(10000, 999999)}
    )
    rec[keys[0]] = c.name(p)
    rec[keys[1]] = Num("phone", v.mobile(c.r)) if c.r.random() < 0.15 else c.phone()
    if c.r.random() < 0.7:
        rec[keys[2]] = c.email(p)
    if c.r.random() < 0.6:
        rec[keys[3]] = (
            c.address()
            if c.r.random() < 0.6
            else {"province": "广东省", "city": "佛山市", "detail": c.address()}
        )
    if c.r.random() < 0.4 and style == 1 and "_id" in rec:
        rec[keys[4]] = {"$date": Txt([Seg("date_of_birth", f"{born:%Y-%m-%d}"), "T00:00:00.000Z"])}
    elif c.r.random() < 0.4:
        rec[keys[4]] = c.dob(born)
    if c.r.random() < 0.35:
        rec[keys[5]] = c.rid(born)
    rec[keys[6]] = look(
        f"{c.day():%Y-%m-%d} {c.r.randint(0, 23):02d}:{c.r.randint(0, 59):02d}:{c.r.randint(0, 59):02d}"
    )
    rec[keys[7]] = look(f"{c.r.randint(10**17, 10**18 - 1)}")
    extra = c.r.random()
    if extra < 0.15:
        lat, lon = v.coordinates(c.r)
        rec["location"] = {"lat": Num("coordinates", str(lat)), "lng": Num("coordinates", str(lon))}
    elif extra < 0.25:
        rec["vehicle"] = {
            "plate": c.plate(),
            "model": c.pick("比亚迪汉EV", "Tesla Model Y", "广汽埃安S"),
        }
    elif extra < 0.35:
        _, num = c.passport()
        rec["passport"] = {"no": num, "country": c.pick("CN", "HK", "DE", "US")}
    elif extra < 0.45:
        rec["payment"] = {"card_no": c.card(), "bank": c.pick("招商银行", "工商银行", "HSBC")}
    elif extra < 0.55:
        rec["devices"] = [
            {
                "sn": c.look()[1],
                "fw": look(
                    f"{c.r.randint(1, 5)}.{c.r.randint(0, 20)}.{c.r.randint(0, 99)}.{c.r.randint(1, 250)}"
                ),
                "last_ip": c.ip(0.2),
            }
        ]
    if c.r.random() < 0.2:
        contact = c.person(0.1)
        rec["contacts" if style != 3 else "联系人"] = [
            {
                "role": c.pick("采购", "财务", "收货人", "buyer"),
                "name": c.name(contact),
                "tel": c.phone(),
            }
        ]
    if c.r.random() < 0.3:
        rec["remark"] = Txt(
            [
                c.pick("联系人：", "找"),
                c.name(c.person(0.0), "zh"),
                c.pick("，电话 ", " tel "),
                c.mobile(),
            ]
        )
    return rec


def json_dump(c: Ctx) -> tuple[Doc, str, str]:
    doc = Doc()
    style = c.r.randint(0, 3)
    records = [_json_record(c, style) for _ in range(c.r.randint(2, 10))]
    if c.r.random() < 0.3:  # JSON lines
        for r in records:
            doc.json(r, indent=None)
            doc.put("\n")
        return doc, ".jsonl", "utf-8"
    table = c.pick("customers", "crm_contacts", "t_order_user", "service_orders")
    doc.json(
        {
            "table": table,
            "exported_at": look(f"{c.day():%Y-%m-%dT%H:%M:%S}+08:00"),
            "rows": records,
            "db": {"host": c.ip(1.0), "user": "readonly", "password": c.password()}
            if c.r.random() < 0.2
            else {"host": "db-master"},
        },
        indent=c.pick(2, 4, None),
    )
    doc.put("\n")
    return doc, ".json", "utf-8"


def logs(c: Ctx) -> tuple[Doc, str, str]:
    doc = Doc()
    style = c.r.randint(0, 3)
    d = c.day()
    for _ in range(c.r.randint(10, 40)):
        ts = f"{d:%Y-%m-%d} {c.r.randint(0, 23):02d}:{c.r.randint(0, 59):02d}:{c.r.randint(0, 59):02d}"
        p = c.person(0.1)
        if style == 0:
            doc.line(
                c.ip(0.3),
                " - - [",
                f"{d.day:02d}/{['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.month - 1]}/{d.year}:{c.r.randint(0, 23):02d}:10:{c.r.randint(10, 59)} +0800] ",
                f'"{c.pick("GET", "POST")} ',
                c.pick(
                    ["/api/v2/warranty?mobile=", c.mobile()],
                    f"/static/app.{c.r.randint(1, 9)}.js",
                    ["/api/login?user=", c.email(p)],
                    "/health",
                    [
                        "/ota/firmware/",
                        look(
                            f"{c.r.randint(1, 4)}.{c.r.randint(0, 9)}.{c.r.randint(0, 9)}.{c.r.randint(10, 99)}"
                        ),
                        ".bin",
                    ],
                ),
                f' HTTP/1.1" {c.pick(200, 200, 304, 404, 500)} {c.r.randint(100, 90000)} "-" "Mozilla/5.0 (Linux; Android 13) MideaHome/{c.r.randint(5, 9)}.{c.r.randint(0, 9)}.{c.r.randint(0, 9)}"',
            )
        elif style == 1:
            level = c.pick("INFO", "INFO", "WARN", "ERROR", "DEBUG")
            doc.line(
                f"{ts}.{c.r.randint(100, 999)} {level} [http-nio-8080-exec-{c.r.randint(1, 20)}] c.l.crm.service.CustomerService - ",
                c.pick(
                    [
                        "saved customer id=",
                        c.r.randint(1000, 99999),
                        " name=",
                        c.name(p),
                        " mobile=",
                        c.mobile(),
                    ],
                    ["login ok user=", c.email(p), " ip=", c.ip()],
                    ["sync batch ", c.look()[1], " done"],
                    [
                        "datasource url=jdbc:mysql://",
                        c.ip(1.0),
                        ":3306/crm?user=crm_app&password=",
                        c.password(),
                    ],
                    ["verify idCard=", c.rid(), " result=MATCH"],
                ),
            )
            if level == "ERROR":
                doc.line(
                    "java.lang.IllegalStateException: duplicate key ",
                    look(f"{c.r.randint(10**17, 10**18 - 1)}"),
                )
                doc.line(
                    "\tat com.lanheng.crm.service.CustomerService.save(CustomerService.java:",
                    c.r.randint(40, 400),
                    ")",
                )
                doc.line(
                    "\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:186)"
                )
        elif style == 2:
            doc.line(
                f"ts={ts} level={c.pick('info', 'warn')} svc=iot-gateway device=",
                c.look()[1],
                " ",
                c.pick(
                    ["src_ip=", c.ip(0.0)],
                    ["gps=", c.coords()],
                    ["owner_phone=", Seg("phone", v.mobile(c.r))],
                    ["fw=", look(f"{c.r.randint(1, 9)}.{c.r.randint(0, 9)}.{c.r.randint(0, 99)}")],
                    ["api_key=", c.secret()],
                ),
                f" latency_ms={c.r.randint(2, 900)}",
            )
        else:
            doc.json(
                {
                    "@timestamp": f"{d:%Y-%m-%d}T{c.r.randint(0, 23):02d}:{c.r.randint(0, 59):02d}:00.000Z",
                    "level": c.pick("INFO", "WARN"),
                    "logger": "wecom.callback",
                    "msg": c.pick("message received", "token refreshed", "user bound"),
                    "user": c.name(p) if c.r.random() < 0.5 else f"uid_{c.r.randint(1000, 9999)}",
                    "client_ip": c.ip(0.2),
                    "trace_id": look(w.hexdigest(c.r, 32)),
                    **({"corpsecret": c.secret()} if c.r.random() < 0.1 else {}),
                },
                indent=None,
            )
            doc.put("\n")
    return doc, ".log", "utf-8"


def form(c: Ctx) -> tuple[Doc, str, str]:
    doc = Doc(nl=c.pick("\n", "\r\n"))
    p, emergency = c.person(0.1), c.person(0.0)
    born = c.born(18, 55)
    colon = c.pick("：", ": ", "：")
    doc.line(
        c.pick(
            "新员工入职登记表 Employee Onboarding Form",
            "员工信息登记表",
            "ONBOARDING FORM / 入职表",
        )
    )
    doc.line(c.pick("-" * 40, "=" * 40, ""))
    rows: list[tuple[str, object]] = [
        ("姓名 Name", c.name(p)),
        ("英文名 English name", c.name(p, "en")),
        ("性别 Gender", "男" if p.gender == "m" else "女"),
        (c.pick("出生日期", "出生年月日", "Date of Birth", "生日 DOB"), c.dob(born)),
        (c.pick("身份证号码", "身份证号", "ID Card No."), c.rid(born)),
        (c.pick("手机", "联系电话", "Mobile"), c.mobile()),
        (c.pick("个人邮箱", "Email"), c.email(p)),
        (c.pick("户籍地址", "家庭住址", "Home address"), c.address()),
        (c.pick("现住址", "Current address"), c.address()),
        (c.pick("工资卡号", "银行卡号", "Salary card"), c.card()),
        (
            "紧急联系人 Emergency contact",
            [
                c.name(emergency, "zh"),
                "（",
                c.pick("配偶", "父亲", "母亲", "姐姐"),
                "）",
                c.mobile(),
            ],
        ),
        (c.pick("入职日期", "Start date"), look(f"{c.day():%Y-%m-%d}")),
        (c.pick("工号", "Employee No."), look(f"LH{c.r.randint(100000, 999999)}")),
        ("部门 Dept.", c.pick("总装车间", "品质部", "外贸部", "研发中心")),
    ]
    if c.r.random() < 0.4:
        _cc, num = c.passport()
        rows.append((c.pick("护照号码", "Passport No.", "护照号"), num))
        rows.append(
            (
                "护照有效期至 Expiry",
                look(f"{c.day().year + 8}-{c.r.randint(1, 12):02d}-{c.r.randint(1, 28):02d}"),
            )
        )
    if c.r.random() < 0.4:
        rows.append((c.pick("车牌号（停车登记）", "Car plate"), c.plate()))
    if c.r.random() < 0.2:
        rows.append(("Overseas account IBAN", c.iban()))
    tail = rows[5:]
    c.r.shuffle(tail)
    rows = rows[:5] + tail
    layout = c.r.random()
    if layout < 0.25:
        for label, value in rows:
            doc.line("| ", label, " | ", value, " |")
    elif layout < 0.45:  # two fields a line, as a printed form
        for i in range(0, len(rows), 2):
            pair = rows[i : i + 2]
            doc.line(*[[label, colon, value, "        "] for label, value in pair])
    else:
        for label, value in rows:
            doc.line(label, colon, value)
    doc.line()
    doc.line(
        "本人承诺以上信息真实有效。  签名：",
        c.name(p, "zh" if p.zh else "en"),
        "   HR：",
        c.titled(c.person(0.0)),
    )
    return doc, ".txt", c.pick("utf-8", "utf-8", "gbk", "utf-8-sig")
