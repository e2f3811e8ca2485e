"""CRM exports, database dumps and application logs of corpus 14: Salesforce / HubSpot /
纷享销客 CSVs (all fields quoted, CRLF, Excel's BOM, GB18030); Kingdee / SAP-like nested
JSON, arrays of arrays, Mongo extended JSON; Spring Boot, Python logging, syslog, docker
JSON, nginx with X-Forwarded-For lists and audit lines."""

from __future__ import annotations

import datetime as dt

from bench.corpus14.doc import LOOKALIKE, PIECES, RAW, Doc, Sink, V, csv_row, dump
from bench.corpus14.values import BANKS, Gen, Who

UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v} Safari/537.36",  # noqa: E501
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/{v}",  # noqa: E501
    "Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v} Mobile Safari/537.36",  # noqa: E501
)


def _name(g: Gen, who: Who) -> V:
    return V("person_name", g.plain_name(who))


def crm(g: Gen, sink: Sink, n: int) -> None:
    doc = Doc()
    style = n % 4
    rows = g.r.randint(4, 13)
    if style == 3:  # a dealer's member list, semicolons as a German Excel writes them
        head = [
            "Member No",
            "Member Name / 会员姓名",
            "DOB",
            "ID Type / 证件类型",
            "ID Number / 证件号码",
            "Card No.",
            "Expiry",
            "E-mail",
            "Joined",
        ]
        csv_row(doc, head, quote_all=False, sep=";")
        for _ in range(rows):
            who = g.foreign() if g.chance(0.6) else g.chinese()
            born = g.birth()
            if who.locale == "zh" and g.chance(0.7):
                kind, idv = "身份证", V("resident_id", g.rid(born))
            else:
                kind, idv = "Passport/护照", V("passport", g.passport(who.locale))
            card = V("credit_card", g.credit()) if g.chance(0.7) else V("bank_card", g.unionpay())
            csv_row(
                doc,
                [
                    f"M{g.digits(6)}",
                    g.spell(who),
                    V("date_of_birth", g.dob(born)),
                    kind,
                    idv,
                    card,
                    f"{g.r.randint(1, 12):02d}/{g.r.randint(26, 31)}",
                    V("email", who.email),
                    V(LOOKALIKE, g.recent_written()),
                ],
                quote_all=False,
                sep=";",
            )
        sink.text(
            "crm_csv",
            f"members_{n:05d}.csv",
            doc,
            encoding=g.pick(("utf-8", "gb18030")),
            bom=g.chance(0.3),
        )
        return
    if style == 0:  # Salesforce report export
        csv_row(
            doc,
            [
                "Contact ID",
                "Contact Full Name",
                "Account Name",
                "Title",
                "Mobile",
                "Email",
                "Mailing Address",
                "Birthdate",
                "Last Activity",
                "Lead Source",
            ],
        )
        for _ in range(rows):
            who = g.anyone()
            csv_row(
                doc,
                [
                    "003" + g.sha(12),
                    g.spell(who),
                    g.pick(("Brightline Retail Ltd", "Maison Clair SARL", "嘉宏电器")),
                    g.pick(("Buyer", "Owner", "Purchasing")),
                    V("phone", g.phone_of(who)),
                    V("email", who.email),
                    V("address", g.address_of(who)),
                    V("date_of_birth", g.dob()),
                    V(LOOKALIKE, g.recent_written()),
                    "Canton Fair",
                ],
            )
        sink.text("crm_csv", f"salesforce_contacts_{n:05d}.csv", doc, bom=g.chance(0.5))
    elif style == 1:  # HubSpot
        csv_row(
            doc,
            [
                "Record ID",
                "First Name",
                "Last Name",
                "Email",
                "Phone Number",
                "Street Address",
                "Date of birth",
                "Create Date",
                "IP Address",
                "Favorite model",
            ],
            quote_all=False,
            end="\n",
        )
        for _ in range(rows):
            who = g.foreign() if g.chance(0.6) else g.chinese()
            first = who.first or who.given or who.zh[1:]
            last = who.last or who.sur or who.zh[:1]
            typ_first = "person_name" if len(first) > 1 else None
            csv_row(
                doc,
                [
                    g.digits(9),
                    V(typ_first, first),
                    V("person_name" if len(last) > 1 else None, last),
                    V("email", who.email),
                    V("phone", g.phone_of(who)),
                    V("address", g.address_of(who)),
                    V("date_of_birth", g.dob()),
                    f"{g.stamp():%Y-%m-%d %H:%M}",
                    V("ip_address", g.ip()),
                    V(LOOKALIKE, g.model()),
                ],
                quote_all=False,
                end="\n",
            )
        sink.text("crm_csv", f"hubspot_{n:05d}.csv", doc)
    else:  # 纷享销客
        csv_row(
            doc,
            [
                "客户编号",
                "联系人姓名",
                "手机号码",
                "证件类型",
                "证件号码",
                "生日",
                "开户行",
                "银行账号",
                "详细地址",
                "车牌号",
                "最近下单日期",
                "订单号",
            ],
        )
        for _ in range(rows):
            who = g.chinese() if g.chance(0.8) else g.foreign()
            if who.locale == "zh" and g.chance(0.8):
                kind, idv = "身份证", V("resident_id", g.rid())
            else:
                kind, idv = "护照", V("passport", g.passport(who.locale))
            csv_row(
                doc,
                [
                    f"KH{g.digits(7)}",
                    V("person_name", g.plain_name(who)),
                    V("phone", g.phone_of(who)),
                    kind,
                    idv,
                    V("date_of_birth", g.dob()),
                    g.pick(BANKS),
                    V("bank_account", g.account_cn()),
                    V("address", g.address_of(who)),
                    V("licence_plate", g.plate()) if g.chance(0.6) else "",
                    V(LOOKALIKE, g.recent_written()),
                    V(LOOKALIKE, g.mobile_like()),
                ],
            )
        enc = g.pick(("utf-8", "gb18030"))
        sink.text("crm_csv", f"fxiaoke_{n:05d}.csv", doc, encoding=enc, bom=enc == "utf-8")


