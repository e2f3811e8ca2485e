"""Reference lists for names: common Chinese surnames and words that are not given names."""

from __future__ import annotations

from typing import Final

# The ~300 most common single-character surnames (covering well over 95% of the population)
# and the compound surnames still in use.
SINGLE_SURNAMES: Final = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻"
    "位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦"
    "戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但"
    "尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
COMPOUND_SURNAMES: Final = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "令狐",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "万俟",
    "申屠",
    "钟离",
)

# Characters that, right before a surname, are far more often a word of the sentence than the
# first character of a three-character name: 请于张伟先生 -> 张伟, not 于张伟.
FUNCTION_CHARS: Final = frozenset(
    "于和与及向给对由请被把让跟同是在为将从叫的了等或致经找问称谢见位名"
)

# Capitalised words that follow "Dear", "Name:" and friends without being a person's name.
NOT_NAMES: Final = frozenset(
    [
        "customer",
        "customers",
        "sir",
        "madam",
        "sirs",
        "team",
        "support",
        "valued",
        "all",
        "colleague",
        "colleagues",
        "partner",
        "partners",
        "client",
        "clients",
        "friend",
        "friends",
        "member",
        "members",
        "user",
        "users",
        "hiring",
        "manager",
        "managers",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "the",
        "a",
        "an",
        "our",
        "your",
        "this",
        "that",
        "to",
        "whom",
        "it",
        "concern",
        "service",
        "services",
        "sales",
        "account",
        "accounts",
        "department",
        "office",
        "admin",
        "administrator",
        "owner",
        "holder",
        "applicant",
        "shareholder",
        "shareholders",
        "supplier",
        "suppliers",
        "vendor",
        "vendors",
        "guest",
        "guests",
        "staff",
        "employee",
        "employees",
        "subscriber",
        "subscribers",
        "reader",
        "readers",
        "everyone",
        "there",
        "hello",
        "hi",
        "thanks",
        "thank",
        "unknown",
        "none",
        "null",
        "n/a",
        "tbd",
        "phone",
        "email",
        "tel",
        "address",
        "order",
    ]
)
# Words that end a name when they follow it on the same line: "Name: John Smith Phone: ...".
NAME_TERMINATORS: Final = frozenset(
    [
        "phone",
        "email",
        "tel",
        "mobile",
        "address",
        "order",
        "date",
        "id",
        "no",
        "number",
        "account",
        "card",
        "from",
        "to",
        "cc",
        "re",
    ]
)
