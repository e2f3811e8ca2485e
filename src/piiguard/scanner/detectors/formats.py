"""Rules for values with a distinctive format: email, IP, coordinates, plates, secrets."""

from __future__ import annotations

import ipaddress
import re

from piiguard.scanner.detectors import checks
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule, hit, near, words

FORMAT = Validator.FORMAT
EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)
# "icon@2x.png" and friends: asset names, not mailboxes.
FILE_SUFFIXES = frozenset(
    [
        "png",
        "jpg",
        "jpeg",
        "gif",
        "svg",
        "webp",
        "bmp",
        "ico",
        "css",
        "js",
        "ts",
        "map",
        "json",
        "pdf",
    ]
)


def _email(m: re.Match[str], text: str) -> Hit | None:
    value = m.group()
    at = value.index("@")
    if value[0] == "." or value[at - 1] == "." or ".." in value[:at]:
        return None
    if value[value.rindex(".") + 1 :].lower() in FILE_SUFFIXES:
        return None
    return Hit("email", m.start(), m.end(), value, 0.95, FORMAT)


IPV4 = re.compile(r"(?<![0-9A-Za-z.])(?:\d{1,3}\.){3}\d{1,3}(?![0-9A-Za-z]|\.\d)")
IP_WORDS = (r"\bIP\b", "地址", "client", "host", "from", "addr", "登录", "访问", "remote")
IP_CONTEXT = words(*IP_WORDS)
VERSION_CONTEXT = re.compile(
    r"(?:v(?<!\w.)|v(?<!\w.)er\.?|version|版本号?|固件|firmware|build|release|rev\.?|[A-Za-z]/"
    r"|r(?<!\w.)v)"  # a browser's revision in its user agent: (X11; Linux i686; rv:1.9.5.20)
    r"\s*[:：]?\s*$",  # v(?<!\w.) is \bv (rule.leading_boundary)
    re.IGNORECASE,
)
# VERSION_CONTEXT's words as literals for the compiled fast path ("[A-Za-z]/" is built in).
VERSION_WORDS = (
    *(r"\bv", r"\bver", r"\bver.", "version", "版本", "版本号", "固件", "firmware"),
    *("build", "release", "rev", "rev.", r"\brv"),
)


# A mail client's or a browser's name on its header line (X-Mailer: Foxmail 7.2.25.228,
# User-Agent: … Thunderbird/115.3.1.2, user_agent=…): its value's numbers are versions; a
# field after it (, ip=…) is not its value.
AGENT_KEY = re.compile(r"(?i)(?:x-mailer|user[-_]?agent)[\"']?[ \t]*[:=][^=,\n]*$")


def agent_line_before(text: str, start: int) -> bool:
    lo = start - 200 if start > 200 else 0
    newline = text.rfind("\n", lo, start)
    return AGENT_KEY.search(text, newline + 1 if newline >= 0 else lo, start) is not None


def _ipv4(m: re.Match[str], text: str) -> Hit | None:
    value = m.group()
    if not checks.ipv4(value):
        return None
    start = m.start()
    if VERSION_CONTEXT.search(text, start - 16 if start > 16 else 0, start):
        return None
    if agent_line_before(text, start):
        return None
    context = IP_CONTEXT.search(text, start - 20 if start > 20 else 0, start)
    return Hit("ip_address", start, m.end(), value, 0.97 if context else 0.9, FORMAT)


IPV6 = re.compile(
    r"(?<![0-9A-Za-z:.])(?=[0-9A-Fa-f]*:[0-9A-Fa-f]*:)[0-9A-Fa-f:]{2,39}"
    r"(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})?(?![0-9A-Za-z:])"
)


def _ipv6(m: re.Match[str], text: str) -> Hit | None:
    value = m.group()
    colons = value.count(":")
    # The pattern admits hex digits, colons and dots only: the rest are letters and digits.
    if colons < 2 or len(value) - colons - value.count(".") < 3:
        return None
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return None
    return hit("ip_address", m, 0.95, Validator.FORMAT)


