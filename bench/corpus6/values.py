"""Corpus 6's own value generators: people, numbers with their check digits, and the
business look-alikes of a manufacturer in Foshan. Every generator draws from one
`random.Random`, so a seed gives the same values."""

from __future__ import annotations

import random
import string
from datetime import date, timedelta


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SURNAMES = _words(
    "陈 黄 梁 何 罗 冯 邓 谢 曾 彭 叶 潘 杜 麦 区 霍 简 卢 苏 钟 温 伍 莫 谭 关 邝 岑 "
    "余 欧阳 司徒 王 李 张 刘 杨 赵 吴 周 徐 孙 马 朱 胡 郭 林 高 郑"
)
GIVEN = _words(
    "嘉 俊 锦 泽 颖 婷 晓 志 伟 敏 慧 雯 浩 铭 诗 琪 梓 豪 海 峰 丽 霞 卓 健 耀 华 "
    "秀 凤 永 坚 冠 宏 润 楠 欣 彤 子 轩 雪 韵 佩 淑 国 强 家 乐 文 杰"
)
PINYIN = {
    "陈": "Chen",
    "黄": "Huang",
    "梁": "Liang",
    "何": "He",
    "罗": "Luo",
    "冯": "Feng",
    "邓": "Deng",
    "谢": "Xie",
    "曾": "Zeng",
    "彭": "Peng",
    "叶": "Ye",
    "潘": "Pan",
    "杜": "Du",
    "麦": "Mai",
    "区": "Ou",
    "霍": "Huo",
    "简": "Jian",
    "卢": "Lu",
    "苏": "Su",
    "钟": "Zhong",
    "温": "Wen",
    "伍": "Wu",
    "莫": "Mo",
    "谭": "Tan",
    "关": "Guan",
    "邝": "Kuang",
    "岑": "Cen",
    "余": "Yu",
    "欧阳": "Ouyang",
    "司徒": "Situ",
    "王": "Wang",
    "李": "Li",
    "张": "Zhang",
    "刘": "Liu",
    "杨": "Yang",
    "赵": "Zhao",
    "吴": "Wu",
    "周": "Zhou",
    "徐": "Xu",
    "孙": "Sun",
    "马": "Ma",
    "朱": "Zhu",
    "胡": "Hu",
    "郭": "Guo",
    "林": "Lin",
    "高": "Gao",
    "郑": "Zheng",
    "嘉": "jia",
    "俊": "jun",
    "锦": "jin",
    "泽": "ze",
    "颖": "ying",
    "婷": "ting",
    "晓": "xiao",
    "志": "zhi",
    "伟": "wei",
    "敏": "min",
    "慧": "hui",
    "雯": "wen",
    "浩": "hao",
    "铭": "ming",
    "诗": "shi",
    "琪": "qi",
    "梓": "zi",
    "豪": "hao",
    "海": "hai",
    "峰": "feng",
    "丽": "li",
    "霞": "xia",
    "卓": "zhuo",
    "健": "jian",
    "耀": "yao",
    "华": "hua",
    "秀": "xiu",
    "凤": "feng",
    "永": "yong",
    "坚": "jian",
    "冠": "guan",
    "宏": "hong",
    "润": "run",
    "楠": "nan",
    "欣": "xin",
    "彤": "tong",
    "子": "zi",
    "轩": "xuan",
    "雪": "xue",
    "韵": "yun",
    "佩": "pei",
    "淑": "shu",
    "国": "guo",
    "强": "qiang",
    "家": "jia",
    "乐": "le",
    "文": "wen",
    "杰": "jie",
}
WEST_GIVEN = _words(
    "Lukas Annika Matthias Sabine Thomas Katrin Jürgen Miriam Oliver Fiona Grace "
    "Ethan Hannah Marco Giulia Pierre Camille Rahul Priya Kenji Yuki Carlos Lucia "
    "Olga Sven"
)
WEST_FAMILY = _words(
    "Brandt Kessler Hoffmann Wagner Schulz Richter Novak Morgan Fletcher Hughes Rossi "
    "Bianchi Moreau Lefevre Sharma Iyer Tanaka Sato Alvarez Ortega Petrova Lindqvist"
)
NICKS = _words("阿强 小燕子 老周 Kiki 阿文 大海 Sunny 晴天 Jacky_gz 木子 Coco 阿杰")

