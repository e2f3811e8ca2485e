"""The vocabulary of field names: column headers, JSON keys, log keys and form labels, in
Chinese and English with synonyms and abbreviations (and pinyin keys: xm, csrq, hzh …),
each mapped to what the field holds (fields.py checks the values)."""

from __future__ import annotations

import re
from typing import Final

from piiguard.scanner.detectors.lexicon import numbered, spellings
from piiguard.scanner.detectors.lexicon.kin import KIN_LABELS
from piiguard.scanner.detectors.lexicon.numbered import BANK_CARD, CARD

NOT_PERSONAL: Final = "not_personal"  # a suppressing hit's type (engine.scan drops them)
NAME, DOB, PASSPORT, ACCOUNT = "person_name", "date_of_birth", "passport", "bank_account"
NAME_PART = "name_part"  # a first, last or family name: one word is a name there
SECRET, COORDINATES, LATITUDE = "secret", "coordinates", "latitude"
PLATE = "licence_plate"  # 车牌号, vehicle_plate, Plate No.: a registration in any writing
ID_DOC = "id_document"  # 证件号码, id_no: a passport when it has a passport's shape
# A bare `account` key (refund ok account=…): a bank account, or the card it names when the
# number is a valid card (Luhn, issuer, length); `bank_account`, `Account No.`, 账号 say
# account whatever the digits.
ACCOUNT_OR_CARD = "account_or_card"
NICK = "nickname"  # nick, nickName, 昵称: a name there only when it is one, whole


def _split(words: str) -> frozenset[str]:
    return frozenset(words.split())


