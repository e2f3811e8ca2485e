"""Reference lists for names: common Chinese surnames and words that are not given names."""

from __future__ import annotations

from typing import Final

from piiguard.scanner.detectors.lexicon.traditional import TAIWAN_GIVEN, added, traditional

# The ~300 most common single-character surnames (covering well over 95% of the population)
# and the compound surnames still in use.
_SURNAMES_SIMPLIFIED = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻"
    "位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦"
    "戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但"
    "尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    # more of the Hundred Family Surnames (百家姓) still in use
    "傅萧洪赖阎凤贝钮滑荀糜松牧宓蓬仰秋韶鄂怀苍双贡扶濮寿习鱼慎庾步弘禄蔚越融养巢竺益桓逢汝郦"
)
# … and as Taiwan, Hong Kong and Macau write them (張 陳 黃 劉 歐陽: lexicon/traditional.py)
SIMPLIFIED_SURNAMES: Final = _SURNAMES_SIMPLIFIED
TRADITIONAL_SURNAMES: Final = added(_SURNAMES_SIMPLIFIED)
SINGLE_SURNAMES: Final = SIMPLIFIED_SURNAMES + TRADITIONAL_SURNAMES
_COMPOUND_SIMPLIFIED = (  # noqa: SIM905 - fifty words: as a list literal, fifty lines
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 "
    "轩辕 令狐 端木 独孤 南宫 西门 百里 呼延 万俟 申屠 钟离 单于 东郭 "
    "濮阳 拓跋 闻人 澹台 公冶 宗政 太叔 赫连 司空 左丘 梁丘 乐正 司寇 "
    "巫马 颛孙 公良 漆雕 鲜于 闾丘 亓官 仲孙 叔孙 段干 夹谷"
).split()
SIMPLIFIED_COMPOUNDS: Final = tuple(_COMPOUND_SIMPLIFIED)
COMPOUND_SURNAMES: Final = (
    *_COMPOUND_SIMPLIFIED,
    *sorted({traditional(w) for w in _COMPOUND_SIMPLIFIED} - set(_COMPOUND_SIMPLIFIED)),
)

# Characters common in given names: the character model by which a surname and one or two
# characters read as a name where nothing but the text's shape says so (a chat speaker, a
# name after a role word): 金额, 时间, 方式 begin with a surname and are not names.
_GIVEN_SIMPLIFIED = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华霞平刚桂兰玉萍红鹏飞辉宇浩凯健俊帆帅旭宁龙林斌添"
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
    "茵蓓蔓蕴薪藻虔衡袁裴西言谋诚谦豪贝贺资赛起轶辉迎进远遵邵郑醒重野钊钦钧钰铎铮锟"
    "锡镜阁阜陈雍雷霄靓韦音韶顾颜风飞馥骥鲁鸿鹤麒黛美花"
    "皓晟亦语婕姝嫣沐楷铠钰钧淇渝湘沁泓浚溢滨澎煊烨祺禧根树仓满庆喜顺旺财梁崇岚蕊彩琬"
    "婵娴媚嫚巧慈爱德勋功坤乾宸昕晔昱暄曜朗杭柯桦梵棠槿檬欢歆毓沫泊泽洛浠涟淑湉漪澈灵"
    "炜烁熠燊特犀献玄玫珈珞琅琇瑕瑟璇璨瓒甜畅登百盼真睦矫硕祁禾秀稚竹筑粼纨纹绘绣绫缤"
    "羽翌翠耕聆育胜臣舜芃芙芯苗英茗荔莺菡萌葆蒂蓝蔷蕾薰虎蛟融裳褀视览觉誉诺豫贝贻贺资"
    "赋跃轩辞迅逍遥邈郎钊铃锦闯阑雀雏雾震霓霜霞靖韧韵颀飙香驿骏魁鸾鹊麟黎"
    "良善廷仲伯叔孟宗厚炳焕灿升克守汉唐宋楚丰兆亿冠恩恭敬昆朴湛澜煌熹壮展承继隽霁鲲"
    "迈悟惟唯苇涓浪炯烽焰舞少仪嫦"  # 少, 仪, 嫦: common in Cantonese given names (少芬, 淑仪)
    "宛启"  # 宛如, 宛婷; 启明, 启航, 启超
)
GIVEN_CHARS: Final = frozenset(_GIVEN_SIMPLIFIED + added(_GIVEN_SIMPLIFIED) + TAIWAN_GIVEN)