# Guangdong districts (code, province-city-district) plus a few elsewhere, for IDs.
AREAS = (
    ("440604", "广东省佛山市禅城区"),
    ("440605", "广东省佛山市南海区"),
    ("440606", "广东省佛山市顺德区"),
    ("440607", "广东省佛山市三水区"),
    ("440608", "广东省佛山市高明区"),
    ("440106", "广东省广州市天河区"),
    ("440305", "广东省深圳市南山区"),
    ("441900", "广东省东莞市"),
    ("442000", "广东省中山市"),
    ("445102", "广东省潮州市湘桥区"),
    ("450103", "广西壮族自治区南宁市青秀区"),
    ("430104", "湖南省长沙市岳麓区"),
    ("360102", "江西省南昌市东湖区"),
    ("510107", "四川省成都市武侯区"),
    ("420106", "湖北省武汉市武昌区"),
    ("350203", "福建省厦门市思明区"),
)
# District codes as they were in use by birth year: an ID keeps the code of its issue.
ID_AREAS = (
    (1983, "110101 110105 110108 310104 310110 440300 440600 440100 430100 450100"),
    (1991, "440602 440603 440623 440624 440103 440104 440111 440301 430102 420102 360103"),
    (2002, "440603 440681 440682 440103 440104 440111 440301 430102 420102 360103"),
    (
        9999,
        "440604 440605 440606 440607 440608 440106 440305 441900 442000 450103 430104 510107 "
        "420106 350203",
    ),
)
STREETS = (
    ("顺德区北滘镇", "美的大道", "Beijiao Town, Shunde District", "Meidi Avenue", "528311"),
    ("禅城区", "季华五路", "Chancheng District", "Jihua 5th Road", "528000"),
    ("南海区桂城街道", "南海大道北", "Guicheng, Nanhai District", "Nanhai Avenue North", "528200"),
    ("顺德区大良街道", "德和路", "Daliang, Shunde District", "Dehe Road", "528300"),
    ("南海区狮山镇", "科技东路", "Shishan Town, Nanhai District", "Keji East Road", "528225"),
    ("三水区西南街道", "广海大道西", "Xinan, Sanshui District", "Guanghai Avenue West", "528100"),
    ("高明区荷城街道", "沧江路", "Hecheng, Gaoming District", "Cangjiang Road", "528500"),
    ("顺德区容桂街道", "容奇大道中", "Ronggui, Shunde District", "Rongqi Avenue Central", "528306"),
)
ESTATES = _words("碧桂园 保利花园 万科金色家园 君兰江山 怡翠馨园 绿岛湖花园 海骏达花园")
DE_STREETS = ("Königstraße", "Hauptstraße", "Bahnhofstraße", "Lindenweg", "Schillerplatz")
DE_CITIES = (("70173", "Stuttgart"), ("80331", "München"), ("60311", "Frankfurt am Main"))

MOBILE_PREFIXES = _words(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 "
    "173 175 176 177 178 180 181 182 183 185 186 187 188 189 191 198 199"
)
# Area code and first digits of local numbers in use.
LANDLINES = (("0757", 8, "2345678"), ("020", 8, "38"), ("0755", 8, "2368"), ("0769", 8, "28"))
HK_MOBILE_FIRST = _words(
    "512 513 514 516 530 531 540 546 551 552 590 591 601 602 612 613 618 620 630 640 "
    "650 660 690 691 901 902 910 912 920 930 940 970"
)

# Card issuers: (prefix, length, type).
CARDS = (
    ("4", 16, "credit_card"),
    ("51", 16, "credit_card"),
    ("54", 16, "credit_card"),
    ("2221", 16, "credit_card"),
    ("37", 15, "credit_card"),
    ("622848", 19, "bank_card"),
    ("621700", 19, "bank_card"),
    ("622202", 19, "bank_card"),
    ("6214", 16, "bank_card"),
    ("625965", 16, "credit_card"),
    ("356", 16, "credit_card"),
)
# IBAN country: BBAN pattern ("n" digit, "a" upper letter, "c" letter or digit).
IBAN_FORMS = {
    "DE": "n" * 18,
    "GB": "aaaa" + "n" * 14,
    "NL": "aaaa" + "n" * 10,
    "AT": "n" * 16,
    "CH": "n" * 5 + "c" * 12,
    "PL": "n" * 24,
    "SE": "n" * 20,
}
GB_BANKS = ("NWBK", "BARC", "HBUK", "LOYD")
NL_BANKS = ("ABNA", "RABO", "INGB")
LOOKALIKE_GROUPS = {
    "order": (1, 2, 8, 10, 15),
    "part": (0, 5, 12, 13, 14),
    "version": (6,),
    "serial": (3, 7, 14),
    "tracking": (4, 8, 11),
    "tolerance": (9,),
}
DE_PASSPORT = "CFGHJKLMNPRTVWXYZ0123456789"


