"""A labelled evaluation corpus: mixed Chinese/English business text with known personal data
and look-alikes, for scoring detectors (tests and bench; needs Faker, a dev dependency).

Every value is generated valid on purpose (checksums from python-stdnum, phone numbers that
phonenumbers accepts), every look-alike invalid on purpose, and each is labelled with its
span, so precision and recall can be computed exactly.
"""

from __future__ import annotations

import base64
import ipaddress
import random
from collections.abc import Callable
from dataclasses import dataclass, field

import phonenumbers
from faker import Faker
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.iso7064 import mod_11_2

LOOKALIKE = "lookalike"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    type: str
    start: int
    end: int


@dataclass(slots=True)
class Document:
    kind: str
    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    length: int = 0

    def t(self, text: str) -> Document:
        self.parts.append(text)
        self.length += len(text)
        return self

    def e(self, kind: str, value: str) -> Document:
        self.spans.append(Span(kind, self.length, self.length + len(value)))
        return self.t(value)

    @property
    def text(self) -> str:
        return "".join(self.parts)


_REGIONS = (
    "110101",
    "110105",
    "310104",
    "320102",
    "330106",
    "420102",
    "440305",
    "440606",
    "510104",
    "610113",
    "500103",
    "370202",
)
_PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁苏浙赣鄂桂甘晋陕吉闽贵粤川"
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


