"""The people of a Foshan plant of a multinational group and the values they leave in files,
valid by their real rules (ID check digits, Luhn, IBAN mod 97, numbers phonenumbers
accepts), and the look-alikes that stand beside them."""

from __future__ import annotations

import base64
import json
import string
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from random import Random

import phonenumbers
from stdnum import iban as iban_check
from stdnum import luhn

from bench.corpus9.doc import LOOK, V

# Surnames weighted as in Guangdong (陈 李 黄 张 梁 first), compound ones among them.
# fmt: off
SURNAMES = {
    "陈": ("chen", 10), "李": ("li", 8), "黄": ("huang", 7), "张": ("zhang", 6), "梁": ("liang", 5),
    "林": ("lin", 5), "刘": ("liu", 5), "何": ("he", 4), "王": ("wang", 4), "罗": ("luo", 3),
    "郑": ("zheng", 3), "谢": ("xie", 3), "冯": ("feng", 3), "邓": ("deng", 3), "吴": ("wu", 3),
    "杨": ("yang", 3), "周": ("zhou", 2), "叶": ("ye", 2), "钟": ("zhong", 2), "麦": ("mai", 2),
    "潘": ("pan", 2), "苏": ("su", 2), "卢": ("lu", 2), "曾": ("zeng", 2), "朱": ("zhu", 2),
    "区": ("ou", 1), "彭": ("peng", 1), "赖": ("lai", 1), "徐": ("xu", 1), "胡": ("hu", 1),
    "郭": ("guo", 1), "蔡": ("cai", 1), "谭": ("tan", 1), "关": ("guan", 1), "莫": ("mo", 1),
    "孙": ("sun", 1), "马": ("ma", 1), "高": ("gao", 1), "赵": ("zhao", 1), "韦": ("wei", 1),
    "余": ("yu", 1), "邹": ("zou", 1), "甘": ("gan", 1), "温": ("wen", 1), "伍": ("wu", 1),
    "欧阳": ("ouyang", 0.6), "司徒": ("situ", 0.5), "上官": ("shangguan", 0.2),
    "诸葛": ("zhuge", 0.1),
}
# fmt: on
GIVEN = dict(
    pair.split(":")
    for pair in [
        "伟:wei",
        "芳:fang",
        "娜:na",
        "敏:min",
        "静:jing",
        "丽:li",
        "强:qiang",
        "磊:lei",
        "军:jun",
        "洋:yang",
        "勇:yong",
        "艳:yan",
        "杰:jie",
        "娟:juan",
        "涛:tao",
        "明:ming",
        "超:chao",
        "秀:xiu",
        "霞:xia",
        "平:ping",
        "刚:gang",
        "桂:gui",
        "英:ying",
        "华:hua",
        "玲:ling",
        "志:zhi",
        "浩:hao",
        "宇:yu",
        "欣:xin",
        "怡:yi",
        "婷:ting",
        "俊:jun",
        "嘉:jia",
        "颖:ying",
        "健:jian",
        "锦:jin",
        "文:wen",
        "斌:bin",
        "辉:hui",
        "海:hai",
        "燕:yan",
        "慧:hui",
        "梓:zi",
        "睿:rui",
        "晓:xiao",
        "思:si",
        "雨:yu",
        "佳:jia",
        "泽:ze",
        "铭:ming",
        "楠:nan",
        "琳:lin",
        "晨:chen",
        "凯:kai",
        "鹏:peng",
        "飞:fei",
        "建:jian",
        "国:guo",
        "荣:rong",
        "永:yong",
        "春:chun",
        "雪:xue",
        "梅:mei",
        "兰:lan",
        "少:shao",
        "东:dong",
        "振:zhen",
        "添:tian",
        "炳:bing",
        "耀:yao",
        "焕:huan",
        "锋:feng",
        "坤:kun",
        "诗:shi",
        "韵:yun",
        "蕾:lei",
        "翠:cui",
        "卓:zhuo",
        "宏:hong",
        "家:jia",
        "彬:bin",
        "淑:shu",
        "妍:yan",
        "萍:ping",
        "冠:guan",
        "绮:qi",
        "咏:yong",
        "展:zhan",
        "骏:jun",
        "舒:shu",
    ]
)
# fmt: off
EN_FIRST = [
    "Markus", "Stefan", "Anna", "Julia", "Thomas", "Katrin", "Michael", "Sarah", "David",
    "Emily", "James", "Laura", "Oliver", "Sophie", "Daniel", "Hannah", "Lukas", "Claire",
    "Pierre", "Marie", "Giulia", "Marco", "Kenji", "Yuki", "Priya", "Rahul", "Ingrid", "Mateo",
]
# fmt: on
# fmt: off
EN_LAST = [
    "Weber", "Schmidt", "Müller", "Fischer", "Becker", "Hoffmann", "Wagner", "Smith", "Johnson",
    "Brown", "Taylor", "Wilson", "Martin", "Dubois", "Rossi", "Bianchi", "Tanaka", "Sato",
    "Sharma", "Patel", "O'Brien", "Nguyen", "Kowalski", "Lindqvist",
]
# fmt: on
# fmt: off
NICK = [
    "Kevin", "Cindy", "Jason", "Vicky", "Tony", "Eric", "Grace", "Alice", "Jacky", "Winnie",
    "Ivy", "Sunny", "Ken", "Joyce", "Leo", "Coco",
]
# fmt: on

