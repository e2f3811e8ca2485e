"""People of corpus 8 (staff, customers, foreign buyers) and the ways their names are written."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from bench.corpus8 import values as v
from bench.corpus8.doc import Doc
from bench.corpus8.names import DOUBLE_SURNAMES

CN_TITLES = ("经理", "工", "总", "主管", "老师", "师傅", "先生", "女士", "小姐")
EN_TITLES = ("Mr.", "Ms.", "Mrs.", "Dr.", "Herr", "Frau")


@dataclass(slots=True)
class Person:
    name: str  # as the person signs (Chinese characters or Latin)
    latin: bool
    born: dt.date
    mobile: str
    email: str
    rid: str  # resident ID ("" for foreigners)

    @property
    def surname(self) -> str:
        if self.latin:
            return (
                self.name.split()[-1]
                if not self.name.split()[0].isupper()
                else self.name.split()[0]
            )
        return self.name[:2] if self.name[:2] in DOUBLE_SURNAMES else self.name[:1]

    @property
    def given(self) -> str:
        if self.latin:
            return (
                self.name.split()[0]
                if not self.name.split()[0].isupper()
                else self.name.split()[-1]
            )
        return self.name[len(self.surname) :]


def person(r: random.Random, latin: bool | None = None) -> Person:
    latin = r.random() < 0.25 if latin is None else latin
    name = v.latin_name(r) if latin else v.cn_name(r)
    born = v.birth_date(r)
    mobile = v.intl_phone(r) if latin and r.random() < 0.6 else v.cn_mobile(r)
    rid = "" if latin else v.resident_id(r, born)
    return Person(name, latin, born, mobile, v.email_for(r, name if latin else None), rid)


def name_ref(doc: Doc, p: Person, r: random.Random, formal: float = 0.5) -> Doc:
    """Writes a reference to `p`: the full name, or a title with the surname (the span is the
    name without the title: "张经理" labels "张", "Mr. Smith" labels "Smith")."""
    x = r.random()
    if x < formal:
        return doc.v("person_name", p.name)
    if p.latin:
        if x < formal + 0.25:
            return doc.t(r.choice(EN_TITLES) + " ").v("person_name", p.surname)
        return doc.v("person_name", p.given)
    if x < formal + 0.3:
        return doc.v("person_name", p.surname).t(r.choice(CN_TITLES))
    if x < formal + 0.4:
        return doc.v("person_name", p.name).t(r.choice(CN_TITLES))
    return doc.t(r.choice(("小", "老", "阿"))).v("person_name", p.surname)


def phone(r: random.Random) -> str:
    x = r.random()
    if x < 0.65:
        return v.cn_mobile(r)
    if x < 0.85:
        return v.cn_landline(r)
    return v.intl_phone(r)
