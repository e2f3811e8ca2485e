"""Package writer benchmark (issue 5, R4.1/R4.2): `ZipPackageWriter` on a subject with
10,000 items, against a baseline measured in the same process.

The baseline is the least any writer could do: one `json.dumps` of the same items as
ready-made dicts (built before the clock starts). Ours builds package.json, four CSV files,
the README and the HTML page from the domain objects, and deflates them into a zip; the
page is also timed on its own, as is the portability export. The parts of the zip are then
timed one by one, so a regression points at its cause.

Values are varied (random Chinese names and addresses, emails, phone numbers, order
numbers) so deflate works on realistic text rather than repeats. Each measure is the best
and the median of RUNS runs after a warm-up, garbage collector on (as in service). Only
the writer is timed here: decryption and the database are the full path's share of the
issue's 2 s target, measured with the service.

`python -m bench requests_package` (or `python -m bench.requests_package [N]`) prints JSON.
"""

from __future__ import annotations

import io
import json
import os
import random
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bench.common import machine
from piiguard.adapters import package_files as files
from piiguard.adapters import package_page as page
from piiguard.adapters import packages as writer_module
from piiguard.adapters.packages import ZipPackageWriter
from piiguard.domain.rights.packages import (
    AccessPackage,
    PackageConsent,
    PackageItem,
    PackageRecipient,
    PackageRestriction,
)

SEED = 5
N_ITEMS = int(os.environ.get("BENCH_PACKAGE_N", "10000"))
RUNS = 7
NOW = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
TARGET_WRITER_S = 0.5  # our own share of the 2 s (decryption + writer)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"
CITIES = (
    "北京市朝阳区",
    "上海市浦东新区",
    "广州市天河区",
    "深圳市南山区",
    "杭州市西湖区",
    "成都市武侯区",
    "南京市鼓楼区",
    "武汉市洪山区",
)
STREETS = ("建国路", "世纪大道", "天河路", "科技园南路", "文三路", "人民南路", "中山路")
PURPOSES = ("after_sales", "order_fulfilment", "invoicing", "marketing", "legal_compliance")
CHANNELS = ("web", "email", "phone", "purchase_order", "business_event", "third_party")
BASES = ("contract", "consent", "legal_obligation", "legitimate_interest")
SYSTEMS = ("crm", "erp", "shop", "support", "billing")


def _categories(rng: random.Random) -> list[tuple[str, str, str, Callable[[], str | None]]]:
    def name() -> str:
        return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))

    return [
        ("user.name", "Name", "姓名", name),
        (
            "user.contact.email",
            "Email",
            "电子邮箱",
            lambda: f"user{rng.randrange(10**7)}@example{rng.randrange(50)}.cn",
        ),
        (
            "user.contact.phone_number",
            "Phone",
            "电话号码",
            lambda: f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
        ),
        (
            "user.contact.address",
            "Address",
            "地址",
            lambda: (
                f"{rng.choice(CITIES)}{rng.choice(STREETS)}{rng.randrange(1, 999)}号"
                f"{rng.randrange(1, 30)}栋{rng.randrange(101, 2999)}室"
            ),
        ),
        (
            "user.behavior.purchase_history",
            "Purchase history",
            "购买记录",
            lambda: (
                f"订单 SO-{rng.randrange(10**8):08d}，金额 ¥{rng.randrange(100, 99999)}.00，"
                f"商品：{name()}定制款 ×{rng.randrange(1, 9)}"
            ),
        ),
        (
            "user.device.ip_address",
            "IP address",
            "IP 地址",
            lambda: ".".join(str(rng.randrange(256)) for _ in range(4)),
        ),
        ("user.unique_id", "Customer number", "客户编号", lambda: f"C{rng.randrange(10**10):010d}"),
        ("user.authorization.credentials.password", "Password", "密码", lambda: None),
    ]


def build_package(n: int, *, seed: int = SEED) -> AccessPackage:
    rng = random.Random(seed)
    cats = _categories(rng)
    weights = [15, 10, 10, 10, 45, 6, 3, 1]
    items = []
    for i in range(n):
        key, en, zh, make = rng.choices(cats, weights)[0]
        collected = NOW - timedelta(seconds=rng.randrange(4 * 365 * 86400))
        items.append(
            PackageItem(
                item_id=f"01J{i:023d}",
                category=key,
                category_name_en=en,
                category_name_zh=zh,
                value=make(),
                channel=rng.choice(CHANNELS),
                legal_basis=rng.choice(BASES),
                source_system=rng.choice(SYSTEMS),
                held_in="vault",
                collected_at=collected,
                last_confirmed_at=collected + timedelta(days=rng.randrange(300)),
                purposes=tuple(sorted(rng.sample(PURPOSES, rng.randint(1, 3)))),
                retain_until=date(2026 + rng.randrange(10), 1, 1) if rng.random() < 0.9 else None,
                provided_by_subject=rng.random() < 0.4,
            )
        )
    recipients = tuple(
        PackageRecipient(
            s,
            s.upper(),
            rng.choice(("CN", "CN", "HK", "DE")),
            rng.choice(PURPOSES),
            tuple(c[0] for c in rng.sample(cats[:6], 3)),
            NOW - timedelta(days=rng.randrange(700)),
        )
        for s in rng.choices(SYSTEMS, k=40)
    )
    consents = tuple(
        PackageConsent(
            p,
            "general",
            NOW - timedelta(days=400),
            NOW - timedelta(days=3) if p == "marketing" else None,
        )
        for p in PURPOSES
    )
    restrictions = (PackageRestriction("objection", "marketing", NOW - timedelta(days=3), None),)
    return AccessPackage(
        "req-bench",
        "sub-bench",
        NOW,
        "zh",
        "示例贸易有限公司",
        "dec-bench",
        tuple(items),
        recipients,
        consents,
        restrictions,
    )


def baseline_dicts(p: AccessPackage) -> list[dict[str, Any]]:
    return [
        {
            "item_id": i.item_id,
            "category": i.category,
            "value": i.value,
            "channel": i.channel,
            "legal_basis": i.legal_basis,
            "source_system": i.source_system,
            "held_in": i.held_in,
            "collected_at": i.collected_at.isoformat(),
            "last_confirmed_at": i.last_confirmed_at.isoformat(),
            "purposes": list(i.purposes),
            "retain_until": i.retain_until.isoformat() if i.retain_until else None,
            "provided_by_subject": i.provided_by_subject,
        }
        for i in p.items
    ]


def clock(fn: Callable[[], object], runs: int = RUNS) -> dict[str, float]:
    fn()  # warm-up (first render fills Jinja's and the csv module's caches)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return {
        "best_ms": round(min(times) * 1000, 1),
        "median_ms": round(statistics.median(times) * 1000, 1),
    }


def main(n: int = N_ITEMS) -> dict[str, object]:
    w = ZipPackageWriter()
    p = build_package(n)
    dicts = baseline_dicts(p)
    m = writer_module
    flat = files.flatten(p.items)
    html = page.render(p, flat).encode("utf-8")
    package_json, items_csv = files.package_json(p, flat), files.items_csv(flat)
    stamp = p.generated_at

    zipped = w.access_zip(p)
    sizes = {
        i.filename: [i.file_size, i.compress_size]
        for i in zipfile.ZipFile(io.BytesIO(zipped)).infolist()
    }
    results: dict[str, Any] = {
        "baseline_json_dumps": clock(lambda: json.dumps(dicts, ensure_ascii=False)),
        "access_zip": clock(lambda: w.access_zip(p)),
        "access_html": clock(lambda: w.access_html(p)),
        "portability_json": clock(lambda: w.portability_json(p)),
        "parts": {
            "flatten": clock(lambda: files.flatten(p.items)),
            "package_json": clock(lambda: files.package_json(p, flat)),
            "items_csv": clock(lambda: files.items_csv(flat)),
            "render_html": clock(lambda: page.render(p, flat)),
            "deflate_zip": clock(
                lambda: m._zip(
                    [
                        ("access.html", html),
                        ("package.json", package_json),
                        ("items.csv", items_csv),
                    ],
                    stamp,
                )
            ),
        },
    }
    zip_s = results["access_zip"]["median_ms"] / 1000
    summary: dict[str, object] = {
        "bench": "requests_package",
        "machine": machine(),
        "load": os.getloadavg(),
        "items": n,
        "runs": RUNS,
        "results": results,
        "zip_bytes": len(zipped),
        "entries_bytes_raw_compressed": sizes,
        "ratio_zip_over_baseline": round(
            results["access_zip"]["median_ms"] / results["baseline_json_dumps"]["median_ms"], 1
        ),
        "target_writer_s": TARGET_WRITER_S,
        "writer_target_met": zip_s < TARGET_WRITER_S,
        "deterministic": w.access_zip(p) == zipped,
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return summary


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else N_ITEMS)
