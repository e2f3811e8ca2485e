"""Corpus 12's application logs (nginx, Spring Boot with MyBatis parameters and SQL, Node
winston JSON, Go zap, Linux audit, stack traces) and onboarding forms (text, Markdown, docx,
xlsx; emergency contacts, salary accounts, IDs, foreign staff's passports)."""

from __future__ import annotations

from typing import Any

from bench.corpus12.out import Out, docx_file, text_file, xlsx_file
from bench.corpus12.people import OFFICES, person
from bench.corpus12.values import Doc, Gen

L = "lookalike"
Pieces = list[Any]


def _ua(g: Gen) -> Pieces:
    r = g.r
    v = f"{r.randint(110, 131)}.0.0.0"
    return r.choice(
        [
            [
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/",
                (L, v),
                " Safari/537.36",
            ],
            ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) MicroMessenger/8.0.44"],
            ["okhttp/4.9.3"],
        ]
    )


def _event(g: Gen, style: str) -> Pieces:  # noqa: PLR0911 - one per kind of line
    r = g.r
    p = person(g)
    k = r.randrange(7)
    if style == "nginx":
        ip = g.ip()
        q: Pieces = r.choice(
            [
                [
                    "/api/v1/warranty?phone=",
                    ("phone", g.mobile_digits()),
                    "&sn=",
                    (L, g.serial16()),
                ],
                ["/member/bind?email=", ("email", p.email), "&from=wx"],
                ["/api/track?waybill=", (L, g.waybill())],
                ["/oauth/callback?access_token=", ("secret", g.secret()), "&state=", (L, g.uuid())],
                ["/static/js/app.", g.hash40()[:8], ".js"],
            ]
        )
        return [
            ("ip_address", ip),
            f' - - [07/Dec/2026:{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:11 +0800] "GET ',
            *q,
            f' HTTP/1.1" {r.choice([200, 200, 302, 404, 500])} {r.randint(200, 90000)} "-" "',
            *_ua(g),
            '"',
        ]
    clock = f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
    head = f"2026-12-07 {clock}.{r.randint(0, 999):03d}"
    if style == "spring":
        pre = f"{head}  INFO {r.randint(1000, 9999)} --- [nio-8080-exec-{r.randint(1, 9)}] "
        if k == 0:
            return [
                pre,
                "c.l.crm.mapper.CustomerMapper.insert   : ==> Parameters: ",
                ("person_name", p.name),
                "(String), ",
                ("phone", g.mobile_digits()),
                "(String), ",
                ("resident_id", g.rid()),
                "(String)",
            ]
        if k == 1:
            return [
                pre,
                "c.l.hr.StaffService : INSERT INTO hr_staff (name, mobile, bank_card) VALUES ('",
                ("person_name", p.name),
                "','",
                ("phone", g.mobile_digits()),
                "','",
                ("bank_card", g.bank_card()),
                "')",
            ]
        if k == 2:
            return [
                pre.replace(" INFO", "ERROR"),
                "o.a.c.c.C.[dispatcherServlet] : DuplicateKeyException: ",
                "Duplicate entry '",
                ("phone", g.mobile_digits()),
                "' for key 'uk_mobile'\n",
                "\tat com.lnguangyi.crm.service.CustomerService.create(CustomerService.java:88)\n",
                "\tat java.base/java.lang.Thread.run(Thread.java:833)",
            ]
        if k == 3:
            return [
                pre,
                "c.l.pay.GatewayClient : charge ok card=",
                ("credit_card", g.credit_card()),
                " holder=",
                ("person_name", p.latin),
                " traceId=",
                g.hash40()[:32],
            ]
        if k == 4:
            return [
                pre,
                "c.l.iot.DeviceService : device online imei=",
                (L, g.imei()),
                " fw=",
                (L, g.version4()),
                " from ",
                ("ip_address", g.ip()),
            ]
        if k == 5:
            host = g.ip()
            return [
                pre,
                "c.l.cfg.DataSource : url=jdbc:mysql://",
                "[" if ":" in host else "",
                ("ip_address", host),
                "]" if ":" in host else "",
                ":3306/crm user=app password=",
                ("secret", g.secret()),
            ]
        return [
            pre,
            "c.l.wms.ShipService : ship order ",
            g.order_no(),
            " to ",
            ("address", g.address()),
            " tel ",
            ("phone", g.mobile()),
            " plate ",
            ("licence_plate", g.plate()),
        ]
    if style == "winston":
        if k < 3:
            return [
                '{"level":"info","message":"user login","meta":{"email":"',
                ("email", p.email),
                '","ip":"',
                ("ip_address", g.ip()),
                '","ua":"',
                *_ua(g),
                '"},"timestamp":"',
                head,
                '"}',
            ]
        if k < 5:
            return [
                '{"level":"warn","message":"geo lookup","coords":"',
                ("coordinates", g.coords()),
                '","user":"',
                ("person_name", p.latin),
                '","timestamp":"',
                head,
                '"}',
            ]
        return [
            '{"level":"debug","message":"request","headers":{"authorization":"Bearer ',
            ("secret", g.jwt()),
            '"},"requestId":"',
            (L, g.uuid()),
            '"}',
        ]
    if style == "zap":
        return [
            head.replace(" ", "T") + "+0800\tINFO\thandler/member.go:",
            str(r.randint(20, 400)),
            "\tbind ok\t",
            '{"name": "',
            ("person_name", p.name),
            '", "mobile": "',
            ("phone", p.phone),
            '", "dob": "',
            ("date_of_birth", g.dob()),
            '", "build": "',
            (L, g.hash40()),
            '"}',
        ]
    return [
        f"type=USER_LOGIN msg=audit({r.randint(1700000000, 1799999999)}.{r.randint(100, 999)}:"
        f"{r.randint(1, 9999)}): ",
        'acct="',
        ("email", p.email),
        '" addr=',
        ("ip_address", g.ip()),
        " terminal=ssh res=success",
    ]