# English keys, split into lower-case tokens (snake_case, camelCase, spaces, dots, dashes):
# the meaning of a key is that of its longest tail of tokens found here.
_EN_TAILS: Final[dict[tuple[str, ...], str]] = {}
for _words, _meaning in (
    (
        "name|fullname|full name|realname|real name|contact|contact person|cardholder|"
        "card holder|holder|account holder|"
        "recipient|receiver|consignee|addressee|attn|attention|applicant|signatory|"
        "customer|client|patient|passenger|employee|emp name|cust name|buyer|requester|"
        "visitor|agent|display name|"
        "requestor|approver|assignee|reporter|handler|technician|engineer|driver|courier|"
        "operator|salesperson|sales rep|inspector|signee|sender|guardian|spouse|officer|"
        "emergency contact|next of kin|beneficiary|payee|insured|"
        "family member|accompanying family|dependant|dependent|"
        "xm|xingming|lxr|lianxiren|khmc|khxm|sjr|shoujianren|user|username|user name|uname|"
        "signature|signed|signed by|approved by|checked by|prepared by|reviewed by|handled by|"
        "assigned to|issued by|verified by|inspected by|requested by|submitted by|"
        "created by|updated by|modified by|by engineer|by technician|"
        "received by|collected by|picked up by|accepted by|by|"
        # a name in another writing: `"pinyin": "CHENG Linbo"`, name_en, english_name
        "pinyin|pinyin name|name pinyin|name py|name en|en name|english name|name english|"
        "romanized name|romanised name|latin name|alias|pinyinming|yingwenming|"
        # owners and contacts with a place or role after them: `Contact on site: …`
        "owner|maintainer|author|contact on site|on site contact|onsite contact|site contact|"
        "contact at site|name on card|name on file|person in charge|"
        # `nm` for name after a person's word (cust_nm, emp_nm); shr 收货人 (shouhuoren)
        "cust nm|customer nm|client nm|contact nm|emp nm|employee nm|user nm|member nm|"
        "shr|shouhuoren",
        NAME,
    ),
    (
        "first name|last name|given name|family name|middle name|surname|fname|lname|"
        "firstname|lastname|givenname|familyname|forename|vorname|nachname|familienname",
        NAME_PART,
    ),
    (
        "dob|birthday|birthdate|birth date|date of birth|born|born on|birth|bday|"
        "date birth|birth dt|csrq|chusheng riqi|chushengriqi|shengri|geburtsdatum|geb|"
        "geboren|date de naissance|fecha de nacimiento|srrq|shengri riqi|csny",
        DOB,
    ),
    (
        "passport|passport no|passport number|passport num|passport id|passportno|hzh|hzhm|"
        "huzhao|huzhaohao|reisepass|reisepass nr|reisepassnummer|passeport|pp no|ppno|"
        "pp number",
        PASSPORT,
    ),
    (
        "id no|id number|id num|idno|document no|document number|doc no|id doc|"
        "certificate no|cert no|zjhm|zjh|zhengjian|zhengjianhao",
        ID_DOC,
    ),
    (
        "account no|account number|account num|acct|acct no|acct num|bank account|"
        "bank acct|accountno|bankaccount|bank account no|bank account number|bank no|"
        "yhzh|yhzhh|zhanghao|yinhangzhanghao|skzh|"
        "a c|a c no|a c number|acno|acct no|beneficiary a c|beneficiary a c no",  # (A/C No.)
        ACCOUNT,
    ),
    (
        "password|passwd|pwd|pass|pwd plain|password plain|plain password|secret|"
        "client secret|token|access token|auth token|refresh token|api key|apikey|"
        "access key|secret key|private key|credential|credentials|passphrase|passcode|pin|"
        "access key id|accesskey id|access key secret|accesskey secret|secret access key|"
        "mima|dlmm|pwd hash plain",
        SECRET,
    ),
    (
        "coordinates|coordinate|coords|coord|gps|latlng|lat lng|lat lon|latlon|lat long|"
        "geo|geolocation|location|position|lnglat|lng lat|lon lat|zuobiao|jwd|jingweidu|"
        "geo point|geopoint|latlong|center|centre|map center|map centre|"
        # a map's marker, as map apps share it (Drop pin: 22.9, 113.1; Dropped pin)
        "drop pin|dropped pin|map pin|pin location|location pin|pinned location",
        COORDINATES,
    ),
    ("lat|latitude|lng|lon|long|longitude", LATITUDE),
    (
        "plate|plate no|plate number|licence plate|license plate|"
        "vehicle plate|car plate|number plate|registration plate|vehicle|vehicle no|"
        "vehicle number|car no|truck no|trailer|chepai|chepaihao|cph",
        PLATE,
    ),
    (
        "pn|p n|part|part no|part number|partno|part num|model|model no|model number|"
        "serial|serial no|serial number|sn|s n|sku|version|ver|build|firmware|fw|"
        "firmware version|sw version|hw version|revision|rev|lot|lot no|batch|batch no|"
        "order no|order number|order id|po|po no|invoice no|tracking no|tracking number|"
        "so no|so number|sales order|sales order no|sales order number|"
        "materials|parts|"
        "waybill|item no|material|material no|mpn|ean|upc|asin|barcode|catalog no|"
        "item code|product code|material code|goods code|article no|article number|"
        "ticket no|ticket id|case no|case id|rma|rma no|transaction id|txn id|request id|"
        "trace id|span id|message id|msg id|in reply to|references|session id|device id|"
        # a device's own identifier (device=…, device_sn): an appliance's, not a person's
        "device|device no|device sn|asset no|asset tag|"
        "imei|mac|app version|client version|os version|agent version|lh|liaohao|xh|xinghao|"
        "bbh|banbenhao|gjbb|rjbb|yjbb|ddh|dingdanhao|gdh|ljh|lingjianhao|wlbm|"
        # full pinyin keys (wuliao_bianma 物料编码, xuliehao 序列号, pici 批次 …)
        "bianma|bianhao|wuliao|wuliaohao|wuliao hao|lingjian|lingjian hao|xuliehao|xulie hao|"
        "pici|pihao|pici hao|banben|gujian|dingdan|dingdan hao|gongdan|gongdan hao|yundan|"
        "yundan hao|tiaoma|huohao|shebei hao|shebeihao|jishenhao|chuanhao|"
        # staff numbers and cost centres: a company's codes, never a phone or an ID
        "emp no|empno|emp id|empid|employee no|employee number|employee id|staff no|staff id|"
        "work no|job no|gonghao|cost center|cost centre|costcenter|kostl|"
        # a member's or loyalty card's number: the company's, never the phone it looks like
        # (not `member card no`: `sync member cardNo=6214…` is a member's bank card)
        "member no|member number|member id|member code|"
        "membership no|membership number|membership id|loyalty id|loyalty no|"
        "loyalty number|loyalty card|loyalty card no|vip no|vip id|"
        "hybh|hyh|hyk|hykh|huiyuanhao|huiyuan hao|huiyuan bianhao|huiyuanka",
        NOT_PERSONAL,
    ),
    ("account", ACCOUNT_OR_CARD),
    ("nick|nickname|nick name|user nick|nick nm", NICK),
    *numbered.EN,  # cards, national identity numbers, IBANs, BBANs (lexicon/numbered.py)
):
    for _phrase in _words.split("|"):
        _EN_TAILS[tuple(_phrase.split())] = _meaning

