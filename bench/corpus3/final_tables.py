"""The final family's tables, dumps and logs (issue 18): a CRM export from an American vendor
(English headers, Chinese values, first and last names apart), a Kingdee-style pipe-delimited
customer file under Chinese headers with units, MongoDB extended JSON, an ERP table dumped
as arrays of arrays, a MySQL INSERT dump, Java logback logs, IIS W3C and syslog lines.
Nobody who fixes detectors reads this family's misses (docs/scanner.md "Corpus 3 (blind)").
"""

from __future__ import annotations

import random
import string

from bench.corpus3 import numbers as n
from bench.corpus3.doc import (
    ACCT,
    ADDR,
    CARD,
    COORD,
    CREDIT,
    DOB,
    IBAN,
    IP,
    LOOK,
    MAIL,
    NAME,
    PASS,
    PHONE,
    PLATE,
    RID,
    SECRET,
    Doc,
    Num,
    Value,
    plain,
    write_json,
)
from bench.corpus3.people import POSTCODES, address_en, address_zh, date_text, landline, person
from bench.corpus3.shape import File

BANKS = ["中国工商银行顺德支行", "中国建设银行佛山分行", "农商银行北滘支行", "招商银行季华路支行"]


def _sf_id(rng: random.Random, prefix: str) -> str:
    """An 18-character record id of the American CRM (003… contacts, 005… users)."""
    return (
        prefix
        + "5g0000"
        + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(9))
    )


def crm_salesforce(rng: random.Random) -> File:
    head = ["Contact ID", "Contact Owner", "Salutation", "First Name", "Last Name", "Title",
            "Account Name", "Mailing Street", "Mailing City", "Mailing Zip/Postal Code",
            "Phone", "Mobile", "Email", "Birthdate", "Refund IBAN__c", "Lead Source",
            "Created Date"]  # fmt: skip
    doc = Doc().row([plain(h) for h in head], quote_all=True)
    owners = [person(rng) for _ in range(3)]
    for _ in range(rng.randrange(8, 50)):
        p, owner = person(rng, latin_share=0.12), rng.choice(owners)
        created = n.business_date(rng)
        doc.row(
            [
                (LOOK, _sf_id(rng, "003")),
                (NAME, owner.name(1)),
                plain("Mr." if p.male else "Ms."),
                (NAME, p.given),
                (NAME, p.surname),
                plain(rng.choice(["采购经理", "厂长", "Owner", "工程部主管", ""])),
                plain(
                    rng.choice(["顺德美凯电器厂", "南海志诚五金", "Guangzhou Lianchuang Trading"])
                ),
                (ADDR, address_en(rng) if p.latin else address_zh(rng, full=False)),
                plain(rng.choice(["佛山", "Foshan", "佛山市"])),
                (LOOK, rng.choice(POSTCODES)),
                (PHONE, landline(rng, rng.choice([1, 3, 4]))),
                (PHONE, p.mobile(rng.choice([3, 4, 6, 0]))),
                (MAIL, p.email(work=rng.random() < 0.3)),
                (DOB, date_text(p.born, rng.choice([0, 2, 10]))),
                (IBAN, n.iban(rng)) if p.latin else plain(""),
                plain(rng.choice(["Trade Show", "Web", "Partner Referral", "广交会"])),
                (LOOK, f"{created.year}/{created.month}/{created.day} {n.clock(rng)[:5]}"),
            ],
            quote_all=True,
        )
    return File("crm", "csv", doc)


def crm_kingdee(rng: random.Random) -> File:
    head = ["代码", "名称", "联系人", "移动电话(手机)", "固定电话", "身份证号码",
            "出生日期(年-月-日)", "邮政编码", "通讯地址", "开户银行", "银行账号",
            "信用额度(元)", "信用期限(天)", "送货车辆(车牌)", "状态"]  # fmt: skip
    d = n.business_date(rng)
    doc = Doc().t(f"金蝶K/3 WISE 客户档案  导出日期：{d}  操作员：administrator\n")
    doc.t("|".join(head), "\n")
    for i in range(rng.randrange(8, 45)):
        p = person(rng)
        doc.row(
            [
                plain(f"01.{rng.randrange(1, 9):02d}.{i + 1:04d}"),
                plain(rng.choice(["个体户", "零售", "经销商", "工程客户"])),
                (NAME, p.zh),
                (PHONE, p.mobile(rng.choice([0, 0, 2]))),
                (PHONE, landline(rng, rng.choice([0, 2, 4]))),
                (RID, p.resident_id()),
                (DOB, date_text(p.born, 0)),
                (LOOK, rng.choice(POSTCODES)),
                (ADDR, address_zh(rng)),
                plain(rng.choice(BANKS)),
                (ACCT, n.bank_account(rng)),
                (LOOK, f"{rng.randrange(1, 500) * 1000:.2f}"),
                plain(str(rng.choice([30, 45, 60, 90]))),
                (PLATE, n.plate(rng, 1)) if rng.random() < 0.4 else plain(""),
                plain(rng.choice(["使用", "禁用"])),
            ],
            sep="|",
        )
    return File("crm", "txt", doc)


