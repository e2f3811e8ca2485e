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

# Characters common in given names: the character model by which a surname and one or two
# characters read as a name where nothing but the text's shape says so (a chat speaker, a
# name after a role word): 金额, 时间, 方式 begin with a surname and are not names.
GIVEN_CHARS: Final = frozenset(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华霞平刚桂兰玉萍红鹏飞辉宇浩凯健俊帆帅旭宁龙林斌"
    "波亮峰建国文志海云鑫鸿宏博彬晨晶婷雪梅琳颖莉倩佳欣悦怡雯蕾薇璐瑶瑾琪琦萱涵晗轩泽睿哲宸"
    "昊然子梓若可心思诗雨嘉佩慧惠淑珍珠凤燕玲翠琴芬春秋冬夏月晓小大新永德荣福贵祥瑞家庆安全"
    "成功胜利宝金银山川江河湖松柏梁栋才学武彪虎豪雄光耀晖昌盛兴旺发达通顺和卫东南西北中民兵"
    "青蓝紫丹彤菲芸蓉莲荷菊竹杏桃樱桐楠森杨柳枫乐笑嫣妍媛娇婉姗娅妮姿婧依伊一立正方圆元远航"
    "翔鹤凰麟淼垚智聪捷仁义礼信忠孝廉勤俭恒毅坚柔曦晴雅韵逸飘尔之以如其士世生长天人合同保佑"
    "护佐润泉源溪潇洁清澄沛淳渊滢瀚洲岳峻岩石坤培城基堂增墨书琳艺宁康泰寿禄喜财玮琛瑜璇琰"
    "珏瑛珊璋瑄琼玥瑗珂珺阳亚男女奇凡晋豫冰玲莹萌蒙梦媚娥妹姐娣弟哥兄振震威卓越群众友朋宾"
    "彦延炎焱烨煜熙照琨瑾璟璞骏驰骁腾跃鸣啸吟咏歌舒畅爽朗岚崇嵩峥嵘巍屹岱宜宣容宽富实宪"
    "秉禾稼穗秀程科积稳竞端笛策筠简箐纯纬纪约红纳纶绍经维绪续绮绵缘缨罡翊翎翰耀聚胤臻舟航"
    "艾芊芝芮芷苑若苒茂茜茹荃莎莘菁萍萧蔚蕊蕙薏藜虹蝶裕襄西观谊谦谨贞贤赞赫超越路辰达迪逊"
    "遥邦郁醇金鉴铭锋锐锦镇长闻阔队陶隆雁雄雅雯霖霏露青靖韬韩顺颂颐频飒馨香驹骞高鸥鹃鹰黎"
    "默鼎齐龄益盈睿瞻知矗石砚硕碧磊祎祖神祥禧禹秦穆空立章竣童端笙筱米粲精素紫红纤经绍"
    "茵蓓蔓蕴薪藻虔行衡袁裴西言谋诚谦豪贝贺资赛起轶辉迎进远遵邵郑醒重野钊钦钧钰铎铮锟"
    "锡镜阁阜陈雍雷霄靓韦音韶顾颜风飞馥骥鲁鸿鹤麒黛"
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
