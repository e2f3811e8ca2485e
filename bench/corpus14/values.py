"""The values corpus 14 writes: mimesis (seeded, zh / en / en-gb / de / fr / ja / ko / ru /
es locales) for names, addresses, foreign phones, e-mails, cards, passwords, IPs and dates;
its writer's own code where mimesis has nothing (Chinese resident ids, UnionPay cards,
Chinese accounts, plates, passports, pinyin spellings, IBANs, tokens, look-alikes)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import random
import string
from dataclasses import dataclass, field

import phonenumbers
from mimesis import Address, Cryptographic, Internet, Payment, Person
from mimesis.enums import CardType
from mimesis.locales import Locale

LOCALES = {
    "zh": (Locale.ZH, "CN"),
    "en": (Locale.EN, "US"),
    "en-gb": (Locale.EN_GB, "GB"),
    "de": (Locale.DE, "DE"),
    "fr": (Locale.FR, "FR"),
    "ja": (Locale.JA, "JP"),
    "ko": (Locale.KO, "KR"),
    "ru": (Locale.RU, "RU"),
    "es": (Locale.ES, "ES"),
}
FOREIGN = ("en", "en-gb", "de", "fr", "ja", "ko", "ru", "es", "en", "en-gb", "de")

# surnames and given-name characters with their pinyin (mimesis has no romanization)
SURNAMES = [
    "张Zhang",
    "王Wang",
    "李Li",
    "刘Liu",
    "陈Chen",
    "杨Yang",
    "黄Huang",
    "赵Zhao",
    "吴Wu",
    "周Zhou",
    "徐Xu",
    "孙Sun",
    "马Ma",
    "朱Zhu",
    "胡Hu",
    "郭Guo",
    "何He",
    "林Lin",
    "罗Luo",
    "高Gao",
    "梁Liang",
    "郑Zheng",
    "谢Xie",
    "宋Song",
    "唐Tang",
    "许Xu",
    "韩Han",
    "冯Feng",
    "邓Deng",
    "曹Cao",
    "彭Peng",
    "曾Zeng",
    "肖Xiao",
    "田Tian",
    "董Dong",
    "潘Pan",
    "袁Yuan",
    "蔡Cai",
    "蒋Jiang",
    "余Yu",
    "杜Du",
    "叶Ye",
    "程Cheng",
    "魏Wei",
    "苏Su",
    "吕Lyu",
    "丁Ding",
    "任Ren",
    "卢Lu",
    "姚Yao",
    "沈Shen",
    "钟Zhong",
    "姜Jiang",
    "崔Cui",
    "谭Tan",
    "陆Lu",
    "范Fan",
    "汪Wang",
    "廖Liao",
    "石Shi",
    "金Jin",
    "韦Wei",
    "贾Jia",
    "夏Xia",
    "付Fu",
    "方Fang",
    "邹Zou",
    "熊Xiong",
    "白Bai",
    "孟Meng",
    "秦Qin",
    "邱Qiu",
    "侯Hou",
    "江Jiang",
    "尹Yin",
    "薛Xue",
    "闫Yan",
    "段Duan",
    "雷Lei",
    "龙Long",
    "黎Li",
    "史Shi",
    "陶Tao",
    "贺He",
    "欧阳Ouyang",
    "司马Sima",
    "上官Shangguan",
]
GIVEN = [
    "伟Wei",
    "芳Fang",
    "娜Na",
    "敏Min",
    "静Jing",
    "丽Li",
    "强Qiang",
    "磊Lei",
    "军Jun",
    "洋Yang",
    "勇Yong",
    "艳Yan",
    "杰Jie",
    "娟Juan",
    "涛Tao",
    "明Ming",
    "超Chao",
    "秀Xiu",
    "霞Xia",
    "平Ping",
    "刚Gang",
    "桂Gui",
    "华Hua",
    "建Jian",
    "国Guo",
    "文Wen",
    "辉Hui",
    "玲Ling",
    "燕Yan",
    "鹏Peng",
    "宇Yu",
    "浩Hao",
    "婷Ting",
    "欣Xin",
    "子Zi",
    "涵Han",
    "梓Zi",
    "轩Xuan",
    "嘉Jia",
    "俊Jun",
    "怡Yi",
    "晨Chen",
    "雪Xue",
    "琳Lin",
    "志Zhi",
    "永Yong",
    "海Hai",
    "春Chun",
    "晓Xiao",
    "红Hong",
    "云Yun",
    "峰Feng",
    "斌Bin",
    "波Bo",
    "瑞Rui",
    "博Bo",
    "思Si",
    "雨Yu",
    "佳Jia",
    "颖Ying",
    "慧Hui",
    "淑Shu",
    "凯Kai",
    "健Jian",
    "荣Rong",
    "锦Jin",
    "婉Wan",
    "诗Shi",
    "倩Qian",
    "彤Tong",
    "振Zhen",
    "德De",
    "东Dong",
    "兴Xing",
    "立Li",
    "新New",
]
GIVEN = [g for g in GIVEN if not g.endswith("New")] + ["新Xin"]

# real county-level codes: Foshan's five districts first, then Guangdong, then elsewhere
REGIONS = [
    "440604",
    "440605",
    "440606",
    "440607",
    "440608",
    "440604",
    "440605",
    "440606",
    "440103",
    "440104",
    "440106",
    "440111",
    "440303",
    "440304",
    "440305",
    "440402",
    "441302",
    "441900",
    "442000",
    "440703",
    "440705",
    "445102",
    "441502",
    "440803",
    "430102",
    "430104",
    "360102",
    "360302",
    "450102",
    "450103",
    "510104",
    "510107",
    "420106",
    "420111",
    "350203",
    "350102",
    "110105",
    "110108",
    "310115",
    "310104",
    "320106",
    "320583",
    "330106",
    "330203",
    "370202",
    "370102",
    "410105",
    "500103",
    "610113",
    "130102",
    "220102",
    "230103",
    "340104",
    "520102",
    "530102",
    "620102",
    "640104",
    "460105",
    "150102",
    "210102",
]
GD = {
    "佛山市": {
        "禅城区": ("祖庙街道", "石湾镇街道", "张槎街道", "南庄镇"),
        "南海区": ("桂城街道", "大沥镇", "里水镇", "狮山镇", "西樵镇", "九江镇"),
        "顺德区": ("大良街道", "容桂街道", "北滘镇", "乐从镇", "陈村镇", "龙江镇", "伦教街道"),
        "三水区": ("西南街道", "白坭镇", "乐平镇"),
        "高明区": ("荷城街道", "杨和镇"),
    },
    "广州市": {"天河区": ("五山街道", "石牌街道"), "番禺区": ("市桥街道", "大石街道")},
    "深圳市": {"南山区": ("粤海街道", "蛇口街道"), "宝安区": ("新安街道", "西乡街道")},
    "东莞市": {"": ("长安镇", "虎门镇", "松山湖")},
    "中山市": {"": ("小榄镇", "古镇镇")},
}
ROADS = [
    "工业大道",
    "佛山大道",
    "南海大道",
    "广隆路",
    "蓬莱路",
    "季华五路",
    "汾江中路",
    "桂澜北路",
    "三乐路",
    "兴业路",
    "创业路",
    "科技路",
    "环市北路",
    "德胜东路",
    "新城大道",
]
TOWNS = (
    "陈村",
    "黄岐",
    "乐从",
    "北滘",
    "大良",
    "容桂",
    "西樵",
    "九江",
    "狮山",
    "龙江",
    "伦教",
    "大沥",
)
BANKS = (
    "中国工商银行佛山分行",
    "中国建设银行顺德支行",
    "中国农业银行南海支行",
    "中国银行佛山禅城支行",
    "招商银行佛山分行营业部",
    "广东顺德农村商业银行北滘支行",
    "佛山农村商业银行桂城支行",
    "交通银行佛山分行",
)
BRANDS = ("Vincent", "Harper", "Amelia", "Oscar", "Lucas", "Grace", "Ethan", "Sophia", "Leo", "Mia")

_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of a Chinese resident id."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def luhn_digit(body: str) -> str:
    total = 0
    for n, c in enumerate(reversed(body)):
        d = int(c) * (2 if n % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


def group4(number: str, sep: str = " ") -> str:
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


@dataclass(slots=True)
class Who:
    """A person: Chinese name and pinyin (surname, given) or a foreign name."""

    locale: str
    zh: str = ""
    sur: str = ""
    given: str = ""
    latin: str = ""
    first: str = ""
    last: str = ""
    email: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class Gen:
    """Every value of the corpus, from one seed."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        s = seed * 1009
        self.person = {
            k: Person(loc, seed=s + n) for n, (k, (loc, _)) in enumerate(LOCALES.items())
        }
        self.addr = {
            k: Address(loc, seed=s + 50 + n) for n, (k, (loc, _)) in enumerate(LOCALES.items())
        }
        self.pay = Payment(seed=s + 100)
        self.net = Internet(seed=s + 101)
        self.crypto = Cryptographic(seed=s + 102)

    # --- choices -------------------------------------------------------------------------
    def pick(self, seq):  # type: ignore[no-untyped-def]
        return seq[self.r.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def digits(self, n: int) -> str:
        return "".join(self.r.choice(string.digits) for _ in range(n))

    # --- people --------------------------------------------------------------------------
    def chinese(self) -> Who:
        """A Chinese person: from the pinyin table (romanizable) or mimesis zh (rare
        surnames, written in Chinese only)."""
        if self.chance(0.25):
            p = self.person["zh"]
            who = Who("zh", zh=p.last_name() + p.first_name())
            who.email = self.email_for(f"{self.r.choice(string.ascii_lowercase)}{self.digits(4)}")
            return who
        sz, sp = self._split(self.pick(SURNAMES))
        parts = [self._split(self.pick(GIVEN)) for _ in range(1 if self.chance(0.35) else 2)]
        gz = "".join(z for z, _ in parts)
        gp = "".join(p.lower() for _, p in parts).capitalize()
        who = Who("zh", zh=sz + gz, sur=sp, given=gp, latin=f"{gp} {sp}")
        who.email = self.email_for(self.pick((f"{gp}.{sp}", f"{sp}{gp}", f"{gp[0]}{sp}")).lower())
        return who

    @staticmethod
    def _split(entry: str) -> tuple[str, str]:
        n = next(i for i, c in enumerate(entry) if c.isascii())
        return entry[:n], entry[n:]

    def foreign(self, locale: str | None = None) -> Who:
        locale = locale or self.pick(FOREIGN)
        p = self.person[locale]
        first, last = p.first_name(), p.last_name()
        latin = f"{last}{first}" if locale in ("ja", "ko") else f"{first} {last}"
        who = Who(locale, latin=latin, first=first, last=last)
        user = "".join(
            c for c in f"{first}.{last}".lower() if c.isascii() and (c.isalnum() or c == ".")
        )
        if len(user) < 4:
            user = f"user{self.digits(5)}"
        who.email = self.email_for(user.strip("."), foreign=True)
        return who

    def anyone(self) -> Who:
        return self.chinese() if self.chance(0.7) else self.foreign()

    def email_for(self, user: str, foreign: bool = False) -> str:
        domains = (
            (
                "gmail.com",
                "outlook.com",
                "yahoo.co.uk",
                "web.de",
                "orange.fr",
                "mail.ru",
                "naver.com",
                "hotmail.com",
            )
            if foreign
            else (
                "qq.com",
                "163.com",
                "126.com",
                "foxmail.com",
                "sina.com",
                "aliyun.com",
                "hotmail.com",
            )
        )
        return f"{user}@{self.pick(domains)}"

    def work_email(self, who: Who, domain: str) -> str:
        base = (f"{who.given}.{who.sur}" if who.sur else who.email.split("@")[0]).lower()
        return f"{base}@{domain}"

    def spell(self, who: Who) -> list[tuple[str | None, str]]:  # noqa: PLR0911
        """One spelling of a person's name as pieces (type or None, text)."""
        if who.locale == "zh" and not who.sur:
            return [("person_name", who.zh)]
        if who.locale != "zh":
            if who.locale in ("ja", "ko") or self.chance(0.6):
                return [("person_name", who.latin)]
            form = self.pick(("LAST, First", "First LAST", "F. Last", "Last, First"))
            f, last = who.first, who.last
            text = {
                "LAST, First": f"{last.upper()}, {f}",
                "First LAST": f"{f} {last.upper()}",
                "F. Last": f"{f[0]}. {last}",
                "Last, First": f"{last}, {f}",
            }[form]
            return [("person_name", text)]
        s, g = who.sur, who.given
        form = self.r.randrange(10)
        if form <= 3:
            return [("person_name", who.zh)]
        if form == 4:
            open_, close = self.pick((("（", "）"), (" (", ")"), ("(", ")")))
            return [
                ("person_name", who.zh),
                (None, open_),
                ("person_name", f"{s} {g}"),
                (None, close),
            ]
        if form == 5:
            return [("person_name", f"{g} {s.upper()}")]
        if form == 6:
            return [("person_name", f"{s.upper()} {g}")]
        if form == 7:
            return [("person_name", f"{s}, {g}")]
        if form == 8:
            return [("person_name", f"{g[0]}. {s}")]
        return [("person_name", f"{g} {s}")]

    def plain_name(self, who: Who) -> str:
        return who.zh if who.locale == "zh" else who.latin

    # --- phones --------------------------------------------------------------------------
    def mobile(self) -> str:
        prefix = self.pick(
            (
                "138",
                "139",
                "137",
                "136",
                "135",
                "150",
                "151",
                "158",
                "159",
                "186",
                "187",
                "188",
                "189",
                "180",
                "181",
                "133",
                "153",
                "177",
                "176",
                "199",
                "198",
                "166",
                "130",
                "131",
                "132",
                "155",
                "156",
                "185",
                "173",
                "191",
            )
        )
        return prefix + self.digits(8)

    def mobile_written(self) -> str:
        m = self.mobile()
        return self.pick(
            (
                m,
                m,
                m,
                f"{m[:3]}-{m[3:7]}-{m[7:]}",
                f"{m[:3]} {m[3:7]} {m[7:]}",
                f"+86 {m}",
                f"+86-{m[:3]}-{m[3:7]}-{m[7:]}",
                f"+86 {m[:3]} {m[3:7]} {m[7:]}",
                f"(+86){m}",
            )
        )

    def landline(self) -> str:
        area = self.pick(("0757", "0757", "020", "0755", "0769"))
        n = self.pick("2568") + self.digits(7)
        return self.pick(
            (
                f"{area}-{n}",
                f"({area}) {n[:4]} {n[4:]}",
                f"+86 {area[1:]} {n}",
                f"{area}-{n[:4]}-{n[4:]}",
            )
        )

    def foreign_phone(self, locale: str) -> str:
        loc = locale if locale in LOCALES and locale != "zh" else "en"
        region = LOCALES[loc][1]
        for _ in range(50):
            raw = self.person[loc].phone_number()
            try:
                num = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(num):
                continue
            if raw.startswith("+"):
                return raw
            return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return "+44 20 7946 0" + self.digits(3)

    def phone_of(self, who: Who) -> str:
        return self.mobile_written() if who.locale == "zh" else self.foreign_phone(who.locale)

    # --- ids ------------------------------------------------------------------------------
    def birth(self) -> dt.date:
        return dt.date(1960, 1, 1) + dt.timedelta(days=self.r.randrange(365 * 45))

    def rid(self, born: dt.date | None = None) -> str:
        born = born or self.birth()
        first = self.pick(REGIONS) + born.strftime("%Y%m%d") + self.digits(3)
        return first + id_check(first)

    def passport(self, locale: str = "zh") -> str:  # noqa: PLR0911
        up = string.ascii_uppercase
        if locale == "zh":
            return (
                self.pick(("E", "E", "G"))
                + (self.pick("ABCDEFGHJK") if self.chance(0.3) else self.digits(1))
                + self.digits(7)
            )
        if locale == "de":
            return "C" + "".join(self.pick("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
        if locale == "fr":
            return self.digits(2) + self.pick(up) + self.pick(up) + self.digits(5)
        if locale == "ja":
            return self.pick(("TK", "TZ", "TR", "MZ")) + self.digits(7)
        if locale == "ko":
            return self.pick("MS") + self.digits(8)
        if locale == "es":
            return self.pick(("PAA", "PAB", "AAA", "XDA")) + self.digits(6)
        if locale == "ru":
            return self.pick("67") + self.digits(8)
        if locale == "en-gb":
            return self.pick("15") + self.digits(8)
        return self.pick(("", "A", "C")) + self.digits(8 if self.chance(0.5) else 9)[:8]

    def unionpay(self) -> str:
        body = (
            "62"
            + self.pick(("2202", "2848", "2700", "1700", "2588", "2155", "1483", "2262"))
            + self.digits(9 if self.chance(0.6) else 12)
        )
        return body + luhn_digit(body)

    def credit(self) -> str:
        kind = self.pick(
            (CardType.VISA, CardType.VISA, CardType.MASTER_CARD, CardType.AMERICAN_EXPRESS)
        )
        return self.pay.credit_card_number(kind)

    def account_cn(self) -> str:
        while True:
            n = self.pick(("2013", "4400", "6000", "8000", "3602", "4420", "7575")) + self.digits(
                self.r.randint(8, 15)
            )
            if not luhn_ok(n):
                return n

    def iban(self) -> str:
        country, bban = self.pick(
            (
                ("DE", lambda: self.digits(18)),
                ("GB", lambda: self.pick(("NWBK", "BARC", "HBUK", "LOYD")) + self.digits(14)),
                ("FR", lambda: self.digits(23)),
                ("AT", lambda: self.digits(16)),
                ("NL", lambda: self.pick(("ABNA", "INGB", "RABO")) + self.digits(10)),
            )
        )
        b = bban()
        moved = b + country + "00"
        num = int("".join(str(int(c, 36)) for c in moved))
        iban = f"{country}{98 - num % 97:02d}{b}"
        return group4(iban) if self.chance(0.5) else iban

    def plate(self) -> str:
        letter = self.pick("EEEEXYAB")
        sep = self.pick(("·", "·", "", " "))
        if self.chance(0.2):
            tail = self.pick("DF") + self.digits(5)
        else:
            tail = "".join(
                self.pick(string.digits * 3 + "ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5)
            )
        return f"粤{letter}{sep}{tail}"

    # --- places ---------------------------------------------------------------------------
    def address_cn(self) -> str:
        city = self.pick(list(GD)) if self.chance(0.8) else ""
        if not city:
            a = self.addr["zh"]
            return f"{a.state()}{a.city()}{a.address()}"
        district = self.pick(list(GD[city]))
        town = self.pick(GD[city][district])
        road = self.pick(ROADS)
        tail = self.pick(
            (
                f"{self.r.randint(1, 388)}号",
                f"{self.r.randint(1, 88)}号{self.r.randint(1, 30)}栋{self.r.randint(101, 2808)}房",
                f"{self.r.randint(1, 200)}号{self.pick('ABCD')}座{self.r.randint(2, 25)}楼",
            )
        )
        prov = "广东省" if self.chance(0.6) else ""
        return f"{prov}{city}{district}{town}{road}{tail}"

    def address_foreign(self, locale: str) -> str:
        a = self.addr[locale if locale in self.addr and locale != "zh" else "en"]
        if locale in ("ja",):
            return f"〒{a.postal_code()} {a.state()}{a.city()}{a.address()}"
        if locale in ("de", "fr", "es", "ru", "ko"):
            return f"{a.address()}, {a.postal_code()} {a.city()}"
        return f"{a.address()}, {a.city()}, {a.state()} {a.postal_code()}"

    def address_of(self, who: Who) -> str:
        return self.address_cn() if who.locale == "zh" else self.address_foreign(who.locale)

    def coords(self, near: bool = True, sep: str = ",") -> str:
        if near:
            lat, lng = 22.5 + self.r.random() * 1.2, 112.6 + self.r.random() * 1.6
        else:
            lat, lng = self.r.uniform(-45, 60), self.r.uniform(-120, 150)
        d = self.pick((6, 6, 5, 4))
        return f"{lat:.{d}f}{sep}{lng:.{d}f}"

    def ip(self) -> str:
        if self.chance(0.3):
            head = self.pick(("192.168", "10." + str(self.r.randint(0, 99)), "172.16"))
            return f"{head}.{self.r.randint(0, 254)}.{self.r.randint(1, 254)}"
        return self.net.ip_v4()

    # --- dates ----------------------------------------------------------------------------
    def dob(self, born: dt.date | None = None, zh: bool = False) -> str:
        d = born or self.birth()
        mon = d.strftime("%b")
        if zh:
            return self.pick(
                (
                    d.isoformat(),
                    f"{d.year}/{d.month}/{d.day}",
                    f"{d.year}年{d.month}月{d.day}日",
                    d.strftime("%Y%m%d"),
                    f"{d.year}.{d.month:02d}.{d.day:02d}",
                )
            )
        return self.pick(
            (
                d.isoformat(),
                d.isoformat(),
                f"{d.year}/{d.month}/{d.day}",
                f"{d.year}年{d.month}月{d.day}日",
                f"{d.day:02d}.{d.month:02d}.{d.year}",
                f"{d.month:02d}/{d.day:02d}/{d.year}",
                f"{d.day} {mon} {d.year}",
                f"{d.strftime('%B')} {d.day}, {d.year}",
                d.strftime("%Y%m%d"),
                f"{d.year}.{d.month:02d}.{d.day:02d}",
                f"{d.day:02d}/{d.month:02d}/{d.year}",
            )
        )

    def recent(self) -> dt.date:
        return dt.date(2025, 1, 1) + dt.timedelta(days=self.r.randrange(700))

    def recent_written(self) -> str:
        d = self.recent()
        return self.pick(
            (
                d.isoformat(),
                f"{d.year}/{d.month}/{d.day}",
                f"{d.year}年{d.month}月{d.day}日",
                f"{d.year}-{d.month}-{d.day}",
                f"{d.year}.{d.month:02d}.{d.day:02d}",
            )
        )

    def stamp(self) -> dt.datetime:
        return dt.datetime(2025, 1, 1) + dt.timedelta(seconds=self.r.randrange(700 * 86400))  # noqa: DTZ001

    # --- secrets --------------------------------------------------------------------------
    def password(self) -> str:
        while True:
            pw = self.person["en"].password(length=self.r.randint(9, 16))
            pw = "".join(c for c in pw if c not in "\"'\\<>&@:/ ,;`")
            if len(pw) >= 8:
                return pw

    def api_key(self) -> str:
        h = self.crypto.token_hex(16)
        return self.pick(
            (
                "sk_live_" + self.crypto.token_urlsafe(18).replace("-", "x").replace("_", "y"),
                "AKIA" + "".join(self.pick(string.ascii_uppercase + "234567") for _ in range(16)),
                "ghp_"
                + "".join(self.pick(string.ascii_letters + string.digits) for _ in range(36)),
                "LTAI5t"
                + "".join(self.pick(string.ascii_letters + string.digits) for _ in range(18)),
                h,
                "xoxb-"
                + self.digits(12)
                + "-"
                + self.digits(13)
                + "-"
                + "".join(self.pick(string.ascii_letters) for _ in range(24)),
            )
        )

    def jwt(self) -> str:
        def b64(obj: dict[str, object]) -> str:
            return (
                base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode())
                .rstrip(b"=")
                .decode()
            )

        head = b64({"alg": "HS256", "typ": "JWT"})
        body = b64({"sub": self.digits(6), "iat": 1735000000 + self.r.randrange(10**7)})
        return f"{head}.{body}.{self.crypto.token_urlsafe(32).rstrip('=')}"

    # --- look-alikes (what they resemble in the name) -------------------------------------
    def mobile_like(self) -> str:
        """An order / part number of 11 digits starting 1[3-9] (phone)."""
        return "1" + self.pick("3578") + self.digits(9)

    def version(self) -> str:
        last = self.r.randint(1, 999) if self.chance(0.75) else self.r.randint(1000, 9999)
        return f"{self.r.randint(1, 12)}.{self.r.randint(0, 30)}.{self.r.randint(0, 99)}.{last}"

    def serial18(self) -> str:
        """An 18-digit machine serial that fails the resident-id check (resident id)."""
        d = self.recent()
        first = "9" + self.pick("0123") + self.digits(2) + d.strftime("%Y%m%d") + self.digits(5)
        check = id_check(first)
        last = str((int(check) + 1) % 10) if check.isdigit() else "1"
        return first + last

    def batch16(self) -> str:
        while True:
            n = self.pick(("20", "25", "88", "31")) + self.digits(14)
            if not luhn_ok(n):
                return n

    def test_card(self) -> str:
        return self.pick(
            (
                "4111 1111 1111 1111",
                "5555 5555 5555 4444",
                "4242 4242 4242 4242",
                "4000 0000 0000 0002",
            )
        )

    def sha(self, n: int = 40) -> str:
        return "".join(self.pick("0123456789abcdef") for _ in range(n))

    def model(self) -> str:
        return f"{self.pick(BRANDS)} {self.pick(('M', 'X', 'Pro'))}{self.r.randint(2, 12)}"

    def hotline(self) -> str:
        p = self.pick(("400", "800"))
        return self.pick(
            (
                f"{p}-{self.digits(3)}-{self.digits(4)}",
                f"{p}{self.digits(7)}",
                f"{p} {self.digits(3)} {self.digits(4)}",
            )
        )

    def uscc(self) -> str:
        return (
            "9144060"
            + self.pick("0678")
            + "MA"
            + "".join(self.pick("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
            + self.pick("0123456789ABCDEFX")
        )

    def waybill(self) -> str:
        return self.pick(("SF", "YT", "JD")) + self.digits(13)

    def isbn(self) -> str:
        return f"978-7-{self.digits(3)}-{self.digits(5)}-{self.digits(1)}"

    def part_no(self) -> str:
        return (
            self.pick(("FS", "SD", "MX"))
            + "-"
            + self.digits(4)
            + "-"
            + self.pick("ABCDE")
            + self.digits(2)
        )