# Area codes of residence (Foshan's five districts first, then where colleagues come from).
# fmt: off
AREAS = [
    "440604", "440605", "440606", "440607", "440608", "440604", "440605", "440606", "440103",
    "440106", "440305", "441302", "440703", "441402", "440882", "450102", "430421", "431021",
    "360102", "420111", "510107", "500101", "350102", "441781",
]
# fmt: on
DISTRICTS = {
    "佛山市顺德区": (
        "Shunde District, Foshan",
        "528300",
        "北滘镇 容桂街道 大良街道 伦教街道 勒流街道 乐从镇 龙江镇 杏坛镇 均安镇",
    ),
    "佛山市南海区": (
        "Nanhai District, Foshan",
        "528200",
        "桂城街道 狮山镇 大沥镇 里水镇 西樵镇 九江镇 丹灶镇",
    ),
    "佛山市禅城区": ("Chancheng District, Foshan", "528000", "祖庙街道 石湾镇街道 张槎街道 南庄镇"),
    "佛山市三水区": ("Sanshui District, Foshan", "528100", "西南街道 云东海街道 白坭镇 乐平镇"),
    "佛山市高明区": ("Gaoming District, Foshan", "528500", "荷城街道 杨和镇 明城镇"),
    "广州市天河区": ("Tianhe District, Guangzhou", "510620", "石牌街道 天河南街道 冼村街道"),
    "广州市番禺区": ("Panyu District, Guangzhou", "511400", "市桥街道 大石街道 南村镇"),
    "深圳市南山区": ("Nanshan District, Shenzhen", "518052", "粤海街道 南头街道 蛇口街道"),
    "东莞市": ("Dongguan", "523000", "长安镇 松山湖 虎门镇 塘厦镇"),
    "中山市": ("Zhongshan", "528400", "小榄镇 古镇镇 东凤镇"),
}
# fmt: off
ROADS = {
    "人民路": "Renmin Road", "建设路": "Jianshe Road", "新城大道": "Xincheng Avenue",
    "工业大道": "Gongye Avenue", "季华路": "Jihua Road", "佛山大道": "Foshan Avenue",
    "南海大道": "Nanhai Avenue", "怡乐路": "Yile Road", "文华路": "Wenhua Road",
    "环镇路": "Huanzhen Road", "碧桂路": "Bigui Road", "蓬莱路": "Penglai Road",
    "富华路": "Fuhua Road", "桂澜路": "Guilan Road",
    "岭南大道": "Lingnan Avenue",
}
# fmt: on
TOWNS_EN = {
    "佛山市顺德区": ("Beijiao Town", "Ronggui", "Lecong Town", "Daliang"),
    "佛山市南海区": ("Shishan Town", "Guicheng", "Dali Town"),
    "佛山市禅城区": ("Zumiao", "Shiwan"),
    "佛山市三水区": ("Xinan",),
    "佛山市高明区": ("Hecheng",),
}
# fmt: off
ESTATES = [
    "碧桂园", "美的君兰江山", "保利花园", "万科金色家园", "中海环宇城", "恒大名都",
    "雅居乐花园", "时代倾城",
]
# fmt: on
# fmt: off
ABROAD = [
    "Industriestraße 12, 70565 Stuttgart, Germany", "Hauptstraße 48, 80331 München, Germany",
    "221 Kingsway, Manchester M19 2LL, United Kingdom",
    "1457 W Fulton St, Chicago, IL 60607, USA", "Via Roma 21, 20121 Milano, Italy",
    "Rue de la Paix 8, 75002 Paris, France",
]
# fmt: on
PLACES = ["陈村", "黄岐", "罗村", "张槎", "杨和", "高明", "龙江", "乐从"]  # towns named like people
# fmt: off
MODELS = [
    "Carter", "Lincoln", "Morgan", "Jordan", "Austin", "Sterling", "Porter", "Mason", "Harper",
    "Wesley",
]
# fmt: on
# fmt: off
MOBILE = [
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "185", "186", "187",
    "188", "189", "198", "199",
]
# fmt: on
LANDS = {"757": 8, "20": 8, "755": 8, "769": 8, "760": 8}
MAIL_HOSTS = ["qq.com", "163.com", "126.com", "gmail.com", "hotmail.com", "foxmail.com", "sina.com"]
WORK_HOST = "fs-nordbau.com.cn"
GROUP_HOST = "nordbau-group.com"
B32 = string.ascii_uppercase + "234567"
ALNUM = string.ascii_letters + string.digits