# A log line's level after its stamp (`… 10:01:12 DEBUG Authorization: …`): no speaker.
LOG_LEVELS: Final = frozenset(["TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "FATAL"])
_KINSHIP = (
    "母亲父亲岳父岳母伯父伯母伯伯叔叔舅舅姑姑姨妈哥哥姐姐弟弟妹妹儿子女儿丈夫妻子爷爷奶奶外公外婆"
    "公公婆婆孙子孙女兄弟姐妹同事朋友本人子女"
)
# Words that begin with a surname and read as a name by shape but are not names (days, places,
# common words): never a name, whatever the context.
_NOT_NAMES_SIMPLIFIED = frozenset(
    [
        # kinship words a form's family table holds where names go (母亲, 岳父, 孙女 …)
        *(_KINSHIP[i : i + 2] for i in range(0, len(_KINSHIP), 2)),
        "周一",
        "周二",
        "周三",
        "周四",
        "周五",
        "周六",
        "周日",
        "周末",
        "关系",  # a family table's "relationship" column
        "明天",
        "明日",
        "明年",
        "明晚",
        "明早",
        "明确",
        "明白",
        "明细",
        "明星",
        "明珠",
        "高清",
        "高峰",
        "高速",
        "高新",
        "高兴",
        "云南",
        "海南",
        "华南",
        "华东",
        "华北",
        "华中",
        "江南",
        "平安",
        "安全",
        "安装",
        "安排",
        "安心",
        "安徽",
        "万元",
        "万一",
        "万达",
        "宁波",
        "成功",
        "成立",
        "成都",
        "成本",
        "齐全",
        "金华",
        "金额",
        "文明",
        "温馨",
        "温和",
        "黄金",
        "任何",
        "任务",
        "任意",
        "时间",
        "时候",
        "方式",
        "方案",
        "方向",
        "方便",
        "方法",
        "程序",
        "程度",
        "包括",
        "包装",
        "全国",
        "全部",
        "全新",
        "全年",
        "全天",
        "江西",
        "江苏",
        "湖北",
        "山东",
        "山西",
        "广东",
        "广西",
        "向前",
        "向上",
        "余额",
        "余下",
        "余量",
        "常见",
        "常规",
        "常用",
        "常熟",
        "吉林",
        "米兰",
        "车间",
        "车辆",
        "严重",
        "严格",
        "于是",
        "和平",
        "黎明",
        "龙华",
        "罗湖",
        "宝安",
        "福田",
        "南山",
        "龙岗",
        "东莞",
        "海洋",
        "海珠",
        "长安",
        "长城",
        "长江",
        "马上",
        "马达",
        "石材",
        "田园",
        "林业",
        "石油",
        "温度",
        "高度",
        "周期",
        "周年",
        "周边",
        "周到",
        "白色",
        "红色",
        "黄色",
        "蓝色",
        "金色",
        "银色",
        "谢谢",
        "丁香",
        "钱包",
        "管理",
        "关于",
        "关注",
        "关键",
        "司机",
        "武汉",
        "贺卡",
        "华为",
        "苏宁",
        "夏天",
        "秋天",
        "冬天",
        "春天",
        "毛利",
        "利润",
        "支行",
        "分行",
        "银行",
        "总行",
        "支付",
        "付款",
        "付费",
        "施工",
        "郑重",
        "柏林",
        "易用",
        "易损",
        # a letter's closing (此致⏎敬礼), never its signer
        "敬礼",
        "此致",
    ]
)
NOT_NAMES_ZH: Final = _NOT_NAMES_SIMPLIFIED | {traditional(w) for w in _NOT_NAMES_SIMPLIFIED}

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

# Role words a name follows in running text (工程师卫阳, 顾问钱美玲, 物流部欧阳晨) and verbs
# whose object is a person (已联系孙桂英): context.py's zh_name_role.
ROLE_WORDS: Final = (
    "工程师",
    "技术员",
    "经理",
    "主管",
    "总监",
    "专员",
    "客服",
    "顾问",
    "助理",
    "主任",
    "司机",
    "师傅",
    "老师",
    "医生",
    "护士",
    "律师",
    "会计",
    "店长",
    "组长",
    "厂长",
    "业务员",
    "同事",
    "员工",  # 新员工赵晨思的身份证号
    "跟单",  # 请联系跟单谭少鹏
    "销售代表",
    "对接人",
    "跟进人",
    "处理人",
    "车主",
    "业主",
    # verbs whose object is a person: 已联系孙桂英, 致电卫阳
    "联系",
    "致电",
    "通知",
    "告知",
    "拜访",
    "电联",
    "转告",
    "提醒",
    "接待人",
    "维修员",
    "代表",
    "法务",
    "采购",
    "部",
    # 维修人员罗阳明, 本人郝春波（身份证…）, 请直接找高彤超
    "人员",
    "本人",
    "找",
    "让",  # 让张洋明天带备件过去: asked to do something, a name held to the model
    "叫",
    "安排",
)
