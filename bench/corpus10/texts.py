"""The plain-text kinds of corpus 10, each a function (values, number) -> (file name, Doc)."""

from __future__ import annotations

import json

from bench.corpus10.doc import Doc
from bench.corpus10.values import Person, Values

SUPPLIERS = [
    "佛山市南海区恒鑫五金制品厂",
    "顺德区伦教荣达电子有限公司",
    "Nordwind Antriebstechnik GmbH",
    "東莞長安精密模具有限公司",
    "Pacific Parts (HK) Ltd.",
    "三水宏泰包装材料厂",
]
PARTS = [
    "电机定子",
    "PCB 控制板",
    "轴承 6204-2RS",
    "铝压铸外壳",
    "温控器 KSD301",
    "密封圈 O-ring 32x2",
]


def name(d: Doc, v: Values, p: Person, roman: float = 0.3, brackets: str = "()") -> Doc:
    d.v("person_name", p.name)
    if p.chinese and v.r.random() < roman:
        d.t(brackets[0]).v("person_name", p.roman).t(brackets[1])
    return d


def title(d: Doc, v: Values, p: Person) -> Doc:
    """The surname and a title: only the surname is labelled."""
    if p.chinese:
        return d.v("person_name", p.surname).t(
            v.r.choice(["经理", "工", "总", "小姐", "生", "主管", "师傅"])
        )
    return d.t(v.r.choice(["Mr. ", "Ms. ", "Dr. "])).v("person_name", p.surname)


def chat(v: Values, i: int) -> tuple[str, Doc]:
    """A WeChat group export, Cantonese and Mandarin mixed, with the time on its own line."""
    r = v.r
    d = Doc().t(
        f"微信聊天记录导出 · 群聊「顺德售后群{i % 9 + 1}」\n导出时间：2026-0{r.randint(1, 9)}-1{r.randint(0, 9)} 18:0{r.randint(0, 9)}\n\n"  # noqa: E501
    )
    people = [v.person(0.1) for _ in range(r.randint(2, 4))]
    for n in range(r.randint(8, 16)):
        p = r.choice(people)
        d.t(
            f"—— 2026/{r.randint(1, 11)}/{r.randint(1, 28)} {r.randint(8, 21)}:{r.randint(0, 59):02d} ——\n"  # noqa: E501
        )
        name(d, v, p, 0.2).t("：\n  ")
        k = (n + i) % 9
        if k == 0:
            d.t("客户电话 ").v("phone", v.phone()).t("，佢话台机又响警报，聽日上門睇下。\n")
        elif k == 1:
            d.t("送货地址改咗：").v("address", v.address()).t("，收件人 ")
            name(d, v, v.person()).t("\n")
        elif k == 2:
            d.t("@").v("person_name", r.choice(people).name).t(" 料号 ").lk(v.part_mobile()).t(
                " 仲有冇货？\n"
            )
        elif k == 3:
            d.t("车牌 ").v("licence_plate", v.plate()).t(" 已经到咗北滘仓，司机 ")
            title(d, v, v.person(0)).t(" 等紧\n")
        elif k == 4:
            d.t("师傅定位：").v("coordinates", "{:.5f},{:.5f}".format(*v.coords())).t(" [位置]\n")
        elif k == 5:
            d.t("单号 ").lk(v.waybill()).t("，订单 ").lk(v.order_no()).t(" 今日发\n")
        elif k == 6:
            d.t("客户邮箱係 ").v("email", v.email(r.choice(people))).t(" ，发票寄过去\n")
        elif k == 7:
            d.t("好嘅，").v("person_name", r.choice(people).surname).t("生 收到👌\n")
        else:
            d.t("固件升级到 ").lk(v.version()).t(" 之后正常咗，").lk(v.model()).t(" 冇问题\n")
    return f"chat/wechat_{i:04d}.txt", d


def dingtalk(v: Values, i: int) -> tuple[str, Doc]:
    """A DingTalk approval exported as Markdown: label and value on separate lines."""
    r = v.r
    p, boss = v.person(0.05), v.person(0.05)
    d = Doc().t("# 钉钉审批 · 出差申请 No. ").lk(v.order_no().replace("PO", "CC")).t("\n\n")
    d.t("**申请人**\n\n")
    name(d, v, p, 0.5).t("\n\n**工号**\n\nHX").t(f"{r.randint(10000, 99999)}\n\n**手机**\n\n").v(
        "phone", v.phone()
    )
    d.t("\n\n**身份证号码**\n\n").v("resident_id", v.resident_id()).t(
        "\n\n**护照号（出境用）**\n\n"
    ).v("passport", v.passport())
    d.t("\n\n**出发日期**\n\n").lk(v.plain_date()).t("\n\n**目的地**\n\n")
    d.t(r.choice(["Stuttgart 斯图加特", "香港 九龍灣", "台中", "Ho Chi Minh City"]))
    d.t("\n\n**借款收款卡号**\n\n").v("bank_card", v.bank_card())
    d.t("\n\n**审批人**\n\n").v("person_name", boss.name).t(" 已同意\n\n> 抄送：")
    title(d, v, v.person(0.3)).t("，自动生成 build ").lk(v.sha(12)).t("\n")
    return f"dingtalk/approval_{i:04d}.md", d


def sql(v: Values, i: int) -> tuple[str, Doc]:
    """A MySQL dump of the after-sales customer table."""
    r = v.r
    d = (
        Doc()
        .t(f"-- MySQL dump 10.13  Distrib 8.0.{r.randint(20, 39)}\n-- Host: ")
        .v("ip_address", v.ipv4())
    )
    d.t(
        "    Database: crm_aftersales\n\nINSERT INTO `t_customer` (`id`,`cust_name`,`mobile`,`id_card`,`birthday`,`addr`,`part_no`,`created_at`) VALUES\n"  # noqa: E501
    )
    rows = r.randint(4, 9)
    for n in range(rows):
        ymd = v.birth()
        p = v.person(0.08)
        d.t(f"({r.randint(1000, 99999)},'").v("person_name", p.name).t("','").v(
            "phone", v.mobile()
        ).t("','")
        d.v("resident_id", v.resident_id(ymd)).t("','").v(
            "date_of_birth", f"{ymd[0]}-{ymd[1]:02d}-{ymd[2]:02d}"
        )
        d.t("','").v("address", v.address()).t("','").lk(v.part_mobile()).t("','").lk(
            v.plain_date().replace("/", "-")
        ).t(" 10:00:00')")
        d.t(",\n" if n < rows - 1 else ";\n")
    d.t("INSERT INTO `t_user` (`login`,`pwd_plain`,`last_ip`) VALUES ('svc_crm','").v(
        "secret", v.password()
    )
    d.t("','").v("ip_address", v.ipv4()).t("');\n")
    return f"sql/crm_dump_{i:04d}.sql", d


def config(v: Values, i: int) -> tuple[str, Doc]:
    """application.yml or a Java .properties of the MES service."""
    d = Doc()
    if i % 2:
        d.t("# application-prod.yml\nspring:\n  datasource:\n    url: jdbc:mysql://").v(
            "ip_address", v.ipv4()
        )
        d.t(":3306/mes?useSSL=false\n    username: mes_rw\n    password: ").v(
            "secret", v.password()
        )
        d.t("\n  redis:\n    host: ").v("ip_address", v.ipv4()).t("\n    password: '").v(
            "secret", v.secret()
        ).t("'\n")
        d.t("app:\n  version: ").lk(v.version()).t("\n  build: ").lk(v.sha()).t(
            "\n  owner:\n    name: "
        )
        name(d, v, v.person(0.3), 0).t('\n    mobile: "').v("phone", v.phone()).t(
            '"\n    email: '
        ).v("email", v.email(corp=True)).t("\n")
        d.t("  oss:\n    access-key-secret: ").v("secret", v.secret()).t("\n")
    else:
        d.t("#Generated by Maven\n#Tue Jan 06 09:00:00 CST 2026\nbuild.version=").lk(v.version()).t(
            "\ngit.commit.id="
        ).lk(v.sha())
        d.t("\ndb.url=postgresql://erp:").v("secret", v.password()).t("@").v(
            "ip_address", v.ipv4()
        ).t("/erp\n")
        d.t("sms.gateway.token=").v("secret", v.secret()).t("\nalert.contact=").v(
            "person_name", v.person(0.3).name
        )
        d.t("\nalert.mobile=").v("phone", v.mobile()).t("\nfirmware.min=").lk(v.version()).t("\n")
        d.t("oncall.note=\\u503c\\u73ed ").v("email", v.email()).t("\n")
    return (
        f"config/{'application' if i % 2 else 'build'}_{i:04d}.{'yml' if i % 2 else 'properties'}",
        d,
    )