def _erp(g: Gen) -> dict[str, object]:
    who = g.anyone()
    return {
        "FBillNo": f"XSDD{g.digits(6)}",
        "FDate": f"{g.stamp():%Y-%m-%dT%H:%M:%S}",
        "FCustOrderNo": V(LOOKALIKE, g.mobile_like()),
        "partner": {
            "code": f"C{g.digits(5)}",
            "taxNo": V(LOOKALIKE, g.uscc()),
            "contact": {
                "fullName": _name(g, who),
                "mobile": V("phone", g.phone_of(who)),
                "email": V("email", who.email),
            },
            "bank": {"bankName": g.pick(BANKS), "accountNo": V("bank_account", g.account_cn())},
            "deliveryAddress": V("address", g.address_of(who)),
        },
        "lines": [
            {
                "material": V(LOOKALIKE, g.mobile_like()),
                "qty": g.r.randint(1, 500),
                "batch": V(LOOKALIKE, g.batch16()),
            }
            for _ in range(g.r.randint(1, 3))
        ],
        "FDeliveryDate": V(LOOKALIKE, g.recent().isoformat()),
    }


def _lnglat(g: Gen, zh: bool, compact: bool) -> str:
    """GeoJSON's [lng, lat] as json.dumps writes the two numbers (one label)."""
    lat, lng = g.coords(zh).split(",")
    return f"{float(lng)}{',' if compact else ', '}{float(lat)}"