def pick_surname(rng: Random) -> str:
    names = list(SURNAMES)
    return rng.choices(names, weights=[SURNAMES[n][1] for n in names])[0]


def rid_check(body: str) -> str:
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(body))
    return "10X98765432"[total % 11]


def luhn_digits(rng: Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def not_luhn(rng: Random, prefix: str, length: int) -> str:
    while True:
        body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix)))
        if not luhn.is_valid(body):
            return body


def grouped(digits: str, size: int = 4, sep: str = " ") -> str:
    return sep.join(digits[i : i + size] for i in range(0, len(digits), size))


def valid_phone(text: str) -> bool:
    return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, "CN")))


def mobile(rng: Random) -> str:
    while True:
        digits = rng.choice(MOBILE) + "".join(rng.choice(string.digits) for _ in range(8))
        if valid_phone(digits):
            return digits


def write_mobile(rng: Random, digits: str) -> str:
    form = rng.random()
    if form < 0.5:
        return digits
    if form < 0.65:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if form < 0.78:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if form < 0.9:
        return f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"
    return f"+86-{digits}"


def landline(rng: Random) -> str:
    while True:
        area = rng.choice(list(LANDS))
        local = rng.choice("2368") + "".join(rng.choice(string.digits) for _ in range(7))
        if valid_phone(f"0{area}{local}"):
            form = rng.random()
            if form < 0.6:
                return f"0{area}-{local}"
            if form < 0.8:
                return f"(0{area}) {local[:4]} {local[4:]}"
            return f"+86 {area} {local}"


def foreign_phone(rng: Random) -> str:
    while True:
        cc, body = rng.choice(
            [("49", "711 {:07d}"), ("49", "89 {:08d}"), ("44", "161 {:07d}"), ("1", "312 {:07d}")]
        )
        text = f"+{cc} " + body.format(rng.randrange(2_000_000, 9_000_000))
        if phonenumbers.is_valid_number(phonenumbers.parse(text)):
            return text


def ipv4(rng: Random, private: bool | None = None) -> str:
    private = rng.random() < 0.4 if private is None else private
    if private:
        return rng.choice(
            [
                f"10.{rng.randint(0, 40)}.{rng.randint(0, 254)}.{rng.randint(2, 254)}",
                f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}",
                f"172.{rng.randint(16, 31)}.{rng.randint(0, 254)}.{rng.randint(2, 254)}",
            ]
        )
    first = rng.choice([14, 27, 36, 58, 59, 61, 101, 112, 113, 116, 119, 120, 121, 183, 219, 223])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: Random) -> str:
    groups = [rng.choice(["240e", "2408", "2409"]), f"{rng.randrange(0x100, 0xFFF):x}"]
    groups += [f"{rng.randrange(0x10, 0xFFFF):x}" for _ in range(3)]
    return ":".join(groups) + "::" + f"{rng.randrange(1, 0xFFFF):x}"


def iban(rng: Random) -> str:
    while True:
        cc, bban = rng.choice(
            [
                ("DE", lambda: "".join(rng.choice(string.digits) for _ in range(18))),
                (
                    "GB",
                    lambda: (
                        rng.choice(["NWBK", "BARC", "HBUK", "LOYD"])
                        + "".join(rng.choice(string.digits) for _ in range(14))
                    ),
                ),
                ("AT", lambda: "".join(rng.choice(string.digits) for _ in range(16))),
                ("CH", lambda: "".join(rng.choice(string.digits) for _ in range(17))),
            ]
        )
        body = bban()
        digits = "".join(str(int(c, 36)) for c in body + cc + "00")
        check = f"{98 - int(digits) % 97:02d}"
        value = cc + check + body
        if iban_check.is_valid(value):
            return grouped(value) if rng.random() < 0.6 else value


