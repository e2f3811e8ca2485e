"""Synthetic numbers, keys and places: cards (Luhn), bank accounts, IBANs (mod 97), passports,
IPs, coordinates, licence plates, secrets — and the look-alikes a factory's files are full of
(part, model, serial, order, invoice and tracking numbers, versions, hashes, UUIDs, amounts).
"""

from __future__ import annotations

import base64
import datetime as dt
import random
import string
import uuid

ALNUM = string.ascii_letters + string.digits
UPPER_DIGITS = string.ascii_uppercase + string.digits


def luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def card(rng: random.Random, credit: bool = False) -> str:
    """UnionPay debit cards (19 digits, 62…) or Visa / Mastercard credit cards (16)."""
    if credit:
        body = rng.choice(["4", "4", f"5{rng.randrange(1, 6)}", "62"])
        body += digits(rng, 15 - len(body))
    else:
        body = rng.choice(["622202", "621700", "622848", "621483", "622588", "623058", "621226"])
        body += digits(rng, 18 - len(body))
    return body + luhn_digit(body)


def grouped(number: str, size: int = 4, sep: str = " ") -> str:
    return sep.join(number[i : i + size] for i in range(0, len(number), size))


def bank_account(rng: random.Random) -> str:
    """Company and personal accounts at Chinese banks: 12-20 digits, no check digit scheme
    a scanner could rely on (about one in ten is Luhn-valid by chance)."""
    return rng.choice(["2013", "4400", "8010", "3602", "6013", "1220", "7441"]) + digits(
        rng, rng.choice([8, 11, 12, 14, 15, 16])
    )


IBAN_SHAPES = {"DE": (18, "n"), "GB": (18, "b"), "FR": (23, "n"), "IT": (23, "i"), "NL": (14, "b")}


def iban(rng: random.Random) -> str:
    country = rng.choice(list(IBAN_SHAPES))
    size, shape = IBAN_SHAPES[country]
    if shape == "b":
        bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + digits(rng, size - 4)
    elif shape == "i":
        bban = rng.choice(string.ascii_uppercase) + digits(rng, size - 1)
    else:
        bban = digits(rng, size)
    moved = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(moved) % 97
    return f"{country}{check:02d}{bban}"


def passport(rng: random.Random, foreign: bool = False) -> str:
    if foreign:
        return rng.choice(
            [f"C{rng.choice('FGHJK')}{digits(rng, 2)}{rng.choice('CFGHJKLMNPRTVWXYZ')}"
             f"{rng.choice('CFGHJKLMNPRTVWXYZ')}{digits(rng, 3)}",  # German-style
             f"{rng.randrange(5, 6)}{digits(rng, 8)}",  # US-style
             f"Y{rng.choice('ABCD')}{digits(rng, 7)}", f"{rng.choice('TM')}{rng.choice('KRZ')}"
             f"{digits(rng, 7)}", f"{digits(rng, 2)}{rng.choice('AB')}{digits(rng, 5)}"]
        )  # fmt: skip
    return rng.choice(
        [f"E{digits(rng, 8)}", f"E{rng.choice('ABCDEFGHJK')}{digits(rng, 7)}",
         f"G{digits(rng, 8)}", f"EJ{digits(rng, 7)}", f"P{digits(rng, 7)}"]
    )  # fmt: skip


def ipv4(rng: random.Random, private: bool | None = None) -> str:
    if private is None:
        private = rng.random() < 0.4
    if private:
        return rng.choice(
            [f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
             f"192.168.{rng.randrange(256)}.{rng.randrange(1, 255)}",
             f"172.{rng.randrange(16, 32)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"]
        )  # fmt: skip
    first = rng.choice([14, 27, 36, 58, 59, 61, 101, 110, 113, 116, 120, 183, 202, 218, 223])
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def ipv6(rng: random.Random) -> str:
    head = rng.choice(["240e", "2408", "2409", "fe80", "2001"])
    if rng.random() < 0.5:  # compressed
        return f"{head}:{rng.randrange(4096):x}::{rng.randrange(65536):x}:{rng.randrange(65536):x}"
    return ":".join([head, *(f"{rng.randrange(65536):x}" for _ in range(7))])


def chrome_version(rng: random.Random) -> str:
    return f"{rng.randrange(100, 131)}.0.{rng.randrange(4000, 6800)}.{rng.randrange(0, 200)}"


def coordinates(rng: random.Random) -> tuple[str, str]:
    """Around Foshan: latitude 22.6-23.4, longitude 112.6-113.3."""
    lat = 22.6 + rng.random() * 0.8
    lon = 112.6 + rng.random() * 0.7
    places = rng.choice([4, 5, 6])
    return f"{lat:.{places}f}", f"{lon:.{places}f}"


def plate(rng: random.Random, style: int = 0) -> str:
    city = rng.choice(["E", "E", "E", "Y", "X", "A", "B"])
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    if rng.random() < 0.3:  # new energy: D/F + five characters
        tail = rng.choice("DF") + rng.choice([digits(rng, 5), rng.choice(letters) + digits(rng, 4)])
    else:
        tail = "".join(rng.choice(letters + "0123456789") for _ in range(2)) + digits(rng, 3)
    return [f"粤{city}·{tail}", f"粤{city}{tail}", f"粤{city} {tail}"][style % 3]


