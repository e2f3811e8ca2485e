"""Application logs, after-sales tickets, purchase orders, onboarding forms and chat
transcripts as people and systems write them."""

from __future__ import annotations

from bench.corpus11.doc import Doc
from bench.corpus11.values import Values

ISSUES = [
    "显示E4故障码",
    "不加热",
    "漏水漏得厉害",
    "开机就跳闸",
    "面板按键没反应",
    "噪音很大",
    "shows error E1 after 10 min",
    "lid won't close",
    "吸力不够 suction weak",
    "遥控器失灵",
]
TYPOS = ["电化", "手机号吗", "mobil", "tel", "电话", "联系方式", "ph", "call"]


def _who(v: Values, d: Doc) -> str:
    """A person as written in running text: full name, surname + title, or a Latin name."""
    x = v.r.random()
    if x < 0.5:
        name = v.zh()
        d.v("person_name", name)
    elif x < 0.7:
        sur = v.pick(["王", "李", "陈", "黄", "梁", "何", "冼", "麦"])
        d.v("person_name", sur).t(v.pick(["先生", "小姐", "女士", "工", "总", "经理", "姐", "生"]))
        name = sur
    else:
        name = v.pick([v.western(), v.pinyin()])
        if v.r.random() < 0.3:
            d.t(v.pick(["Mr. ", "Ms. ", "Dr. "]))
        d.v("person_name", name)
    return name


def _nginx(v: Values, d: Doc, day: str, t: str) -> None:
    d.v("ip_address", v.ip()).t(f' - - [{day[8:]}/Mar/2026:{t} +0800] "GET /api/v2/')
    x = v.r.randrange(4)
    if x == 0:
        mobile = v.pick(["138", "139", "186", "150", "177"]) + v.digits(8)
        d.t("warranty/query?sn=").la(v.sixteen()).t("&mobile=").v("phone", mobile)
    elif x == 1:
        d.t("user/profile?access_token=").v("secret", v.token())
    elif x == 2:
        d.t("orders/").la(v.order()).t("?page=1")
    else:
        d.t("firmware/check?ver=").la(v.version().lstrip("v"))
    d.t(
        f' HTTP/1.1" {v.pick([200, 200, 302, 404, 500])} {v.r.randint(120, 9000)} "-" '
        f'"Mozilla/5.0 (Linux; Android 13) HuakangHome/'
    ).la(v.version().lstrip("v"))
    d.t('"\n')


def _java(v: Values, d: Doc, day: str, t: str) -> None:
    lvl = v.pick(["INFO", "INFO", "WARN", "ERROR"])
    d.t(
        f"{day} {t}.{v.r.randint(100, 999)} "
        f"[http-nio-8080-exec-{v.r.randint(1, 20)}] {lvl} "
        "c.h.aftersales.service.WarrantyService - [traceId="
    ).la(v.hexid(16)).t(",sku=")
    d.la(v.part11()).t("] ")
    x = v.r.randrange(5)
    if x == 0:
        d.t("register warranty customer=").v("person_name", v.name()).t(" idCard=").v(
            "resident_id", v.rid()
        )
        d.t(" phone=").v("phone", v.mobile()).t("\n")
    elif x == 1:
        d.t("DataSource url=jdbc:mysql://crm_rw:").v("secret", v.password(url=True)).t("@").v(
            "ip_address", v.ip()
        )
        d.t(":3306/crm?useSSL=false\n")
    elif x == 2 and lvl == "ERROR":
        d.t("保修登记失败 dispatch failed for ").v("person_name", v.zh()).t("\n")
        d.t("java.lang.IllegalStateException: address not geocoded: ").v("address", v.address()).t(
            "\n"
        )
        for fn in ("dispatch", "assign", "invoke"):
            d.t(
                "\tat com.huakang.aftersales.service.WarrantyService."
                f"{fn}(WarrantyService.java:{v.r.randint(40, 400)})\n"
            )
        d.t("Caused by: java.sql.SQLException: Access denied for user 'crm_rw'@'").v(
            "ip_address", v.ip()
        ).t("'\n")
    elif x == 3:
        d.t("gps report device=").la(v.imei()).t(" pos=").v("coordinates", v.coords()).t(" fw=").la(
            v.version()
        ).t("\n")
    else:
        d.t("Authorization: Bearer ").v("secret", v.jwt()).t("\n")