def secret(rng: Random) -> str:
    def chars(n: int, alphabet: str = ALNUM) -> str:
        return "".join(rng.choice(alphabet) for _ in range(n))

    return rng.choice(
        [
            lambda: "AKIA" + chars(16, B32),
            lambda: "LTAI5t" + chars(18),
            lambda: "ghp_" + chars(36),
            lambda: "sk_live_" + chars(24),
            lambda: "xoxb-" + "-".join(chars(n, string.digits) for n in (12, 13)) + "-" + chars(24),
            lambda: chars(40, ALNUM + "+/"),
            lambda: chars(3, string.ascii_uppercase) + chars(1, "!@#%&*") + chars(6) + "2026",
        ]
    )()


def password(rng: Random) -> str:
    word = rng.choice(["Nordbau", "Foshan", "Shunde", "Welcome", "Midea", "Sunny", "Admin"])
    return word + rng.choice(["@", "#", "!", "_", "."]) + str(rng.randint(100, 99999))


def jwt(rng: Random, subject: str) -> str:
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    head = b64(b'{"alg":"HS256","typ":"JWT"}')
    claims = {"sub": subject, "iat": 1_780_000_000 + rng.randrange(10**7), "scope": "erp.read"}
    body = b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{head}.{body}.{b64(rng.randbytes(32))}"


def passport(rng: Random, abroad: bool = False) -> str:
    digits = string.digits
    if abroad:
        return rng.choice(
            [
                lambda: (
                    rng.choice("CFGHJK")
                    + "".join(rng.choice("0123456789CFGHJKLMNPRTVWXYZ") for _ in range(8))
                ),
                lambda: "".join(rng.choice(digits) for _ in range(9)),
                lambda: (
                    rng.choice(["TK", "TR", "MZ"]) + "".join(rng.choice(digits) for _ in range(7))
                ),
                lambda: rng.choice("YA") + "".join(rng.choice(digits) for _ in range(8)),
            ]
        )()
    if rng.random() < 0.5:
        return "E" + "".join(rng.choice(digits) for _ in range(8))
    letter = rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    return "E" + letter + "".join(rng.choice(digits) for _ in range(7))


def plate(rng: Random) -> str:
    city = rng.choices("EAXBSTJ", weights=[8, 3, 1, 2, 1, 1, 1])[0]
    tail = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    if rng.random() < 0.25:  # new energy: a D or F and five more
        body = rng.choice("DF") + "".join(rng.choice(string.digits) for _ in range(5))
    else:
        body = rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(rng.choice(tail) for _ in range(4))
    sep = rng.choice(["", "", "·", " "])
    return f"粤{city}{sep}{body}"


def write_date(rng: Random, day: date, western: bool = False) -> str:
    if western:
        return rng.choice(
            [
                f"{day.day:02d}/{day.month:02d}/{day.year}",
                day.strftime("%d %b %Y"),
                day.strftime("%B ") + f"{day.day}, {day.year}",
                day.isoformat(),
            ]
        )
    return rng.choice(
        [
            day.isoformat(),
            day.isoformat(),
            f"{day.year}/{day.month}/{day.day}",
            f"{day.year}.{day.month:02d}.{day.day:02d}",
            f"{day.year}年{day.month}月{day.day}日",
            f"{day.year}{day.month:02d}{day.day:02d}",
        ]
    )


@dataclass(frozen=True, slots=True)
class Person:
    surname: str
    given: str
    pinyin: tuple[str, str]  # (surname, given) in pinyin, capitalised
    en: str  # an English first name used at work, or ""
    male: bool
    born: date
    rid: str
    mobile: str
    email: str
    abroad: bool  # a colleague of the group abroad (a Latin name, no resident ID)

    @property
    def zh(self) -> str:
        return self.surname + self.given

    def latin(self, rng: Random) -> str:
        """The name as written in Latin letters: its pinyin in one of the usual orders, or a
        work name with the surname."""
        if self.abroad:
            return self.given + " " + self.surname
        sur, giv = self.pinyin
        if self.en and rng.random() < 0.5:
            return f"{self.en} {sur}"
        return rng.choice([f"{sur} {giv}", f"{giv} {sur}", f"{sur.upper()} {giv}"])

    def name(self, rng: Random) -> V:
        return V("person_name", self.given + " " + self.surname if self.abroad else self.zh)


