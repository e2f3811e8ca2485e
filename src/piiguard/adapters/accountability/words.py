"""The evidence report's fixed words, in Chinese and English (both in every report: an
auditor of the group and one of the local authority read the same file)."""

from __future__ import annotations

TEXT: dict[str, str] = {
    "signed_zh": "本文件最后一行是 Ed25519 签名（审计签名密钥），覆盖其前全部内容的 SHA-256；"
    "用 `piiguard evidence verify 文件` 校验。任何改动都会使校验失败。",
    "signed_en": "The last line of this file is an Ed25519 signature (the audit signing key) "
    "over the SHA-256 of everything before it; check it with `piiguard evidence verify FILE`. "
    "Any change makes the check fail.",
    "live_zh": "以下每项均在生成报告时从本安装实时读取，并注明读取时间；只含数量、日期和编号，"
    "不含个人信息。",
    "live_en": "Each item below was read from this installation when the report was made, "
    "with the time it was read; counts, dates and ids only, no personal data.",
    "no_tests": "尚无测试引用此要求 / no test cites this requirement yet",
}
STATES = {
    "ok": "正常 / OK",
    "attention": "需关注 / needs attention",
    "not_built": "尚未实现 / not built yet",
}
BUILT = {
    "yes": "已实现 / built",
    "partial": "部分实现 / partly built",
    "no": "尚未实现 / not built",
}
