"""Values for the second corpus, from the corpus's own lists and arithmetic (no Faker, no
python-stdnum): people with Chinese and Latin names, numbers with their real check digits,
and the look-alikes that business files are full of."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date, timedelta

# surname, pinyin; weighted by repetition of the common ones, with rare and compound
# surnames that a short list misses (闭, 卫, 欧阳, 司马, 上官, 尉迟 ...)
_SURNAMES = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
    ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"),
    ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"),
    ("郭", "Guo"), ("何", "He"), ("林", "Lin"), ("罗", "Luo"), ("高", "Gao"),
    ("梁", "Liang"), ("郑", "Zheng"), ("谢", "Xie"), ("宋", "Song"), ("唐", "Tang"),
    ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"), ("彭", "Peng"),
    ("曾", "Zeng"), ("萧", "Xiao"), ("田", "Tian"), ("董", "Dong"), ("潘", "Pan"),
    ("袁", "Yuan"), ("蔡", "Cai"), ("蒋", "Jiang"), ("余", "Yu"), ("杜", "Du"),
    ("叶", "Ye"), ("程", "Cheng"), ("魏", "Wei"), ("苏", "Su"), ("吕", "Lyu"),
    ("丁", "Ding"), ("任", "Ren"), ("卢", "Lu"), ("姚", "Yao"), ("沈", "Shen"),
    ("钟", "Zhong"), ("姜", "Jiang"), ("崔", "Cui"), ("谭", "Tan"), ("陆", "Lu"),
    ("范", "Fan"), ("汪", "Wang"), ("廖", "Liao"), ("石", "Shi"), ("金", "Jin"),
    ("韦", "Wei"), ("贾", "Jia"), ("夏", "Xia"), ("付", "Fu"), ("方", "Fang"),
    ("邹", "Zou"), ("熊", "Xiong"), ("白", "Bai"), ("孟", "Meng"), ("秦", "Qin"),
    ("邱", "Qiu"), ("侯", "Hou"), ("江", "Jiang"), ("尹", "Yin"), ("薛", "Xue"),
    ("闫", "Yan"), ("段", "Duan"), ("雷", "Lei"), ("龙", "Long"), ("黎", "Li"),
    ("史", "Shi"), ("陶", "Tao"), ("贺", "He"), ("毛", "Mao"), ("郝", "Hao"),
    ("顾", "Gu"), ("龚", "Gong"), ("邵", "Shao"), ("万", "Wan"), ("覃", "Qin"),
    ("武", "Wu"), ("钱", "Qian"), ("戴", "Dai"), ("严", "Yan"), ("莫", "Mo"),
    ("孔", "Kong"), ("向", "Xiang"), ("常", "Chang"), ("汤", "Tang"), ("康", "Kang"),
    ("易", "Yi"), ("乔", "Qiao"), ("赖", "Lai"), ("文", "Wen"), ("闭", "Bi"),
    ("卫", "Wei"), ("佘", "She"), ("冼", "Xian"), ("麦", "Mai"), ("甘", "Gan"),
    ("祁", "Qi"), ("岑", "Cen"), ("蓝", "Lan"), ("农", "Nong"), ("练", "Lian"),
    ("欧阳", "Ouyang"), ("司马", "Sima"), ("上官", "Shangguan"), ("诸葛", "Zhuge"),
    ("尉迟", "Yuchi"), ("东方", "Dongfang"), ("皇甫", "Huangfu"), ("令狐", "Linghu"),
)  # fmt: skip
_GIVEN = (
    ("秀兰", "Xiulan"), ("桂英", "Guiying"), ("宁", "Ning"), ("阳", "Yang"), ("莎莎", "Shasha"),
    ("建国", "Jianguo"), ("志强", "Zhiqiang"), ("海燕", "Haiyan"), ("晓东", "Xiaodong"),
    ("丽娟", "Lijuan"), ("俊杰", "Junjie"), ("雨涵", "Yuhan"), ("子轩", "Zixuan"),
    ("欣怡", "Xinyi"), ("浩然", "Haoran"), ("思远", "Siyuan"), ("婷", "Ting"), ("磊", "Lei"),
    ("静", "Jing"), ("敏", "Min"), ("鹏", "Peng"), ("琳", "Lin"), ("凯", "Kai"), ("颖", "Ying"),
    ("文博", "Wenbo"), ("佳琪", "Jiaqi"), ("国庆", "Guoqing"), ("红梅", "Hongmei"),
    ("永刚", "Yonggang"), ("淑珍", "Shuzhen"), ("德华", "Dehua"), ("美玲", "Meiling"),
    ("春生", "Chunsheng"), ("玉兰", "Yulan"), ("宇航", "Yuhang"), ("梓萱", "Zixuan"),
    ("一鸣", "Yiming"), ("若曦", "Ruoxi"), ("天佑", "Tianyou"), ("嘉怡", "Jiayi"),
    ("晨", "Chen"), ("昊", "Hao"), ("蕾", "Lei"), ("斌", "Bin"), ("洁", "Jie"), ("勇", "Yong"),
    ("少华", "Shaohua"), ("立新", "Lixin"), ("慧敏", "Huimin"), ("明轩", "Mingxuan"),
)  # fmt: skip
_WESTERN_FIRST = (
    "Sarah", "Michael", "Emma", "Daniel", "Olivia", "James", "Sophie", "Lukas", "Anna",
    "Thomas", "Laura", "David", "Hannah", "Peter", "Julia", "Mark", "Elena", "Robert",
    "Chloe", "Felix", "Grace", "Oliver", "Maria", "Stefan", "Claire", "Kevin", "Nadia",
)  # fmt: skip
_WESTERN_LAST = (
    "Miller", "Schmidt", "Johnson", "Becker", "Garcia", "Wilson", "Novak", "Dubois",
    "Rossi", "Taylor", "Fischer", "Andersen", "Kowalski", "Martin", "Brown", "Weber",
    "Clarke", "Moreau", "Jansen", "Silva", "Walsh", "Hughes", "Keller", "Lindqvist",
)  # fmt: skip
# region codes of resident IDs (county level, real codes)
_REGIONS = (
    "110101", "110108", "120104", "130102", "140105", "210102", "220102", "230103",
    "310101", "310115", "320106", "320583", "330102", "330782", "340104", "350203",
    "360102", "370202", "410105", "420106", "430104", "440106", "440305", "440606",
    "450103", "500103", "510107", "520102", "530102", "610113", "620102", "650102",
)  # fmt: skip
_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "147", "150",
    "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176",
    "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191",
    "198", "199",
)  # fmt: skip
# area code, digits after it
_LANDLINE_AREAS = (
    ("010", 8),
    ("021", 8),
    ("020", 8),
    ("0755", 8),
    ("0757", 8),
    ("0571", 8),
    ("028", 8),
    ("027", 8),
    ("0512", 8),
    ("0592", 7),
)
_CITIES = (
    ("广东省", "深圳市", ("南山区", "福田区", "宝安区", "龙岗区")),
    ("广东省", "佛山市", ("顺德区", "南海区", "禅城区")),
    ("浙江省", "杭州市", ("西湖区", "滨江区", "余杭区")),
    ("江苏省", "苏州市", ("工业园区", "吴中区", "昆山市")),
    ("湖北省", "武汉市", ("洪山区", "江汉区", "武昌区")),
    ("四川省", "成都市", ("武侯区", "高新区", "锦江区")),
    ("山东省", "青岛市", ("市南区", "崂山区", "黄岛区")),
    ("福建省", "厦门市", ("思明区", "湖里区", "集美区")),
    ("", "上海市", ("浦东新区", "徐汇区", "闵行区", "嘉定区")),
    ("", "北京市", ("海淀区", "朝阳区", "丰台区", "大兴区")),
)  # fmt: skip
_ROADS = (
    "科技园南路",
    "滨海大道",
    "建设路",
    "人民中路",
    "解放东路",
    "文三路",
    "星湖街",
    "长江路",
    "东风路",
    "创业大道",
    "光谷大道",
    "天府三街",
    "香港中路",
    "工业北路",
)
_US_STREETS = (
    "Oak Street",
    "Maple Avenue",
    "Lakeview Drive",
    "Cedar Lane",
    "Elm Road",
    "Harbor Boulevard",
    "Pine Court",
    "Washington Street",
)
_US_CITIES = (
    ("Springfield", "IL", "627"),
    ("Columbus", "OH", "432"),
    ("Austin", "TX", "787"),
    ("Portland", "OR", "972"),
    ("Madison", "WI", "537"),
    ("Raleigh", "NC", "276"),
)
_PLATE_PROVINCES = "粤京沪浙苏鲁川鄂闽湘豫皖"
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXY"
_MAIL_DOMAINS = ("163.com", "126.com", "qq.com", "sina.com", "outlook.com", "gmail.com")
COMPANY_DOMAINS = (
    "hengtai-auto.cn",
    "lingyun-motors.com",
    "dongsheng-parts.com.cn",
    "nordwerk.de",
    "brightline-supply.com",
)
_BIRTH_FORMATS = ("iso", "dots", "slash_short", "zh", "compact", "dmy", "long_en", "iso_short")


@dataclass(frozen=True, slots=True)
class Person:
    zh: str  # 欧阳秀兰
    given_py: str  # Xiulan
    surname_py: str  # Ouyang
    western: bool  # a Latin-only name (a foreign customer)
    born: date

    @property
    def latin(self) -> str:
        return f"{self.given_py} {self.surname_py}"

    @property
    def name(self) -> str:
        """How the person's name is written in a Chinese file."""
        return self.latin if self.western else self.zh


def luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def id_check(body: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def iban_check(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(digits) % 97:02d}"


class Values:
    """One seeded source of values and look-alikes."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def digits(self, n: int, first: str = "0123456789") -> str:
        return self.r.choice(first) + "".join(self.r.choices(string.digits, k=n - 1))

    # people -----------------------------------------------------------------------------
    def person(self, western_share: float = 0.12) -> Person:
        r = self.r
        born = date(1950, 1, 1) + timedelta(days=r.randrange(365 * 55))
        if r.random() < western_share:
            return Person("", r.choice(_WESTERN_FIRST), r.choice(_WESTERN_LAST), True, born)
        surname, s_py = r.choice(_SURNAMES)
        given, g_py = r.choice(_GIVEN)
        return Person(surname + given, g_py, s_py, False, born)

    def email(self, p: Person, company: bool = False) -> str:
        r = self.r
        given, surname = p.given_py.lower(), p.surname_py.lower()
        local = r.choice(
            (f"{given}.{surname}", f"{surname}{given[0]}", f"{given[0]}{surname}{r.randint(1, 99)}")
        )
        return f"{local}@{r.choice(COMPANY_DOMAINS if company else _MAIL_DOMAINS)}"

    def birth(self, p: Person, style: str | None = None) -> str:
        d = p.born
        style = style or self.r.choice(_BIRTH_FORMATS)
        return {
            "iso": f"{d:%Y-%m-%d}",
            "dots": f"{d:%Y.%m.%d}",
            "slash_short": f"{d.year}/{d.month}/{d.day}",
            "zh": f"{d.year}年{d.month}月{d.day}日",
            "compact": f"{d:%Y%m%d}",
            "dmy": f"{d:%d/%m/%Y}",
            "long_en": f"{d:%B} {d.day}, {d.year}",
            "iso_short": f"{d.year}-{d.month}-{d.day}",
        }[style]

    def other_date(self, style: str | None = None) -> str:
        """A date that is not a birth date (order, shipping, joining, warranty)."""
        d = date(2019, 1, 1) + timedelta(days=self.r.randrange(365 * 6))
        style = style or self.r.choice(("iso", "dots", "zh", "slash_short"))
        return {
            "iso": f"{d:%Y-%m-%d}",
            "dots": f"{d:%Y.%m.%d}",
            "zh": f"{d.year}年{d.month}月{d.day}日",
            "slash_short": f"{d.year}/{d.month}/{d.day}",
        }[style]

    # contact ----------------------------------------------------------------------------
    def mobile(self, plain: bool = False) -> str:
        n = self.r.choice(_MOBILE_PREFIXES) + self.digits(8)
        if plain:
            return n
        return self.r.choice(
            (
                n,
                n,
                f"{n[:3]} {n[3:7]} {n[7:]}",
                f"{n[:3]}-{n[3:7]}-{n[7:]}",
                f"+86 {n}",
                f"+86-{n[:3]}-{n[3:7]}-{n[7:]}",
                f"(+86){n}",
            )
        )

    def landline(self) -> str:
        area, n = self.r.choice(_LANDLINE_AREAS)
        local = self.digits(n, "2345678")
        return self.r.choice(
            (f"{area}-{local}", f"({area}) {local[:4]} {local[4:]}", f"{area} {local}")
        )

    def foreign_phone(self) -> str:
        r = self.r
        if r.random() < 0.5:
            area = r.choice(("312", "617", "206", "512"))
            return f"+1 ({area}) {self.digits(3, '2345689')}-{self.digits(4)}"
        return f"+49 {r.choice(('30', '89', '40'))} {self.digits(8, '2345678')}"

    def address(self) -> str:
        r = self.r
        province, city, districts = r.choice(_CITIES)
        tail = r.choice(
            (
                "",
                f"{r.randint(1, 30)}栋{r.randint(1, 30)}0{r.randint(1, 6)}室",
                f"{r.choice('ABCD')}座{r.randint(3, 28)}楼",
            )
        )
        return f"{province}{city}{r.choice(districts)}{r.choice(_ROADS)}{r.randint(1, 399)}号{tail}"

    def us_address(self) -> str:
        r = self.r
        city, state, zip3 = r.choice(_US_CITIES)
        return (
            f"{r.randint(10, 9899)} {r.choice(_US_STREETS)}, {city}, {state} {zip3}{self.digits(2)}"
        )

    # identifiers --------------------------------------------------------------------------
    def resident_id(self, p: Person) -> str:
        body = self.r.choice(_REGIONS) + f"{p.born:%Y%m%d}" + self.digits(3)
        return body + id_check(body)

    def passport(self) -> str:
        r = self.r
        return r.choice(
            (f"E{self.digits(8)}", f"E{r.choice('ABCDEFGH')}{self.digits(7)}", f"G{self.digits(8)}")
        )

    def bank_card(self) -> str:
        body = (
            "62"
            + self.r.choice(("2202", "2848", "1700", "2588", "1483", "1226"))
            + self.digits(self.r.choice((9, 12)))
        )
        return body + luhn_digit(body)

    def credit_card(self) -> str:
        r = self.r
        prefix, length = r.choice((("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("37", 15)))
        body = prefix + self.digits(length - len(prefix) - 1)
        n = body + luhn_digit(body)
        if length == 16 and r.random() < 0.5:
            return " ".join(n[i : i + 4] for i in range(0, 16, 4))
        return n

    def bank_account(self) -> str:
        """A personal or company account number as 开户行 / Account No. fields hold them: a
        debit card number (Luhn-valid, 62...) or a bank's own account number format."""
        r = self.r
        if r.random() < 0.4:
            return self.bank_card()
        return r.choice(
            (
                self.digits(19, "1"),
                self.digits(20, "4"),
                self.digits(12, "3456789"),
                self.digits(17, "3"),
                " ".join(
                    (
                        self.digits(4, "1"),
                        self.digits(4),
                        self.digits(4),
                        self.digits(4),
                        self.digits(3),
                    )
                ),
            )
        )

    def iban(self) -> str:
        r = self.r
        country, bban = r.choice(
            (
                ("DE", self.digits(18)),
                ("FR", self.digits(10) + "A" + self.digits(12)),
                ("NL", "ABNA" + self.digits(10)),
                ("GB", "NWBK" + self.digits(14)),
            )
        )
        compact = country + iban_check(country, bban) + bban
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))

    def plate(self) -> str:
        """A plate as issued: five characters with at most two letters (no I or O), or a new
        energy plate (D or F, then a letter or digit and four digits)."""
        r = self.r
        if r.random() < 0.3:
            tail = r.choice("DF") + r.choice(_PLATE_LETTERS + string.digits) + self.digits(4)
        else:
            chars = [r.choice(string.digits) for _ in range(5)]
            for i in r.sample(range(5), r.choice((0, 1, 1, 2))):
                chars[i] = r.choice(_PLATE_LETTERS)
            tail = "".join(chars)
        return r.choice(_PLATE_PROVINCES) + r.choice(_PLATE_LETTERS) + tail

    # devices, places, secrets -------------------------------------------------------------
    def ipv4(self) -> str:
        r = self.r
        first = r.choice((27, 36, 42, 58, 101, 112, 113, 116, 117, 120, 123, 183, 202, 218, 221))
        return f"{first}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    def ipv6(self) -> str:
        groups = [f"{self.r.randrange(1, 0xFFFF):x}" for _ in range(4)]
        return "2408:" + ":".join(groups[:2]) + "::" + ":".join(groups[2:])

    def coordinates(self) -> tuple[str, str]:
        r = self.r
        return f"{r.uniform(22.0, 40.0):.6f}", f"{r.uniform(102.0, 122.0):.6f}"

    def password(self, in_url: bool = False) -> str:
        """A password as people choose them; `in_url`: without the characters a URL's
        userinfo would have to percent-encode."""
        r = self.r
        word = r.choice(("Spring", "huarun", "Qwer", "admin", "Lingyun", "xiaomi", "Tiger"))
        marks = ("!", "_", "", "-") if in_url else ("@", "#", "!", "_", "")
        return word + r.choice(marks) + self.digits(r.randint(3, 6))

    def token(self) -> str:
        r = self.r
        alnum = string.ascii_letters + string.digits
        return r.choice(
            (
                "ghp_" + "".join(r.choices(alnum, k=36)),
                "AKIA" + "".join(r.choices(string.ascii_uppercase + "234567", k=16)),
                "sk_live_" + "".join(r.choices(alnum, k=24)),
                "xoxb-"
                + self.digits(11)
                + "-"
                + self.digits(12)
                + "-"
                + "".join(r.choices(alnum, k=24)),
            )
        )

    # look-alikes ---------------------------------------------------------------------------
    def part_number(self) -> str:
        """An 11-digit part number that happens to be shaped like a Chinese mobile."""
        return self.r.choice(_MOBILE_PREFIXES) + self.digits(8)

    def version(self) -> str:
        """A four-part version string shaped like an IPv4 address."""
        r = self.r
        return f"{r.randint(1, 12)}.{r.randint(0, 30)}.{r.randint(0, 99)}.{r.randint(1, 250)}"

    def order_number(self) -> str:
        """An 18-digit order number shaped like a resident ID (date, time, sequence)."""
        d = date(2021, 1, 1) + timedelta(days=self.r.randrange(365 * 4))
        if self.r.random() < 0.5:
            return f"{d:%Y%m%d}" + self.digits(10)
        return self.r.choice(_REGIONS) + f"{d:%Y%m%d}" + self.digits(4)

    def serial(self) -> str:
        r = self.r
        return r.choice("HLSK") + "".join(r.choices(string.ascii_uppercase + string.digits, k=11))

    def model(self) -> str:
        r = self.r
        series, variant = r.choice(("LY", "HT", "DS", "NW")), r.choice(("", "A", "Pro", "S"))
        return f"{series}-{r.randint(100, 990)}{variant}"