def person(rng: Random, abroad: bool | None = None) -> Person:
    abroad = rng.random() < 0.12 if abroad is None else abroad
    born = date(1962, 1, 1) + timedelta(days=rng.randrange(365 * 42))
    male = rng.random() < 0.55
    if abroad:
        first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
        user = f"{first}.{last}".lower().replace("'", "").replace("ü", "ue")
        return Person(
            last, first, (last, first), "", male, born, "", "", f"{user}@{GROUP_HOST}", True
        )
    sur = pick_surname(rng)
    chars = rng.sample(list(GIVEN), 2 if rng.random() < 0.82 else 1)
    given = "".join(chars)
    pin = (SURNAMES[sur][0].capitalize(), "".join(GIVEN[c] for c in chars).capitalize())
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    body = rng.choice(AREAS) + born.strftime("%Y%m%d") + f"{seq:03d}"
    rid = body + rid_check(body)
    en = rng.choice(NICK) if rng.random() < 0.35 else ""
    user = rng.choice([f"{pin[1]}.{pin[0]}", f"{pin[0]}{pin[1][0]}", f"{en or pin[1]}.{pin[0]}"])
    host = WORK_HOST if rng.random() < 0.6 else rng.choice(MAIL_HOSTS)
    if host != WORK_HOST:
        user = rng.choice([user, user + str(rng.randint(1, 99)), str(rng.randint(10**7, 10**10))])
    return Person(
        sur, given, pin, en, male, born, rid, mobile(rng), f"{user.lower()}@{host}", False
    )


def address(rng: Random, english: bool = False) -> str:
    region = rng.choice(list(DISTRICTS))
    en_region, post, towns = DISTRICTS[region]
    town = rng.choice(towns.split())
    road = rng.choice(list(ROADS))
    number = rng.randint(1, 388)
    if english:
        unit = f"Room {rng.randint(1, 32)}{rng.randint(1, 8):02d}, Block {rng.randint(1, 12)}, "
        town_en = TOWNS_EN.get(region, ("",))
        town_en = rng.choice(town_en) + ", " if town_en[0] else ""
        return f"{unit}No. {number} {ROADS[road]}, {town_en}{en_region}, Guangdong {post}"
    head = "广东省" if rng.random() < 0.6 else ""
    tail = rng.choice(
        [
            f"{rng.choice(ESTATES)}{rng.randint(1, 20)}座"
            f"{rng.randint(1, 32)}{rng.randint(1, 6):02d}房",
            f"{rng.randint(1, 12)}栋{rng.randint(1, 3)}单元{rng.randint(101, 2806)}",
            "",
        ]
    )
    return f"{head}{region}{town}{road}{number}号{tail}"


@cache
def _companies() -> tuple[str, ...]:
    return (
        "佛山诺德包装机械有限公司",
        "顺德华晟电器配件厂",
        "南海利达五金制品有限公司",
        "广州卓越物流有限公司",
        "Nordbau GmbH",
        "东莞精锐模具有限公司",
    )


def company(rng: Random) -> str:
    return rng.choice(_companies())


# ---- look-alikes: shaped like a value, and not one ----


def part_number(rng: Random) -> V:
    """An 11-digit material code shaped like a mobile number."""
    return V(LOOK, rng.choice(["13", "15", "18"]) + "".join(rng.choices(string.digits, k=9)))


def version(rng: Random) -> V:
    dotted = f"{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}.{rng.randint(0, 9999)}"
    return V(LOOK, rng.choice(["", "v", "V"]) + dotted)


def commit(rng: Random, short: bool = False) -> V:
    return V(LOOK, rng.randbytes(20).hex()[: 7 if short else 40])


def request_id(rng: Random) -> V:
    raw = rng.randbytes(16).hex()
    uuid = f"{raw[:8]}-{raw[8:12]}-4{raw[13:16]}-{raw[16:20]}-{raw[20:]}"
    return V(LOOK, uuid if rng.random() < 0.6 else raw)


def order_no(rng: Random) -> V:
    return V(
        LOOK,
        rng.choice(
            [
                f"PO-2026-{rng.randint(1, 9999):04d}",
                f"SO26{rng.randint(10**8, 10**9 - 1)}",
                f"4500{rng.randint(10**5, 10**6 - 1)}",
            ]
        ),
    )


