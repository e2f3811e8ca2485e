"""The rights requests' secret box (adapters/vault/recordbox.py; R2.11, R5.5) on both
backends: a context naming one of piiguard's own records is sealed under that record's key
(`k1:`), every other context under the KEK as before (`v<version>:`); a value sealed under
the KEK before record keys existed still opens; a value moved to another record, or
altered, does not; a destroyed record key makes its values KeyShredded, and only its own."""

from __future__ import annotations

import pytest

from piiguard.adapters.vault.secretbox import KekSecretBox
from piiguard.bootstrap import Container
from piiguard.domain.errors import KeyShredded, VaultIntegrityError


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_records_are_sealed_under_their_own_keys_and_destroyed_one_by_one(
    container: Container,
) -> None:
    box = container.requests.box
    details = box.seal(b"li.lei@example.cn", "request:r1")
    note = box.seal(b"checked her passport", "request-note:r1")
    other = box.seal(b"wang@example.com", "request:r2")
    hold = box.seal(b"lawsuit brought by Li Lei", "legal-hold-reason:h1")
    assert details.startswith("k1:") and note.startswith("k1:") and hold.startswith("v1:")
    legacy = KekSecretBox(container.vault._provider).seal(b"old contact", "request:r1")
    assert box.open(legacy, "request:r1") == b"old contact"  # sealed before record keys
    assert box.open(details, "request:r1") == b"li.lei@example.cn"
    assert box.open(note, "request-note:r1") == b"checked her passport"
    assert box.open(hold, "legal-hold-reason:h1") == b"lawsuit brought by Li Lei"
    with pytest.raises(VaultIntegrityError):  # moved to another request: r2's key
        box.open(details, "request:r2")
    with pytest.raises(VaultIntegrityError):  # a request's details are not a note
        box.open(details, "request-note:r1")
    with pytest.raises((VaultIntegrityError, ValueError)):  # clear text is never sealed
        box.open("k1:not sealed at all", "legal-hold-reason:h1")

    assert container.vault.shred_records(["request:r1"]) == 1
    for sealed, context in ((details, "request:r1"), (note, "request-note:r1")):
        with pytest.raises(KeyShredded):
            box.open(sealed, context)
    assert box.open(other, "request:r2") == b"wang@example.com"  # another record: intact
    assert box.open(hold, "legal-hold-reason:h1") == b"lawsuit brought by Li Lei"
    assert container.vault.shred_records(["request:r1"]) == 0  # destroyed once
