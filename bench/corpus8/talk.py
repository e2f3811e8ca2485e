"""WeChat/DingTalk-style chat transcripts and application logs (nginx, key=value, JSON in a
log line, stack traces with connection strings, and logs with no personal data at all)."""

from __future__ import annotations

import random

from bench.corpus8 import fakes, keys
from bench.corpus8 import values as v
from bench.corpus8.doc import Doc
from bench.corpus8.people import Person, name_ref, person, phone

DEPTS = ("销售部", "售后", "仓库", "财务", "QA", "采购")


def _speaker(doc: Doc, p: Person, r: random.Random, style: int) -> None:
    if style == 0:
        doc.v("person_name", p.name).t(f"-{r.choice(DEPTS)}")
    elif style == 1 and not p.latin:
        doc.t("老" if len(p.name) % 2 else "小").v("person_name", p.surname)  # one nickname each
    else:
        doc.v("person_name", p.name)


def _time(r: random.Random, day: int, minute: int) -> str:
    hour, minute = minute // 60 % 24, minute % 60
    return f"2025-{(day // 28) % 12 + 1:02d}-{day % 28 + 1:02d} {hour:02d}:{minute:02d}"


def chat(r: random.Random) -> Doc:
    members = [person(r, latin=r.random() < 0.15) for _ in range(r.randrange(2, 5))]
    customer = person(r, latin=False)
    doc = Doc()
    style = r.randrange(3)
    head = r.choice(("微信群聊记录", "钉钉群：售后服务群", "Chat export — 华南区销售"))
    doc.t(f"{head}\n\n")
    day, minute = r.randrange(300), r.randrange(8 * 60, 18 * 60)
    for _ in range(r.randrange(6, 20)):
        p = r.choice(members)
        minute += r.randrange(1, 30)
        if r.random() < 0.5:
            doc.t(f"[{_time(r, day, minute)}] ")
            _speaker(doc, p, r, style)
            doc.t(": ")
        else:
            _speaker(doc, p, r, style)
            doc.t(f"  {_time(r, day, minute)}\n")
        _message(doc, r, members, customer)
        doc.t("\n")
    return doc


def _message(doc: Doc, r: random.Random, members: list[Person], c: Person) -> None:
    x = r.random()
    other = r.choice(members)
    if x < 0.15:
        doc.t("@").v("person_name", other.name).t(
            r.choice((" 收到", " 这个单子你跟一下", " please check"))
        )
    elif x < 0.3:
        doc.t("客户").v("person_name", c.name).t("电话 ").v("phone", c.mobile).t(
            r.choice(("，明天上门", "，回电一下", ""))
        )
    elif x < 0.4:
        doc.t("地址发我：").v("address", v.cn_address(r))
    elif x < 0.47:
        doc.t("[位置] ").v("coordinates", v.coord_text(r))
    elif x < 0.52:
        doc.t("车牌").v("licence_plate", v.plate(r)).t("的司机到了，在3号门")
    elif x < 0.57:
        doc.t("客户身份证 ").v("resident_id", c.rid or v.resident_id(r)).t(" 用来登记延保")
    elif x < 0.62:
        doc.t("快递单号 ").v("lookalike", fakes.tracking(r)).t(" 已发出")
    elif x < 0.67:
        doc.t("料号 ").v("lookalike", fakes.part_number(r)).t(" 还有库存吗")
    elif x < 0.71:
        doc.t("升级到 ").v("lookalike", fakes.version(r)).t(" 就好了")
    elif x < 0.75:
        doc.t("他邮箱 ").v("email", c.email)
    elif x < 0.78:
        doc.t("测试账号密码 ").v("secret", keys.password(r)).t(" 用完改掉")
    else:
        doc.t(
            r.choice(
                (
                    "好的",
                    "收到👌",
                    "OK",
                    "稍等",
                    "[图片]",
                    "今天出货吗",
                    "明早开会",
                    "报价单发你邮箱了",
                    "thx",
                    '[语音] 12"',
                    "这批货质检过了",
                )
            )
        )


def _ts(r: random.Random) -> str:
    return f"{fakes.ymd(r, 2025, 2025)}T{fakes.hms(r)}.{r.randrange(1000):03d}+08:00"


def _nginx(doc: Doc, r: random.Random) -> None:
    doc.v("ip_address", v.ip_address(r)).t(
        f" - - [{r.randrange(1, 29):02d}/Mar/2025:{fakes.hms(r)} +0800] "
    )
    path = r.choice(("/api/v2/orders", "/static/app.js", "/api/user/profile", "/login", "/health"))
    doc.t(f'"{r.choice(("GET", "POST"))} {path}')
    if path == "/api/user/profile" and r.random() < 0.5:
        doc.t("?mobile=").v("phone", v.cn_mobile(r).replace(" ", "").replace("+", ""))
    doc.t(f' HTTP/1.1" {r.choice((200, 200, 302, 404, 500))} {r.randrange(100, 90000)} "-" ')
    doc.t(
        f'"Mozilla/5.0 (Windows NT 10.0) Chrome/{r.randrange(100, 125)}.0.'
        f'{r.randrange(1000, 6999)}.{r.randrange(10, 200)}"\n'
    )


