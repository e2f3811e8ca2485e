# ruff: noqa: E501, PLR0911
"""Value generators for corpus 5: people's data with valid check digits, and look-alikes.

Every generator takes a `random.Random`; nothing here reads another corpus or a detector.
"""

from __future__ import annotations

import base64
import hashlib
import json
import string
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

# (hanzi, pinyin, cantonese romanisation)
SURNAMES = [
    ("王", "Wang", "Wong"),
    ("李", "Li", "Lee"),
    ("张", "Zhang", "Cheung"),
    ("刘", "Liu", "Lau"),
    ("陈", "Chen", "Chan"),
    ("杨", "Yang", "Yeung"),
    ("黄", "Huang", "Wong"),
    ("赵", "Zhao", "Chiu"),
    ("吴", "Wu", "Ng"),
    ("周", "Zhou", "Chow"),
    ("徐", "Xu", "Tsui"),
    ("孙", "Sun", "Suen"),
    ("马", "Ma", "Ma"),
    ("朱", "Zhu", "Chu"),
    ("胡", "Hu", "Wu"),
    ("郭", "Guo", "Kwok"),
    ("何", "He", "Ho"),
    ("林", "Lin", "Lam"),
    ("罗", "Luo", "Law"),
    ("高", "Gao", "Ko"),
    ("郑", "Zheng", "Cheng"),
    ("梁", "Liang", "Leung"),
    ("谢", "Xie", "Tse"),
    ("宋", "Song", "Sung"),
    ("唐", "Tang", "Tong"),
    ("许", "Xu", "Hui"),
    ("韩", "Han", "Hon"),
    ("冯", "Feng", "Fung"),
    ("邓", "Deng", "Tang"),
    ("曹", "Cao", "Tso"),
    ("彭", "Peng", "Pang"),
    ("曾", "Zeng", "Tsang"),
    ("肖", "Xiao", "Siu"),
    ("田", "Tian", "Tin"),
    ("董", "Dong", "Tung"),
    ("潘", "Pan", "Poon"),
    ("袁", "Yuan", "Yuen"),
    ("蔡", "Cai", "Choi"),
    ("蒋", "Jiang", "Cheung"),
    ("余", "Yu", "Yu"),
    ("叶", "Ye", "Yip"),
    ("程", "Cheng", "Ching"),
    ("苏", "Su", "So"),
    ("吕", "Lyu", "Lui"),
    ("卢", "Lu", "Lo"),
    ("钟", "Zhong", "Chung"),
    ("谭", "Tan", "Tam"),
    ("廖", "Liao", "Liu"),
    ("麦", "Mai", "Mak"),
    ("区", "Ou", "Au"),
    ("关", "Guan", "Kwan"),
    ("霍", "Huo", "Fok"),
    ("欧阳", "Ouyang", "Au-Yeung"),
    ("司徒", "Situ", "Szeto"),
    ("黎", "Li", "Lai"),
    ("莫", "Mo", "Mok"),
    ("邝", "Kuang", "Kwong"),
    ("冼", "Xian", "Sin"),
    ("岑", "Cen", "Shum"),
]
GIVEN = [
    ("伟", "wei", "Wai"),
    ("芳", "fang", "Fong"),
    ("敏", "min", "Man"),
    ("静", "jing", "Ching"),
    ("丽", "li", "Lai"),
    ("强", "qiang", "Keung"),
    ("磊", "lei", "Lui"),
    ("军", "jun", "Kwan"),
    ("洋", "yang", "Yeung"),
    ("勇", "yong", "Yung"),
    ("艳", "yan", "Yim"),
    ("杰", "jie", "Kit"),
    ("涛", "tao", "To"),
    ("明", "ming", "Ming"),
    ("超", "chao", "Chiu"),
    ("霞", "xia", "Ha"),
    ("鹏", "peng", "Pang"),
    ("辉", "hui", "Fai"),
    ("斌", "bin", "Pan"),
    ("浩", "hao", "Ho"),
    ("凯", "kai", "Hoi"),
    ("健", "jian", "Kin"),
    ("俊", "jun", "Chun"),
    ("宁", "ning", "Ning"),
    ("欣", "xin", "Yan"),
    ("婷", "ting", "Ting"),
    ("雪", "xue", "Suet"),
    ("琳", "lin", "Lam"),
    ("慧", "hui", "Wai"),
    ("颖", "ying", "Wing"),
    ("倩", "qian", "Sin"),
    ("梓", "zi", "Tsz"),
    ("轩", "xuan", "Hin"),
    ("睿", "rui", "Yui"),
    ("嘉", "jia", "Ka"),
    ("怡", "yi", "Yi"),
    ("佳", "jia", "Kai"),
    ("琪", "qi", "Kei"),
    ("思", "si", "Sze"),
    ("志", "zhi", "Chi"),
    ("国", "guo", "Kwok"),
    ("建", "jian", "Kin"),
    ("海", "hai", "Hoi"),
    ("荣", "rong", "Wing"),
    ("家", "jia", "Ka"),
    ("德", "de", "Tak"),
    ("耀", "yao", "Yiu"),
    ("铭", "ming", "Ming"),
    ("泽", "ze", "Chak"),
    ("晓", "xiao", "Hiu"),
    ("燕", "yan", "Yin"),
    ("春", "chun", "Chun"),
    ("梅", "mei", "Mui"),
    ("淑", "shu", "Shuk"),
    ("永", "yong", "Wing"),
    ("坤", "kun", "Kwan"),
    ("锦", "jin", "Kam"),
    ("卓", "zhuo", "Cheuk"),
    ("诗", "shi", "Sze"),
    ("振", "zhen", "Chun"),
]
EN_FIRST = [
    "James",
    "Oliver",
    "Lukas",
    "Thomas",
    "Michael",
    "Daniel",
    "Peter",
    "Mark",
    "Stefan",
    "Anna",
    "Sophie",
    "Laura",
    "Emma",
    "Julia",
    "Sarah",
    "Claire",
    "Priya",
    "Rahul",
    "Carlos",
    "Marta",
    "Giulia",
    "Pierre",
    "Hannah",
    "Kenji",
    "Yuki",
    "Minh",
    "Siti",
    "Ahmed",
    "Olga",
    "Ethan",
    "Grace",
    "Victor",
    "Isabel",
    "Henrik",
    "Ingrid",
    "Paolo",
    "Elena",
    "Tomasz",
]
EN_LAST = [
    "Schneider",
    "Fischer",
    "Weber",
    "Smith",
    "Johnson",
    "Brown",
    "Miller",
    "Taylor",
    "Walker",
    "Rossi",
    "Bianchi",
    "Dubois",
    "Moreau",
    "Garcia",
    "Martinez",
    "Kowalski",
    "Nowak",
    "Jensen",
    "Larsen",
    "Tanaka",
    "Sato",
    "Nguyen",
    "Tran",
    "Patel",
    "Sharma",
    "Kumar",
    "Hassan",
    "Novak",
    "Silva",
    "Costa",
    "O'Brien",
    "Murphy",
    "Hughes",
    "Becker",
    "Hoffmann",
    "Vogel",
]
EN_NICK = [
    "Tony",
    "Kevin",
    "Jason",
    "Eric",
    "Alan",
    "Vincent",
    "Jacky",
    "Ivy",
    "Cherry",
    "Coco",
    "Winnie",
    "Amy",
    "Sunny",
    "Frank",
    "Leo",
    "Queenie",
    "Ken",
    "Candy",
]