def tracking(rng: Random) -> V:
    digits = "".join(rng.choices(string.digits, k=13))
    return V(LOOK, rng.choice(["SF", "YT", "JD"]) + digits)


def serial(rng: Random) -> V:
    return V(
        LOOK, f"GD{rng.randint(24, 26)}{rng.choice('ABCDEFGH')}{rng.randint(10**7, 10**8 - 1)}"
    )


def batch18(rng: Random) -> V:
    """An 18-digit batch number that is no resident ID (its check digit is wrong)."""
    while True:
        body = f"2026{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + "".join(
            rng.choices(string.digits, k=10)
        )
        if rid_check(body[:17]) != body[17]:
            return V(LOOK, body)


def invoice16(rng: Random) -> V:
    return V(LOOK, not_luhn(rng, "44", 16))


def isbn(rng: Random) -> V:
    body = "9787" + "".join(rng.choices(string.digits, k=8))
    check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
    full = body + str(check)
    return V(LOOK, f"{full[:3]}-{full[3]}-{full[4:7]}-{full[7:12]}-{full[12]}")


def plain_date(rng: Random) -> V:
    day = date(2025, 1, 1) + timedelta(days=rng.randrange(700))
    return V(LOOK, write_date(rng, day))


def model(rng: Random) -> V:
    return V(LOOK, f"{rng.choice(MODELS)} {rng.choice(['M', 'X', 'Pro'])}{rng.randint(100, 990)}")


def place(rng: Random) -> V:
    return V(LOOK, rng.choice(PLACES))


def swift(rng: Random) -> V:
    return V(
        LOOK,
        rng.choice(
            [
                "ICBKCNBJGDG",
                "PCBCCNBJGDX",
                "BKCHCNBJ400",
                "DEUTDEFF",
                "COBADEFFXXX",
                "HSBCHKHHHKH",
                "CMBCCNBS",
            ]
        ),
    )


def size_pair(rng: Random) -> V:
    return V(
        LOOK,
        f"{rng.randint(20, 140)}.{rng.randint(1, 99):02d} x "
        f"{rng.randint(10, 99)}.{rng.randint(1, 99):02d} mm",
    )


def card(rng: Random, credit: bool) -> str:
    if credit:
        prefix, length = rng.choice(
            [
                ("4", 16),
                ("51", 16),
                ("53", 16),
                ("2221", 16),
                ("37", 15),
                ("3528", 16),
                ("6250", 16),
            ]
        )
    else:
        prefix, length = rng.choice(
            [
                ("622202", 19),
                ("621700", 19),
                ("622848", 19),
                ("621661", 19),
                ("622588", 16),
                ("621483", 16),
            ]
        )
    digits = luhn_digits(rng, prefix, length)
    return grouped(digits) if rng.random() < 0.4 else digits


def account(rng: Random) -> str:
    form = rng.random()
    if form < 0.5:  # a Chinese bank's company or personal account
        digits = not_luhn(rng, rng.choice(["44", "2011", "80", "7380"]), rng.choice([19, 20]))
        return grouped(digits) if rng.random() < 0.4 else digits
    while form < 0.75:  # Hong Kong: bank-branch-account (never Luhn-valid, as the others)
        hk = f"{rng.choice(['004', '012', '024'])}-{rng.randint(100, 999)}-{rng.randint(100000, 999999)}-{rng.randint(100, 999)}"  # noqa: E501
        if not luhn.is_valid(hk.replace("-", "")):
            return hk
    return not_luhn(rng, str(rng.randint(1, 9)), rng.choice([10, 11, 12]))


def coords(rng: Random) -> tuple[float, float]:
    return round(rng.uniform(22.55, 23.35), 6), round(rng.uniform(112.75, 113.42), 6)


def write_coords(rng: Random, lat: float, lon: float) -> str:
    def dms(x: float) -> str:
        d, rest = int(x), (x - int(x)) * 60
        return f"{d}°{int(rest):02d}'{(rest - int(rest)) * 60:04.1f}\""

    return rng.choice(
        [
            f"{lat:.6f}, {lon:.6f}",
            f"{lat:.6f},{lon:.6f}",
            f"{lat:.5f}N {lon:.5f}E",
            f"N{dms(lat)} E{dms(lon)}",
            f"({lat:.6f}, {lon:.6f})",
        ]
    )
