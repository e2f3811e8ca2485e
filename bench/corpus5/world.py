# ruff: noqa: E501
"""Addresses, companies, e-mail addresses and the look-alikes of a Foshan manufacturer."""

from __future__ import annotations

import string
from datetime import date, timedelta
from random import Random

from bench.corpus5.values import Person, hexdigest, not_luhn

DISTRICTS = [  # (city zh, city en, district zh, district en, postcode, towns [(zh, en)])
    (
        "佛山市",
        "Foshan",
        "顺德区",
        "Shunde District",
        "5283",
        [
            ("北滘镇", "Beijiao Town"),
            ("容桂街道", "Ronggui Subdistrict"),
            ("伦教街道", "Lunjiao Subdistrict"),
            ("勒流街道", "Leliu Subdistrict"),
            ("陈村镇", "Chencun Town"),
            ("乐从镇", "Lecong Town"),
        ],
    ),
    (
        "佛山市",
        "Foshan",
        "南海区",
        "Nanhai District",
        "5282",
        [
            ("桂城街道", "Guicheng Subdistrict"),
            ("狮山镇", "Shishan Town"),
            ("里水镇", "Lishui Town"),
            ("大沥镇", "Dali Town"),
            ("西樵镇", "Xiqiao Town"),
        ],
    ),
    (
        "佛山市",
        "Foshan",
        "禅城区",
        "Chancheng District",
        "5280",
        [
            ("祖庙街道", "Zumiao Subdistrict"),
            ("石湾镇街道", "Shiwan Subdistrict"),
            ("张槎街道", "Zhangcha Subdistrict"),
        ],
    ),
    (
        "佛山市",
        "Foshan",
        "三水区",
        "Sanshui District",
        "5281",
        [("西南街道", "Xinan Subdistrict"), ("乐平镇", "Leping Town")],
    ),
    (
        "佛山市",
        "Foshan",
        "高明区",
        "Gaoming District",
        "5285",
        [("荷城街道", "Hecheng Subdistrict")],
    ),
    (
        "广州市",
        "Guangzhou",
        "天河区",
        "Tianhe District",
        "5106",
        [("石牌街道", "Shipai Subdistrict"), ("猎德街道", "Liede Subdistrict")],
    ),
    (
        "广州市",
        "Guangzhou",
        "番禺区",
        "Panyu District",
        "5114",
        [("大石街道", "Dashi Subdistrict")],
    ),
    (
        "深圳市",
        "Shenzhen",
        "南山区",
        "Nanshan District",
        "5180",
        [("粤海街道", "Yuehai Subdistrict")],
    ),
    ("中山市", "Zhongshan", "小榄镇", "Xiaolan Town", "5284", [("", "")]),
    ("东莞市", "Dongguan", "长安镇", "Chang'an Town", "5238", [("", "")]),
]
ROADS = [
    ("美的大道", "Meide Avenue"),
    ("工业大道", "Gongye Avenue"),
    ("佛山大道中", "Foshan Avenue Middle"),
    ("南海大道北", "Nanhai Avenue North"),
    ("桂澜路", "Guilan Road"),
    ("季华五路", "Jihua 5th Road"),
    ("汾江中路", "Fenjiang Middle Road"),
    ("兴业路", "Xingye Road"),
    ("广珠公路", "Guangzhu Highway"),
    ("裕和路", "Yuhe Road"),
    ("文华北路", "Wenhua North Road"),
    ("东平路", "Dongping Road"),
    ("新城大道", "Xincheng Avenue"),
    ("环市东路", "Huanshi East Road"),
    ("海八路", "Haiba Road"),
]
ESTATES = [
    "碧桂园",
    "万科城",
    "保利花园",
    "中海锦城",
    "君兰国际",
    "星河湾",
    "海逸桃花园",
    "金域蓝湾",
]
FOREIGN = [
    "Leopoldstraße {n}, 80802 München, Germany",
    "{n} Harbour Road, Wan Chai, Hong Kong",
    "Via Tortona {n}, 20144 Milano, Italy",
    "{n} Baker Street, London NW1 6XE, United Kingdom",
    "Keizersgracht {n}, 1015 CJ Amsterdam, Netherlands",
    "{n} Orchard Road, Singapore 238863",
    "Königstraße {n}, 70173 Stuttgart, Germany",
    "{n} W Madison St, Chicago, IL 60606, USA",
]


def address(rng: Random, zh: bool = True) -> str:
    city, city_en, dist, dist_en, post, towns = rng.choice(DISTRICTS)
    town, town_en = rng.choice(towns)
    road, road_en = rng.choice(ROADS)
    n = rng.randint(1, 399)
    if not zh:
        if rng.random() < 0.25:
            return rng.choice(FOREIGN).format(n=n)
        parts = [f"No. {n} {road_en}"]
        if rng.random() < 0.4:
            parts.insert(
                0,
                f"Room {rng.randint(1, 30)}{rng.randint(1, 9):02d}, Building {rng.randint(1, 12)}",
            )
        parts += [p for p in (town_en, dist_en) if p] + [
            city_en,
            f"Guangdong {post}{rng.randint(10, 99)}",
        ]
        return ", ".join(parts)
    prov = rng.choice(["广东省", "广东省", ""])
    tail = f"{road}{n}号"
    if rng.random() < 0.5:
        tail += f"{rng.choice(ESTATES)}{rng.randint(1, 20)}座{rng.randint(1, 33)}{rng.randint(1, 8):02d}室"
    elif rng.random() < 0.5:
        tail += f"{rng.randint(1, 9)}栋{rng.randint(1, 6)}楼"
    return f"{prov}{city}{dist}{town}{tail}"


