"""The rules added after studying the misses of corpus 3's final family (bench/corpus3,
issue 18): each class of writing they showed, on lines written here (not the corpus's), and
the look-alikes each rule must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.scanner.detectors import Detector, fields
from piiguard.scanner.detectors.records.pinyin import pinyin_name
from piiguard.scanner.detectors.vocabulary import meaning_of_name
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located
from tests.scanner.conftest import kinds

pytestmark = [pytest.mark.req("R2.7"), pytest.mark.req("R6.3")]

_SQL = """CREATE TABLE `member` (
  `id` int NOT NULL,
  `member_name` varchar(32) DEFAULT NULL,
  `dob` date DEFAULT NULL,
  `part_no` varchar(16) DEFAULT NULL,
  PRIMARY KEY (`id`)
);
INSERT INTO `member` VALUES (1,'韦嘉怡','1986-11-02','13712340000'),(2,'Tomasz Nowak',NULL,'x');
"""

_JSON_TABLE = """{"report": "HR", "columns": ["STAFFNO", "STAFFNAME", "DOB", "IDNO", "COSTCENTER"],
 "rows": [["S01", "邝文静", "19870514", "E39201847", "13922220000"],
          ["S02", "Aoife Byrne", "19910102", "987654321", "13922220001"]]}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # columns named once, rows by position: a SQL dump under its CREATE TABLE …
        (
            _SQL,
            [
                ("person_name", "韦嘉怡"),
                ("date_of_birth", "1986-11-02"),
                ("person_name", "Tomasz Nowak"),
            ],
        ),
        # … or with its own column list
        (
            "INSERT INTO t_user (uname, birth_date) VALUES ('卓佳欣', '1979-02-28');",
            [("person_name", "卓佳欣"), ("date_of_birth", "1979-02-28")],
        ),
        # … and a JSON report's "columns" beside its "rows" (glued upper-case keys: STAFFNAME)
        (
            _JSON_TABLE,
            [
                ("person_name", "邝文静"),
                ("date_of_birth", "19870514"),
                ("passport", "E39201847"),
                ("person_name", "Aoife Byrne"),
                ("date_of_birth", "19910102"),
                ("passport", "987654321"),
            ],
        ),
        # a label and its value in the cells of an HTML table
        (
            "<tr><td>姓名</td><td>祁海燕</td><td>护照号码</td><td>E80211746</td></tr>",
            [("person_name", "祁海燕"), ("passport", "E80211746")],
        ),
        ("<tr><th>Date of Birth</th><td>1978-09-30</td></tr>", [("date_of_birth", "1978-09-30")]),
        # a chat speaker with the team before the name, joined by a dash
        ("仓储部-聂晓雯  14:02\n收到，马上安排", [("person_name", "聂晓雯")]),
        # a name, then a verb or a day (改约, 明天), after a label or a role
        ("客户温嘉怡改约下周", [("person_name", "温嘉怡")]),
        ("维修师傅鲍志强明天上门", [("person_name", "鲍志强")]),
        # a second name joined to the first by 与 / 和
        ("工程师宁浩然与龚丽驾车前往", [("person_name", "宁浩然"), ("person_name", "龚丽")]),
        # role words: 人员, 本人, 找
        ("售后人员沈嘉豪三次上门", [("person_name", "沈嘉豪")]),
        ("本人贺梓萱（电话见附件）投诉", [("person_name", "贺梓萱")]),
        ("有问题请直接找柯伟明。", [("person_name", "柯伟明")]),
        # greetings with a whole name in any writing, or a title before 您好
        ("<p>Dear Jiahui ZHONG,</p>", [("person_name", "Jiahui ZHONG")]),
        ("Dear Carlos Müller,", [("person_name", "Carlos Müller")]),
        ("Dear 谢梓波,", [("person_name", "谢梓波")]),
        ("骆文轩 经理您好，", [("person_name", "骆文轩")]),
        # an HTML mail: the signature line ends in <br>, the sender's address is escaped
        ("Kind regards,<br>\nMarta Kowalczyk<br>\nSales", [("person_name", "Marta Kowalczyk")]),
        (
            "From: Zeng Haoran &lt;zeng.haoran@example.cn&gt;<br>",
            [("person_name", "Zeng Haoran"), ("email", "zeng.haoran@example.cn")],
        ),
        # a Chinese name inside an English sentence, after a word that takes a person
        ("As agreed with <b>尹晓东</b>, the samples ship Monday.", [("person_name", "尹晓东")]),
        # a name in pinyin as a field of a delimited record; a name joined to a number
        (
            "audit: Pang Yuhan|10.1.2.3|read",
            [("person_name", "Pang Yuhan"), ("ip_address", "10.1.2.3")],
        ),
        (
            "/档案/韩雨桐_110101199003074514.pdf",
            [("person_name", "韩雨桐"), ("resident_id", "110101199003074514")],
        ),
        # a name in both writings on its own line (a signature without a closing, a badge)
        ("谢雨桐 Yutong Xie\n", [("person_name", "谢雨桐"), ("person_name", "Yutong Xie")]),
        ("Haoran FENG / 冯浩然", [("person_name", "Haoran FENG"), ("person_name", "冯浩然")]),
        # a name at the start of a clause, then what they did
        ("客户反馈不制冷，符建国已上门检查", [("person_name", "符建国")]),
        # labels: 安装人员, 寄件 / 收件, 制单, 签收
        ("安装人员：景浩宇  条码 6901234567892", [("person_name", "景浩宇")]),
        ("寄件：晏秋月  13611112222", [("person_name", "晏秋月"), ("phone", "13611112222")]),
        ("制单：邵雨晴", [("person_name", "邵雨晴")]),
        # a shared location: the pair a line after the tagged address
        (
            "[位置]南海区桂城街道海三路18号\n23.028311, 113.145672",
            [("address", "南海区桂城街道海三路18号"), ("coordinates", "23.028311, 113.145672")],
        ),
        # an address after "lives at" inside a run of Chinese
        ("本人家住江门市蓬江区白沙街道建设路58号", [("address", "江门市蓬江区白沙街道建设路58号")]),
        (
            "位置：江门市蓬江区建设路58号万达广场3座（22.587210, 113.081530）",
            [
                # the building and its block after the number belong to the address (as the
                # corpora label it; hand probes, docs/scanner.md "Hand probes closed")
                ("address", "江门市蓬江区建设路58号万达广场3座"),
                ("coordinates", "22.587210, 113.081530"),
            ],
        ),
        # a map centre; coordinates with their comma after "="
        ("map.center=23.0215,113.1214", [("coordinates", "23.0215,113.1214")]),
        # one axis with three decimals (a typed spreadsheet cell drops its trailing zeros)
        ("lng=112.904", [("coordinates", "112.904")]),
        # a passport beside another document's name, and other countries' numbers
        ("Passport/Tax ID XK71AB302", [("passport", "XK71AB302")]),
        # an international number in groups in a range the metadata does not list yet
        ("T +852 8655 1423", [("phone", "+852 8655 1423")]),
        # a query string's next key ends a part number's claim (sn=…&idno=…)
        (
            "sn=ZX82KQ11&idno=110101199003074514 200",
            [("resident_id", "110101199003074514")],
        ),
        # a version key speaks for its value only: the client address after it is reported
        ("GET /app.js v=3.12.40.118 443 - 203.0.113.77 Mozilla", [("ip_address", "203.0.113.77")]),
        # a carrier's cue on the line before does not make a paying account the carrier's:
        # the key's own line says it pays (a regression the blind corpus 6 showed)
        (
            "运单号 AWB: YT7712345678901\n付款账户 Beneficiary account: DE89370400440532013000",
            [("iban", "DE89370400440532013000")],
        ),
    ],
)
def test_classes_of_writing_the_final_family_missed(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a department before a role word, and "our company" before 服务
        "品质部主管周会",
        "我司服务工程师到场",
        # a company in a name column, a nickname key
        '"Account Name","Phone"\n"Shenzhen Hongda Trading","0755-1234"',
        '{"nickName": "阿强"}',
        # a letter's closing is not its signer
        "此致\n敬礼\n",
        # a staff number and a cost centre, spare parts in a chat
        "<tr><td>工号</td><td>13822223333</td></tr>",
        '{"columns": ["EMP_NO", "COST_CENTER"], "rows": [["13822224444", "13822225555"]]}',
        "备件13744445555已出库",
        # a carrier's account on a waybill
        "UPS WORLDWIDE EXPRESS\nAccount: 557812903   Date: 2025-01-02",
        # a version list after a cue and a colon keeps its claim; prose after "version"
        "版本: 10.4.0.118, 10.4.0.119",
        "Version of T&C: 3.2.1.0",
        # a place or a company in Chinese inside English text
        "shipped from 南海 warehouse to 高明 plant",
        # two capitalised words in a record that are not a pinyin name
        "status|Not Found|404",
        "region|Hong Kong|HK",
        "motto|Long Live|x",
        "Hong Kong 香港",
        "高温报警已处理，周期检查将在下月",
        # a tradesman without his surname (with it, the surname is a name: test_c6_rules)
        "维修师傅明天上门",
        # a greeting to a team
        "Hi Team,",
    ],
)
def test_look_alikes_these_rules_leave_alone(detector: Detector, text: str) -> None:
    assert [h for h in detector.scan(text) if h.type == "person_name" or h.type in _NUMBERS] == []


