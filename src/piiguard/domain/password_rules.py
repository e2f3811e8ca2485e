"""What makes a staff password acceptable (R2.9), as pure functions: NIST SP 800-63B-4
§3.1.1.2 — length only, no composition rules, and a blocklist of values that are "commonly
used, expected, or compromised". People rarely pick a list entry as it is; they pick its
variants: a capital, digits, a symbol or a year around it (Password123!, Welcome2024!),
look-alike characters (P@ssw0rd), keyboard walks (1qaz2wsx), their own name. So a password
is refused when

1. it is shorter or longer than the limits (counted after NFKC normalisation);
2. it is on the shipped list (ignoring case);
3. it contains the person's name, the email's local part or the company's name, also with
   look-alike characters read as letters (Zh@ng → zhang);
4. its core — digits and symbols at either end taken off, look-alike characters read as
   letters — is on the list (Password123!, P@ssw0rd123!, Welcome2024!, Qwerty123!);
5. a strength estimator (the `PasswordStrength` port; zxcvbn in adapters/) finds it in fewer
   guesses than `min_guesses_log10` (10^8 by default), given the person's name and email,
   "piiguard" and the company's name as words an attacker would try first.

Every refusal names the field and says why, in English and Chinese (`WeakPassword`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from piiguard.domain.errors import WeakPassword

if TYPE_CHECKING:
    from piiguard.domain.staff_security import StaffPolicy

__all__ = [
    "Hint",
    "Strength",
    "StrengthEstimator",
    "check_password",
    "context_words",
    "core_forms",
    "normalise_password",
]

# look-alike characters people put for letters; 1, | and 7 stand for two letters each
LEET = str.maketrans(
    {
        "@": "a",
        "4": "a",
        "8": "b",
        "(": "c",
        "3": "e",
        "6": "g",
        "9": "g",
        "#": "h",
        "1": "i",
        "!": "i",
        "|": "i",
        "0": "o",
        "$": "s",
        "5": "s",
        "7": "t",
        "+": "t",
        "2": "z",
        "€": "e",
        "£": "l",
    }
)
LEET_L = str.maketrans({"1": "l", "|": "l", "7": "l"})
# a US keyboard's shifted row read unshifted: 1qaz@WSX3edc is the walk 1qaz2wsx3edc
UNSHIFT = str.maketrans(dict(zip('!@#$%^&*()_+{}|:"<>?~', "1234567890-=[]\\;',./`", strict=True)))
MIN_CORE = 4  # shorter cores ("abc", "dog") are left to the estimator
COMPANY_STOP = frozenset({"co", "ltd", "inc", "llc", "gmbh", "the", "limited", "company"})


@dataclass(frozen=True, slots=True)
class Hint:
    """One sentence of advice, in both languages."""

    en: str
    zh: str


@dataclass(frozen=True, slots=True)
class Strength:
    """What a strength estimator says of a password: about how many guesses (log10) an
    attacker who tries the likely ones first needs, a warning and suggestions."""

    guesses_log10: float
    warning: Hint | None = None
    suggestions: tuple[Hint, ...] = ()


StrengthEstimator = Callable[[str, Sequence[str]], Strength]


def normalise_password(password: str) -> str:
    """SP 800-63B-4 §3.1.1.2: any Unicode, normalised (NFKC) before hashing and checking, so
    the same characters typed on another keyboard still match."""
    return unicodedata.normalize("NFKC", password)


def _words(text: str, shortest: int = 3) -> list[str]:
    return [p for p in re.split(r"[\W_]+", text.casefold()) if len(p) >= shortest]


def _unleet(text: str) -> set[str]:
    """The text as typed and with look-alike characters read as letters (both readings of
    1, | and 7)."""
    folded = text.casefold()
    return {folded, folded.translate(LEET), folded.translate(LEET_L).translate(LEET)}


def _cuts(pw: str) -> set[str]:
    """With or without the run of non-letters at the start and at the end."""
    head = re.match(r"^[\W\d_]*", pw)
    tail = re.search(r"[\W\d_]*$", pw)
    start = head.end() if head else 0
    end = tail.start() if tail else len(pw)
    return {pw, pw[start:], pw[:end], pw[start:end] if start < end else ""}


def core_forms(password: str) -> set[str]:
    """The password's cores: with or without the run of non-letters at its start and at its
    end, each as typed and read without look-alikes (P@ssw0rd123! -> p@ssw0rd, password …);
    and the whole typed without shift (1qaz@WSX3edc -> 1qaz2wsx3edc). A core is at least
    MIN_CORE characters long."""
    pw = password.strip()
    cuts = _cuts(pw) | {pw.casefold().translate(UNSHIFT)}
    forms: set[str] = set()
    for cut in cuts:
        for read in _unleet(cut):
            form = read.strip()
            # a look-alike at either end may be an affix as well ("@dmin2024" -> "admin")
            for f in (form, re.sub(r"^[\W\d_]+|[\W\d_]+$", "", form)):
                if len(f) >= MIN_CORE:
                    forms.add(f)
    return forms


def context_words(email: str, name: str, company: str, extra: Iterable[str]) -> list[str]:
    """Words an attacker who knows the person tries first: the email's parts, the name's
    parts, the company's name, and any others configured (such as "piiguard")."""
    local, _, domain = email.partition("@")
    words = [local.casefold(), *_words(local), *_words(name), *_words(company)]
    words += _words(domain.rsplit(".", 1)[0], 4)
    words += [w.casefold() for w in extra]
    return sorted({w for w in words if len(w) >= 3} - COMPANY_STOP)


