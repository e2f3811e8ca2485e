"""The readable page of an access package (R4.1): access.html, in the requester's language
(Chinese unless they asked for English), from the items as adapters/package_files.py
flattens them — what we hold by category, where each came from, its purposes and how long
it is kept, who it was shared with, the person's consents and restrictions. The words are
`TEXT`, the stored values' names `LABELS` and `KIND_LABELS`, each as (zh-CN, en); the
template is adapters/templates/access_package.html, compiled once, at import, and every
value is escaped.

Imports the domain and Jinja2 only.
"""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined

from piiguard.adapters.package_files import Flat, iso, opt_iso
from piiguard.domain.consent import ConsentKind, RestrictionKind
from piiguard.domain.rights.packages import ACCESS_FORMAT, AccessPackage
from piiguard.domain.subjects import Channel, LegalBasis

_ENV = Environment(
    loader=PackageLoader("piiguard.adapters", "templates"),
    autoescape=True,  # every value is someone's input: escaped, always
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,
)
_PAGE = _ENV.get_template("access_package.html")

# --- the page's words ----------------------------------------------------------------------

TEXT: dict[str, tuple[str, str]] = {  # key: (zh-CN, en)
    "title": ("您的个人信息副本", "A copy of your personal information"),
    "intro": (
        "这是我们保存的关于您的全部个人信息，以及每项信息的来源、用途、保存期限和对外"
        "提供的情况。随附的压缩包中有相同内容的机器可读文件（JSON、CSV）。",
        "This is every piece of personal information we hold on you, with where each "
        "came from, what it is used for, how long it is kept and who it was shared "
        "with. The zip file that comes with it holds the same in machine-readable "
        "files (JSON, CSV).",
    ),
    "holder": ("个人信息处理者", "Who holds the data"),
    "generated_at": ("生成时间", "Generated"),
    "request_id": ("请求编号", "Request"),
    "decision_id": ("准许本次提供的决定编号", "Decision that allowed this disclosure"),
    "subject_id": ("您的主体编号", "Your subject id"),
    "item_count": ("信息项数量", "Items held"),
    "contents": ("目录", "Contents"),
    "data": ("我们保存的信息", "The data we hold"),
    "data_intro": (
        "按类别列出。“收集方式”指信息如何到达我们；“保存于”指存放信息的系统。",
        "Listed by category. “Collected via” is how it reached us; “Held in” is "
        "the system that stores it.",
    ),
    "no_items": ("我们没有保存关于您的个人信息。", "We hold no personal information on you."),
    "items_unit": ("项", "items"),
    "col_value": ("内容", "Value"),
    "col_channel": ("收集方式", "Collected via"),
    "col_collected_at": ("收集时间", "Collected on"),
    "col_legal_basis": ("处理依据", "Legal basis"),
    "col_source": ("来源系统", "Source system"),
    "col_held_in": ("保存于", "Held in"),
    "col_purposes": ("用途", "Purposes"),
    "col_confirmed": ("最近确认", "Last confirmed"),
    "col_kept_until": ("保存至", "Kept until"),
    "hashed": ("仅以不可逆散列保存", "held only as a one-way hash"),
    "no_end": ("未设定期限", "no end date set"),
    "recipients": ("信息接收方", "Who it was shared with"),
    "recipients_intro": (
        "我们将您的信息提供给以下系统或接收方。",
        "We sent your information to these systems or recipients.",
    ),
    "recipients_caption": ("对外提供记录", "Shares and exports of your information"),
    "no_recipients": (
        "您的信息未被提供给任何接收方。",
        "Your information was not shared with any recipient.",
    ),
    "col_system": ("接收方", "Recipient"),
    "col_region": ("所在地区", "Region"),
    "col_purpose": ("用途", "Purpose"),
    "col_categories": ("信息类别", "Categories"),
    "col_when": ("时间", "When"),
    "consents": ("您的同意", "Your consents"),
    "consents_caption": ("同意记录", "Consents you gave"),
    "no_consents": ("没有同意记录。", "No consents recorded."),
    "col_consent_kind": ("同意类型", "Kind of consent"),
    "col_granted": ("同意时间", "Given"),
    "col_withdrawn": ("撤回时间", "Withdrawn"),
    "in_force": ("仍然有效", "still in force"),
    "restrictions": ("限制与拒绝", "Restrictions and objections"),
    "restrictions_caption": ("您对处理的限制与拒绝", "Limits you set on processing"),
    "no_restrictions": ("没有限制或拒绝记录。", "No restrictions or objections recorded."),
    "col_restriction_kind": ("类型", "Kind"),
    "col_since": ("生效时间", "Since"),
    "col_lifted": ("解除时间", "Lifted"),
    "all_purposes": ("全部用途", "all purposes"),
    "files": ("机器可读文件", "Machine-readable files"),
    "files_intro": (
        "压缩包中的 package.json 包含全部内容；items.csv、recipients.csv、"
        "consents.csv、restrictions.csv 可用电子表格打开。格式说明见 README.txt。",
        "In the zip, package.json holds everything; items.csv, recipients.csv, "
        "consents.csv and restrictions.csv open in a spreadsheet. README.txt "
        "describes the format.",
    ),
}