@dataclass(frozen=True, slots=True)
class Person:
    zh: str  # 陈志强 (empty for a foreigner)
    surname_zh: str
    en: str  # "Zhiqiang Chen", "Chan Chi Keung", "Anna Weber"
    first: str  # what a colleague calls them in English
    last: str
    mail_local: str
    gender: str  # "m" / "f"


def person(rng: Random, foreign: float = 0.15) -> Person:
    gender = rng.choice("mf")
    if rng.random() < foreign:
        first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
        local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{last[0]}"])
        return Person("", "", f"{first} {last}", first, last, _ascii(local.lower()), gender)
    s = rng.choice(SURNAMES)
    given = [rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2)))]
    zh = s[0] + "".join(g[0] for g in given)
    if rng.random() < 0.12:  # Hong Kong style romanisation
        first = " ".join(g[2] for g in given)
        en = f"{s[2]} {first}"
        local = f"{s[2].lower().replace('-', '')}{''.join(g[2][0].lower() for g in given)}"
        if rng.random() < 0.5:
            nick = rng.choice(EN_NICK)
            en, first = f"{nick} {s[2]}", nick
        return Person(zh, s[0], en, first, s[2], local, gender)
    pin = "".join(g[1] for g in given).capitalize()
    style = rng.random()
    if style < 0.4:
        en, first = f"{pin} {s[1]}", pin
    elif style < 0.7:
        en, first = f"{s[1]} {pin}", pin
    elif style < 0.85:
        en, first = f"{s[1].upper()} {pin}", pin
    else:
        nick = rng.choice(EN_NICK)
        en, first = f"{nick} {s[1]}", nick
    local = rng.choice(
        [
            f"{s[1]}.{pin}",
            f"{pin}{s[1]}",
            f"{s[1]}{''.join(g[1][0] for g in given)}",
            f"{first}.{s[1]}",
        ]
    ).lower()
    return Person(zh, s[0], en, first, s[1], _ascii(local), gender)


