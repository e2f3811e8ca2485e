"""The common/breached password list shipped with piiguard (NIST SP 800-63B-4 §3.1.1.2).

`data/common-passwords-top100k.txt.gz` is SecLists'
`Passwords/Common-Credentials/10-million-password-list-top-100000.txt` (Daniel Miessler and
contributors, MIT licence; the most frequent 100,000 of 10 million leaked passwords, from
Mark Burnett's 2015 release), one per line, gzip -9 (~370 KB). It is read once into a set
of case-folded, NFKC-normalised entries (~100,000 strings, a few MB): a lookup is O(1).
"""

from __future__ import annotations

import functools
import gzip
import unicodedata
from importlib import resources

LIST_FILE = "common-passwords-top100k.txt.gz"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


class BreachedPasswordList:
    """Membership ignores case: 'Password1' is as guessable as 'password1'."""

    def __init__(self, entries: set[str] | None = None) -> None:
        self._entries = entries

    @classmethod
    @functools.cache
    def shipped(cls) -> BreachedPasswordList:
        """The shipped list, one per process: it never changes, and reading it takes ~0.1 s
        and a few MB, which every container that checks a password would pay again."""
        return cls()

    def _load(self) -> set[str]:
        if self._entries is None:
            raw = (resources.files("piiguard") / "data" / LIST_FILE).read_bytes()
            text = gzip.decompress(raw).decode("utf-8")
            self._entries = {_fold(line) for line in text.splitlines() if line}
        return self._entries

    def __len__(self) -> int:
        return len(self._load())

    def __contains__(self, password: object) -> bool:
        return isinstance(password, str) and _fold(password) in self._load()
