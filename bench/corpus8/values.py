"""Personal values of corpus 8, valid by the real rules (GB 11643, Luhn, ISO 7064 mod 97,
numbering plans), each written the ways people write them."""

from __future__ import annotations

import datetime as dt
import random
import string

from bench.corpus8.names import (
    AREAS,
    DOUBLE_SURNAMES,
    ENGLISH_NICK,
    GIVEN,
    GIVEN_PINYIN,
    ID_CODES,
    PINYIN,
    REGIONS,
    STREETS,
    SURNAMES,
    WESTERN_FIRST,
    WESTERN_LAST,
)

BUILDINGS = ("金融中心", "创意产业园", "科技园", "花园小区", "商务大厦", "工业区", "万科城")
GD_LETTERS = "AEXYBS"  # 粤A Guangzhou, 粤E/X/Y Foshan, 粤B Shenzhen, 粤S Dongguan
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O


def cn_name(r: random.Random) -> str:
    surname = r.choice(DOUBLE_SURNAMES) if r.random() < 0.04 else r.choice(SURNAMES)
    given = r.choice(GIVEN) if r.random() < 0.3 else r.choice(GIVEN) + r.choice(GIVEN)
    return surname + given


def pinyin_name(r: random.Random) -> tuple[str, str]:
    """(surname, given) in pinyin."""
    return r.choice(list(PINYIN.values())), r.choice(GIVEN_PINYIN)


def latin_name(r: random.Random) -> str:
    """A Western name or a Chinese one in pinyin (several orders and cases)."""
    x = r.random()
    if x < 0.45:
        return f"{r.choice(WESTERN_FIRST)} {r.choice(WESTERN_LAST)}"
    last, first = pinyin_name(r)
    if x < 0.65:
        return f"{first} {last}"
    if x < 0.8:
        return f"{last.upper()} {first}"
    return f"{r.choice(ENGLISH_NICK)} {last}"


def birth_date(r: random.Random) -> dt.date:
    return dt.date(1955, 1, 1) + dt.timedelta(days=r.randrange(0, 365 * 50))


def fmt_date(d: dt.date, r: random.Random, style: str | None = None) -> str:
    styles = ("iso", "cn", "dmy", "mdy", "dot", "compact", "en", "slash_ymd", "cn_short")
    s = style or r.choice(styles)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return {
        "iso": f"{d:%Y-%m-%d}",
        "cn": f"{d.year}年{d.month}月{d.day}日",
        "dmy": f"{d:%d/%m/%Y}",
        "mdy": f"{d:%m/%d/%Y}",
        "dot": f"{d:%d.%m.%Y}",
        "compact": f"{d:%Y%m%d}",
        "en": f"{months[d.month - 1]} {d.day}, {d.year}",
        "slash_ymd": f"{d.year}/{d.month}/{d.day}",
        "cn_short": f"{d.year}.{d.month}.{d.day}",
    }[s]


def resident_id(r: random.Random, born: dt.date | None = None) -> str:
    """GB 11643-1999: region, birth date, sequence, ISO 7064 MOD 11-2 check."""
    born = born or birth_date(r)
    issued = max(born.year + 16, 1985)  # the county code in force when the first card was made
    codes = [c for c, start, end in ID_CODES if start <= issued <= (end or 9999)]
    body = r.choice(codes) + f"{born:%Y%m%d}" + f"{r.randrange(1000):03d}"
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def luhn_complete(prefix: str, length: int, r: random.Random) -> str:
    body = prefix + "".join(r.choice(string.digits) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(body)):
        n = int(c)
        if i % 2 == 0:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return body + str((10 - total % 10) % 10)


def card(r: random.Random) -> str:
    x = r.random()
    if x < 0.5:  # UnionPay debit/credit (ICBC 622202, CCB 621700, BOC 621661, CMB 622588 ...)
        prefix = r.choice(("622202", "621700", "621661", "622588", "625807", "623058"))
        number = luhn_complete(prefix, r.choice((16, 16, 19)), r)
    elif x < 0.75:
        number = luhn_complete(r.choice(("4", "427020", "438088")), 16, r)
    elif x < 0.93:
        number = luhn_complete(r.choice(("51", "53", "55", "2221", "2720")), 16, r)
    else:
        number = luhn_complete(r.choice(("34", "37")), 15, r)
    return group_digits(number, r) if r.random() < 0.55 else number