def _ascii(text: str) -> str:
    return "".join(c for c in text if c in string.ascii_lowercase + string.digits + "._")


# ---- numbers with check digits -------------------------------------------------------
# (area code, first birth year, last birth year) - district codes change over the years
AREAS = [
    ("440604", 2003, 2099),
    ("440605", 2003, 2099),
    ("440606", 2003, 2099),
    ("440607", 2003, 2099),
    ("440608", 2003, 2099),
    ("440602", 1985, 2001),
    ("440603", 1985, 2001),
    ("440681", 1993, 2001),
    ("440682", 1993, 2001),
    ("440106", 1986, 2099),
    ("440111", 1984, 2099),
    ("440304", 1984, 2099),
    ("441900", 1989, 2099),
    ("442000", 1989, 2099),
    ("440781", 1993, 2099),
    ("445102", 1992, 2099),
    ("450102", 1984, 2099),
    ("430102", 1984, 2099),
    ("430521", 1984, 2099),
    ("510104", 1991, 2099),
    ("360102", 1984, 2099),
    ("420106", 1984, 2099),
    ("350203", 1984, 2099),
    ("320102", 1984, 2099),
    ("410105", 1984, 2099),
    ("362201", 1950, 1999),
    ("452501", 1984, 1996),
    ("432501", 1950, 1998),
    ("432502", 1950, 1998),
    ("432522", 1950, 1998),
    ("512501", 1950, 1995),
    ("513001", 1950, 1997),
    ("412701", 1950, 1999),
    ("362222", 1950, 1992),
    ("452522", 1950, 1987),
    ("442801", 1950, 1987),
]
_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def birth(rng: Random, young: int = 18, old: int = 62) -> date:
    return date(2026, 1, 1) - timedelta(days=rng.randint(young * 365, old * 365))


def resident_id(rng: Random, born: date | None = None) -> str:
    born = born or birth(rng)
    area = rng.choice([a for a, first, last in AREAS if first <= born.year <= last])
    body = f"{area}{born:%Y%m%d}{rng.randint(1, 999):03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, _W, strict=True)) % 11]


def luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def card(rng: Random) -> tuple[str, str]:
    """(type, number) with a real issuer prefix and a Luhn digit."""
    kind = rng.random()
    if kind < 0.5:
        prefix, length, t = (
            rng.choice(
                [
                    "622202",
                    "621700",
                    "622848",
                    "623052",
                    "621483",
                    "622588",
                    "625965",
                    "621226",
                    "622700",
                    "620522",
                ]
            ),
            rng.choice((16, 19, 19)),
            "bank_card",
        )
    elif kind < 0.75:
        prefix, length, t = (
            "4" + rng.choice(["26684", "03392", "18236", "92937", "5"]),
            16,
            "credit_card",
        )
    elif kind < 0.9:
        prefix, length, t = (
            rng.choice(["51", "52", "53", "54", "55", "2221", "2720"]),
            16,
            "credit_card",
        )
    elif kind < 0.96:
        prefix, length, t = rng.choice(["34", "37"]), 15, "credit_card"
    else:
        prefix, length, t = str(rng.randint(3528, 3589)), 16, "credit_card"
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - 1 - len(prefix)))
    return t, body + luhn_digit(body)


def not_luhn(rng: Random, length: int = 16) -> str:
    body = "".join(rng.choice(string.digits) for _ in range(length - 1))
    good = luhn_digit(body)
    return body + str((int(good) + rng.randint(1, 9)) % 10)


_IBAN = {
    "DE": "8n10n",
    "GB": "4a6n8n",
    "NL": "4a10n",
    "AT": "5n11n",
    "CH": "5n12n",
    "IT": "1a5n5n12n",
    "FR": "5n5n11n2n",
    "PL": "8n16n",
    "DK": "4n9n1n",
}
_BANKS = {"GB": ["NWBK", "BARC", "HBUK", "LOYD"], "NL": ["ABNA", "INGB", "RABO"]}


