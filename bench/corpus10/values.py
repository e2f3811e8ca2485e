"""Values of corpus 10: people, numbers and places of a Foshan plant, every one valid of its
kind (ID check digits, Luhn, IBAN mod 97), and look-alikes that are not."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
from dataclasses import dataclass

import phonenumbers

# Surnames weighted roughly as counted in the 2020 census (the most common first), with
# their pinyin; a few compound surnames at the end.
SURNAMES = [
    "王wang",
    "李li",
    "张zhang",
    "刘liu",
    "陈chen",
    "杨yang",
    "黄huang",
    "赵zhao",
    "吴wu",
    "周zhou",
    "徐xu",
    "孙sun",
    "马ma",
    "朱zhu",
    "胡hu",
    "郭guo",
    "何he",
    "林lin",
    "罗luo",
    "高gao",
    "郑zheng",
    "梁liang",
    "谢xie",
    "宋song",
    "唐tang",
    "许xu",
    "邓deng",
    "冯feng",
    "韩han",
    "曹cao",
    "曾zeng",
    "彭peng",
    "萧xiao",
    "蔡cai",
    "潘pan",
    "田tian",
    "董dong",
    "袁yuan",
    "于yu",
    "余yu",
    "叶ye",
    "蒋jiang",
    "杜du",
    "苏su",
    "魏wei",
    "程cheng",
    "吕lv",
    "丁ding",
    "沈shen",
    "任ren",
    "姚yao",
    "卢lu",
    "傅fu",
    "钟zhong",
    "姜jiang",
    "崔cui",
    "谭tan",
    "廖liao",
    "范fan",
    "汪wang",
    "陆lu",
    "金jin",
    "石shi",
    "戴dai",
    "贾jia",
    "韦wei",
    "夏xia",
    "邱qiu",
    "方fang",
    "侯hou",
    "邹zou",
    "熊xiong",
    "孟meng",
    "秦qin",
    "白bai",
    "江jiang",
    "阎yan",
    "薛xue",
    "尹yin",
    "段duan",
    "雷lei",
    "黎li",
    "史shi",
    "龙long",
    "陶tao",
    "贺he",
    "顾gu",
    "毛mao",
    "郝hao",
    "龚gong",
    "邵shao",
    "万wan",
    "覃qin",
    "武wu",
    "钱qian",
    "严yan",
    "莫mo",
    "区ou",
    "麦mai",
    "冼xian",
    "植zhi",
    "岑cen",
]
COMPOUND = ["欧阳ouyang", "司徒situ", "上官shangguan", "诸葛zhuge", "司马sima", "东方dongfang"]
GIVEN = [
    "伟wei",
    "芳fang",
    "娜na",
    "敏min",
    "静jing",
    "丽li",
    "强qiang",
    "磊lei",
    "军jun",
    "洋yang",
    "勇yong",
    "艳yan",
    "杰jie",
    "娟juan",
    "涛tao",
    "明ming",
    "超chao",
    "秀xiu",
    "霞xia",
    "平ping",
    "刚gang",
    "桂gui",
    "英ying",
    "华hua",
    "玉yu",
    "兰lan",
    "萍ping",
    "红hong",
    "鹏peng",
    "辉hui",
    "建jian",
    "文wen",
    "志zhi",
    "宇yu",
    "浩hao",
    "俊jun",
    "嘉jia",
    "欣xin",
    "梓zi",
    "子zi",
    "晓xiao",
    "婷ting",
    "佳jia",
    "雪xue",
    "琳lin",
    "颖ying",
    "思si",
    "怡yi",
    "家jia",
    "健jian",
    "锦jin",
    "荣rong",
    "铭ming",
    "泽ze",
    "坤kun",
    "炜wei",
    "燕yan",
    "彬bin",
    "瑶yao",
    "凯kai",
    "斌bin",
    "慧hui",
    "倩qian",
    "晨chen",
    "诗shi",
    "雅ya",
    "永yong",
    "振zhen",
    "国guo",
    "海hai",
    "春chun",
    "冬dong",
    "秋qiu",
    "雯wen",
    "昊hao",
    "睿rui",
    "妍yan",
    "瀚han",
]
EN_FIRST = [
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "Michael",
    "Jennifer",
    "David",
    "Linda",
    "William",
    "Elizabeth",
    "Thomas",
    "Susan",
    "Daniel",
    "Karen",
    "Matthew",
    "Nancy",
    "Anthony",
    "Lisa",
    "Mark",
    "Sandra",
    "Steven",
    "Emily",
    "Andrew",
    "Michelle",
    "Kevin",
    "Laura",
    "Brian",
    "Rachel",
    "Oliver",
    "Sophie",
    "Lukas",
    "Hannah",
    "Matteo",
    "Giulia",
    "Pierre",
    "Camille",
    "Kenji",
    "Yuki",
    "Raj",
    "Priya",
    "Ahmed",
    "Fatima",
    "Lars",
    "Ingrid",
    "Tomasz",
    "Agnieszka",
    "Carlos",
    "Lucia",
    "Hiroshi",
    "Mei",
]
EN_LAST = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Rossi",
    "Bianchi",
    "Dubois",
    "Lefèvre",
    "Tanaka",
    "Suzuki",
    "Sato",
    "Patel",
    "Sharma",
    "Khan",
    "Nielsen",
    "Johansson",
    "Kowalski",
    "Nowak",
    "Fernández",
    "López",
    "Okafor",
    "Nguyen",
]
HK_GIVEN = [
    "偉wai",
    "芳fong",
    "嘉ka",
    "欣yan",
    "俊chun",
    "傑kit",
    "詠wing",
    "詩sze",
    "慧wai",
    "敏man",
    "志chi",
    "明ming",
    "國kwok",
    "華wah",
    "麗lai",
    "珊shan",
    "耀yiu",
    "輝fai",
    "寶po",
    "儀yee",
    "穎wing",
    "樂lok",
    "鳳fung",
    "蘭lan",
]  # Cantonese
HK_SURNAMES = [
    "陳chan",
    "黃wong",
    "李lee",
    "張cheung",
    "梁leung",
    "劉lau",
    "林lam",
    "吳ng",
    "何ho",
    "鄭cheng",
    "蔡tsoi",
    "郭kwok",
]

# Districts and roads of Guangdong (real), Hong Kong and Taiwan.
FOSHAN = {
    "禅城区": ["季华五路", "汾江中路", "祖庙路", "岭南大道北", "绿景路", "张槎一路"],
    "南海区": ["桂城南海大道北", "狮山镇博爱中路", "大沥镇广佛路", "里水镇和顺大道", "海八东路"],
    "顺德区": [
        "大良街道德民路",
        "北滘镇美的大道",
        "容桂街道容奇大道中",
        "乐从镇佛山大道南",
        "伦教街道荔村路",
    ],
    "三水区": ["西南街道广海大道西", "乐平镇中心大道", "云东海街道学海东路"],
    "高明区": ["荷城街道中山路", "杨和镇杨西大道", "明城镇明二路"],
}
OTHER_GD = {
    ("广州市", "天河区"): ["天河北路", "珠江新城花城大道", "体育西路"],
    ("广州市", "番禺区"): ["市桥街道清河东路", "大石街道105国道"],
    ("深圳市", "南山区"): ["科技园科苑路", "粤海街道高新南九道"],
    ("东莞市", "长安镇"): ["长青南路", "沙头振安中路"],
    ("中山市", "小榄镇"): ["升平中路", "绩东一路"],
    ("江门市", "蓬江区"): ["建设三路", "发展大道"],
}
EN_DISTRICT = {
    "Chancheng District": ["Jihua 5th Road", "Fenjiang Middle Road"],
    "Nanhai District": ["Guicheng Nanhai Avenue North", "Guangfo Road, Dali Town"],
    "Shunde District": ["Meidi Avenue, Beijiao Town", "Ronggui Avenue, Ronggui"],
}
HK_ADDR = [
    "九龍旺角彌敦道{n}號{f}樓{r}室",
    "香港灣仔軒尼詩道{n}號{f}樓",
    "新界沙田石門安群街{n}號{f}樓{r}室",
    "九龍觀塘鴻圖道{n}號{f}樓",
]
TW_ADDR = [
    "臺北市信義區松仁路{n}號{f}樓",
    "新北市板橋區文化路一段{n}號",
    "臺中市西屯區台灣大道三段{n}號{f}樓",
    "高雄市前鎮區成功二路{n}號",
]
# Area codes of resident IDs (Guangdong first, then provinces that send workers to Foshan).
AREAS = [
    "440604",
    "440605",
    "440606",
    "440607",
    "440608",
    "440103",
    "440106",
    "440113",
    "440304",
    "440305",
    "441802",
    "445102",
    "440882",
    "441481",
    "430102",
    "430421",
    "360102",
    "450102",
    "450821",
    "510104",
    "522121",
    "420102",
    "431121",
    "362101",
]
MOBILE = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
]
EMAIL_DOMAINS = [
    "qq.com",
    "163.com",
    "126.com",
    "foxmail.com",
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "sina.com",
    "yahoo.com.hk",
    "hinet.net",
]
CORP_DOMAINS = ["hx-motors.cn", "hengxin-group.com", "nordwind-gmbh.de", "pacificparts.com.hk"]


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # as written in the person's own script
    roman: str  # romanisation / English name
    surname: str
    chinese: bool


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


class Values:
    """Every value of the corpus comes from one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    # -- people ----------------------------------------------------------------------
    def person(self, latin: float = 0.18) -> Person:
        r = self.r
        if r.random() < latin:
            first, last = r.choice(EN_FIRST), r.choice(EN_LAST)
            return Person(f"{first} {last}", f"{first} {last}", last, False)
        if r.random() < 0.12:
            s = r.choice(HK_SURNAMES)
            g = r.sample(HK_GIVEN, 2)
            return Person(
                s[0] + g[0][0] + g[1][0],
                f"{g[0][1:].title()}-{g[1][1:]} {s[1:].title()}",
                s[0],
                True,
            )
        pool = COMPOUND if r.random() < 0.04 else SURNAMES
        # the first surnames more often than the last (王 about 6 %, 岑 about 0.4 %)
        s = r.choices(pool, weights=_WEIGHTS)[0] if pool is SURNAMES else r.choice(pool)
        cut = 2 if pool is COMPOUND else 1
        givens = [r.choice(GIVEN) for _ in range(1 if r.random() < 0.3 else 2)]
        name = s[:cut] + "".join(g[0] for g in givens)
        roman = "".join(g[1:] for g in givens).title() + " " + s[cut:].title()
        return Person(name, roman, s[:cut], True)

    def email(self, p: Person | None = None, corp: bool = False) -> str:
        r = self.r
        base = (
            p.roman.lower().replace(" ", r.choice([".", "_", ""]))
            if p
            else "".join(r.choices(string.ascii_lowercase, k=r.randint(5, 9)))
        )
        base = base.replace("ü", "ue").replace("è", "e").replace("é", "e").replace("á", "a")
        if not corp and r.random() < 0.4:
            base += str(r.randint(1, 9999))
        if not corp and r.random() < 0.3:
            return f"{r.randint(10000, 3999999999)}@qq.com"
        return f"{base}@{r.choice(CORP_DOMAINS if corp else EMAIL_DOMAINS)}"

    def mobile(self) -> str:
        return self.r.choice(MOBILE) + "".join(self.r.choices(string.digits, k=8))

    def phone(self) -> str:
        while True:  # numbers of ranges in service only (phonenumbers' metadata)
            number = self._phone()
            if phonenumbers.is_valid_number(phonenumbers.parse(number, "CN")):
                return number

    def _phone(self) -> str:  # noqa: PLR0911 - one return a writing
        r, m = self.r, self.mobile()
        k = r.random()
        if k < 0.35:
            return m
        if k < 0.5:
            return f"{m[:3]} {m[3:7]} {m[7:]}"
        if k < 0.6:
            return f"{m[:3]}-{m[3:7]}-{m[7:]}"
        if k < 0.7:
            return f"+86 {m[:3]} {m[3:7]} {m[7:]}"
        if k < 0.82:
            return f"0757-{r.choice('2345678')}{r.randint(0, 9999999):07d}"
        if k < 0.91:
            return f"+852 {r.choice('69')}{r.randint(0, 999):03d} {r.randint(0, 9999):04d}"
        return f"+886 9{r.randint(10, 89)} {r.randint(100, 999)} {r.randint(100, 999)}"

    def birth(self) -> tuple[int, int, int]:
        r = self.r
        return r.randint(1962, 2004), r.randint(1, 12), r.randint(1, 28)

    def dob(self, ymd: tuple[int, int, int] | None = None) -> str:
        y, m, d = ymd or self.birth()
        return self.r.choice(
            [
                f"{y}-{m:02d}-{d:02d}",
                f"{y}/{m}/{d}",
                f"{y}.{m:02d}.{d:02d}",
                f"{y}年{m}月{d}日",
                f"{d:02d}/{m:02d}/{y}",
                f"{y}{m:02d}{d:02d}",
                f"{d} {_MONTHS[m - 1]} {y}",
                f"{_MONTHS[m - 1]} {d}, {y}",
                f"{y}年{m:02d}月{d:02d}日",
            ]
        )

    def resident_id(self, ymd: tuple[int, int, int] | None = None) -> str:
        y, m, d = ymd or self.birth()
        body = f"{self.r.choice(AREAS)}{y}{m:02d}{d:02d}{self.r.randint(0, 999):03d}"
        weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
        return body + check

    def passport(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.55:
            return "E" + "".join(r.choices(string.digits, k=8))
        if k < 0.7:
            return (
                "E" + r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(r.choices(string.digits, k=7))
            )
        if k < 0.8:
            return "G" + "".join(r.choices(string.digits, k=8))
        if k < 0.9:  # German
            return "C" + "".join(r.choices("CFGHJKLMNPRTVWXYZ0123456789", k=8))
        return "".join(r.choices(string.digits, k=9))  # UK / US, nine digits

    def card(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.4:
            body = "4" + "".join(r.choices(string.digits, k=14))
        elif k < 0.75:
            body = f"5{r.randint(1, 5)}" + "".join(r.choices(string.digits, k=13))
        elif k < 0.88:
            body = f"3{r.choice('47')}" + "".join(r.choices(string.digits, k=12))
        else:
            body = "35" + "".join(r.choices(string.digits, k=13))
        return _grouped(r, body + luhn_digit(body))

    def bank_card(self) -> str:
        r = self.r
        n = r.choice([16, 16, 19, 19, 17])
        body = r.choice(["622202", "621700", "622848", "621483", "622588", "625906", "621226"])
        body += "".join(r.choices(string.digits, k=n - 7))
        return _grouped(r, body + luhn_digit(body))

    def bank_account(self) -> str:
        r = self.r
        while True:
            n = r.choice([12, 13, 15, 17, 19, 20])
            digits = str(r.randint(1, 9)) + "".join(r.choices(string.digits, k=n - 1))
            if not luhn_ok(digits) and not digits.startswith("62"):
                break
        if r.random() < 0.3:
            return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
        return digits

    def iban(self) -> str:
        r = self.r
        cc, bban = r.choice(
            [
                ("DE", lambda: "".join(r.choices(string.digits, k=18))),
                (
                    "GB",
                    lambda: (
                        r.choice(["NWBK", "BARC", "HSBC", "LOYD"])
                        + "".join(r.choices(string.digits, k=14))
                    ),
                ),
                ("AT", lambda: "".join(r.choices(string.digits, k=16))),
                ("CH", lambda: "".join(r.choices(string.digits, k=17))),
            ]
        )
        b = bban()
        num = "".join(str(int(c, 36)) for c in b + cc + "00")
        iban = f"{cc}{98 - int(num) % 97:02d}{b}"
        if r.random() < 0.5:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def swift(self) -> str:
        return self.r.choice(
            [
                "ICBKCNBJGDG",
                "BKCHCNBJ400",
                "PCBCCNBJGDX",
                "HSBCHKHHHKH",
                "DEUTDEFF",
                "COBADEFFXXX",
                "CMBCCNBS",
                "SCBLHKHH",
            ]
        )

    def ipv4(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.3:
            return f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if k < 0.45:
            return f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if k < 0.92:
            return (
                f"{r.choice([14, 27, 58, 61, 113, 116, 119, 120, 183, 202, 219, 223])}."
                f"{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
            )
        return f"240e:{r.randint(0, 0xFFF):x}:{r.randint(0, 0xFFFF):x}::{r.randint(1, 0xFFFF):x}"

    def plate(self) -> str:
        r = self.r
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        city = r.choice("EEEEXYAB")
        if r.random() < 0.25:  # new energy: six
            tail = r.choice("DF") + "".join(r.choices(string.digits, k=5))
        else:
            k = r.random()
            tail = (
                "".join(r.choices(string.digits, k=5))
                if k < 0.4
                else (
                    r.choice(letters) + "".join(r.choices(string.digits, k=4))
                    if k < 0.75
                    else "".join(r.choices(string.digits, k=3)) + "".join(r.choices(letters, k=2))
                )
            )
        return f"粤{city}{r.choice(['', '·', ' ', ''])}{tail}"

    def address(self) -> str:
        r = self.r
        k = r.random()
        n = r.randint(1, 399)
        if k < 0.5:
            d = r.choice(list(FOSHAN))
            extra = r.choice(
                [
                    "",
                    f"{r.randint(1, 30)}栋{r.randint(101, 2805)}",
                    f"{r.choice('ABCD')}座{r.randint(2, 28)}楼",
                ]
            )
            return f"{r.choice(['广东省佛山市', '佛山市', ''])}{d}{r.choice(FOSHAN[d])}{n}号{extra}"
        if k < 0.65:
            (c, d), roads = r.choice(list(OTHER_GD.items()))
            return f"广东省{c}{d}{r.choice(roads)}{n}号"
        if k < 0.78:
            d = r.choice(list(EN_DISTRICT))
            return f"No. {n} {r.choice(EN_DISTRICT[d])}, {d}, Foshan, Guangdong {r.choice(['528000', '528200', '528300'])}"  # noqa: E501
        if k < 0.9:
            return r.choice(HK_ADDR).format(n=n, f=r.randint(2, 30), r=r.randint(1, 20))
        return r.choice(TW_ADDR).format(n=n, f=r.randint(2, 30))

    def coords(self) -> tuple[float, float]:
        r = self.r
        return round(r.uniform(22.78, 23.35), r.choice([5, 6])), round(
            r.uniform(112.85, 113.38), r.choice([5, 6])
        )

    def dms(self) -> str:
        lat, lon = self.coords()
        return f"{_dms(lat)}N {_dms(lon)}E"

    # -- secrets ----------------------------------------------------------------------
    def password(self) -> str:
        r = self.r
        word = r.choice(["Foshan", "Hengxin", "Summer", "Admin", "Welcome", "Shunde", "Kaiyuan"])
        return f"{word}{r.choice(['@', '#', '!', '_', '$'])}{r.randint(2015, 2026)}{r.choice(['', 'x', 'Qz', '!'])}"  # noqa: E501

    def secret(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.2:
            return "sk_live_" + "".join(r.choices(string.ascii_letters + string.digits, k=24))
        if k < 0.35:
            return "".join(
                r.choices(string.ascii_letters + string.digits + "/+", k=40)
            )  # AWS secret key
        if k < 0.5:
            return "ghp_" + "".join(r.choices(string.ascii_letters + string.digits, k=36))
        if k < 0.65:
            return (
                "xoxb-"
                + "-".join(str(r.randint(10**10, 10**11)) for _ in range(2))
                + "-"
                + "".join(r.choices(string.ascii_letters + string.digits, k=24))
            )
        return "".join(r.choices(string.ascii_letters + string.digits, k=32))

    def jwt(self, sub: str) -> str:
        def b64(obj: dict[str, object]) -> str:
            raw = json.dumps(obj, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

        head = b64({"alg": "HS256", "typ": "JWT"})
        body = b64({"sub": sub, "iat": 1767225600 + self.r.randint(0, 9_000_000), "scope": "erp"})
        sig = (
            base64.urlsafe_b64encode(
                hashlib.sha256(f"{head}.{body}{self.r.random()}".encode()).digest()
            )
            .rstrip(b"=")
            .decode()
        )
        return f"{head}.{body}.{sig}"

    # -- look-alikes -------------------------------------------------------------------
    def part_mobile(self) -> str:  # an 11-digit part number shaped like a mobile
        return self.r.choice(["13", "15", "18"]) + "".join(self.r.choices(string.digits, k=9))

    def version(self) -> str:
        r = self.r
        if r.random() < 0.5:  # shaped like an IPv4 address
            return f"{r.randint(1, 12)}.{r.randint(0, 30)}.{r.randint(0, 99)}.{r.randint(0, 255)}"
        return f"{r.randint(1, 12)}.{r.randint(0, 30)}.{r.randint(0, 99)}.{r.randint(1000, 9999)}"

    def sha(self, n: int = 40) -> str:
        return (
            hashlib.sha1(str(self.r.random()).encode(), usedforsecurity=False).hexdigest()[:n]
            if n <= 40
            else hashlib.sha256(str(self.r.random()).encode()).hexdigest()[:n]
        )

    def waybill(self) -> str:
        return self.r.choice(["SF", "YT", "JD"]) + "".join(self.r.choices(string.digits, k=13))

    def order_no(self) -> str:
        return f"PO{self.r.randint(2025, 2026)}{self.r.randint(1, 12):02d}{self.r.randint(0, 99999):05d}"  # noqa: E501

    def isbn(self) -> str:
        body = f"9787{self.r.randint(100, 999)}{self.r.randint(10000, 99999)}"
        check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
        return f"978-7-{body[4:7]}-{body[7:]}-{check}"

    def eighteen(self) -> str:  # a batch number of 18 digits that is no valid ID
        while True:
            s = "2026" + "".join(self.r.choices(string.digits, k=14))
            if not _rid_ok(s):
                return s

    def sixteen(self) -> str:  # a serial of 16 digits that fails Luhn
        while True:
            s = str(self.r.randint(1, 9)) + "".join(self.r.choices(string.digits, k=15))
            if not luhn_ok(s):
                return s

    def plain_date(self) -> str:
        r = self.r
        y, m, d = r.choice([2025, 2026]), r.randint(1, 12), r.randint(1, 28)
        return r.choice(
            [f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}年{m}月{d}日", f"{y}.{m:02d}.{d:02d}"]
        )

    def model(self) -> str:  # product models that read like names
        r = self.r
        return (
            r.choice(["Jason", "Victor", "Grace", "Leo", "Luna", "Max", "Alice", "Felix"])
            + " "
            + r.choice(["X", "M", "Pro"])
            + str(r.randint(2, 9))
        )

    def serial(self) -> str:
        r = self.r
        return f"HX{r.randint(20, 26)}{r.choice('ABCDEF')}{r.randint(1000000, 9999999)}"


_WEIGHTS = [1 / (k + 8) for k in range(len(SURNAMES))]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _dms(x: float) -> str:
    d = int(x)
    m = (x - d) * 60
    return f"{d}°{int(m):02d}'{(m - int(m)) * 60:04.1f}\""


def _grouped(r: random.Random, number: str) -> str:
    k = r.random()
    if k < 0.5:
        return number
    sep = " " if k < 0.85 else "-"
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


def _rid_ok(s: str) -> bool:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return (
        "10X98765432"[sum(int(c) * w for c, w in zip(s[:17], weights, strict=True)) % 11]
        == s[17].upper()
    )
