"""Corpus 12's people, values and look-alikes: a Jiangmen lighting maker (Lingnan Guangyi
Lighting), its Singapore sales office and its Dong Nai plant. Every value is made valid of
its type here (check digits, number plans); every look-alike is made NOT to be what it
resembles (IDs with a wrong check digit, serials failing Luhn, part numbers shaped like
mobiles)."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from datetime import date, timedelta

import phonenumbers
from stdnum import luhn
from stdnum.cn import ric

from piiguard.scanner.corpus import LOOKALIKE, Span

L = LOOKALIKE


@dataclass(slots=True)
class Doc:
    """A text built piece by piece, each labelled value's span recorded as it is added."""

    nl: str = "\n"
    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    n: int = 0

    def t(self, text: str) -> Doc:
        if self.nl != "\n":
            text = text.replace("\n", self.nl)
        self.parts.append(text)
        self.n += len(text)
        return self

    def v(self, kind: str | None, value: str) -> Doc:
        if kind:
            self.spans.append(Span(kind, self.n, self.n + len(value)))
        return self.t(value)

    def add(self, piece: tuple[str | None, str] | str) -> Doc:
        return self.t(piece) if isinstance(piece, str) else self.v(*piece)

    def line(self, *pieces: tuple[str | None, str] | str) -> Doc:
        for p in pieces:
            self.add(p)
        return self.t("\n")

    @property
    def text(self) -> str:
        return "".join(self.parts)


SURNAMES = "陈李黄梁林吴何冯邓谭甄容司徒伍区钟赵余麦叶关苏卢罗潘郑".replace("司徒", "")
GIVEN = "嘉颖锦华志伟丽珊浩然婉婷国栋振邦惠敏秋萍晓彤子轩家豪美玲永康桂芬泽楷淑仪俊杰碧霞"
PINYIN = {
    "陈": "Chen",
    "李": "Li",
    "黄": "Huang",
    "梁": "Liang",
    "林": "Lin",
    "吴": "Wu",
    "何": "He",
    "冯": "Feng",
    "邓": "Deng",
    "谭": "Tan",
    "甄": "Zhen",
    "容": "Rong",
    "伍": "Wu",
    "区": "Ou",
    "钟": "Zhong",
    "赵": "Zhao",
    "余": "Yu",
    "麦": "Mai",
    "叶": "Ye",
    "关": "Guan",
    "苏": "Su",
    "卢": "Lu",
    "罗": "Luo",
    "潘": "Pan",
    "郑": "Zheng",
}
GIVEN_PY = {
    "嘉": "jia",
    "颖": "ying",
    "锦": "jin",
    "华": "hua",
    "志": "zhi",
    "伟": "wei",
    "丽": "li",
    "珊": "shan",
    "浩": "hao",
    "然": "ran",
    "婉": "wan",
    "婷": "ting",
    "国": "guo",
    "栋": "dong",
    "振": "zhen",
    "邦": "bang",
    "惠": "hui",
    "敏": "min",
    "秋": "qiu",
    "萍": "ping",
    "晓": "xiao",
    "彤": "tong",
    "子": "zi",
    "轩": "xuan",
    "家": "jia",
    "豪": "hao",
    "美": "mei",
    "玲": "ling",
    "永": "yong",
    "康": "kang",
    "桂": "gui",
    "芬": "fen",
    "泽": "ze",
    "楷": "kai",
    "淑": "shu",
    "仪": "yi",
    "俊": "jun",
    "杰": "jie",
    "碧": "bi",
    "霞": "xia",
}
SG_FIRST = [
    "Kelvin",
    "Shirley",
    "Desmond",
    "Jolene",
    "Marcus",
    "Priya",
    "Farhan",
    "Germaine",
    "Eugene",
    "Cheryl",
    "Rajesh",
    "Nurul",
    "Bryan",
    "Vanessa",
    "Darren",
    "Felicia",
]
SG_LAST = [
    "Tan",
    "Lim",
    "Goh",
    "Ong",
    "Teo",
    "Koh",
    "Chua",
    "Nair",
    "Rahman",
    "Pillai",
    "Seah",
    "Quek",
    "Yeo",
    "Ang",
]
VN_LAST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"]
VN_MID = ["Văn", "Thị", "Minh", "Ngọc", "Đức", "Thanh"]
VN_FIRST = ["Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Mai", "Khoa", "Trang", "Phúc", "Yến"]
VN_ASCII = {
    "Nguyễn": "Nguyen",
    "Trần": "Tran",
    "Lê": "Le",
    "Phạm": "Pham",
    "Hoàng": "Hoang",
    "Võ": "Vo",
    "Đặng": "Dang",
    "Bùi": "Bui",
}

