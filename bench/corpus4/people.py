"""People, places and companies: names in Chinese, pinyin, English and other languages,
addresses in Guangdong and abroad, e-mail addresses, and dates written every common way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from random import Random

from bench.corpus4 import numbers as n

SURNAMES = (
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("吴", "Wu"),
    ("周", "Zhou"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("马", "Ma"),
    ("朱", "Zhu"),
    ("胡", "Hu"),
    ("郭", "Guo"),
    ("何", "He"),
    ("林", "Lin"),
    ("罗", "Luo"),
    ("郑", "Zheng"),
    ("梁", "Liang"),
    ("谢", "Xie"),
    ("宋", "Song"),
    ("唐", "Tang"),
    ("许", "Xu"),
    ("韩", "Han"),
    ("冯", "Feng"),
    ("邓", "Deng"),
    ("曹", "Cao"),
    ("彭", "Peng"),
    ("曾", "Zeng"),
    ("肖", "Xiao"),
    ("田", "Tian"),
    ("董", "Dong"),
    ("潘", "Pan"),
    ("蔡", "Cai"),
    ("余", "Yu"),
    ("叶", "Ye"),
    ("苏", "Su"),
    ("卢", "Lu"),
    ("钟", "Zhong"),
    ("谭", "Tan"),
    ("廖", "Liao"),
    ("区", "Au"),
    ("麦", "Mai"),
    ("冼", "Xian"),
    ("岑", "Cen"),
    ("欧阳", "Ouyang"),
    ("司徒", "Situ"),
    ("邝", "Kuang"),
    ("伍", "Wu"),
    ("莫", "Mo"),
    ("甘", "Gan"),
    ("关", "Guan"),
)
GIVEN = (
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("娜", "Na"),
    ("敏", "Min"),
    ("静", "Jing"),
    ("丽", "Li"),
    ("强", "Qiang"),
    ("磊", "Lei"),
    ("军", "Jun"),
    ("洋", "Yang"),
    ("勇", "Yong"),
    ("艳", "Yan"),
    ("杰", "Jie"),
    ("涛", "Tao"),
    ("明", "Ming"),
    ("超", "Chao"),
    ("秀英", "Xiuying"),
    ("晓东", "Xiaodong"),
    ("志强", "Zhiqiang"),
    ("海燕", "Haiyan"),
    ("建华", "Jianhua"),
    ("国平", "Guoping"),
    ("嘉欣", "Jiaxin"),
    ("梓豪", "Zihao"),
    ("子轩", "Zixuan"),
    ("雨桐", "Yutong"),
    ("俊杰", "Junjie"),
    ("慧敏", "Huimin"),
    ("家豪", "Jiahao"),
    ("婉婷", "Wanting"),
    ("锦华", "Jinhua"),
    ("少芬", "Shaofen"),
    ("永康", "Yongkang"),
    ("文斌", "Wenbin"),
    ("淑仪", "Shuyi"),
    ("颖", "Ying"),
    ("浩然", "Haoran"),
    ("思琪", "Siqi"),
    ("振宇", "Zhenyu"),
    ("美玲", "Meiling"),
    ("伟雄", "Weixiong"),
    ("冠华", "Guanhua"),
    ("卓妍", "Zhuoyan"),
    ("德明", "Deming"),
    ("佩珊", "Peishan"),
    ("立新", "Lixin"),
)
EN_GIVEN = (
    "Kevin",
    "Jason",
    "Vivian",
    "Eric",
    "Sunny",
    "Grace",
    "Tony",
    "Cherry",
    "Alan",
    "Jack",
    "Amy",
    "Leo",
    "Coco",
    "Frank",
    "Iris",
    "Peter",
    "Winnie",
    "Ryan",
)
FOREIGN = (
    ("Daniel", "Weber"),
    ("Julia", "Hoffmann"),
    ("Markus", "Schneider"),
    ("Anna", "Becker"),
    ("Thomas", "Klein"),
    ("Sabine", "Wolf"),
    ("Michael", "Brown"),
    ("Sarah", "Miller"),
    ("David", "Johnson"),
    ("Emily", "Clarke"),
    ("James", "O'Neill"),
    ("Laura", "García"),
    ("Pierre", "Dubois"),
    ("Sophie", "Laurent"),
    ("Marco", "Rossi"),
    ("Nguyen Van", "Minh"),
    ("Tran Thi", "Lan"),
    ("Rahul", "Sharma"),
    ("Priya", "Nair"),
    ("Kenji", "Tanaka"),
    ("Yuki", "Sato"),
    ("Lars", "Nielsen"),
    ("Eva", "Novak"),
    ("Stefan", "Fischer"),
)
HK_NAMES = (
    ("Chan", "Tai Man"),
    ("Wong", "Ka Yan"),
    ("Lee", "Siu Ming"),
    ("Cheung", "Wing Sze"),
    ("Lau", "Chi Keung"),
    ("Ho", "Mei Ling"),
    ("Leung", "Kwok Wai"),
)


@dataclass(frozen=True, slots=True)
class Person:
    surname: str  # as it is written in `full`
    given: str
    full: str  # the name as a colleague writes it in full
    latin: str  # the name in Latin letters (pinyin, English or own)
    latin_surname: str
    english: str  # an English name used at work ("Kevin Chen"), or the latin one
    chinese: bool
    female: bool
    email_local: str


def person(rng: Random, foreign: float = 0.12) -> Person:
    female = rng.random() < 0.5
    r = rng.random()
    if r < foreign:
        given, surname = rng.choice(FOREIGN)
        full = f"{given} {surname}"
        local = rng.choice((f"{given}.{surname}", f"{given[0]}.{surname}", f"{given}{surname[0]}"))
        local = local.lower().replace(" ", "").replace("'", "").replace("í", "i")
        return Person(surname, given, full, full, surname, full, False, female, local)
    if r < foreign + 0.04:
        surname, given = rng.choice(HK_NAMES)
        full = f"{surname} {given}"
        local = f"{given.replace(' ', '').lower()}.{surname.lower()}"
        return Person(surname, given, full, full, surname, full, False, female, local)
    sz, sp = rng.choice(SURNAMES)
    gz, gp = rng.choice(GIVEN)
    if rng.random() < 0.3 and len(gz) == 1:
        gz2, gp2 = rng.choice(GIVEN)
        if len(gz2) == 1:
            gz, gp = gz + gz2, gp + gp2.lower()
    latin = f"{sp} {gp}"
    english = f"{rng.choice(EN_GIVEN)} {sp}" if rng.random() < 0.4 else latin
    local = rng.choice(
        (
            f"{sp}{gp}".lower(),
            f"{sp}.{gp}".lower(),
            f"{gp}.{sp}".lower(),
            f"{sp[0]}{gp}".lower(),
            english.replace(" ", ".").lower(),
            f"{sp}{gp[0]}{n.digits(rng, 2)}".lower(),
        )
    )
    return Person(sz, gz, sz + gz, latin, sp, english, True, female, local)


DOMAINS = (
    "kerui-elec.com",
    "fs-kerui.com.cn",
    "meiyuan-hvac.cn",
    "shunde-motor.com",
    "guangya-tech.com",
    "hengtai-group.de",
    "nanhai-logistics.cn",
)
FREEMAIL = (
    "qq.com",
    "163.com",
    "126.com",
    "foxmail.com",
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "sina.com",
    "139.com",
    "yahoo.com.hk",
    "gmx.de",
    "web.de",
)


def email(rng: Random, p: Person, work: bool | None = None) -> str:
    if work is None:
        work = rng.random() < 0.55
    if work:
        return f"{p.email_local}@{rng.choice(DOMAINS)}"
    r = rng.random()
    if r < 0.3:
        return f"{n.digits(rng, rng.randint(8, 10), '123456789')}@qq.com"
    if r < 0.34:  # China Mobile's mailbox is the mobile number
        return f"{n.mobile(rng)}@139.com"
    return f"{p.email_local}{rng.choice(('', '', '88', '2019', '_fs'))}@{rng.choice(FREEMAIL)}"


def surname_title(rng: Random, p: Person) -> tuple[str, str]:
    """(the name part, the title after it): 王工, 李经理, 陈女士 ..."""
    if not p.chinese:
        return p.surname, ""
    titles = ["工", "经理", "总", "师傅", "主管", "老师", "先生" if not p.female else "女士"]
    if p.female:
        titles.append("小姐")
    return p.surname, rng.choice(titles)


# --- places -----------------------------------------------------------------------------

FOSHAN = (
    (
        "顺德区",
        ("北滘镇", "大良街道", "容桂街道", "伦教街道", "乐从镇", "陈村镇", "勒流街道"),
        ("工业大道", "顺江路", "凤山中路", "林港路", "乐从大道", "兴业路", "南国东路"),
    ),
    (
        "南海区",
        ("桂城街道", "狮山镇", "大沥镇", "里水镇", "九江镇", "西樵镇"),
        ("南海大道北", "桂澜中路", "海八东路", "狮山大道", "广佛路", "黄岐大道"),
    ),
    (
        "禅城区",
        ("祖庙街道", "张槎街道", "石湾镇街道", "南庄镇"),
        ("季华五路", "汾江中路", "岭南大道北", "绿景路", "魁奇一路", "朝安南路"),
    ),
    ("三水区", ("西南街道", "白坭镇", "乐平镇"), ("广海大道", "健力宝南路", "三达路")),
    ("高明区", ("荷城街道", "杨和镇"), ("沧江路", "江湾路", "文华路")),
)
OTHER_CN = (
    ("广州市", "天河区", ("天河路", "体育西路", "黄埔大道西", "珠江东路")),
    ("广州市", "番禺区", ("市桥街富华西路", "南村镇兴业大道")),
    ("深圳市", "南山区", ("科技南十二路", "深南大道", "南海大道")),
    ("东莞市", "长安镇", ("长安中路", "振安路")),
    ("中山市", "小榄镇", ("升平中路", "东升路")),
    ("长沙市", "岳麓区", ("麓山南路", "枫林三路")),
    ("南宁市", "青秀区", ("民族大道", "东葛路")),
)
ESTATES = ("碧桂园", "美的城", "万科金域", "保利花园", "中海锦城", "海伦堡", "君兰国际", "怡翠馨园")


def address_cn(rng: Random, home: bool | None = None) -> str:
    if home is None:
        home = rng.random() < 0.5
    roads: tuple[str, ...]
    if rng.random() < 0.78:
        district, towns, roads = rng.choice(FOSHAN)
        head = rng.choice(("广东省佛山市", "佛山市", "广东佛山", "佛山市", ""))
        if not head:
            head = "佛山" if rng.random() < 0.5 else ""
        place = head + district + rng.choice(towns)
    else:
        city, district, roads = rng.choice(OTHER_CN)
        prov = "湖南省" if city == "长沙市" else "广西" if city == "南宁市" else "广东省"
        place = rng.choice((prov, "")) + city + district
    road = rng.choice(roads) + f"{rng.randint(1, 388)}号"
    if home:
        unit = rng.choice(
            (
                f"{rng.choice(ESTATES)}{rng.randint(1, 30)}座"
                f"{rng.randint(2, 33)}0{rng.randint(1, 6)}",
                f"{rng.randint(1, 12)}栋{rng.randint(1, 3)}单元"
                f"{rng.randint(1, 28)}0{rng.randint(1, 4)}室",
                f"{rng.choice(ESTATES)}{rng.randint(1, 9)}期{rng.randint(1, 40)}栋"
                f"{rng.randint(101, 2806)}房",
            )
        )
        return place + road + unit
    return place + road + rng.choice(("", "A栋", f"{rng.randint(1, 6)}号厂房", "科技园B座"))


EN_TOWNS = (
    ("Beijiao Town", "Shunde", "528311"),
    ("Daliang", "Shunde", "528300"),
    ("Guicheng", "Nanhai", "528200"),
    ("Shishan Town", "Nanhai", "528225"),
    ("Zumiao", "Chancheng", "528000"),
    ("Lecong Town", "Shunde", "528315"),
)
EN_ROADS = ("Industrial Avenue", "Xingye Road", "Shunjiang Road", "Guilan Road")
HK_ROADS = ("Tai Koo Shing Road", "Nathan Road", "Harbour Road", "Castle Peak Road")
HK_AREAS = ("Quarry Bay", "Mong Kok", "Wan Chai", "Tsuen Wan")
DE_STREETS = ("Hauptstraße", "Bahnhofstraße", "Königstraße", "Leopoldstraße", "Industriestr.")
DE_CITIES = ("70173 Stuttgart", "80802 München", "60311 Frankfurt am Main", "71063 Sindelfingen")
US_STREETS = ("Elm Street", "Oak Avenue", "W Lake St", "Maple Dr")
US_CITIES = ("Columbus, OH 43215", "San Jose, CA 95134", "Chicago, IL 60601")
VN_STREETS = ("Nguyen Hue", "Le Loi", "Dien Bien Phu")


def address_en(rng: Random) -> str:
    r = rng.randrange(5)
    if r == 0:
        town, district, code = rng.choice(EN_TOWNS)
        road = f"No. {rng.randint(1, 200)} {rng.choice(EN_ROADS)}"
        return f"{road}, {town}, {district} District, Foshan, Guangdong {code}, China"
    if r == 1:
        flat = f"Flat {rng.randint(1, 40)}{rng.choice('ABCDEF')}, Tower {rng.randint(1, 6)}"
        road = f"{rng.randint(1, 99)} {rng.choice(HK_ROADS)}"
        return f"{flat}, {road}, {rng.choice(HK_AREAS)}, Hong Kong"
    if r == 2:
        street = f"{rng.choice(DE_STREETS)} {rng.randint(1, 140)}"
        return f"{street}, {rng.choice(DE_CITIES)}, Germany"
    if r == 3:
        street = f"{rng.randint(100, 9800)} {rng.choice(US_STREETS)}"
        unit = rng.choice(("Apt 3B, ", "Suite 210, ", ""))
        return f"{street}, {unit}{rng.choice(US_CITIES)}, USA"
    street = f"{rng.randint(1, 300)} {rng.choice(VN_STREETS)} Street"
    return f"{street}, District {rng.randint(1, 12)}, Ho Chi Minh City, Vietnam"


COMPANIES = (
    "佛山市顺德区科瑞电器有限公司",
    "广东美源暖通设备有限公司",
    "佛山市南海恒泰五金制品厂",
    "佛山市禅城区广雅电子科技有限公司",
    "中山市小榄镇锦盛塑胶有限公司",
    "东莞市长安精密模具有限公司",
    "Hengtai Components GmbH",
    "Kerui Electric (HK) Ltd.",
    "Nanhai Logistics Co., Ltd.",
    "佛山市三水区力达包装材料有限公司",
    "广州白云精工机电有限公司",
)
PRODUCTS = (
    "变频空调室外机",
    "电饭煲内胆",
    "微波炉门组件",
    "风机盘管",
    "压缩机",
    "电机定子",
    "控制主板",
    "洗碗机水泵",
    "热水器温控器",
    "铝合金外壳",
    "PCB 组件",
    "风扇电容",
)
PRODUCTS_EN = (
    "inverter outdoor unit",
    "rice cooker pot",
    "fan coil unit",
    "compressor",
    "motor stator",
    "control board",
    "dishwasher pump",
    "thermostat",
    "aluminium housing",
)
NAME_LIKE = (
    "陈村",
    "张槎",
    "王老吉",
    "李锦记",
    "黄岐",
    "周大福",
    "林氏木业",
    "何氏家具",
    "马可波罗瓷砖",
    "罗村",
    "欧阳修路",
)


# --- dates ------------------------------------------------------------------------------

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def written(rng: Random, d: date, lang: str = "zh") -> str:
    """A date as people write it; `lang` zh, en or de leans the choice."""
    zh = (
        f"{d:%Y-%m-%d}",
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.year}/{d.month}/{d.day}",
        f"{d:%Y.%m.%d}",
        f"{d:%Y%m%d}",
        f"{d.year}年{d.month:02d}月{d.day:02d}日",
        f"{d:%Y/%m/%d}",
    )
    en = (
        f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{MONTHS_LONG[d.month - 1]} {d.day}, {d.year}",
        f"{d:%d/%m/%Y}",
        f"{d:%m/%d/%Y}",
        f"{d:%Y-%m-%d}",
        f"{d.day:02d}-{MONTHS[d.month - 1].upper()}-{d.year}",
    )
    de = (f"{d:%d.%m.%Y}", f"{d.day}.{d.month}.{d.year}")
    pool = {"zh": zh, "en": en, "de": de}[lang]
    return rng.choice(pool)


def business_day(rng: Random) -> date:
    return date(2024, 1, 1).fromordinal(date(2024, 1, 1).toordinal() + rng.randint(0, 880))
