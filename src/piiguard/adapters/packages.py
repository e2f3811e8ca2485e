"""The files a person receives for an access request (R4.1) and a portability request
(R4.2): the readable HTML page, the machine-readable zip (JSON + CSV + the page) and the
portability JSON. Formats are versioned in domain/rights/packages.py and documented, field by
field, in docs/requests.md.

Built for 10,000 items in well under the issue's 2 s: each item is flattened once into
strings shared by the JSON, the CSV and the page; JSON is one `json.dumps` (the C encoder:
no indent), CSV one `writerows`, and the Jinja2 template is compiled once, at import.
Output is deterministic — same package, same bytes — so a package can be re-built and
compared, and its zip entries carry the package's generated_at rather than the clock.

Imports the domain and libraries only.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from piiguard.domain.consent import ConsentKind, RestrictionKind
from piiguard.domain.rights.packages import (
    ACCESS_FORMAT,
    PORTABILITY_FORMAT,
    AccessPackage,
    PackageItem,
)
from piiguard.domain.subjects import Channel, LegalBasis

ITEM_FIELDS = (
    "item_id",
    "category",
    "category_name_en",
    "category_name_zh",
    "value",
    "credential",
    "channel",
    "legal_basis",
    "source_system",
    "held_in",
    "collected_at",
    "last_confirmed_at",
    "purposes",
    "retain_until",
    "provided_by_subject",
)
RECIPIENT_FIELDS = ("system", "system_name", "region", "purpose", "categories", "at")
CONSENT_FIELDS = ("purpose", "kind", "granted_at", "withdrawn_at")
RESTRICTION_FIELDS = ("kind", "purpose", "since", "lifted_at")
LIST_SEPARATOR = ";"  # purposes and categories inside one CSV cell (keys never hold it)
# Deflate level, measured on 10,000 varied items (10.9 MB of text): level 6 (zlib's
# default) 98 ms for 1.17 MB, level 3 43 ms for 1.39 MB, level 1 35 ms for 1.64 MB.
ZIP_LEVEL = 3

# Excel and LibreOffice run a cell that starts with one of these as a formula (CSV
# injection): a value the person or anyone else typed into a form must stay text.
_FORMULA_START = frozenset("=+-@\t\r")

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

README = """\
piiguard — 个人信息副本 / A copy of your personal information
格式 / Format: {format}
请求 / Request: {request_id}    生成时间 / Generated: {generated_at}

本压缩包中的文件 / The files in this zip
  access.html       便于阅读的页面，用浏览器打开。
                    The readable page: open it in a web browser.
  package.json      全部内容，机器可读（UTF-8 JSON）。
                    Everything, machine-readable (UTF-8 JSON).
  items.csv         每项信息一行：类别、内容、来源、用途、保存期限。
                    One row per item held: category, value, provenance, purposes, retention.
  recipients.csv    信息被提供给了哪些系统或接收方。
                    Who your information was shared with.
  consents.csv      您的同意及撤回记录。
                    Your consents and their withdrawals.
  restrictions.csv  您对处理设置的限制与拒绝。
                    The restrictions and objections you set on processing.

说明 / Notes
  - 时间均为 UTC，ISO 8601 格式。
    Times are UTC, in ISO 8601.
  - CSV 为带 BOM 的 UTF-8，可直接用 Excel 打开；一个单元格内的多个值以 ";" 分隔。
    CSV files are UTF-8 with a byte-order mark, so Excel opens them right; several
    values in one cell are separated by ";".
  - CSV 中以 = + - @ 开头的内容前加了 '，防止电子表格将其当作公式执行；package.json
    保存原值。
    In the CSV files a value starting with = + - @ has a ' put in front, so a spreadsheet
    shows it as text instead of running it as a formula; package.json has it unchanged.
  - 内容为空且 credential 为 true 的项（如密码）仅以不可逆散列保存，无法提供原文。
    An item with an empty value and credential true (a password, say) is held only as a
    one-way hash: there is no original to give.
  - 格式说明（逐字段）：piiguard 文档 docs/requests.md，
    "Access package and portability export (formats)" 一节。
    The format, field by field: piiguard's docs/requests.md, section "Access package
    and portability export (formats)".