def _service(g: Gen) -> dict[str, object]:
    """A service record with Chinese keys."""
    who = g.chinese() if g.chance(0.85) else g.foreign()
    born = g.birth()
    zh = who.locale == "zh"
    return {
        "档案编号": f"FW{g.digits(8)}",
        "客户姓名": _name(g, who),
        "联系电话": V("phone", g.phone_of(who)),
        "证件类型": "身份证" if zh else "护照",
        "证件号码": V("resident_id", g.rid(born)) if zh else V("passport", g.passport(who.locale)),
        "出生日期": V("date_of_birth", g.dob(born, zh=True)),
        "家庭住址": V("address", g.address_of(who)),
        "购买日期": V(LOOKALIKE, g.recent().isoformat()),
        "产品型号": V(LOOKALIKE, g.model()),
        "产品序列号": V(LOOKALIKE, g.serial18()),
        "维修记录": [
            {
                "日期": f"{g.stamp():%Y-%m-%d}",
                "工程师": _name(g, g.chinese()),
                "备注": g.pick(("更换主板", "清洁风道", "更换密封圈")),
            }
            for _ in range(g.r.randint(1, 3))
        ],
    }


def _mongo(g: Gen, compact: bool) -> dict[str, object]:
    who = g.anyone()
    born = g.birth()
    zh = who.locale == "zh"
    doc: dict[str, object] = {
        "_id": {"$oid": g.sha(24)},
        "customer_name": _name(g, who),
        "phone_number": {"$numberLong": V("phone", g.mobile())}
        if zh and g.chance(0.4)
        else V("phone", g.phone_of(who)),
        "birth_date": {"$date": V("date_of_birth", f"{born.isoformat()}T00:00:00.000Z")},
        "created_at": {"$date": f"{g.stamp():%Y-%m-%dT%H:%M:%S}.000Z"},
        "last_login_ip": V("ip_address", g.ip()),
        "geo": {"type": "Point", "coordinates": [V(RAW + "coordinates", _lnglat(g, zh, compact))]},
        "device": {"sn": V(LOOKALIKE, g.serial18()), "fw": V(LOOKALIKE, g.version())},
    }
    if zh:
        doc["id_card"] = V("resident_id", g.rid(born))
    else:
        doc["passport_no"] = V("passport", g.passport(who.locale))
    if g.chance(0.4):
        doc["payment"] = {"card_number": V("credit_card", g.credit()), "iban": V("iban", g.iban())}
    return doc


def dumps(g: Gen, sink: Sink, n: int) -> None:
    doc = Doc()
    style = n % 4
    if style == 3:
        dump(
            doc,
            [_service(g) for _ in range(g.r.randint(2, 4))],
            indent=g.pick((2, 4)),
            ascii_=g.chance(0.4),
        )
        sink.text("db_json", f"service_records_{n:05d}.json", doc)
    elif style == 0:
        dump(
            doc,
            {"result": {"success": True, "data": [_erp(g) for _ in range(g.r.randint(1, 3))]}},
            indent=2,
            ascii_=g.chance(0.3),
        )
        sink.text("db_json", f"kingdee_sales_{n:05d}.json", doc)
    elif style == 1:
        header = ["员工编号", "姓名", "手机", "身份证号", "工资卡号", "入职日期", "车牌"]
        rows: list[object] = [header]
        for _ in range(g.r.randint(4, 10)):
            who = g.chinese()
            rows.append(
                [
                    f"E{g.digits(5)}",
                    _name(g, who),
                    V("phone", g.mobile()),
                    V("resident_id", g.rid()),
                    V("bank_card", g.unionpay()),
                    V(LOOKALIKE, g.recent().isoformat()),
                    V("licence_plate", g.plate()),
                ]
            )
        dump(doc, {"table": "hr_employee", "rows": rows}, ascii_=False)
        sink.text("db_json", f"hr_rows_{n:05d}.json", doc)
    else:
        for _ in range(g.r.randint(2, 5)):
            compact = g.chance(0.5)
            dump(doc, _mongo(g, compact), compact=compact, ascii_=False)
            doc.t("\n")
        sink.text("db_json", f"mongo_customers_{n:05d}.jsonl", doc)


