"""Look-alikes (values shaped like personal data that are not) and neutral business text."""

from __future__ import annotations

import random
import string

D = string.digits


def _d(r: random.Random, n: int) -> str:
    return "".join(r.choice(D) for _ in range(n))


def part_number(r: random.Random) -> str:
    """Part numbers, some shaped like phone numbers (11 digits from 13x, dashed 3-4-4)."""
    if r.random() < 0.25:  # the ERP's old 11-digit codes: some read like phone numbers
        return r.choice(
            (
                f"13{r.randrange(0, 10)}{_d(r, 8)}",
                f"15{_d(r, 1)}-{_d(r, 4)}-{_d(r, 4)}",
                f"0757{_d(r, 7)}",
                f"8{_d(r, 3)} {_d(r, 4)} {_d(r, 3)}",
            )
        )
    return r.choice(
        (
            f"HT-{_d(r, 4)}-{_d(r, 3)}{r.choice('ABCR')}",
            f"{r.choice(('VLV', 'PMP', 'MTR', 'BRG'))}{_d(r, 6)}-{_d(r, 2)}",
            f"{r.choice('1234')}{_d(r, 2)}.{_d(r, 3)}.{_d(r, 3)}",
            f"6205-2RS-{_d(r, 3)}",
        )
    )


def version(r: random.Random) -> str:
    """Version strings and firmware builds shaped like IPv4 addresses."""
    return r.choice(
        (
            ".".join(str(r.randrange(n)) for n in (12, 30, 200, 9999)),
            f"v{r.randrange(1, 6)}.{r.randrange(0, 20)}.{r.randrange(0, 99)}.{r.randrange(1, 255)}",
            f"{r.randrange(2, 4)}.{r.randrange(0, 9)}.{r.randrange(0, 9)}",
        )
    )


def order_number(r: random.Random) -> str:
    return r.choice(
        (
            f"PO{r.randrange(2023, 2027)}{_d(r, 8)}",
            f"PO-{r.randrange(2023, 2027)}-{_d(r, 4)}-{_d(r, 4)}",
            f"SO{_d(r, 12)}",
            f"XS-{_d(r, 6)}",
            f"{r.randrange(2023, 2027)}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}{_d(r, 6)}",
            f"CG{_d(r, 10)}",
        )
    )


def serial(r: random.Random) -> str:
    return r.choice(
        (
            f"SN{r.randrange(20, 26)}{r.randrange(1, 13):02d}FS{_d(r, 7)}",
            f"{_d(r, 4)}{r.choice(string.ascii_uppercase)}{_d(r, 9)}",
            f"HT{_d(r, 16)}",
            _d(r, 18),  # 18 digits, like a resident ID without a valid check
        )
    )


def model_number(r: random.Random) -> str:
    return r.choice(
        (
            f"HT-{r.randrange(1000, 9999)}{r.choice(('', 'A', 'E', 'Pro'))}",
            f"MD{r.randrange(100, 999)}-{r.choice('XYZ')}{r.randrange(1, 9)}",
            f"GZ{_d(r, 3)}-{_d(r, 2)}",
            f"E{_d(r, 8)}",  # shaped like a CN passport
        )
    )


def invoice_number(r: random.Random) -> str:
    return r.choice(
        (
            _d(r, 8),
            f"{r.randrange(24, 27)}44{_d(r, 16)}",  # 20-digit fully digital e-invoice
            f"INV-{r.randrange(2023, 2027)}-{_d(r, 5)}",
            f"044{_d(r, 9)}",
        )
    )


def tracking(r: random.Random) -> str:
    return r.choice(
        (
            f"SF{_d(r, 13)}",
            f"YT{_d(r, 13)}",
            f"JD{_d(r, 13)}",
            f"7{_d(r, 11)}",
            f"1Z{_d(r, 3)}{''.join(r.choice(string.ascii_uppercase) for _ in range(3))}{_d(r, 10)}",
            _d(r, 10),  # DHL AWB
        )
    )


