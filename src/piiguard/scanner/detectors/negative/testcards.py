"""Test card numbers where the line says it is a test: `qa payment test card=4111 1111 1111
1111`, `sandbox checkout with 5555-5555-5555-4444`, `测试卡号 4242424242424242`.

The card schemes and the payment gateways publish numbers that pass every check a card
number has (issuer prefix, length, Luhn) and belong to no one, for developers to test with:
Visa's 4111 1111 1111 1111, Stripe's 4242 4242 4242 4242, Mastercard's 5555 5555 5555 4444
and 5105 1051 0510 5100, the American Express, Discover, Diners, JCB and UnionPay numbers of
the same lists (Stripe's, Braintree's, Adyen's, PayPal's test-card pages). Written next to a
word that says test (test, QA, sandbox, staging, dummy, mock, 测试, 沙箱 …) on the same line,
such a number is a look-alike, claimed as fields.NOT_PERSONAL; elsewhere it is reported as a
card still (a form that asks for a card and gets 4111… is a record to look at).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule
from piiguard.scanner.detectors.vocabulary import NOT_PERSONAL

# The published test numbers (digits only), by scheme.
TEST_CARDS = frozenset(
    [
        # Visa
        "4111111111111111",
        "4242424242424242",
        "4012888888881881",
        "4000056655665556",
        "4222222222222",
        "4005519200000004",
        "4009348888881881",
        "4012000033330026",
        "4012000077777777",
        "4217651111111119",
        "4500600000000061",
        "4000000000000002",
        "4000000000000077",
        # Mastercard
        "5555555555554444",
        "5105105105105100",
        "5200828282828210",
        "5454545454545454",
        "5431111111111111",
        "2223003122003222",
        "2222400070000005",
        # American Express
        "378282246310005",
        "371449635398431",
        "378734493671000",
        "340000000000009",
        # Discover
        "6011111111111117",
        "6011000990139424",
        "6011000400000000",
        # Diners Club
        "30569309025904",
        "38520000023237",
        "36227206271667",
        # JCB
        "3530111333300000",
        "3566002020360505",
        "3566111111111113",
        # UnionPay
        "6200000000000005",
        "6250941006528599",
    ]
)
# A word on the line that says the number is a test's.
TEST_WORD = re.compile(
    r"(?<![A-Za-z])(?:test(?:s|ing|ed)?|qa|uat|sandbox|staging|dummy|mock|fake|demo|"
    r"fixture|e2e)(?![A-Za-z])|测试|沙箱|演示|联调",
    re.IGNORECASE,
)
# 13 to 19 digits, in groups or not (4111 1111 1111 1111, 4111-1111-1111-1111, 3782 822463 10005)
NUMBER = re.compile(r"(?<![0-9])[2-6]\d{3}(?:[ \-]?\d){9,15}(?![0-9])")


def _test_card(m: re.Match[str], text: str) -> Hit | None:
    """The test number the match begins with (the groups after it may be a date's: `4242 4242
    4242 4242 12 28`), claimed when its line says test."""
    value, digits, end = m.group(), 0, 0
    for i, c in enumerate(value):
        if c.isdigit():
            digits += 1
            whole = digits >= 13 and not value[i + 1 : i + 2].isdigit()
            if whole and re.sub(r"[ \-]", "", value[: i + 1]) in TEST_CARDS:
                end = m.start() + i + 1
                break
    if not end:
        return None
    line = text.rfind("\n", 0, m.start()) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    if not (TEST_WORD.search(text, line, m.start()) or TEST_WORD.search(text, end, stop)):
        return None
    return Hit(NOT_PERSONAL, m.start(), end, text[m.start() : end], 2.0, Validator.FORMAT)


RULES = (
    Rule(
        "test_card",
        (r"(?:^|[^0-9])[2-6][0-9]{3}(?:[ \-]?[0-9]){9}",),
        NUMBER,
        _test_card,
        lead=True,
    ),
)
