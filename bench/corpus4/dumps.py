"""JSON database dumps: document stores' exports (one document a line, or an array), an
SQL client's export of tables, API snapshots; nested objects and arrays, keys in
snake_case, camelCase, PascalCase or Chinese."""

# ruff: noqa: PLR0912 - a template picks one of many layouts: one return each

from __future__ import annotations

import json
from dataclasses import dataclass
from random import Random
from typing import Any

from bench.corpus4 import numbers as n
from bench.corpus4 import parts
from bench.corpus4 import people as pp
from bench.corpus4.doc import Doc, F, Piece, V


@dataclass(frozen=True, slots=True)
class S:
    """A string value made of pieces (some of them labelled)."""

    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class Raw:
    """Pieces written as they are (a number, an array of numbers)."""

    pieces: tuple[Piece, ...]


def _escape(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _emit(d: Doc, value: Any, indent: int | None, depth: int) -> None:
    pad = "" if indent is None else "\n" + " " * (indent * (depth + 1))
    end = "" if indent is None else "\n" + " " * (indent * depth)
    colon, comma = (": ", ", ") if indent is None else (": ", ",")
    if isinstance(value, dict):
        if not value:
            d.put("{}")
            return
        d.put("{")
        for k, (key, item) in enumerate(value.items()):
            d.put(pad, json.dumps(key, ensure_ascii=False), colon)
            _emit(d, item, indent, depth + 1)
            if k < len(value) - 1:
                d.put(comma)
        d.put(end, "}")
    elif isinstance(value, list):
        d.put("[")
        for k, item in enumerate(value):
            d.put(pad)
            _emit(d, item, indent, depth + 1)
            if k < len(value) - 1:
                d.put(comma)
        d.put(end if value else "", "]")
    elif isinstance(value, S):
        d.put('"', *(_escape(p) if isinstance(p, str) else p for p in value.pieces), '"')
    elif isinstance(value, Raw):
        d.put(*value.pieces)
    elif isinstance(value, tuple):
        if _escape(value[1]) != value[1]:
            raise ValueError(f"a {value[0]} value would be escaped in JSON")
        d.put('"', value, '"')
    else:
        d.put(json.dumps(value, ensure_ascii=False))


def _key(style: str, snake: str) -> str:
    if style == "snake":
        return snake
    words = snake.split("_")
    if style == "camel":
        return words[0] + "".join(w.title() for w in words[1:])
    return "".join(w.title() for w in words)


def _stored_mobile(rng: Random) -> Any:
    """A mobile number as a column stores it: text, or a number (BIGINT)."""
    if rng.random() < 0.3:
        return Raw((V("phone", n.mobile(rng)),))
    return V("phone", n.mobile(rng))


def _customer(rng: Random, style: str, zh_keys: bool) -> dict[str, Any]:
    p = pp.person(rng, 0.1)

    def k(snake: str) -> str:
        return _key(style, snake)

    day = pp.business_day(rng)
    rec: dict[str, Any] = {}
    if rng.random() < 0.4:
        rec["_id"] = {"$oid": n.token(rng, 24, n.HEX)}
    else:
        rec[k("customer_id")] = rng.randint(100000, 999999)
    if zh_keys:
        rec["姓名"] = V("person_name", p.full)
        rec["手机号"] = _stored_mobile(rng)
        rec["证件号码"] = V("resident_id", n.resident_id(rng))
        rec["收货地址"] = V("address", pp.address_cn(rng, True))
        rec["备注"] = S(
            (
                "联系人",
                V("person_name", pp.person(rng, 0.0).full),
                "，",
                *parts.business_lookalike(rng, day),
            )
        )
        return rec
    name: Any = V("person_name", p.full)
    if rng.random() < 0.4:
        name = {
            k("first_name"): V("person_name", p.given),
            k("last_name"): V("person_name", p.surname),
        }
    rec[k("name")] = name
    contact: dict[str, Any] = {
        k("mobile"): V("phone", n.mobile_written(rng))
        if rng.random() < 0.3
        else _stored_mobile(rng)
    }
    if rng.random() < 0.7:
        contact[k("email")] = V("email", pp.email(rng, p))
    if rng.random() < 0.3:
        contact[k("phones")] = [V("phone", n.landline(rng)), V("phone", n.mobile(rng))]
    rec[k("contact")] = contact
    if rng.random() < 0.5:
        rec[k("birth_date") if rng.random() < 0.5 else "dob"] = V(
            "date_of_birth", f"{n.birth(rng):%Y-%m-%d}"
        )
    if rng.random() < 0.35:
        rec[k("id_card_no")] = V("resident_id", n.resident_id(rng))
    rec[k("addresses")] = [
        {
            k("type"): rng.choice(("home", "shipping", "billing")),
            k("full_address"): V(
                "address", pp.address_cn(rng) if p.chinese else pp.address_en(rng)
            ),
            k("postcode"): rng.choice(("528300", "528200", "528000", "510620")),
        }
        for _ in range(rng.randint(1, 2))
    ]
    if rng.random() < 0.4:
        lat, lon = n.coordinates(rng, rng.random() < 0.2)
        if rng.random() < 0.5:
            rec[k("geo")] = {
                "type": "Point",
                "coordinates": Raw(("[", V("coordinates", f"{lon:.6f}, {lat:.6f}"), "]")),
            }
        else:
            rec[k("location")] = V("coordinates", f"{lat:.5f},{lon:.5f}")
    rec[k("orders")] = [
        {
            k("order_no"): F(n.id_lookalike(rng) if rng.random() < 0.4 else n.order_no(rng, day)),
            k("created_at"): F(
                f"{pp.business_day(rng):%Y-%m-%d}T{rng.randint(0, 23):02d}:15:00+08:00"
            ),
            k("sku"): F(n.sku(rng)),
            k("qty"): rng.randint(1, 9),
            k("amount"): float(n.money(rng, 10, 9000).replace(",", "")),
        }
        for _ in range(rng.randint(0, 3))
    ]
    if rng.random() < 0.12:
        rec[k("payment")] = {
            k("method"): "card",
            k("card_number"): V("credit_card", n.credit_card(rng))
            if rng.random() < 0.5
            else V("bank_card", n.bank_card(rng)),
            k("masked"): F(n.masked_card(rng)),
        }
    if rng.random() < 0.3:
        rec[k("last_login_ip")] = V(
            "ip_address", n.ipv4(rng) if rng.random() < 0.8 else n.ipv6(rng)
        )
    if rng.random() < 0.08:
        rec[k("vehicle")] = {
            k("plate_no"): V("licence_plate", n.plate(rng)),
            k("model"): F(n.model(rng)),
        }
    rec[k("app_version")] = F(n.version(rng))
    rec[k("updated_at")] = (
        F(f"{pp.business_day(rng):%Y-%m-%d %H:%M:%S}")
        if rng.random() < 0.5
        else rng.randint(1704067200, 1780000000)
    )
    return rec


def _config(rng: Random) -> dict[str, Any]:
    pw, user = n.password(rng), rng.choice(("erp", "crm_app", "root", "svc_mes"))
    host = n.ipv4(rng, True)
    kind, key = n.secret(rng)
    return {
        "service": rng.choice(("crm-sync", "mes-gateway", "wecom-bot", "after-sales-api")),
        "version": F(n.version(rng)),
        "database": {
            "url": S(
                (
                    f"mysql://{user}:",
                    V("secret", pw),
                    "@",
                    V("ip_address", host),
                    f":3306/{user}_prod",
                )
            ),
            "pool": rng.randint(5, 50),
        },
        "credentials": {f"{kind}_key": V("secret", key), "region": "cn-shenzhen"},
        "build": {"commit": F(n.sha(rng)), "checksum": F(n.trace_id(rng))},
        "admins": [
            V("email", pp.email(rng, pp.person(rng), True)) for _ in range(rng.randint(1, 3))
        ],
    }


_STYLES = ("snake", "camel", "pascal")


def make(rng: Random) -> tuple[Doc, str, str]:
    d = Doc()
    shape = rng.randrange(10)
    style = rng.choice(_STYLES)
    zh = rng.random() < 0.15
    if shape < 3:  # one document a line
        for _ in range(rng.randint(3, 14)):
            _emit(d, _customer(rng, style, zh), None, 0)
            d.put("\n")
        return d, "json", "utf-8"
    if shape < 5:  # an SQL client's export
        rows = [_customer(rng, style, zh) for _ in range(rng.randint(2, 8))]
        dump = [
            {
                "type": "header",
                "version": F(n.version(rng)),
                "comment": "Export to JSON plugin for PHPMyAdmin",
            },
            {"type": "database", "name": "crm_prod"},
            {
                "type": "table",
                "name": rng.choice(("customers", "members", "warranty_reg")),
                "database": "crm_prod",
                "data": rows,
            },
        ]
        _emit(d, dump, 4, 0)
    elif shape < 9:
        body: Any = [_customer(rng, style, zh) for _ in range(rng.randint(2, 7))]
        if rng.random() < 0.5:
            body = {
                "code": 0,
                "msg": "success",
                "data": {"total": rng.randint(10, 9000), "list": body},
            }
        _emit(d, body, rng.choice((2, 4)), 0)
    else:
        _emit(d, _config(rng), 2, 0)
    d.put("\n")
    return d, "json", "utf-8"