"""

# --- shared formatting -----------------------------------------------------------------------


def _iso(dt: datetime) -> str:
    """ISO 8601 in UTC. The store hands out aware UTC times; a naive one is taken as UTC."""
    if dt.tzinfo is None:
        return dt.isoformat() + "+00:00"
    if dt.utcoffset():
        dt = dt.astimezone(UTC)
    return dt.isoformat()


def _opt_iso(dt: datetime | None) -> str | None:
    return None if dt is None else _iso(dt)


def _day(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _show(iso: str | None, empty: str = "") -> str:
    """The page's form of an ISO time: 2025-06-01 09:00 UTC."""
    return empty if iso is None else f"{iso[:10]} {iso[11:16]} UTC"


def _cell(v: str) -> str:
    return "'" + v if v and v[0] in _FORMULA_START else v


def _lang(language: str) -> tuple[int, str]:
    # Chinese unless said otherwise, as on the rest of piiguard's pages
    i = _LANG_INDEX.get(language.split("-", maxsplit=1)[0].lower(), 0)
    return i, ("zh-CN", "en")[i]


def _system(key: str, name: str) -> str:
    return key if name in ("", key) else f"{name} ({key})"


def _label(table: dict[str, tuple[str, str]], key: str, i: int) -> str:
    pair = table.get(key)
    return key if pair is None else pair[i]


# One item as strings, computed once and shared by JSON, CSV and the page:
# (item_id, category, name_en, name_zh, value|None, channel, legal_basis, source_system,
#  held_in, collected_at, last_confirmed_at, purposes, retain_until|None, provided)
_Flat = tuple[
    str, str, str, str, str | None, str, str, str, str, str, str, tuple[str, ...], str | None, bool
]


def _flatten(items: Iterable[PackageItem]) -> list[_Flat]:
    return [
        (
            i.item_id,
            i.category,
            i.category_name_en,
            i.category_name_zh,
            i.value,
            str(i.channel),
            str(i.legal_basis),
            i.source_system,
            i.held_in,
            _iso(i.collected_at),
            _iso(i.last_confirmed_at),
            tuple(i.purposes),
            _day(i.retain_until),
            i.provided_by_subject,
        )
        for i in items
    ]


# --- package.json and the CSV files --------------------------------------------------------


def _package_json(p: AccessPackage, flat: Sequence[_Flat]) -> bytes:
    doc: dict[str, Any] = {
        "format": ACCESS_FORMAT,
        "request_id": p.request_id,
        "subject_id": p.subject_id,
        "generated_at": _iso(p.generated_at),
        "language": p.language,
        "company": p.company,
        "decision_id": p.decision_id,
        "items": [
            {
                "item_id": f[0],
                "category": f[1],
                "category_name_en": f[2],
                "category_name_zh": f[3],
                "value": f[4],
                "credential": f[4] is None,
                "channel": f[5],
                "legal_basis": f[6],
                "source_system": f[7],
                "held_in": f[8],
                "collected_at": f[9],
                "last_confirmed_at": f[10],
                "purposes": list(f[11]),
                "retain_until": f[12],
                "provided_by_subject": f[13],
            }
            for f in flat
        ],
        "recipients": [
            {
                "system": r.system,
                "system_name": r.system_name,
                "region": r.region,
                "purpose": r.purpose,
                "categories": list(r.categories),
                "at": _iso(r.at),
            }
            for r in p.recipients
        ],
        "consents": [
            {
                "purpose": c.purpose,
                "kind": str(c.kind),
                "granted_at": _iso(c.granted_at),
                "withdrawn_at": _opt_iso(c.withdrawn_at),
            }
            for c in p.consents
        ],
        "restrictions": [
            {
                "kind": str(r.kind),
                "purpose": r.purpose,
                "since": _iso(r.since),
                "lifted_at": _opt_iso(r.lifted_at),
            }
            for r in p.restrictions
        ],
    }
    return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buf = io.StringIO()
    buf.write("\ufeff")  # the BOM: without it Excel in a Chinese locale reads GBK
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _items_csv(flat: Sequence[_Flat]) -> bytes:
    sep = LIST_SEPARATOR
    return _csv(
        ITEM_FIELDS,
        (
            (
                f[0],
                f[1],
                _cell(f[2]),
                _cell(f[3]),
                "" if f[4] is None else _cell(f[4]),
                "true" if f[4] is None else "false",
                f[5],
                f[6],
                _cell(f[7]),
                _cell(f[8]),
                f[9],
                f[10],
                sep.join(f[11]),
                f[12] or "",
                "true" if f[13] else "false",
            )
            for f in flat
        ),
    )


