"""The files a person receives (R4.1 access, R4.2 portability): the zip's entries and their
formats as docs/requests.md describes them, the readable page in each language with every
value escaped, byte-for-byte determinism, and a portability export of only what the person
provided. Pure: packages built directly, fixed times, no database."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from piiguard.adapters.package_files import (
    CONSENT_FIELDS,
    ITEM_FIELDS,
    RECIPIENT_FIELDS,
    RESTRICTION_FIELDS,
)
from piiguard.adapters.package_page import KIND_LABELS, LABELS
from piiguard.adapters.packages import ZipPackageWriter
from piiguard.domain.consent import ConsentKind, RestrictionKind
from piiguard.domain.rights.packages import (
    ACCESS_FORMAT,
    PORTABILITY_FORMAT,
    AccessPackage,
    PackageConsent,
    PackageItem,
    PackageRecipient,
    PackageRestriction,
)
from piiguard.domain.subjects import Channel, LegalBasis

NOW = datetime(2025, 6, 1, 9, 30, 15, tzinfo=UTC)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "requests.md"
SCRIPT = "<script>alert('x')</script>"
ENTRIES = {
    "README.txt",
    "access.html",
    "package.json",
    "items.csv",
    "recipients.csv",
    "consents.csv",
    "restrictions.csv",
}


def _item(
    n: int,
    category: str,
    en: str,
    zh: str,
    value: str | None,
    *,
    provided: bool = True,
    channel: str = "web",
) -> PackageItem:
    return PackageItem(
        item_id=f"item-{n}",
        category=category,
        category_name_en=en,
        category_name_zh=zh,
        value=value,
        channel=channel,
        legal_basis="contract",
        source_system="crm",
        held_in="vault",
        collected_at=NOW - timedelta(days=400 - n),
        last_confirmed_at=NOW - timedelta(days=10),
        purposes=("after_sales", "marketing"),
        retain_until=date(2030, 1, 31) if n % 2 else None,
        provided_by_subject=provided,
    )


ITEMS = (
    _item(1, "user.name", "Name", "姓名", "李雷"),
    _item(2, "user.contact.address", "Address", "地址", "北京市朝阳区建国路 88 号"),
    _item(3, "user.contact.email", "Email", "电子邮箱", "li.lei@example.cn"),
    _item(4, "user.authorization.credentials.password", "Password", "密码", None),
    _item(5, "user.contact.phone_number", "Phone", "电话号码", "+8613812345678", channel="phone"),
    _item(
        6, "user.demographic.notes", "Notes", "备注", SCRIPT, provided=False, channel="third_party"
    ),
    _item(
        7,
        "user.behavior.purchase_history",
        "Purchases",
        "购买记录",
        '=HYPERLINK("x")',
        provided=False,
        channel="purchase_order",
    ),
)
PACKAGE = AccessPackage(
    request_id="req-1",
    subject_id="sub-1",
    generated_at=NOW,
    language="zh",
    company="示例贸易有限公司 <Example & Co>",
    decision_id="dec-1",
    items=ITEMS,
    recipients=(
        PackageRecipient(
            "erp",
            "ERP 系统",
            "CN",
            "after_sales",
            ("user.name", "user.contact.address"),
            NOW - timedelta(1),
        ),
        PackageRecipient(
            "hq-crm", "HQ CRM", "DE", "marketing", ("user.contact.email",), NOW - timedelta(2)
        ),
    ),
    consents=(
        PackageConsent("marketing", "general", NOW - timedelta(30), None),
        PackageConsent("newsletter", "general", NOW - timedelta(90), NOW - timedelta(20)),
    ),
    restrictions=(PackageRestriction("objection", "profiling", NOW - timedelta(5), None),),
)
W = ZipPackageWriter()


def _open(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def _csv_rows(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf"), "BOM, so Excel in a Chinese locale reads UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.fixture(scope="module")
def zipped() -> zipfile.ZipFile:
    return _open(W.access_zip(PACKAGE))


@pytest.mark.req("R4.1")
def test_the_zip_holds_every_entry_deflated_and_stamped_with_generated_at(
    zipped: zipfile.ZipFile,
) -> None:
    assert {i.filename for i in zipped.infolist()} == ENTRIES
    assert zipped.testzip() is None
    for info in zipped.infolist():
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert info.date_time == (2025, 6, 1, 9, 30, 14)  # zip keeps even seconds


@pytest.mark.req("R4.1")
def test_package_json_holds_every_field_in_iso_times(zipped: zipfile.ZipFile) -> None:
    raw = zipped.read("package.json")
    doc = json.loads(raw.decode("utf-8"))
    assert "李雷".encode() in raw  # ensure_ascii=False: readable, not \u escapes
    assert raw == json.dumps(doc, ensure_ascii=False, sort_keys=True).encode()
    assert doc["format"] == ACCESS_FORMAT
    assert (doc["request_id"], doc["subject_id"], doc["decision_id"], doc["language"]) == (
        "req-1",
        "sub-1",
        "dec-1",
        "zh",
    )
    assert doc["company"] == PACKAGE.company
    assert doc["generated_at"] == "2025-06-01T09:30:15+00:00"
    assert len(doc["items"]) == len(ITEMS)
    for got, item in zip(doc["items"], ITEMS, strict=True):
        assert set(got) == set(ITEM_FIELDS)
        assert got["item_id"] == item.item_id
        assert got["value"] == item.value
        assert got["credential"] is (item.value is None)
        assert got["purposes"] == list(item.purposes)
        assert got["collected_at"] == item.collected_at.isoformat()
        assert datetime.fromisoformat(got["last_confirmed_at"]) == item.last_confirmed_at
        assert got["retain_until"] == (item.retain_until and item.retain_until.isoformat())
        assert got["provided_by_subject"] is item.provided_by_subject
    assert [set(r) for r in doc["recipients"]] == [set(RECIPIENT_FIELDS)] * 2
    assert doc["recipients"][0]["categories"] == ["user.name", "user.contact.address"]
    assert [set(c) for c in doc["consents"]] == [set(CONSENT_FIELDS)] * 2
    assert doc["consents"][0]["withdrawn_at"] is None
    assert doc["consents"][1]["withdrawn_at"] == (NOW - timedelta(20)).isoformat()
    assert doc["restrictions"] == [
        {
            "kind": "objection",
            "purpose": "profiling",
            "since": (NOW - timedelta(5)).isoformat(),
            "lifted_at": None,
        }
    ]


@pytest.mark.req("R4.1")
def test_items_csv_has_a_bom_a_header_and_one_row_per_item(zipped: zipfile.ZipFile) -> None:
    raw = zipped.read("items.csv")
    header = raw.decode("utf-8-sig").split("\r\n", 1)[0]
    assert header == ",".join(ITEM_FIELDS)
    rows = _csv_rows(raw)
    assert [r["item_id"] for r in rows] == [i.item_id for i in ITEMS]
    by_id = {r["item_id"]: r for r in rows}
    assert by_id["item-1"]["value"] == "李雷"
    assert by_id["item-1"]["category_name_zh"] == "姓名"
    assert by_id["item-1"]["purposes"] == "after_sales;marketing"
    assert by_id["item-1"]["retain_until"] == "2030-01-31"
    assert by_id["item-2"]["retain_until"] == ""
    assert by_id["item-2"]["value"] == "北京市朝阳区建国路 88 号"
    assert (by_id["item-4"]["value"], by_id["item-4"]["credential"]) == ("", "true")
    assert by_id["item-6"]["value"] == SCRIPT  # CSV is data, not markup
    assert by_id["item-6"]["provided_by_subject"] == "false"
    assert by_id["item-1"]["collected_at"] == ITEMS[0].collected_at.isoformat()


@pytest.mark.req("R4.1")
def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_stay_text(
    zipped: zipfile.ZipFile,
) -> None:
    by_id = {r["item_id"]: r for r in _csv_rows(zipped.read("items.csv"))}
    assert by_id["item-7"]["value"] == '\'=HYPERLINK("x")'
    assert by_id["item-5"]["value"] == "'+8613812345678"
    doc = json.loads(zipped.read("package.json"))
    assert doc["items"][6]["value"] == '=HYPERLINK("x")'  # the JSON keeps the value as held


@pytest.mark.req("R4.1")
def test_recipients_consents_and_restrictions_csv(zipped: zipfile.ZipFile) -> None:
    rec = _csv_rows(zipped.read("recipients.csv"))
    assert list(rec[0]) == list(RECIPIENT_FIELDS)
    assert [(r["system"], r["region"], r["categories"]) for r in rec] == [
        ("erp", "CN", "user.name;user.contact.address"),
        ("hq-crm", "DE", "user.contact.email"),
    ]
    assert rec[0]["system_name"] == "ERP 系统"
    con = _csv_rows(zipped.read("consents.csv"))
    assert list(con[0]) == list(CONSENT_FIELDS)
    assert [(c["purpose"], c["withdrawn_at"]) for c in con] == [
        ("marketing", ""),
        ("newsletter", (NOW - timedelta(20)).isoformat()),
    ]
    res = _csv_rows(zipped.read("restrictions.csv"))
    assert list(res[0]) == list(RESTRICTION_FIELDS)
    assert (res[0]["kind"], res[0]["purpose"], res[0]["lifted_at"]) == (
        "objection",
        "profiling",
        "",
    )


@pytest.mark.req("R4.1")
def test_readme_is_bilingual_and_names_the_format_and_its_documentation(
    zipped: zipfile.ZipFile,
) -> None:
    text = zipped.read("README.txt").decode("utf-8")
    assert ACCESS_FORMAT in text
    assert "docs/requests.md" in text
    for name in ENTRIES - {"README.txt"}:
        assert name in text
    assert "个人信息" in text
    assert "personal information" in text


@pytest.mark.req("R4.1")
def test_the_same_package_gives_the_same_bytes() -> None:
    first = W.access_zip(PACKAGE)
    assert W.access_zip(PACKAGE) == first
    assert ZipPackageWriter().access_zip(replace(PACKAGE)) == first
    assert W.access_zip(replace(PACKAGE, generated_at=NOW + timedelta(minutes=1))) != first
    assert W.portability_json(PACKAGE) == W.portability_json(replace(PACKAGE))


class _Page(HTMLParser):
    """Collects what the accessibility checks look at."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