def group_digits(number: str, r: random.Random) -> str:
    sep = r.choice((" ", " ", "-"))
    if len(number) == 15:
        return sep.join((number[:4], number[4:10], number[10:]))
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


def _mod97(text: str) -> int:
    digits = "".join(str(int(c, 36)) for c in text)
    return int(digits) % 97


def iban(r: random.Random) -> str:
    country = r.choice(("DE", "DE", "GB", "FR", "NL", "IT", "AT"))

    def d(n: int) -> str:
        return "".join(r.choice(string.digits) for _ in range(n))

    if country == "DE":
        bban = r.choice(("37040044", "50010517", "70020270", "10070000")) + d(10)
    elif country == "GB":
        bban = r.choice(("NWBK", "BARC", "HBUK", "LOYD")) + d(6) + d(8)
    elif country == "FR":
        bank, branch, account = d(5), d(5), d(11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban = bank + branch + account + f"{key:02d}"
    elif country == "NL":
        bban = r.choice(("ABNA", "INGB", "RABO")) + d(10)
    elif country == "IT":
        bban = r.choice(string.ascii_uppercase) + d(5) + d(5) + d(12)
    else:
        bban = d(16)
    check = 98 - _mod97(bban + country + "00")
    compact = f"{country}{check:02d}{bban}"
    if r.random() < 0.6:
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return compact


def bank_account(r: random.Random) -> str:
    """Chinese (and Hong Kong) account numbers as banks print them."""

    def d(n: int) -> str:
        return "".join(r.choice(string.digits) for _ in range(n))

    x = r.random()
    if x < 0.3:  # ICBC corporate, 19 digits
        return "20" + r.choice(("13", "12", "04")) + d(15)
    if x < 0.5:  # CCB, 20 digits
        return "4405" + d(16)
    if x < 0.65:  # BOC, 12 digits
        return r.choice(("6", "7")) + d(11)
    if x < 0.8:  # ABC
        return "44" + d(2) + d(13)
    if x < 0.9:  # grouped in fours
        n = "2013" + d(15)
        return " ".join(n[i : i + 4] for i in range(0, len(n), 4))
    return f"{d(3)}-{d(6)}-{d(3)}"  # Hong Kong (bank code - account - suffix)


CN_MOBILE = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "147",
    "150",
    "151",
    "152",
    "155",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
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


def _by_share(r: random.Random, options: tuple[tuple[float, str], ...]) -> str:
    """One of the ways of writing a value, each up to its cumulative share."""
    x = r.random()
    return next((text for cut, text in options if x < cut), options[-1][1])


def cn_mobile(r: random.Random) -> str:
    n = r.choice(CN_MOBILE) + f"{r.randrange(10**8):08d}"
    spaced = f"{n[:3]} {n[3:7]} {n[7:]}"
    return _by_share(
        r,
        (
            (0.45, n),
            (0.6, spaced),
            (0.7, spaced.replace(" ", "-")),
            (0.85, f"+86 {spaced}"),
            (0.93, f"+86{n}"),
            (1.0, f"(+86){n}"),
        ),
    )


def cn_landline(r: random.Random) -> str:
    area, local = r.choice(AREAS)
    local += "".join(r.choice(string.digits) for _ in range(7))
    short = f"{local[:4]} {local[4:]}"
    ext = f" 转{r.randrange(100, 999)}" if r.random() < 0.1 else ""
    return _by_share(
        r,
        (
            (0.4, f"{area}-{local}{ext}"),
            (0.55, f"({area}){short}"),
            (0.7, f"{area} {short}"),
            (0.85, f"+86 {area[1:]} {short}"),
            (1.0, f"86-{area[1:]}-{local}"),
        ),
    )


def intl_phone(r: random.Random) -> str:
    def d(n: int) -> str:
        return "".join(r.choice(string.digits) for _ in range(n))

    return r.choice(
        (
            f"+49 89 {r.randrange(2, 9)}{d(3)} {d(4)}",
            f"+49 151 {r.randrange(2, 9)}{d(7)}",
            f"+49 (0)711 {r.randrange(2, 9)}{d(2)} {d(3)}",
            f"+44 20 7946 0{d(3)}",
            f"+44 7{r.choice('458')}{d(2)} {d(6)}",
            f"+1 {r.choice(('408', '312', '617', '713'))} {r.randrange(2, 9)}{d(2)} {d(4)}",
            f"+1-{r.choice(('206', '415', '646'))}-{r.randrange(2, 9)}{d(2)}-{d(4)}",
            f"+852 {r.choice(('61', '63', '64', '65', '69', '94', '96', '97'))}{d(2)} {d(4)}",
            f"+65 {r.choice(('81', '83', '85', '86', '87', '88', '91', '96', '97'))}{d(2)} {d(4)}",
            f"+33 6 {r.choice('124567')}{d(1)} {d(2)} {d(2)} {d(2)}",
            f"+39 3{r.choice('234')}{d(1)} {d(3)} {d(4)}",
            f"+971 50 {d(3)} {d(4)}",
            f"+91 98{d(3)} {d(5)}",
        )
    )


def passport(r: random.Random) -> tuple[str, str]:
    """(country, number) for CN, US, UK, DE, HK SAR, IN passports."""

    def d(n: int) -> str:
        return "".join(r.choice(string.digits) for _ in range(n))

    country = r.choice(("CN", "CN", "CN", "US", "GB", "DE", "IN"))
    if country == "CN":
        number = r.choice(("E" + d(8), "E" + r.choice("ABCDEFGH") + d(7), "G" + d(8)))
    elif country == "US":
        number = r.choice((str(r.randrange(1, 6)) + d(8), r.choice("AB") + d(8)))
    elif country == "GB":
        number = str(r.randrange(1, 6)) + d(8)
    elif country == "DE":
        number = "".join(r.choice("CFGHJKLMNPRTVWXYZ") for _ in range(1)) + "".join(
            r.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8)
        )
    else:
        number = r.choice("JKLMNPRSTUVZ") + d(7)
    return country, number


def plate(r: random.Random) -> str:
    province = "粤" if r.random() < 0.75 else r.choice("湘桂沪赣川鄂")
    city = r.choice(GD_LETTERS) if province == "粤" else r.choice("ABC")
    sep = r.choice(("", "", "·", " "))
    if r.random() < 0.25:  # new energy: D (electric) / F (hybrid) and five more
        tail = r.choice("DF") + "".join(r.choice("0123456789") for _ in range(5))
    else:
        pool = "0123456789" * 3 + PLATE_LETTERS
        tail = "".join(r.choice(pool) for _ in range(5))
    return f"{province}{city}{sep}{tail}"


def coordinates(r: random.Random) -> tuple[float, float]:
    """Near Foshan / the Pearl River Delta (lat, lng), or abroad now and then."""
    if r.random() < 0.85:
        return 22.7 + r.random() * 0.6, 112.8 + r.random() * 0.6
    return 48.0 + r.random() * 5, 8.0 + r.random() * 5


def dms(value: float, pos: str, neg: str) -> str:
    hemi = pos if value >= 0 else neg
    value = abs(value)
    deg = int(value)
    minutes = (value - deg) * 60
    return f"{deg}°{int(minutes):02d}'{(minutes - int(minutes)) * 60:04.1f}\"{hemi}"


def coord_text(r: random.Random) -> str:
    lat, lng = coordinates(r)
    x = r.random()
    if x < 0.35:
        return f"{lat:.6f}, {lng:.6f}"
    if x < 0.55:
        return f"{lng:.6f},{lat:.6f}"  # lng first, as Amap/Gaode writes it
    if x < 0.75:
        return f"{dms(lat, 'N', 'S')} {dms(lng, 'E', 'W')}"
    if x < 0.9:
        return f"N{lat:.5f} E{lng:.5f}"
    return f"{lat:.4f}°N, {lng:.4f}°E"


