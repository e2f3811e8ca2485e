"""The privacy centre's policy pages (R8.1): the version in force, every version, and one
version — its summary, effective date, what a material change changes, its full text and
what changed against the version before it, section by section — in the page's language
(zh-CN or en; version 1 was published in English only, and the page says so). Public, no
form, nothing about anyone."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from piiguard.bootstrap import Container
from piiguard.domain.errors import NotFound
from piiguard.domain.policy.versions import CHANGE_WORDS, PolicyVersion
from piiguard.services.policy import versions as pv
from piiguard.web.deps import ContainerDep
from piiguard.web.html import language
from piiguard.web.privacy.pages import not_found, page

router = APIRouter(prefix="/privacy/policy", include_in_schema=False)

WORDS: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "title": ("隐私政策", "Privacy policy"),
    "versions": ("全部版本", "Every version"),
    "version": ("第 {v} 版", "Version {v}"),
    "in_force": ("现行版本", "In force"),
    "published": ("发布日期", "Published"),
    "effective": ("生效日期", "In effect from"),
    "material": ("重大变更", "Material change"),
    "not_material": ("非重大变更", "Not a material change"),
    "changes": ("变更内容", "What it changes"),
    "purposes": ("涉及的处理目的", "Purposes it touches"),
    "renewal": (
        "以下目的基于您的同意：此前作出的同意需要重新确认，逾期未确认的将失效。",
        "These purposes rest on your consent: consents given before need renewing, and "
        "lapse if not renewed in time.",
    ),
    "summary": ("变更摘要", "Summary of changes"),
    "diff": ("与上一版的逐节对比", "What changed since the previous version, section by section"),
    "first": ("这是第一版，没有可对比的上一版。", "This is the first version: nothing to compare."),
    "no_zh_before": (
        "上一版仅有英文文本，以下中文全文均为新增。",
        "The previous version has no Chinese text; all of it is shown as new.",
    ),
    "en_only": (
        "此版本仅以英文发布。",
        "This version was published in English only.",
    ),
    "same": ("未变更", "unchanged"),
    "changed": ("已修改", "changed"),
    "added": ("新增", "added"),
    "removed": ("删除", "removed"),
    "show_same": ("显示未变更的内容", "Show the unchanged text"),
    "full_text": ("全文", "Full text"),
    "preamble": ("开头", "Opening"),
    "removed_line": ("删除：", "Removed: "),
    "added_line": ("新增：", "Added: "),
    "none": ("尚未发布隐私政策。", "No policy is published yet."),
    "sha": ("文本 SHA-256", "SHA-256 of the text"),
}


def _w(lang: str) -> dict[str, str]:
    i = 0 if lang == "zh-CN" else 1
    return {k: v[i] for k, v in WORDS.items()}


def version_context(c: Container, v: PolicyVersion, lang: str) -> dict[str, Any]:
    """What a version's page shows (shared with the console's version page)."""
    zh = lang == "zh-CN"
    d = pv.diff_version(c.uow(readonly=True), v.version, "zh" if zh else "en")
    return {
        "v": v,
        "text": v.text_in("zh" if zh else "en"),
        "en_only": zh and not v.text_zh,
        "summary_text": v.summary_zh if zh else v.summary_en,
        "change_words": [CHANGE_WORDS[k][0 if not zh else 1] for k in v.changes],
        "diff": d,
        "effective": (v.effective_on or v.published_at.date()).isoformat(),
    }


def _version_page(request: Request, c: Container, v: PolicyVersion, latest: bool) -> HTMLResponse:
    lang = language(request)
    return page(
        request,
        c,
        "privacy/policy.html",
        {"w": _w(lang), "latest": latest, **version_context(c, v, lang)},
    )


@router.get("", response_class=HTMLResponse)
def policy_page(request: Request, c: ContainerDep) -> HTMLResponse:
    """The version in force and what changed in it."""
    latest = pv.current_policy(c.uow(readonly=True))
    if latest is None:
        return not_found(request, c)
    return _version_page(request, c, latest, True)


@router.get("/versions", response_class=HTMLResponse)
def versions_page(request: Request, c: ContainerDep) -> HTMLResponse:
    lang = language(request)
    found = list(reversed(pv.policy_history(c.uow(readonly=True))))
    return page(
        request,
        c,
        "privacy/policy_versions.html",
        {"w": _w(lang), "versions": found, "zh": lang == "zh-CN"},
    )


@router.get("/{version}", response_class=HTMLResponse)
def version_page(request: Request, c: ContainerDep, version: str) -> HTMLResponse:
    uow = c.uow(readonly=True)
    try:
        v = pv.get_version(uow, version[:32])
    except NotFound:
        return not_found(request, c)
    latest = pv.current_policy(c.uow(readonly=True))
    return _version_page(request, c, v, latest is not None and latest.version == v.version)
