"""Password strength by zxcvbn (Dropbox's estimator, the Python port `zxcvbn` on PyPI,
MIT): it splits a password into the likeliest pieces — entries of its frequency lists
(common passwords, English words, names), their look-alike and reversed forms, keyboard
walks, repeats, sequences, years and dates, and the context words given to it — and
multiplies their guess counts. That is the "commonly used, expected, or compromised"
blocklist of NIST SP 800-63B-4 §3.1.1.2 for the variants people really choose, which an
exact list cannot hold (R2.9).

Two properties of the library shape this adapter:
- its cost grows steeply with length on passwords full of look-alike characters (measured:
  32 characters ≤ 0.35 s CPU, 64 up to 8 s), so only the first `ESTIMATE_CHARS` characters
  are estimated — a longer password is at least as hard to guess as its start; the
  exact-list, variant and context checks in domain/password_rules.py still read all of it;
- it keeps the context words in a module-level dictionary, so calls take turns (a lock):
  two at once would see each other's words.

Its warning and suggestions are English sentences; `ZH` gives each its Chinese."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from zxcvbn import zxcvbn

from piiguard.domain.password_rules import Hint, Strength

ESTIMATE_CHARS = 32
CONTEXT = Hint(
    "It contains your name, your email or the company's name, or a product name "
    "(piiguard) — the first words an attacker tries.",
    "其中含有您的姓名、邮箱、公司名称或产品名称（piiguard）——攻击者最先尝试这些词。",
)

ZH: dict[str, str] = {
    "Use a few words, avoid common phrases.": "用几个词组成，避免常见短语。",
    "No need for symbols, digits, or uppercase letters.": "无需符号、数字或大写字母。",
    "Add another word or two. Uncommon words are better.": "再加一两个词，不常见的词更好。",
    "Straight rows of keys are easy to guess.": "键盘上成行的按键很容易被猜中。",
    "Short keyboard patterns are easy to guess.": "短的键盘图案很容易被猜中。",
    "Use a longer keyboard pattern with more turns.": "如用键盘图案，请更长、转折更多。",
    'Repeats like "aaa" are easy to guess.': "“aaa”这样的重复很容易被猜中。",
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': "“abcabcabc”这样的重复只比“abc”稍难猜一点。",
    "Avoid repeated words and characters.": "避免重复的词和字符。",
    'Sequences like "abc" or "6543" are easy to guess.': "“abc”或“6543”这样的序列很容易被猜中。",
    "Avoid sequences.": "避免连续序列。",
    "Recent years are easy to guess.": "最近的年份很容易被猜中。",
    "Avoid recent years.": "避免使用最近的年份。",
    "Avoid years that are associated with you.": "避免使用与您有关的年份。",
    "Dates are often easy to guess.": "日期往往很容易被猜中。",
    "Avoid dates and years that are associated with you.": "避免使用与您有关的日期和年份。",
    "This is a top-10 common password.": "这是最常见的 10 个密码之一。",
    "This is a top-100 common password.": "这是最常见的 100 个密码之一。",
    "This is a very common password.": "这是一个非常常见的密码。",
    "This is similar to a commonly used password.": "这与一个常用密码相似。",
    "A word by itself is easy to guess.": "单独一个词很容易被猜中。",
    "Names and surnames by themselves are easy to guess.": "单独的名字或姓氏很容易被猜中。",
    "Common names and surnames are easy to guess.": "常见的名字和姓氏很容易被猜中。",
    "Capitalization doesn't help very much.": "大写字母帮助不大。",
    "All-uppercase is almost as easy to guess as all-lowercase.": "全部大写和全部小写几乎一样容易被猜中。",
    "Reversed words aren't much harder to guess.": "倒写的词并不难猜多少。",
    "Predictable substitutions like '@' instead of 'a' don't help very much.": "以“@”代“a”这类可预料的替换帮助不大。",
}


def _hint(en: str) -> Hint:
    return Hint(en, ZH.get(en, en))


class ZxcvbnStrength:
    """The `PasswordStrength` port on zxcvbn."""

    def __init__(self, estimate_chars: int = ESTIMATE_CHARS) -> None:
        self._chars = estimate_chars
        self._lock = threading.Lock()

    def estimate(self, password: str, context: Sequence[str]) -> Strength:
        head = password[: self._chars]
        with self._lock:
            got = zxcvbn(head, user_inputs=list(context), max_length=self._chars)
        feedback = got["feedback"]
        warning = _hint(feedback["warning"]) if feedback["warning"] else None
        suggestions = tuple(_hint(s) for s in feedback["suggestions"])
        if any(m.get("dictionary_name") == "user_inputs" for m in got["sequence"]):
            warning, suggestions = CONTEXT, ((warning,) if warning else ()) + suggestions
        return Strength(float(got["guesses_log10"]), warning, suggestions)
