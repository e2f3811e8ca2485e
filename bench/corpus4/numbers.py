"""Numbers of people (with their check digits where the type has one) and the business
numbers that look like them. Every function takes the file's own `random.Random`."""

# ruff: noqa: PLR0911 - a template picks one of many layouts: one return each

from __future__ import annotations

import string
from datetime import date, timedelta
from random import Random

DIGITS = string.digits
UPPER = string.ascii_uppercase
ALNUM = UPPER + string.ascii_lowercase + DIGITS
HEX = "0123456789abcdef"


def digits(rng: Random, n: int, first: str = DIGITS) -> str:
    return rng.choice(first) + "".join(rng.choice(DIGITS) for _ in range(n - 1))


def pick(rng: Random, text: str, n: int) -> str:
    return "".join(rng.choice(text) for _ in range(n))


# --- resident identity card (GB 11643) ---------------------------------------------------

# (area code, first and last year of birth it was given for): districts are made and merged
FOSHAN_AREAS = (
    ("440621", 1950, 1993),
    ("440622", 1950, 1992),
    ("440623", 1950, 1992),
    ("440602", 1984, 2001),
    ("440603", 1984, 2002),
    ("440681", 1992, 2002),
    ("440682", 1992, 2002),
    ("440683", 1993, 2002),
    ("440684", 1994, 2002),
    ("440604", 2002, 2026),
    ("440605", 2002, 2026),
    ("440606", 2002, 2026),
    ("440607", 2002, 2026),
    ("440608", 2002, 2026),
)
STABLE = (
    "440103",
    "440104",
    "440111",
    "440303",
    "440305",
    "440803",
    "430102",
    "430321",
    "450102",
    "450305",
    "410102",
    "360102",
    "420106",
    "350102",
    "530102",
    "320102",
    "330106",
    "370102",
    "130102",
    "610103",
)
OTHER_AREAS = (
    *((code, 1950, 2026) for code in STABLE),
    ("440106", 1985, 2026),
    ("510722", 1985, 2026),
    ("441900", 1988, 2026),
    ("442000", 1988, 2026),
    ("441402", 1988, 2026),
    ("441202", 1988, 2026),
    ("510104", 1990, 2026),
    ("445102", 1991, 2026),
    ("440306", 1992, 2026),
    ("350583", 1993, 2026),
    ("440703", 1994, 2026),
    ("431021", 1994, 2026),
    ("411302", 1994, 2026),
    ("421023", 1994, 2026),
    ("500101", 1997, 2026),
    ("440513", 2003, 2026),
    ("522101", 1950, 1997),
    ("362202", 1988, 2000),
)


def area(rng: Random, year: int) -> str:
    pool = FOSHAN_AREAS if rng.random() < 0.5 else OTHER_AREAS
    return rng.choice([code for code, first, last in pool if first <= year <= last])


_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(body: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, _W, strict=True)) % 11]


def birth(rng: Random, young: int = 19, old: int = 62) -> date:
    today = date(2026, 6, 1)
    return today - timedelta(days=rng.randint(young * 365, old * 365))


def resident_id(rng: Random, born: date | None = None, female: bool | None = None) -> str:
    born = born or birth(rng)
    seq = rng.randint(0, 999)
    if female is not None and seq % 2 != (0 if female else 1):
        seq = (seq + 1) % 1000
    body = f"{area(rng, born.year)}{born:%Y%m%d}{seq:03d}"
    return body + id_check(body)


def id_lookalike(rng: Random) -> str:
    """An 18-character order or waybill number: digits from a date and a counter, whose
    first two digits name no province and whose last is no check digit of the rest."""
    body = (
        f"20{rng.randint(23, 26)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{digits(rng, 9)}"
    )
    last = id_check(body)
    return body + rng.choice([c for c in DIGITS if c != last])


def credit_code(rng: Random) -> str:
    """A unified social credit code of a company (not of a person)."""
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return (
        "91" + rng.choice(("440604", "440606", "440605", "440101", "440300")) + pick(rng, chars, 10)
    )


# --- payment cards and accounts ----------------------------------------------------------


def luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