# ID areas (all with a county in stdnum's table): the plant's towns and where staff come from
AREAS = [
    "440703",
    "440704",
    "440705",
    "440781",
    "442000",
    "440604",
    "440606",
    "445102",
    "441302",
    "430104",
    "450103",
    "510104",
    "360102",
    "420106",
    "410105",
    "360730",
]
CN_STREETS = [
    ("广东省江门市蓬江区", "建设三路", "号"),
    ("江门市江海区", "高新西路", "号"),
    ("广东省江门市新会区", "会城今古洲大道", "号"),
    ("中山市古镇镇", "同益路", "号"),
    ("广东省中山市小榄镇", "宝丰工业大道", "号"),
    ("佛山市顺德区北滘镇", "林港路", "号"),
    ("台山市台城", "环北大道", "号"),
    ("江门市蓬江区", "港口一路", "号"),
    ("广州市白云区", "机场路", "号"),
    ("深圳市南山区", "科技南十二路", "号"),
]
SG_STREETS = [
    "Ang Mo Kio Ave 3",
    "Ubi Crescent",
    "Kaki Bukit Rd 1",
    "Tampines St 92",
    "Jurong West St 41",
    "Woodlands Loop",
    "Toa Payoh Lor 8",
]
VN_STREETS = [
    "KCN Nhơn Trạch 3, Huyện Nhơn Trạch, Đồng Nai",
    "Đường số 9, KCN Amata, TP. Biên Hòa, Đồng Nai",
    "12 Nguyễn Ái Quốc, P. Tân Phong, TP. Biên Hòa, Đồng Nai",
]
PROVINCES = "粤粤粤粤粤湘桂赣闽川"
PRODUCTS = [
    "Stella X3",
    "Luna M2",
    "Felix Pro5",
    "Aurora X7",
    "Vera M5",
    "Orion Pro2",
    "Clara X1",
    "Milo M8",
]
LINES = ["LED 吸顶灯", "防水三防灯", "轨道射灯", "筒灯", "面板灯", "工矿灯", "太阳能路灯"]
MAIL_DOMAINS = [
    "qq.com",
    "163.com",
    "126.com",
    "foxmail.com",
    "gmail.com",
    "hotmail.com",
    "sina.com",
    "yahoo.com.sg",
]
CO = "lnguangyi.com"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class Gen:
    """Values from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.counts: dict[str, int] = {}

    def next(self, what: str) -> int:
        """How many `what` were made before this one (to cycle through variants in order)."""
        n = self.counts.get(what, 0)
        self.counts[what] = n + 1
        return n

    # -- people -------------------------------------------------------------------------
    def cn(self) -> str:
        r = self.r
        given = "".join(r.sample(GIVEN, r.choice((1, 2, 2))))
        return r.choice(SURNAMES) + given

    def pinyin(self, name: str, style: int | None = None) -> str:
        last = PINYIN[name[0]]
        first = "".join(GIVEN_PY[c] for c in name[1:]).capitalize()
        style = self.r.randrange(3) if style is None else style
        return (f"{last} {first}", f"{first} {last}", f"{last.upper()} {first}")[style]

    def sg(self) -> tuple[str, str]:
        """(full name, surname)"""
        last = self.r.choice(SG_LAST)
        return f"{self.r.choice(SG_FIRST)} {last}", last

    def vn(self) -> tuple[str, str]:
        last = self.r.choice(VN_LAST)
        return f"{last} {self.r.choice(VN_MID)} {self.r.choice(VN_FIRST)}", last

    def email_for(self, latin: str, company: bool = False) -> str:
        parts = [p.lower() for p in latin.replace("-", " ").split()]
        r = self.r
        local = r.choice(
            [
                ".".join(parts),
                "".join(parts),
                parts[-1] + "." + parts[0],
                parts[0] + str(r.randint(70, 2005)),
                parts[0][0] + parts[-1],
            ]
        )
        if company:
            return f"{local}@{r.choice([CO, CO, 'sg.' + CO, 'vn.' + CO])}"
        return f"{local}@{r.choice(MAIL_DOMAINS)}"

    def qq_mail(self) -> str:
        return f"{self.r.randint(10_000_000, 2_999_999_999)}@qq.com"

    # -- numbers ------------------------------------------------------------------------
    def _valid(self, text: str) -> bool:
        try:  # (179xx… reads as a carrier's dialling prefix, some of them as too short)
            return phonenumbers.is_valid_number(phonenumbers.parse(text, "CN"))
        except phonenumbers.NumberParseException:
            return False

    def mobile_digits(self) -> str:
        while True:
            d = self.r.choice(["13", "15", "18", "17", "19", "16"]) + "".join(
                self.r.choices(string.digits, k=9)
            )
            if self._valid(d):
                return d

    def mobile(self, style: int | None = None) -> str:
        d = self.mobile_digits()
        style = self.r.randrange(8) if style is None else style
        return [
            d,
            d,
            f"{d[:3]} {d[3:7]} {d[7:]}",
            f"{d[:3]}-{d[3:7]}-{d[7:]}",
            f"+86 {d[:3]} {d[3:7]} {d[7:]}",
            f"+86-{d}",
            f"+86 {d[:3]}-{d[3:7]}-{d[7:]}",
            f"(+86){d}",
        ][style]

    def landline(self) -> str:
        r = self.r
        while True:
            area = r.choice(["0750", "0760", "0757", "0755", "020"])
            local = r.choice("23568") + "".join(r.choices(string.digits, k=7))
            if self._valid(area + local):
                break
        return r.choice(
            [
                f"{area}-{local}",
                f"({area}){local}",
                f"{area} {local[:4]} {local[4:]}",
                f"+86 {area[1:]} {local}",
                f"{area}-{local}",
            ]
        )

    def sg_phone(self) -> str:
        while True:
            d = self.r.choice("689") + "".join(self.r.choices(string.digits, k=7))
            if self._valid("+65" + d):
                return self.r.choice([f"+65 {d[:4]} {d[4:]}", f"+65-{d}", f"(+65) {d}"])

    def vn_phone(self) -> str:
        while True:
            d = self.r.choice(["90", "91", "93", "97", "98", "88"]) + "".join(
                self.r.choices(string.digits, k=7)
            )
            if self._valid("+84" + d):
                return self.r.choice([f"+84 {d[:3]} {d[3:6]} {d[6:]}", f"+84{d}"])

    def phone(self) -> str:
        x = self.r.random()
        if x < 0.6:
            return self.mobile()
        if x < 0.8:
            return self.landline()
        return self.sg_phone() if x < 0.9 else self.vn_phone()

    def birth(self) -> date:
        return date(1962, 1, 1) + timedelta(days=self.r.randrange(0, 42 * 365))

    def rid(self, born: date | None = None) -> str:
        born = born or self.birth()
        body = self.r.choice(AREAS) + born.strftime("%Y%m%d") + f"{self.r.randrange(1000):03d}"
        return body + ric.calc_check_digit(body + "0")  # (it reads all but the last digit)

    def fake_rid(self) -> str:
        """18 digits that are no ID: a wrong check digit, and never an X."""
        while True:
            body = self.rid()[:17]
            last = str(self.r.randrange(10))
            if last != ric.calc_check_digit(body + "0"):
                return body + last

    def dob(self, born: date | None = None) -> str:
        b = born or self.birth()
        months = MONTHS
        return self.r.choice(
            [
                b.isoformat(),
                f"{b.year}/{b.month}/{b.day}",
                f"{b.day:02d}/{b.month:02d}/{b.year}",
                f"{b.year}年{b.month}月{b.day}日",
                f"{b.day} {months[b.month - 1]} {b.year}",
                f"{months[b.month - 1]} {b.day}, {b.year}",
                f"{b.year}.{b.month:02d}.{b.day:02d}",
                b.strftime("%Y%m%d"),
                f"{b.day:02d}-{months[b.month - 1]}-{b.year}",
            ]
        )

    def passport(self, nation: str = "CN") -> str:
        r, d = self.r, string.digits
        if nation == "CN":
            head = r.choice(["E", "EA", "EB", "EH"])
            return head + "".join(r.choices(d, k=9 - len(head)))
        if nation == "SG":
            return "K" + "".join(r.choices(d, k=7)) + r.choice("ABCDEFGHJ")
        if nation == "VN":
            return r.choice("BC") + "".join(r.choices(d, k=7))
        if nation == "PH":
            return "P" + "".join(r.choices(d, k=7)) + r.choice("ABC")
        return r.choice("ABH") + "".join(r.choices(d, k=8))  # MY

    def _luhn_tail(self, body: str) -> str:
        return body + luhn.calc_check_digit(body)

    def bank_card(self) -> str:
        r = self.r
        n = self._luhn_tail(
            r.choice(["622202", "621700", "622848", "623668", "621483"])
            + "".join(r.choices(string.digits, k=r.choice((9, 12))))
        )
        return r.choice([n, n, " ".join(n[i : i + 4] for i in range(0, len(n), 4))])

    def credit_card(self) -> str:
        r = self.r
        prefix = r.choice(["4", "5", "2221", "3528", "37"])
        length = 15 if prefix == "37" else 16
        n = self._luhn_tail(prefix + "".join(r.choices(string.digits, k=length - len(prefix) - 1)))
        if length == 15:
            return r.choice([n, f"{n[:4]} {n[4:10]} {n[10:]}"])
        return r.choice(
            [
                n,
                " ".join(n[i : i + 4] for i in range(0, 16, 4)),
                "-".join(n[i : i + 4] for i in range(0, 16, 4)),
            ]
        )

    def bank_account(self, where: str = "CN") -> str:
        r = self.r
        while True:
            if where == "SG":
                n = f"{r.randint(100, 999)}-{r.randint(100000, 999999)}-{r.randint(0, 9)}"
            elif where == "VN":
                n = "".join(r.choices(string.digits, k=13))
            else:
                n = r.choice(["4405", "8010", "1200", "3602", "4400"]) + "".join(
                    r.choices(string.digits, k=r.choice((10, 12, 14, 15)))
                )
            if not luhn.is_valid(n.replace("-", "")):
                return n

    def iban(self) -> str:
        r = self.r
        country, bban = r.choice(
            [
                ("DE", "".join(r.choices(string.digits, k=18))),
                (
                    "GB",
                    r.choice(["NWBK", "BARC", "HSBC"]) + "".join(r.choices(string.digits, k=14)),
                ),
                ("FR", "".join(r.choices(string.digits, k=23))),
                (
                    "NL",
                    r.choice(["ABNA", "INGB", "RABO"]) + "".join(r.choices(string.digits, k=10)),
                ),
            ]
        )
        moved = bban + country + "00"
        check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
        code = f"{country}{check:02d}{bban}"
        return r.choice([code, " ".join(code[i : i + 4] for i in range(0, len(code), 4))])

    def ip(self) -> str:
        r = self.r
        return r.choice(
            [
                f"{r.choice([113, 183, 120, 58, 116, 42])}.{r.randrange(256)}.{r.randrange(256)}."
                f"{r.randrange(1, 255)}",
                f"10.{r.randrange(40)}.{r.randrange(256)}.{r.randrange(1, 255)}",
                f"192.168.{r.randrange(20)}.{r.randrange(2, 254)}",
                f"{r.choice([101, 175, 203])}.{r.randrange(256)}.{r.randrange(256)}."
                f"{r.randrange(1, 255)}",
                f"2408:8456:{r.randrange(65536):x}:{r.randrange(65536):x}::{r.randrange(1, 999):x}",
            ]
        )

    def coords(self) -> str:
        r = self.r
        lat, lng = r.choice([(22.58, 113.08), (22.52, 113.39), (1.35, 103.85), (10.75, 106.95)])
        a, b = lat + r.uniform(-0.08, 0.08), lng + r.uniform(-0.08, 0.08)
        return r.choice([f"{a:.6f},{b:.6f}", f"{a:.5f}, {b:.5f}", f"{b:.6f},{a:.6f}"])

    def plate(self) -> str:
        r = self.r
        p = r.choice(PROVINCES)
        letter = "J" if p == "粤" and r.random() < 0.5 else r.choice("ABCDEJTWX")
        tail = "".join(r.choices("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", k=5))
        if r.random() < 0.2:
            tail = r.choice("DF") + "".join(r.choices(string.digits, k=5))
        return r.choice([f"{p}{letter}{tail}", f"{p}{letter}·{tail}", f"{p}{letter} {tail}"])

    def secret(self) -> str:
        r = self.r
        al = string.ascii_letters + string.digits
        return r.choice(
            [
                "sk_live_" + "".join(r.choices(al, k=24)),
                "AKIA" + "".join(r.choices(string.ascii_uppercase + string.digits, k=16)),
                "ghp_" + "".join(r.choices(al, k=36)),
                "".join(r.choices(al, k=32)),
                r.choice(["Gy2026!", "Lnx@", "Qwe#", "Ab12$"]) + "".join(r.choices(al, k=8)),
            ]
        )

    def jwt(self) -> str:
        r = self.r
        al = string.ascii_letters + string.digits + "-_"
        body = "eyJ" + "".join(r.choices(al, k=r.randint(40, 90)))
        return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + body + "." + "".join(r.choices(al, k=43))

    def address(self, where: str = "CN") -> str:
        r = self.r
        if where == "SG":
            return (
                f"Blk {r.randint(10, 799)} {r.choice(SG_STREETS)}, #{r.randint(2, 15):02d}-"
                f"{r.randint(1, 150):02d}, Singapore {r.randint(300000, 799999)}"
            )
        if where == "VN":
            return f"Lô {r.choice('ABCD')}{r.randint(1, 12)}, {r.choice(VN_STREETS)}"
        head, street, unit = r.choice(CN_STREETS)
        tail = r.choice(
            [
                "",
                f"{r.randint(1, 12)}栋{r.randint(1, 28)}0{r.randint(1, 6)}房",
                f"{r.randint(1, 5)}座{r.randint(101, 2508)}室",
                "厂房B区",
            ]
        )
        return f"{head}{street}{r.randint(1, 388)}{unit}{tail}"

    # -- look-alikes --------------------------------------------------------------------
    def part_mobile(self) -> str:
        """A material code shaped like a mobile (1[3-9] then nine digits)."""
        return self.r.choice(["13", "15", "18", "16"]) + "".join(self.r.choices(string.digits, k=9))

    def version4(self) -> str:
        r = self.r
        return f"{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 40)}.{r.randint(1, 2999)}"

    def serial16(self) -> str:
        while True:
            n = "".join(self.r.choices(string.digits, k=16))
            if not luhn.is_valid(n) and n[0] != "0":
                return n

    def imei(self) -> str:
        return self._luhn_tail("86" + "".join(self.r.choices(string.digits, k=12)))

    def waybill(self) -> str:
        return self.r.choice(["SF", "YT", "JD"]) + "".join(self.r.choices(string.digits, k=13))

    def hash40(self) -> str:
        return "".join(self.r.choices("0123456789abcdef", k=40))

    def uuid(self) -> str:
        h = "".join(self.r.choices("0123456789abcdef", k=32))
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def isbn(self) -> str:
        body = f"9787{self.r.randint(100, 999)}{self.r.randint(10000, 99999)}"
        check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
        return f"978-7-{body[4:7]}-{body[7:]}-{check}"

    def day(self) -> date:
        return date(2025, 1, 1) + timedelta(days=self.r.randrange(700))

    def when(self) -> str:
        """A date of business (an order's, a visit's): a look-alike beside birth dates."""
        d = self.day()
        return self.r.choice(
            [
                d.isoformat(),
                f"{d.year}/{d.month}/{d.day}",
                f"{d.year}年{d.month}月{d.day}日",
                f"{d.year}.{d.month:02d}.{d.day:02d}",
            ]
        )

    def tax_id(self) -> str:
        """A 统一社会信用代码 of eighteen digits (91 4407 …): no ID number (a wrong check digit)."""
        while True:
            n = "91440" + "".join(self.r.choices(string.digits, k=13))
            if not _looks_rid(n):
                return n

    def product(self) -> str:
        return self.r.choice(PRODUCTS)

    def part_no(self) -> str:
        r = self.r
        return f"GY-{r.choice(['DL', 'TD', 'PL', 'GK'])}{r.randint(100, 999)}-{r.randint(3, 60)}W"

    def order_no(self) -> str:
        return f"PO{self.day().strftime('%Y%m%d')}{self.r.randint(1000, 9999)}"


def _looks_rid(n: str) -> bool:
    return len(n) == 18 and ric.calc_check_digit(n) == n[-1]
