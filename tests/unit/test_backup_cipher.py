"""The backup file format (R5.7; adapters/vault/backup_cipher.py): every way of cutting the
plaintext into writes round-trips; every alteration — a flipped byte anywhere, a truncated
file, chunks swapped, bytes appended, another backup's id, another installation's key — is
refused with what failed, never with content."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from piiguard.adapters.vault.backup_cipher import CHUNK, SealingWriter, open_sealed
from piiguard.adapters.vault.keyfile import LocalKeyProvider, ensure_key_file
from piiguard.domain.backups.ports import BackupUnreadable

pytestmark = pytest.mark.req("R5.7")


@pytest.fixture
def provider(tmp_path: Path) -> LocalKeyProvider:
    ensure_key_file(tmp_path / "master.key")
    return LocalKeyProvider(tmp_path / "master.key")


def seal(provider: LocalKeyProvider, parts: list[bytes], backup_id: str = "b1") -> bytes:
    out = io.BytesIO()
    w = SealingWriter(out, provider, backup_id)
    for p in parts:
        w.write(p)
    w.close()
    assert len(out.getvalue()) == w.size
    return out.getvalue()


def unseal(provider: LocalKeyProvider, blob: bytes, backup_id: str = "b1") -> bytes:
    out = io.BytesIO()
    open_sealed(io.BytesIO(blob), out, provider, backup_id)
    return out.getvalue()


@pytest.mark.parametrize(
    "sizes",
    [[], [0], [5], [CHUNK], [CHUNK, CHUNK], [CHUNK, 5], [5, CHUNK], [CHUNK - 1, 1, CHUNK],
     [3 * CHUNK + 7], [CHUNK, CHUNK, 3, CHUNK]],
)  # fmt: skip
def test_every_way_of_writing_round_trips(provider: LocalKeyProvider, sizes: list[int]) -> None:
    parts = [os.urandom(n) for n in sizes]
    assert unseal(provider, seal(provider, parts)) == b"".join(parts)


def test_alterations_are_refused(provider: LocalKeyProvider, tmp_path: Path) -> None:
    plain = os.urandom(2 * CHUNK + 100)
    blob = seal(provider, [plain])
    for at in (3, 20, 60, CHUNK // 2, CHUNK + 200, len(blob) - 5):
        bad = bytearray(blob)
        bad[at] ^= 0x40
        with pytest.raises(BackupUnreadable):
            unseal(provider, bytes(bad))
    with pytest.raises(BackupUnreadable, match="truncated"):
        unseal(provider, blob[: len(blob) - CHUNK // 2])
    with pytest.raises(BackupUnreadable, match="follow the final chunk"):
        unseal(provider, blob + b"x")
    with pytest.raises(BackupUnreadable, match="names backup"):
        unseal(provider, blob, "another")
    header_end = blob.index(b"}") + 1
    frame = 5 + CHUNK + 16
    first, second = (
        blob[header_end : header_end + frame],
        blob[header_end + frame : header_end + 2 * frame],
    )
    swapped = blob[:header_end] + second + first + blob[header_end + 2 * frame :]
    with pytest.raises(BackupUnreadable, match="chunk 0"):
        unseal(provider, swapped)
    ensure_key_file(tmp_path / "other.key")
    with pytest.raises(BackupUnreadable, match="key-encryption key"):
        unseal(LocalKeyProvider(tmp_path / "other.key"), blob)
    # nothing of the plaintext in the file
    assert plain[:64] not in blob
