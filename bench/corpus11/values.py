"""Values as the people of a Foshan appliance maker write them, and look-alikes of them."""

from __future__ import annotations

import base64
import json
import random
import string

import phonenumbers
from stdnum import luhn
from stdnum.cn import ric

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃戴莫孔汤麦区冼岑甘植"
)
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "慕容", "司徒", "令狐"]
GIVEN1 = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛超霞婷斌鹏辉玲燕琳颖锋欣晖炜")
GIVEN2 = [
    "秀英",
    "桂英",
    "建华",
    "志强",
    "晓东",
    "俊杰",
    "嘉欣",
    "子轩",
    "梓涵",
    "雨桐",
    "浩然",
    "思琪",
    "家豪",
    "咏诗",
    "锦荣",
    "永康",
    "慧敏",
    "振宇",
    "婉婷",
    "国栋",
    "丽萍",
    "少华",
    "泽楷",
    "玉珍",
    "卓霖",
    "宛如",
    "凯文",
    "嘉怡",
    "树森",
    "美玲",
]
PY_SUR = [
    "Zhang",
    "Wang",
    "Li",
    "Liu",
    "Chen",
    "Huang",
    "Zhou",
    "Wu",
    "Xu",
    "Sun",
    "Guo",
    "Lin",
    "Luo",
    "Liang",
    "Xie",
    "Tang",
    "Feng",
    "Deng",
    "Cao",
    "Peng",
    "Zeng",
    "Xiao",
    "Pan",
    "Du",
    "Ye",
    "Su",
    "Lyu",
    "Tan",
    "Ouyang",
    "Situ",
    "Mai",
    "Chan",
    "Wong",
    "Leung",
    "Ng",
    "Cheung",
]
PY_GIVEN = [
    "Wei",
    "Fang",
    "Min",
    "Jing",
    "Qiang",
    "Lei",
    "Xiaodong",
    "Jianhua",
    "Zhiqiang",
    "Guiying",
    "Xiulan",
    "Jiaxin",
    "Haoran",
    "Siqi",
    "Zixuan",
    "Yutong",
    "Junjie",
    "Ka Wai",
    "Tai Man",
    "Wing Yan",
    "Hoi Ying",
    "Mingyu",
    "Yifan",
    "Ruoxi",
    "Shuang",
    "Kaiwen",
]
WEST_FIRST = [
    "Sarah",
    "Michael",
    "Anna",
    "Thomas",
    "Laura",
    "Daniel",
    "Julia",
    "Marco",
    "Elena",
    "Priya",
    "Ahmed",
    "Olga",
    "Lukas",
    "Sofia",
    "Kevin",
    "Emily",
    "Hans",
    "Fatima",
    "Pierre",
    "Ingrid",
    "Rahul",
    "Chloe",
    "Mateus",
    "Yuki",
    "Carlos",
    "Hannah",
]
WEST_LAST = [
    "Müller",
    "Schmidt",
    "Rossi",
    "Garcia",
    "Johnson",
    "Nguyen",
    "Kumar",
    "Novak",
    "Jensen",
    "Okafor",
    "Silva",
    "Dubois",
    "Kowalski",
    "O'Brien",
    "Fischer",
    "Tanaka",
    "Andersson",
    "Haddad",
    "Moreau",
    "Petrov",
    "Walsh",
    "van Dijk",
    "Costa",
    "Weber",
]
AREAS = [
    "440604",
    "440605",
    "440606",
    "440607",
    "440608",
    "440103",
    "440106",
    "440111",
    "440304",
    "440305",
    "441302",
    "440402",
    "450102",
    "430102",
    "360102",
    "510104",
    "420102",
    "350203",
    "310104",
    "110105",
    "320106",
    "130102",
    "411302",
    "441502",
]
STREETS = [
    "凤山中路",
    "南海大道北",
    "桂澜北路",
    "大良新桂路",
    "容桂大道",
    "季华五路",
    "岭南大道",
    "佛山大道中",
    "汾江中路",
    "天河路",
    "深南大道",
    "中山五路",
    "北京路",
    "人民南路",
]
DISTRICTS = [
    ("佛山市", "顺德区", "大良街道"),
    ("佛山市", "南海区", "桂城街道"),
    ("佛山市", "禅城区", "祖庙街道"),
    ("佛山市", "顺德区", "北滘镇"),
    ("佛山市", "三水区", "西南街道"),
    ("广州市", "天河区", "石牌街道"),
    ("深圳市", "南山区", "粤海街道"),
    ("中山市", "小榄镇", ""),
    ("江门市", "蓬江区", ""),
]
ESTATES = [
    "华康花园",
    "碧桂园",
    "保利中央公馆",
    "美的君兰",
    "万科金色家园",
    "怡翠玫瑰园",
    "星汇云锦",
]
FOREIGN_ADDR = [
    "Hauptstraße {n}, 70173 Stuttgart, Germany",
    "{n} Harbour Road, Wan Chai, Hong Kong",
    "Flat {f}B, {n}/F, Tower 2, Laguna City, Kwun Tong, Kowloon",
    "{n} Rue de Rivoli, 75001 Paris, France",
    "{n} Collins Street, Melbourne VIC 3000, Australia",
    "Keizersgracht {n}, 1015 CJ Amsterdam",
    "{n} Orchard Road, #08-{f}, Singapore 238858",
    "{n} Market St, Suite {f}00, San Francisco, CA 94105, USA",
    "Via Roma {n}, 20121 Milano MI, Italy",
    "{n} Sheikh Zayed Road, Dubai, UAE",
    "香港九龍旺角彌敦道{n}號{f}樓",
    "澳門氹仔柯維納馬路{n}號{f}樓",
    "台北市大安區忠孝東路四段{n}號{f}樓",
]
PASSWORDS = [
    "Hk#2026spring",
    "qwer1234!",
    "Foshan@888",
    "Admin_1qaz2wsx",
    "Sd!9vLp2x",
    "huakang2025",
    "P@ssw0rd!23",
    "Zx7&mQ2r#L",
    "Welcome2026!",
    "abc123456",
    "1qaz@WSX",
]


