"""Every value from Faker (seeded instances), written as a hurried engineer would; the
look-alikes beside them. Each method returns the string written (and labelled as such)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

import phonenumbers
from faker import Faker
from stdnum import luhn

_LOCALES = ("zh_CN", "zh_TW", "en_US", "en_GB", "de_DE", "fr_FR", "vi_VN", "ja_JP", "es_ES")
_IBAN = ("de_DE", "en_GB", "fr_FR", "es_ES", "nl_NL", "it_IT")
_PROVINCES = "粤粤粤粤粤京沪浙苏湘桂闽鄂川赣"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


@dataclass(slots=True)
class Person:
    zh: str  # Chinese name (Faker zh_CN.name)
    roman: str  # Faker zh_CN.romanized_name, drawn on its own as Faker does
    en: str  # an English name (en_US / en_GB)
    email: str
    phone: str
    dob: date
    rid: str
    address: str


class Fake:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.f: dict[str, Faker] = {}
        for n, loc in enumerate((*_LOCALES, "nl_NL", "it_IT")):
            self.f[loc] = Faker(loc)
            self.f[loc].seed_instance(seed * 100 + n)
        self.cn = self.f["zh_CN"]

    def pick(self, *options: str) -> str:
        return self.r.choice(options)

    # -- people
    def person(self) -> Person:
        cn = self.cn
        return Person(
            zh=cn.name(),
            roman=cn.romanized_name(),
            en=self.f[self.pick("en_US", "en_GB")].name(),
            email=self.email(),
            phone=self.phone("zh_CN"),
            dob=cn.date_between_dates(date(1960, 1, 1), date(2004, 12, 31)),
            rid=self.rid(),
            address=self.address_cn(),
        )

    def en_name(self) -> str:
        name: str = self.f[self.pick("en_US", "en_GB")].name()
        return name

    def email(self) -> str:
        f = self.f[self.pick("zh_CN", "zh_CN", "en_US", "en_GB")]
        return str(self.r.choice((f.email, f.free_email, f.company_email))())

    def address_cn(self) -> str:
        return str(self.cn.address())

    def address_intl(self) -> str:
        f = self.f[self.pick("en_US", "en_GB", "de_DE", "zh_TW", "vi_VN")]
        return ", ".join(str(f.address()).splitlines())

    def phone(self, locale: str) -> str:
        """Faker's phone_number, drawn again while the number plan rejects it (Faker's
        zh_CN 149…), and a foreign one until Faker writes it with its country code (a
        Foshan file's foreign numbers are written +44 …, +1-…, +49 …)."""
        while True:
            number = str(self.f[locale].phone_number())
            try:
                ok = phonenumbers.is_valid_number(phonenumbers.parse(number, "CN"))
            except phonenumbers.NumberParseException:
                ok = False
            if ok and (locale == "zh_CN" or number.startswith("+")):
                return number

    def phone_intl(self) -> str:
        return self.phone(self.pick("en_US", "en_GB", "de_DE", "vi_VN"))

    def rid(self) -> str:
        """Faker zh_CN.ssn, drawn again for its 83… (Taiwan) region codes."""
        while True:
            rid = str(self.cn.ssn())
            if not rid.startswith("8"):
                return rid

    # -- dates of birth, written many ways
    def dob_text(self, d: date) -> str:
        y, m, dd = d.year, d.month, d.day
        return self.r.choice((
            f"{d:%Y-%m-%d}", f"{d:%Y-%m-%d}", f"{d:%Y/%m/%d}", f"{y}/{m}/{dd}",
            f"{y}年{m}月{dd}日", f"{d:%Y年%m月%d日}", f"{d:%d/%m/%Y}", f"{d:%m/%d/%Y}",
            f"{_MONTHS[m - 1]} {dd}, {y}", f"{dd} {_MONTHS[m - 1][:3]} {y}", f"{d:%Y%m%d}",
            f"{d:%Y.%m.%d}",
        ))  # fmt: skip

    def day(self) -> date:
        """A day of 2025-2026 (orders, tickets, logs): never a birth date."""
        return date(2025, 1, 1) + timedelta(days=self.r.randrange(700))

    def day_text(self) -> str:
        d = self.day()
        return self.r.choice(
            (f"{d:%Y-%m-%d}", f"{d:%Y/%m/%d}", f"{d.year}年{d.month}月{d.day}日", f"{d:%Y.%m.%d}")
        )

    # -- ids, cards, accounts
    def passport(self) -> str:
        return str(self.f[self.pick("zh_CN", "en_US", "en_GB", "de_DE", "vi_VN")].passport_number())

    def card(self) -> str:
        """Faker credit_card_number (its old 15-digit JCB 1800… / 2131… and 12-digit Maestro
        numbers drawn again)."""
        while True:
            card = str(self.f[self.pick("zh_CN", "en_US", "en_GB")].credit_card_number())
            if len(card) >= 13 and not card.startswith(("1800", "2131")):
                return card

    def bank_card(self) -> str:
        """A UnionPay debit card (62…, 16 or 19 digits): digits from Faker, Luhn-checked."""
        body = "62" + self.cn.numerify("#" * self.r.choice((13, 16)))
        return body + luhn.calc_check_digit(body)

    def iban(self) -> str:
        return str(self.f[self.r.choice(_IBAN)].iban())

    def bban(self) -> str:
        """Faker de_DE bban (bank code and account number, 18 digits; none passing Luhn)."""
        while True:
            bban = str(self.f["de_DE"].bban())
            if not luhn.is_valid(bban):
                return bban

    def account_cn(self) -> str:
        """A company account at a Chinese bank (对公账号), digits from Faker (never one that
        passes Luhn, which a card number would)."""
        while True:
            acct = str(
                self.cn.numerify(
                    self.pick("44##############", "4400##############", "6##############")
                )
            )
            if not luhn.is_valid(acct):
                return acct

    def plate(self) -> str:
        letters = "ABCDEFGHJKLMNPQRSTUVWXY"
        body = "".join(
            self.r.choice("0123456789" + letters[:6] if k else "0123456789") for k in range(5)
        )
        if self.r.random() < 0.2:  # a new-energy plate: six after the letter
            body = self.r.choice("DF") + self.cn.numerify("#####")
        sep = self.pick("", "", "·", " ")
        return f"{self.r.choice(_PROVINCES)}{self.r.choice(letters[:20])}{sep}{body}"

    def coords(self) -> tuple[str, str]:
        place = self.cn.local_latlng("CN", coords_only=True)
        if place is None:
            raise ValueError("Faker has no places in CN")
        lat, lng = place
        if self.r.random() < 0.4:  # Faker's own anywhere-on-earth pair
            lat, lng = str(self.cn.latitude()), str(self.cn.longitude())
        return str(lat), str(lng)

    def ip(self) -> str:
        return str(self.r.choice((self.cn.ipv4_public, self.cn.ipv4, self.cn.ipv4_private))())

    def password(self) -> str:
        return str(self.cn.password(length=self.r.choice((10, 12, 16))))

    def token(self) -> str:
        return self.pick("sk_live_", "ghp_", "AKIA", "") + str(
            self.cn.password(length=32, special_chars=False)
        )

    # -- look-alikes (what they resemble in the docstring)
    def order_mobile(self) -> str:
        return "1" + self.r.choice("3456789") + self.cn.numerify("#########")

    def waybill(self) -> str:
        return self.pick("SF", "YT", "JD") + self.cn.numerify("#############")

    def serial18(self) -> str:
        """A machine serial: line 90, plant and line code, production day, unit."""
        return f"90{self.cn.numerify('####')}{self.day():%Y%m%d}{self.cn.numerify('####')}"

    def serial16(self) -> str:
        while True:
            n = self.cn.numerify("8###############")
            if not luhn.is_valid(n):
                return n

    def sha1(self) -> str:
        return str(self.cn.sha1())

    def model(self) -> str:
        line = self.pick("Aurora", "Nova", "Breeze", "Vesta", "Orion", "Luna")
        return f"{line} {self.pick('M', 'X', 'Pro')}{self.r.randrange(1, 10)}"

    def isbn(self) -> str:
        r = self.r
        return f"978-7-{r.randrange(100, 999)}-{r.randrange(10000, 99999)}-{r.randrange(10)}"

    def version(self) -> str:
        a, b, c, d = (self.r.randrange(0, 30) for _ in range(4))
        return self.pick("v", "V", "", "") + f"{a % 9 + 1}.{b}.{c}.{d * 7}"

    def town(self) -> str:
        return self.pick("陈村", "黄岐", "乐从", "北滘")

    def hotline(self) -> str:
        return self.pick("400-", "400 ", "800-") + self.cn.numerify("###-####")

    def credit_code(self) -> str:
        return "9144060" + self.cn.bothify("6MA4??####").upper() + self.r.choice("0123456789X")

    def test_card(self) -> str:
        return self.pick("4111 1111 1111 1111", "5555 5555 5555 4444", "4242 4242 4242 4242")