COMPANIES = [
    ("佛山市顺德区恒发五金制品有限公司", "Foshan Shunde Hengfa Hardware Co., Ltd."),
    ("佛山市南海区华达陶瓷有限公司", "Foshan Nanhai Huada Ceramics Co., Ltd."),
    ("广东粤嘉电器科技有限公司", "Guangdong Yuejia Electric Technology Co., Ltd."),
    ("佛山市禅城区联信包装材料厂", "Foshan Chancheng Lianxin Packaging Factory"),
    ("中山市科润电机有限公司", "Zhongshan Kerun Motor Co., Ltd."),
    ("东莞市宏远塑胶模具有限公司", "Dongguan Hongyuan Plastic Mould Co., Ltd."),
    ("Brenner Haustechnik GmbH", "Brenner Haustechnik GmbH"),
    ("Nordic Climate AB", "Nordic Climate AB"),
    ("Casa Bella S.r.l.", "Casa Bella S.r.l."),
    ("Pacific Home Appliances Pte Ltd", "Pacific Home Appliances Pte Ltd"),
    ("香港宝利贸易有限公司", "Polylink Trading (HK) Limited"),
]
OURS = (
    "佛山市澜恒电器制造有限公司",
    "Foshan Lanheng Electrical Appliance Manufacturing Co., Ltd.",
    "lanheng-elec.com",
)
PRODUCTS = [
    ("变频空调室内机", "inverter AC indoor unit", "KFR-35GW/BP3DN8Y"),
    ("电饭煲", "rice cooker", "MB-FB40E211"),
    ("电磁炉", "induction cooker", "C21-WT2118"),
    ("空气炸锅", "air fryer", "KZ-C5502"),
    ("洗碗机", "dishwasher", "WQP8-3906"),
    ("热水器", "water heater", "F6030-A3(HE)"),
    ("压缩机", "compressor", "ASN98D22UFZ"),
    ("风扇电机", "fan motor", "YDK-35-6E"),
    ("控制板", "control board", "CE-KFR35G/BP-01"),
]
FREEMAIL = [
    "qq.com",
    "163.com",
    "126.com",
    "gmail.com",
    "outlook.com",
    "foxmail.com",
    "sina.com",
    "hotmail.com",
    "yahoo.com.hk",
    "139.com",
]


def email(rng: Random, p: Person, work: str | None = None) -> str:
    if work and rng.random() < 0.7:
        return f"{p.mail_local}@{work}"
    if rng.random() < 0.3:
        return f"{rng.randint(10**7, 10**10)}@qq.com"
    return f"{p.mail_local}{rng.choice(['', '', str(rng.randint(1, 99)), str(rng.randint(1970, 2005))])}@{rng.choice(FREEMAIL)}"


def day(rng: Random, start: int = 2023, end: int = 2026) -> date:
    return date(start, 1, 1) + timedelta(days=rng.randint(0, (end - start) * 365 + 330))


# ---- look-alikes: things shaped like personal data that are not ------------------------
def lookalike(rng: Random) -> tuple[str, str]:
    """(label in the document, value): business numbers shaped like people's data."""
    d = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    today = day(rng)
    options = [
        ("物料编码", f"1{rng.choice('35789')}{d(9)}"),  # mobile-shaped
        ("Part No.", f"{rng.choice(['139', '158', '186'])}-{d(4)}-{d(4)}"),
        ("订单号", f"4406{d(2)}{today:%Y%m%d}{d(4)}"),  # resident-ID-shaped
        ("SO No.", f"SO{today:%Y%m%d}{d(6)}"),
        (
            "固件版本",
            f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 99)}.{rng.randint(0, 255)}",
        ),
        (
            "Firmware",
            f"v{rng.randint(1, 4)}.{rng.randint(0, 12)}.{rng.randint(0, 30)}.{rng.randint(100, 999)}",
        ),
        ("发票号码", d(8)),
        ("电子发票号码", f"{today:%y}44{d(16)}"),
        ("批次号", f"{today:%Y%m%d}-{rng.choice('ABCD')}{d(2)}"),
        ("Lot", f"L{today:%y%m%d}{rng.choice('ABC')}{d(3)}"),
        ("运单号", f"SF{d(13)}"),
        ("Tracking", f"YT{d(13)}"),
        ("快递单号", f"JDV{d(12)}"),
        (
            "SKU",
            f"LH-{rng.choice(['AC', 'RC', 'IH', 'AF'])}-{d(5)}-{rng.choice(['WH', 'BK', 'SV'])}",
        ),
        ("S/N", f"{rng.choice(['LH', 'C21', 'MB'])}{today:%y%m}{d(8)}"),
        ("整机条码", not_luhn(rng, 16)),
        ("箱码", not_luhn(rng, 19)),
        ("EAN", "69" + d(11)),
        ("合同编号", f"HT-{today.year}-{d(5)}"),
        ("公差", f"±0.0{rng.randint(1, 9)}"),
        ("尺寸", f"{rng.randint(20, 900)}.{d(2)}×{rng.randint(20, 900)}.{d(2)} mm"),
        ("固件校验 MD5", hexdigest(rng, 32)),
        ("commit", hexdigest(rng, 40)),
        ("下单日期", f"{today:%Y-%m-%d}"),
        ("Ship date", f"{today:%d/%m/%Y}"),
        ("交货日期", f"{today.year}年{today.month}月{today.day}日"),
        ("报价有效期至", f"{today:%Y.%m.%d}"),
        ("型号", rng.choice(PRODUCTS)[2]),
        ("工单号", f"WO{today:%y%m%d}{d(5)}"),
        ("税号", f"91440606{d(9)}{rng.choice('ABCDEFGHJK')}"),
        ("Case ID", f"{today:%Y%m%d}{d(10)}"),
    ]
    return rng.choice(options)
