"""The names of fields that hold a payment card, a national identity number, an IBAN or a
bank account written with its bank's code (issue 18, R2.7): `cc`, `card_number`, 卡号,
`ssn`, `national_id`, `NI number`, 身份证号, 身分證字號, `iban`, `bban`.

A field that says card vouches for a Luhn-valid number whatever its issuer (Maestro's 12
digits, the old JCB 15, a 56… card no issuer rule takes); one that says national identity
for the writings of the countries whose people we see (a US SSN, a UK National Insurance
number, a Taiwan, Hong Kong or Singapore ID). vocabulary.py reads these tables beside its
own; values/numbered.py checks the values.
"""

from __future__ import annotations

from typing import Final

CARD: Final = "card"  # a payment card's number: a credit card unless a bank's word says so
BANK_CARD: Final = "bank_card"  # a bank's (debit) card: 银行卡号, debit_card, bank card no
NATIONAL_ID: Final = "national_id"  # a national identity number (the hit: resident_id)
IBAN: Final = "iban"
_ACCOUNT: Final = "bank_account"  # vocabulary.ACCOUNT (which imports this module)

EN: Final[tuple[tuple[str, str], ...]] = (
    (
        "card no|card number|card num|card nbr|cardno|cardnumber|card pan|"
        "credit card|credit card no|credit card number|creditcard|creditcard number|"
        "payment card|cc number|cc no|cc num|ccnum|ccn|cc nbr|kahao|xykh",
        CARD,
    ),
    (
        "debit card|debit card no|debit card number|bank card|bank card no|bankcard|"
        "bank card number|yhkh|yinhangka|yinhangkahao",
        BANK_CARD,
    ),
    (
        "ssn|social security|social security no|social security number|ss no|ss number|"
        "national id|national id no|national id number|national identity number|"
        "national identification number|nino|ni no|ni number|national insurance|"
        "national insurance no|national insurance number|nric|nric no|hkid|hkid no|"
        "id card|id card no|id card number|identity card|identity card no|"
        "identity card number|identity no|identity number|resident id|citizen id|"
        "sfzh|shenfenzheng|shenfenzhenghao|sfz",
        NATIONAL_ID,
    ),
    ("iban|iban no|iban number|iban code", IBAN),
    ("bban|bban no|basic bank account number", _ACCOUNT),
)
# Whole keys only: `cc` is a card there (`cc=…`), not in `bcc` or a mail's `Cc:` line,
# whose value is no card anyway; `card` and `pan` alone, not a `Warranty Card`, a `frying pan`
# (a word that ends a text table's header would make the lines under it its rows).
WHOLE: Final[dict[tuple[str, ...], str]] = {("cc",): CARD, ("card",): CARD, ("pan",): CARD}

ZH: Final[tuple[tuple[str, str], ...]] = (
    (
        "卡号|信用卡号|卡号码|信用卡號|信用卡卡號|卡號",
        CARD,
    ),
    ("银行卡号|银行卡号码|借记卡号|储蓄卡号|工资卡号|銀行卡號", BANK_CARD),
    (
        # (not 身份证 alone: a word of prose — 请携带身份证 — and a table's header word too
        # readily; a Chinese resident ID under these is found by its check character anyway)
        "身份证号|身份证号码|身份证件号|身份证件号码|公民身份号码|"
        "身份證號|身份證號碼|身分證字號|身分證號|身分證號碼|"
        "社会保障号|社会保障号码|社会安全号码|国民身份号码",
        NATIONAL_ID,
    ),
    ("国际银行账号|国际银行帐号", IBAN),
)

# Words before `card` that make it some other card's number: an identity card is a
# national identity number, a SIM's is an ICCID (Luhn-valid too), a member's the company's.
NOT_CARD_PREFIX: Final = frozenset(
    [
        "sim",
        "member",
        "membership",
        "loyalty",
        "vip",
        "gift",
        "reward",
        "rewards",
        "key",
        "access",
        "library",
        "student",
        "business",
        "health",
        "insurance",
        "medical",
        "social",
        "citizen",
        "resident",
        "sd",
        "memory",
        "graphics",
        "network",
        "sound",
        "video",
        "id",
        "identity",
        "employee",
        "staff",
        "parking",
        "transit",
        "bus",
        "metro",
    ]
)
# ... and in Chinese: 身份证卡号, SIM卡号, 会员卡号 (a NOT_PERSONAL label), 社保卡号, 门禁卡号.
NOT_CARD_ZH: Final = (
    "身份",
    "SIM",
    "sim",
    "会员",
    "社保",
    "医保",
    "就诊",
    "门禁",
    "员工",
    "工作",
    "学生",
    "校园",
    "公交",
    "加油",
    "积分",
    "礼品",
    "购物",
    "电话",
    "手机",
    "物联",
)