UNIONPAY_DEBIT = (
    "622202",
    "621700",
    "622848",
    "621226",
    "622588",
    "621483",
    "622700",
    "623058",
    "621661",
    "622609",
    "621799",
    "622908",
    "621485",
)
CREDIT = (
    ("4", 16),
    ("427018", 16),
    ("438600", 16),
    ("51", 16),
    ("52", 16),
    ("5454", 16),
    ("2223", 16),
    ("37", 15),
    ("34", 15),
    ("3528", 16),
    ("3566", 16),
    ("625802", 16),
    ("628288", 16),
    ("4026", 16),
)


def card(rng: Random, prefix: str, length: int) -> str:
    body = prefix + digits(rng, length - len(prefix) - 1)
    return body + luhn_digit(body)


def bank_card(rng: Random) -> str:
    return card(rng, rng.choice(UNIONPAY_DEBIT), rng.choice((16, 19, 19)))


def credit_card(rng: Random) -> str:
    return card(rng, *rng.choice(CREDIT))


def grouped(number: str, rng: Random, sep: str | None = None) -> str:
    if sep is None:
        sep = rng.choice(("", " ", " ", "-"))
    if not sep:
        return number
    if len(number) == 15:
        return sep.join((number[:4], number[4:10], number[10:]))
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


def luhn_lookalike(rng: Random, prefix: str = "62", length: int = 16) -> str:
    """A serial number of card length whose Luhn digit is wrong."""
    body = prefix + digits(rng, length - len(prefix) - 1)
    good = luhn_digit(body)
    return body + rng.choice([c for c in DIGITS if c != good])


def masked_card(rng: Random) -> str:
    return f"{rng.choice(UNIONPAY_DEBIT)[:4]} **** **** {digits(rng, 4)}"


def _mod97(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text)) % 97


def _rib_key(bank: str, branch: str, account: str) -> str:
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


def iban(rng: Random, country: str | None = None) -> str:
    country = country or rng.choice(("DE", "DE", "GB", "FR", "NL", "IT", "CH", "AT", "ES"))
    if country == "DE":
        bban = digits(rng, 8, "1234567") + digits(rng, 10)
    elif country == "GB":
        bban = rng.choice(("NWBK", "BARC", "HBUK", "LOYD", "MIDL")) + digits(rng, 14)
    elif country == "FR":
        bank, branch, account = digits(rng, 5, "123"), digits(rng, 5), digits(rng, 11)
        bban = bank + branch + account + _rib_key(bank, branch, account)
    elif country == "NL":
        bban = rng.choice(("ABNA", "INGB", "RABO")) + digits(rng, 10)
    elif country == "IT":
        bban = rng.choice(UPPER) + digits(rng, 5, "0") + digits(rng, 5) + digits(rng, 12)
    elif country == "ES":
        bank, branch, account = digits(rng, 4), digits(rng, 4), digits(rng, 10)
        weights = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)

        def dc(s: str) -> str:
            v = 11 - sum(int(c) * w for c, w in zip(s.zfill(10), weights, strict=True)) % 11
            return str({10: 1, 11: 0}.get(v, v))

        bban = bank + branch + dc("00" + bank + branch) + dc(account) + account
    elif country == "AT":
        bban = digits(rng, 5, "123456789") + digits(rng, 11)
    else:  # CH
        bban = digits(rng, 5, "0") + digits(rng, 12)
    check = 98 - _mod97(bban + country + "00")
    return f"{country}{check:02d}{bban}"