class Values:
    """Generators over one random source."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def digits(self, n: int) -> str:
        return "".join(self.r.choice(string.digits) for _ in range(n))

    # People
    def zh_name(self) -> str:
        given = "".join(self.r.choice(GIVEN) for _ in range(self.r.choice((1, 2, 2, 2))))
        return self.r.choice(SURNAMES) + given

    def split_zh(self, name: str) -> tuple[str, str]:
        sur = name[:2] if name[:2] in PINYIN and len(name) > 2 else name[0]
        return sur, name[len(sur) :]

    def pinyin(self, name: str) -> tuple[str, str]:
        sur, given = self.split_zh(name)
        return PINYIN[sur], "".join(PINYIN[c] for c in given).capitalize()

    def west_name(self) -> str:
        return f"{self.r.choice(WEST_GIVEN)} {self.r.choice(WEST_FAMILY)}"

    def email(self, name: str | None = None) -> str:
        domain = self.r.choice(
            (
                "qq.com",
                "163.com",
                "126.com",
                "foxmail.com",
                "gmail.com",
                "hotmail.com",
                "fs-hengtai.com.cn",
                "nanhai-mech.cn",
                "gruppe-brandt.de",
                "outlook.com",
            )
        )
        if domain == "qq.com" and self.r.random() < 0.6:
            return f"{self.r.randint(10000, 3999999999)}@qq.com"
        if name is None:
            name = self.zh_name()
        if " " in name:
            first, last = name.lower().replace("ü", "ue").split(" ", 1)
        else:
            last, first = (p.lower() for p in self.pinyin(name))
        local = self.r.choice(
            (
                f"{first}.{last}",
                f"{last}{first}",
                f"{first[0]}{last}",
                f"{last}.{first}{self.r.randint(1, 99)}",
            )
        )
        return f"{local}@{domain}"

    # Identity numbers
    def birth(self, young: int = 19, old: int = 62) -> date:
        return date(2026, 1, 1) - timedelta(days=self.r.randint(young * 365, old * 365))

    def resident_id(self, born: date | None = None) -> str:
        born = born or self.birth()
        codes = next(c for last, c in ID_AREAS if born.year <= last).split()
        body = self.r.choice(codes) + born.strftime("%Y%m%d") + self.digits(3)
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
        return body + "10X98765432"[total % 11]

    def passport(self) -> tuple[str, str]:
        """(number, country)"""
        kind = self.r.choice(("CN_E", "CN_E", "CN_EA", "CN_G", "DE", "US", "GB", "HK"))
        if kind == "CN_E":
            return "E" + self.digits(8), "CN"
        if kind == "CN_EA":
            return "E" + self.r.choice("ABCDEFGHJK") + self.digits(7), "CN"
        if kind == "CN_G":
            return "G" + self.digits(8), "CN"
        if kind == "DE":
            return "C" + "".join(self.r.choice(DE_PASSPORT) for _ in range(8)), "DE"
        if kind == "HK":
            return "K" + self.digits(8), "HK"
        return self.r.choice("123456789") + self.digits(8), kind

    def plate(self) -> str:
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        city = self.r.choice("EEEEAXYBSJ")
        sep = self.r.choice(("", "", "·", " "))
        if self.r.random() < 0.3:  # new energy: D/F then five digits
            tail = self.r.choice("DF") + self.digits(5)
        else:
            tail = "".join(self.r.choice(letters + string.digits * 2) for _ in range(5))
        return f"粤{city}{sep}{tail}"

    # Contact numbers
    def mobile_digits(self) -> str:
        return self.r.choice(MOBILE_PREFIXES) + self.digits(8)

    def mobile(self) -> str:
        n = self.mobile_digits()
        form = self.r.randint(0, 6)
        return (
            n,
            f"{n[:3]} {n[3:7]} {n[7:]}",
            f"{n[:3]}-{n[3:7]}-{n[7:]}",
            f"+86 {n}",
            f"+86 {n[:3]} {n[3:7]} {n[7:]}",
            f"(+86){n}",
            f"86-{n}",
        )[form]

    def landline(self) -> str:
        area, length, firsts = self.r.choice(LANDLINES)
        local = self.r.choice(firsts) + self.digits(length - 1)
        form = self.r.randint(0, 3)
        return (
            f"{area}-{local}",
            f"({area}) {local[:4]} {local[4:]}",
            f"+86 {area[1:]} {local}",
            f"{area} {local}",
        )[form]

    def foreign_phone(self) -> str:
        kind = self.r.randint(0, 3)
        if kind == 0:
            return f"+852 {self.r.choice(HK_MOBILE_FIRST)}{self.digits(1)} {self.digits(4)}"
        if kind == 1:
            return f"+49 {self.r.choice(('151', '160', '170', '176'))} {self.digits(8)}"
        if kind == 2:
            return f"+49 711 {self.r.choice('2345689')}{self.digits(6)}"
        return f"+1 (312) {self.r.randint(2, 9)}{self.digits(2)}-{self.digits(4)}"

    def phone(self) -> str:
        x = self.r.random()
        return self.mobile() if x < 0.7 else self.landline() if x < 0.88 else self.foreign_phone()

    # Money
    def card(self) -> tuple[str, str]:
        prefix, length, kind = self.r.choice(CARDS)
        body = prefix + self.digits(length - len(prefix) - 1)
        total = 0
        for i, c in enumerate(reversed(body)):
            d = int(c) * (2 if i % 2 == 0 else 1)
            total += d - 9 if d > 9 else d
        number = body + str((10 - total % 10) % 10)
        if self.r.random() < 0.4 and length == 16:
            number = " ".join(number[i : i + 4] for i in range(0, 16, 4))
        elif self.r.random() < 0.3 and length == 19:
            number = f"{number[:6]} {number[6:]}"
        return number, kind

    def iban(self, spaced: bool | None = None) -> str:
        country = self.r.choice(tuple(IBAN_FORMS))
        bban = ""
        for i, p in enumerate(IBAN_FORMS[country]):
            if p == "n":
                bban += self.r.choice(string.digits)
            elif country in ("GB", "NL") and i < 4:
                bank = self.r.choice(GB_BANKS if country == "GB" else NL_BANKS)
                bban += bank[i]
            else:
                bban += self.r.choice(string.digits + string.ascii_uppercase)
        moved = bban + country + "00"
        check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
        iban = f"{country}{check:02d}{bban}"
        if spaced if spaced is not None else self.r.random() < 0.5:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def bank_account(self) -> str:
        return self.r.choice(("4405", "4400", "2013", "8110")) + self.digits(
            self.r.choice((12, 15))
        )

    # Places
    def address_zh(self) -> str:
        _, road, _, _, _ = street = self.r.choice(STREETS)
        if self.r.random() < 0.5:
            ri = self.r.randint
            home = f"{self.r.choice(ESTATES)}{ri(1, 30)}座{ri(1, 32)}0{ri(1, 6)}房"
        else:
            ri = self.r.randint
            home = f"{ri(1, 18)}栋{ri(1, 3)}单元{ri(2, 33)}0{ri(1, 4)}"
        prefix = self.r.choice(("广东省佛山市", "佛山市", "广东佛山"))
        return f"{prefix}{street[0]}{road}{self.r.randint(1, 388)}号{home}"

    def address_en(self) -> str:
        _, _, area, road, post = self.r.choice(STREETS)
        if self.r.random() < 0.25:
            zip_, city = self.r.choice(DE_CITIES)
            return f"{self.r.choice(DE_STREETS)} {self.r.randint(1, 120)}, {zip_} {city}, Germany"
        room = f"Room {self.r.randint(2, 30)}0{self.r.randint(1, 8)}"
        return f"{room}, No. {self.r.randint(1, 388)} {road}, {area}, Foshan, Guangdong {post}"

    def coordinates(self) -> str:
        if self.r.random() < 0.8:
            lat, lng = 22.8 + self.r.random() * 0.5, 112.7 + self.r.random() * 0.6
        else:
            lat, lng = 48.6 + self.r.random() * 0.3, 9.0 + self.r.random() * 0.4
        form = self.r.randint(0, 3)
        if form == 3:
            north = f"N{int(lat)}°{int(lat % 1 * 60):02d}′{lat * 3600 % 60:04.1f}″"
            return f"{north} E{int(lng)}°{int(lng % 1 * 60):02d}′{lng * 3600 % 60:04.1f}″"
        sep = (", ", ",", " ")[form]
        return f"{lat:.6f}{sep}{lng:.6f}"

    def ipv4(self) -> str:
        first = self.r.choice((14, 27, 36, 58, 59, 61, 101, 113, 116, 120, 183, 202, 218, 223))
        return f"{first}.{self.r.randint(0, 255)}.{self.r.randint(0, 255)}.{self.r.randint(1, 254)}"

    def ipv6(self) -> str:
        head = self.r.choice(("240e", "2408", "2409"))
        groups = [f"{self.r.randint(0, 0xFFFF):x}" for _ in range(7)]
        if self.r.random() < 0.5:
            return f"{head}:{':'.join(groups[:3])}::{groups[6]}"
        return f"{head}:{':'.join(groups)}"

    def ip(self) -> str:
        return self.ipv6() if self.r.random() < 0.2 else self.ipv4()

    # Secrets
    def token(self, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def api_key(self) -> str:
        kind = self.r.randint(0, 4)
        if kind == 0:
            return "AKIA" + self.token(16, string.ascii_uppercase + string.digits)
        if kind == 1:
            return "sk_live_" + self.token(24)
        if kind == 2:
            return "ghp_" + self.token(36)
        if kind == 3:
            return "LTAI5t" + self.token(18)
        return "xoxb-" + self.digits(12) + "-" + self.digits(13) + "-" + self.token(24)

    def password(self) -> str:
        words = ("Foshan", "Shunde", "Meidi", "Welcome", "Admin", "Hengtai", "Summer")
        return (
            self.r.choice(words)
            + self.r.choice("@#!$%")
            + self.digits(self.r.randint(3, 6))
            + self.token(2)
        )

    def jwt(self) -> str:
        return (
            "eyJhbGciOiJIUzI1NiJ9."
            + self.token(40, string.ascii_letters + string.digits + "-_")
            + "."
            + self.token(43, string.ascii_letters + string.digits + "-_")
        )

    # Look-alikes: business numbers shaped like personal data
    def lookalike(self, group: str = "") -> str:  # noqa: PLR0911, PLR0912
        """A business number; `group` keeps it to what its field holds."""
        kind = self.r.choice(LOOKALIKE_GROUPS.get(group, range(16)))
        d = self.digits
        if kind == 0:
            return f"{self.r.choice(MOBILE_PREFIXES)}{d(8)}"[:3] + "-" + d(4) + "-" + d(4)  # P/N
        if kind == 1:
            return f"PO{self.r.choice(AREAS)[0]}2026{d(8)}"
        if kind == 2:
            return f"{d(4)}{self.r.randint(1, 9)}{d(3)}"  # invoice no. (8 digits)
        if kind == 3:
            day = self.day_code()
            return f"LOT{day}-{self.r.choice('ABC')}{d(2)}"
        if kind == 4:
            return f"SF{d(13)}"
        if kind == 5:
            size = self.r.choice(("26", "35", "50", "72"))
            tail = f"{self.r.choice('ABC')}{self.r.randint(100, 400)}"
            return f"KFR-{size}GW/BP{self.r.randint(2, 3)}DN8Y-{tail}"
        if kind == 6:
            ri = self.r.randint
            return f"v{ri(1, 9)}.{ri(0, 20)}.{ri(0, 30)}.{ri(100, 999)}"
        if kind == 7:
            return f"SN{d(4)}{self.token(8, string.ascii_uppercase + string.digits)}"
        if kind == 8:
            return f"{self.r.randint(2, 9)}{d(17)}"  # 18-digit e-invoice / waybill
        if kind == 9:
            return f"±0.0{self.r.randint(1, 9)}"
        if kind == 10:
            return f"{d(4)} {d(4)} {d(4)} {d(4)}"  # quotation reference, not Luhn-checked
        if kind == 11:
            return f"YT{d(13)}"
        if kind == 12:
            return f"ZJ-{d(3)}-{d(4)}-{d(4)}"
        if kind == 13:
            return f"{self.r.randint(1, 9)}{d(2)}.{d(3)}.{d(2)}.{d(3)}"  # drawing no.
        if kind == 14:
            return f"MD{d(11)}"
        day = self.day_code()
        return f"{d(6)}{day}{d(3)}"

    def day_code(self) -> str:
        year = self.r.choice(("2025", "2026"))
        return f"{year}{self.r.randint(1, 12):02d}{self.r.randint(1, 28):02d}"

    def business_date(self) -> str:
        when = date(2025, 6, 1) + timedelta(days=self.r.randint(0, 420))
        return self.r.choice(
            (
                when.isoformat(),
                when.strftime("%Y/%m/%d"),
                f"{when.year}年{when.month}月{when.day}日",
                when.strftime("%d.%m.%Y"),
            )
        )