class Values:
    """Generators of valid values and of look-alikes, from one seed."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.zh = Faker("zh_CN")
        self.en = Faker("en_US")
        self.zh.seed_instance(seed)
        self.en.seed_instance(seed + 1)

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def email(self) -> str:
        return self.r.choice([self.en.email, self.zh.email, self.en.company_email])()

    def mobile(self) -> str:
        while True:
            d = self.r.choice(
                ["138", "139", "150", "186", "137", "159", "188", "177", "199", "135", "166", "181"]
            ) + self.digits(8)
            if phonenumbers.is_valid_number(phonenumbers.parse(d, "CN")):
                break
        a, b, c = d[:3], d[3:7], d[7:]
        return self.r.choice([d, f"{a}-{b}-{c}", f"{a} {b} {c}", f"+86 {a} {b} {c}", f"+86-{d}", d])

    def landline(self) -> str:
        area = self.r.choice(["010", "021", "0755", "0757", "020", "0571", "028"])
        while True:
            sub = self.r.choice("2345678") + self.digits(7)
            if phonenumbers.is_valid_number(phonenumbers.parse(area + sub, "CN")):
                break
        return self.r.choice([f"{area}-{sub}", f"({area}) {sub[:4]} {sub[4:]}"])

    def foreign_phone(self) -> str:
        while True:
            region = self.r.choice(["US", "US", "GB", "DE", "SG", "JP"])
            example = phonenumbers.example_number(region)
            if example is None:
                continue
            national = str(example.national_number)
            number = phonenumbers.parse(
                f"+{example.country_code}{national[:-4]}{self.digits(4)}", None
            )
            if not phonenumbers.is_valid_number(number):
                continue
            if region == "US" and self.r.random() < 0.5:
                return str(
                    phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
                )
            return str(
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            )

    def phone(self) -> str:
        return self.r.choice([self.mobile, self.mobile, self.landline, self.foreign_phone])()

    def resident_id(self) -> str:
        birth = self.zh.date_of_birth(minimum_age=1, maximum_age=80).strftime("%Y%m%d")
        body = self.r.choice(_REGIONS) + birth + self.digits(3)
        return body + mod_11_2.calc_check_digit(body)

    def bad_resident_id(self) -> str:
        good = self.resident_id()
        wrong = self.r.choice([c for c in "0123456789X" if c != good[-1]])
        return good[:-1] + wrong

    def passport(self) -> str:
        options: list[Callable[[], str]] = [
            lambda: "E" + self.digits(8),
            lambda: "E" + self.r.choice(_PLATE_LETTERS) + self.digits(7),
            lambda: "G" + self.digits(8),
            lambda: self.r.choice("123456789") + self.digits(8),
        ]
        return self.r.choice(options)()

    def _luhn_number(self, prefix: str, length: int) -> str:
        body = prefix + self.digits(length - len(prefix) - 1)
        return body + luhn.calc_check_digit(body)

    def credit_card(self) -> str:
        prefix, length = self.r.choice(
            [("4", 16), ("51", 16), ("55", 16), ("37", 15), ("62", 16), ("35", 16)]
        )
        n = self._luhn_number(prefix + (self.digits(2) if prefix == "35" else ""), length)
        if n.startswith("35") and not 3528 <= int(n[:4]) <= 3589:
            return self.credit_card()
        if length == 15:
            return self.r.choice([n, f"{n[:4]} {n[4:10]} {n[10:]}"])
        return self.r.choice(
            [
                n,
                " ".join(n[i : i + 4] for i in range(0, 16, 4)),
                "-".join(n[i : i + 4] for i in range(0, 16, 4)),
            ]
        )

    def bank_card(self) -> str:
        n = self._luhn_number(self.r.choice(["6222", "6217", "6228", "6212", "6226"]), 19)
        return self.r.choice([n, n, " ".join(n[i : i + 4] for i in range(0, 19, 4))])

    def bad_card(self) -> str:
        n = self._luhn_number(self.r.choice(["4", "5", "62"]), 16)
        return n[:-1] + str((int(n[-1]) + self.r.randint(1, 9)) % 10)

    def iban(self) -> str:
        while True:
            plans: list[tuple[str, Callable[[], str]]] = [
                ("DE", lambda: self.digits(18)),
                ("GB", lambda: self.r.choice(["NWBK", "BARC", "HSBC"]) + self.digits(14)),
                ("NL", lambda: self.r.choice(["ABNA", "INGB", "RABO"]) + self.digits(10)),
                ("CH", lambda: self.digits(17)),
                ("AT", lambda: self.digits(16)),
            ]
            country, bban = self.r.choice(plans)
            body = bban()
            check = mod_97_check(country, body)
            compact = f"{country}{check}{body}"
            if stdnum_iban.is_valid(compact):
                break
        if self.r.random() < 0.5:
            return compact
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))

    def ipv4(self) -> str:
        return self.r.choice([self.en.ipv4_public, self.en.ipv4_private])()

    def ipv6(self) -> str:
        return str(ipaddress.IPv6Address(self.r.getrandbits(128) & ~(0xFFFF << 64)))

    def zh_name(self) -> str:
        return str(self.zh.name())

    def en_name(self) -> str:
        return f"{self.en.first_name()} {self.en.last_name()}"

    def zh_address(self) -> str:
        building = self.r.choice(["", f"{self.r.randint(1, 30)}栋", f"{self.r.choice('ABCD')}座"])
        room = self.r.choice(["", f"{self.r.randint(101, 2808)}室"])
        return (
            f"{self.zh.province()}{self.zh.city_name()}市{self.zh.district()}区"
            f"{self.zh.street_name()}{self.r.randint(1, 999)}号{building}{room}"
        )

    def en_address(self) -> str:
        while True:
            street = self.en.street_address()
            if street[0].isdigit():
                break
        city = f"{self.en.city()}, {self.en.state_abbr()} {self.en.postcode()}"
        return street + self.r.choice([", ", "\n"]) + city

    def birth_date(self, zh: bool) -> str:
        d = self.en.date_of_birth(minimum_age=1, maximum_age=90)
        if zh:
            return self.r.choice([d.strftime("%Y-%m-%d"), f"{d.year}年{d.month}月{d.day}日"])
        return self.r.choice(
            [d.strftime("%Y-%m-%d"), d.strftime("%m/%d/%Y"), d.strftime("%B %-d, %Y")]
        )

    def other_date(self) -> str:
        d = self.en.date_between(start_date="-2y", end_date="+1y")
        return self.r.choice([d.strftime("%Y-%m-%d"), d.strftime("%m/%d/%Y")])

    def coordinates(self) -> str:
        lat = self.r.uniform(18, 50)
        lon = self.r.uniform(75, 130)
        return self.r.choice([f"{lat:.6f}, {lon:.6f}", f"{lat:.5f}°N, {lon:.5f}°E"])

    def plate(self) -> str:
        head = self.r.choice(_PLATE_PROVINCES) + self.r.choice(_PLATE_LETTERS)
        if self.r.random() < 0.3:
            tail = self.r.choice("DF") + self.r.choice(_PLATE_LETTERS) + self.digits(4)
        else:
            tail = self.digits(3) + "".join(
                self.r.choice(_PLATE_LETTERS + "0123456789") for _ in range(2)
            )
        return head + self.r.choice(["", "·"]) + tail

    def password(self) -> str:
        return str(self.en.password(length=self.r.randint(10, 16), special_chars=False))

    def token(self) -> str:
        alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        options: list[Callable[[], str]] = [
            lambda: "AKIA" + "".join(self.r.choice(alnum[:26] + "0123456789") for _ in range(16)),
            lambda: "ghp_" + "".join(self.r.choice(alnum) for _ in range(36)),
        ]
        return self.r.choice(options)()

    def private_key(self) -> str:
        body = base64.b64encode(self.r.randbytes(600)).decode()
        lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
        return f"-----BEGIN RSA PRIVATE KEY-----\n{lines}\n-----END RSA PRIVATE KEY-----"

    def order(self) -> str:
        return self.r.choice(
            [
                f"PO-{self.r.randint(2019, 2025)}-{self.digits(6)}",
                f"SO{self.digits(15)}",
                f"订单{self.digits(15)}",
            ]
        )

    def part(self) -> str:
        return self.r.choice(
            [
                f"{self.digits(4)}-{self.digits(4)}-{self.digits(2)}",
                f"PN {self.digits(3)}-{self.digits(3)}-{self.digits(3)}",
                f"XK-{self.digits(4)}-A{self.digits(1)}",
            ]
        )

    def version(self) -> str:
        return ".".join(str(self.r.randint(0, 12)) for _ in range(4))


def mod_97_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    number = int("".join(str(int(c, 36)) for c in rearranged))
    return f"{98 - number % 97:02d}"


Template = Callable[[Values, Document], None]