def iban_spaced(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def cn_account(rng: Random) -> str:
    """A Chinese bank account number (corporate or savings), as written in an account field."""
    shape = rng.randrange(4)
    if shape == 0:
        return digits(rng, 19, "4")  # ICBC-like
    if shape == 1:
        return "4400" + digits(rng, 16)  # CCB-like
    if shape == 2:
        return digits(rng, 15, "7")  # CMB-like
    return "44" + digits(rng, 16)


# --- phones ------------------------------------------------------------------------------

MOBILE = (
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
    "193",
    "195",
    "198",
    "199",
)
AREA = (
    ("0757", 8),
    ("020", 8),
    ("0755", 8),
    ("0760", 8),
    ("0750", 7),
    ("0769", 8),
    ("0731", 8),
    ("0771", 7),
    ("028", 8),
    ("021", 8),
    ("010", 8),
)


def mobile(rng: Random) -> str:
    return rng.choice(MOBILE) + digits(rng, 8)


def mobile_written(rng: Random, number: str | None = None) -> str:
    n = number or mobile(rng)
    style = rng.randrange(9)
    if style < 4:
        return n
    if style == 4:
        return f"{n[:3]} {n[3:7]} {n[7:]}"
    if style == 5:
        return f"{n[:3]}-{n[3:7]}-{n[7:]}"
    if style == 6:
        return f"+86 {n[:3]} {n[3:7]} {n[7:]}"
    if style == 7:
        return f"+86{n}"
    return f"(+86) {n}"


def landline(rng: Random, area: str | None = None) -> str:
    code, n = (area, 8) if area else rng.choice(AREA)
    local = digits(rng, n, "2345678")
    while local.startswith("800"):  # service numbers, not a line of a person
        local = digits(rng, n, "2345678")
    style = rng.randrange(6)
    if style < 2:
        return f"{code}-{local}"
    if style == 2:
        return f"{code}-{local[:4]} {local[4:]}"
    if style == 3:
        return f"({code}) {local}"
    if style == 4:
        return f"+86 {code[1:]} {local}"
    return f"+86-{code[1:]}-{local}"


def hk_phone(rng: Random) -> str:
    head = rng.choice(
        ("61", "63", "64", "65", "69", "94", "96", "97", "23", "25", "26", "27", "28")
    )
    n = head + digits(rng, 6)
    return rng.choice((f"+852 {n[:4]} {n[4:]}", f"(852) {n}", f"+852-{n}", f"{n[:4]} {n[4:]}"))


def intl_phone(rng: Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return f"+49 {rng.choice(('89', '711', '40', '69'))} {digits(rng, 7, '2345678')}"
    if kind == 1:
        return f"+49 {rng.choice(('151', '160', '170', '176'))} {digits(rng, 8, '1234')}"
    if kind == 2:
        area = rng.choice(("408", "312", "614", "713", "212", "617"))
        return f"+1 ({area}) {digits(rng, 3, '2345678')}-{digits(rng, 4)}"
    if kind == 3:
        return f"+44 20 {digits(rng, 4, '378')} {digits(rng, 4)}"
    if kind == 4:
        return f"+65 {rng.choice('89')}{rng.choice('1234578')}{digits(rng, 2)} {digits(rng, 4)}"
    return f"+81 3-{digits(rng, 4, '3456')}-{digits(rng, 4)}"


def part_number_mobile(rng: Random) -> str:
    """A material code of 11 digits that begins like a mobile number."""
    return rng.choice(MOBILE) + digits(rng, 8)


# --- passports, plates --------------------------------------------------------------------

_PASSPORT_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def passport(rng: Random, country: str = "CN") -> str:
    if country == "CN":
        r = rng.random()
        if r < 0.55:
            return "E" + digits(rng, 8)
        if r < 0.8:
            return "E" + rng.choice(_PASSPORT_LETTERS) + digits(rng, 7)
        return "G" + digits(rng, 8)
    if country == "DE":
        return pick(rng, "CFGHJK", 1) + pick(rng, "0123456789CFGHJKLMNPRTVWXYZ", 8)
    if country == "US":
        return digits(rng, 9, "5")
    if country == "GB":
        return digits(rng, 9, "1")
    if country == "FR":
        return digits(rng, 2) + pick(rng, UPPER, 2) + digits(rng, 5)
    if country == "JP":
        return rng.choice(("TK", "TZ", "MZ")) + digits(rng, 7)
    if country == "IN":
        return rng.choice("JKLMNPRSTZ") + digits(rng, 7)
    return rng.choice("BCN") + digits(rng, 7)  # VN and others


PLATE_PREFIX = (
    "粤E",
    "粤E",
    "粤E",
    "粤X",
    "粤Y",
    "粤A",
    "粤A",
    "粤B",
    "粤S",
    "粤T",
    "粤J",
    "粤W",
    "湘A",
    "桂B",
    "赣C",
    "川A",
    "豫B",
    "鄂A",
    "闽D",
)
_PLATE = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def plate(rng: Random) -> str:
    head = rng.choice(PLATE_PREFIX)
    dot = rng.choice(("", "", "·", " "))
    if rng.random() < 0.25:  # new energy
        tail = (
            rng.choice("DF") + digits(rng, 5)
            if rng.random() < 0.8
            else digits(rng, 5) + rng.choice("DF")
        )
    else:
        chars = [rng.choice(DIGITS) for _ in range(5)]
        for i in rng.sample(range(5), rng.choice((0, 1, 1, 2))):
            chars[i] = rng.choice(_PLATE)
        tail = "".join(chars)
    return head + dot + tail


# --- network, places, secrets --------------------------------------------------------------


def ipv4(rng: Random, private: bool = False) -> str:
    if private:
        return rng.choice(
            (
                f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}",
                f"10.{rng.randint(0, 40)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
            )
        )
    first = rng.choice(
        (
            14,
            27,
            36,
            39,
            58,
            59,
            61,
            101,
            112,
            113,
            116,
            119,
            120,
            121,
            183,
            218,
            219,
            221,
            223,
            85,
            91,
            93,
            212,
            24,
            73,
            98,
        )
    )
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: Random) -> str:
    head = rng.choice(("2408:8256", "240e:3b4", "2409:8a55", "2409:8900", "2a02:8108", "240e:47c"))
    groups = [format(rng.randint(0, 0xFFFF), "x") for _ in range(rng.choice((2, 3, 6)))]
    if len(groups) == 6:
        return head + ":" + ":".join(groups)
    return head + ":" + ":".join(groups[:-1]) + "::" + groups[-1]


