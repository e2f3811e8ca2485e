"""Corpus 7's values: people, numbers and their look-alikes, valid by the real rules
(GB 11643 check digit, Luhn, ISO 13616 mod 97, real mobile prefixes and area codes)."""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

import phonenumbers
from stdnum import luhn

from bench.corpus7.fakes import Extras
from bench.corpus7.people import (
    CN_GIVEN,
    CN_SURNAMES,
    EN_NICK,
    LATIN,
    PINYIN,
    cn_address,
    en_address,
    foreign_address,
)
from bench.corpus7.rules import (
    AREA,
    CARD_PREFIXES,
    IBAN_BBAN,
    INTL,
    MOBILE_PREFIXES,
    iban_check,
    id_check,
    region_for,
)


@dataclass(slots=True)
class Person:
    name: str  # as written in the file
    surname: str
    latin: bool
    email: str
    mobile: str  # digits only (CN) or E.164 without '+' (abroad)
    dob: tuple[int, int, int]
    rid: str  # resident ID (CN only)
    english: str = ""  # an English name a Foshan clerk uses beside the Chinese one
    male: bool = True


_FEMALE = (
    "Sabine Anja Katrin Emily Rachel Hannah Jennifer Ashley Laura Giulia Francesca Priya Deepa "
    "Ana Lucía Camille Élodie Siti Nurul Lan Huong"
)
FEMALE = frozenset(_FEMALE.split())