_NUMBERS = ("phone", "ip_address", "bank_account", "resident_id", "passport")


@pytest.mark.parametrize(
    ("name", "meaning"),
    [
        ("EMPNAME", fields.NAME),
        ("CUSTNAME_EN", fields.NAME),
        ("ORDERNO", fields.NOT_PERSONAL),
        ("emp_no", fields.NOT_PERSONAL),
        ("COST_CENTER", fields.NOT_PERSONAL),
        ("工号", fields.NOT_PERSONAL),
        ("nickName", fields.NICK),  # a name there when it is one, whole (test_c8_rules)
        ("FILENAME", None),
        ("安装人员", fields.NAME),
        ("收件", fields.NAME),
        ("map.default-center", fields.COORDINATES),
    ],
)
def test_field_names_added(name: str, meaning: str | None) -> None:
    assert meaning_of_name(name) == meaning


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Cao Zide", True),
        ("DING Jun", True),
        ("Xinchun QIU", True),
        ("Shangguan Yong", True),
        ("Hong Kong", False),
        ("Long Live", False),
        ("Sarah Duan", False),
        ("Not Found", False),
    ],
)
def test_pinyin_names(value: str, expected: bool) -> None:
    assert pinyin_name(value) is expected


def test_csv_rows_with_quoted_line_feeds_are_read_as_cells(
    tmp_path: Path, detector: Detector
) -> None:
    path = tmp_path / "visits.csv"
    path.write_text(
        '姓名,备注,出生日期\n区嘉欣,"上门两次\n已更换",1990-01-02\n邬志远,ok,1985-03-04\n',
        encoding="utf-8",
    )
    found = [(o.hit.type, o.hit.value) for o in scan_file(path, detector) if isinstance(o, Located)]
    assert ("date_of_birth", "1990-01-02") in found
    assert ("person_name", "区嘉欣") in found
    assert ("date_of_birth", "1985-03-04") in found