LABELS: dict[str, tuple[str, str]] = {  # a stored value: (zh-CN, en)
    Channel.WEB: ("网站", "Website"),
    Channel.EMAIL: ("电子邮件", "Email"),
    Channel.PHONE: ("电话", "Phone"),
    Channel.PURCHASE_ORDER: ("采购订单", "Purchase order"),
    Channel.BUSINESS_EVENT: ("商务活动", "Business event"),
    Channel.THIRD_PARTY: ("第三方提供", "From a third party"),
    LegalBasis.CONSENT: ("您的同意", "Your consent"),
    LegalBasis.CONTRACT: ("订立或履行合同所必需", "Needed for a contract with you"),
    LegalBasis.LEGITIMATE_INTEREST: ("正当利益", "Legitimate interest"),
    LegalBasis.LEGAL_OBLIGATION: ("履行法定义务", "A legal obligation"),
    LegalBasis.NATIONAL_SECURITY: ("国家安全", "National security"),
    LegalBasis.PUBLIC_INTEREST: ("公共利益", "Public interest"),
    LegalBasis.CRIMINAL_JUSTICE: ("刑事侦查、起诉、审判和判决执行", "Criminal justice"),
    LegalBasis.VITAL_INTERESTS: ("保护生命健康和财产安全", "Protecting life, health or property"),
    LegalBasis.NEWS_REPORTING: ("新闻报道、舆论监督", "News reporting"),
}
KIND_LABELS: dict[str, tuple[str, str]] = {  # consent and restriction kinds
    ConsentKind.GENERAL: ("一般同意", "General consent"),
    ConsentKind.SENSITIVE: ("单独同意（敏感个人信息）", "Separate consent (sensitive data)"),
    ConsentKind.TRANSFER_ABROAD: ("单独同意（向境外提供）", "Separate consent (transfer abroad)"),
    ConsentKind.GUARDIAN: ("监护人同意", "A guardian's consent"),
    RestrictionKind.RESTRICTION: ("限制处理", "Restriction of processing"),
    RestrictionKind.OBJECTION: ("拒绝处理", "Objection"),
}
_LANG_INDEX = {"zh": 0, "en": 1}


# --- formatting for the page -----------------------------------------------------------------


def _show(at: str | None, empty: str = "") -> str:
    """The page's form of an ISO time: 2025-06-01 09:00 UTC."""
    return empty if at is None else f"{at[:10]} {at[11:16]} UTC"


def _lang(language: str) -> tuple[int, str]:
    # Chinese unless said otherwise, as on the rest of piiguard's pages
    i = _LANG_INDEX.get(language.split("-", maxsplit=1)[0].lower(), 0)
    return i, ("zh-CN", "en")[i]


def _system(key: str, name: str) -> str:
    return key if name in ("", key) else f"{name} ({key})"


def _label(table: dict[str, tuple[str, str]], key: str, i: int) -> str:
    pair = table.get(key)
    return key if pair is None else pair[i]


# --- the page ----------------------------------------------------------------------------------


def render(p: AccessPackage, flat: Sequence[Flat]) -> str:
    i, html_lang = _lang(p.language)
    t = {k: v[i] for k, v in TEXT.items()}
    hashed, no_end, joiner = t["hashed"], t["no_end"], ("、", ", ")[i]
    channel = {f[5]: _label(LABELS, f[5], i) for f in flat}
    basis = {f[6]: _label(LABELS, f[6], i) for f in flat}
    names: dict[str, str] = {}
    groups: dict[str, list[tuple[str, ...]]] = {}
    for f in flat:
        if f[1] not in names:
            names[f[1]] = (f[3] or f[2]) if i == 0 else (f[2] or f[3])
            groups[f[1]] = []
        groups[f[1]].append(
            (
                hashed if f[4] is None else f[4],
                "value hashed" if f[4] is None else "value",
                channel[f[5]],
                _show(f[9]),
                basis[f[6]],
                f[7],
                f[8],
                joiner.join(f[11]),
                _show(f[10]),
                f[12] or no_end,
            )
        )
    return _PAGE.render(
        html_lang=html_lang,
        t=t,
        format=ACCESS_FORMAT,
        company=p.company,
        generated_at=_show(iso(p.generated_at)),
        request_id=p.request_id,
        decision_id=p.decision_id,
        subject_id=p.subject_id,
        item_count=len(flat),
        groups=[
            (f"cat-{n}", names[key], key, len(groups[key]), groups[key])
            for n, key in enumerate(sorted(groups), 1)
        ],
        recipients=[
            (
                _system(r.system, r.system_name),
                r.region,
                r.purpose,
                joiner.join(names.get(c, c) for c in r.categories),
                _show(iso(r.at)),
            )
            for r in p.recipients
        ],
        consents=[
            (
                c.purpose,
                _label(KIND_LABELS, c.kind, i),
                _show(iso(c.granted_at)),
                _show(opt_iso(c.withdrawn_at), t["in_force"]),
            )
            for c in p.consents
        ],
        restrictions=[
            (
                _label(KIND_LABELS, r.kind, i),
                r.purpose or t["all_purposes"],
                _show(iso(r.since)),
                _show(opt_iso(r.lifted_at), "—"),
            )
            for r in p.restrictions
        ],
    )