def _small_csvs(p: AccessPackage) -> dict[str, bytes]:
    sep = LIST_SEPARATOR
    return {
        "recipients.csv": _csv(
            RECIPIENT_FIELDS,
            (
                (
                    r.system,
                    _cell(r.system_name),
                    _cell(r.region),
                    r.purpose,
                    sep.join(r.categories),
                    _iso(r.at),
                )
                for r in p.recipients
            ),
        ),
        "consents.csv": _csv(
            CONSENT_FIELDS,
            (
                (c.purpose, str(c.kind), _iso(c.granted_at), _opt_iso(c.withdrawn_at) or "")
                for c in p.consents
            ),
        ),
        "restrictions.csv": _csv(
            RESTRICTION_FIELDS,
            (
                (str(r.kind), r.purpose or "", _iso(r.since), _opt_iso(r.lifted_at) or "")
                for r in p.restrictions
            ),
        ),
    }


# --- the page ----------------------------------------------------------------------------------


def _render(p: AccessPackage, flat: Sequence[_Flat]) -> str:
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
        generated_at=_show(_iso(p.generated_at)),
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
                _show(_iso(r.at)),
            )
            for r in p.recipients
        ],
        consents=[
            (
                c.purpose,
                _label(KIND_LABELS, c.kind, i),
                _show(_iso(c.granted_at)),
                _show(_opt_iso(c.withdrawn_at), t["in_force"]),
            )
            for c in p.consents
        ],
        restrictions=[
            (
                _label(KIND_LABELS, r.kind, i),
                r.purpose or t["all_purposes"],
                _show(_iso(r.since)),
                _show(_opt_iso(r.lifted_at), "—"),
            )
            for r in p.restrictions
        ],
    )


# --- the zip -------------------------------------------------------------------------------------


def _zip(entries: Sequence[tuple[str, bytes]], at: datetime) -> bytes:
    utc = at.astimezone(UTC) if at.tzinfo else at
    # the zip format counts from 1980 (and to 2107): the package's time, clamped into it
    stamp = (min(max(utc.year, 1980), 2107), utc.month, utc.day, utc.hour, utc.minute, utc.second)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, on every platform: same bytes everywhere
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=ZIP_LEVEL)
    return buf.getvalue()


class ZipPackageWriter:
    """The `PackageWriter` port (domain/rights/ports.py). Stateless: one per process."""

    def access_html(self, package: AccessPackage) -> str:
        return _render(package, _flatten(package.items))

    def access_zip(self, package: AccessPackage) -> bytes:
        flat = _flatten(package.items)
        readme = README.format(
            format=ACCESS_FORMAT,
            request_id=package.request_id,
            generated_at=_iso(package.generated_at),
        )
        return _zip(
            [
                ("README.txt", readme.encode("utf-8")),
                ("access.html", _render(package, flat).encode("utf-8")),
                ("package.json", _package_json(package, flat)),
                ("items.csv", _items_csv(flat)),
                *_small_csvs(package).items(),
            ],
            package.generated_at,
        )

    def portability_json(self, package: AccessPackage) -> bytes:
        # What the person provided, as held: a credential (value None) has no original to
        # port, so it is left out rather than exported as an empty value.
        items = [
            {
                "category": i.category,
                "value": i.value,
                "collected_at": _iso(i.collected_at),
                "channel": str(i.channel),
            }
            for i in package.items
            if i.provided_by_subject and i.value is not None
        ]
        doc = {
            "format": PORTABILITY_FORMAT,
            "generated_at": _iso(package.generated_at),
            "subject_id": package.subject_id,
            "items": items,
        }
        return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")
