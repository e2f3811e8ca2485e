"""Context rules (detectors/context.py) on hand-written lines of the kinds of text they are for:
JSON keys, key=value logs, form labels, mail headers, names after a role or a closing line,
passwords in connection strings — and look-alikes their field claims."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R6.3")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"id": 18, "name": "Sarah Duan", "birthday": "1963-07-27", "pwd_plain": "Xk9#pq2!w"}',
            [
                ("person_name", "Sarah Duan"),
                ("date_of_birth", "1963-07-27"),
                ("secret", "Xk9#pq2!w"),
            ],
        ),
        (
            '{"customer": {"fullName": "段莎拉", "passportNo": "E12345678", '
            '"bankAccount": "6222021234567890128"}}',
            [
                ("person_name", "段莎拉"),
                ("passport", "E12345678"),
                ("bank_account", "6222021234567890128"),
            ],
        ),
        (
            '2024-06-18T09:12:44Z INFO login ok user_name=gsun name="Guiying Sun" '
            "dob=1985/1/25 passwd=Hq7!vR2z client=10.8.0.14",
            [
                ("person_name", "Guiying Sun"),
                ("date_of_birth", "1985/1/25"),
                ("secret", "Hq7!vR2z"),
                ("ip_address", "10.8.0.14"),
            ],
        ),
        (
            "姓名 Name：闭宁（Xiulan Yin）    性别：男    出生日期：1974年10月23日",
            [
                ("person_name", "闭宁"),
                ("person_name", "Xiulan Yin"),
                ("date_of_birth", "1974年10月23日"),
            ],
        ),
        (
            "紧急联系人：卫阳  护照号码：G87654321",
            [("person_name", "卫阳"), ("passport", "G87654321")],
        ),
        ("经纬度：31.2304, 121.4737", [("coordinates", "31.2304, 121.4737")]),
        ("gps=22.5431,114.0579", [("coordinates", "22.5431,114.0579")]),
        ("收款账号：6228480012345678917", [("bank_account", "6228480012345678917")]),
        ("Account No. 6217 0012 3456 7890", [("bank_account", "6217 0012 3456 7890")]),
    ],
)
def test_values_are_read_by_their_field(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("售后工程师卫阳将于周三上门检修。", [("person_name", "卫阳")]),
        (
            "本单由客服欧阳娜娜跟进，电话 0755-86001234",
            [("person_name", "欧阳娜娜"), ("phone", "0755-86001234")],
        ),
        (
            "From: Guiying Sun <g.sun@example.com>",
            [("person_name", "Guiying Sun"), ("email", "g.sun@example.com")],
        ),
        (
            'Cc: "Duan, Sarah" <sarah.duan@example.org>, 王秀英 <wxy@example.cn>',
            [
                ("person_name", "Duan, Sarah"),
                ("email", "sarah.duan@example.org"),
                ("person_name", "王秀英"),
                ("email", "wxy@example.cn"),
            ],
        ),
        ("Thanks,\nSarah Duan | After-sales Engineer", [("person_name", "Sarah Duan")]),
        ("此致敬礼\n孙桂英\n2024年6月18日", [("person_name", "孙桂英")]),
    ],
)
def test_names_by_role_mail_header_and_signature(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "From: Customer Support <support@example.com>",
        "经理办公室在三楼",
        "客服周末不上班",
        "Thanks,\nThe Sales Team",
        '{"product_name": "Bearing Housing", "username": "gsun", "user": "admin01"}',
        "登录账号：13812345678",
    ],
)
def test_no_name_or_account_where_the_context_says_otherwise(detector: Detector, text: str) -> None:
    assert [h for h in detector.scan(text) if h.type in ("person_name", "bank_account")] == []


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("DATABASE_URL=mysql://crm_app:S3cr3t-Pw@db.internal:3306/crm", "S3cr3t-Pw"),
        ("postgresql+psycopg://report:Tq9%40x!z@10.0.3.7/erp", "Tq9%40x!z"),
        ("amqp://guest:r4bb1tPass@mq:5672/", "r4bb1tPass"),
    ],
)
def test_passwords_in_connection_strings(detector: Detector, text: str, password: str) -> None:
    assert ("secret", password) in kinds(detector.scan(text))


def test_placeholder_passwords_in_urls_are_not_secrets(detector: Detector) -> None:
    text = "mysql://user:${DB_PASSWORD}@db/crm and redis://:******@cache:6379"
    assert [h for h in detector.scan(text) if h.type == "secret"] == []


@pytest.mark.parametrize(
    "text",
    [
        "P/N 13812345678",
        "零件号：13912345678",
        "型号：15011112222",
        "料号 18600001111",
        '{"sku": "13712345678", "qty": 2}',
        "part_no=13600001234",
        "firmware_version=10.2.3.4",
        '{"version": "192.168.10.4"}',
        "版本：10.1.1.2",
        "serial: 4111 1111 1111 1111",
        "S/N 6222021234567890128",
    ],
)
def test_look_alikes_claimed_by_their_field_are_not_reported(detector: Detector, text: str) -> None:
    assert detector.scan(text) == []


def test_a_real_value_beside_a_part_number_is_still_reported(detector: Detector) -> None:
    text = "型号：X-200  联系电话：13812345678  P/N 13912345678"
    assert kinds(detector.scan(text)) == [("phone", "13812345678")]


def test_field_hits_agree_with_and_without_the_compiled_module() -> None:
    text = (
        '{"name": "Sarah Duan", "dob": "27/07/1963", "sku": "13812345678"}\n'
        "姓名：闭宁（Xiulan Yin） 账号：6222021234567890128 版本：10.1.1.2\n"
        "From: Guiying Sun <g.sun@example.com>\nmysql://app:S3cr3tPw@db/crm\n"
    )
    assert Detector(native=False).scan(text) == Detector(native=True).scan(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[09:12] 孙桂英：师傅几点到？", [("person_name", "孙桂英")]),
        ("2024-06-18 09:20 Sarah Duan: updated", [("person_name", "Sarah Duan")]),
        ("Hi Sarah,\nthe part is on its way.", [("person_name", "Sarah")]),
        ("孙桂英，您好：工单已受理。", [("person_name", "孙桂英")]),
        ("麻烦 @卫阳 跟进一下", [("person_name", "卫阳")]),
        (
            "To: Li Hua; Duan, Sarah <sarah.duan@example.org>",
            [
                ("person_name", "Li Hua"),
                ("person_name", "Duan, Sarah"),
                ("email", "sarah.duan@example.org"),
            ],
        ),
        ("抄送：王秀英；卫阳", [("person_name", "王秀英"), ("person_name", "卫阳")]),
    ],
)
def test_names_in_conversation(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "[09:21] 金额：300 元",
        "[09:22] 时间：明天上午",
        "Hi Team,\nplease review.",
        "各位同事，您好：",
        "Order Date: 2024-06-18\nShip To: Foshan plant",
        "To: sales@example.com",
    ],
)
def test_labels_and_roles_are_not_speakers_or_names(detector: Detector, text: str) -> None:
    assert [h for h in detector.scan(text) if h.type == "person_name"] == []


def test_text_table_rows_are_read_under_their_header(detector: Detector) -> None:
    text = (
        "| 料号 | 固件版本 | 联系人 |\n|---|---|---|\n"
        "| 13812345678 | 10.2.3.4 | 段莎拉 |\n| 13998765432 | 192.168.1.20 | 孙桂英 |\n"
    )
    assert kinds(detector.scan(text)) == [("person_name", "段莎拉"), ("person_name", "孙桂英")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("> Thanks,\n> Sarah\n", [("person_name", "Sarah")]),
        (
            "Best regards / 此致\n--\nSarah Duan 段莎拉\n",
            [("person_name", "Sarah Duan"), ("person_name", "段莎拉")],
        ),
        ("回访：孙桂英已电话确认，满意。", [("person_name", "孙桂英")]),
        ("签名 Signature：孙桂英", [("person_name", "孙桂英")]),
        ("审批 Approved by: 卫阳", [("person_name", "卫阳")]),
        ("Handled by engineer Sarah Duan on 2024-06-18.", [("person_name", "Sarah Duan")]),
        ("已联系孙桂英确认上门时间", [("person_name", "孙桂英")]),
        ("我叫张伟，138 1234 5678", [("person_name", "张伟"), ("phone", "138 1234 5678")]),
        (
            'user="孙桂英" user="Sarah Duan" user=gsun',
            [("person_name", "孙桂英"), ("person_name", "Sarah Duan")],
        ),
        ('{"mm": "Xk9#pq2!w", "width_mm": "1200"}', [("secret", "Xk9#pq2!w")]),
    ],
)
def test_names_and_secrets_by_the_kind_of_line(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "fw_from=10.2.3.4 fw_to=10.2.4.1",
        '{"gjbb": "10.2.3.4", "app_ver_min": "192.168.0.1"}',
        "周一9点上门，万元3台",
        "新员工信息表",
        "Thanks,\nSarah Duan | After-sales Engineer 13812345678 P/N",
    ],
)
def test_versions_in_any_key_and_words_shaped_like_names(detector: Detector, text: str) -> None:
    assert [h for h in detector.scan(text) if h.type in ("ip_address", "person_name")] in (
        [],
        [h for h in detector.scan(text) if h.value == "Sarah Duan"],
    )