# Tokens before a name-like tail that make the key something else's name or number.
_NOT_PERSON_PREFIX: Final = _split(
    "product item part file host device model brand shop store project company org organization "
    "organisation dept department category sheet table app application login bank branch city "
    "street country province district server service domain column field key class type group team "
    "role job title event channel vendor supplier merchant warehouse plant site region sku tag "
    "queue topic db database schema process task module package menu page button display screen "
    "nick path dir folder font"
)
# The words for the person who acts on a thing, whatever the thing (task assignee).
_ROLES: Final = _split("assignee approver reporter requester requestor operator handler")
# `by` alone names the person who acted (`by=陈志强`; `deploy build=… by=Huiyu Liu`, where the
# key read back takes in the previous value) but after the words that make it an ordering or
# a maker (order_by, group by, made by, powered by). Its value follows `=` or `:`, never a
# space (by Monday, made by Siemens AG): context.py asks by_alone.
_NOT_BY_PREFIX: Final = _split(
    "order ordered sort sorted group grouped partition partitioned filter filtered split "
    "made powered manufactured produced supplied provided sponsored hosted generated caused "
    "driven followed replaced superseded distributed published designed developed built "
    "divided multiplied step"
)
# Tokens before a part/order/code word that make it an identifier of a person or a card:
# shenfenzheng_bianhao (身份证编号), yinhangka_hao, passport_serial.
_NOT_NUMBER_PREFIX: Final = _split(
    "sfz shenfenzheng zhengjian huzhao yinhang yinhangka shouji dianhua phone mobile tel "
    "passport bank card account id identity"
)
# Tokens before "account" that make it something other than a bank account.
_NOT_BANK_PREFIX: Final = _split(
    "user login email mail wechat weixin qq game member service system admin cloud aws "
    "github twitter social sales key ad"
)
# Chinese labels, matched as the label's tail ("客户姓名" ends with 姓名).
_ZH_TAILS: Final[dict[str, str]] = {}
for _words, _meaning in (
    (
        "姓名|名字|联系人|客户名称|客户姓名|收件人|收货人|寄件人|发件人|经办人|负责人|申请人|"
        "英文名|英文姓名|英文名字|拼音|姓名拼音|拼音姓名|曾用名|别名|"
        "投诉人|签收人|持卡人|开户名|户名|开户人|姓名全称|真实姓名|法人|法定代表人|"
        "紧急联系人|联络人|对接人|报修人|报案人|来访人|乘客|患者|学员|业主|采购员|审批人|"
        "处理人|跟进人|接待人|维修员|维修人员|技术员|司机|业务员|销售员|客服|操作员|质检员|"
        "检验员|审核人|批准人|制单人|录入人|下单人|订货人|提货人|送货人|收款人|付款人|"
        "开户人姓名|监护人|配偶|家属|抄送|工程师|售后工程师|服务工程师|客户|签名|签字|回访|"
        "回访人|审批|批准|核准|经手|经手人|接单|接单人|派单人|维修人|验收|验收人|复核|复核人|"
        "开单人|制表人|填表人|记录人|登记人|用户|车主|法人代表|客户代表|代表|委托代理人|代理人|"
        "被访人|访客|报销人|盘点人|审核|审核人|经理|项目经理|快递员|送货员|配送员|会员名称|"
        "用户名称|签字人|填报人|报告人|发起人|推荐人|介绍人|本人签字|"
        # staff named by their role or act: 安装人员, 寄件 / 收件 on a waybill, 制单, 签收
        "人员|安装人|寄件|收件|制单|签收|仓管|经办|代收人|结单人|受理人|对接人|跟单人|跟单员|"
        "办理人|联络人|家庭成员|随行家属|随行人员|"
        # a person's name cut short (会员名, 收货人名) and the tradesman sent (师傅, 维修师傅)
        "会员名|联系人名|收货人名|收件人名|师傅|"
        # an account's holder (a bank form): 账户名称 CHAN TAI MAN, 户主
        "账户名称|账户名|帐户名称|帐户名|开户名称|户主|户主姓名|账户姓名|"
        # in Traditional characters (a Taiwan or Hong Kong customer's form)
        "聯絡人|聯繫人|客戶名稱|客戶姓名|收貨人|負責人|經辦人|申請人|持卡人|開戶名|緊急聯絡人|客戶",
        NAME,
    ),
    ("出生日期|出生年月|出生年月日|生日|出生|出生时间|诞辰", DOB),
    # (Traditional 護照; a copy's number: 护照复印件号码)
    ("护照|护照号|护照号码|护照编号|護照|護照號|護照號碼|護照編號|护照复印件号码", PASSPORT),
    ("证件号码|证件号|证件编号|有效证件号", ID_DOC),
    ("账号|帐号|银行账号|银行帐号|银行账户|账户|帐户|收款账号|收款账户|对公账户", ACCOUNT),
    ("密码|口令|密钥|登录密码|明文密码|支付密码|令牌", SECRET),
    ("坐标|经纬度|位置坐标|定位|GPS坐标|地理坐标", COORDINATES),
    ("纬度|经度", LATITUDE),
    ("昵称|用户昵称|群昵称", NICK),
    ("车牌|车牌号|车牌号码|车号|牌照|牌照号|号牌|号牌号码|挂车|挂车号|车辆牌照|出车|派车", PLATE),
    (
        "零件号|零件编号|型号|规格型号|版本|版本号|料号|物料号|物料编码|物料编号|序列号|"
        "产品编号|产品型号|批号|批次|批次号|订单号|订单编号|单号|运单号|快递单号|工单号|"
        "发票号|固件|固件版本|软件版本|硬件版本|编号|货号|条码|机身号|流水号|交易号|工单编号|"
        "单据号|申请单号|报修单号|合同号|合同编号|设备号|设备编号|序号|SN码|IMEI|工号|员工号|职工号|"
        "成本中心|"
        # a meeting's number to dial in (会议号 852 3345 9901), not a phone (R2.7)
        "会议号|会议ID|会议编号|入会码|"
        # a member's number (会员号 1836…: the company's, not the phone it looks like)
        "会员号|会员号码|会员卡号|会员卡|会员编号|会员ID|会员卡号码",
        NOT_PERSONAL,
    ),
    *numbered.ZH,
):
    for _phrase in _words.split("|"):
        _ZH_TAILS[_phrase] = _meaning
