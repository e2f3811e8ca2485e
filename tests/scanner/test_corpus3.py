"""The blind corpus (bench/corpus3): the same seed writes the same files, its labels point at
their text as the scorecard decodes it, its types are the scorecard's, and its values are
what their labels say (checked with python-stdnum, phonenumbers and ipaddress, which the
generator does not use). Not a quality threshold: how the scanner scores on it is the
bench's business (bench/scanner_corpora.py)."""

from __future__ import annotations

import ipaddress
import json
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from bench.corpus3 import FAMILIES, LABELS, OFFICE, generate, generate_office, write_corpus
from stdnum import iban, luhn
from stdnum.iso7064 import mod_11_2

from piiguard.scanner.corpus import LOOKALIKE
from piiguard.scanner.scorecard import decoded, load, segment_key
from piiguard.scanner.sources.office import READERS
from piiguard.scanner.taxonomy import TYPES

pytestmark = pytest.mark.req("R2.7")
SIZE = 150_000


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus3"), SIZE)


def test_the_same_seed_writes_the_same_files_and_another_seed_others(
    root: Path, tmp_path: Path
) -> None:
    again = write_corpus(tmp_path / "again", SIZE)
    assert (again / LABELS).read_bytes() == (root / LABELS).read_bytes()
    for name in json.loads((root / LABELS).read_text(encoding="utf-8")):
        assert (again / "files" / name).read_bytes() == (root / "files" / name).read_bytes()
    other = {n: f.data() for n, f in generate("dev", 30_000, seed=4)}
    same = {n: f.data() for n, f in generate("dev", 30_000, seed=3)}
    assert other != same


def test_labels_point_at_their_text_as_the_scorecard_decodes_it(root: Path) -> None:
    labelled = load(root)
    for family in FAMILIES:
        for name, made in generate(family, SIZE):
            text = decoded((root / "files" / name).read_bytes())
            assert text == made.doc.text, name  # BOM, GBK and CRLF files decode as written
            spans = sorted(made.doc.spans)
            assert [(s.type, s.start, s.end) for s in labelled.spans[name]] == spans
            for kind, start, end in spans:
                value = text[start:end]
                assert value and value == value.strip(), (name, kind, value)


def test_types_are_the_scorecards_and_every_family_has_every_type_and_kind(root: Path) -> None:
    stored = json.loads((root / LABELS).read_text(encoding="utf-8"))
    allowed = {*TYPES, "bank_account", LOOKALIKE}
    for family in FAMILIES:
        entries = [e for n, e in stored.items() if n.startswith(f"{family}/")]
        types = Counter(s[0] for e in entries for s in e["spans"])
        assert set(types) <= allowed
        assert set(types) >= allowed - {"credit_card"} - {"bank_card"}, family
        assert types["bank_card"] + types["credit_card"] > 0
        kinds = {e["kind"] for e in entries}
        assert kinds == {"crm", "erp", "log", "mail", "hr_form", "purchase_order", "ticket",
                         "chat", "config"}  # fmt: skip


def test_the_families_share_no_template() -> None:
    names = {f: {t.__name__ for t, _ in FAMILIES[f]} for f in ("dev", "holdout", "final")}
    for family, mine in names.items():
        others = set().union(*(v for f, v in names.items() if f != family))
        assert mine and not mine & others, family
    for family in FAMILIES:
        modules = {t.__module__.rsplit(".", 1)[1] for t, _ in FAMILIES[family]}
        assert modules == {f"{family}_tables", f"{family}_docs"}


def _values(root: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    labelled = load(root)
    for name, spans in labelled.spans.items():
        text = decoded((labelled.folder / name).read_bytes())
        for s in spans:
            out.setdefault(s.type, []).append(text[s.start : s.end])
    return out


def test_values_are_what_their_labels_say(root: Path) -> None:
    values = _values(root)
    for rid in values["resident_id"]:
        assert re.fullmatch(r"\d{17}[\dX]", rid) and mod_11_2.is_valid(rid), rid
    for card in values["bank_card"] + values.get("credit_card", []):
        assert luhn.is_valid(card.replace(" ", "")), card
    for number in values["iban"]:
        assert iban.is_valid(number), number
    for ip in values["ip_address"]:
        ipaddress.ip_address(ip)
    for mail in values["email"]:
        assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", mail), mail
    for phone in values["phone"]:
        parsed = phonenumbers.parse(phone, "CN")
        assert phonenumbers.is_possible_number(parsed), phone
    for pair in values["coordinates"]:
        for part in re.split(r",\s*", pair):
            assert 22 < float(part) < 24 or 112 < float(part) < 114, pair
    for plate in values["licence_plate"]:
        assert re.fullmatch(r"粤[A-Z][· ]?[A-Z0-9]{5,6}", plate), plate
    assert all(re.search(r"\d", d) for d in values["date_of_birth"])


def test_resident_ids_hold_the_birth_dates_written_beside_them(root: Path) -> None:
    """A form's date of birth is the one in the person's ID (checked on the dev and the
    final family's forms)."""
    labelled = load(root)
    checked = 0
    for name, spans in labelled.spans.items():
        if not name.startswith(("dev/hr_form/", "final/hr_form/")):
            continue
        text = decoded((labelled.folder / name).read_bytes())
        rid = next(text[s.start : s.end] for s in spans if s.type == "resident_id")
        dob = next(text[s.start : s.end] for s in spans if s.type == "date_of_birth")
        digits = re.findall(r"\d+", dob)
        assert (int(digits[0]), int(digits[1]), int(digits[2])) == (
            int(rid[6:10]),
            int(rid[10:12]),
            int(rid[12:14]),
        )
        checked += 1
    assert checked


OFFICE_SIZE = 60_000


def test_office_files_are_the_same_from_the_same_seed_and_read_back_as_labelled(
    tmp_path: Path,
) -> None:
    """Workbooks and Word documents: byte for byte the same again; the scanner's own readers
    give back exactly the labelled segments, in the labels file's places."""
    root = write_corpus(tmp_path / "a", OFFICE_SIZE, office=True)
    again = write_corpus(tmp_path / "b", OFFICE_SIZE, office=True)
    assert (again / LABELS).read_bytes() == (root / LABELS).read_bytes()
    stored = json.loads((root / LABELS).read_text(encoding="utf-8"))
    assert {n.rsplit(".", 1)[1] for n in stored} == {"xlsx", "docx"}
    labelled = load(root)
    for family in OFFICE:
        for name, made in generate_office(family, OFFICE_SIZE):
            path = root / "files" / name
            assert path.read_bytes() == (again / "files" / name).read_bytes(), name
            read = [(segment_key(loc), text) for loc, text, _ in READERS[path.suffix](path)]
            assert read == [(segment_key(loc), d.text) for loc, d in made.segments()], name
            whole, starts = made.labelled()
            assert labelled.segments[name] == starts
            for key, text in read:
                assert whole.text[starts[key] : starts[key] + len(text)] == text
            for kind, start, end in whole.spans:
                assert kind in {*TYPES, "bank_account", LOOKALIKE}
                assert whole.text[start:end] and "\n" not in whole.text[start:end]