_COORD_SAID = (  # a place said in a message: 我在这 23.0215, 113.1214; I'm at 22.9987, 113.0456
    ("我在", "在这", "现在在", "位于", "地图", "located", r"\bhere\b", r"\bpin\b", r"\bmap\b"),
    (r"\bI'm at\b", r"\bI am at\b", r"\bI’m at\b"),
)
COORD_WORDS = (
    *("经纬度", "坐标", "定位", "位置", "GPS", r"\blat", r"\blng\b", r"\blon", "location"),
    *("coordinates", *_COORD_SAID[0], *_COORD_SAID[1]),
)
COORD_CONTEXT = words(*COORD_WORDS)
COORDINATES = re.compile(
    r"(?<![0-9A-Za-z])(?<!\d\.)(?P<ns1>[NS] ?)?(?P<lat>[-+]?\d{1,2}\.\d{4,8})°?(?P<ns2> ?[NS])?"
    r"\s*[,，/; ]\s*"
    r"(?P<ew1>[EW] ?)?(?P<lon>[-+]?\d{1,3}\.\d{4,8})°?(?P<ew2> ?[EW])?(?![0-9A-Za-z]|\.\d)"
)


def _coordinates(m: re.Match[str], text: str) -> Hit | None:
    lat, lon = float(m.group("lat")), float(m.group("lon"))
    if abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
        return None
    marked = bool((m.group("ns1") or m.group("ns2")) and (m.group("ew1") or m.group("ew2")))
    if marked or "°" in m.group():
        return hit("coordinates", m, 0.9, Validator.FORMAT)
    if near(text, m.start(), m.end(), COORD_CONTEXT, 24):
        return hit("coordinates", m, 0.9, Validator.CONTEXT)
    return None  # two decimals side by side are as often prices or rates


# Longitude first (GeoJSON, AMap and Baidu write lng,lat): 113.0559,22.9606 beside its word.
LNG_LAT = re.compile(
    r"(?<![0-9A-Za-z.])(?P<lon>[-+]?1\d\d\.\d{4,8})\s*[,，/; ]\s*(?P<lat>[-+]?\d{1,2}\.\d{4,8})"
    r"(?![0-9A-Za-z]|\.\d)"
)

# Degrees, minutes and seconds, each axis marked: 23°07'12.3"N 112°52'21.3"E.
_DMS_VALUE = (
    r"(?P<{0}d>\d{{1,3}})° ?(?P<{0}m>\d{{1,2}})['′] ?(?P<{0}s>\d{{1,2}}(?:\.\d+)?)"
    r"(?:\"\"|\"|″|'')"  # ("": a CSV cell's quote doubled)
)
_DMS_AXIS = _DMS_VALUE + " ?"
COORDINATES_DMS = re.compile(
    r"(?<![0-9])"
    + _DMS_AXIS.format("a")
    + r"(?P<ns>[NS])[ \t]*[,，;/]?[ \t]*"
    + _DMS_AXIS.format("o")
    + r"(?P<ew>[EW])(?![A-Za-z])"
)


# ... or with the hemisphere first, as GPS units and map apps print it: N23°07′12.3″ E112°52′21.3″.
COORDINATES_DMS_FIRST = re.compile(
    r"(?<![0-9A-Za-z])(?P<ns>[NS]) ?"
    + _DMS_VALUE.format("a")
    + r"[ \t]*[,，;/]?[ \t]*(?P<ew>[EW]) ?"
    + _DMS_VALUE.format("o")
    + r"(?![0-9A-Za-z])"
)


def _coordinates_dms(m: re.Match[str], text: str) -> Hit | None:
    lat, lon = int(m.group("ad")), int(m.group("od"))
    minutes = (int(m.group("am")), int(m.group("om")), float(m.group("as")), float(m.group("os")))
    if lat > 90 or lon > 180 or max(minutes) >= 60:
        return None
    return hit("coordinates", m, 0.9, Validator.FORMAT)


def _lng_lat(m: re.Match[str], text: str) -> Hit | None:
    if abs(float(m.group("lon"))) > 180 or not near(text, m.start(), m.end(), COORD_CONTEXT, 24):
        return None
    return hit("coordinates", m, 0.9, Validator.CONTEXT)


PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE = re.compile(
    rf"[{PLATE_PROVINCES}][A-HJ-NP-Z][·・•.\- ]?"
    r"(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])"
    r"(?![0-9A-Za-z])"
)


# A registration in a plate field (fields.PLATE: 车牌号, vehicle_plate, Plate No.): the same
# shapes, any serial of five letters and digits (粤E·YVKAX, which the rule alone takes for a
# word in capitals after a province's name), upper or lower case as typed (粤e12345).
PLATE_FIELD = re.compile(PLATE.pattern, re.IGNORECASE)


# ... and the registrations of other places, in capitals: 690SPQ, RRQ-811, ABC 1234,
# SB66 PHX, 6625-PH, 浙A-08158 (a province's character, a letter, a dash, the serial).
_PLATE_ABROAD = re.compile(
    rf"(?:[{PLATE_PROVINCES}][A-Z][·・•.\- ]?[A-Z0-9]{{5,6}}"
    r"|(?=[A-Z0-9 ·-]{0,9}\d)(?=[A-Z0-9 ·-]{0,9}[A-Z])[A-Z0-9]{1,4}(?:[ ·-]?[A-Z0-9]{1,5}){0,2})"
    r"(?![0-9A-Za-z])"
)


def plate_field(meaning: str, value: str, pos: int) -> tuple[str, int, int, float] | None:
    """fields.classify for a plate field (vocabulary.PLATE): any serial, any case; another
    place's registration in capitals, four to eight letters and digits."""
    m = PLATE_FIELD.match(value, pos)
    if m is None:
        m = _PLATE_ABROAD.match(value, pos)
        if m is None or not 4 <= sum(c.isalnum() for c in m.group()) <= 8:
            return None
    return ("licence_plate", m.start(), m.end(), 0.92)


def _plate(m: re.Match[str], text: str) -> Hit | None:
    serial = m.group()[-5:]
    if sum(c.isascii() and c.isalpha() for c in serial) > 4:
        return None  # a word in capitals after a province name, not a registration
    return hit("licence_plate", m, 0.9, Validator.FORMAT)