class Values:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def pick(self, seq):  # type: ignore[no-untyped-def]
        return seq[self.r.randrange(len(seq))]

    def digits(self, n: int, first: str = "0123456789") -> str:
        return self.pick(first) + "".join(self.r.choice(string.digits) for _ in range(n - 1))

    # --- names --------------------------------------------------------------------------
    def zh(self) -> str:
        sur = self.pick(COMPOUND) if self.r.random() < 0.07 else self.pick(SURNAMES)
        return sur + (self.pick(GIVEN1) if self.r.random() < 0.35 else self.pick(GIVEN2))

    def pinyin(self) -> str:
        s, g = self.pick(PY_SUR), self.pick(PY_GIVEN)
        form = self.r.randrange(5)
        return [f"{s} {g}", f"{g} {s}", f"{s.upper()} {g}", f"{g} {s.upper()}", f"{s}, {g}"][form]

    def western(self) -> str:
        return f"{self.pick(WEST_FIRST)} {self.pick(WEST_LAST)}"

    def name(self) -> str:
        x = self.r.random()
        return self.zh() if x < 0.6 else self.pinyin() if x < 0.8 else self.western()

    # --- contact ------------------------------------------------------------------------
    def _valid(self, text: str) -> bool:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, "CN"))

    def mobile(self) -> str:
        while True:
            m = self.pick(
                [
                    "138",
                    "139",
                    "135",
                    "136",
                    "137",
                    "150",
                    "151",
                    "158",
                    "159",
                    "186",
                    "187",
                    "188",
                    "177",
                    "180",
                    "189",
                    "133",
                    "199",
                    "166",
                    "132",
                    "157",
                ]
            )
            m += self.digits(8)
            form = self.r.randrange(8)
            out = [
                m,
                f"{m[:3]} {m[3:7]} {m[7:]}",
                f"{m[:3]}-{m[3:7]}-{m[7:]}",
                f"+86 {m}",
                f"+86-{m[:3]}-{m[3:7]}-{m[7:]}",
                f"(+86){m}",
                f"86 {m[:3]} {m[3:7]} {m[7:]}",
                f"+86 {m[:3]} {m[3:7]} {m[7:]}",
            ][form]
            if self._valid(out):
                return out

    def landline(self) -> str:
        while True:
            code, n = self.pick([("0757", 8), ("020", 8), ("0755", 8), ("0760", 8), ("0750", 7)])
            num = self.digits(n, "2368")
            form = self.r.randrange(5)
            out = [
                f"{code}-{num}",
                f"({code}){num}",
                f"{code} {num[:4]} {num[4:]}",
                f"+86 {code[1:]} {num}",
                f"{code}-{num[:4]}-{num[4:]}",
            ][form]
            if self._valid(out):
                return out

    def foreign_phone(self) -> str:
        while True:
            out = self.pick(
                [
                    f"+852 {self.digits(4, '569')} {self.digits(4)}",
                    f"+853 66{self.digits(2)} {self.digits(4)}",
                    f"+886 9{self.digits(2)} {self.digits(3)} {self.digits(3)}",
                    f"+49 151 {self.digits(8, '123456789')}",
                    f"+44 7{self.digits(3, '45789')} {self.digits(6)}",
                    f"+65 9{self.digits(3)} {self.digits(4)}",
                    f"+61 4{self.digits(2)} {self.digits(3)} {self.digits(3)}",
                    f"+39 34{self.digits(1)} {self.digits(7)}",
                    f"+971 50 {self.digits(3)} {self.digits(4)}",
                    f"00852 {self.digits(4, '69')}{self.digits(4)}",
                ]
            )
            if self._valid(out):
                return out

    def phone(self) -> str:
        x = self.r.random()
        return self.mobile() if x < 0.65 else self.landline() if x < 0.85 else self.foreign_phone()

    def email(self, name: str | None = None) -> str:
        user = self.pick(
            [
                "chen.jing",
                "w.lei",
                "sarah.duan",
                "liuyang88",
                "kevin_ng",
                "hk_service",
                "zhangwei1987",
                "m.weber",
                "amy.lam",
                "xiaodong.su",
                "purchasing02",
            ]
        )
        if name and name.isascii():
            user = name.lower().replace(",", "").replace("'", "").replace(" ", ".")
        user += self.pick(["", "", str(self.r.randrange(10, 99))])
        dom = self.pick(
            [
                "qq.com",
                "163.com",
                "126.com",
                "gmail.com",
                "outlook.com",
                "huakang-ha.com",
                "nordvik-group.eu",
                "foxmail.com",
                "hotmail.com",
                "sina.com",
                "yahoo.com.hk",
            ]
        )
        return f"{user}@{dom}"

    # --- ids ----------------------------------------------------------------------------
    def dob_parts(self) -> tuple[int, int, int]:
        return self.r.randint(1962, 2004), self.r.randint(1, 12), self.r.randint(1, 28)

    def rid(self, born: tuple[int, int, int] | None = None) -> str:
        y, m, d = born or self.dob_parts()
        body = f"{self.pick(AREAS)}{y:04d}{m:02d}{d:02d}{self.digits(3)}"
        out = body + ric.calc_check_digit(body + "0")  # (it skips the last digit)
        return out.lower() if out.endswith("X") and self.r.random() < 0.4 else out

    def dob(self, born: tuple[int, int, int] | None = None) -> str:
        y, m, d = born or self.dob_parts()
        months = [
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ]
        return self.pick(
            [
                f"{y}-{m:02d}-{d:02d}",
                f"{y}.{m:02d}.{d:02d}",
                f"{y}/{m}/{d}",
                f"{y}年{m}月{d}日",
                f"{d:02d}/{m:02d}/{y}",
                f"{months[m - 1]} {d}, {y}",
                f"{d}-{months[m - 1]}-{y}",
                f"{y}{m:02d}{d:02d}",
                f"{y}年{m:02d}月{d:02d}日",
            ]
        )

    def passport(self) -> str:
        return self.pick(
            [
                "E" + self.digits(8),
                "E" + self.pick("ABCDE") + self.digits(7),
                "G" + self.digits(8),
                "K" + self.digits(8),
                "C" + "".join(self.r.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8)),
                self.digits(9, "123456789"),
                "P" + self.digits(7),
                "H" + self.digits(8),
            ]
        )

    def plate(self) -> str:
        prov = self.pick("粤粤粤粤粤湘桂沪赣")
        city = self.pick("EEEXAB") if prov == "粤" else self.pick("ABC")
        tail = self.pick(
            [
                self.digits(5),
                "D" + self.digits(5),
                "F" + self.digits(5),
                self.digits(3) + self.pick("KLMNPQ") + self.digits(1),
                self.pick("KLMNPQ") + self.digits(4),
            ]
        )
        return prov + city + self.pick(["", "·", " ", ""]) + tail

    # --- money --------------------------------------------------------------------------
    def _luhn(self, prefix: str, length: int) -> str:
        body = prefix + self.digits(length - len(prefix) - 1)
        return body + luhn.calc_check_digit(body)

    def _grouped(self, num: str, sep: str = " ") -> str:
        if len(num) == 15:
            return f"{num[:4]}{sep}{num[4:10]}{sep}{num[10:]}"
        return sep.join(num[i : i + 4] for i in range(0, len(num), 4))

    def bank_card(self) -> str:
        num = self._luhn(
            self.pick(["622202", "621700", "622848", "621483", "622588", "623058"]),
            self.pick([16, 19, 19]),
        )
        return self.pick([num, num, self._grouped(num)])

    def credit_card(self) -> str:
        prefix, n = self.pick(
            [
                ("4", 16),
                ("4", 16),
                ("51", 16),
                ("55", 16),
                ("2221", 16),
                ("37", 15),
                ("34", 15),
                ("3528", 16),
            ]
        )
        num = self._luhn(prefix + self.digits(2), n)
        return self.pick([num, self._grouped(num), self._grouped(num, "-")])

    def bank_account(self) -> str:
        while True:
            n = self.pick([16, 17, 18, 19, 19, 12])
            num = self.digits(n, "1348")
            if not luhn.is_valid(num):
                break
        if n == 12:
            return f"{num[:3]}-{num[3:9]}-{num[9:]}"
        return self.pick([num, num, " ".join(num[i : i + 4] for i in range(0, n, 4))])

    def iban(self) -> str:
        cc, bban = self.pick(
            [
                ("DE", self.digits(18)),
                ("GB", "NWBK" + self.digits(14)),
                ("NL", "ABNA" + self.digits(10)),
                ("CH", self.digits(5) + self.digits(12)),
                ("AT", self.digits(16)),
            ]
        )
        digits = "".join(str(int(c, 36)) for c in bban + cc) + "00"
        num = f"{cc}{98 - int(digits) % 97:02d}{bban}"
        return self.pick([num, " ".join(num[i : i + 4] for i in range(0, len(num), 4))])

    # --- places -------------------------------------------------------------------------
    def address(self) -> str:
        if self.r.random() < 0.25:
            return self.pick(FOREIGN_ADDR).format(n=self.r.randint(2, 399), f=self.r.randint(2, 30))
        city, dist, town = self.pick(DISTRICTS)
        prov = self.pick(["广东省", "广东", ""])
        n = self.r.randint
        house = f"{n(1, 288)}号"
        tail = self.pick(
            [
                f"{self.pick(ESTATES)}{n(1, 12)}座{n(2, 33)}0{n(1, 8)}房",
                f"{n(1, 9)}栋{n(1, 3)}单元{n(1, 28)}0{n(1, 6)}",
                f"{self.pick(ESTATES)}{self.r.randint(1, 20)}幢",
                "",
            ]
        )
        return f"{prov}{city}{dist}{town}{self.pick(STREETS)}{house}{tail}"

    def coords(self) -> str:
        la, lo = 22.5 + self.r.random() * 0.9, 112.8 + self.r.random() * 0.9
        x = self.r.randrange(5)
        if x == 4:
            return (
                f"N{int(la)}°{int(la % 1 * 60)}′{self.r.randint(10, 59)}″ "
                f"E{int(lo)}°{int(lo % 1 * 60)}′{self.r.randint(10, 59)}″"
            )
        return self.pick(
            [
                f"{la:.6f}, {lo:.6f}",
                f"{la:.5f},{lo:.5f}",
                f"({la:.4f}, {lo:.4f})",
                f"{lo:.6f},{la:.6f}",
            ]
        )

    def ip(self) -> str:
        return self.pick(
            [
                f"192.168.{self.r.randint(0, 20)}.{self.r.randint(2, 254)}",
                f"10.{self.r.randint(0, 40)}.{self.r.randint(0, 255)}.{self.r.randint(2, 254)}",
                f"{self.pick(['113', '183', '120', '58', '14', '221', '61'])}."
                f"{self.r.randint(1, 254)}."
                f"{self.r.randint(0, 255)}.{self.r.randint(2, 254)}",
                f"240e:{self.r.randrange(0x100, 0xFFF):x}:{self.r.randrange(0x10, 0xFFFF):x}::"
                f"{self.r.randrange(1, 0xFFF):x}",
                f"2409:8a55:{self.r.randrange(0x100, 0xFFF):x}:{self.r.randrange(1, 0xFF):x}:"
                f"{self.r.randrange(0x1000, 0xFFFF):x}:{self.r.randrange(0x1000, 0xFFFF):x}:"
                f"{self.r.randrange(0x10, 0xFF):x}:{self.r.randrange(1, 0xFFF):x}",
            ]
        )

    # --- secrets ------------------------------------------------------------------------
    def password(self, url: bool = False) -> str:
        """A password; in a URL one that needs no escaping there."""
        marks = "!*-_." if url else "!#$%@&"
        if self.r.random() < 0.5 and not url:
            return self.pick(PASSWORDS)
        letters = string.ascii_letters + string.digits
        return "".join(self.r.choice(letters) for _ in range(10)) + self.pick(marks)

    def token(self) -> str:
        al = string.ascii_letters + string.digits
        rnd = lambda n: "".join(self.r.choice(al) for _ in range(n))  # noqa: E731
        return self.pick(
            [
                f"sk_live_{rnd(24)}",
                "AKIA"
                + "".join(self.r.choice(string.ascii_uppercase + "234567") for _ in range(16)),
                f"ghp_{rnd(36)}",
                self.jwt(),
                f"xoxb-{self.digits(11)}-{rnd(24)}",
                f"LTAI{rnd(20)}",
            ]
        )

    def jwt(self) -> str:
        def b64(obj: object) -> str:
            raw = json.dumps(obj, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).decode().rstrip("=")

        sig = base64.urlsafe_b64encode(self.r.randbytes(32)).decode().rstrip("=")
        sub = self.r.randint(10000, 99999)
        head, body = b64({"alg": "HS256", "typ": "JWT"}), b64({"sub": sub, "iat": 1772000000 + sub})
        return f"{head}.{body}.{sig}"

    # --- look-alikes --------------------------------------------------------------------
    def part11(self) -> str:
        return "1" + self.pick("3456789") + self.digits(9)

    def model(self) -> str:
        return self.pick(
            [
                f"HK-AF{self.r.randint(30, 80)}D{self.pick('ABW')}",
                f"JSQ{self.r.randint(20, 32)}-{self.r.randint(10, 16)}HK{self.r.randint(1, 9)}",
                f"CXW-{self.r.randint(200, 280)}-HK{self.r.randint(10, 99)}",
                f"MB-FB{self.r.randint(30, 50)}Easy{self.r.randint(1, 9)}0{self.pick('ABC')}",
                f"{self.pick(['Aurora', 'Luna', 'Nova', 'Grace'])} "
                f"{self.pick(['X', 'Pro', 'M'])}{self.r.randint(2, 9)}",
            ]
        )

    def version(self) -> str:
        n = self.r.randint
        v = f"{n(1, 9)}.{n(0, 30)}.{n(0, 99)}.{n(100, 999)}"
        return self.pick([v, v, "v" + v])

    def hexid(self, n: int = 40) -> str:
        return self.r.randbytes(n // 2).hex()

    def uuid(self) -> str:
        h = self.hexid(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def waybill(self) -> str:
        return self.pick(["SF", "YT", "JD"]) + self.digits(13, "1345")

    def eighteen(self) -> str:
        while True:
            out = "2026" + self.digits(14)
            if ric.calc_check_digit(out) != out[-1]:
                return out

    def sixteen(self) -> str:
        while True:
            out = self.digits(16, "3789")
            if not luhn.is_valid(out):
                return out

    def imei(self) -> str:
        return self._luhn("86" + self.digits(6), 15)

    def date(self) -> str:
        y, m, d = self.r.choice([2025, 2026]), self.r.randint(1, 12), self.r.randint(1, 28)
        return self.pick(
            [f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}年{m}月{d}日", f"{y}.{m:02d}.{d:02d}"]
        )

    def order(self) -> str:
        return self.pick(
            [
                f"PO{self.date()[:4]}{self.digits(7)}",
                f"SO-26{self.digits(6)}",
                f"HK-PO-{self.r.randint(2025, 2026)}-{self.digits(5)}",
                f"4500{self.digits(6)}",
            ]
        )

    def isbn(self) -> str:
        body = f"9787{self.digits(3)}{self.digits(5)}"
        check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
        return f"978-7-{body[4:7]}-{body[7:]}-{check}"

    def price(self) -> str:
        return self.pick(
            [
                f"¥{self.r.randint(99, 9999):,}.00",
                f"{self.r.randint(10, 900)}.{self.digits(2)}",
                f"USD {self.r.randint(12, 480)}.{self.digits(2)}",
                f"RMB{self.r.randint(1000, 99999)}",
            ]
        )