def cn_address(r: random.Random) -> str:
    region = r.choice(REGIONS[:8]) if r.random() < 0.7 else r.choice(REGIONS)
    street = r.choice(STREETS)
    no = r.randrange(1, 400)
    tail = r.choice(
        (
            f"{r.choice(BUILDINGS)}{r.randrange(1, 30)}栋{r.randrange(1, 33)}"
            f"{r.randrange(1, 9):02d}室",
            f"{r.randrange(1, 20)}号楼{r.randrange(1, 6)}单元{r.randrange(101, 2800)}",
            "",
            f"{r.choice(BUILDINGS)}{r.choice('ABCD')}座{r.randrange(3, 28)}楼",
        )
    )
    return f"{region[1]}{street}{no}号{tail}"


EN_STREETS = ("Jihua 5th Road", "Foshan Avenue Middle", "Nanhai Avenue North", "Guilan Road")


def en_address(r: random.Random) -> str:
    if r.random() < 0.5:
        return (
            f"{r.choice(('Rm', 'Room', 'Unit'))} {r.randrange(101, 2999)}, "
            f"No. {r.randrange(1, 300)} {r.choice(EN_STREETS)}, "
            f"{r.choice(('Chancheng', 'Nanhai', 'Shunde'))} District, Foshan, Guangdong "
            f"{r.choice(('528000', '528200', '528300'))}, China"
        )
    return r.choice(
        (
            f"{r.choice(('Hauptstraße', 'Industriestraße', 'Lindenweg'))} {r.randrange(1, 120)}, "
            f"{r.choice(('70565 Stuttgart', '80331 München', '40213 Düsseldorf'))}, Germany",
            f"{r.randrange(10, 999)} {r.choice(('Elm Street', 'Market St', 'Oak Avenue'))}, "
            f"{r.choice(('Springfield, IL 62704', 'Houston, TX 77002', 'San Jose, CA 95112'))}",
            f"Flat {r.randrange(1, 40)}, {r.randrange(2, 180)} "
            f"{r.choice(('Kingsway', 'High Street'))}, "
            f"{r.choice(('London WC2B 6AA', 'Manchester M1 4BT'))}, UK",
        )
    )


def email_for(r: random.Random, name_hint: str | None = None) -> str:
    last, first = pinyin_name(r)
    local = r.choice(
        (
            f"{first.lower()}.{last.lower()}",
            f"{last.lower()}{first.lower()}",
            f"{first[0].lower()}{last.lower()}",
            str(r.randrange(10**7, 10**10)),
            f"{last.lower()}_{first.lower()}{r.randrange(70, 99)}",
        )
    )
    if name_hint and name_hint.isascii() and " " in name_hint:
        parts = name_hint.lower().replace("'", "").split()
        local = r.choice((f"{parts[0]}.{parts[-1]}", f"{parts[0][0]}{parts[-1]}"))
    if local.isdigit():
        domain = "qq.com"
    else:
        domain = r.choice(
            (
                "163.com",
                "126.com",
                "foxmail.com",
                "gmail.com",
                "fs-hengtai.com.cn",
                "hengtai-group.com",
                "outlook.com",
                "sina.com",
                "kaltek-gmbh.de",
                "yahoo.com.hk",
            )
        )
    return f"{local}@{domain}"


def ip_address(r: random.Random) -> str:
    x = r.random()
    if x < 0.45:
        first = r.choice((113, 116, 120, 183, 14, 59, 61, 222))
        return f"{first}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}"
    if x < 0.8:
        return r.choice(
            (
                f"192.168.{r.randrange(0, 20)}.{r.randrange(2, 254)}",
                f"10.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 254)}",
                f"172.{r.randrange(16, 32)}.{r.randrange(256)}.{r.randrange(1, 254)}",
            )
        )
    if x < 0.92:
        return f"{r.randrange(1, 223)}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}"
    groups = [f"{r.randrange(0x10000):x}" for _ in range(4)]
    return f"240e:{groups[0]}:{groups[1]}::{groups[2]}:{groups[3]}"
