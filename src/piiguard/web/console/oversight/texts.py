"""The words of web/console/oversight/ in Simplified Chinese and English (merged over the
console's own, web/console/texts.py, by kit.console_page)."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
