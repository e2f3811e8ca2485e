"""A field's name as systems spell it beyond the vocabulary's words (issue 18, R2.7): a
qualifier after the words that say what the field holds — a language or script
(`custNameCn`, `cust_name_en`, `contactNameZh`, `NAME_CN`, `NAMECN`), a form (`name_str`,
`birthday_text`), a date's own word after a birth word (`dob_date`, `birthday_dt`) — and
the abbreviations of those words (`rcvrName`, `cnee_name`, `bene_acct_nbr`, `emerg_contact`,
`pax_name`, `acc_no`).

vocabulary._en_meaning asks for these spellings only where the key's own tokens mean
nothing: a key the vocabulary knows keeps its meaning (`token`, `pin`, `birth_date`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

# A language or script after a field's words: the field is the same, in that writing.
LANGUAGES: Final = frozenset({"cn", "zh", "en", "chs", "cht", "hans", "hant", "zhcn", "enus"})
# A form after a code key's words (name_str, dob_text), in the key's last word; not as a
# word of its own, which in a log may follow the previous value read back with the key
# (`… password value=`).
FORMS: Final = frozenset({"str", "text", "txt", "val", "value", "raw"})
# A date's word after a birth word: the date of birth still (dob_date, birthday_dt, not
# order_date).
DATES: Final = frozenset({"date", "dt", "ymd", "yyyymmdd"})
# A language glued to the last word (NAMECN, CUSTNAMECN): split off when what is left is a
# word of the vocabulary or ends in `name` (then split again: vocabulary._unglued).
_GLUED: Final = ("cn", "zh", "en")
# Abbreviations of the vocabulary's words, as they are written in keys.
ABBREVIATIONS: Final[dict[str, tuple[str, ...]]] = {
    "nbr": ("no",),
    "nr": ("no",),
    "nmbr": ("no",),
    "acc": ("acct",),
    "rcv": ("receiver",),
    "rcvr": ("receiver",),
    "recv": ("receiver",),
    "recvr": ("receiver",),
    "cnee": ("consignee",),
    "bene": ("beneficiary",),
    "benef": ("beneficiary",),
    "emerg": ("emergency",),
    "ctc": ("contact",),
    "cntct": ("contact",),
    "pax": ("passenger",),
    "psgr": ("passenger",),
    "usr": ("user",),
    "bdate": ("birth", "date"),
}
# Every word these spellings add (the anchors of the key rules end in one of them).
WORDS: Final = LANGUAGES | FORMS | DATES | frozenset(ABBREVIATIONS)


def _word(rest: str, known: frozenset[str]) -> bool:
    return rest in known or (len(rest) > 4 and rest.endswith("name"))


def variants(
    tokens: list[str], alone: bool, known: frozenset[str]
) -> Iterator[tuple[list[str], bool]]:
    """Other readings of a key's tokens, in order, each with whether it must mean a date of
    birth to count: the abbreviations spelled out, then up to two qualifiers taken off the
    end. `alone`: the key's last word is a single token (no form qualifier then); `known`:
    the vocabulary's words (a glued language is split off only before one)."""
    spelled = [w for t in tokens for w in ABBREVIATIONS.get(t, (t,))]
    if spelled != tokens:
        yield spelled, False
    birth = False
    for _ in range(2):
        last = spelled[-1]
        if len(spelled) > 1 and (last in LANGUAGES or (last in FORMS and not alone)):
            spelled = spelled[:-1]
        elif len(spelled) > 1 and last in DATES:
            spelled, birth = spelled[:-1], True
        else:
            glued = next(
                (q for q in _GLUED if last.endswith(q) and _word(last[: -len(q)], known)), None
            )
            if glued is None:
                return
            spelled = [*spelled[:-1], last[: -len(glued)]]
        yield spelled, birth