def write_log(g: Gen, i: int) -> Out:
    r = g.r
    style = r.choice(["nginx", "nginx", "spring", "spring", "winston", "zap", "audit"])
    doc = Doc()
    for _ in range(r.randint(4, 16)):
        doc.line(*_event(g, style))
    ext = "json.log" if style == "winston" else "log"
    return text_file(f"log/{style}_{i:04d}.{ext}", "log", doc)


def _form(g: Gen) -> list[tuple[str, Pieces]]:
    """An onboarding form's (label, value pieces) rows."""
    r = g.r
    where = r.choice(["CN", "CN", "CN", "SG", "VN"])
    p = person(g, where, staff=True)
    born = g.birth()
    rows: list[tuple[str, Pieces]] = [("姓名 Name", [("person_name", p.name)])]
    if p.name != p.latin:
        rows.append(("拼音 / English name", [("person_name", p.latin)]))
    rows += [
        ("性别 Gender", [r.choice(["男", "女", "M", "F"])]),
        ("出生日期 Date of Birth", [("date_of_birth", g.dob(born))]),
    ]
    if where == "CN":
        rows.append(("身份证号码 ID No.", [("resident_id", g.rid(born))]))
    else:
        rows.append(("护照号码 Passport No.", [("passport", g.passport(where))]))
        rows.append(("护照有效期 Passport expiry", [(L, g.when())]))
    rows += [
        ("手机 Mobile", [("phone", p.phone)]),
        ("邮箱 Email", [("email", p.email)]),
        ("现住址 Current address", [("address", g.address(where))]),
        ("入职日期 Start date", [(L, g.when())]),
        ("部门 Dept", [r.choice(["生产部", "品质部", "Sales SG", "Nhà máy Đồng Nai", "财务部"])]),
        (
            "工号 Staff No.",
            [(L, g.part_mobile())] if r.random() < 0.4 else [f"GY{r.randint(1000, 9999)}"],
        ),
    ]
    ec = g.cn() if where == "CN" else person(g, where).name
    rows.append(
        (
            "紧急联系人 Emergency contact",
            [
                ("person_name", ec),
                f" ({r.choice(['配偶', '父亲', 'Mother', 'Spouse'])}) ",
                ("phone", g.mobile() if where == "CN" else person(g, where).phone),
            ],
        )
    )
    if where == "CN":
        rows.append(("工资卡开户行 Bank", [r.choice(["中国银行江门分行", "农业银行新会支行"])]))
        rows.append(("工资卡号 Salary card", [("bank_card", g.bank_card())]))
    else:
        rows.append(("Bank account 银行账号", [("bank_account", g.bank_account(where))]))
    if r.random() < 0.4:
        rows.append(("车牌 Parking plate", [("licence_plate", g.plate())]))
    if r.random() < 0.3:
        rows.append(("子女出生日期 Child's DOB", [("date_of_birth", g.dob())]))
    if r.random() < 0.3:
        rows.append(("培训教材 Handbook ISBN", [(L, g.isbn())]))
    if r.random() < 0.2:
        rows.append(("系统初始密码 Initial password", [("secret", g.secret())]))
    rows.append(("填表日期 Date", [(L, g.when())]))
    return rows


def _doc(pieces: Pieces) -> Doc:
    d = Doc()
    for p in pieces:
        d.add(p)
    return d


def write_hr(g: Gen, i: int) -> Out:
    r = g.r
    rows = _form(g)
    style = r.choices(["txt", "md", "docx", "xlsx"], [14, 12, 1, 4])[0]
    title = f"{OFFICES['CN'][0]} 员工入职登记表 / Employee Onboarding Form"
    if style == "docx":
        table = [[label, _doc(v)] for label, v in rows]
        return docx_file(
            f"hr_form/onboarding_{i:04d}.docx",
            "hr_form",
            [title, "请如实填写 / Please fill in truthfully", ""],
            [table],
        )
    if style == "xlsx":
        sheet: list[list[Any]] = [[title]]
        for n in range(0, len(rows), 2):
            line: list[Any] = []
            for label, v in rows[n : n + 2]:
                line += [label, _doc(v)]
            sheet.append(line)
        return xlsx_file(f"hr_form/onboarding_{i:04d}.xlsx", "hr_form", [("入职登记", sheet)])
    doc = Doc(nl="\r\n" if r.random() < 0.3 else "\n")
    if style == "md":
        doc.line(f"# {title}").line("").line("| 项目 Field | 内容 Value |").line("|---|---|")
        for label, v in rows:
            doc.line(f"| {label} | ", *v, " |")
        return text_file(f"hr_form/onboarding_{i:04d}.md", "hr_form", doc)
    doc.line(title).line("=" * 40)
    for label, v in rows:
        doc.line(f"{label}：", *v)
    enc = "gbk" if r.random() < 0.3 and _fits_gbk(doc.text) else "utf-8"
    return text_file(f"hr_form/onboarding_{i:04d}.txt", "hr_form", doc, enc)


def _fits_gbk(text: str) -> bool:
    try:
        text.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True