def _ua(g: Gen) -> list[tuple[str | None, str]]:
    tpl = g.pick(UA)
    a, b = tpl.split("{v}")
    major = g.r.randint(100, 131)
    version = g.pick((f"{major}.0.{g.r.randint(0, 999)}.{g.r.randint(1, 199)}", g.version()))
    return [(None, a), (LOOKALIKE, version), (None, b)]


def _spring(g: Gen, doc: Doc, who: Who, k: int) -> None:
    logger = g.pick(
        (
            "c.j.crm.service.CustomerService",
            "c.j.aftersale.web.TicketController",
            "c.j.erp.sync.OrderJob",
        )
    )
    level = g.pick(("INFO", "INFO", "DEBUG", "WARN"))
    doc.t(
        f"{level:>5} {g.r.randint(1000, 9999)} --- [nio-8080-exec-{g.r.randint(1, 9)}] {logger:<40}: "  # noqa: E501
    )
    doc.t(f"[traceId={g.sha(16)} userId={g.digits(5)}] ")
    if k == 0:
        doc.t("update contact name=").v("person_name", g.plain_name(who)).t(" mobile=").v(
            "phone", g.phone_of(who)
        ).t("\n")
    elif k == 1:
        doc.t("HikariPool-1 - jdbcUrl=mysql://crm_app:").v("secret", g.password()).t(
            "@mysql-crm-01:3306/crm\n"
        )
    elif k == 2:
        doc.t("order ").v(LOOKALIKE, g.mobile_like()).t(" shipped waybill=").v(
            LOOKALIKE, g.waybill()
        ).t("\n")
    elif k == 3:
        doc.t("request header Authorization: Bearer ").v("secret", g.jwt()).t("\n")
    elif k == 4:
        doc.t("verify idCard=").v("resident_id", g.rid()).t(" result=PASS\n")
    elif k == 5:
        doc.t("app version ").v(LOOKALIKE, g.version()).t(" commit ").v(LOOKALIKE, g.sha()).t(
            " started\n"
        )
    elif k == 6:
        doc.t("spring.datasource.url=postgresql://erp:").v("secret", g.password()).t(
            "@pg-erp:5432/erp\n"
        )
    else:
        doc.t(f"GET /api/tickets/{g.digits(6)} took {g.r.randint(3, 900)}ms\n")


def _python(g: Gen, doc: Doc, who: Who, k: int) -> None:
    doc.t(
        f"- {g.pick(('orders.sync', 'crm.import', 'payroll.export'))} - {g.pick(('INFO', 'WARNING', 'DEBUG'))} - "  # noqa: E501
    )
    if k == 0:
        doc.t("customer email=").v("email", who.email).t(" dob=").v("date_of_birth", g.dob()).t(
            "\n"
        )
    elif k == 1:
        doc.t("REDIS_URL=redis://:").v("secret", g.password()).t("@redis-cache:6379/0\n")
    elif k == 2:
        doc.t("QA test payment card ").v(LOOKALIKE, g.test_card()).t(" approved (sandbox)\n")
    elif k == 3:
        doc.t("refund to card ").v("bank_card", g.unionpay()).t(" holder ").v(
            "person_name", g.plain_name(who)
        ).t("\n")
    elif k == 4:
        doc.t("api_key=").v("secret", g.api_key()).t(" loaded from env\n")
    elif k == 5:
        doc.t("checksum sha256=").v(LOOKALIKE, g.sha(64)).t(" batch=").v(LOOKALIKE, g.batch16()).t(
            "\n"
        )
    elif k == 6:
        doc.t("payroll row {'name': '").v("person_name", g.plain_name(who)).t("', 'account': '")
        doc.v("bank_account", g.account_cn()).t("'}\n")
    else:
        doc.t(f"synced {g.r.randint(1, 400)} rows in {g.r.random():.3f}s\n")


