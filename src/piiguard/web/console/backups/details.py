"""A restore test's findings in the reader's language (R5.7): each check's detail is kept as
the service wrote it (English, services/backups/verify.py, the API and the CLI show it so);
a Chinese page shows the Chinese sentence of the same shape, the numbers kept. A detail of
no known shape (an exception's type, a trail's own finding) is shown as it is."""

from __future__ import annotations

import re

# (the service's English shape, the Chinese sentence with the same groups)
SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(en), zh)
    for en, zh in (
        (r"(\d+) bytes, SHA-256 as in the manifest", r"\1 字节，SHA-256 与清单一致"),
        (
            r"(\d+) bytes, SHA-256 (\S+) ≠ manifest (\d+) bytes, (\S+)",
            r"\1 字节，SHA-256 \2，与清单（\3 字节，\4）不一致",
        ),
        (r"opened with KEK version (\S+)", r"已用第 \1 版密钥加密密钥（KEK）打开"),
        (r"restored into a scratch (\S+) database", r"已恢复到一个临时 \1 数据库"),
        (r"(\d+) tables, (\d+) rows as in the manifest", r"\1 个表、\2 行，与清单一致"),
        (
            r"(\d+) entries, (\d+) signed checkpoints verify; head (\d+)",
            r"\1 条记录、\2 个签名检查点验证通过；最新为第 \3 条",
        ),
        (
            r"the restored head is entry (\d+), the manifest says (\d+)",
            r"恢复出的最新记录为第 \1 条，清单记载为第 \2 条",
        ),
        (r"the trail does not verify", "审计日志验证未通过"),
        (r"no person in the copy to decrypt", "副本中没有可解密的人员"),
        (  # as restore tests recorded it before disposals' re-keyed people were counted
            r"(\d+) items of (\d+) people decrypted through recorded decisions; (\d+) people "
            r"erased since \(keys gone\); (\d+) without items the decision allows; (\d+) failed",
            r"经记录的决定解密了 \2 人的 \1 项数据；其后已删除 \3 人（密钥已销毁）；"
            r"\4 人没有决定允许读取的数据；\5 项失败",
        ),
        (
            r"(\d+) items of (\d+) people decrypted through recorded decisions; (\d+) people "
            r"erased since \(keys gone\); (\d+) people re-keyed since by a disposal \(their "
            r"copied values under the destroyed key\); (\d+) without items the decision allows; "
            r"(\d+) failed",
            r"经记录的决定解密了 \2 人的 \1 项数据；其后已删除 \3 人（密钥已销毁）；"
            r"其后因保留期处置重新加密 \4 人（副本中的数据在已销毁的密钥下）；"
            r"\5 人没有决定允许读取的数据；\6 项失败",
        ),
    )
)


def detail_in(lang: str, detail: str) -> str:
    """`detail` as a Chinese page shows it (`lang` "zh-CN"), else as written."""
    if lang != "zh-CN":
        return detail
    for en, zh in SHAPES:
        if en.fullmatch(detail):
            return en.sub(zh, detail)
    return detail