def vcard(v: Values, i: int) -> tuple[str, Doc]:
    """A vCard export of a sales rep's phone book."""
    r = v.r
    d = Doc()
    for _ in range(r.randint(2, 5)):
        p = v.person(0.25)
        d.t("BEGIN:VCARD\nVERSION:3.0\nFN:").v("person_name", p.name).t("\n")
        if p.chinese:
            d.t("N:").v("person_name", p.surname).t(";;;;\nX-PHONETIC:").v(
                "person_name", p.roman
            ).t("\n")
        d.t("ORG:").t(r.choice(SUPPLIERS)).t("\nTEL;TYPE=CELL:").v("phone", v.phone()).t(
            "\nEMAIL;TYPE=INTERNET:"
        ).v("email", v.email(p))
        d.t("\nADR;TYPE=WORK:;;").v("address", v.address()).t(";;;;\n")
        if r.random() < 0.5:
            ymd = v.birth()
            d.t("BDAY:").v("date_of_birth", f"{ymd[0]}{ymd[1]:02d}{ymd[2]:02d}").t("\n")
        d.t("NOTE:型号 ").lk(v.model()).t(" 代理\nREV:").lk(v.plain_date().replace("/", "-")).t(
            "\nEND:VCARD\n"
        )
    return f"contacts/export_{i:04d}.vcf", d


