"""The words of web/console/evidence/ in Simplified Chinese and English (merged over the
console's own by kit.console_page). The page's own keys start with `e_`."""

from __future__ import annotations

from piiguard.web.html import LANGS

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "e_title": ("合规证据报告", "Evidence report"),
    "e_intro": (
        "对隐私政策的每项要求：实现它的控制（模块、设置及默认值）、证明它的测试（随软件发布的"
        "可追溯清单），以及本安装的实时证据，每项都注明读取时间。下载的报告（HTML 或 PDF）以"
        "审计签名密钥（Ed25519）签名，签名在文件最后一行；每次生成都记入审计日志。",
        "For every requirement of the policy: the control that implements it (module, "
        "settings and their defaults), the tests that prove it (the traceability listing "
        "shipped with the software) and the live evidence of this installation, each with "
        "the time it was read. A downloaded report (HTML or PDF) is signed with the audit "
        "signing key (Ed25519), the signature on the file's last line; each one made is "
        "recorded on the audit trail.",
    ),
    "e_download": ("下载签名报告", "Download a signed report"),
    "e_pdf": ("下载 PDF", "Download PDF"),
    "e_html": ("下载 HTML", "Download HTML"),
    "e_summary": ("概要", "Summary"),
    "e_requirements": ("要求", "Requirements"),
    "e_with_tests": ("有测试证明", "Proved by at least one test"),
    "e_built": ("控制已实现", "Control built"),
    "e_partial": ("部分实现", "partly built"),
    "e_not_built": ("尚未实现", "not built yet"),
    "e_attention": ("需关注的实时证据", "Live evidence needing attention"),
    "e_live": ("实时证据", "Live evidence"),
    "e_read_at": ("读取时间", "Read at"),
    "e_state": ("状态", "State"),
    "e_state_ok": ("正常", "OK"),
    "e_state_attention": ("需关注", "needs attention"),
    "e_state_not_built": ("尚未实现", "not built yet"),
    "e_req": ("要求", "Requirement"),
    "e_control": ("控制", "Control"),
    "e_tests": ("测试数", "Tests"),
    "e_live_keys": ("实时证据", "Live evidence"),
    "e_no_tests": ("尚无测试", "no test yet"),
    # a setting's value as the report says it (bootstrap/evidence.py), in the page's words
    "e_(unset)": ("未设置", "(unset)"),
    "e_(none)": ("无", "(none)"),
    "e_verify": ("校验报告签名", "Check a report's signature"),
    "e_verify_hint": (
        "选择此前下载的报告文件（HTML 或 PDF）。任何改动都会使校验失败。",
        "Choose a report downloaded earlier (HTML or PDF). Any change makes the check fail.",
    ),
    "e_file": ("报告文件", "Report file"),
    "e_check": ("校验", "Check"),
    "e_ok": (
        "签名有效：此报告由本安装签名，签名后未被改动。",
        "The signature is valid: this installation signed the report and it is unchanged.",
    ),
    "e_bad": ("签名无效：", "The signature does not hold: "),
    # why not, by the verdict's code (English pages show the verifier's own sentence, which
    # may say more: the other key's id)
    "e_why_unsigned": (
        "文件末尾没有 piiguard 证据报告的签名行。",
        "No piiguard evidence signature at the end of the file.",
    ),
    "e_why_unreadable": ("签名行无法读取。", "The signature line is not readable."),
    "e_why_algorithm": (
        "签名行所用的算法不是 Ed25519。",
        "The signature line names an algorithm other than Ed25519.",
    ),
    "e_why_malformed": (
        "签名不是 128 位小写十六进制数字。",
        "The signature is not 128 lowercase hexadecimal digits.",
    ),
    "e_why_line_changed": (
        "签名行在写入后被改动过。",
        "The signature line was changed after it was written.",
    ),
    "e_why_changed": (
        "报告在签名后被改动过（其哈希值不一致）。",
        "The report was changed after it was signed (its hash differs).",
    ),
    "e_why_other_key": (
        "报告由另一把密钥签名，不是本安装的密钥。",
        "Signed with another key, not this installation's.",
    ),
    "e_why_bad_signature": (
        "用本安装的密钥无法验证该签名。",
        "The signature does not verify with this installation's key.",
    ),
    "e_signed": ("报告编号、签名时间、SHA-256", "Report id, signed at, SHA-256"),
    "e_no_file": ("请选择要校验的报告文件。", "Choose the report file to check."),
}


def words(lang: str) -> dict[str, str]:
    i = LANGS.index(lang)
    return {k: v[i] for k, v in TEXT.items()}
