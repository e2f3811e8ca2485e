"""Synthetic people of a Foshan manufacturer's files: names (Chinese, pinyin, Latin), birth
dates in every writing, resident IDs with their check digit, phones, mail addresses, street
addresses. Nobody here is real; every value comes from a seeded `random.Random`.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

# surname, pinyin (compound surnames included: 欧阳, 司马, 诸葛 ...)
SURNAMES = [
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"),
    ("罗", "Luo"), ("高", "Gao"), ("梁", "Liang"), ("郑", "Zheng"), ("谢", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("许", "Xu"), ("邓", "Deng"), ("冯", "Feng"), ("韩", "Han"), ("曹", "Cao"),
    ("曾", "Zeng"), ("彭", "Peng"), ("萧", "Xiao"), ("蔡", "Cai"), ("潘", "Pan"), ("田", "Tian"),
    ("董", "Dong"), ("袁", "Yuan"), ("于", "Yu"), ("余", "Yu"), ("叶", "Ye"), ("蒋", "Jiang"),
    ("杜", "Du"), ("苏", "Su"), ("魏", "Wei"), ("程", "Cheng"), ("吕", "Lyu"), ("丁", "Ding"),
    ("沈", "Shen"), ("任", "Ren"), ("姚", "Yao"), ("卢", "Lu"), ("钟", "Zhong"), ("姜", "Jiang"),
    ("崔", "Cui"), ("谭", "Tan"), ("陆", "Lu"), ("范", "Fan"), ("汪", "Wang"), ("廖", "Liao"),
    ("石", "Shi"), ("金", "Jin"), ("韦", "Wei"), ("贾", "Jia"), ("夏", "Xia"), ("付", "Fu"),
    ("方", "Fang"), ("邹", "Zou"), ("熊", "Xiong"), ("白", "Bai"), ("孟", "Meng"), ("秦", "Qin"),
    ("邱", "Qiu"), ("侯", "Hou"), ("江", "Jiang"), ("尹", "Yin"), ("薛", "Xue"), ("闫", "Yan"),
    ("段", "Duan"), ("雷", "Lei"), ("龙", "Long"), ("黎", "Li"), ("史", "Shi"), ("陶", "Tao"),
    ("贺", "He"), ("毛", "Mao"), ("郝", "Hao"), ("顾", "Gu"), ("龚", "Gong"), ("邵", "Shao"),
    ("万", "Wan"), ("覃", "Qin"), ("武", "Wu"), ("钱", "Qian"), ("戴", "Dai"), ("严", "Yan"),
    ("莫", "Mo"), ("孔", "Kong"), ("向", "Xiang"), ("常", "Chang"), ("区", "Ou"), ("麦", "Mai"),
    ("欧阳", "Ouyang"), ("司马", "Sima"), ("诸葛", "Zhuge"), ("上官", "Shangguan"),
    ("司徒", "Situ"), ("慕容", "Murong"), ("皇甫", "Huangfu"), ("东方", "Dongfang"),
]  # fmt: skip
GIVEN = [
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
    ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
    ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"),
    ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("桂", "gui"), ("英", "ying"), ("华", "hua"),
    ("建", "jian"), ("国", "guo"), ("文", "wen"), ("辉", "hui"), ("玲", "ling"), ("红", "hong"),
    ("鹏", "peng"), ("宇", "yu"), ("浩", "hao"), ("婷", "ting"), ("雪", "xue"), ("琳", "lin"),
    ("斌", "bin"), ("志", "zhi"), ("飞", "fei"), ("欣", "xin"), ("嘉", "jia"), ("俊", "jun"),
    ("凯", "kai"), ("晨", "chen"), ("梓", "zi"), ("涵", "han"), ("子", "zi"), ("怡", "yi"),
    ("思", "si"), ("佳", "jia"), ("海", "hai"), ("波", "bo"), ("春", "chun"), ("梅", "mei"),
    ("兰", "lan"), ("荣", "rong"), ("彬", "bin"), ("锦", "jin"), ("泽", "ze"), ("瑶", "yao"),
    ("倩", "qian"), ("宁", "ning"), ("阳", "yang"), ("昊", "hao"), ("然", "ran"), ("晓", "xiao"),
    ("冬", "dong"), ("燕", "yan"), ("翠", "cui"), ("萍", "ping"), ("德", "de"), ("永", "yong"),
    ("健", "jian"), ("良", "liang"), ("成", "cheng"), ("坤", "kun"), ("立", "li"), ("新", "xin"),
    ("钰", "yu"), ("妍", "yan"), ("雨", "yu"), ("诗", "shi"), ("彤", "tong"), ("铭", "ming"),
]  # fmt: skip
LATIN_FIRST = [
    "James", "Anna", "Michael", "Laura", "Thomas", "Sophie", "Daniel", "Emma", "Lukas",
    "Julia", "Marco", "Giulia", "Pierre", "Claire", "Jan", "Eva", "Olivia", "William", "Sarah",
    "David", "Maria", "Kevin", "Nina", "Oliver", "Hannah", "Stefan", "Ingrid", "Raj", "Priya",
    "Carlos", "Lucia", "Ahmed", "Fatima", "Kenji", "Yuki", "Minh", "Linh", "Tomasz", "Agnieszka",
]  # fmt: skip
LATIN_LAST = [
    "Smith", "Müller", "Schmidt", "Rossi", "Bianchi", "Dubois", "Martin", "Jansen", "de Vries",
    "Johnson", "Brown", "Wilson", "Garcia", "Fernández", "Novak", "Kowalski", "Weber", "Fischer",
    "Tanaka", "Sato", "Nguyen", "Tran", "Patel", "Sharma", "O'Connor", "MacLeod", "Andersen",
    "Lindqvist", "Costa", "Silva", "Hoffmann", "Becker", "Moreau", "Kim", "Park", "Haddad",
]  # fmt: skip

# Foshan's districts (with their resident-ID area codes) and some other places people come from
AREAS = [
    ("440604", "禅城区", "Chancheng District"), ("440605", "南海区", "Nanhai District"),
    ("440606", "顺德区", "Shunde District"), ("440607", "三水区", "Sanshui District"),
    ("440608", "高明区", "Gaoming District"),
]  # fmt: skip
BIRTH_AREAS = [a[0] for a in AREAS] + [
    "440106", "440305", "441302", "445102", "450103", "430102", "360102", "420106", "510104",
    "362502", "431102", "350203", "522601", "411302", "440882", "441622",
]  # fmt: skip
TOWNS = {
    "禅城区": [("祖庙街道", "Zumiao Subdistrict"), ("张槎街道", "Zhangcha Subdistrict"),
              ("石湾镇街道", "Shiwan Subdistrict"), ("南庄镇", "Nanzhuang Town")],
    "南海区": [("桂城街道", "Guicheng Subdistrict"), ("狮山镇", "Shishan Town"),
              ("大沥镇", "Dali Town"), ("西樵镇", "Xiqiao Town"), ("九江镇", "Jiujiang Town")],
    "顺德区": [("北滘镇", "Beijiao Town"), ("容桂街道", "Ronggui Subdistrict"),
              ("大良街道", "Daliang Subdistrict"), ("乐从镇", "Lecong Town"),
              ("陈村镇", "Chencun Town"), ("杏坛镇", "Xingtan Town")],
    "三水区": [("西南街道", "Xinan Subdistrict"), ("乐平镇", "Leping Town")],
    "高明区": [("荷城街道", "Hecheng Subdistrict"), ("杨和镇", "Yanghe Town")],
}  # fmt: skip
ROADS = [
    ("工业大道", "Industrial Avenue"), ("南海大道北", "Nanhai Avenue North"),
    ("佛山大道中", "Foshan Avenue Middle"), ("季华路", "Jihua Road"), ("汾江中路", "Fenjiang Road"),
    ("顺德大道", "Shunde Avenue"), ("三乐路", "Sanle Road"), ("兴业路", "Xingye Road"),
    ("美的大道", "Meidi Avenue"), ("桂澜路", "Guilan Road"), ("绿景路", "Lvjing Road"),
    ("创业路", "Chuangye Road"), ("华宝南路", "Huabao Road South"), ("岭南大道", "Lingnan Avenue"),
]  # fmt: skip
POSTCODES = ["528000", "528200", "528300", "528311", "528303", "528225", "528100", "528500"]
FOREIGN_ADDRESSES = [
    "{n} Hauptstraße, 70173 Stuttgart, Germany", "Via Roma {n}, 20121 Milano, Italy",
    "{n} Rue de la République, 69002 Lyon, France", "Keizersgracht {n}, 1015 CX Amsterdam",
    "{n} Harbour Road, Wan Chai, Hong Kong", "{n} Orchard Road, Singapore 238879",
    "{n} Market Street, San Francisco, CA 94103, USA", "Ul. Długa {n}, 80-827 Gdańsk, Poland",
]  # fmt: skip
MAIL_HOSTS = ["163.com", "qq.com", "126.com", "gmail.com", "outlook.com", "sina.com", "139.com"]
COMPANY_HOST = ["fs-hengli.com.cn", "hengli-group.com", "shunde-mech.cn", "fsm-elec.com"]
MOBILE = [
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182",
    "183", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199",
]  # fmt: skip
AREA_CODES = ["0757", "0757", "020", "0755", "0760", "0769"]  # all with 8-digit numbers

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_check(first17: str) -> str:
    """GB 11643: ISO 7064 MOD 11-2 over the first 17 digits."""
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def date_text(d: dt.date, style: int) -> str:
    """A date as people write it (style picks one of the writings)."""
    styles = [
        f"{d:%Y-%m-%d}", f"{d:%Y/%m/%d}", f"{d.year}/{d.month}/{d.day}", f"{d:%Y.%m.%d}",
        f"{d.year}年{d.month}月{d.day}日", f"{d:%d-%b-%Y}", f"{d:%Y%m%d}", f"{d:%d/%m/%Y}",
        f"{d:%B} {d.day}, {d.year}", f"{d.year}年{d.month:02d}月{d.day:02d}日", f"{d:%m/%d/%Y}",
        f"{d.day} {d:%b} {d.year}",
    ]  # fmt: skip
    return styles[style % len(styles)]


@dataclass(slots=True)
class Person:
    rng: random.Random
    surname: str
    surname_py: str
    given: str
    given_py: str
    latin: bool
    male: bool
    born: dt.date
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def zh(self) -> str:
        return self.surname + self.given

    def name(self, style: int = 0) -> str:
        """Chinese people: 张伟 / Zhang Wei / Wei ZHANG / ZHANG Wei; Latin people: Anna Weber."""
        if self.latin:
            return f"{self.given} {self.surname}" if style % 3 else f"{self.surname}, {self.given}"
        return [
            self.zh,
            f"{self.surname_py} {self.given_py}",
            f"{self.given_py} {self.surname_py.upper()}",
            f"{self.surname_py.upper()} {self.given_py}",
        ][style % 4]

    @property
    def en(self) -> str:
        return self.name(1) if not self.latin else f"{self.given} {self.surname}"

    def resident_id(self) -> str:
        if "id" not in self.extra:
            seq = self.rng.randrange(0, 1000)
            seq += (seq % 2) ^ (1 if self.male else 0)  # odd sequence for men
            head = f"{self.rng.choice(BIRTH_AREAS)}{self.born:%Y%m%d}{seq % 1000:03d}"
            self.extra["id"] = head + id_check(head)
        return self.extra["id"]

    def mobile(self, style: int = 0) -> str:
        if "mobile" not in self.extra:
            self.extra["mobile"] = self.rng.choice(MOBILE) + f"{self.rng.randrange(10**8):08d}"
        m = self.extra["mobile"]
        return [
            m, f"{m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}",
            f"+86 {m[:3]} {m[3:7]} {m[7:]}", f"+86-{m}", f"(+86){m}", f"+86{m}", f"86-{m}",
        ][style % 8]  # fmt: skip

    def email(self, work: bool = False) -> str:
        key = "work_mail" if work else "mail"
        if key not in self.extra:
            r = self.rng
            if self.latin:
                local = f"{self.given}.{self.surname}".lower().replace(" ", "").replace("'", "")
                local = local.replace("ü", "ue").replace("á", "a").replace("ń", "n")
                host = r.choice(["gmx.de", "gmail.com", "outlook.com", "web.de", "yahoo.com"])
                self.extra[key] = f"{local}@{host}"
            elif work:
                sur, giv = self.surname_py.lower(), self.given_py.lower()
                local = r.choice([f"{giv}.{sur}", f"{sur}{giv}", f"{sur}.{giv}", f"{sur[0]}{giv}"])
                self.extra[key] = f"{local}@{r.choice(COMPANY_HOST)}"
            else:
                sur, giv = self.surname_py.lower(), self.given_py.lower()
                local = r.choice(
                    [f"{sur}{giv}{self.born:%y}", f"{giv}{sur}", f"{sur}_{giv}{r.randrange(99)}",
                     self.mobile(0), f"{r.randrange(10**5, 10**10)}"]
                )  # fmt: skip
                host = "qq.com" if local.isdigit() and len(local) < 11 else r.choice(MAIL_HOSTS)
                self.extra[key] = f"{local}@{host}"
        return self.extra[key]


def person(rng: random.Random, latin_share: float = 0.0) -> Person:
    born = dt.date(1958, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 47))
    male = rng.random() < 0.55
    if rng.random() < latin_share:
        return Person(
            rng, rng.choice(LATIN_LAST), "", rng.choice(LATIN_FIRST), "", True, male, born
        )
    sur, sur_py = rng.choice(SURNAMES)
    parts = rng.sample(GIVEN, 2 if rng.random() < 0.65 else 1)
    given = "".join(p[0] for p in parts)
    given_py = "".join(p[1] for p in parts).capitalize()
    return Person(rng, sur, sur_py, given, given_py, False, male, born)


def landline(rng: random.Random, style: int = 0) -> str:
    """Guangdong landlines: area code and an 8-digit number."""
    code = rng.choice(AREA_CODES)
    a, b = f"{rng.randrange(2, 9)}{rng.randrange(1000):03d}", f"{rng.randrange(10**4):04d}"
    return [
        f"{code}-{a} {b}", f"({code}) {a}-{b}", f"{code}-{a}{b}", f"+86 {code[1:]} {a} {b}",
        f"{code} {a}{b}", f"+86-{code[1:]}-{a}{b}",
    ][style % 6]  # fmt: skip


def foreign_phone(rng: random.Random) -> str:
    r = rng.randrange
    return rng.choice([
        f"+49 711 {r(1000000, 9999999)}", f"+39 02 {r(10**7, 10**8)}",
        f"+1 (415) 555-{r(100, 200):04d}", f"+33 4 72 {r(10, 99)} {r(10, 99)} {r(10, 99)}",
        f"+852 {r(5000, 9999)} {r(1000, 9999)}", f"+65 {r(8000, 9999)} {r(1000, 9999)}",
    ])  # fmt: skip


def address_zh(rng: random.Random, full: bool = True) -> str:
    _, district, _ = rng.choice(AREAS)
    town, _ = rng.choice(TOWNS[district])
    road, _ = rng.choice(ROADS)
    tail = rng.choice(
        [f"{rng.randrange(1, 300)}号", f"{rng.randrange(1, 300)}号{rng.randrange(1, 30)}栋"
         f"{rng.randrange(1, 33)}{rng.randrange(1, 9):02d}房",
         f"{rng.randrange(1, 200)}号{rng.choice(['碧桂园', '美的城', '保利花园', '万科金域'])}"
         f"{rng.randrange(1, 20)}座{rng.randrange(2, 30)}0{rng.randrange(1, 6)}"]
    )  # fmt: skip
    head = rng.choice(["广东省佛山市", "佛山市", "广东佛山"]) if full else ""
    return f"{head}{district}{town}{road}{tail}"


def address_en(rng: random.Random) -> str:
    _, zh, district = rng.choice(AREAS)
    _, town = rng.choice(TOWNS[zh])
    _, road = rng.choice(ROADS)
    n = rng.randrange(1, 300)
    if rng.random() < 0.3:
        return rng.choice(FOREIGN_ADDRESSES).format(n=n)
    unit = rng.choice(["", f"Room {rng.randrange(1, 30)}0{rng.randrange(1, 8)}, "])
    return (
        f"{unit}No. {n} {road}, {town}, {district}, Foshan, Guangdong "
        f"{rng.choice(POSTCODES)}, China"
    )
