"""Corpus 7's number rules: real mobile prefixes and area codes, GB/T 2260 region codes,
card issuer prefixes, the GB 11643 check digit, Luhn and ISO 13616 mod 97."""

from __future__ import annotations

import random

_MOBILES = (
    "130 131 132 133 134 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 "
    "166 172 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 "
    "196 197 198 199"
)
MOBILE_PREFIXES = tuple(_MOBILES.split())
AREA = (
    ("0757", 8),
    ("0757", 8),
    ("0757", 8),
    ("020", 8),
    ("0755", 8),
    ("0760", 8),
    ("0769", 8),
    ("021", 8),
    ("010", 8),
    ("0571", 8),
    ("0592", 7),
    ("0731", 8),
)
# region codes of GB/T 2260 with the years they were in use (the ID keeps the code of the
# place and time it was first issued: a person born before 1983 got one in use in 1985)
REGIONS = [
    "440602:1987-2001",
    "440603:1984-2002",
    "440604:2002-",
    "440605:2002-",
    "440606:2002-",
    "440606:2002-",
    "440607:2002-",
    "440608:2002-",
    "440621:1983-1993",
    "440622:1983-1992",
    "440623:1983-1992",
    "440623:1983-1992",
    "440624:1983-1994",
    "440681:1992-2002",
    "440681:1992-2002",
    "440682:1992-2002",
    "440683:1993-2002",
    "440684:1994-2002",
    "440103:1983-",
    "440104:1983-",
    "440106:1985-",
    "440306:1992-",
    "440803:1984-",
    "445202:1991-",
    "450102:1983-",
    "360102:1983-",
    "510104:1990-",
    "420106:1983-",
    "350203:1983-",
    "110105:-",
    "110108:-",
    "310104:-",
    "310105:-",
    "130102:1983-",
    "410105:1983-",
    "430111:1996-",
]


def region_for(r: random.Random, year: int) -> str:
    at = max(year, 1985)
    fits = []
    for entry in REGIONS:
        code, span = entry.split(":")
        start, end = span.split("-")
        if (not start or int(start) <= at) and (not end or at <= int(end)):
            fits.append(code)
    return r.choice(fits)


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CARD_PREFIXES = (
    ("622202", 19),
    ("621700", 19),
    ("622848", 19),
    ("621661", 19),
    ("622588", 16),
    ("622262", 19),
    ("625965", 16),
    ("4", 16),
    ("4", 16),
    ("51", 16),
    ("53", 16),
    ("2221", 16),
    ("37", 15),
    ("3566", 16),
)
INTL = (  # country code, national significant number pattern (digits), local format
    ("49", "89{8}", "0{n2} {n3}"),
    ("49", "1512{7}", "0{n2} {n3}"),
    ("44", "207{7}", "0{n2} {n3}"),
    ("44", "7700{6}", "0{n2} {n3}"),
    ("33", "1{8}", "0{n2} {n3}"),
    ("1", "408{7}", "({n1}) {n3}"),
    ("1", "312{7}", "({n1}) {n3}"),
    ("852", "9{7}", "{n3}"),
    ("852", "2{7}", "{n3}"),
    ("65", "8{7}", "{n3}"),
    ("60", "12{7}", "0{n2} {n3}"),
    ("39", "02{8}", "{n2} {n3}"),
    ("81", "3{9}", "0{n2} {n3}"),
)
IBAN_BBAN = {
    "DE": "d8d10",
    "GB": "a4d6d8",
    "FR": "d5d5d11",
    "NL": "a4d10",
    "CH": "d5d12",
    "AT": "d16",
}


def id_check(body: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def iban_check(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(digits) % 97:02d}"