def _python(v: Values, d: Doc, day: str, t: str) -> None:
    d.t(
        f"{day} {t},{v.r.randint(100, 999)} - sync_worker - "
        f"{v.pick(['INFO', 'DEBUG', 'WARNING'])} - "
    )
    x = v.r.randrange(4)
    if x == 0:
        d.t("pushed order ").la(v.order()).t(' payload={"receiver": "').v("person_name", v.name())
        d.t('", "tel": "').v("phone", v.phone()).t('", "addr": "').v("address", v.address()).t(
            '"}\n'
        )
    elif x == 1:
        d.t("login ok user=").v("email", v.email()).t(" from ").v("ip_address", v.ip()).t("\n")
    elif x == 2:
        d.t("retry smtp password=").v("secret", v.password()).t(" host=smtp.exmail.qq.com\n")
    else:
        d.t("batch ").la(v.uuid()).t(f" done in {v.r.randint(10, 900)} ms, build ").la(
            v.version()
        ).t("\n")


def _kv(v: Values, d: Doc, day: str, t: str) -> None:
    d.t(f"ts={day}T{t}+08:00 level={v.pick(['info', 'warn'])} svc=iot-gw ")
    x = v.r.randrange(3)
    if x == 0:
        d.t('msg="device bound" user_phone=').v("phone", v.mobile()).t(" imei=").la(v.imei())
        d.t(" fw=").la(v.version()).t(" ip=").v("ip_address", v.ip()).t("\n")
    elif x == 1:
        d.t('msg=located lat_lng="').v("coordinates", v.coords()).t('" owner=').v(
            "person_name", v.name().replace(" ", "_")
        ).t("\n")
    else:
        d.t('msg="api call" key=').v("secret", v.token()).t(" req=").la(v.uuid()).t(
            f" ms={v.r.randint(3, 400)}\n"
        )


LOG_LINES = {"nginx": _nginx, "java": _java, "python": _python, "kv": _kv}


def log(v: Values, i: int) -> tuple[str, Doc, dict[str, object]]:
    """One application's log: nginx access, Java with MDC and stack traces, Python logging
    with dicts, or key=value lines."""
    d = Doc()
    style = v.pick(list(LOG_LINES))
    day = f"2026-03-{v.r.randint(1, 28):02d}"
    for _ in range(v.r.randint(12, 40)):
        t = f"{v.r.randint(0, 23):02d}:{v.r.randint(0, 59):02d}:{v.r.randint(0, 59):02d}"
        LOG_LINES[style](v, d, day, t)
    return f"log/{style}_{day}_{i:04d}.log", d, {}


def ticket(v: Values, i: int) -> tuple[str, Doc, dict[str, object]]:
    d = Doc()
    zh = v.r.random() < 0.6
    if zh:
        d.t("工单编号: ").la(f"CS{v.date()[:4]}{v.digits(8)}").t(
            f"    状态: {v.pick(['已派工', '待回访', '已完成'])}\n"
        )
        d.t("创建时间: ").la(v.date()).t("\n客户: ")
        _who(v, d)
        d.t(f"   {v.pick(TYPOS)}: ").v("phone", v.phone()).t("\n地址: ").v(
            "address", v.address()
        ).t("\n")
        d.t("产品型号: ").la(v.model()).t("  机身条码: ").la(
            v.pick([v.sixteen(), v.eighteen(), v.imei()])
        )
        d.t("  购买日期: ").la(v.date()).t("\n\n问题描述:\n客户反映").t(v.pick(ISSUES)).t(
            "，已经换过一次主板了还是不行。。"
        )
        d.t("客户说下午3点后在家, 备用电话 ").v("phone", v.phone()).t(
            v.pick(["（老婆的）", "(儿子)", "", " 打不通再打这个"])
        ).t("\n")
        if v.r.random() < 0.5:
            d.t("客户要求退款到卡 ").v("bank_card", v.bank_card()).t(" 持卡人 ").v(
                "person_name", v.zh()
            ).t("\n")
        elif v.r.random() < 0.3:
            d.t("客户用信用卡付的定金 ").v("credit_card", v.credit_card()).t(" 发票号 ").la(
                v.digits(8)
            ).t("\n")
        d.t("\n处理记录:\n")
        for _ in range(v.r.randint(1, 3)):
            d.t(f"[03-{v.r.randint(1, 28):02d} {v.r.randint(8, 19)}:{v.r.randint(10, 59)} ")
            d.v("person_name", v.zh()).t(v.pick(["] 上门检查，", "] 电话回访, ", "] 已寄件 "]))
            x = v.r.randrange(3)
            if x == 0:
                d.t("签到位置 ").v("coordinates", v.coords()).t(" 车辆 ").v(
                    "licence_plate", v.plate()
                ).t("\n")
            elif x == 1:
                d.t("顺丰单号 ").la(v.waybill()).t(" 配件编码 ").la(v.part11()).t("\n")
            else:
                d.t("客户生日 ").v("date_of_birth", v.dob()).t(" 登记会员, 会员号 ").la(
                    v.part11()
                ).t("\n")
    else:
        d.t("Ticket #").la(v.digits(6, "123456789")).t(" | Requester: ")
        name = v.pick([v.western(), v.pinyin()])
        d.v("person_name", name).t(" <").v("email", v.email(name)).t(">\n")
        d.t("Opened: ").la(v.date()).t(" | Channel: web | Model: ").la(v.model()).t(" | SN ").la(
            v.sixteen()
        ).t("\n")
        d.t("\nHi, my ").t(v.pick(["air fryer", "rice cooker", "range hood", "dishwasher"])).t(" ")
        d.t(v.pick(ISSUES)).t(". I bought it on ").la(v.date()).t(" (order ").la(v.order()).t("). ")
        d.t("Pls call me on ").v(
            "phone", v.foreign_phone() if v.r.random() < 0.6 else v.mobile()
        ).t(" or ship the replacement to\n")
        d.v("address", v.address()).t("\n\nThanks,\n").v("person_name", name).t(
            "\n\n--- internal note ---\n"
        )
        d.t("agent ").v("person_name", v.zh()).t(": customer DOB ").v("date_of_birth", v.dob())
        d.t(" verified, passport ").v("passport", v.passport()).t(", refund via IBAN ").v(
            "iban", v.iban()
        ).t("\n")
    return f"ticket/{'工单' if zh else 'ticket'}_{i:04d}.txt", d, {"crlf": i % 3 == 0}