class Values(Extras):
    """All values drawn from one random generator (the corpus's seed)."""

    # --- people -------------------------------------------------------------------
    def person(self, latin: bool | None = None) -> Person:
        r = self.r
        if latin is None:
            latin = r.random() < 0.22
        year = r.randint(1962, 2003)
        dob = (year, r.randint(1, 12), r.randint(1, 28))
        if latin:
            first, last, domain = r.choice(LATIN)
            first = r.choice(first.split("|"))
            last = r.choice(last.split("|"))
            mail = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
            mail = (
                unicodedata.normalize("NFKD", mail.replace("ß", "ss"))
                .encode("ascii", "ignore")
                .decode()
            )
            phone = self.intl_digits()
            p = Person(f"{first} {last}", last, True, f"{mail}@{domain}", phone, dob, "")
            p.male = first not in FEMALE
            return p
        surname = r.choice(CN_SURNAMES)
        given = "".join(r.choice(CN_GIVEN) for _ in range(1 if r.random() < 0.3 else 2))
        py_s = PINYIN[surname]
        py_g = "".join(PINYIN[c] for c in given)
        style = r.randrange(5)
        local = (
            f"{py_g}.{py_s}",
            f"{py_s}{py_g}",
            f"{py_s}.{py_g}",
            f"{py_g[0]}{py_s}{r.randint(1, 99)}",
            f"{py_s}{py_g}{year % 100:02d}",
        )[style]
        domain = r.choice(
            (
                "qq.com",
                "163.com",
                "126.com",
                "gmail.com",
                "foxmail.com",
                "sina.com",
                "hotmail.com",
                "139.com",
                "outlook.com",
            )
        )
        if local[0].isdigit():
            local = "a" + local
        rid = self.resident_id(dob)
        p = Person(surname + given, surname, False, f"{local}@{domain}", self.mobile(), dob, rid)
        p.male = int(rid[16]) % 2 == 1
        if r.random() < 0.35:
            p.english = f"{r.choice(EN_NICK)} {py_s.capitalize()}"
        return p

    def staff_email(self, p: Person, domain: str) -> str:
        if p.latin:
            return p.email.split("@")[0] + "@" + domain
        return p.email.split("@")[0].rstrip("0123456789") + "@" + domain

    def resident_id(self, dob: tuple[int, int, int]) -> str:
        body = f"{region_for(self.r, dob[0])}{dob[0]:04d}{dob[1]:02d}{dob[2]:02d}{self.digits(3)}"
        return body + id_check(body)

    def dob_text(self, dob: tuple[int, int, int], zh: bool) -> str:
        y, m, d = dob
        months = [
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ]
        forms = [
            f"{y}-{m:02d}-{d:02d}",
            f"{y}/{m}/{d}",
            f"{y}.{m:02d}.{d:02d}",
            f"{y}{m:02d}{d:02d}",
        ]
        forms += (
            [f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日"]
            if zh
            else [
                f"{d:02d}/{m:02d}/{y}",
                f"{d} {months[m - 1]} {y}",
                f"{months[m - 1]} {d}, {y}",
                f"{d:02d}.{m:02d}.{y}",
            ]
        )
        return self.r.choice(forms)

    # --- phones -------------------------------------------------------------------
    def mobile(self) -> str:
        return self.r.choice(MOBILE_PREFIXES) + self.digits(8)

    def mobile_text(self, digits: str) -> str:
        r, d = self.r, digits
        return r.choice(
            (
                d,
                d,
                d,
                f"{d[:3]} {d[3:7]} {d[7:]}",
                f"{d[:3]}-{d[3:7]}-{d[7:]}",
                f"+86 {d}",
                f"+86 {d[:3]} {d[3:7]} {d[7:]}",
                f"+86-{d}",
                f"0086 {d}",
                f"(+86){d}",
                f"{d[:3]} {d[3:]}",
            )
        )

    def landline(self) -> str:
        r = self.r
        area, size = r.choice(AREA)
        while True:
            local = self.digits(size, "23456789")
            if phonenumbers.is_valid_number(phonenumbers.parse(area + local, "CN")):
                break
        half = len(local) - 4
        return r.choice(
            (
                f"{area}-{local}",
                f"{area}-{local[:half]} {local[half:]}",
                f"({area}){local}",
                f"{area} {local}",
                f"+86 {area[1:]} {local}",
                f"+86-{area[1:]}-{local}",
                f"{area}{local}",
            )
        )

    def intl_digits(self) -> str:
        while True:
            cc, pattern, _ = self.r.choice(INTL)
            e164 = cc + self._pattern(pattern)
            if phonenumbers.is_valid_number(phonenumbers.parse("+" + e164)):
                return e164

    def _pattern(self, pattern: str) -> str:
        head, n = pattern.split("{")
        return head + self.digits(int(n.rstrip("}")))

    def intl_text(self, e164: str | None = None) -> str:
        r = self.r
        if e164 is None:
            e164 = self.intl_digits()
        known = [(c, f) for c, _, f in INTL if e164.startswith(c) and (c != "1" or len(e164) == 11)]
        if not known:
            return "+" + e164
        cc, local_format = known[0]
        nsn = e164[len(cc) :]
        cut = 3 if cc in ("1", "852", "65") else 2
        grouped = f"{nsn[:cut]} {nsn[cut:]}" if len(nsn) > 8 else f"{nsn[:4]} {nsn[4:]}"
        if cc == "1":
            grouped = f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"
        formats = [f"+{cc} {grouped}", f"+{cc}{nsn}", f"00{cc} {grouped}", f"+{cc} {nsn}"]
        if cc == "1":
            formats.append(f"+1 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}")
        if "0{n2}" in local_format:
            formats.append(f"0{nsn[:cut]} {nsn[cut:]}")
        return r.choice(formats)

    def phone_any(self, p: Person | None = None) -> str:
        if p is not None and p.latin:
            return self.intl_text(p.mobile)
        return self.mobile_text(p.mobile if p else self.mobile())

    # --- money --------------------------------------------------------------------
    def card(self) -> str:
        prefix, length = self.r.choice(CARD_PREFIXES)
        body = prefix + self.digits(length - len(prefix) - 1)
        return body + luhn.calc_check_digit(body)

    def card_text(self, number: str) -> str:
        r = self.r
        if r.random() < 0.55:
            return number
        if len(number) == 15:
            return f"{number[:4]} {number[4:10]} {number[10:]}"
        sep = r.choice(" -")
        return sep.join(number[i : i + 4] for i in range(0, len(number), 4))

    def account(self) -> str:
        r = self.r
        kind = r.randrange(6)
        if kind == 0:  # CCB style, 20 digits
            return "4405" + self.digits(16)
        if kind == 1:  # ICBC style, 19 digits
            return "2013" + self.digits(15)
        if kind == 2:  # BOC, 12 digits
            return self.digits(12, "6789")
        if kind == 3:  # ABC
            return "44" + self.digits(6) + "0104" + self.digits(5)
        if kind == 4:  # CMB Foshan, 15 digits
            return "757" + self.digits(12)
        return self.digits(r.choice((16, 17, 18)), "3689")

    def account_text(self, number: str) -> str:
        if self.r.random() < 0.75 or len(number) < 16:
            return number
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))

    def iban(self) -> str:
        country = self.r.choice(list(IBAN_BBAN))
        bban = ""
        for part in IBAN_BBAN[country].replace("d", " d").replace("a", " a").split():
            n = int(part[1:])
            bban += self.alnum(n, string.ascii_uppercase) if part[0] == "a" else self.digits(n)
        if country == "FR":  # the RIB key
            bank, branch, acc = int(bban[:5]), int(bban[5:10]), int(bban[10:])
            bban += f"{97 - (89 * bank + 15 * branch + 3 * acc) % 97:02d}"
        if country == "GB":
            bban = self.r.choice(("NWBK", "BARC", "LOYD", "HBUK", "MIDL")) + bban[4:]
        return country + iban_check(country, bban) + bban

    def iban_text(self, iban: str) -> str:
        if self.r.random() < 0.5:
            return iban
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))

    def amount(self) -> str:
        value = self.r.randint(100, 9_999_999) / 100
        return self.r.choice(
            (f"{value:,.2f}", f"{value:.2f}", f"¥{value:,.2f}", f"RMB {value:,.2f}")
        )

    # --- documents and devices ----------------------------------------------------
    def passport(self, country: str) -> str:
        r = self.r
        if country == "CN":
            return r.choice(("E", "E", "G")) + (
                self.digits(8)
                if r.random() < 0.6
                else self.alnum(1, "ABCDEFGHJKLMNPQRSTUVWXYZ") + self.digits(7)
            )
        if country == "DE":
            return self.alnum(1, "CFGHJK") + self.alnum(8, "CFGHJKLMNPRTVWXYZ0123456789")
        if country in ("US", "GB"):
            return self.digits(9, "1234567895")
        if country == "FR":
            return self.digits(2) + self.alnum(2, string.ascii_uppercase) + self.digits(5)
        if country == "IT":
            return self.alnum(2, string.ascii_uppercase) + self.digits(7)
        return self.alnum(1, string.ascii_uppercase) + self.digits(7)


__all__ = ["Person", "Values", "cn_address", "en_address", "foreign_address", "region_for"]
