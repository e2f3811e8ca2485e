"""Fields a record of corpus 14 may hold, each as (Chinese heading, English heading, pieces):
a person's values and the look-alikes beside them, which every kind renders its own way
(colon lines, HTML and text tables, CSV cells, JSON keys)."""

from __future__ import annotations

from bench.corpus14.doc import LOOKALIKE, Piece
from bench.corpus14.values import Gen, Who

Field = tuple[str, str, list[Piece]]
COMPANIES = (
    (
        "佛山市顺德区嘉宏电器有限公司",
        "Foshan Jiahong Electric Appliance Co., Ltd.",
        "jiahong-elec.com",
    ),
    ("佛山市南海区锐腾五金制品厂", "Nanhai Ruiteng Hardware Factory", "ruiteng-hw.cn"),
    (
        "广东美厨智能家电股份有限公司",
        "Guangdong Meichu Smart Appliances Co., Ltd.",
        "meichu.com.cn",
    ),
    ("佛山市禅城区恒达塑胶有限公司", "Foshan Hengda Plastics Co., Ltd.", "hengda-plastic.com"),
)
CUSTOMERS = (
    "Nordwind Haushaltsgeräte GmbH",
    "Brightline Retail Ltd",
    "Maison Clair SARL",
    "Kobe Trading K.K.",
    "Hanbit Electronics Co.",
    "Iberhogar S.L.",
    "Sunridge Home Inc.",
    "Volga Tekhnika OOO",
    "深圳市优品电子商务有限公司",
    "杭州家居优选贸易有限公司",
    "南宁鑫源商贸有限公司",
)
TITLES = (
    "采购经理",
    "Sales Manager",
    "售后工程师",
    "QA Engineer",
    "行政专员",
    "HR Specialist",
    "总经理助理",
    "Buyer",
    "仓库主管",
    "Export Sales",
)


def one(typ: str | None, text: str) -> list[Piece]:
    return [(typ, text)]


def person_fields(g: Gen, who: Who, n: int) -> list[Field]:
    """Up to n of a person's fields, the name first."""
    zh = who.locale == "zh"
    born = g.birth()
    pool: list[Field] = [
        (
            g.pick(("手机", "手机号码", "联系电话", "移动电话")),
            g.pick(("Mobile", "Mob.", "Cell", "Phone")),
            one("phone", g.phone_of(who)),
        ),
        (
            g.pick(("邮箱", "电子邮件", "E-mail")),
            g.pick(("Email", "E-mail", "Email Address")),
            one("email", who.email),
        ),
        (
            g.pick(("出生日期", "生日")),
            g.pick(("Date of Birth", "DOB", "Birthdate", "Birthday")),
            one("date_of_birth", g.dob(born)),
        ),
        (
            g.pick(("地址", "联系地址", "现住址", "户籍地址")),
            g.pick(("Address", "Home Address", "Mailing address")),
            one("address", g.address_of(who)),
        ),
    ]
    if zh:
        pool += [
            (
                g.pick(("身份证号", "身份证号码", "公民身份号码")),
                g.pick(("ID No.", "ID Card", "Resident ID")),
                one("resident_id", g.rid(born)),
            ),
            ("银行账号", "Account No.", one("bank_account", g.account_cn())),
            (
                g.pick(("工资卡号", "银行卡号", "退款卡号")),
                g.pick(("Salary card", "Debit card", "Refund card")),
                one("bank_card", g.unionpay()),
            ),
            (
                g.pick(("车牌号", "车牌")),
                g.pick(("Car plate", "Vehicle")),
                one("licence_plate", g.plate()),
            ),
            (g.pick(("固定电话", "办公电话")), "Tel", one("phone", g.landline())),
        ]
        if g.chance(0.4):
            pool.append(("护照号码", "Passport No.", one("passport", g.passport("zh"))))
    else:
        pool += [
            (
                g.pick(("护照号码", "护照号")),
                g.pick(("Passport No.", "Passport Number")),
                one("passport", g.passport(who.locale)),
            ),
            ("信用卡", g.pick(("Credit card", "Card number")), one("credit_card", g.credit())),
            ("IBAN", "IBAN", one("iban", g.iban())),
        ]
    if g.chance(0.3):
        pool.append(("登录IP", g.pick(("Login IP", "Client IP")), one("ip_address", g.ip())))
    if g.chance(0.2):
        pool.append(
            (
                "定位",
                g.pick(("GPS", "Location")),
                one("coordinates", g.coords(zh, g.pick((",", ", ")))),
            )
        )
    if g.chance(0.15):
        pool.append(("系统密码", "Password", one("secret", g.password())))
    g.r.shuffle(pool)
    name = (
        g.pick(("姓名", "联系人", "联系人姓名", "员工姓名")),
        g.pick(("Name", "Full Name", "Contact Full Name", "Contact")),
        g.spell(who),
    )
    return [name, *pool[: max(0, n - 1)]]