def po(v: Values, i: int) -> tuple[str, Doc, dict[str, object]]:
    d = Doc()
    if i % 3 == 2:  # line items as CSV
        d.t("PO No,Line,Part No,物料描述,Model,Qty,Unit Price,Delivery,Buyer,Buyer Tel\n")
        order = v.order()
        buyer, tel = v.zh(), v.phone()
        for n in range(1, v.r.randint(4, 20)):
            d.la(order).t(f",{n},").la(v.part11()).t(
                f",{v.pick(['PCB主板', '发热盘', '电机', '密封圈', '面板'])},"
            )
            d.la(v.model()).t(f",{v.r.randint(10, 5000)},").la(v.price()).t(",").la(v.date()).t(",")
            d.v("person_name", buyer).t(",").v("phone", tel).t("\n")
        return f"po/po_lines_{i:04d}.csv", d, {"bom": i % 2 == 0, "crlf": True}
    d.t("佛山市顺德区华康电器有限公司\nFoshan Shunde Huakang Home Appliances Co., Ltd.\n")
    d.t("采购订单 PURCHASE ORDER\n\n订单号 PO No.: ").la(v.order()).t("      日期 Date: ").la(
        v.date()
    ).t("\n")
    d.t("供应商 Supplier: ").t(
        v.pick(["中山市宏达电子有限公司", "Bosch Thermotechnik GmbH", "江门市利康五金厂"])
    )
    d.t("\n联系人 Attn: ")
    _who(v, d)
    d.t("  电话 Tel: ").v("phone", v.phone()).t("  邮箱: ").v("email", v.email()).t("\n")
    d.t("送货地址 Ship to: ").v("address", v.address()).t("\n\n")
    d.t(f"{'物料编码':<14}{'型号':<20}{'数量':>8}{'单价':>12}\n")
    for _ in range(v.r.randint(3, 12)):
        d.la(v.part11()).t("   ").la(v.model()).t(f"   {v.r.randint(1, 900):>6}   ").la(
            v.price()
        ).t("\n")
    if v.r.random() < 0.2:
        d.t("培训教材《制冷与热泵原理》 ISBN ").la(v.isbn()).t("  x 20\n")
    d.t("\n付款信息 Payment:\n开户行: 中国工商银行佛山顺德支行\n")
    d.t(v.pick(["账号: ", "Account No.: ", "收款账号：", "A/C "])).v(
        "bank_account", v.bank_account()
    ).t("\n")
    if v.r.random() < 0.4:
        d.t("IBAN: ").v("iban", v.iban()).t("   SWIFT: ").la(
            v.pick(["ICBKCNBJGDG", "DEUTDEFF", "HSBCHKHH"])
        ).t("\n")
    d.t("\n采购员 Buyer: ").v("person_name", v.zh()).t("   审批 Approved by: ").v(
        "person_name", v.western()
    ).t("\n")
    d.t("税号: ").la("91440606MA" + v.hexid(8).upper()).t("\n")
    return f"po/PO_{i:04d}.txt", d, {"crlf": i % 2 == 0, "gbk": i % 5 == 1}
