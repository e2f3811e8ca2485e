"""Corpus 7's names and addresses: the people of a Foshan manufacturer's world (Cantonese
given names, staff English names, the group's German and other foreign colleagues)."""

from __future__ import annotations

import random

_SURNAMES = (
    "王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu "
    "胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng "
    "邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 蔡cai 叶ye 苏su 卢lu 钟zhong "
    "谭tan 麦mai 区ou 冼xian 伍wu 欧阳ouyang 司徒situ 关guan 岑cen 邝kuang 莫mo 黎li 简jian 温wen "
    "霍huo 陆lu 龙long 江jiang 廖liao 邹zou 范fan 方fang 严yan 姚yao 余yu 汤tang 蒋jiang 程cheng"
)
_GIVEN = (
    "伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan "
    "涛tao 明ming 超chao 霞xia 平ping 刚gang 华hua 建jian 国guo 志zhi 红hong 玉yu 文wen 辉hui "
    "鑫xin 宇yu 浩hao 然ran 涵han 萱xuan 思si 雨yu 欣xin 怡yi 俊jun 嘉jia 豪hao 诗shi 琪qi "
    "晓xiao 东dong 海hai 燕yan 少shao 锦jin 荣rong 颖ying 雯wen 绮qi 卓zhuo 霖lin 炜wei 铭ming "
    "坤kun 健jian 斌bin 彬bin 婷ting 慧hui 珊shan 倩qian 健jian 永yong 泽ze 楷kai 淑shu 翠cui "
    "桂gui 兰lan 凤feng 梅mei 昊hao 晨chen 佳jia 耀yao 光guang 德de 源yuan 启qi 峰feng 冠guan"
)
PINYIN: dict[str, str] = {}
for _pair in (_SURNAMES + " " + _GIVEN).split():
    _han = "".join(c for c in _pair if not c.isascii())
    PINYIN[_han] = _pair[len(_han) :]
CN_SURNAMES = tuple(p.rstrip("abcdefghijklmnopqrstuvwxyz") for p in _SURNAMES.split())
CN_GIVEN = tuple(p.rstrip("abcdefghijklmnopqrstuvwxyz") for p in _GIVEN.split())
EN_NICK = [
    "Kevin",
    "Tony",
    "Jack",
    "Cherry",
    "Vivian",
    "Coco",
    "Eric",
    "Jason",
    "Sunny",
    "Lily",
    "Amy",
    "Alan",
    "Ivan",
    "Wendy",
    "Candy",
    "Peter",
    "Jimmy",
    "Sam",
    "Ken",
    "Joyce",
    "Winnie",
    "Bella",
    "Leo",
    "Frank",
    "Gary",
    "Ricky",
    "Ada",
    "Apple",
    "Echo",
    "Lucas",
]
# (first names | ..., surnames | ..., mail domain)
LATIN = (
    (
        "Klaus|Jürgen|Stefan|Markus|Sabine|Anja|Thomas|Katrin",
        "Becker|Hoffmann|Schäfer|Wagner|Krüger|Lehmann",
        "gruppe-technik.de",
    ),
    (
        "Tom|Emily|Daniel|Rachel|Oliver|Hannah",
        "Walsh|Turner|Harrison|Bennett|O'Brien|Clarke",
        "brightwell.co.uk",
    ),
    (
        "Michael|Jennifer|Brian|Ashley|Kevin|Laura",
        "Johnson|Miller|Rodriguez|Thompson|Nguyen|Patel",
        "summitappliance.com",
    ),
    ("Marco|Giulia|Luca|Francesca", "Rossi|Bianchi|Colombo|Ferrari", "termoitalia.it"),
    ("Priya|Rahul|Anand|Deepa", "Nair|Sharma|Iyer|Menon", "vistaimports.in"),
    ("Carlos|Ana|João|Lucía", "Mendes|García|Fernández|Oliveira", "distrelec-ib.es"),
    ("Pierre|Camille|Julien|Élodie", "Dubois|Lefèvre|Moreau|Laurent", "climatech.fr"),
    ("Ahmad|Siti|Farid|Nurul", "Rahman|Ismail|Hassan|Abdullah", "klcool.com.my"),
    ("Minh|Thanh|Lan|Huong", "Nguyen|Tran|Pham|Le", "saigonelec.vn"),
)

