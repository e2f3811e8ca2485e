"""Published versions of the privacy policy and what a new one means (R8.1, R2.4).

Policy §8: "If this Policy is revised, we will promptly inform you … we will release the
latest revised version". A version is the text in English and Chinese, its effective date,
a summary of what changed and whether the change is *material* — and if so what it changes
(`ChangeKind`) and which purposes it touches. A material change that touches a purpose
resting on consent makes the consents given under earlier versions for that purpose due for
renewal (`RenewalDue`): after the grace period the decision point treats an unrenewed one as
lapsed (domain/access_rules.py `consent_renewed`).

A new version starts as a `PolicyDraft`; an officer publishes it — a material one only
another officer (four eyes: docs/accountability.md argues why). Sections and the
section-by-section diff against the previous version are `sections()` and `diff_texts()`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from piiguard.domain.consent import Consent
from piiguard.domain.errors import InvalidInput


class ChangeKind(StrEnum):
    """What a material change changes (PIPL Art. 14, 17: a change of these is told anew)."""

    PURPOSES = "purposes"  # purposes added or widened
    CATEGORIES = "categories"  # kinds of personal information
    RECIPIENTS = "recipients"  # who it is provided to
    TRANSFER_ABROAD = "transfer_abroad"
    RETENTION = "retention"


CHANGE_WORDS: dict[ChangeKind, tuple[str, str]] = {  # (en, zh)
    ChangeKind.PURPOSES: ("purposes added or widened", "新增或扩大处理目的"),
    ChangeKind.CATEGORIES: ("kinds of personal information", "个人信息种类"),
    ChangeKind.RECIPIENTS: ("recipients", "接收方"),
    ChangeKind.TRANSFER_ABROAD: ("transfers abroad", "向境外提供"),
    ChangeKind.RETENTION: ("retention periods", "保存期限"),
}


class DraftStatus(StrEnum):
    PROPOSED = "proposed"
    PUBLISHED = "published"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    """A published version. Version 1 is the shipped text (English only: `text_zh` None)."""

    version: str
    published_at: datetime
    sha256: str  # of the English text (`text`)
    text: str  # English
    text_zh: str | None = None
    effective_on: date | None = None
    summary_en: str = ""
    summary_zh: str = ""
    material: bool = False
    changes: tuple[ChangeKind, ...] = ()
    purposes: tuple[str, ...] = ()  # the purposes the change touches
    renewal: tuple[str, ...] = ()  # of those, the ones resting on consent: renewal due
    notify: bool = False  # the people with a contact are mailed a notice
    proposed_by: str = ""
    approved_by: str = ""  # the second officer of a material change
    sha256_zh: str = ""

    def text_in(self, lang: str) -> str:
        return self.text_zh if lang.startswith("zh") and self.text_zh else self.text

    def effective_from(self) -> datetime:
        """When it takes effect: the start (UTC) of its effective date, never before it
        was published."""
        if self.effective_on is None:
            return self.published_at
        return max(self.published_at, datetime.combine(self.effective_on, time(), UTC))


@dataclass(frozen=True, slots=True)
class PolicyDraft:
    """A new version as proposed, before it is published (or rejected)."""

    id: str
    status: DraftStatus
    text_en: str
    text_zh: str
    effective_on: date
    summary_en: str
    summary_zh: str
    material: bool
    changes: tuple[ChangeKind, ...]
    purposes: tuple[str, ...]
    notify: bool
    proposed_by: str
    proposed_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    version: str | None = None  # given when published
    reason: str = ""  # why it was rejected


MAX_TEXT = 200_000
MAX_SUMMARY = 4_000


def check_draft(
    *,
    text_en: str,
    text_zh: str,
    effective_on: date,
    summary_en: str,
    summary_zh: str,
    material: bool,
    changes: Iterable[str],
    purposes: Iterable[str],
    today: date,
) -> tuple[tuple[ChangeKind, ...], tuple[str, ...]]:
    """The edge rules of a new version; InvalidInput naming the field at fault. Returns
    the changes and purposes, sorted and without repeats."""
    for name, value, limit in (
        ("text_en", text_en, MAX_TEXT),
        ("text_zh", text_zh, MAX_TEXT),
        ("summary_en", summary_en, MAX_SUMMARY),
        ("summary_zh", summary_zh, MAX_SUMMARY),
    ):
        if not value.strip():
            raise InvalidInput(f"{name} is empty: give it in full", field=name)
        if len(value) > limit:
            raise InvalidInput(f"{name} is longer than {limit} characters", field=name)
    if effective_on < today:
        raise InvalidInput(
            f"effective_on {effective_on} is in the past: a version takes effect today or later",
            field="effective_on",
        )
    kinds: set[ChangeKind] = set()
    for c in changes:
        try:
            kinds.add(ChangeKind(c))
        except ValueError:
            allowed = ", ".join(k.value for k in ChangeKind)
            raise InvalidInput(f"unknown change {c!r}: one of {allowed}", field="changes") from None
    keys = tuple(sorted({p.strip() for p in purposes if p.strip()}))
    if material and not kinds:
        raise InvalidInput(
            "a material change says what it changes (purposes, categories, recipients, "
            "transfer_abroad, retention)",
            field="changes",
        )
    if not material and (kinds or keys):
        raise InvalidInput(
            "a change that is not material changes no purposes, categories, recipients, "
            "transfers or retention: mark it material",
            field="material",
        )
    return tuple(sorted(kinds)), keys


def next_version(published: Iterable[str]) -> str:
    """The next version number: one more than the highest numeric one published."""
    return str(max((int(v) for v in published if v.isdigit()), default=0) + 1)


# -- renewal of consent ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RenewalDue:
    """Consents to `purpose` given under one of `older` versions need renewing since
    `version`; unrenewed, they lapse at `lapses_at`."""

    purpose: str
    version: str
    lapses_at: datetime
    older: frozenset[str]


def renewal_dues(
    versions: Sequence[PolicyVersion], grace_days: int
) -> Mapping[str, tuple[RenewalDue, ...]]:
    """Per purpose, the renewals due (`versions` in the order published)."""
    dues: dict[str, list[RenewalDue]] = {}
    for i, v in enumerate(versions):
        older = frozenset(p.version for p in versions[:i])
        lapses_at = v.effective_from() + timedelta(days=grace_days)
        for purpose in v.renewal:
            dues.setdefault(purpose, []).append(RenewalDue(purpose, v.version, lapses_at, older))
    return {k: tuple(v) for k, v in dues.items()}


def to_renew(
    consents: Iterable[Consent], purposes: Iterable[str], older: frozenset[str], at: datetime
) -> tuple[str, ...]:
    """Of `purposes`, those for which the person holds a consent in force given under one
    of the `older` versions, with no consent of the same kind given since: what a notice
    asks them to renew. Only their own consents (a guardian's is renewed through staff)."""
    held = [c for c in consents if c.in_force(at) and c.given_by is None]
    out = []
    for p in purposes:
        kinds = {c.kind for c in held if c.purpose == p}
        if any(
            all(c.policy_version in older for c in held if c.purpose == p and c.kind is k)
            for k in kinds
        ):
            out.append(p)
    return tuple(sorted(out))


# -- sections and the diff ------------------------------------------------------------------

_HEADING = re.compile(
    r"^\s{0,3}(?P<key>\d{1,2}(?:\.\d{1,2})*[.、．]|[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十\d]{1,3}[条章节部分])\s*\S"
)


@dataclass(frozen=True, slots=True)
class Section:
    key: str  # "1", "2", "一" …; "" for what precedes the first heading
    title: str
    lines: tuple[str, ...]


def sections(text: str) -> list[Section]:
    """The text cut at its headings ("1. Introduction", "一、概述", "第一条 …")."""
    out: list[Section] = []
    key, title = "", ""
    lines: list[str] = []
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m:
            if lines or key or title:
                out.append(Section(key, title, tuple(lines)))
            key = m.group("key").rstrip(".、．").strip()
            key = key.removeprefix("第").rstrip("条章节部分")
            title, lines = line.strip(), []
        else:
            lines.append(line.rstrip())
    if lines or key or title:
        out.append(Section(key, title, tuple(lines)))
    return out


class SectionChange(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class SectionDiff:
    key: str
    title: str  # the new title (the old one for a removed section)
    old_title: str
    change: SectionChange
    lines: tuple[tuple[str, str], ...]  # (" " | "-" | "+", line)


def _line_diff(old: Sequence[str], new: Sequence[str]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend((" ", s) for s in old[i1:i2])
            continue
        out.extend(("-", s) for s in old[i1:i2])
        out.extend(("+", s) for s in new[j1:j2])
    return tuple(out)


def diff_texts(old: str | None, new: str) -> list[SectionDiff]:
    """Section by section, in the new text's order with removed sections where they were.
    Sections pair by their heading's number (or, without one, their title)."""
    before = sections(old or "")
    after = sections(new)

    def ident(s: Section) -> str:
        return s.key or s.title

    old_by = {ident(s): s for s in before}
    new_ids = {ident(s) for s in after}
    out: list[SectionDiff] = []
    removed = [s for s in before if ident(s) not in new_ids]
    for s in after:
        o = old_by.get(ident(s))
        if o is None:
            out.append(
                SectionDiff(
                    s.key, s.title, "", SectionChange.ADDED, tuple(("+", x) for x in s.lines)
                )
            )
            continue
        same = o.title == s.title and o.lines == s.lines
        lines = _line_diff(o.lines, s.lines)
        out.append(
            SectionDiff(
                s.key,
                s.title,
                o.title,
                SectionChange.SAME if same else SectionChange.CHANGED,
                lines,
            )
        )
    out.extend(
        SectionDiff(
            s.key, s.title, s.title, SectionChange.REMOVED, tuple(("-", x) for x in s.lines)
        )
        for s in removed
    )
    return out
