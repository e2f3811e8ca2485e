"""What every template draws from: the file's random stream, the plant's staff (the same
people recur from file to file), and the ways a person's name and details are written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from random import Random

from bench.corpus9 import values as v
from bench.corpus9.doc import LAT, LON, Item, V

TITLES_ZH = ("经理", "总", "工", "主管", "师傅", "小姐", "先生", "老师")
CST = timezone(timedelta(hours=8))
ROLES_ZH = ("工程师", "联系人", "采购员", "业务员", "质检员", "司机", "仓管", "跟单")


@dataclass(slots=True)
class World:
    rng: Random
    staff: list[v.Person] = field(default_factory=list)

    def one(self, abroad: bool | None = None) -> v.Person:
        """A member of staff half the time, else someone new (a customer, a driver...)."""
        if self.staff and self.rng.random() < 0.5:
            p = self.rng.choice(self.staff)
            if abroad is None or p.abroad == abroad:
                return p
        return v.person(self.rng, abroad)

    def local(self) -> v.Person:
        return self.one(abroad=False)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    # ---- how a person is written ----

    def name(self, p: v.Person) -> V:
        return p.name(self.rng)

    def latin(self, p: v.Person) -> V:
        return V("person_name", p.latin(self.rng))

    def full(self, p: v.Person) -> list[Item]:
        """A name as a signature or a form gives it: Chinese, Chinese with its Latin form in
        brackets, or Latin alone."""
        if p.abroad:
            return [self.name(p)]
        form = self.rng.random()
        if form < 0.55:
            return [self.name(p)]
        if form < 0.85:
            left, right = self.pick("（", "(", " ("), self.pick("）", ")")
            return [self.name(p), left, self.latin(p), right if left != " (" else ")"]
        return [self.latin(p)]

    def titled(self, p: v.Person) -> list[Item]:
        """A surname with a title: the surname is labelled ("陈经理", "Mr. Weber")."""
        if p.abroad:
            return [self.pick("Mr. ", "Ms. ", "Dr. ", "Herr "), V("person_name", p.surname)]
        return [V("person_name", p.surname), self.rng.choice(TITLES_ZH)]

    def role(self, p: v.Person, word: str = "") -> list[Item]:
        """A name after a role word, no space: "工程师梁志强"."""
        return [
            word or self.rng.choice(ROLES_ZH),
            V("person_name", p.zh if not p.abroad else p.surname),
        ]

    def phone(self, p: v.Person | None = None) -> V:
        if p is not None and p.abroad:
            return V("phone", v.foreign_phone(self.rng))
        if self.chance(0.8):
            return V("phone", v.write_mobile(self.rng, p.mobile if p else v.mobile(self.rng)))
        return V("phone", v.landline(self.rng))

    def email(self, p: v.Person) -> V:
        return V("email", p.email)

    def dob(self, p: v.Person) -> V:
        return V("date_of_birth", v.write_date(self.rng, p.born, western=p.abroad))

    def rid(self, p: v.Person) -> V:
        if p.abroad:  # no resident ID: someone else's is meant
            p = v.person(self.rng, abroad=False)
        return V("resident_id", p.rid if self.chance(0.9) else p.rid[:-1] + p.rid[-1].lower())

    def address(self, english: bool = False) -> V:
        if english and self.chance(0.3):
            return V("address", self.rng.choice(v.ABROAD))
        return V("address", v.address(self.rng, english))

    def coords(self) -> V:
        return V("coordinates", v.write_coords(self.rng, *v.coords(self.rng)))

    def coord_pair(self) -> tuple[V, V]:
        lat, lon = v.coords(self.rng)
        return V(LAT, f"{lat:.6f}"), V(LON, f"{lon:.6f}")

    def when(self, start: date = date(2026, 1, 5), days: int = 330) -> datetime:
        day = start + timedelta(days=self.rng.randrange(days))
        return datetime(
            day.year,
            day.month,
            day.day,
            self.rng.randint(7, 22),
            self.rng.randint(0, 59),
            self.rng.randint(0, 59),
            tzinfo=CST,
        )


def staff_of(seed: int, size: int = 360) -> list[v.Person]:
    rng = Random(f"corpus9:{seed}:staff")
    return [v.person(rng) for _ in range(size)]
