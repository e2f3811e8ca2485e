"""Corpus 7's devices, places, secrets and look-alikes (the values no checksum governs)."""

from __future__ import annotations

import random
import string

from stdnum.cn import uscc

_OCTETS = "14 27 36 58 59 61 101 110 113 116 119 120 121 183 218 223 84 91 62 185 203"
_FIRST_OCTETS = tuple(_OCTETS.split())


class Extras:
    """Drawn from the corpus's one random generator."""

    def __init__(self, r: random.Random) -> None:
        self.r = r

    def digits(self, n: int, first: str = "0123456789") -> str:
        return self.r.choice(first) + "".join(self.r.choice(string.digits) for _ in range(n - 1))

    def alnum(self, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def plate(self) -> str:
        r = self.r
        prov = r.choice("粤粤粤粤粤粤湘桂赣川鄂闽")
        city = r.choice("EEEEAXYBSTJW") if prov == "粤" else r.choice("ABCD")
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        if r.random() < 0.25:  # new energy, 8 characters
            tail = (
                r.choice("DF") + self.digits(5)
                if r.random() < 0.8
                else self.digits(5) + r.choice("DF")
            )
        else:
            tail = "".join(
                r.choice(letters) if r.random() < 0.3 else r.choice(string.digits) for _ in range(5)
            )
        sep = r.choice(("", "", "·", " ", "-"))
        return f"{prov}{city}{sep}{tail}"

    def ip(self, public: bool | None = None) -> str:
        r = self.r
        if public is None:
            public = r.random() < 0.6
        if r.random() < 0.07:
            groups = [r.randint(0x300, 0x3FF), r.randint(1, 0xFFFF), r.randint(1, 0xFFFF)]
            return "240e:" + ":".join(f"{g:x}" for g in groups) + f"::{r.randint(1, 0xFFF):x}"
        if not public:
            return r.choice(
                (
                    f"192.168.{r.randint(0, 50)}.{r.randint(2, 254)}",
                    f"10.{r.randint(0, 40)}.{r.randint(0, 255)}.{r.randint(2, 254)}",
                    f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(2, 254)}",
                )
            )
        first = int(r.choice(_FIRST_OCTETS))
        return f"{first}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    def coords(self) -> tuple[float, float]:
        r = self.r
        base = r.choice(
            (
                (23.02, 113.12),
                (22.93, 113.21),
                (23.11, 113.32),
                (22.54, 114.06),
                (23.05, 113.75),
                (48.78, 9.18),
                (31.23, 121.47),
            )
        )
        return base[0] + r.uniform(-0.15, 0.15), base[1] + r.uniform(-0.15, 0.15)

    def coords_text(self, lat: float, lng: float) -> str:
        forms = (
            f"{lat:.6f},{lng:.6f}",
            f"{lat:.5f}, {lng:.5f}",
            f"N{lat:.4f} E{lng:.4f}",
            f"{_dms(lat)}N {_dms(lng)}E",
            f"{lat:.6f}°N, {lng:.6f}°E",
        )
        return self.r.choice(forms)

    # --- secrets --------------------------------------------------------------------
    def password(self) -> str:
        r = self.r
        word = r.choice(
            (
                "Foshan",
                "Midea",
                "Welcome",
                "Admin",
                "Shunde",
                "Qwer",
                "Abc",
                "Erp",
                "Kf",
                "Sales",
                "Gd",
                "Summer",
                "Nanhai",
                "zx",
            )
        )
        return r.choice(
            (
                f"{word}@{r.randint(2019, 2026)}",
                f"{word}{r.randint(100, 9999)}!",
                f"{word.lower()}#{r.randint(10, 99)}{self.alnum(2, string.ascii_uppercase)}",
                self.alnum(r.randint(10, 16), string.ascii_letters + string.digits + "!@#$%^*_-"),
                self.alnum(3, string.ascii_uppercase)
                + f"{r.randint(1000, 99999)}{r.choice('!@#$*')}",
            )
        )

    def api_key(self) -> str:  # noqa: PLR0911
        r = self.r
        k = r.randrange(8)
        al = string.ascii_letters + string.digits
        if k == 0:
            return "sk-" + self.alnum(48, al)
        if k == 1:
            return "AKIA" + self.alnum(16, string.ascii_uppercase + "234567")
        if k == 2:
            return "LTAI5t" + self.alnum(18, al)
        if k == 3:
            return "ghp_" + self.alnum(36, al)
        if k == 4:
            return self.alnum(32, "0123456789abcdef")
        if k == 5:
            return self.alnum(40, al + "/+")
        if k == 6:
            return "xoxb-" + self.digits(11) + "-" + self.digits(12) + "-" + self.alnum(24, al)
        return self.jwt()

    def jwt(self) -> str:
        al = string.ascii_letters + string.digits + "-_"
        return (
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            + self.alnum(self.r.randint(60, 120), al)
            + "."
            + self.alnum(43, al)
        )

    # --- look-alikes -------------------------------------------------------------------
    def lookalike(self, kind: str | None = None) -> tuple[str, str]:  # noqa: PLR0911
        """(label text for the line, value): numbers that are no one's personal data."""
        r = self.r
        kinds = (
            "part",
            "version",
            "order",
            "serial",
            "model",
            "invoice",
            "timestamp",
            "tracking",
            "uscc",
            "masked",
            "batch",
            "sku",
        )
        kind = kind or r.choice(kinds)
        y, mo, d = r.choice((2025, 2026)), r.randint(1, 12), r.randint(1, 28)
        if kind == "part":
            return r.choice(("物料编码", "料号", "P/N", "Part No.", "物料号")), r.choice(
                (
                    r.choice(("138", "139", "159", "186")) + self.digits(8),
                    "0757-" + self.digits(4) + "-" + self.digits(3),
                    f"1.{r.randint(1, 9)}.{self.digits(3)}.{self.digits(5)}",
                    self.digits(10, "1"),
                    f"{self.digits(3)}-{self.digits(4)}-{self.digits(4)}",
                )
            )
        if kind == "version":
            return r.choice(("固件版本", "FW", "version", "版本号", "build")), r.choice(
                (
                    f"{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 99)}.{r.randint(1, 250)}",
                    "v"
                    + _dotted(
                        r.randint(1, 5), r.randint(0, 12), r.randint(0, 30), r.randint(100, 255)
                    ),
                    f"10.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(1000, 9999)}",
                )
            )
        if kind == "order":
            return r.choice(("订单号", "PO No.", "销售单号", "Order", "单号")), r.choice(
                (
                    f"PO{y}{mo:02d}{d:02d}{self.digits(4)}",
                    f"SO-{y}{mo:02d}{d:02d}-{self.digits(4)}",
                    f"{y}{mo:02d}{d:02d}{self.digits(8)}",
                    f"4500{self.digits(6)}",
                    self.digits(18, "3"),
                )
            )
        if kind == "serial":
            return r.choice(("SN", "S/N", "序列号", "机身条码", "整机编码")), r.choice(
                (
                    f"FS{y % 100}{mo:02d}{self.alnum(1, 'ABC')}{self.digits(7)}",
                    self.digits(16, "5"),
                    f"{self.alnum(4, string.ascii_uppercase)}{self.digits(12)}",
                    self.digits(22, "3"),
                )
            )
        if kind == "model":
            return r.choice(("型号", "Model", "机型")), r.choice(
                (
                    f"KFR-{r.choice((26, 35, 50, 72))}GW/BP{r.randint(2, 3)}DN8Y-"
                    f"{self.alnum(2, 'PHMXY')}{r.randint(100, 400)}",
                    f"MB-{r.choice(('FS', 'WQ', 'HC'))}{r.randint(3000, 5000)}{r.choice('ABCDEF')}",
                    f"JSQ{r.randint(20, 32)}-{r.randint(12, 16)}HWA",
                    f"E{r.randint(1, 9)}-{self.digits(4)}{r.choice('AB')}",
                )
            )
        if kind == "invoice":
            return r.choice(("发票号码", "Invoice No.", "数电票号码", "发票代码")), r.choice(
                (
                    f"{y % 100}44{self.digits(16)}",
                    f"INV-{y}-{self.digits(6)}",
                    self.digits(8, "0"),
                    "0440" + self.digits(8),
                )
            )
        if kind == "timestamp":
            return r.choice(("ts", "timestamp", "时间戳", "created")), r.choice(
                (
                    str(r.randint(1_733_000_000, 1_800_000_000)),
                    str(r.randint(1_733_000_000_000, 1_800_000_000_000)),
                    f"{y}{mo:02d}{d:02d}"
                    + "".join(f"{r.randint(0, 59) % n:02d}" for n in (24, 60, 60)),
                )
            )
        if kind == "tracking":
            return r.choice(("运单号", "快递单号", "Tracking No.", "AWB")), r.choice(
                (
                    "SF" + self.digits(13, "1"),
                    "YT" + self.digits(13, "2"),
                    "JDVA" + self.digits(11),
                    self.digits(15, "7"),
                    self.digits(12, "7"),
                    f"{self.digits(3)}-{self.digits(8)}",
                )
            )
        if kind == "uscc":
            body = "91" + r.choice(("440604", "440605", "440606", "440607", "440101")) + "MA"
            body += self.alnum(7, string.digits + "ABCDEFGHJKLMNPQRTUWXY")
            return r.choice(
                ("统一社会信用代码", "税号", "纳税人识别号")
            ), body + uscc.calc_check_digit(body)
        if kind == "masked":
            m = r.choice(("138", "139", "135", "186", "159", "177")) + self.digits(8)
            return r.choice(("手机(脱敏)", "联系电话", "mobile_masked", "脱敏")), r.choice(
                (
                    f"{m[:3]}****{m[7:]}",
                    r.choice(("4406", "4401", "4419"))
                    + "*" * 10
                    + self.digits(3)
                    + r.choice("0123456789X"),
                    f"6222 **** **** {self.digits(4)}",
                    f"{m[:3]}*****{m[8:]}",
                )
            )
        if kind == "batch":
            return r.choice(("批号", "Lot", "生产批次")), f"{y}{mo:02d}{d:02d}{self.digits(3)}"
        return r.choice(("SKU", "商品编码", "条码", "EAN")), r.choice(
            (self.digits(13, "6"), self.digits(12, "1"), f"1{self.digits(10)}")
        )


def _dms(x: float) -> str:
    d = int(x)
    m = int((x - d) * 60)
    s = (x - d - m / 60) * 3600
    return f"{d}°{m:02d}'{s:04.1f}\""


def _dotted(*numbers: int) -> str:
    return ".".join(str(n) for n in numbers)
