"""The files a person receives for an access request (R4.1) and a portability request
(R4.2): the machine-readable zip (README, the readable page, package.json and the CSV
files), the readable HTML page on its own, and the portability JSON — `ZipPackageWriter`,
the `PackageWriter` port. Formats are versioned in domain/rights/packages.py and
documented, field by field, in docs/requests.md; the page is adapters/package_page.py's,
the JSON and CSV files adapters/package_files.py's.

Built for 10,000 items in well under the issue's 2 s: each item is flattened once into
strings shared by the JSON, the CSV and the page, and the zip is deflated at a low level
(`ZIP_LEVEL`). Output is deterministic — same package, same bytes — so a package can be
re-built and compared, and its zip entries carry the package's generated_at rather than
the clock.

Imports the domain and libraries only.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime

from piiguard.adapters.package_files import flatten, iso, items_csv, package_json, small_csvs
from piiguard.adapters.package_page import render
from piiguard.domain.rights.packages import ACCESS_FORMAT, PORTABILITY_FORMAT, AccessPackage

# Deflate level, measured on 10,000 varied items (10.9 MB of text): level 6 (zlib's
# default) 98 ms for 1.17 MB, level 3 43 ms for 1.39 MB, level 1 35 ms for 1.64 MB.
ZIP_LEVEL = 3

# the zip's README.txt, in both languages
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
        return render(package, flatten(package.items))

    def access_zip(self, package: AccessPackage) -> bytes:
        flat = flatten(package.items)
        readme = README.format(
            format=ACCESS_FORMAT,
            request_id=package.request_id,
            generated_at=iso(package.generated_at),
        )
        return _zip(
            [
                ("README.txt", readme.encode("utf-8")),
                ("access.html", render(package, flat).encode("utf-8")),
                ("package.json", package_json(package, flat)),
                ("items.csv", items_csv(flat)),
                *small_csvs(package).items(),
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
                "collected_at": iso(i.collected_at),
                "channel": str(i.channel),
            }
            for i in package.items
            if i.provided_by_subject and i.value is not None
        ]
        doc = {
            "format": PORTABILITY_FORMAT,
            "generated_at": iso(package.generated_at),
            "subject_id": package.subject_id,
            "items": items,
        }
        return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")