def _kv(doc: Doc, r: random.Random) -> None:
    level = r.choice(("INFO", "INFO", "DEBUG", "WARN"))
    doc.t(f"{_ts(r)} {level} [{r.choice(('order-svc', 'crm-sync', 'auth'))}] ")
    x = r.random()
    if x < 0.3:
        doc.t(f"user login ok uid={r.randrange(10000, 99999)} ip=").v("ip_address", v.ip_address(r))
        doc.t(" email=").v("email", v.email_for(r))
    elif x < 0.55:
        p = person(r, latin=False)
        doc.t('sync customer payload={"name":"').v("person_name", p.name).t('","tel":"').v(
            "phone", p.mobile
        ).t('"}')
    elif x < 0.7:
        doc.t("order ").v("lookalike", fakes.order_number(r)).t(" status=SHIPPED waybill=").v(
            "lookalike", fakes.tracking(r)
        )
    elif x < 0.8:
        doc.t("client build=").v("lookalike", fakes.version(r)).t(
            f" latency_ms={r.randrange(1, 900)}"
        )
    elif x < 0.88:
        doc.t(
            "push device token registered for uid=" + str(r.randrange(1000, 99999)) + " vin-plate="
        ).v("licence_plate", v.plate(r))
    else:
        doc.t("heartbeat ok ts=").v("lookalike", fakes.timestamp(r)).t(
            f" trace={r.randrange(16**16):016x}"
        )
    doc.t("\n")


def _trace(doc: Doc, r: random.Random) -> None:
    doc.t(f"{_ts(r)} ERROR [erp-batch] could not open connection\n")
    doc.t("java.sql.SQLException: Access denied; url=")
    x = r.random()
    host = v.ip_address(r) if r.random() < 0.7 else "db-master.internal"
    pwd = keys.password(r)
    if x < 0.4:
        doc.t("jdbc:mysql://")
        doc.v("ip_address", host) if host[0].isdigit() else doc.t(host)
        doc.t(":3306/erp?user=erp_app&password=").v("secret", pwd).t("&useSSL=false\n")
    elif x < 0.7:
        doc.t("postgresql://report:").v("secret", pwd.replace("@", "%40")).t("@")
        doc.v("ip_address", host) if host[0].isdigit() else doc.t(host)
        doc.t(":5432/warehouse\n")
    else:
        doc.t("Server=")
        doc.v("ip_address", host) if host[0].isdigit() else doc.t(host)
        doc.t(";Database=HT_ERP;User Id=sa;Password=").v("secret", pwd).t(";\n")
    for _ in range(r.randrange(3, 9)):
        cls = r.choice(("OrderJob", "CustomerDao", "Pool"))
        doc.t(
            f"\tat com.hengtai.erp.{r.choice(('batch', 'dao', 'sync'))}.{cls}."
            f"{r.choice(('run', 'load', 'get'))}({cls}.java:{r.randrange(20, 900)})\n"
        )


def _config(doc: Doc, r: random.Random) -> None:
    doc.t(f"{_ts(r)} INFO [bootstrap] loaded config: ")
    key = r.choice(("api_key", "accessKeySecret", "Authorization: Bearer", "token", "app_secret"))
    doc.t(key + ("" if key.endswith("Bearer") else "=") + (" " if key.endswith("Bearer") else ""))
    doc.v("secret", keys.token(r)).t(f" region=cn-south-1 git={fakes.commit_hash(r)}\n")


def log(r: random.Random, personal: bool = True) -> Doc:
    doc = Doc()
    kind = r.randrange(3)
    for _ in range(r.randrange(10, 40)):
        if not personal:
            doc.t(
                f"{_ts(r)} INFO [scheduler] job {r.choice(('stock-recalc', 'mrp', 'backup'))} "
                f"done in {r.randrange(1, 9000)} ms, rows={r.randrange(0, 99999)} build="
            )
            doc.t(fakes.version(r) + f" id={fakes.order_number(r)}\n")
            continue
        y = r.random()
        if kind == 0 and y < 0.7:
            _nginx(doc, r)
        elif y < 0.05:
            _trace(doc, r)
        elif y < 0.09:
            _config(doc, r)
        else:
            _kv(doc, r)
    return doc


__all__ = ["chat", "log", "name_ref", "phone"]
