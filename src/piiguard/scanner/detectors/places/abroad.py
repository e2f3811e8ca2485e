"""Addresses of the region's other countries, which the Chinese, English and European shapes
(addresses.py) do not read:

- Singapore's blocks (HDB): `Blk 367 Toa Payoh Lor 8, #02-50, Singapore 593097`, `Block 12A
  Jurong West St 41 #05-123` — the block, its street's words and numbers, then the unit
  (`#02-50`), the postcode (`Singapore 593097`, `S(593097)`) or both; a block without either
  (`Block 3 of the plant`, `Blk 2 Phase 1`) places nobody;
- Vietnam's: `Lô C1, 12 Nguyễn Ái Quốc, P. Tân Phong, TP. Biên Hòa, Đồng Nai`, `Số 5 Lê Lợi,
  Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh` — a lot (Lô, Lot) or a number (Số, digits) first,
  then parts parted by commas, one of them at least a ward's, district's, town's, province's
  or industrial zone's (P., Phường, Xã, Q., Quận, Huyện, TX., TP., Thành phố, Tỉnh, KCN, KCX),
  and Vietnamese by its letters or, without marks, by such a word written out."""

from __future__ import annotations

import re

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

_SG_UNIT = r"#\d{1,3}-\d{1,5}[A-Z]?"
_SG_POST = r"(?:Singapore|SINGAPORE|S)[ ]?\(?\d{6}\)?"
SG_BLOCK = re.compile(
    r"(?:Blk|BLK|Block)\.?[ ]?\d{1,4}[A-Z]?(?:[ ](?:[A-Z][a-z]+|[A-Z]{2,4}|\d{1,3}[A-Z]?)){1,6}"
    rf"(?:(?:,[ ]?|[ ]){_SG_UNIT}(?:(?:,[ ]?|[ ]){_SG_POST})?|(?:,[ ]?|[ ]){_SG_POST})"
    r"(?![\w-])"
)


def _sg_block(m: re.Match[str], text: str) -> Hit | None:
    return Hit("address", m.start(), m.end(), m.group(), 0.85, Validator.FORMAT)


_VI_ADMIN = (
    r"(?:P\.|Phường|Xã|Q\.|Quận|Huyện|H\.|TX\.|Thị xã|TP\.|Tp\.|Thành phố|Tỉnh|KCN|KCX"
    r"|Khu công nghiệp)"
)
_VI_WORD = r"[\w./\-]+"
_VI_PART = rf"[A-Z0-9\u00c0-\u024f\u1ea0-\u1ef9]{_VI_WORD[:-1]}*(?:[ ]{_VI_WORD}){{0,5}}"
VI_ADDRESS = re.compile(
    rf"(?:Lô|Lot|Số|\d{{1,5}}[A-Z]?(?:/\d{{1,4}})?(?=[ ][A-Z\u00c0-\u024f\u1ea0-\u1ef9]))"
    rf"[ ]?{_VI_PART}(?:,[ ]?{_VI_PART}){{2,6}}"
)
_VI_ADMIN_PART = re.compile(rf",[ ]?{_VI_ADMIN}(?=[ \dA-Z])")


# Vietnamese by its letters (Lô, Nguyễn, Đồng) or, written without marks, by a word no
# English address has (`12 Nguyen Hue, Quan 1, …`); `3 Apples, P. Smith, Q. Lee` is no address
_VI_SURE = re.compile(
    r"[\u00c0-\u024f\u1ea0-\u1ef9]|\b(?:Phuong|Quan|Huyen|Tinh|KCN|KCX|Thanh pho)\b"
)


def _vi_address(m: re.Match[str], text: str) -> Hit | None:
    if not _VI_ADMIN_PART.search(m.group()) or not _VI_SURE.search(m.group()):
        return None
    return Hit("address", m.start(), m.end(), m.group(), 0.8, Validator.FORMAT)


_VI_ADMIN_HS = (
    r"(?:P\.|Ph\?\?ng|X\?|Q\.|Qu\?n|Huy\?n|H\.|TX\.|Th\? x\?|TP\.|Tp\.|Th\?nh ph\?|T\?nh|KCN|KCX)"
)

RULES = (
    Rule(
        "sg_block",
        (r"(?:^|[^A-Za-z0-9])(?:Blk|BLK|Block)\.? ?[0-9]{1,4}[A-Z]? [A-Z0-9]",),
        SG_BLOCK,
        _sg_block,
        lead=True,
    ),
    Rule(
        "vi_address",
        (
            r"(?:^|[^A-Za-z0-9])(?:L\?|Lot|S\?) ?[A-Z0-9]",
            rf"(?:^|[^0-9A-Za-z#\-./])[0-9]{{1,5}}[A-Z]?(?:/[0-9]{{1,4}})? [A-Z?][^\r\n]*,"
            rf" ?{_VI_ADMIN_HS}[ 0-9A-Z]",
        ),
        VI_ADDRESS,
        _vi_address,
        lead=True,
    ),
)
