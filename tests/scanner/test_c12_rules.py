"""The classes corpus 12's first blind score showed (issue 18, 2026-12-07 evening): each class
on lines written here (not the corpus's), with the look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Vietnamese names keep their marks: horned ơ and ư and the letters with two marks
        ("客户姓名：Nguyễn Thị Hồng Nhung", [("person_name", "Nguyễn Thị Hồng Nhung")]),
        ('{"fullName": "Đặng Quốc Bảo"}', [("person_name", "Đặng Quốc Bảo")]),
        ("Dear Trương Văn Lực,", [("person_name", "Trương Văn Lực")]),
        (
            "From: Phạm Ngọc Ánh <anh.pham@example.vn>",
            [("person_name", "Phạm Ngọc Ánh"), ("email", "anh.pham@example.vn")],
        ),
        # ... a company or a department so written is no person, nor are words in lower case
        ('{"fullName": "Công ty TNHH Đèn Ngọc Lan"}', []),
        ("Attn: Phòng Kế Toán", []),
        ("Dear khách hàng,", []),
    ],
)
def test_vietnamese_names(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # WhatsApp on Android: a dash between the stamp and the speaker
        (
            "12/3/25, 9:00 - Chen Jiahui: 明天发货\n12/3/25, 9:01 - 周雪梅: 好的\n"
            "3/12/25, 9:02\u202fPM – Đỗ Minh Tâm: ok",
            [
                ("person_name", "Chen Jiahui"),
                ("person_name", "周雪梅"),
                ("person_name", "Đỗ Minh Tâm"),
            ],
        ),
        # ... its system lines, a phone number and a team as the speaker stay quiet
        (
            "12/3/25, 9:00 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
            "12/3/25, 9:01 - Chen Jiahui changed the subject to: Q3\n"
            "12/3/25, 9:02 - Sales Team: hello\n12/3/25, 9:03 - 客服中心: 您好",
            [],
        ),
        # Telegram Desktop's copy: the speaker, a comma and the stamp in brackets, alone
        (
            "Tan Wei Ming, [04.11.2025 14:07]\n到了吗\n\n赵雪梅, [04.11.2025 14:09]\n到了",
            [("person_name", "Tan Wei Ming"), ("person_name", "赵雪梅")],
        ),
        ("Backup Job, [04.11.2025 14:07]\nDeploy, [04.11.2025 14:08]", []),
        ("Total, [04.11.2025 14:07] 3 items", []),
        # a chat's title names the other party
        ("与林晓梅的聊天记录\n2025-03-30 08:13:05 林晓梅\n好的", [("person_name", "林晓梅")] * 2),
        ("王建华和李秀英的聊天记录", [("person_name", "王建华"), ("person_name", "李秀英")]),
        ("Telegram export — chat with Farah Aziz\n", [("person_name", "Farah Aziz")]),
        ("请保存聊天记录，与客户的聊天记录要存档", []),
        ("Open a chat with Customer Service\n", []),
    ],
)
def test_chat_export_speakers(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a voice message's transcript parts its words with blanks
        ("[语音转文字] 喂你好 那个 我是林秀兰 嗯 电话是", [("person_name", "林秀兰")]),
        ("我是Cheryl Tan 嗯 就是这个号码", [("person_name", "Cheryl Tan")]),
        ("我叫 Trương Minh Yến，谢谢", [("person_name", "Trương Minh Yến")]),
        # ... what follows 我是 that is no name stays quiet
        ("我是江门 客户", []),
        ("我是Sales Team 的", []),
        ("我是Luna M2 的用户", []),
        # an IBAN's holder in brackets after it
        (
            "refund to IBAN GB82 WEST 1234 5698 7654 32 (Marcus Lim)",
            [("iban", "GB82 WEST 1234 5698 7654 32"), ("person_name", "Marcus Lim")],
        ),
        (
            "IBAN DE89370400440532013000（陈雪梅）",
            [("iban", "DE89370400440532013000"), ("person_name", "陈雪梅")],
        ),
        # ... not a bank, not a note, not after a number that fails the IBAN's check
        (
            "IBAN DE89 3704 0044 0532 0130 00 (Deutsche Bank)",
            [("iban", "DE89 3704 0044 0532 0130 00")],
        ),
        ("IBAN DE89 3704 0044 0532 0130 00 (EUR only)", [("iban", "DE89 3704 0044 0532 0130 00")]),
        ("ref DE89 3704 0044 0532 0130 01 (Marcus Lim)", []),
    ],
)
def test_names_said_and_holders(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Singapore's blocks: the block, its street, then the unit, the postcode or both
        (
            "Address: Blk 208 Bishan St 23, #07-115, Singapore 570208",
            [("address", "Blk 208 Bishan St 23, #07-115, Singapore 570208")],
        ),
        (
            "Block 12A Jurong West St 41 #05-123",
            [("address", "Block 12A Jurong West St 41 #05-123")],
        ),
        ("Blk 45 Ang Mo Kio Ave 3 S(560045)", [("address", "Blk 45 Ang Mo Kio Ave 3 S(560045)")]),
        # ... a block without either places nobody
        ("Blk 2 Phase 1 is done", []),
        ("Block 3 of the plant, Singapore office", []),
        # Vietnam's: a lot or a number first, then parts, one a ward's, district's, town's ...
        (
            "Site: Lô B3, 45 Trần Phú, P. Quyết Thắng, TP. Biên Hòa, Đồng Nai  GPS",
            [("address", "Lô B3, 45 Trần Phú, P. Quyết Thắng, TP. Biên Hòa, Đồng Nai")],
        ),
        (
            "安装地址：Số 7 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
            [("address", "Số 7 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh")],
        ),
        (
            "Ship to: 88 Nguyen Hue, Quan 1, TP. Ho Chi Minh\n",
            [("address", "88 Nguyen Hue, Quan 1, TP. Ho Chi Minh")],
        ),
        # ... a lot of goods, initials after a comma, a list of items stay quiet
        ("Lô hàng 25, kiểm tra, xong", []),
        ("Lot 5, Batch 7, Box 3 shipped", []),
        ("3 Apples, P. Smith, Q. Lee", []),
    ],
)
def test_singapore_and_vietnam_addresses(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a header's next label is no name (First Name⇥Last Name)
        (
            "Record ID\tFirst Name\tLast Name\tEmail\n1\tWei\tChen\tw@example.com",
            [("person_name", "Wei"), ("person_name", "Chen"), ("email", "w@example.com")],
        ),
        # a kinship in brackets is no name, the contact before it is
        (
            "紧急联系人 Emergency contact：林秀英 (Mother) 138-0013-8000",
            [("person_name", "林秀英"), ("phone", "138-0013-8000")],
        ),
        ("Emergency contact: Chen Jiahui (Spouse)", [("person_name", "Chen Jiahui")]),
        # a company (… Lighting, … JSC) under a name's label or column is no person
        ("Beneficiary: Nam Viet Lighting (Saigon) Co., Ltd.", []),
        ('{"customer": "Dong Nai Lighting JSC", "name": "Hoa Binh JSC"}', []),
        ("Beneficiary: Chen Jiahui", [("person_name", "Chen Jiahui")]),
        # a log's parameter types
        (
            "==> Parameters: 林秀英(String), 13800138000(String)",
            [("person_name", "林秀英"), ("phone", "13800138000")],
        ),
        # Son (Sơn) stays a name
        ("客户姓名：Nguyen Van Son", [("person_name", "Nguyen Van Son")]),
    ],
)
def test_labels_kinships_and_companies_are_no_names(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a password said in an English sentence, of two kinds of characters at least
        (
            "The wifi pwd for the showroom is Qwe#vTjJTMrS (router 10.0.0.1)",
            [("secret", "Qwe#vTjJTMrS"), ("ip_address", "10.0.0.1")],
        ),
        ("my password was Hk#2026spring.", [("secret", "Hk#2026spring")]),
        ("the pwd for the guest network is unchanged", []),
        ("the pwd for the showroom is 12345678 ok", []),
        # an account's digits before @ are an e-mail's (a login's acct=), not a bank account
        (
            'msg=audit(1722831240.872:49): acct="2119531384@qq.com" res=success',
            [("email", "2119531384@qq.com")],
        ),
        ('acct="6222021234567890123"', [("bank_account", "6222021234567890123")]),
    ],
)
def test_secrets_said_and_accounts_before_at(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name after a comment's or an authorisation's by (Jira, a card's approval)
        ("Comment by Zhou Xinyi: replaced driver, ok.", [("person_name", "Zhou Xinyi")]),
        ("payment accepted (authorised by Marcus Lim)", [("person_name", "Marcus Lim")]),
        ("authorized by Visa", []),
        ("Comment by Anonymous: spam", []),
        # a name field's value, a slash, then the next thing
        (
            "Customer: 黄秀英 / 19687483724",
            [("person_name", "黄秀英"), ("phone", "19687483724")],
        ),
        (
            "Customer: Võ Ngọc Dũng / +84880664499",
            [("person_name", "Võ Ngọc Dũng"), ("phone", "+84880664499")],
        ),
        ("Customer: Acme / Sales", []),
    ],
)
def test_names_after_by_and_before_a_slash(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected
