"""A field's name means what it means with its digits written 0 (vocabulary.meaning_of, and
_keys.c's look-up of a key in the same table): no word of the vocabulary holds a digit, so
a log's `052046 user=` is classified once, not once per line (issue 18, sixth pass on
speed). These tests hold the premise and compare both classifications on generated names.
"""

from __future__ import annotations

import random
import re

import pytest

from piiguard.scanner.detectors import vocabulary
from piiguard.scanner.detectors.context import FIELD_EN
from piiguard.scanner.detectors.native import NATIVE

pytestmark = pytest.mark.req("R2.7")

_DIGIT = re.compile(r"[0-9]")


def test_no_word_of_the_vocabulary_holds_a_digit() -> None:
    words: list[str] = [w for tail in vocabulary._EN_TAILS for w in tail]
    words += [w for whole in vocabulary._WHOLE_ONLY for w in whole]
    words += [*vocabulary._LAST_WORD, *vocabulary._KNOWN_TOKENS, *vocabulary._VERSION_WORDS]
    words += [*vocabulary._NOT_PERSON_PREFIX, *vocabulary._NOT_NUMBER_PREFIX]
    words += [*vocabulary._NOT_BANK_PREFIX, *vocabulary._GLUED_TAILS, *vocabulary._ZH_TAILS]
    assert len(words) > 300
    assert [w for w in words if _DIGIT.search(w)] == []


_PIECES = [" ", "_", "-", ".", "/", ":", '"', "  ", "no", "No", "NAME", "name", "x", "ip"]


def _name(r: random.Random) -> str:
    words = [*vocabulary.EN_WORDS, *vocabulary._NOT_PERSON_PREFIX, *vocabulary._NOT_BANK_PREFIX]
    parts = []
    for _ in range(r.randint(1, 6)):
        x = r.random()
        if x < 0.4:
            word = r.choice(words)
            parts.append(r.choice([word, word.upper(), word.capitalize()]))
        elif x < 0.75:
            parts.append("".join(r.choice("0123456789") for _ in range(r.randint(1, 12))))
        else:
            parts.append(r.choice(_PIECES))
    return "".join(parts)


def test_a_name_means_what_it_means_with_its_digits_as_zeros() -> None:
    r = random.Random("digits")
    meant = 0
    for _ in range(20_000):
        name = _name(r)
        same = name.translate(vocabulary._ZEROS)
        assert vocabulary.meaning_of_name(name) == vocabulary.meaning_of_name(same), name
        meant += vocabulary.meaning_of_name(name) is not None
    assert meant > 3000, meant


def test_a_key_with_other_digits_is_looked_up_once() -> None:
    vocabulary._KNOWN.clear()
    assert vocabulary.meaning_of("58.251.71.128 client_version") == vocabulary.NOT_PERSONAL
    assert "00.000.00.000 client_version" in vocabulary._KNOWN
    assert "58.251.71.128 client_version" not in vocabulary._KNOWN
    assert vocabulary.meaning_of("10.17.83.151 client_version") == vocabulary.NOT_PERSONAL
    assert vocabulary.meaning_of("customer_name") == vocabulary.NAME


@pytest.mark.skipif(NATIVE is None, reason="the compiled fast paths are not built")
def test_the_compiled_key_reads_the_same_table() -> None:
    assert NATIVE is not None
    vocabulary._KNOWN.clear()
    first, second = "ip=58.251.71.128 build=7 x", "ip=66.201.71.129 build=8 x"
    assert NATIVE.field_key(first, first.index("build")) is NotImplemented  # not known yet
    vocabulary.meaning_of(first[3 : first.index("=", 3)])  # as the Python rule reads it
    got = NATIVE.field_key(second, second.index("build"))
    assert isinstance(got, list)
    assert [h.value for h in got] == ["8"]
    assert FIELD_EN.match(second, second.index("build")) is not None
