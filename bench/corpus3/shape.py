"""What a template returns: one file of the corpus, its kind and how it is stored."""

from __future__ import annotations

from dataclasses import dataclass

from bench.corpus3.doc import Doc


@dataclass(slots=True)
class File:
    kind: str  # the scorecard's file kind (crm, erp, log, mail, ...)
    ext: str
    doc: Doc
    bom: bool = False  # UTF-8 with a byte order mark, as Excel writes "CSV UTF-8"
    encoding: str = "utf-8"  # or "gbk", as Excel writes plain "CSV" on Chinese Windows
    template: str = ""  # the template function that wrote it

    def data(self) -> bytes:
        body = self.doc.text.encode(self.encoding)
        return (b"\xef\xbb\xbf" + body) if self.bom else body