def _estimate(got: Strength | None, need: float) -> dict[str, Any]:
    """The estimate as a refusal tells it (guesses, what is needed, warning, suggestions),
    when it is below what is needed: a list variant it rates higher is refused all the same,
    and saying "10^9 guesses" there would only confuse."""
    if got is None or got.guesses_log10 >= need:
        return {}
    said = Hint(
        f"A strength estimate (zxcvbn) finds it in about 10^{got.guesses_log10:.1f} "
        f"guesses; at least 10^{need:g} are needed.",
        f"强度估算（zxcvbn）约 10^{got.guesses_log10:.1f} 次猜测即可猜中，至少需要 "
        f"10^{need:g} 次。",
    )
    return {
        "hints": (said, *((got.warning,) if got.warning else ()), *got.suggestions),
        "guesses_log10": round(got.guesses_log10, 2),
        "needed_log10": need,
    }


def _refuse(
    field: str,
    rule: str,
    en: str,
    zh: str,
    *,
    hints: tuple[Hint, ...] = (),
    guesses_log10: float | None = None,
    needed_log10: float | None = None,
) -> WeakPassword:
    en_all = " ".join([en, *(h.en for h in hints)])
    zh_all = "".join([zh, *(h.zh for h in hints)])
    return WeakPassword(
        f"{en_all} / {zh_all}",
        field=field,
        rule=rule,
        hints=tuple((h.en, h.zh) for h in hints),
        guesses_log10=guesses_log10,
        needed_log10=needed_log10,
    )


def check_password(
    password: str,
    *,
    mfa: bool,
    policy: StaffPolicy,
    breached: Callable[[str], bool],
    email: str = "",
    name: str = "",
    field: str = "password",
    strength: StrengthEstimator | None = None,
) -> str:
    """Return the normalised password or raise WeakPassword (an InvalidInput) naming
    `field`, in the order of the module's rules."""
    pw = normalise_password(password)
    low = policy.min_length_mfa if mfa else policy.min_length
    if len(pw) < low:
        extra = "" if mfa else f" ({policy.min_length_mfa} once two-factor sign-in is on)"
        zh_extra = "" if mfa else f"（开启两步验证后为 {policy.min_length_mfa} 个）"
        raise _refuse(
            field,
            "length",
            f"the password must have at least {low} characters{extra}; a few "
            "unrelated words make a strong one.",
            f"密码至少需要 {low} 个字符{zh_extra}；几个互不相关的词语组成的密码又好记又安全。",
        )
    if len(pw) > policy.max_length:
        raise _refuse(
            field,
            "length",
            f"the password may have at most {policy.max_length} characters.",
            f"密码最多 {policy.max_length} 个字符。",
        )
    if breached(pw):
        raise _refuse(
            field,
            "common",
            "this password is on a list of common or breached passwords; choose another.",
            "该密码在常见或已泄露密码列表中，请另选一个。",
        )
    seen = _unleet(pw)
    local = email.split("@", 1)[0].casefold()
    personal = ({local} if len(local) >= 3 else set()) | set(_words(name))
    company = {w for w in _words(policy.company_name, 4) if w not in COMPANY_STOP}
    company |= {w.casefold() for w in policy.extra_words}
    if any(w in form for w in personal for form in seen):
        raise _refuse(
            field,
            "personal",
            "the password must not contain your name or email (look-alike "
            "characters such as @ for a or 0 for o count as the letters).",
            "密码不得包含您的姓名或邮箱（以 @ 代 a、0 代 o 等形近字符也算）。",
        )
    if any(len(w) >= 4 and w in form for w in company for form in seen):
        raise _refuse(
            field,
            "company",
            "the password must not contain the company's name.",
            "密码不得包含公司名称。",
        )
    got = None
    if strength is not None and policy.min_guesses_log10 > 0:
        got = strength(
            pw,
            context_words(
                email, name, policy.company_name, (*policy.extra_words, *policy.context_words)
            ),
        )
    need = policy.min_guesses_log10
    if any(breached(core) for core in core_forms(pw)):
        raise _refuse(
            field,
            "common-variant",
            "this password is a common or breached password with digits, symbols "
            "or a year added before or after it, or with look-alike characters "
            "(@ for a, 0 for o, 1 for i, $ for s …); attackers try these variants "
            "first. Choose another: a few unrelated words are stronger.",
            "该密码是常见或已泄露密码的变体（前后加了数字、符号或年份，或以 @ 代 a、"
            "0 代 o、1 代 i、$ 代 s 等形近字符）；攻击者最先尝试这类变体。请另选一"
            "个：几个互不相关的词语更安全。",
            **_estimate(got, need),
        )
    if got is not None and got.guesses_log10 < need:
        raise _refuse(
            field,
            "guessable",
            "this password is too easy to guess.",
            "该密码太容易被猜中。",
            **_estimate(got, need),
        )
    return pw