HR_FAKES = ("入职日期", "合同签订日期", "体检日期", "试用期满")


def lookalike_fields(g: Gen, n: int, hr: bool = False) -> list[Field]:
    if hr:
        pool: list[Field] = [(h, "Date", one(LOOKALIKE, g.recent_written())) for h in HR_FAKES]
        pool += [
            (
                "工作地点",
                "Work site",
                one(
                    LOOKALIKE,
                    g.pick(("陈村", "黄岐", "乐从", "北滘", "大良", "容桂", "西樵", "九江")),
                ),
            ),
            ("人事热线", "HR hotline", one(LOOKALIKE, g.hotline())),
            ("用人单位信用代码", "Employer USCC", one(LOOKALIKE, g.uscc())),
            ("工作手机型号", "Phone model", one(LOOKALIKE, g.model())),
        ]
        g.r.shuffle(pool)
        return pool[:n]
    pool = [
        (
            g.pick(("订单号", "销售单号")),
            g.pick(("Order No.", "SO No.")),
            one(LOOKALIKE, g.mobile_like()),
        ),
        (g.pick(("物料编码", "料号")), "Part No.", one(LOOKALIKE, g.mobile_like())),
        (g.pick(("机身序列号", "序列号")), "S/N", one(LOOKALIKE, g.serial18())),
        ("批次号", "Batch No.", one(LOOKALIKE, g.batch16())),
        (
            g.pick(("交货日期", "发货日期", "下单日期")),
            g.pick(("Delivery date", "Ship date", "Order date")),
            one(LOOKALIKE, g.recent_written()),
        ),
        (
            "固件版本",
            g.pick(("Firmware", "Build")),
            one(LOOKALIKE, g.pick(("v", "V", "")) + g.version()),
        ),
        ("统一社会信用代码", "USCC", one(LOOKALIKE, g.uscc())),
        ("运单号", "Tracking No.", one(LOOKALIKE, g.waybill())),
        ("型号", "Model", one(LOOKALIKE, g.model())),
        ("服务热线", "Hotline", one(LOOKALIKE, g.hotline())),
        ("说明书书号", "Manual ISBN", one(LOOKALIKE, g.isbn())),
        (
            "所在镇街",
            "Town",
            one(
                LOOKALIKE, g.pick(("陈村", "黄岐", "乐从", "北滘", "大良", "容桂", "西樵", "九江"))
            ),
        ),
    ]
    g.r.shuffle(pool)
    return pool[:n]


def mixed(g: Gen, who: Who, people: int, fakes: int, hr: bool = False) -> list[Field]:
    fields = person_fields(g, who, people) + lookalike_fields(g, fakes, hr)
    head, rest = fields[:1], fields[1:]
    g.r.shuffle(rest)
    return head + rest


def text_of(pieces: list[Piece]) -> str:
    return "".join(t for _, t in pieces)
