"""Labelled pieces for the layouts: a person's name in its forms, contacts, numbers."""

from __future__ import annotations

from datetime import date
from random import Random

from bench.corpus5 import values as v
from bench.corpus5 import world as w
from bench.corpus5.doc import Seg, look

NAME = "person_name"
ZH_TITLES = ["经理", "工", "总", "师傅", "主管", "小姐", "女士", "先生", "姐", "哥"]


class Ctx:
    def __init__(self, rng: Random) -> None:
        self.r = rng

    def person(self, foreign: float = 0.15) -> v.Person:
        return v.person(self.r, foreign)

    def name(self, p: v.Person, form: str = "any") -> Seg:
        if form == "any":
            form = self.r.choice(["zh", "zh", "en"]) if p.zh else "en"
        if form == "zh" and p.zh:
            return Seg(NAME, p.zh)
        if form == "first":
            return Seg(NAME, p.first)
        if form == "last":
            return Seg(NAME, p.surname_zh or p.last)
        return Seg(NAME, p.en)

    def titled(self, p: v.Person) -> list[object]:
        """王工, 李经理, 陈女士, 老王, Mr. Weber: the label covers the name only."""
        if p.zh and self.r.random() < 0.12:
            return [self.r.choice(["小", "老", "阿"]), Seg(NAME, p.surname_zh)]
        if p.zh:
            title = self.r.choice(ZH_TITLES)
            if title in ("小姐", "女士") and p.gender == "m":
                title = "先生"
            return [Seg(NAME, p.surname_zh), title]
        return [
            self.r.choice(["Mr. ", "Ms. ", "Dr. "]) if p.gender == "m" else "Ms. ",
            Seg(NAME, p.last),
        ]

    def phone(self) -> Seg:
        roll = self.r.random()
        if roll < 0.68:
            return Seg("phone", v.mobile_text(self.r))
        if roll < 0.88:
            return Seg("phone", v.landline(self.r))
        return Seg("phone", v.foreign_phone(self.r))

    def mobile(self) -> Seg:
        return Seg("phone", v.mobile_text(self.r))

    def email(self, p: v.Person, work: str | None = None) -> Seg:
        return Seg("email", w.email(self.r, p, work))

    def rid(self, born: date | None = None) -> Seg:
        return Seg("resident_id", v.resident_id(self.r, born))

    def dob(self, born: date, zh: bool = True) -> Seg:
        return Seg("date_of_birth", v.date_text(self.r, born, zh))

    def card(self) -> Seg:
        t, n = v.card(self.r)
        if self.r.random() < 0.35:
            n = v.grouped(n) if len(n) != 15 else f"{n[:4]} {n[4:10]} {n[10:]}"
        return Seg(t, n)

    def iban(self) -> Seg:
        n = v.iban(self.r)
        return Seg("iban", v.grouped(n) if self.r.random() < 0.5 else n)

    def account(self) -> Seg:
        d = "".join(self.r.choice("0123456789") for _ in range(self.r.choice((12, 17, 19, 20))))
        return Seg("bank_account", d if self.r.random() < 0.6 else v.grouped(d))

    def passport(self) -> tuple[str, Seg]:
        cc, n = v.passport(self.r)
        return cc, Seg("passport", n)

    def plate(self) -> Seg:
        return Seg("licence_plate", v.plate(self.r))

    def ip(self, private: float = 0.5) -> Seg:
        if self.r.random() < 0.12:
            return Seg("ip_address", v.ipv6(self.r))
        return Seg("ip_address", v.ipv4(self.r, private))

    def coords(self) -> Seg:
        lat, lon = v.coordinates(self.r)
        roll = self.r.random()
        if roll < 0.5:
            text = f"{lat}, {lon}" if self.r.random() < 0.7 else f"{lat},{lon}"
        elif roll < 0.7:
            text = f"{abs(lat)}°{'N' if lat >= 0 else 'S'}, {abs(lon)}°{'E' if lon >= 0 else 'W'}"
        elif roll < 0.85:
            text = f"{v.dms(lat, 'N', 'S')} {v.dms(lon, 'E', 'W')}"
        else:
            text = f"{lon},{lat}"
        return Seg("coordinates", text)

    def address(self, zh: bool = True) -> Seg:
        return Seg("address", w.address(self.r, zh))

    def secret(self) -> Seg:
        return Seg("secret", v.secret(self.r))

    def password(self) -> Seg:
        return Seg("secret", v.password(self.r))

    def look(self) -> tuple[str, Seg]:
        label, value = w.lookalike(self.r)
        return label, look(value)

    def labelled_look(self) -> list[object]:
        label, value = self.look()
        return [label, " ", value]

    def day(self) -> date:
        return w.day(self.r)

    def born(self, young: int = 18, old: int = 62) -> date:
        return v.birth(self.r, young, old)

    def pick(self, *options: object) -> object:
        return self.r.choice(options)
