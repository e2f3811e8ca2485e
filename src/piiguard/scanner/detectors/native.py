"""The compiled fast paths of the hottest rules (piiguard/scanner/_native.c), configured from
the Python rules' own context words and tables.

Each fast path does, for one reported start, what its rule's exact pattern and check do, and
returns the Hit, None (the pattern matched, the check refused), False (the pattern did not
match) or NotImplemented (something it does not model: the caller runs the Python rule).
`FAST` maps rule names to them; it is empty where the extension was not built (no C compiler
at install time), and the engine then runs every rule in Python with the same results.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable
from types import ModuleType

from piiguard.scanner.detectors import checks, formats, names, numbers, phones, vocabulary, words
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.negative import lookalikes

FastPath = Callable[[str, int, bool], object]
_META = set("^$*+?{}[]|()\\")


def literal_words(alternatives: Iterable[str], dots: bool = False) -> list[tuple[str, bool, bool]]:
    r"""rule.words() alternatives as (literal, \b before, \b after) for the compiled matcher."""
    out = []
    for alternative in alternatives:
        lead = alternative.startswith(r"\b")
        trail = alternative.endswith(r"\b") and len(alternative) > 2
        word = alternative[2 if lead else 0 : len(alternative) - (2 if trail else 0)]
        if not word or _META & set(word) or ("." in word and not dots):
            raise ValueError(f"not a literal context word: {alternative!r}")
        out.append((word, lead, trail))
    return out


def cue_words(alternation: str, bounded: bool) -> list[tuple[str, bool, bool]]:
    r"""A look-alike cue's words ("part|p/n|…") for _cues.c: literals, tried in this order,
    (word, \b before, \b after) as literal_words gives them."""
    out = alternation.split("|")
    for word in out:
        if not word or _META & set(word) or "." in word:
            raise ValueError(f"not a literal cue word: {word!r}")
    return [(word, bounded, bounded) for word in out]


NATIVE_VERSION = 14  # as in _native.c


def _load() -> ModuleType | None:
    if os.environ.get("PIIGUARD_SCANNER_PURE"):  # run every rule in Python (tests, comparison)
        return None
    try:
        from piiguard.scanner import _native  # noqa: PLC0415 - optional compiled module
    except ImportError:
        return None
    if getattr(_native, "VERSION", None) != NATIVE_VERSION:
        warnings.warn(
            "piiguard.scanner._native is from an older build and is not used (the scanner "
            "runs its Python rules); rebuild it with `pip install -e .`",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    _native.configure(
        hit=Hit,
        checksum=Validator.CHECKSUM,
        format=Validator.FORMAT,
        context=Validator.CONTEXT,
        contexts={
            "phone": literal_words(numbers.PHONE_WORDS),
            "bank": literal_words(numbers.BANK_WORDS),
            "credit": literal_words(numbers.CREDIT_WORDS),
            "card": literal_words(numbers.CARD_WORDS),
            "ip": literal_words(formats.IP_WORDS),
            "version": literal_words(formats.VERSION_WORDS, dots=True),
            "coordinates": literal_words(formats.COORD_WORDS),
            "zh_suffix": literal_words(words.SUFFIX_WORDS),
            "zh_label": literal_words(words.LABEL_WORDS),
            "zh_follow": literal_words(words.FOLLOW_WORDS),
        },
        mobile_table=numbers.MOBILE_TABLE,
        file_suffixes=formats.FILE_SUFFIXES,
        provinces=[int(code) for code in checks.CN_PROVINCE_CODES],
        iban_classes=checks.IBAN_CLASSES,
        cn_trunk=phones.cn_trunk,
        surnames=names.SINGLE_SURNAMES,
        function_chars="".join(sorted(names.FUNCTION_CHARS)),
        compound_surnames=words.COMPOUND_SET,
        common_words=words.COMMON_WORDS,
        plate_provinces=formats.PLATE_PROVINCES,
        not_last=words.NOT_LAST,
        not_names=names.NOT_NAMES,
        unit_chars="".join(sorted(words.UNIT_CHARS)),
        word_ends=words.WORD_ENDS,
    )
    _native.configure_cues(
        kind=vocabulary.NOT_PERSONAL,
        validator=Validator.FORMAT,
        reach=lookalikes.REACH,
        part_en=cue_words(lookalikes.PART_EN, True),
        part_zh=cue_words(lookalikes.PART_ZH, False),
        version_en=cue_words(lookalikes.VERSION_EN, True),
        version_zh=cue_words(lookalikes.VERSION_ZH, False),
        phone_en=cue_words(lookalikes.PHONE_EN, True),
        phone_zh=cue_words(lookalikes.PHONE_ZH, False),
    )
    return _native


NATIVE = _load()
FAST: dict[str, FastPath] = (
    {}
    if NATIVE is None
    else {
        "card": NATIVE.card,
        "resident_id_18": NATIVE.resident_id_18,
        "mobile": NATIVE.mobile,
        "ipv4": NATIVE.ipv4,
        "email": NATIVE.email,
        "iban": NATIVE.iban,
        "ipv6": NATIVE.ipv6,
        "coordinates": NATIVE.coordinates,
        "landline": NATIVE.landline,
        "zh_name_suffix": NATIVE.zh_name_suffix,
        "zh_name_label": NATIVE.zh_name_label,
        "plate": NATIVE.plate,
        "token": NATIVE.token,
        "private_key": NATIVE.private_key,
        "latin_name": NATIVE.latin_name,
        "dob": NATIVE.dob,
        # the look-alike cues: a list of claims each (_cues.c)
        "part_cue": NATIVE.part_cue,
        "part_cue_zh": NATIVE.part_cue,
        "version_cue": NATIVE.version_cue,
        "version_cue_zh": NATIVE.version_cue,
        # English field keys: those not personal and those that mean nothing (_keys.c)
        "field_key": NATIVE.field_key,
        "field_camel": NATIVE.field_key,
        # Chinese field labels (_labels.c)
        "field_label": NATIVE.field_label,
        # chat-export lines: False where CHAT_LINE cannot match, else Python's (_chat.c)
        "chat_line": NATIVE.chat_line,
    }
)