def version(rng: Random) -> str:
    return f"{rng.randint(1, 12)}.{rng.randint(0, 20)}.{rng.randint(0, 30)}.{rng.randint(0, 300)}"


def coordinates(rng: Random, abroad: bool = False) -> tuple[float, float]:
    if abroad:
        lat, lon = rng.choice(
            (
                (48.137, 11.575),
                (52.52, 13.405),
                (48.78, 9.18),
                (22.3, 114.17),
                (1.35, 103.82),
                (40.71, -74.0),
                (51.5, -0.12),
                (10.77, 106.7),
            )
        )
        return lat + rng.uniform(-0.08, 0.08), lon + rng.uniform(-0.08, 0.08)
    return rng.uniform(22.78, 23.32), rng.uniform(112.75, 113.35)


def dms(value: float, pos: str, neg: str) -> str:
    hemi = pos if value >= 0 else neg
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    s = ((value - d) * 60 - m) * 60
    return f"{d}°{m:02d}'{s:04.1f}\"{hemi}"


def token(rng: Random, n: int, chars: str = ALNUM) -> str:
    return pick(rng, chars, n)


def secret(rng: Random) -> tuple[str, str]:
    """(what it is, the secret)."""
    kind = rng.randrange(9)
    if kind == 0:
        return "aws", "AKIA" + pick(rng, UPPER + DIGITS, 16)
    if kind == 1:
        return "aws_secret", token(rng, 40, ALNUM + "/+")
    if kind == 2:
        return "github", "ghp_" + token(rng, 36)
    if kind == 3:
        return "aliyun", "LTAI" + token(rng, 20)
    if kind == 4:
        return "stripe", "sk_live_" + token(rng, 24)
    if kind == 5:
        return "slack", f"xoxb-{digits(rng, 12)}-{digits(rng, 13)}-{token(rng, 24)}"
    if kind == 6:
        return "hex", token(rng, 32, HEX)
    if kind == 7:
        return "wecom", token(rng, 43, ALNUM + "-_")
    return "jwt", jwt(rng)


def jwt(rng: Random) -> str:
    return (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + "eyJ"
        + token(rng, rng.randint(40, 90), ALNUM + "-_")
        + "."
        + token(rng, 43, ALNUM + "-_")
    )