def ical(v: Values, i: int) -> tuple[str, Doc]:
    """An Outlook meeting invite (.ics)."""
    r = v.r
    org, guests = v.person(0.3), [v.person(0.4) for _ in range(r.randint(1, 3))]
    d = Doc().t(
        "BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\nBEGIN:VEVENT\nORGANIZER;CN="  # noqa: E501
    )
    d.v("person_name", org.name).t(":mailto:").v("email", v.email(org, corp=True)).t("\n")
    for g in guests:
        d.t('ATTENDEE;ROLE=REQ-PARTICIPANT;CN="').v("person_name", g.name).t('":mailto:').v(
            "email", v.email(g, corp=r.random() < 0.5)
        ).t("\n")
    d.t(
        f"DTSTART;TZID=China Standard Time:2026{r.randint(1, 12):02d}{r.randint(1, 28):02d}T093000\n"  # noqa: E501
    )
    d.t("SUMMARY:供应商审核 / Supplier audit ").lk(v.order_no()).t("\nLOCATION:").v(
        "address", v.address()
    ).t("\n")
    d.t("GEO:").v("coordinates", "{};{}".format(*v.coords())).t("\nDESCRIPTION:会议号 ").lk(
        v.part_mobile()
    )
    d.t(" 联系 ").v("phone", v.phone()).t("\\n请带样品 ").lk(v.serial()).t(
        "\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    return f"calendar/invite_{i:04d}.ics", d


def statement(v: Values, i: int) -> tuple[str, Doc]:
    """A bank statement printed fixed-width (columns padded with spaces)."""
    r = v.r
    p = v.person(0.05)
    d = Doc().t("中国工商银行 个人账户对账单              第 1 页\n户名: ")
    d.v("person_name", p.name).t(" " * (14 - 2 * len(p.name)) + "账号: ").v(
        "bank_account", v.bank_account()
    )
    d.t("\n卡号: ").v("bank_card", v.bank_card()).t("   证件: ").v(
        "resident_id", v.resident_id()
    ).t("\n")
    d.t("-" * 78 + "\n日期        摘要            对方户名        对方账号                 金额\n")
    for _ in range(r.randint(5, 12)):
        q = v.person(0.1)
        amount = f"{r.randint(-90000, 90000) / 100:>10.2f}"
        d.lk(
            v.plain_date()
            .replace("年", "-")
            .replace("月", "-")
            .replace("日", "")
            .replace("/", "-")
            .replace(".", "-")
        )
        d.t("  " + r.choice(["工资", "转账", "报销", "货款", "退款"]).ljust(12)).v(
            "person_name", q.name
        )
        d.t(" " * max(1, 14 - 2 * len(q.name))).v("bank_account", v.bank_account()).t(
            "  " + amount + "\n"
        )
    d.t("-" * 78 + "\n流水号 ").lk(v.sixteen()).t("  打印柜员 ").lk(
        f"{r.randint(10000000000, 99999999999)}"[:8]
    ).t("\n")
    return f"bank/statement_{i:04d}.txt", d


def api_json(v: Values, i: int) -> tuple[str, Doc]:
    """A JSON API response, camelCase and snake_case nested, pretty or on one line."""
    r = v.r
    p = v.person(0.2)
    ymd = v.birth()
    ind = "\n    " if i % 2 else ""
    d = Doc().t('{"code":0,"msg":"ok","traceId":"').lk(v.sha(32)).t('","data":{' + ind)
    d.t('"memberInfo":{"realName":"').v("person_name", p.name).t('","nick_name":"')
    d.t(r.choice(["小蜜蜂", "阿明", "Kiki", "飞翔"])).t('","birthDate":"').v(
        "date_of_birth", f"{ymd[0]}-{ymd[1]:02d}-{ymd[2]:02d}"
    )
    d.t('","idCardNo":"').v("resident_id", v.resident_id(ymd)).t('","contact":{"mobile_phone":"').v(
        "phone", v.mobile()
    )
    d.t('","mail":"').v("email", v.email(p)).t('"}},' + ind + '"device":{"sn":"').lk(v.serial()).t(
        '","fwVersion":"'
    )
    d.lk(v.version()).t('","lastLoginIp":"').v("ip_address", v.ipv4()).t('","location":{"lat":')
    lat, lon = v.coords()
    d.v("coordinates", f'{lat},"lng":{lon}').t("}},\n")
    d.t('"orders":[')
    for n in range(r.randint(1, 3)):
        d.t("," if n else "").t('{"orderNo":"').lk(v.order_no()).t('","express_no":"').lk(
            v.waybill()
        ).t('","ship_to":{"receiver":"')
        q = v.person(0.1)
        d.v("person_name", q.name).t('","tel":"').v("phone", v.phone()).t('","addr":"').v(
            "address", v.address()
        ).t('"}}')
    d.t('],"payment":{"cardNo":"').v(
        "credit_card" if i % 3 else "bank_card", v.card() if i % 3 else v.bank_card()
    )
    d.t('","holder":"').v("person_name", p.roman if p.chinese else p.name).t('"},"token":"').v(
        "secret", v.jwt(f"u{i}")
    ).t('"}}\n')
    return f"api/member_{i:04d}.json", d


def log(v: Values, i: int) -> tuple[str, Doc]:
    """nginx access lines, app lines with key=value and a Java stack trace."""
    r = v.r
    d = Doc()
    for _ in range(r.randint(6, 13)):
        k = r.random()
        ts = f"2026-0{r.randint(1, 9)}-{r.randint(10, 28)}T{r.randint(10, 23)}:{r.randint(10, 59)}:{r.randint(10, 59)}+08:00"  # noqa: E501
        if k < 0.4:
            d.v("ip_address", v.ipv4()).t(f' - - [{ts}] "GET /api/v2/orders?orderNo=').lk(
                v.order_no()
            )
            d.t(f' HTTP/1.1" 200 {r.randint(200, 9000)} "-" "okhttp/4.12.0" rid=').lk(v.sha(16)).t(
                "\n"
            )
        elif k < 0.6:
            d.t(
                f"{ts} INFO  [http-nio-8080-exec-{r.randint(1, 40)}] c.h.crm.LoginService - login ok user="  # noqa: E501
            )
            d.v("email", v.email()).t(" ip=").v("ip_address", v.ipv4()).t(" ver=").lk(
                v.version()
            ).t("\n")
        elif k < 0.75:
            d.t(f"{ts} DEBUG o.a.http.headers - >> Authorization: Bearer ").v(
                "secret", v.jwt(f"svc{i}")
            ).t("\n")
        elif k < 0.85:
            d.t(f"{ts} WARN  SmsSender - send failed mobile=").v("phone", v.mobile()).t(
                " tpl=SMS_"
            ).lk(v.part_mobile()).t("\n")
        else:
            d.t(f"{ts} ERROR c.h.erp.SyncJob - sync failed commit=").lk(v.sha()).t("\n")
            d.t("java.sql.SQLException: Access denied for user 'erp'@'").v(
                "ip_address", v.ipv4()
            ).t("' (using password: YES)\n")
            d.t("\tat com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:836)\n")
            d.t("\tat com.hx.erp.SyncJob.run(SyncJob.java:88) url=mysql://erp:").v(
                "secret", v.password()
            ).t("@db-01:3306/erp\n")
    return f"logs/app_{i:04d}.log", d


def iot(v: Values, i: int) -> tuple[str, Doc]:
    """Telematics lines of the forklifts and delivery vans (JSON lines and NMEA-ish)."""
    r = v.r
    d = Doc()
    plate, driver = v.plate(), v.person(0.02)
    for n in range(r.randint(5, 10)):
        lat, lon = v.coords()
        if n % 3 == 0:
            d.t('{"dev":"').lk(v.serial()).t('","fw":"').lk(v.version()).t('","plate":"').v(
                "licence_plate", plate
            )
            d.t('","gps":"').v("coordinates", f"{lat},{lon}").t('","spd":').t(
                str(r.randint(0, 80))
            ).t("}\n")
        elif n % 3 == 1:
            d.t(f"[{r.randint(1767225600, 1790000000)}] GPSFIX lat=").v(
                "coordinates", f"{lat}&lng={lon}"
            ).t(" src=").v("ip_address", v.ipv4()).t("\n")
        else:
            d.t("HEARTBEAT imei=").lk(v.eighteen()[:15]).t(" driver=").v(
                "person_name", driver.name
            ).t(" pos=").v("coordinates", v.dms()).t("\n")
    return f"iot/telematics_{i:04d}.jsonl", d


def dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)
