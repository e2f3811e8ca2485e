"""The rules added after scoring corpus 4 (bench/corpus4, issue 18): each class of writing its
misses showed, on lines written here (not the corpus's), and the look-alikes each rule must
leave alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")

CLASSES = [
    # a chat line whose stamp ends in AM/PM, the speaker last name first
    (
        "[3/9/2025 10:05 PM] Okafor, Chidi: on my way\n[3/9/2025 10:07 PM] Mia Larsen: ok",
        [("person_name", "Okafor, Chidi"), ("person_name", "Mia Larsen")],
    ),
    ("(11:20 a.m.) Kowalski, Anna: done", [("person_name", "Kowalski, Anna")]),
    # a Latin speaker before the stamp, on a line of its own, perhaps with a role
    ("Tomás Ruiz  2023/11/2 08:15\n到了", [("person_name", "Tomás Ruiz")]),
    ("Wu Siu Ming(仓库) 2023-05-06 17:40:12\n收到", [("person_name", "Wu Siu Ming")]),
    # a Latin name mentioned in a chat
    ("@Olga Petrova 请确认交期", [("person_name", "Olga Petrova")]),
    ("@Nadia can you send the drawing?", [("person_name", "Nadia")]),
    # greeted in Chinese, addressed with a full-width colon, thanked
    ("Henrik Dahl，您好！\n附件请查收。", [("person_name", "Henrik Dahl")]),
    ("Okafor：\n\n报价如下。", [("person_name", "Okafor")]),
    ("Thanks Priyanka Rao!", [("person_name", "Priyanka Rao")]),
    # a closing two blank lines above the name; "Thanks & regards"
    ("Thank you!\n\n\nBruno Keller\nBuyer", [("person_name", "Bruno Keller")]),
    (
        "Thanks & regards\n邬嘉宁 Jianing Wu\n",
        [("person_name", "邬嘉宁"), ("person_name", "Jianing Wu")],
    ),
    # a name over a line that is only a phone number (a signature without a closing)
    (
        "交期已确认。\nMarta Nowak\n+48 512 345 678\n",
        [("person_name", "Marta Nowak"), ("phone", "+48 512 345 678")],
    ),
    # Cantonese given-name characters: 少, 仪
    ("2024-08-01 09:00:00 冯少华\n好的", [("person_name", "冯少华")]),
    # who closed, received or took over a job, after a colon or a space
    ("完工确认 结单人：包静怡  满意度：好", [("person_name", "包静怡")]),
    ("代收人 龙嘉欣 电话待定", [("person_name", "龙嘉欣")]),
    # a Latin name after a verb of reaching someone
    (
        "2024-02-03 Tim Ross: Phoned Ingrid, no answer",
        [("person_name", "Tim Ross"), ("person_name", "Ingrid")],
    ),
    ("Emailed Fatima Khan about the refund", [("person_name", "Fatima Khan")]),
    # a step of a job log that begins with its day, then who did it
    ("2. 3/15 汤晓峰电话联系客户", [("person_name", "汤晓峰")]),
    # a family member, a date of birth given as a year and month after 出生于
    (
        "家庭成员：钱立群（兄），出生于1972年11月",
        [("person_name", "钱立群"), ("date_of_birth", "1972年11月")],
    ),
    ("Family member: Ana Sousa (daughter)", [("person_name", "Ana Sousa")]),
    # a label with a qualifier in brackets before its colon or tab
    ("出生日期（农历）：1988年3月5日", [("date_of_birth", "1988年3月5日")]),
    ("出生日期(公历)\t19880305", [("date_of_birth", "19880305")]),
    # German form labels
    (
        "Nachname: Vogel\nGeburtsdatum: 03.11.1979",
        [("person_name", "Vogel"), ("date_of_birth", "03.11.1979")],
    ),
    ("Reisepass-Nr.: C4F7K2M19", [("passport", "C4F7K2M19")]),
    # a position as a whole key in a key=value log, after another value
    ("evt=track car=X12 pos=22.512345,113.912345 v=40", [("coordinates", "22.512345,113.912345")]),
    # degrees, minutes and seconds
    ("定位：22°31'05.1\"N 113°54'44.9\"E", [("coordinates", "22°31'05.1\"N 113°54'44.9\"E")]),
    # a name asked to do something, a name after the long number it goes with
    ("请让龚海峰下午带样品过去", [("person_name", "龚海峰")]),
    (
        "退款账号 6222 0200 1234 5678 901 邝丽萍\n",
        [("bank_account", "6222 0200 1234 5678 901"), ("person_name", "邝丽萍")],
    ),
    # mail: a display name after a full-width comma, a courtesy after a name, a signature's
    # name over a phone line (quoted, in brackets) or over a job title, a colleague
    (
        "在 2023年5月6日 9:10，Anil Mehta <anil@example.com> 写道：",
        [("person_name", "Anil Mehta"), ("email", "anil@example.com")],
    ),
    ("Okafor，请确认。\n", [("person_name", "Okafor")]),
    ("薛文静，收到请回复。", [("person_name", "薛文静")]),
    (
        "> Jonas Berg\n> (021) 61234567\n",
        [("person_name", "Jonas Berg"), ("phone", "(021) 61234567")],
    ),
    (
        "谢谢。\n韦春燕\n+86 139 2233 4455\n",
        [("person_name", "韦春燕"), ("phone", "+86 139 2233 4455")],
    ),
    ("See attached.\n\nMaja Lind\nPurchasing Coordinator\n", [("person_name", "Maja Lind")]),
    ("Our colleague Tomas Berg will call you.", [("person_name", "Tomas Berg")]),
    ("新同事Ines Costa下周入职", [("person_name", "Ines Costa")]),
    ("已安排鲁志刚上门检测", [("person_name", "鲁志刚")]),
    # a generated credential handed over in a sentence or under a bare key
    ("Here is the staging key for you: Qm7XwP2kRt9LsV4nBz8y", [("secret", "Qm7XwP2kRt9LsV4nBz8y")]),
    (
        "svc=sms key=9f86d081884c7d659a2feaa0c55ad015",
        [("secret", "9f86d081884c7d659a2feaa0c55ad015")],
    ),
]

LOOK_ALIKES = [
    # a label and a time stamp on a line, not a speaker
    "Last Login 2024-02-12 19:02:39",
    "Start Time 2024-02-12 10:11\nEnd Time 2024-02-12 10:11",
    "Build Date 2023/4/21 03:17",
    # code annotations and addresses are not mentions
    "@Override\npublic void run() {}",
    "@Test\n",
    # a label over its number is not a signature
    "Total Amount\n13800138000",
    "Hotline Number\n400 820 8820",
    # thanks to a team, greetings without a name
    "Thanks Team!",
    "Hello，您好",
    # words beginning with a surname and 少 are not names
    "至少三台，高少量备货",
    # a family table's header is not a name; a word after 让; a short number before a word
    "姓名\t关系\t电话",
    "让利促销，让步明天谈",
    "批次 20240315 高温",
    # a courtesy after a word, a label over a job title, a title over a phone line
    "高温，请确认。",
    "Product Line\nQuality Engineer\n",
    "温度\n+86 139 2233 4455\n",
    # a place after a verb of reaching, a team
    "Called Guangzhou office",
    "Informed Sales team",
    # a version under a current/latest key, a part under an item code column
    "fw check current=3.4.12.80 latest=3.5.0.11",
    "No.\tItem code\tQty\n1\t13912345678\t40",
    # a year and month after a word that is not birth
    "公司成立于2005年3月",
    # an angle that is not a position, seconds past 60
    "角度 45°30'10\" 偏差",
    "23°07'72.3\"N 112°52'21.3\"E",
    # keys that are not credentials: a UUID, an identifier, a cache key, upper case only
    "Idempotency-Key: 3f2a9c0e-1b2c-4d5e-8f90-123456789abc",
    "primary key: order_id_12345678",
    "cache key=user:12345:profile",
    "license key: ABCD1-EFGH2-IJKL3-MNOP4",
]


@pytest.mark.parametrize(("text", "expected"), CLASSES)
def test_classes_of_writing_corpus_4_missed(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_these_rules_leave_alone(detector: Detector, text: str) -> None:
    assert [h for h in detector.scan(text) if h.type not in ("email", "phone")] == []


def test_the_same_hits_without_the_compiled_module(detector: Detector) -> None:
    pure = Detector(native=False)
    for text in [t for t, _ in CLASSES] + LOOK_ALIKES:
        assert kinds(pure.scan(text)) == kinds(detector.scan(text))
