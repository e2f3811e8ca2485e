from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from piiguard.scanner.detectors.model import Hit

VERSION: int

def configure(
    *,
    hit: type,
    checksum: object,
    format: object,
    context: object,
    contexts: Mapping[str, Sequence[tuple[str, bool, bool]]],
    mobile_table: bytearray,
    file_suffixes: frozenset[str],
    provinces: Iterable[int],
    iban_classes: dict[str, str | None],
    cn_trunk: Callable[[str], bool],
    surnames: str,
    function_chars: str,
    compound_surnames: frozenset[str],
    common_words: frozenset[str],
    plate_provinces: str,
    not_last: frozenset[str],
    not_names: frozenset[str],
    unit_chars: str,
    word_ends: frozenset[str],
) -> None: ...
def card(text: str, pos: int, lead: bool = False, /) -> object: ...
def resident_id_18(text: str, pos: int, lead: bool = False, /) -> object: ...
def mobile(text: str, pos: int, lead: bool = False, /) -> object: ...
def ipv4(text: str, pos: int, lead: bool = False, /) -> object: ...
def email(text: str, pos: int, lead: bool = False, /) -> object: ...
def iban(text: str, pos: int, lead: bool = False, /) -> object: ...
def ipv6(text: str, pos: int, lead: bool = False, /) -> object: ...
def coordinates(text: str, pos: int, lead: bool = False, /) -> object: ...
def landline(text: str, pos: int, lead: bool = False, /) -> object: ...
def zh_name_suffix(text: str, pos: int, lead: bool = False, /) -> object: ...
def zh_name_label(text: str, pos: int, lead: bool = False, /) -> object: ...
def plate(text: str, pos: int, lead: bool = False, /) -> object: ...
def token(text: str, pos: int, lead: bool = False, /) -> object: ...
def private_key(text: str, pos: int, lead: bool = False, /) -> object: ...
def latin_name(text: str, pos: int, lead: bool = False, /) -> object: ...
def dob(text: str, pos: int, lead: bool = False, /) -> object: ...
def part_cue(text: str, pos: int, lead: bool = False, /) -> object: ...
def version_cue(text: str, pos: int, lead: bool = False, /) -> object: ...
def field_key(text: str, pos: int, lead: bool = False, /) -> object: ...
def field_label(text: str, pos: int, lead: bool = False, /) -> object: ...
def chat_line(text: str, pos: int, lead: bool = False, /) -> object: ...
def configure_keys(
    *,
    known: dict[str, str | None],
    not_personal: str,
    format: object,
    context: object,
    classify: Callable[[str, str], tuple[str, int, int, float] | None],
    names: frozenset[str],
    handed_back: frozenset[str],
    after_space: frozenset[str],
    comma_inside: dict[str, int],
    name_may_follow: Callable[[str, int], object],
    dob: str,
) -> None: ...
def birth_date(value: str, pos: int = 0, /) -> object: ...
def configure_labels(
    *,
    by_start: dict[str, tuple[str, ...]],
    known: dict[str, str | None],
    excluding: dict[str, tuple[str, ...]],
    names: frozenset[str],
    person: str,
    context: object,
    follow_words: Sequence[tuple[str, bool, bool]],
    follow_chars: str,
) -> None: ...
def configure_cues(
    *,
    kind: str,
    validator: object,
    reach: int,
    part_en: Sequence[tuple[str, bool, bool]],
    part_zh: Sequence[tuple[str, bool, bool]],
    version_en: Sequence[tuple[str, bool, bool]],
    version_zh: Sequence[tuple[str, bool, bool]],
    phone_en: Sequence[tuple[str, bool, bool]],
    phone_zh: Sequence[tuple[str, bool, bool]],
) -> None: ...

class Collector:
    """Hyperscan match handler: (rule, start) -> end of the last report, in report order."""

    def __call__(self, id: int, start: int, end: int, flags: int, context: Any, /) -> None: ...
    def __len__(self) -> int: ...
    def items(self) -> list[tuple[int, int, int]]: ...

class Plan:
    def __init__(
        self,
        names: Sequence[str | None],
        leads: Sequence[bool],
        pairs: list[tuple[Callable[[str, int], Any], Callable[[Any, str], Any]] | None],
        /,
    ) -> None: ...
    def scan(
        self,
        text: str,
        ascii_db: Any,
        utf8_db: Any,
        fallback: Callable[[int, str, int, int, Callable[[Hit], None]], None],
        /,
    ) -> list[Hit]: ...
    def run(
        self,
        text: str,
        ascii: Collector,
        utf8: Collector | None,
        fallback: Callable[[int, str, int, int, Callable[[Hit], None]], None],
        /,
    ) -> list[Hit]: ...
