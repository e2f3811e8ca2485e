"""Kin words as a form's labels: a family member's row (父亲：王建国  138…, 子女⇥王小明,
母亲: 李玉梅  131…) names the person after its kin word, as 配偶 and 家属 do. A kin word
labels a row only where it begins the label (vocabulary.meaning_of_name): after a name in
brackets (许思（母亲）+86 …) it is part of the value."""

from __future__ import annotations

from typing import Final

# (外祖父 and 外祖母 end in 祖父 and 祖母: a label's tail is looked up)
_PARENTS = "父亲 母亲 祖父 祖母 爷爷 奶奶 外公 外婆 岳父 岳母 公公 婆婆"
_OTHERS = "子女 儿子 女儿 丈夫 妻子 哥哥 姐姐 弟弟 妹妹 兄弟 姐妹"
KIN_LABELS: Final = frozenset([*_PARENTS.split(), *_OTHERS.split()])