def _page(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    p.close()
    return p


@pytest.mark.req("R4.1")
@pytest.mark.parametrize(
    ("language", "lang", "hashed", "heading"),
    [
        ("zh", "zh-CN", "仅以不可逆散列保存", "我们保存的信息"),
        ("en", "en", "held only as a one-way hash", "The data we hold"),
    ],
)
def test_the_page_is_in_the_package_language(
    language: str, lang: str, hashed: str, heading: str
) -> None:
    html = W.access_html(replace(PACKAGE, language=language))
    page = _page(html)
    assert page.tags[0] == ("html", {"lang": lang})
    assert hashed in html
    assert heading in html
    assert "dec-1" in html and "req-1" in html
    assert "2025-06-01 09:30 UTC" in html
    name = "姓名" if language == "zh" else "Name"
    assert re.search(rf'<h3 id="cat-\d+">{name}</h3>', html)
    other_hashed = "held only as a one-way hash" if language == "zh" else "仅以不可逆散列保存"
    assert other_hashed not in html


@pytest.mark.req("R4.1")
def test_the_page_shows_provenance_recipients_consents_and_restrictions() -> None:
    html = W.access_html(PACKAGE)
    for text in (
        "李雷",
        "北京市朝阳区建国路 88 号",
        "电话",  # channel phone, in Chinese
        "订立或履行合同所必需",
        "crm",
        "vault",
        "after_sales、marketing",
        "2030-01-31",
        "未设定期限",
        "ERP 系统 (erp)",
        "HQ CRM (hq-crm)",
        "DE",
        "姓名、地址",
        "一般同意",
        "仍然有效",
        "拒绝处理",
        "profiling",
    ):
        assert text in html, text
    en = W.access_html(replace(PACKAGE, language="en"))
    for text in (
        "Phone",
        "Needed for a contract with you",
        "after_sales, marketing",
        "no end date set",
        "Name, Address",
        "General consent",
        "still in force",
        "Objection",
    ):
        assert text in en, text


@pytest.mark.req("R4.1")
def test_the_page_escapes_every_value_and_runs_nothing() -> None:
    html = W.access_html(PACKAGE)
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "示例贸易有限公司 &lt;Example &amp; Co&gt;" in html
    page = _page(html)
    assert page.count("script") == 0
    assert not any(
        a.get("src") or (a.get("href") or "#").startswith(("http", "//")) for _, a in page.tags
    ), "self-contained: nothing loaded from elsewhere"
    assert page.count("link") == 0


@pytest.mark.req("R4.1")
def test_the_page_tables_are_accessible() -> None:
    page = _page(W.access_html(PACKAGE))
    tables = page.count("table")
    groups = len({i.category for i in ITEMS})
    assert tables == groups + 3  # a table per category, recipients, consents, restrictions
    assert page.count("caption") == tables
    ths = [a for t, a in page.tags if t == "th"]
    assert ths and all(a.get("scope") == "col" for a in ths)
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    for _, a in page.tags:  # every in-page link and label points at something
        for ref in (a.get("aria-labelledby"), (a.get("href") or "")[1:] or None):
            assert ref is None or ref in ids, ref


@pytest.mark.req("R4.1")
def test_an_empty_package_still_renders_and_zips() -> None:
    empty = AccessPackage("req-2", "sub-2", NOW, "en", "Example Co", "dec-2", ())
    html = W.access_html(empty)
    assert "We hold no personal information on you." in html
    assert "not shared with any recipient" in html
    doc = json.loads(_open(W.access_zip(empty)).read("package.json"))
    assert (doc["items"], doc["recipients"], doc["consents"], doc["restrictions"]) == (
        [],
        [],
        [],
        [],
    )
    assert _csv_rows(_open(W.access_zip(empty)).read("items.csv")) == []


@pytest.mark.req("R4.1")
def test_times_in_another_offset_are_written_in_utc() -> None:
    cst = timezone(timedelta(hours=8))
    item = replace(ITEMS[0], collected_at=datetime(2025, 1, 2, 8, 0, tzinfo=cst))
    pkg = replace(PACKAGE, items=(item,), generated_at=NOW.astimezone(cst))
    doc = json.loads(_open(W.access_zip(pkg)).read("package.json"))
    assert doc["items"][0]["collected_at"] == "2025-01-02T00:00:00+00:00"
    assert doc["generated_at"] == "2025-06-01T09:30:15+00:00"
    assert W.access_zip(pkg) == W.access_zip(replace(pkg, generated_at=NOW))


@pytest.mark.req("R4.1")
def test_every_stored_value_has_a_label_in_both_languages() -> None:
    for enum in (Channel, LegalBasis):
        for member in enum:
            zh, en = LABELS[member]
            assert zh and en and zh != en, member
    for kind in (*ConsentKind, *RestrictionKind):
        zh, en = KIND_LABELS[kind]
        assert zh and en and zh != en, kind


@pytest.mark.req("R4.1")
@pytest.mark.req("R4.2")
def test_every_field_is_documented_with_the_versioning_rule() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Access package and portability export (formats)", 1)[1]
    section = section.split("\n## ", 1)[0]
    for name in (
        *ITEM_FIELDS,
        *RECIPIENT_FIELDS,
        *CONSENT_FIELDS,
        *RESTRICTION_FIELDS,
        "format",
        "request_id",
        "subject_id",
        "generated_at",
        "language",
        "company",
        "decision_id",
        *ENTRIES,
    ):
        assert f"`{name}`" in section, name
    assert ACCESS_FORMAT in section and PORTABILITY_FORMAT in section
    assert "piiguard.access/2" in section


@pytest.mark.req("R4.2")
def test_portability_holds_only_what_the_person_provided() -> None:
    raw = W.portability_json(PACKAGE)
    doc = json.loads(raw.decode("utf-8"))
    assert raw == json.dumps(doc, ensure_ascii=False, sort_keys=True).encode()
    assert set(doc) == {"format", "generated_at", "subject_id", "items"}
    assert doc["format"] == PORTABILITY_FORMAT
    assert doc["subject_id"] == "sub-1"
    assert doc["generated_at"] == "2025-06-01T09:30:15+00:00"
    provided = [i for i in ITEMS if i.provided_by_subject and i.value is not None]
    assert doc["items"] == [
        {
            "category": i.category,
            "value": i.value,
            "collected_at": i.collected_at.isoformat(),
            "channel": i.channel,
        }
        for i in provided
    ]
    values = {i["value"] for i in doc["items"]}
    assert SCRIPT not in values and '=HYPERLINK("x")' not in values  # not provided
    assert None not in values  # the password: only its hash is held, nothing to port
    assert "李雷" in values