def erp_mongo(rng: random.Random) -> File:
    """`mongoexport` lines in canonical extended JSON: $oid, $date, $numberLong, GeoJSON."""
    doc = Doc()
    for _ in range(rng.randrange(5, 35)):
        p = person(rng)
        lat, lon = n.coordinates(rng)
        record = {
            "_id": {"$oid": (LOOK, n.hexdigest(rng, 24))},
            "memberNo": plain(f"M{rng.randrange(10**7, 10**8)}"),
            "realName": (NAME, p.zh),
            "nickName": plain(rng.choice(["小太阳", "追风少年", "Amy", "阿强", "平安是福"])),
            "birthday": {"$date": (DOB, f"{p.born:%Y-%m-%d}T00:00:00.000Z")},
            "mobile": (PHONE, p.mobile(rng.choice([0, 6]))),
            "idCard": (RID, p.resident_id()),
            "addresses": [
                {
                    "tag": plain(rng.choice(["家", "公司"])),
                    "detail": (ADDR, address_zh(rng)),
                    "location": {
                        "type": plain("Point"),
                        "coordinates": [Num(COORD, lon), Num(COORD, lat)],
                    },
                }
            ],
            "wxOpenId": (
                LOOK,
                "o" + "".join(rng.choice(string.ascii_letters + "_-") for _ in range(27)),
            ),
            "lastLoginIp": (IP, n.ipv4(rng)),
            "points": {"$numberInt": plain(str(rng.randrange(5000)))},
            "createdAt": {"$date": {"$numberLong": (LOOK, n.epoch(rng, millis=True))}},
            "deviceSn": (LOOK, n.serial_number(rng)),
        }
        write_json(doc, record, indent=None)
        doc.t("\n")
    return File("erp", "json", doc)


def erp_arrays(rng: random.Random) -> File:
    """An HR table dumped by the ERP's report server: column names once, rows as arrays."""
    columns = ["EMPNO", "EMPNAME", "EMPNAME_EN", "IDTYPE", "IDNO", "BIRTHDAY", "TEL",
               "SALARY_CARD", "SUPPLIER_IBAN", "ADDR", "CAR_NO", "DEPT", "COST_CENTER",
               "UPD_VER"]  # fmt: skip
    doc = Doc().t('{"rpt":"HR_EMP_V","server":"')
    doc.v(IP, n.ipv4(rng, True)).t('","columns":')
    write_json(doc, [plain(c) for c in columns], indent=None)
    doc.t(',"rows":[\n')
    count = rng.randrange(5, 30)
    for i in range(count):
        p = person(rng, latin_share=0.15)
        foreign = p.latin
        row: list[object] = [
            plain(f"E{rng.randrange(10**5, 10**6)}"),
            (NAME, p.en if foreign else p.zh),
            (NAME, p.en if foreign else p.name(3)),
            plain("护照" if foreign else "身份证"),
            (PASS, n.passport(rng, True)) if foreign else (RID, p.resident_id()),
            (DOB, date_text(p.born, 6)),
            (PHONE, p.mobile(0)),
            (CARD, n.card(rng)),
            (IBAN, n.iban(rng)) if foreign else None,
            (ADDR, address_zh(rng)),
            (PLATE, n.plate(rng, 1)) if rng.random() < 0.3 else None,
            plain(rng.choice(["注塑车间", "总装二线", "品质部", "仓储物流"])),
            (LOOK, n.part_number_mobile(rng)),
            (LOOK, n.version(rng)),
        ]
        doc.t("[")
        for j, cell in enumerate(row):
            doc.t("," if j else "")
            write_json(doc, cell, indent=None)
        doc.t("]", "," if i < count - 1 else "", "\n")
    return File("erp", "json", doc.t(f'],"total":{count}}}\n'))


def _sql(doc: Doc, value: Value | int | None) -> Doc:
    if value is None or isinstance(value, int):
        return doc.t("NULL" if value is None else str(value))
    kind, text = value
    return doc.t("'").v(kind, text.replace("'", "''")).t("'")


