"""Backup files encrypted at rest (R5.7): AES-256-GCM in 1 MiB chunks under a fresh key per
backup, that key wrapped by the current key-encryption key of the key provider (the same
KEK that wraps the subjects' keys; adapters/vault/keyfile.py) — docs/backups.md says why
this format and not age.

    file   = MAGIC | u32 header length | header (JSON) | chunk*
    chunk  = u32 ciphertext length | u8 final | AES-GCM(nonce = chunk index, 96 bits)
    AAD    = SHA-256(MAGIC | header) | u64 chunk index | u8 final

Every chunk is bound to the header (backup id, KEK version, wrapped key) and to its place;
the last chunk says it is the last. A flipped byte fails the chunk's tag, a truncated file
has no final chunk, a reordered or spliced file fails the index, another key fails the
unwrap — each raises `BackupUnreadable`, naming what failed and never the content.
"""

from __future__ import annotations

import base64
import hashlib
import json
import queue
import struct
import threading
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from piiguard.adapters.vault.keyfile import KeyProvider, WrappedKey
from piiguard.domain.backups.ports import BackupUnreadable
from piiguard.domain.errors import VaultIntegrityError

MAGIC = b"PIIGBAK1"
FORMAT = "piiguard-backup/1"
CHUNK = 1 << 20
_LEN = struct.Struct(">IB")
_AAD = struct.Struct(">QB")
_MAX_HEADER = 64 * 1024


def _context(backup_id: str) -> bytes:
    return b"piiguard-backup/v1|" + backup_id.encode()


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


class _Hasher:
    """SHA-256 in a thread of its own: hashlib releases the GIL on large updates, so the
    file's hash (the slowest step: ~0.5 GB/s) runs beside the encryption and the writes."""

    def __init__(self) -> None:
        self._h = hashlib.sha256()
        self._q: queue.Queue[bytes | None] = queue.Queue(maxsize=16)
        self._t = threading.Thread(target=self._run, name="backup-sha256", daemon=True)
        self._t.start()

    def _run(self) -> None:
        while (block := self._q.get()) is not None:
            self._h.update(block)

    def update(self, block: bytes) -> None:
        self._q.put(block)

    def hexdigest(self) -> str:
        if self._t.is_alive():
            self._q.put(None)
            self._t.join()
        return self._h.hexdigest()


class SealingWriter:
    """A file-like sink: what is written goes out encrypted in chunks; `close()` writes
    the final chunk. `size` and `sha256` are those of the encrypted file."""

    def __init__(self, out: BinaryIO, provider: KeyProvider, backup_id: str) -> None:
        key = AESGCM.generate_key(bit_length=256)
        wrapped = provider.wrap(key, _context(backup_id))
        header = json.dumps(
            {
                "format": FORMAT,
                "id": backup_id,
                "kek": wrapped.version,
                "wrapped": base64.b64encode(wrapped.blob).decode(),
                "chunk": CHUNK,
            },
            sort_keys=True,
        ).encode()
        self.kek_version = wrapped.version
        self._out = out
        self._cipher = AESGCM(key)
        self._bound = hashlib.sha256(MAGIC + header).digest()
        self._hash = _Hasher()
        self._buf = bytearray()
        self._held: bytes | None = None  # a whole chunk not sent yet
        self._index = 0
        self.size = 0
        self._emit(MAGIC + struct.pack(">I", len(header)) + header)

    def _emit(self, data: bytes) -> None:
        self._out.write(data)
        self._hash.update(data)
        self.size += len(data)

    def _chunk(self, plain: bytes, final: bool) -> None:
        flag = 1 if final else 0
        aad = self._bound + _AAD.pack(self._index, flag)
        ct = self._cipher.encrypt(_nonce(self._index), plain, aad)
        self._emit(_LEN.pack(len(ct), flag) + ct)
        self._index += 1

    def write(self, data: bytes) -> int:
        """Chunks go out as they fill; the last full one waits (it may be the final one).
        Whole 1 MiB blocks — how the copies are read — pass without being copied."""
        n = len(data)
        if not self._buf and n == CHUNK:
            if self._held is not None:
                self._chunk(self._held, final=False)
            self._held = data
            return n
        if self._held is not None:
            self._buf += self._held
            self._held = None
        self._buf += data
        while len(self._buf) > CHUNK:
            self._chunk(bytes(self._buf[:CHUNK]), final=False)
            del self._buf[:CHUNK]
        return n

    def close(self) -> None:
        if self._held is not None and self._buf:
            self._chunk(self._held, final=False)
        elif self._held is not None:
            self._buf += self._held
        self._held = None
        self._chunk(bytes(self._buf), final=True)
        self._buf.clear()

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()


def _read_exact(src: BinaryIO, n: int, what: str) -> bytes:
    data = src.read(n)
    if len(data) != n:
        raise BackupUnreadable(f"the file ends inside {what}: truncated")
    return data


def open_sealed(src: BinaryIO, out: BinaryIO, provider: KeyProvider, backup_id: str) -> int:
    """Decrypt `src` into `out`; the number of plaintext bytes. Raises BackupUnreadable."""
    if src.read(len(MAGIC)) != MAGIC:
        raise BackupUnreadable("not a piiguard backup file (its first bytes differ)")
    (n,) = struct.unpack(">I", _read_exact(src, 4, "the header"))
    if n > _MAX_HEADER:
        raise BackupUnreadable("the header's length is not plausible: altered")
    header = _read_exact(src, n, "the header")
    try:
        doc = json.loads(header)
        blob = base64.b64decode(doc["wrapped"], validate=True)
        version, named = str(doc["kek"]), str(doc["id"])
    except (ValueError, KeyError, TypeError):
        raise BackupUnreadable("the header is not readable: altered") from None
    if doc.get("format") != FORMAT or named != backup_id:
        raise BackupUnreadable(f"the header names backup {named!r}, not {backup_id!r}")
    try:
        key = provider.unwrap(WrappedKey(version, blob), _context(backup_id))
    except VaultIntegrityError:
        raise BackupUnreadable(
            f"the backup's key does not open with this installation's key-encryption "
            f"key (version {version}): another installation's key, a retired one, or altered"
        ) from None
    cipher, bound = AESGCM(key), hashlib.sha256(MAGIC + header).digest()
    index, total = 0, 0
    while True:
        frame = src.read(_LEN.size)
        if len(frame) < _LEN.size:
            raise BackupUnreadable(f"no final chunk after chunk {index}: truncated")
        length, flag = _LEN.unpack(frame)
        if flag not in (0, 1) or length > CHUNK + 16:
            raise BackupUnreadable(f"chunk {index}'s frame is not plausible: altered")
        ct = _read_exact(src, length, f"chunk {index}")
        try:
            plain = cipher.decrypt(_nonce(index), ct, bound + _AAD.pack(index, flag))
        except InvalidTag:
            raise BackupUnreadable(f"chunk {index} fails its integrity check: altered") from None
        out.write(plain)
        total += len(plain)
        index += 1
        if flag:
            break
    if src.read(1):
        raise BackupUnreadable(f"bytes follow the final chunk ({index - 1}): altered")
    return total