def password(rng: Random) -> str:
    words = ("Foshan", "Kerui", "Shunde", "admin", "Midea", "erp", "Spring", "Welcome", "Qwer")
    shape = rng.randrange(4)
    if shape == 0:
        return rng.choice(words) + rng.choice("@#!$%&*") + str(rng.randint(2015, 2026))
    if shape == 1:
        return token(rng, rng.randint(12, 20), ALNUM + "!#%^*_")
    if shape == 2:
        return rng.choice(words) + str(rng.randint(100, 9999)) + rng.choice(("!", "#", "_x", ".."))
    return token(rng, 16, ALNUM)


def trace_id(rng: Random) -> str:
    return token(rng, 32, HEX)


def uuid(rng: Random) -> str:
    h = token(rng, 32, HEX)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def sha(rng: Random) -> str:
    return token(rng, 40, HEX)


# --- business numbers ---------------------------------------------------------------------


def order_no(rng: Random, day: date) -> str:
    return rng.choice(
        (
            f"PO{day:%Y%m%d}{rng.randint(1, 999):03d}",
            f"SO-{day:%y%m}-{rng.randint(1, 99999):05d}",
            f"{day:%Y%m%d}{digits(rng, 6)}",
            f"CG{day:%y%m%d}{rng.randint(1, 99):02d}",
        )
    )


def model(rng: Random) -> str:
    return rng.choice(
        (
            f"KFR-{rng.choice((26, 35, 50, 72))}GW/BP{rng.randint(2, 3)}DN8Y-{pick(rng, UPPER, 2)}",
            f"MDV-D{rng.randint(22, 160)}T2/N1-{rng.choice('ABC')}",
            f"WH-{rng.randint(100, 999)}{pick(rng, UPPER, 1)}",
            f"FS-{rng.choice(('M', 'C', 'X'))}{rng.randint(1000, 9999)}",
            f"C21-SK{rng.randint(2100, 2199)}",
            f"YL-{rng.randint(10, 99)}{pick(rng, UPPER, 2)}-{rng.randint(100, 999)}",
        )
    )


def sku(rng: Random) -> str:
    return rng.choice(
        (
            f"SKU-{digits(rng, 8)}",
            f"{pick(rng, UPPER, 3)}-{digits(rng, 4)}-{pick(rng, UPPER + DIGITS, 3)}",
            f"690{digits(rng, 10)}",  # an EAN-13 barcode
        )
    )


def serial(rng: Random) -> str:
    return rng.choice(
        (
            f"SN{digits(rng, 4)}{pick(rng, UPPER, 2)}{digits(rng, 6)}",
            f"{pick(rng, UPPER + DIGITS, 4)}{digits(rng, 4)}{pick(rng, UPPER + DIGITS, 6)}",
            luhn_lookalike(rng, rng.choice(("62", "4", "51")), rng.choice((16, 19))),
        )
    )


def batch(rng: Random, day: date) -> str:
    return rng.choice(
        (
            f"{day:%Y%m%d}-{rng.randint(1, 9):02d}",
            f"LOT {day:%y%m}{pick(rng, UPPER, 1)}{digits(rng, 4)}",
            f"B{day:%y%m%d}{rng.choice('ABCD')}",
        )
    )


def invoice(rng: Random) -> str:
    return rng.choice((digits(rng, 8), f"2{digits(rng, 19)}", f"No.{digits(rng, 8)}"))


def tracking(rng: Random) -> str:
    return rng.choice(
        (
            f"SF{digits(rng, 13, '1')}",
            f"YT{digits(rng, 13, '4')}",
            f"JDVA{digits(rng, 11)}",
            f"7{digits(rng, 11, '35')}",
            f"{digits(rng, 12, '4')}",
        )
    )


def hs_code(rng: Random) -> str:
    return rng.choice(("8415101000", "8418109000", "8516603000", "8509400090", "8414519900"))


def money(rng: Random, low: int = 50, high: int = 200_000) -> str:
    v = rng.randint(low * 100, high * 100) / 100
    return f"{v:,.2f}"
