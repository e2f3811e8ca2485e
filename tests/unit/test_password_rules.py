"""The blocklist of NIST SP 800-63B-4 §3.1.1.2 against the variants people really choose
(R2.9): a list entry with digits, symbols or a year around it, look-alike characters,
keyboard walks, the person's own name, the company's name or "piiguard" — refused with the
reason in English and Chinese; a strong passphrase accepted; the estimator bounded in time
whatever the length."""

from __future__ import annotations

import random
import re
import time

import pytest

from piiguard.adapters.breached import BreachedPasswordList
from piiguard.adapters.password_strength import ESTIMATE_CHARS, ZxcvbnStrength
from piiguard.domain.errors import InvalidInput, WeakPassword
from piiguard.domain.password_rules import (
    check_password,
    context_words,
    core_forms,
    normalise_password,
)
from piiguard.domain.staff_security import StaffPolicy

LISTED = BreachedPasswordList.shipped()
STRENGTH = ZxcvbnStrength()
POLICY = StaffPolicy(company_name="ST Machinery Technology (Foshan) Co., Ltd")
HAN = re.compile(r"[\u4e00-\u9fff]")

# (password, the rules that may refuse it: the list's variants or the estimate, whichever
# comes first); checked as for an account with TOTP (8 characters suffice), the weakest
# case — single-factor accounts need 15
VARIANT, GUESSABLE = {"common-variant"}, {"guessable"}
EITHER = VARIANT | GUESSABLE
WEAK = [
    ("Password123!", VARIANT),  # the four
    ("P@ssw0rd123!", VARIANT),
    ("Welcome2024!", VARIANT),
    ("Qwerty123!", VARIANT),
    ("Summer2023!", VARIANT),  # a word and a year
    ("2024Dragon!!", VARIANT),  # the year before
    ("P@$$w0rd!", VARIANT),  # look-alikes
    ("L3tme1n!!", VARIANT),
    ("@dmin2024", VARIANT),  # a look-alike at the start
    ("iloveyou2!", VARIANT),
    ("woaini1314!", VARIANT),  # 我爱你一生一世, in pinyin and digits
    ("1qaz2wsx3edc", {"common"}),  # a keyboard walk on the list itself
    ("1qaz@WSX3edc", VARIANT),  # ... typed with shift on every other column
    ("zxcvbnm,./!", VARIANT),
    ("qwer1234!@#$", EITHER),  # keyboard rows
    ("aaaaaaaa1111", EITHER),  # repeats
    ("abcd1234efgh", EITHER),  # sequences
    ("19900101zw", GUESSABLE),  # a date
    ("piiguard2024!", GUESSABLE),  # the product's name is a context word
    ("ZhangWei88!", {"personal"}),  # the person's name
    ("Zh@ngW31-1990!", {"personal"}),  # ... with look-alikes
    ("weiZHANG#1", {"personal"}),
    ("F0shan2024!", {"company"}),  # the company's name, with a look-alike
]
STRONG = [
    ("correct horse battery staple", False),
    ("velvet kettle orbits quietly", False),
    ("copper kettle under the banyan tree", False),
    ("Xk9#mQ2v!pL4", True),
    ("梅花香自苦寒来，宝剑锋从磨砺出", False),
]


def check(pw: str, *, mfa: bool = True, policy: StaffPolicy = POLICY) -> str:
    return check_password(
        pw,
        mfa=mfa,
        policy=policy,
        breached=LISTED.__contains__,
        email="zhang.wei@st-machinery.cn",
        name="Zhang Wei",
        strength=STRENGTH.estimate,
    )


@pytest.mark.req("R2.9")
@pytest.mark.parametrize(("password", "rules"), WEAK)
def test_common_variants_keyboard_walks_years_leet_and_names_are_refused(
    password: str, rules: set[str]
) -> None:
    with pytest.raises(WeakPassword) as e:
        check(password)
    assert isinstance(e.value, InvalidInput)  # the problem type stays invalid-input
    assert e.value.field == "password" and e.value.rule in rules, e.value.rule
    english, chinese = e.value.message.split(" / ", 1)
    assert re.search(r"[a-z]{4}", english) and HAN.search(chinese), e.value.message
    if e.value.rule == "guessable":  # the estimate is told, in both languages
        assert e.value.guesses_log10 is not None and e.value.guesses_log10 < 8
        assert e.value.needed_log10 == 8
        assert "(zxcvbn) finds it in about 10^" in english and "10^8 are needed" in english
        assert "强度估算（zxcvbn）" in chinese
        assert e.value.hints and all(HAN.search(zh) for _, zh in e.value.hints)