def timestamp(r: random.Random) -> str:
    y, m, d = r.randrange(2024, 2027), r.randrange(1, 13), r.randrange(1, 29)
    h, mi, s = r.randrange(24), r.randrange(60), r.randrange(60)
    return r.choice(
        (
            f"{y}{m:02d}{d:02d}{h:02d}{mi:02d}{s:02d}",
            str(1_700_000_000 + r.randrange(80_000_000)),
            str(1_700_000_000_000 + r.randrange(80_000_000_000)),
        )
    )


def amount(r: random.Random) -> str:
    v = r.randrange(1000, 99_999_999) / 100
    return r.choice((f"¥{v:,.2f}", f"{v:.2f}", f"RMB {v:,.2f}", f"USD {v:,.2f}", f"{v:,.2f}元"))


def credit_code(r: random.Random) -> str:
    """Unified social credit code of a company (18 characters, not personal)."""
    pool = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return "9144" + r.choice(("0604", "0605", "0606")) + "".join(r.choice(pool) for _ in range(10))


def commit_hash(r: random.Random) -> str:
    return "".join(r.choice("0123456789abcdef") for _ in range(r.choice((7, 40))))


def ymd(r: random.Random, first: int = 2024, last: int = 2026, sep: str = "-") -> str:
    """A business date (orders, tickets, start dates): never labelled."""
    return (
        f"{r.randrange(first, last + 1)}{sep}{r.randrange(1, 13):02d}{sep}{r.randrange(1, 29):02d}"
    )


def hms(r: random.Random) -> str:
    return f"{r.randrange(24):02d}:{r.randrange(60):02d}:{r.randrange(60):02d}"


def lookalike(r: random.Random) -> str:
    return r.choice(
        (
            part_number,
            version,
            order_number,
            serial,
            model_number,
            invoice_number,
            tracking,
            timestamp,
            credit_code,
        )
    )(r)


PRODUCTS = (
    ("不锈钢球阀 DN50", "Stainless ball valve DN50"),
    ("铝合金压铸壳体", "Die-cast aluminium housing"),
    ("离心泵叶轮", "Centrifugal pump impeller"),
    ("伺服电机 1.5kW", "Servo motor 1.5 kW"),
    ("陶瓷密封环", "Ceramic seal ring"),
    ("电磁阀线圈 AC220V", "Solenoid coil AC220V"),
    ("变频器控制板", "Inverter control board"),
    ("深沟球轴承 6205-2RS", "Deep-groove bearing 6205-2RS"),
    ("热水器温控器", "Water heater thermostat"),
    ("燃气灶点火针", "Gas hob ignition pin"),
)

NEUTRAL_ZH = (
    "本批次产品已按GB/T 1234-2018完成出厂检验，外观、尺寸及气密性均符合要求。",
    "请各部门于本周五前提交下月物料需求计划，逾期将顺延至下一采购周期。",
    "三号线冲压设备计划于周六停机保养，期间订单排产顺延两天。",
    "仓库盘点结果与系统账面一致，差异率低于0.3%。",
    "由于原材料铝锭价格上涨，二季度报价将统一上调约4%。",
    "质量部提醒：来料检验发现个别批次表面划痕，已要求供应商整改。",
    "售后政策：整机保修一年，核心部件保修三年，人为损坏不在保修范围内。",
    "新版ERP将于下月上线，届时旧系统只读，请提前导出历史数据。",
)
NEUTRAL_EN = (
    "All shipments are packed in export cartons on fumigated pallets, max. 1,000 kg per pallet.",
    "Payment terms: 30% T/T in advance, balance against copy of B/L.",
    "The salt spray test passed 480 hours without red rust on the coated samples.",
    "Lead time for the next batch is 35 days after drawing approval.",
    "Please note the factory will be closed for the Spring Festival holiday.",
    "Tolerance on all machined surfaces is ±0.05 mm unless stated otherwise.",
    "The revised quotation reflects the new aluminium surcharge and the updated HS code.",
    "Incoterms 2020 FOB Shenzhen; partial shipments allowed, transshipment not allowed.",
)


def neutral(r: random.Random, n: int = 2) -> str:
    pool = NEUTRAL_ZH + NEUTRAL_EN
    return "\n".join(r.choice(pool) for _ in range(n))
