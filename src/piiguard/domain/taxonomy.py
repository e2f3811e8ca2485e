"""Data categories (R2.1, R5.5): dotted keys compatible with fideslang's `user.*` vocabulary,
extended with what the policy and China's PIPL treat as sensitive, each with a tier.

A child category is never less sensitive than its parent. Company categories extend the
tree (adapters/taxonomy_file.py reads them from YAML); they may add, never weaken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

from piiguard.domain.errors import InvalidInput, UnknownCategory

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")


class Tier(StrEnum):
    ORDINARY = "ordinary"
    SENSITIVE = "sensitive"


class Lookup(StrEnum):
    """How values of a category are normalised before the blind index sees them."""

    NONE = "none"
    EMAIL = "email"
    PHONE = "phone"
    IDENTIFIER = "identifier"  # ID card, passport, card and account numbers


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    name: str
    name_zh: str
    tier: Tier = Tier.ORDINARY
    description: str = ""
    lookup: Lookup = Lookup.NONE
    credential: bool = False  # stored only as an argon2id hash, never readable
    origin: str = "fideslang"  # fideslang | piiguard | company

    @property
    def parent(self) -> str | None:
        return self.key.rsplit(".", 1)[0] if "." in self.key else None

    @property
    def sensitive(self) -> bool:
        return self.tier is Tier.SENSITIVE


S = Tier.SENSITIVE
_F, _P = "fideslang", "piiguard"

BUILTIN_CATEGORIES: tuple[Category, ...] = (
    Category("user", "User data", "用户数据"),
    Category("user.name", "Name", "姓名"),
    Category("user.name.first", "First name", "名"),
    Category("user.name.last", "Last name", "姓"),
    Category("user.contact", "Contact data", "联系方式"),
    Category("user.contact.email", "Email address", "电子邮箱", lookup=Lookup.EMAIL),
    Category("user.contact.phone_number", "Phone number", "电话号码", lookup=Lookup.PHONE),
    Category("user.contact.fax_number", "Fax number", "传真号码", lookup=Lookup.PHONE),
    Category("user.contact.address", "Postal address", "通讯地址"),
    Category("user.contact.address.street", "Street", "街道"),
    Category("user.contact.address.city", "City", "城市"),
    Category("user.contact.address.state", "Province or state", "省份"),
    Category("user.contact.address.postal_code", "Postal code", "邮政编码"),
    Category("user.contact.address.country", "Country", "国家"),
    Category("user.contact.organization", "Organisation", "所在单位"),
    Category("user.job_title", "Job title", "职务"),
    Category("user.workplace", "Workplace", "工作地点"),
    Category("user.government_id", "Government ID", "证件信息", S),
    Category(
        "user.government_id.national_identification_number",
        "National ID number (CN resident ID card)",
        "居民身份证号码",
        S,
        lookup=Lookup.IDENTIFIER,
    ),
    Category(
        "user.government_id.passport_number",
        "Passport number",
        "护照号码",
        S,
        lookup=Lookup.IDENTIFIER,
    ),
    Category(
        "user.government_id.drivers_license_number",
        "Driving licence number",
        "驾驶证号码",
        S,
        lookup=Lookup.IDENTIFIER,
    ),
    Category(
        "user.government_id.vehicle_registration",
        "Vehicle licence plate",
        "车牌号码",
        lookup=Lookup.IDENTIFIER,
    ),
    Category(
        "user.government_id.immigration", "Immigration or residence permit", "出入境及居留证件", S
    ),
    Category("user.financial", "Financial data", "财务信息", S),
    Category(
        "user.financial.bank_account",
        "Bank account number",
        "银行账号",
        S,
        lookup=Lookup.IDENTIFIER,
    ),
    Category(
        "user.financial.credit_card", "Payment card number", "银行卡号", S, lookup=Lookup.IDENTIFIER
    ),
    Category("user.financial.salary", "Salary and income", "薪资收入", S, origin=_P),
    Category("user.location", "Location", "位置信息"),
    Category("user.location.imprecise", "Imprecise location (>500 m)", "粗略位置"),
    Category("user.location.precise", "Precise location (<500 m)", "精确位置（行踪轨迹）", S),
    Category("user.device", "Device data", "设备信息"),
    Category("user.device.ip_address", "IP address", "IP地址"),
    Category("user.device.device_id", "Device identifier", "设备标识"),
    Category("user.device.cookie_id", "Cookie identifier", "Cookie标识"),
    Category("user.demographic", "Demographic data", "人口统计信息"),
    Category("user.demographic.date_of_birth", "Date of birth", "出生日期"),
    Category("user.demographic.gender", "Gender", "性别"),
    Category("user.demographic.language", "Language", "语言"),
    Category("user.childrens", "Data of a minor (under 14)", "不满十四周岁未成年人信息", S),
    Category("user.health_and_medical", "Health and medical data", "医疗健康信息", S),
    Category("user.biometric", "Biometric data", "生物识别信息", S),
    Category("user.demographic.religious_belief", "Religious belief", "宗教信仰", S),
    Category("user.authorization", "Authorisation data", "授权信息", S),
    Category("user.authorization.credentials", "Credentials", "账户凭证", S, credential=True),
    Category("user.authorization.credentials.password", "Password", "密码", S, credential=True),
    Category("user.account", "Account data", "账户信息"),
    Category("user.account.username", "User name", "用户名"),
    Category("user.behavior", "Behaviour", "行为信息"),
    Category("user.behavior.purchase_history", "Purchase history", "购买记录"),
    Category("user.content", "Content provided", "用户提供的内容"),
    Category("user.content.private", "Private messages and notes", "私人通信内容"),
)


@dataclass(frozen=True)
class Taxonomy:
    """The category tree. Immutable: extending returns a new taxonomy."""

    _by_key: dict[str, Category] = field(default_factory=dict)

    @classmethod
    def build(cls, categories: Iterable[Category]) -> Taxonomy:
        return cls().extend(categories)

    @classmethod
    def default(cls) -> Taxonomy:
        return cls.build(BUILTIN_CATEGORIES)

    def extend(self, categories: Iterable[Category]) -> Taxonomy:
        """Add categories (parents before children). Children inherit a sensitive tier and
        credential flag; redefining an existing key may only make it stricter."""
        by_key = dict(self._by_key)
        for cat in categories:
            if not KEY_PATTERN.match(cat.key):
                raise InvalidInput(
                    f"category key {cat.key!r} is not a dotted snake_case key", field="key"
                )
            parent = by_key.get(cat.parent) if cat.parent else None
            if cat.parent and parent is None:
                raise UnknownCategory(
                    f"category {cat.key!r}: parent {cat.parent!r} is unknown", field="key"
                )
            new = cat
            if parent is not None and parent.sensitive and not cat.sensitive:
                new = replace(new, tier=Tier.SENSITIVE)
            if parent is not None and parent.credential and not cat.credential:
                new = replace(new, credential=True)
            old = by_key.get(cat.key)
            if old is not None and old.sensitive and not new.sensitive:
                raise InvalidInput(
                    f"category {cat.key!r} is sensitive and cannot be made ordinary", field="tier"
                )
            if old is not None and old.credential and not new.credential:
                raise InvalidInput(
                    f"category {cat.key!r} holds credentials, which are never stored readably",
                    field="key",
                )
            by_key[cat.key] = new
        return Taxonomy(by_key)

    def get(self, key: str) -> Category:
        try:
            return self._by_key[key]
        except KeyError:
            raise UnknownCategory(f"unknown data category {key!r}", field="category") from None

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[Category]:
        return iter(sorted(self._by_key.values(), key=lambda c: c.key))

    def __len__(self) -> int:
        return len(self._by_key)

    def children(self, key: str) -> list[Category]:
        return [c for c in self if c.parent == key]

    def is_within(self, key: str, ancestor: str) -> bool:
        """True when `key` is `ancestor` or lies below it in the tree."""
        return key == ancestor or key.startswith(ancestor + ".")