def password(rng: random.Random) -> str:
    words = ["Hengli", "Foshan", "admin", "Spring", "Welcome", "erp", "Sd", "mes", "Qwer"]
    return rng.choice(
        [f"{rng.choice(words)}@{rng.randrange(2015, 2026)}{rng.choice('!#$')}",
         "".join(rng.choice(ALNUM + "!#%&*") for _ in range(rng.randrange(10, 18))),
         f"{rng.choice(words)}{digits(rng, 4)}{rng.choice('!#.')}{rng.choice(words).lower()}",
         f"{rng.choice(words)}_{digits(rng, 6)}"]
    )  # fmt: skip


def token(rng: random.Random, kind: int | None = None) -> str:
    kind = rng.randrange(6) if kind is None else kind
    if kind == 0:
        return "AKIA" + "".join(rng.choice(UPPER_DIGITS) for _ in range(16))
    if kind == 1:
        return "ghp_" + "".join(rng.choice(ALNUM) for _ in range(36))
    if kind == 2:
        return "sk-" + "".join(rng.choice(ALNUM) for _ in range(40))
    if kind == 3:  # a JWT
        head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
        sub, exp = rng.randrange(10**6), rng.randrange(1_700_000_000, 1_800_000_000)
        body = base64.urlsafe_b64encode(f'{{"sub":"{sub}","exp":{exp}}}'.encode()).decode()
        sig = "".join(rng.choice(ALNUM + "-_") for _ in range(43))
        return f"{head}.{body.rstrip('=')}.{sig}"
    if kind == 4:
        return "".join(rng.choice(ALNUM) for _ in range(43))  # WeCom corpsecret-like
    return "".join(rng.choice("0123456789abcdef") for _ in range(32))


# ---------------------------------------------------------------- look-alikes


def part_number_mobile(rng: random.Random) -> str:
    """11-digit material codes that begin like a mobile (13…, 15…, 18…)."""
    return rng.choice(["13", "15", "18", "17", "19"]) + digits(rng, 9)


def model_number(rng: random.Random) -> str:
    return rng.choice(
        [f"HL-{rng.randrange(100, 9999)}{rng.choice(['A', 'B', 'S', 'Pro', ''])}",
         f"FS{rng.randrange(10, 99)}-{rng.randrange(100, 999)}/{rng.choice(['220V', '380V'])}",
         f"KFR-{rng.randrange(23, 72)}GW/{rng.choice(['BP2', 'BP3'])}DN8Y-{rng.randrange(10, 99)}",
         f"MG{rng.randrange(10, 99)}{rng.choice('DVX')}{rng.randrange(100, 999)}"]
    )  # fmt: skip


def serial_number(rng: random.Random) -> str:
    d = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2200))
    return rng.choice(
        [f"SN{d:%Y%m%d}{digits(rng, 5)}", f"{d:%y%m}{digits(rng, 10)}",
         "".join(rng.choice(UPPER_DIGITS) for _ in range(12))]
    )  # fmt: skip


def order_number(rng: random.Random) -> str:
    d = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1200))
    return rng.choice(
        [f"SO{d:%Y%m%d}{digits(rng, 4)}", f"PO-{d:%Y}-{digits(rng, 5)}",
         f"{d:%Y%m%d}{digits(rng, 8)}", f"XS{d:%y%m%d}{digits(rng, 3)}", f"4500{digits(rng, 6)}"]
    )  # fmt: skip


def invoice_number(rng: random.Random) -> str:
    return rng.choice([digits(rng, 8), f"{rng.randrange(10**19, 10**20)}", f"INV-{digits(rng, 7)}"])


def tracking_number(rng: random.Random) -> str:
    return rng.choice(
        [f"SF{digits(rng, 13)}", f"YT{digits(rng, 13)}", f"JD{digits(rng, 13)}",
         f"{rng.choice(['73', '75', '77'])}{digits(rng, 12)}", f"78{digits(rng, 10)}"]
    )  # fmt: skip


def version(rng: random.Random) -> str:
    """Version strings shaped like IPv4 addresses."""
    major, minor = rng.randrange(1, 12), rng.randrange(0, 30)
    return f"{major}.{minor}.{rng.randrange(0, 200)}.{rng.randrange(0, 9999)}"


def clock(rng: random.Random) -> str:
    """A time of day with milliseconds, as logs write it."""
    h, m, s = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    return f"{h:02d}:{m:02d}:{s:02d}.{rng.randrange(1000):03d}"


def epoch(rng: random.Random, millis: bool = False) -> str:
    t = rng.randrange(1_640_000_000, 1_790_000_000)
    return f"{t}{digits(rng, 3)}" if millis else str(t)


def hexdigest(rng: random.Random, size: int = 32) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(size))


def uuid_text(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def amount(rng: random.Random) -> str:
    value = rng.randrange(100, 10**8) / 100
    return rng.choice([f"{value:,.2f}", f"{value:.2f}", f"¥{value:,.2f}", f"RMB {value:,.2f}"])


def ean13(rng: random.Random) -> str:
    body = "69" + digits(rng, 10)
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def credit_code(rng: random.Random) -> str:
    """A company's unified social credit code (18 characters), not a person's ID."""
    return "9144060" + rng.choice("6457") + "".join(rng.choice(UPPER_DIGITS) for _ in range(10))


def hs_code(rng: random.Random) -> str:
    return rng.choice([f"8516.{digits(rng, 2)}.{digits(rng, 4)}", f"8418{digits(rng, 6)}"])


def batch_number(rng: random.Random) -> str:
    d = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(900))
    return rng.choice([f"B{d:%y%m%d}-{rng.randrange(1, 30):02d}", f"LOT{d:%Y%m%d}{digits(rng, 2)}"])


def business_date(rng: random.Random) -> dt.date:
    return dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1000))