@pytest.mark.req("R2.9")
@pytest.mark.parametrize(("password", "mfa"), STRONG)
def test_a_strong_passphrase_is_accepted(password: str, mfa: bool) -> None:
    assert check(password, mfa=mfa) == normalise_password(password)


@pytest.mark.req("R2.9")
def test_zxcvbn_feedback_is_translated_and_context_words_are_named() -> None:
    got = STRENGTH.estimate("Qwerty123!", [])
    assert got.warning is not None and got.warning.en.startswith("This is similar")
    assert got.warning.zh == "这与一个常用密码相似。"
    assert all(h.zh != h.en for h in got.suggestions)  # every sentence has its Chinese
    named = STRENGTH.estimate(
        "stmachinery",
        context_words("zhang.wei@st-machinery.cn", "Zhang Wei", POLICY.company_name, ["piiguard"]),
    )
    assert named.warning is not None and "company" in named.warning.en


@pytest.mark.req("R2.9")
def test_context_words_are_the_person_the_company_and_the_product() -> None:
    words = context_words(
        "zhang.wei@st-machinery.cn",
        "Zhang Wei",
        "ST Machinery Technology (Foshan) Co., Ltd",
        ["piiguard"],
    )
    assert {"zhang.wei", "zhang", "wei", "machinery", "technology", "foshan", "piiguard"} <= set(
        words
    )
    assert not {"co", "ltd", "st"} & set(words)


@pytest.mark.req("R2.9")
def test_a_cores_affixes_are_taken_off_and_look_alikes_read_as_letters() -> None:
    assert "password" in core_forms("P@ssw0rd123!")
    assert "welcome" in core_forms("Welcome2024!")
    assert "admin" in core_forms("@dmin2024")
    assert "letmein" in core_forms("L3tme1n!!")  # 1 read as i
    assert "hello" in core_forms("he11o!!")  # 1 read as l
    assert "1qaz2wsx3edc" in core_forms("1qaz@WSX3edc")  # typed without shift
    assert all(len(f) >= 4 for f in core_forms("ab12!"))


@pytest.mark.req("R2.9")
def test_the_estimate_can_be_turned_off_but_the_list_variants_stay() -> None:
    off = StaffPolicy(company_name=POLICY.company_name, min_guesses_log10=0)
    assert check("19900101zw", policy=off) == "19900101zw"
    with pytest.raises(WeakPassword):
        check("Password123!", policy=off)


@pytest.mark.req("R2.9")
def test_a_long_password_is_estimated_on_its_start_only_and_stays_fast() -> None:
    """zxcvbn's cost grows steeply with length on look-alike-heavy input (64 characters:
    seconds), so it reads only the first ESTIMATE_CHARS; a 1 KB password is checked in well
    under a second, the worst shape included."""
    long_policy = StaffPolicy(company_name=POLICY.company_name, max_length=4096)
    rng = random.Random(7)
    look_alikes = "4@8({[<3691!|07+$5%2abcdefgh"
    shapes = {
        "random": "".join(rng.choice(look_alikes) for _ in range(1024)),
        "words": ("velvet kettle orbits quietly " * 40)[:1024],
    }
    for name, pw in shapes.items():
        started = time.process_time()
        assert check(pw, policy=long_policy) == pw
        spent = time.process_time() - started
        assert spent < 1.0, (name, spent)
    started = time.process_time()
    with pytest.raises(WeakPassword) as e:  # a weak start is refused, however long
        check("Password123!" * 85, policy=long_policy)
    assert time.process_time() - started < 1.0
    assert e.value.rule in EITHER
    assert ESTIMATE_CHARS == 32