SECRET_KV = re.compile(
    r"(?:password|passwd|pwd|passcode|secret|client_secret|api[_-]?key|access[_-]?key|"
    r"auth[_-]?token|access[_-]?token|token|密码|口令)[\"']?[)）]?\s*(?:[=:：]|\bis\b|为)\s*[\"']?"
    r"(?P<v>[^\s\"',;，；。]{4,128})",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(
    r"^(?:\*+|x+|\.+|#+|<[^>]*>|\$\{.*\}|\{\{.*\}\}|%\(?\w*\)?s?|null|none|nil|redacted|"
    r"masked|hidden|required|optional|string|true|false|(?:yes|no)\)?|\[redacted\]|\*\*\*.*)$",
    re.IGNORECASE,
)


_SAID_IS = re.compile(r"\bis\b", re.IGNORECASE)


def _secret_kv(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if _PLACEHOLDER.match(value) or len(set(value)) < 3:
        return None
    if value.rstrip(".!?)").isalpha() and _SAID_IS.search(text, m.start(), m.start("v")):
        return None  # a sentence about the password: `the password is incorrect / expired`
    return hit("secret", m, 0.85, Validator.CONTEXT, "v")


PRIVATE_KEY = re.compile(
    r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"
    r"(?:[\s\S]{0,6000}?-----END [A-Z0-9 ]*PRIVATE KEY-----)?"
)
TOKEN = re.compile(
    r"(?<![A-Za-z0-9_-])(?:AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|glpat-[A-Za-z0-9_-]{20}"
    r"|xox[baprs]-[A-Za-z0-9-]{10,72}|sk_live_[0-9A-Za-z]{24,99}|AIza[0-9A-Za-z_-]{35}"
    r"|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])"
)


def _format_secret(m: re.Match[str], text: str) -> Hit | None:
    return hit("secret", m, 0.97, Validator.FORMAT)


# A key handed over in a sentence or under a bare `key=` (`Shared the test key for the
# sandbox: LTAI…`, `provider=aliyun key=…`): only a value shaped like a generated credential
# — 16 or more letters and digits, mixed case, or 32 or more hexadecimal digits — not a UUID.
ANNOUNCED = re.compile(
    r"(?:key|token|secret)\b[^:：=\r\n]{0,30}?[:：=][ \t]*(?P<v>[A-Za-z0-9_\-+/]{16,128}=*)"
    r"(?![A-Za-z0-9_\-+/=])",
    re.IGNORECASE,
)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_HEX32 = re.compile(r"[0-9a-fA-F]{32,}")


def _announced(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if _UUID.fullmatch(value) or not any(c.isdigit() for c in value):
        return None
    mixed = any(c.isupper() for c in value) and any(c.islower() for c in value)
    if not (mixed or _HEX32.fullmatch(value)):
        return None
    return hit("secret", m, 0.85, Validator.CONTEXT, "v")


# The credential of an HTTP Authorization header, whatever its structure (`Authorization:
# Bearer …`, `Bearer …` in a curl line or a log, `Authorization: Basic …`; a JWT's parts,
# base64): shaped like a generated credential as above, not a word ("the bearer of …").
AUTH_HEADER = re.compile(
    r"(?:\bbearer|\bauthorization[:=][ \t]*(?:basic|token))[ \t]+"
    r"(?P<v>[A-Za-z0-9\-._~+/]{16,4096}=*)(?![A-Za-z0-9\-._~+/=])",
    re.IGNORECASE,
)


# A password given after its word and a space, as people type it in chat and forms
# (`wifi密码 Kf@2020`, `Initial password  PWV8332*`): one run of printable ASCII with a
# letter and a digit, a sign or both cases — not a word (`password reset`, `密码 错误`).
# A bilingual label's English gloss is not the value (`系统初始密码 Initial password | Xk9#mPq2`,
# `密码（Password）Qw3$er7T`): the gloss, a bracket or a table bar may stand before it.
_GLOSS = r"(?:(?:initial|default|new|temp(?:orary)?|system|login|wi-?fi|admin|user|root)[ \t]+)*"
SPACED_SECRET = re.compile(
    r"(?:密码|口令|password)(?:[ \t]*[(（]?" + _GLOSS + r"(?:password|passwd|pwd|passcode|pin)"
    r"[)）]?)?[ \t]*[|｜]?[ \t]+(?P<v>[!-~]{4,64})(?<![,.;:)\]}])(?![!-~])",
    re.IGNORECASE,
)
_GLOSS_WORD = re.compile(_GLOSS + r"(?:password|passwd|pwd|passcode|pin)?", re.IGNORECASE)


def _spaced_secret(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    letters = [c for c in value if c.isalpha()]
    other = any(not c.isalpha() for c in value)
    mixed = any(c.isupper() for c in letters) and any(c.islower() for c in letters)
    if not letters or not (other or mixed) or _PLACEHOLDER.match(value) or value[0] in "=:(<[{|":
        return None
    if _GLOSS_WORD.fullmatch(value + " ") or _GLOSS_WORD.fullmatch(value):
        return None  # `密码 Password：…`: the label's English, the value comes after it
    return hit("secret", m, 0.85, Validator.CONTEXT, "v")


# A year and month after 出生于 / 生于 ("born in"): 家庭成员：…，出生于1965年6月.
BORN_IN = re.compile(r"(?:出生于|生于)[ \t]*(?P<v>(?:19|20)\d\d年(?:0?[1-9]|1[0-2])月)(?![0-9]|日)")


def _born_in(m: re.Match[str], text: str) -> Hit | None:
    return hit("date_of_birth", m, 0.9, Validator.CONTEXT, "v")


_WS = r"[\s\x1c-\x1f?]*"  # Python's \s, and "?" for the non-ASCII spaces in the shadow
_TOKENS = (
    r"AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|glpat-[A-Za-z0-9_\-]{20}|xox[baprs]-[A-Za-z0-9\-]{10}"
    r"|sk_live_[0-9A-Za-z]{24}|AIza[0-9A-Za-z_\-]{35}|eyJ[A-Za-z0-9_\-]{8,}\.eyJ"
)
_KV_LABELS = (  # the names a credential is given in key=value text
    r"password|passwd|pwd|passcode|secret|client_secret|api[_\-]?key|access[_\-]?key|"
    r"auth[_\-]?token|access[_\-]?token|token"
)

RULES = (
    Rule(
        "email",
        (r"(?:^|[^A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+\.[A-Za-z]{2}",),
        EMAIL,
        _email,
        lead=True,
    ),
    Rule(
        "ipv4",
        (r"(?:^|[^0-9A-Za-z.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?:[^0-9]|$)",),
        IPV4,
        _ipv4,
        lead=True,
    ),
    Rule(
        "ipv6",
        # An IPv6 address has "::" or at least six groups (eight, or six and an IPv4 tail);
        # times (12:30:45) and MAC addresses have neither. (Not "[0-9A-Fa-f:]*::": with
        # leftmost start of match, Hyperscan 5.4 crashes on some texts with that.)
        (
            r"(?:^|[^0-9A-Za-z:.])"
            r"(?:(?:[0-9A-Fa-f]{1,4}:){1,7}:|::|[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){5}:)",
        ),
        IPV6,
        _ipv6,
        lead=True,
    ),
    Rule(
        "coordinates",
        (
            r"(?:^|[^0-9A-Za-z])(?:[NS] ?)?[\-+]?\d{1,2}\.\d{4,8}\??(?: ?[NS])?"
            rf"{_WS}[,?/; ]{_WS}(?:[EW] ?)?[\-+]?\d{{1,3}}\.\d{{4}}",
        ),
        COORDINATES,
        _coordinates,
        lead=True,
    ),
    Rule(
        "coordinates_dms",
        (r"(?:^|[^0-9])[0-9]{1,3}\? ?[0-9]{1,2}['?] ?[0-9]{1,2}(?:\.[0-9]+)?(?:\"|\?|'') ?[NS]",),
        COORDINATES_DMS,
        _coordinates_dms,
        lead=True,
    ),
    Rule(
        "coordinates_dms_first",
        (
            r"(?:^|[^0-9A-Za-z])[NS] ?[0-9]{1,3}\? ?[0-9]{1,2}['?] ?"
            r"[0-9]{1,2}(?:\.[0-9]+)?(?:\"|\?|'')",
        ),
        COORDINATES_DMS_FIRST,
        _coordinates_dms,
        lead=True,
    ),
    Rule(
        "coordinates_lng_lat",
        (rf"(?:^|[^0-9A-Za-z.])[\-+]?1\d\d\.\d{{4}}\d*{_WS}[,?/; ]{_WS}[\-+]?\d{{1,2}}\.\d{{4}}",),
        LNG_LAT,
        _lng_lat,
        lead=True,
    ),
    Rule(
        "plate",
        # "?" is the province character (and the separator "·", and 挂学警港澳) in the shadow.
        (
            r"\?[A-HJ-NP-Z]\??[.\- ]?"
            r"(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9?])",
        ),
        PLATE,
        _plate,
    ),
    Rule(
        "secret_kv",
        (rf"(?:{_KV_LABELS})[\"']?{_WS}(?:[=:?]|is)",),
        SECRET_KV,
        _secret_kv,
        utf8=("密码|口令",),
        caseless=True,
    ),
    Rule("announced_secret", (r"\b(?:key|token|secret)\b",), ANNOUNCED, _announced, caseless=True),
    Rule(
        "auth_header",
        (r"\b(?:bearer|authorization[:=])",),
        AUTH_HEADER,
        _announced,
        caseless=True,
    ),
    Rule("born_in", (), BORN_IN, _born_in, utf8=("(?:出生于|生于)",)),
    Rule(
        "spaced_secret",
        (r"password[ \t]+[!-~]{4}",),
        SPACED_SECRET,
        _spaced_secret,
        utf8=("(?:密码|口令)[ \t]+[!-~]{4}",),
        caseless=True,
    ),
    Rule(
        "private_key",
        (r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----",),
        PRIVATE_KEY,
        _format_secret,
    ),
    Rule("token", (rf"(?:^|[^A-Za-z0-9_\-])(?:{_TOKENS})",), TOKEN, _format_secret, lead=True),
)