def sql_dump(rng: random.Random) -> File:
    d = n.business_date(rng)
    doc = Doc().t("-- MySQL dump 10.13  Distrib 5.7.40, for Linux (x86_64)\n--\n-- Host: ")
    doc.v(IP, n.ipv4(rng, True)).t("    Database: crm_prod\n")
    doc.t("-- ------------------------------------------------------\n")
    doc.t("-- Server version\t5.7.40-log\n\n/*!40101 SET NAMES utf8mb4 */;\n\n")
    doc.t("DROP TABLE IF EXISTS `t_customer`;\nCREATE TABLE `t_customer` (\n")
    doc.t("  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n  `cust_name` varchar(64) DEFAULT NULL,\n")
    doc.t("  `mobile` varchar(20) DEFAULT NULL,\n  `id_card` char(18) DEFAULT NULL,\n")
    doc.t("  `birthday` date DEFAULT NULL,\n  `email` varchar(128) DEFAULT NULL,\n")
    doc.t("  `address` varchar(255) DEFAULT NULL,\n  `card_no` varchar(32) DEFAULT NULL,\n")
    doc.t("  `reg_ip` varchar(45) DEFAULT NULL,\n  `barcode` varchar(32) DEFAULT NULL,\n")
    doc.t("  `gmt_create` datetime DEFAULT NULL,\n  PRIMARY KEY (`id`)\n")
    doc.t(") ENGINE=InnoDB AUTO_INCREMENT=")
    first = rng.randrange(1000, 90000)
    doc.t(f"{first} DEFAULT CHARSET=utf8mb4;\n\nLOCK TABLES `t_customer` WRITE;\n")
    doc.t("INSERT INTO `t_customer` VALUES ")
    for i in range(rng.randrange(6, 40)):
        p = person(rng, latin_share=0.1)
        credit = rng.random() < 0.4
        doc.t("," if i else "", f"({first + i},")
        for j, value in enumerate(
            [
                (NAME, p.zh if not p.latin else p.en),
                (PHONE, p.mobile(rng.choice([0, 6, 4]))),
                (RID, p.resident_id()) if not p.latin else None,
                (DOB, f"{p.born:%Y-%m-%d}"),
                (MAIL, p.email()),
                (ADDR, address_zh(rng)),
                (CREDIT if credit else CARD, n.card(rng, credit=credit)),
                (IP, n.ipv4(rng) if rng.random() < 0.8 else n.ipv6(rng)),
                (LOOK, n.ean13(rng)),
                (LOOK, f"{n.business_date(rng)} {n.clock(rng)[:8]}"),
            ]
        ):
            _sql(doc.t("," if j else ""), value)
        doc.t(")")
    doc.t(
        ";\nUNLOCK TABLES;\n\nINSERT INTO `sys_user` (`login`,`mobile`,`api_token`,`ver`) VALUES "
    )
    admin = person(rng)
    doc.t("(").v(None, "'admin'").t(",'").v(PHONE, admin.mobile(0)).t("','")
    doc.v(SECRET, n.token(rng, rng.choice([2, 5]))).t("','").v(LOOK, n.version(rng)).t("');\n")
    return File("erp", "sql", doc.t(f"-- Dump completed on {d} {n.clock(rng)[:8]}\n"))


def logback_log(rng: random.Random) -> File:
    doc = Doc()
    threads = ["http-nio-8080-exec-", "scheduling-", "XNIO-1 task-", "pool-3-thread-"]
    for _ in range(rng.randrange(15, 70)):
        p = person(rng)
        d = n.business_date(rng)
        doc.t(f"{d} {n.clock(rng)} [{rng.choice(threads)}{rng.randrange(1, 20)}] ")
        choice = rng.randrange(6)
        if choice == 0:
            doc.mix("INFO  c.h.order.web.OrderController - [", (LOOK, n.hexdigest(rng, 16)))
            doc.mix("] createOrder receiver=", (NAME, p.zh), ", tel=", (PHONE, p.mobile(0)))
            doc.mix(", addr=", (ADDR, address_zh(rng)), ", sku=", (LOOK, n.ean13(rng)))
        elif choice == 1:
            doc.t("TRACE o.h.type.descriptor.sql.BasicBinder - binding parameter [")
            doc.mix(f"{rng.randrange(1, 9)}] as [VARCHAR] - [", (RID, p.resident_id()), "]")
        elif choice == 2:
            doc.mix("WARN  c.h.auth.LoginService - 登录失败 user=", (MAIL, p.email(work=True)))
            doc.mix(" ip=", (IP, n.ipv4(rng)), " retry=", f"{rng.randrange(1, 6)}\n")
            doc.t("com.hengli.auth.BadCredentialsException: 密码错误\n")
            doc.t("\tat com.hengli.auth.LoginService.check(LoginService.java:57)\n")
            doc.t("\tat jdk.internal.reflect.GeneratedMethodAccessor212.invoke(Unknown Source)")
        elif choice == 3:
            doc.mix("DEBUG c.h.common.http.RestLogger - >> Authorization: Bearer ")
            doc.v(SECRET, n.token(rng, 3))
        elif choice == 4:
            doc.mix("INFO  c.h.member.MemberSync - upsert member{name='", (NAME, p.zh))
            doc.mix(
                "', birthday=", (DOB, date_text(p.born, 0)), ", plate=", (PLATE, n.plate(rng, 1))
            )
            doc.mix(", points=", f"{rng.randrange(9999)}", "}")
        else:
            doc.mix("INFO  c.h.iot.Ingest - dev=", (LOOK, n.serial_number(rng)), " fw=")
            doc.mix((LOOK, n.version(rng)), " batch=", (LOOK, n.batch_number(rng)))
            doc.mix(" cost=", f"{rng.randrange(2, 900)}ms")
        doc.t("\n")
    return File("log", "log", doc)


