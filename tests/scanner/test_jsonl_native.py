"""The compiled JSON Lines renderer (scanner/_jsonl.c) writes exactly what Python writes for
each finding — the masked preview, the HMAC of the normalized value, the JSON escaping — on
the corpora and on random values made of the characters where the two could differ."""

from __future__ import annotations

import hashlib
import hmac
import json
import random

import pytest

from piiguard.scanner.corpus2 import generate
from piiguard.scanner.detectors import Detector, Hit
from piiguard.scanner.detectors.model import Validator
from piiguard.scanner.report import Reporter
from piiguard.scanner.sources.model import Located
from piiguard.scanner.taxonomy import TYPES

_jsonl = pytest.importorskip("piiguard.scanner._jsonl")
pytestmark = pytest.mark.req("R2.7")

KEY = bytes(range(32))
# ASCII, separators, Unicode spaces, digits that are decimal or only digits, letters whose
# case mapping changes length, CJK, JSON's escapes and control characters
ALPHABET = (
    "aZ09+-()@.:_ \t\n\r"
    '"\\/\x01\x1f\x7f\u2028'
    "\u3000\xa0\u2003"
    "\uff11\u0663\xb2\u2460"
    "\u0130\xdf\u017f\u212a\xe9"
    "粤京张伟路号\u00b7\u30fb\u2022"
    "\U0001f600"
)
LOCATIONS = (
    {"line": 3, "start": 10, "end": 21},
    {"mime_part": 0, "line": 1, "start": 0, "end": 5},
    {"sheet": "客户", "cell": "B7", "start": 0, "end": 11},
    {"table": "t", "column": "c", "share": 0.5, "rows_matched": 1, "rows_sampled": 2},
    {"flag": True},
    {},
)


def _both(located: list[Located], show_values: bool = False) -> tuple[str, str]:
    """What the compiled and the Python renderer write, decoded."""
    native = Reporter(KEY, show_values)
    assert native.native
    python = Reporter(KEY, show_values, native=False)
    return native.lines(located).decode(), python.lines(located).decode()


def test_hmac_sha256_matches_the_standard_library() -> None:
    # RFC 4231, test case 2
    assert (
        _jsonl.hmac_sha256(b"Jefe", b"what do ya want for nothing?").hex()
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    )
    r = random.Random(1)
    for size in (0, 1, 55, 56, 63, 64, 65, 127, 128, 200, 1000):
        key = r.randbytes(r.choice((16, 32, 64, 65, 100)))
        message = r.randbytes(size)
        assert _jsonl.hmac_sha256(key, message) == hmac.new(key, message, hashlib.sha256).digest()


@pytest.mark.parametrize("portable", [False, True])
def test_both_block_functions_give_the_standard_digest(portable: bool) -> None:
    """With the x86 SHA extensions where the processor has them (`_jsonl.SHA_NI`) and
    without: every message length up to three blocks, keys shorter and longer than one."""
    r = random.Random(7)
    for size in range(200):
        key = r.randbytes(r.choice((0, 1, 32, 64, 65, 130)))
        message = r.randbytes(size)
        expected = hmac.new(key, message, hashlib.sha256).digest()
        assert _jsonl.hmac_sha256(key, message, portable) == expected


def test_the_corpus_findings_render_the_same(detector: Detector) -> None:
    located = [
        Located(f"/data/{name}", {"line": h.start // 80 + 1, "start": h.start, "end": h.end}, h)
        for name, f in generate(size=150_000, seed=11).items()
        for h in detector.scan(f.text)
    ]
    assert len(located) > 2000
    assert {loc.hit.type for loc in located} >= {"person_name", "phone", "licence_plate"}
    for show_values in (False, True):
        native, python = _both(located, show_values)
        assert native == python


@pytest.mark.parametrize("seed", range(6))
def test_random_values_of_every_type_render_the_same(seed: int) -> None:
    r = random.Random(seed)
    kinds = list(TYPES)
    located = []
    for _ in range(1500):
        value = "".join(r.choices(ALPHABET, k=r.randint(0, 24)))
        confidence = r.choice((0.9, 1.0, 0.75, 0.3333333333333333, 1))
        hit = Hit(r.choice(kinds), 0, len(value), value, confidence, r.choice(list(Validator)))
        source = r.choice(("/a/b.txt", 'C:\\x\\"q".csv', "表/客户.csv", "t.c\n"))
        located.append(Located(source, dict(r.choice(LOCATIONS)), hit))
    for show_values in (False, True):
        native, python = _both(located, show_values)
        assert native.split("\n") == python.split("\n")  # a first difference, readably
        assert native == python
        for line in native.split("\n")[:-1]:  # one JSON document a line (\u2028 is no end)
            json.loads(line)


def test_what_python_must_do_goes_to_python() -> None:
    hit = Hit("email", 0, 5, "İx@Y.org", 0.9, Validator.FORMAT)
    extra = Located("/f", {"line": 1, "start": 0, "end": 5}, hit, {"count": 3})
    big = Located("/f", {"line": 10**30, "start": 0, "end": 5}, hit)
    odd = Located("/f", {"line": 1}, Hit("email", 0, 1, "a@b", float("nan"), Validator.FORMAT))
    native, python = _both([extra, big, odd])
    assert native == python
    surrogate = Located("/f", {}, Hit("person_name", 0, 1, "\ud800", 0.9, Validator.CONTEXT))
    with pytest.raises(UnicodeEncodeError):
        Reporter(KEY).lines([surrogate])
    with pytest.raises(KeyError):
        Reporter(KEY).lines([Located("/f", {}, Hit("nope", 0, 1, "x", 0.9, Validator.FORMAT))])


def test_part_hits_keeps_and_counts_as_the_python_loop() -> None:
    """sources.text.scan_text_part's loop in C: the hits that begin in the part, offsets made
    relative to it, line feeds counted; hits in any order (a later one may begin earlier)
    and around the part's edges, in texts of one, two and four bytes a code point."""
    from piiguard.scanner.sources.text import part_hits_python  # noqa: PLC0415

    r = random.Random(5)
    for alphabet in ("ab\n ", "张\n伟 a", "\U0001f600\n张a"):
        for _ in range(200):
            main = "".join(r.choice(alphabet) for _ in range(r.randrange(0, 80)))
            shift = r.randrange(0, 10)
            found = []
            for _ in range(r.randrange(0, 12)):
                start = r.randrange(-5, len(main) + shift + 15)
                end = start + r.randrange(1, 9)
                found.append(Hit("phone", start, end, "x" * (end - start), 0.5, Validator.FORMAT))
            if r.random() < 0.7:
                found.sort(key=lambda h: h.start)
            size = len(main)
            assert _jsonl.part_hits(found, main, shift, size) == part_hits_python(
                found, main, shift, size
            )
