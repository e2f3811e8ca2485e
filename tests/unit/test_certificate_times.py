"""The disposal certificate an auditor downloads shows its times as a person reads them
(2026-12-07 09:30 UTC), each in a <time datetime=…> element carrying the value as written
at disposal; the hash and counts as written (issue 14; R10.2)."""

from __future__ import annotations

import re

import pytest

from piiguard.services.retention.certificate import Certificate, certificate_html

AT = {
    "as_of": "2026-12-07T23:59:59.999999+00:00",
    "proposed_at": "2026-12-07T09:30:12.345678+00:00",
    "approved_at": "2026-12-07T10:01:00+00:00",
    "disposed_at": "2026-12-07T10:02:03+00:00",
}
PERIOD = {"due_from": "2016-12-06T08:00:00+00:00", "due_to": "2016-12-07T01:05:00+00:00"}


def visible(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


@pytest.mark.req("R10.2")
def test_the_file_shows_times_a_person_reads_and_keeps_the_values() -> None:
    facts = {
        **AT,
        "period": PERIOD,
        "proposed_by": "system:retention-sweep",
        "approved_by": "staff:alice",
        "disposed_by": "staff:alice",
        "items": 3,
        "subjects": 1,
        "skipped": {"held": 0},
        "list_hash": "ab" * 32,
        "list_hash_of": "SHA-256 of the disposed item and record ids, sorted, one per line",
    }
    html = certificate_html(Certificate("b-1", facts, {}, []))
    for iso, shown in (
        (AT["as_of"], "2026-12-07 23:59 UTC"),
        (AT["proposed_at"], "2026-12-07 09:30 UTC"),
        (AT["approved_at"], "2026-12-07 10:01 UTC"),
        (AT["disposed_at"], "2026-12-07 10:02 UTC"),
        (PERIOD["due_from"], "2016-12-06 08:00 UTC"),
        (PERIOD["due_to"], "2016-12-07 01:05 UTC"),
    ):
        assert f'<time datetime="{iso}">{shown}</time>' in html
    assert not re.search(r"\d{4}-\d\d-\d\dT", visible(html))  # no raw ISO text left
    assert "ab" * 32 in html and ">3<" in html