_ZH_TAILS.update(dict.fromkeys(KIN_LABELS, NAME))  # (lexicon/kin.py)
# Chinese labels whose tail would mislead: 登录账号 is a login, not a bank account.
_ZH_NOT: Final = ("登录", "用户", "会员", "微信", "游戏", "系统", "邮箱", "QQ", "管理员")
# ... and 身份证编号 is a resident ID, not a part number.
_ZH_NOT_NUMBER: Final = tuple("身份 证件 护照 银行 卡 手机 电话 账 帐 社保 驾驶".split())  # noqa: SIM905
# The words before a label that make it something else, by the label's meaning (zh_excluded;
# _labels.c reads the same table).
ZH_EXCLUDING: Final[dict[str, tuple[str, ...]]] = {
    ACCOUNT: _ZH_NOT,
    NOT_PERSONAL: _ZH_NOT_NUMBER,
    CARD: numbered.NOT_CARD_ZH,
    BANK_CARD: numbered.NOT_CARD_ZH,
}

# longest first, then by code point: the same order in every process (these sets' own order
# follows the hash seed, and the compiled Hyperscan databases are cached by expression text)
ZH_LABELS: Final = tuple(sorted(_ZH_TAILS, key=lambda w: (-len(w), w)))
_ZH_LONGEST: Final = len(ZH_LABELS[0])
_ZH_BY_START: Final[
    dict[str, tuple[str, ...]]
] = {}  # first two characters -> labels, longest first
for _label in ZH_LABELS:
    _ZH_BY_START[_label[:2]] = (*_ZH_BY_START.get(_label[:2], ()), _label)
# Tails that are the field only as the whole key: "mm" is 密码 (mima), "width_mm" is not.
# "pos" and "loc" are a position as a whole key only (pos=23.07,113.33; not pos_id, loc_code);
# "latest", "current" and "installed" name a version that way (a firmware check's
# current=2.0.26.93).
_WHOLE_ONLY: Final[dict[tuple[str, ...], str]] = {
    ("mm",): SECRET,
    ("bb",): NOT_PERSONAL,
    ("pos",): COORDINATES,
    ("zb",): COORDINATES,  # zuobiao 坐标
    ("loc",): COORDINATES,  # (MongoDB's and many APIs' point: "geo": {"loc": "23.07, 113.33"})
    ("member",): NOT_PERSONAL,  # "MEMBER": "1836…" (a member's number; family_member: a name)
    **dict.fromkeys([("latest",), ("current",), ("installed",)], NOT_PERSONAL),
    **numbered.WHOLE,
}
# ... and so also as the last word after a space (the key is read back over the spaces of
# `Date of Birth`, which in a key=value log takes in the previous value's last word).
_LAST_WORD: Final = {
    w: m for (w,), m in _WHOLE_ONLY.items() if w not in ("mm", "bb", "cc", "card", "pan")
}
# The single English words a key's last token can be (for the anchoring expressions).
EN_WORDS: Final = tuple(
    sorted(
        {tail[-1] for tail in _EN_TAILS} | {w for (w,) in _WHOLE_ONLY} | spellings.WORDS,
        key=lambda w: (-len(w), w),
    )
)

_TOKEN = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


# A key with one of these words anywhere names a version or a build (fw_from, app_ver_min).
_VERSION_WORDS: Final = frozenset(
    {"fw", "firmware", "version", "ver", "build", "rev", "revision", "sw", "hw", "bios"}
    | {"kernel", "patch", "gjbb", "rjbb", "yjbb", "banben", "gujian"}
)


# The last words a key may have glued to the word before (EMPNAME, CUSTNAME, ORDERNO, as
# upper-case database columns are written): split off when the token is not known whole.
_GLUED_TAILS: Final = ("name", "no")
_KNOWN_TOKENS: Final = frozenset(t for tail in _EN_TAILS for t in tail)


def _unglued(tokens: list[str]) -> list[str]:
    out = []
    for t in tokens:
        tail = next((w for w in _GLUED_TAILS if t.endswith(w) and len(t) > len(w) + 1), None)
        if tail is None or t in _KNOWN_TOKENS:
            out.append(t)
        else:
            out += [t[: -len(tail)], tail]
    return out


def _en_meaning(tokens: list[str], alone: bool = False) -> str | None:
    meaning = _en_meaning_of(tokens)
    if meaning is None:
        split = _unglued(tokens)
        if split != tokens:
            meaning = _en_meaning_of(split)
    if meaning is None:  # custNameCn, dob_date, rcvr_name (lexicon/spellings.py)
        for other, birth in spellings.variants(tokens, alone, _KNOWN_TOKENS):
            found = _en_meaning_of(other) or _en_meaning_of(_unglued(other))
            if found is not None:
                return found if not birth or found == DOB else None
    return meaning


def _en_meaning_of(tokens: list[str]) -> str | None:
    whole = _WHOLE_ONLY.get(tuple(tokens))
    if whole is not None:
        return whole
    if _VERSION_WORDS.intersection(tokens):
        return NOT_PERSONAL
    for size in (4, 3, 2, 1):
        if len(tokens) < size:
            continue
        meaning = _EN_TAILS.get(tuple(tokens[-size:]))
        if meaning is None:
            continue
        if size == 1 and tokens[-1] == "by":
            return None if len(tokens) > 1 and tokens[-2] in _NOT_BY_PREFIX else NAME
        prefix = set(tokens[:-size])
        role = size == 1 and tokens[-1] in _ROLES  # a task's assignee is a person still
        if meaning in (NAME, NAME_PART) and prefix & _NOT_PERSON_PREFIX and not role:
            return None
        refused = (
            _NOT_BANK_PREFIX
            if meaning in (ACCOUNT, ACCOUNT_OR_CARD)
            else _NOT_NUMBER_PREFIX
            if meaning == NOT_PERSONAL
            else numbered.NOT_CARD_PREFIX
            if meaning in (CARD, BANK_CARD)
            else frozenset()
        )
        return None if prefix & refused else meaning
    return None