_DISTRICTS = (
    (
        "佛山市",
        "顺德区",
        ("北滘镇", "容桂街道", "大良街道", "伦教街道", "陈村镇", "乐从镇"),
        "528300",
    ),
    ("佛山市", "南海区", ("桂城街道", "狮山镇", "大沥镇", "里水镇", "西樵镇"), "528200"),
    ("佛山市", "禅城区", ("祖庙街道", "张槎街道", "石湾镇街道", "南庄镇"), "528000"),
    ("佛山市", "三水区", ("西南街道", "乐平镇", "白坭镇"), "528100"),
    ("佛山市", "高明区", ("荷城街道", "杨和镇"), "528500"),
    ("广州市", "天河区", ("珠江新城", "石牌街道", "林和街道"), "510620"),
    ("广州市", "番禺区", ("市桥街道", "大石街道"), "511400"),
    ("深圳市", "宝安区", ("西乡街道", "福永街道"), "518100"),
    ("东莞市", "", ("长安镇", "虎门镇", "松山湖"), "523000"),
    ("中山市", "", ("小榄镇", "东凤镇"), "528400"),
    ("长沙市", "岳麓区", ("观沙岭街道",), "410013"),
    ("南宁市", "青秀区", ("新竹街道",), "530022"),
)
_ROADS = [
    "美的大道",
    "工业大道",
    "顺峰山路",
    "南海大道北",
    "桂澜路",
    "季华五路",
    "佛山大道中",
    "文华北路",
    "汾江中路",
    "岭南大道北",
    "环镇东路",
    "兴业路",
    "创业路",
    "科技路",
    "新城路",
    "广珠公路",
    "105国道",
    "中山路",
    "建设路",
    "人民路",
]
_ESTATES = [
    "碧桂园",
    "保利水城",
    "万科金色家园",
    "中海锦城",
    "美的城",
    "怡翠玫瑰园",
    "君兰国际",
    "海琴湾",
    "恒大华府",
    "时代花园",
]
_EN_ROADS = (
    "Meide Avenue",
    "Nanhai Avenue North",
    "Jihua 5th Road",
    "Foshan Avenue Middle",
    "Industrial Avenue",
    "Xingye Road",
    "Keji Road",
    "Guilan Road",
)
_EN_DISTRICTS = (
    ("Beijiao Town, Shunde District", "528311"),
    ("Guicheng, Nanhai District", "528200"),
    ("Chancheng District", "528000"),
    ("Ronggui, Shunde District", "528305"),
    ("Shishan Town, Nanhai District", "528225"),
)
_FOREIGN = (
    "Industriestraße {n}, 70565 Stuttgart, Germany",
    "Hauptstr. {n}, 80331 München",
    "{n} Harbour Road, Wan Chai, Hong Kong",
    "Unit {n}, Riverside Business Park, Manchester M17 1AB, UK",
    "{n} N First St, San Jose, CA 95131, USA",
    "Via Roma {n}, 20121 Milano, Italia",
    "{n} rue de la République, 69002 Lyon, France",
    "No. {n}, Jalan Kuchai Lama, 58200 Kuala Lumpur",
    "{n} Orchard Road #12-03, Singapore 238839",
)


def cn_address(r: random.Random, home: bool = True) -> str:
    city, district, towns, _ = r.choice(_DISTRICTS)
    town = r.choice(towns)
    home_province = {"长沙市": "湖南省", "南宁市": "广西壮族自治区"}.get(city, "广东省")
    province = "" if r.random() < 0.4 else home_province
    road = r.choice(_ROADS)
    number = f"{r.randint(1, 388)}号"
    if home:
        tail = r.choice(
            (
                r.choice(_ESTATES)
                + f"{r.randint(1, 20)}座{r.randint(2, 33)}{r.randint(1, 8):02d}房",
                r.choice(_ESTATES)
                + f"{r.randint(1, 12)}栋{r.randint(1, 4)}单元{r.randint(101, 2808)}",
                f"{r.randint(1, 30)}巷{r.randint(1, 40)}号之{r.randint(1, 5)}",
            )
        )
    else:
        tail = r.choice(
            (
                "",
                f"{r.randint(1, 9)}号厂房",
                f"{r.choice('ABCDE')}栋{r.randint(1, 12)}楼",
                f"工业园{r.randint(1, 6)}区",
            )
        )
    return f"{province}{city}{district}{town}{road}{number}{tail}"


def en_address(r: random.Random) -> str:
    where, post = r.choice(_EN_DISTRICTS)
    room = r.choice(
        (
            f"Room {r.randint(101, 2808)}, Block {r.randint(1, 12)}, ",
            f"Building {r.randint(1, 9)}, ",
            "",
        )
    )
    road = f"No. {r.randint(1, 388)} {r.choice(_EN_ROADS)}"
    return f"{room}{road}, {where}, Foshan, Guangdong {post}, China"


def foreign_address(r: random.Random) -> str:
    return r.choice(_FOREIGN).format(n=r.randint(2, 240))


def postcode(r: random.Random) -> str:
    return r.choice(_DISTRICTS)[3]


__all__ = [
    "CN_GIVEN",
    "CN_SURNAMES",
    "EN_NICK",
    "LATIN",
    "PINYIN",
    "cn_address",
    "en_address",
    "foreign_address",
    "postcode",
]


# plain business sentences: numbers and codes that are nobody's personal data (not labelled)
FILLER = (
    "本批次按GB 4706.1-2005和IEC 60335-2-40检验，抽样AQL 0.65。",
    "额定电压220V~/50Hz，功率1500W，能效等级1级。",
    "Please note the lead time is 35 days after deposit (30% T/T in advance, 70% before shipment).",
    "第3季度的返修率是0.82%，比去年同期下降0.3个百分点。",
    "We need 2 x 40HQ containers, ETD Nansha port on the 15th.",
    "包装尺寸 860×335×545 mm，毛重 38.5 kg，每托 12 台。",
    "The new mould (cavity 1+1) will be ready for T1 in week 48.",
    "会议定于周四下午3点，地点3号会议室。",
    "Price valid until end of December, FOB Shenzhen, MOQ 500 pcs.",
    "按合同第7.2条，延期交货每天扣货款的0.5%。",
    "Temperature test at 43°C ambient passed, 72 h continuous run.",
    "本月产量 12,580 台，合格率 99.2%。",
    "ISO 9001:2015 surveillance audit is scheduled for 2026-12-08.",
    "请在ERP里把这张单的状态改成\u201c已审核\u201d。",
    "Sorry for the late reply, I was in the Canton Fair last week.",
    "1.5匹变频挂机，R32冷媒，噪音 ≤ 38 dB(A)。",
    "共计 3 箱，第 2 箱为备件。",
    "RoHS and REACH reports attached (SVHC 235 items).",
)