def iban(rng: Random) -> str:
    cc = rng.choice(list(_IBAN))
    bban = ""
    for part in _IBAN[cc].replace("n", "n ").replace("a", "a ").split():
        n, t = int(part[:-1]), part[-1]
        if t == "a" and cc in _BANKS:
            bban += rng.choice(_BANKS[cc])
        elif t == "a":
            bban += "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
        else:
            bban += "".join(rng.choice(string.digits) for _ in range(n))
    moved = "".join(str(int(c, 36)) for c in bban + cc + "00")
    return f"{cc}{98 - int(moved) % 97:02d}{bban}"


def grouped(number: str, size: int = 4, sep: str = " ") -> str:
    return sep.join(number[i : i + size] for i in range(0, len(number), size))


MOBILE = [
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "147",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "175",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
]


def mobile(rng: Random) -> str:
    return rng.choice(MOBILE) + "".join(rng.choice(string.digits) for _ in range(8))


def mobile_text(rng: Random, number: str | None = None) -> str:
    n = number or mobile(rng)
    return rng.choice(
        [
            n,
            n,
            n,
            f"{n[:3]} {n[3:7]} {n[7:]}",
            f"{n[:3]}-{n[3:7]}-{n[7:]}",
            f"+86 {n[:3]} {n[3:7]} {n[7:]}",
            f"+86{n}",
            f"(+86) {n}",
            f"86-{n}",
        ]
    )


def landline(rng: Random) -> str:
    area, digits = rng.choice(
        [
            ("0757", 8),
            ("0757", 8),
            ("020", 8),
            ("0755", 8),
            ("0760", 8),
            ("0750", 7),
            ("021", 8),
            ("0769", 8),
        ]
    )
    first = rng.choice("2345678")
    num = first + "".join(rng.choice(string.digits) for _ in range(digits - 1))
    half = len(num) // 2
    return rng.choice(
        [
            f"{area}-{num}",
            f"{area}-{num[:half]} {num[half:]}",
            f"({area}){num}",
            f"+86 {area[1:]} {num[:half]} {num[half:]}",
            f"{area} {num}",
        ]
    )


def foreign_phone(rng: Random) -> str:
    d = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    return rng.choice(
        [
            f"+852 {rng.choice(['61', '63', '64', '65', '69', '94', '96', '97'])}{d(2)} {d(4)}",
            f"(+852) 2{rng.choice('345678')}{d(2)} {d(4)}",
            f"+49 89 {rng.randint(2, 9)}{d(3)} {d(4)}",
            f"+49 (0)711 {rng.randint(2, 9)}{d(6)}",
            f"+44 20 7{d(3)} {d(4)}",
            f"+44 7{rng.choice('4578')}{d(2)} {d(6)}",
            f"+1 {rng.choice(['312', '415', '617', '713', '206'])} {rng.randint(2, 9)}{rng.randint(2, 9)}{d(1)}-{rng.randint(1, 9)}{d(3)}",
            f"+65 {rng.choice(['61', '62', '63', '64', '65', '81', '82', '83', '84', '85', '86', '87', '88', '91', '92', '93', '94', '95', '96'])}{d(2)} {d(4)}",
            f"+81 3-{rng.randint(3, 6)}{d(3)}-{d(4)}",
            f"+39 02 {rng.randint(2, 8)}{d(7)}",
            f"+33 1 {rng.randint(40, 49)} {d(2)} {d(2)} {d(2)}",
        ]
    )


def passport(rng: Random) -> tuple[str, str]:
    """(country, number)."""
    d = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    roll = rng.random()
    if roll < 0.55:
        return "CN", rng.choice(
            [f"E{d(8)}", f"E{d(8)}", f"G{d(8)}", f"E{rng.choice('ABCDEFGH')}{d(7)}"]
        )
    if roll < 0.65:
        return "HK", f"K{d(8)}"
    if roll < 0.72:
        return "US", f"{rng.randint(5, 6)}{d(8)}"
    if roll < 0.79:
        return "GB", f"{rng.randint(1, 5)}{d(8)}"
    if roll < 0.86:
        return "DE", "C" + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
    if roll < 0.93:
        return "JP", rng.choice(["TK", "TR", "MU"]) + d(7)
    return "VN", rng.choice("BCN") + d(7)


PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def plate(rng: Random) -> str:
    prov = rng.choice(["粤E", "粤E", "粤E", "粤X", "粤Y", "粤A", "粤B", "粤S", "湘A", "桂B"])
    if rng.random() < 0.3:  # new energy
        tail = (
            rng.choice("DF")
            + rng.choice(PLATE_LETTERS + "0123456789")
            + "".join(rng.choice(string.digits) for _ in range(4))
        )
    else:
        pool = [rng.choice(PLATE_LETTERS + string.digits * 3) for _ in range(5)]
        tail = "".join(pool)
    return prov + rng.choice(["·", "", "", " ", "-"]) + tail