def by_alone(key: str) -> bool:
    """Whether a key names a person by its last word `by` alone (`by`, `… by`), not by a
    phrase of the vocabulary (approved by, picked up by)."""
    tokens = [t.lower() for t in _TOKEN.findall(key)]
    if not tokens or tokens[-1] != "by":
        return False
    return not any(tuple(tokens[-n:]) in _EN_TAILS for n in (2, 3, 4) if len(tokens) >= n)


def zh_label(run: str) -> str | None:
    """The longest label that a run of Chinese characters begins with."""
    for label in _ZH_BY_START.get(run[:2], ()):
        if run.startswith(label):
            return label
    return None


def zh_excluded(prefix: str, meaning: str) -> bool:
    """Whether the words before a label make it something else: 登录 before 账号 (a login,
    not a bank account), 身份证 before 编号 (a resident ID, not a part number)."""
    return any(word in prefix for word in ZH_EXCLUDING.get(meaning, ()))


def _zh_meaning(label: str) -> str | None:
    for size in range(min(len(label), _ZH_LONGEST), 1, -1):
        tail = label[-size:]
        meaning = _ZH_TAILS.get(tail)
        if meaning is not None:
            prefix = label[: -len(tail)]
            return None if zh_excluded(prefix, meaning) else meaning
    return None


_KNOWN: dict[str, str | None] = {}  # names already classified (a file has few)


# No word of the vocabulary holds a digit (tests/scanner/test_vocabulary_digits.py), so a
# name means what it means with every digit written 0: a log's `052046 user=` and
# `58.251.71.128 client_version=` (key_start reads the value before back as part of the key)
# are classified once, not once per line.
_ZEROS = str.maketrans("123456789", "000000000")


def meaning_of(name: str) -> str | None:
    """meaning_of_name, remembered: a key is classified once, however often it occurs (by
    its name with digits as 0, where it has any other; _keys.c looks it up the same way)."""
    try:
        return _KNOWN[name]
    except KeyError:
        pass
    same = name.translate(_ZEROS)
    if same != name:
        try:
            return _KNOWN[same]
        except KeyError:
            pass
    if len(_KNOWN) > 50_000:
        _KNOWN.clear()
    meaning = _KNOWN[same] = meaning_of_name(same)
    return meaning


def meaning_of_name(name: str) -> str | None:
    """What a field of this name holds (None: nothing this module knows of).

    "客户姓名", "customer_name", "customerName", "Passport No.", "姓名 Name", "出生日期/DOB"
    all resolve; "product_name", "username", "登录账号" do not."""
    name = name.strip().strip("\"'：:").strip()
    if not name or len(name) > 64:
        return None
    for run in _CJK_RUN.finditer(name):
        meaning = _zh_meaning(run.group())
        if meaning is not None and not (run.start() and run.group()[-2:] in KIN_LABELS):
            return meaning  # (a kin word labels only where it begins: 许思（母亲） is a value)
    tokens = [t.lower() for t in _TOKEN.findall(name)]
    if not tokens:
        return None
    # a form qualifier counts in a code key (name_str; `… birthday_str` read back in a log)
    meaning = _en_meaning(tokens, len(_TOKEN.findall(name.rsplit(" ", 1)[-1])) < 2)
    if meaning is None and "/" in name:  # P/N, S/N, "Name / 姓名"
        meaning = _en_meaning(["".join(tokens)])
    if meaning is None and " " in name:  # a log's `… vehicle=粤EL3521 pos=…`: the last word
        last = name.rsplit(" ", 1)[1]  # ... and a code key is one word (`login ok user_name=`)
        meaning = _LAST_WORD.get(last.lower())
        if meaning is None and "_" in last:
            meaning = meaning_of_name(last)
    return meaning