def _syslog(g: Gen, doc: Doc, who: Who, k: int, stamp: dt.datetime) -> None:
    host = g.pick(("erp-01", "mes-gw", "crm-web-2"))
    if k <= 2:
        doc.t(
            f"{stamp:%b %e %H:%M:%S} {host} sshd[{g.r.randint(300, 30000)}]: Accepted password for ops from "  # noqa: E501
        )
        doc.v("ip_address", g.ip()).t(f" port {g.r.randint(1025, 65000)} ssh2\n")
    elif k <= 5:
        lat, lng = g.coords(who.locale == "zh").split(",")
        doc.t(f"{stamp:%Y-%m-%dT%H:%M:%S}+08:00 {host} audit: user={g.sha(6)} name=").v(
            "person_name", g.plain_name(who)
        )
        doc.t(" ip=").v("ip_address", g.ip()).t(" lat=").v("coordinates", f"{lat} lng={lng}").t(
            " action=login\n"
        )
    else:
        doc.t(
            f"{stamp:%b %e %H:%M:%S} {host} CRON[{g.r.randint(300, 30000)}]: (root) CMD (/opt/erp/bin/backup.sh)\n"  # noqa: E501
        )


def _docker(g: Gen, doc: Doc, who: Who, k: int, stamp: dt.datetime) -> None:
    if k <= 2:
        inner = [
            (None, f"{stamp:%H:%M:%S} POST /api/v1/members phone="),
            ("phone", g.phone_of(who)),
            (None, " plate="),
            ("licence_plate", g.plate()),
            (None, "\n"),
        ]
    elif k <= 4:
        inner = [
            (None, "member registered: "),
            ("person_name", g.plain_name(who)),
            (None, " <"),
            ("email", who.email),
            (None, "> from "),
            ("ip_address", g.ip()),
            (None, "\n"),
        ]
    elif k == 5:
        inner = [
            (None, "image build "),
            (LOOKALIKE, g.version()),
            (None, " sha "),
            (LOOKALIKE, g.sha()),
            (None, "\n"),
        ]
    else:
        inner = [(None, f"GET /healthz 200 {g.r.randint(1, 30)}ms\n")]
    stream = "stderr" if k == 5 else "stdout"
    dump(
        doc,
        {
            "log": V(PIECES, inner),
            "stream": stream,
            "time": f"{stamp:%Y-%m-%dT%H:%M:%S}.{g.digits(9)}Z",
        },
        compact=True,
    )
    doc.t("\n")


def _nginx(g: Gen, doc: Doc, stamp: dt.datetime) -> None:
    doc.v("ip_address", g.ip()).t(f' - - [{stamp:%d/%b/%Y:%H:%M:%S} +0800] "GET /api/orders?tel=')
    doc.v("phone", g.mobile()).t(f' HTTP/1.1" 200 {g.r.randint(200, 9000)} "-" "').p(_ua(g)).t(
        '" "'
    )
    doc.v("ip_address", g.ip()).t(", ").v("ip_address", g.ip())
    if g.chance(0.5):
        doc.t(", ").v("ip_address", g.ip())
    doc.t('"\n')


def log(g: Gen, sink: Sink, n: int) -> None:
    doc = Doc()
    style = n % 5
    stamp = g.stamp()
    for _ in range(g.r.randint(6, 18)):
        stamp += dt.timedelta(seconds=g.r.randint(1, 900), microseconds=g.r.randint(0, 999999))
        who = g.anyone()
        k = g.r.randrange(8)
        if style == 0:
            doc.t(f"{stamp:%Y-%m-%d %H:%M:%S}.{stamp.microsecond // 1000:03d} ")
            _spring(g, doc, who, k)
        elif style == 1:
            doc.t(f"{stamp:%Y-%m-%d %H:%M:%S},{stamp.microsecond // 1000:03d} ")
            _python(g, doc, who, k)
        elif style == 2:
            _syslog(g, doc, who, k, stamp)
        elif style == 3:
            _docker(g, doc, who, k, stamp)
        else:
            _nginx(g, doc, stamp)
    name = ("spring", "worker", "syslog", "container", "nginx_access")[style]
    sink.text("app_log", f"{name}_{n:05d}{'-json.log' if style == 3 else '.log'}", doc)