def ipv4(rng: Random, private: float = 0.5) -> str:
    if rng.random() < private:
        return rng.choice(
            [
                f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}",
                f"10.{rng.randint(0, 40)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
            ]
        )
    first = rng.choice(
        [14, 27, 36, 58, 59, 61, 110, 113, 116, 119, 120, 121, 183, 202, 210, 218, 223]
    )
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: Random) -> str:
    h = lambda: f"{rng.randint(0, 0xFFFF):x}"  # noqa: E731
    return rng.choice(
        [
            f"2408:{h()}:{h()}:{h()}::{h()}",
            f"240e:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}",
            f"fe80::{h()}:{h()}:{h()}:{h()}",
            f"2001:db8:{h()}::{h()}",
        ]
    )


def coordinates(rng: Random) -> tuple[float, float]:
    lat, lon = rng.choice(
        [
            (23.02, 113.12),
            (22.84, 113.25),
            (23.05, 113.0),
            (23.13, 113.26),
            (22.54, 114.06),
            (48.14, 11.58),
            (51.51, -0.13),
            (1.29, 103.85),
        ]
    )
    return round(lat + rng.uniform(-0.08, 0.08), 6), round(lon + rng.uniform(-0.08, 0.08), 6)


def dms(value: float, pos: str, neg: str) -> str:
    hemi = pos if value >= 0 else neg
    value = abs(value)
    deg, rest = int(value), (value - int(value)) * 60
    return f"{deg}°{int(rest):02d}'{(rest - int(rest)) * 60:04.1f}\"{hemi}"


def token(rng: Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def secret(rng: Random) -> str:
    roll = rng.random()
    if roll < 0.2:
        return "sk-" + token(rng, 48)
    if roll < 0.35:
        return "ghp_" + token(rng, 36)
    if roll < 0.5:
        return "LTAI5t" + token(rng, 18)
    if roll < 0.65:
        head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
        body = json.dumps(
            {"uid": rng.randint(10000, 99999), "exp": rng.randint(1_700_000_000, 1_800_000_000)}
        )
        payload = base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")
        return f"{head}.{payload}.{token(rng, 43, string.ascii_letters + string.digits + '-_')}"
    if roll < 0.8:
        return token(rng, 40, string.ascii_letters + string.digits + "/+")
    return (
        "xoxb-"
        + "-".join(str(rng.randint(10**11, 10**12)) for _ in range(2))
        + "-"
        + token(rng, 24)
    )


def password(rng: Random) -> str:
    words = ["Foshan", "Shunde", "Midea", "Summer", "Welcome", "Admin", "Factory", "Qwer", "Dragon"]
    return rng.choice(
        [
            f"{rng.choice(words)}@{rng.randint(2015, 2026)}",
            f"{rng.choice(words)}#{rng.randint(100, 9999)}!",
            token(rng, rng.randint(10, 16), string.ascii_letters + string.digits + "!#%*"),
            f"{rng.choice(words).lower()}{rng.randint(1000, 99999)}",
        ]
    )


def hexdigest(rng: Random, n: int = 32) -> str:
    return hashlib.sha256(str(rng.random()).encode()).hexdigest()[:n]


# ---- dates of birth in many writings --------------------------------------------------
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def date_text(rng: Random, d: date, zh: bool = True) -> str:
    forms = [
        f"{d:%Y-%m-%d}",
        f"{d:%Y/%m/%d}",
        f"{d.year}.{d.month}.{d.day}",
        f"{d:%d/%m/%Y}",
        f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{MONTHS_LONG[d.month - 1]} {d.day}, {d.year}",
        f"{d.day:02d}-{MONTHS[d.month - 1]}-{d.year}",
        f"{d:%Y%m%d}",
        f"{d:%m/%d/%Y}",
        f"{d:%d.%m.%Y}",
        f"{d.day}{'th' if 4 <= d.day <= 20 or d.day % 10 > 3 or d.day % 10 == 0 else ['st', 'nd', 'rd'][d.day % 10 - 1]} {MONTHS_LONG[d.month - 1]} {d.year}",
    ]
    if zh:
        forms += [
            f"{d.year}年{d.month}月{d.day}日",
            f"{d.year}年{d.month:02d}月{d.day:02d}日",
            f"{d.year}-{d.month}-{d.day}",
            f"{d.year}年{d.month}月{d.day}号",
        ]
    return rng.choice(forms)