def iis_log(rng: random.Random) -> File:
    d = n.business_date(rng)
    doc = Doc().t("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n")
    doc.t(f"#Date: {d} 00:00:{rng.randrange(60):02d}\n")
    doc.t("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip ")
    doc.t("cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n")
    server = n.ipv4(rng, True)
    for _ in range(rng.randrange(20, 90)):
        p = person(rng)
        doc.t(f"{d} {n.clock(rng)[:8]} ").v(IP, server)
        choice = rng.randrange(4)
        if choice == 0:
            doc.mix(" GET /member/query.aspx mobile=", (PHONE, p.mobile(0)), "&t=")
            doc.v(LOOK, n.epoch(rng, millis=True))
        elif choice == 1:
            doc.mix(" POST /api/warranty/register sn=", (LOOK, n.serial_number(rng)), "&idno=")
            doc.v(RID, p.resident_id())
        elif choice == 2:
            doc.mix(" GET /static/js/app.js v=", (LOOK, n.version(rng)))
        else:
            doc.mix(" GET /owa/ - ")
        doc.t(" 443 ")
        if rng.random() < 0.3:
            doc.v(MAIL, p.email(work=True))
        else:
            doc.t("-")
        doc.t(" ").v(IP, n.ipv4(rng))
        doc.t(" Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+Chrome/")
        doc.v(LOOK, n.chrome_version(rng))
        doc.t(f" - {rng.choice([200, 200, 302, 404, 500])} 0 0 {rng.randrange(2, 3000)}\n")
    return File("log", "log", doc)


def syslog(rng: random.Random) -> File:
    doc = Doc()
    hosts = ["fw-shunde-01", "mail-gw", "dhcp01", "nas-hr"]
    for _ in range(rng.randrange(20, 80)):
        p = person(rng)
        d = n.business_date(rng)
        doc.t(f"<{rng.choice([13, 38, 86, 134])}>{d:%b} {d.day:2d} {n.clock(rng)[:8]} ")
        doc.t(f"{rng.choice(hosts)} ")
        choice = rng.randrange(4)
        if choice == 0:
            doc.mix(f"sshd[{rng.randrange(900, 60000)}]: Accepted password for ")
            doc.mix(rng.choice(["root", "admin", "svc_backup", "ops"]), " from ")
            doc.v(IP, n.ipv4(rng, True))
            doc.t(f" port {rng.randrange(1024, 65535)} ssh2")
        elif choice == 1:
            doc.mix(
                f"postfix/smtp[{rng.randrange(900, 60000)}]: ", (LOOK, n.hexdigest(rng, 10).upper())
            )
            doc.mix(": to=<", (MAIL, p.email()), ">, relay=mx.qq.com[", (IP, n.ipv4(rng, False)))
            doc.t(f"]:25, delay={rng.randrange(1, 90) / 10}, status=sent (250 OK)")
        elif choice == 2:
            mac = ":".join(f"{rng.randrange(256):02x}" for _ in range(6))
            doc.mix("dhcpd: DHCPACK on ", (IP, n.ipv4(rng, True)), " to ", (LOOK, mac))
            host = "".join(rng.choice(string.ascii_uppercase) for _ in range(7))
            doc.t(f" (LAPTOP-{host}) via eth0")
        else:
            doc.mix("smbd_audit: ", (NAME, p.name(1)), "|", (IP, n.ipv4(rng, True)))
            doc.t("|hr|openat|ok|/员工档案/")
            doc.mix((NAME, p.zh), "_", (RID, p.resident_id()), ".pdf")
        doc.t("\n")
    return File("log", "log", doc)
