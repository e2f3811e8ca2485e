"""The local master key file: key-encryption keys (versioned) and the HMAC keys of the
blind index and of keyed hashes. Created with mode 0600; written atomically.

A HashiCorp Vault transit or cloud KMS provider replaces `LocalKeyProvider` with one
class implementing `KeyProvider`; the HMAC keys then come from the same secret store.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from piiguard.adapters.secret_file import write_secret
from piiguard.domain.errors import Conflict, VaultIntegrityError

FORMAT = "piiguard-master-key/1"
NONCE = 12


@dataclass(frozen=True, slots=True)
class WrappedKey:
    version: str
    blob: bytes  # nonce || AES-256-GCM(data key)


class KeyProvider(Protocol):
    """Wraps and unwraps data keys under a versioned key-encryption key."""

    def current_version(self) -> str: ...
    def wrap(self, key: bytes, context: bytes) -> WrappedKey: ...
    def unwrap(self, wrapped: WrappedKey, context: bytes) -> bytes: ...
    def add_version(self) -> str:
        """Create a new KEK version and make it current (rotation)."""

    def retire(self, version: str) -> None:
        """Destroy an old KEK version; nothing may still be wrapped under it."""

    def versions(self) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class HmacKeys:
    blind_index: bytes
    keyed_hash: bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def ensure_key_file(path: Path) -> bool:
    """Create the master key file with fresh keys if it is absent. True when created."""
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(0o600)
        return False
    doc = {
        "format": FORMAT,
        "current": "1",
        "keks": {"1": _b64(AESGCM.generate_key(bit_length=256))},
        "blind_index_key": _b64(secrets.token_bytes(32)),
        "keyed_hash_key": _b64(secrets.token_bytes(32)),
    }
    return _write_atomic(path, doc, replace=False)


def _write_atomic(path: Path, doc: Mapping[str, object], *, replace: bool = True) -> bool:
    """The key file, whole or not at all (adapters/secret_file.py). False when another
    process created it first (`replace=False`)."""
    return write_secret(path, json.dumps(doc, indent=2).encode(), replace=replace)


def _read(path: Path) -> dict[str, object]:
    doc = json.loads(path.read_text())
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise VaultIntegrityError(f"{path} is not a piiguard master key file ({FORMAT})")
    return doc


def load_hmac_keys(path: Path) -> HmacKeys:
    doc = _read(path)
    return HmacKeys(
        base64.b64decode(str(doc["blind_index_key"])), base64.b64decode(str(doc["keyed_hash_key"]))
    )


class LocalKeyProvider:
    """KEKs from the local key file (the default provider)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._stamp: tuple[int, int] = (0, 0)
        self._load()

    def _fresh(self) -> None:
        """Another process (`piiguard keys rotate` beside a running server) may have changed
        the file: reload when its mtime or size moved, so a new current KEK is used at once
        and a retired one is never used again."""
        st = self._path.stat()
        if (st.st_mtime_ns, st.st_size) != self._stamp:
            self._load()

    def _load(self) -> None:
        st = self._path.stat()
        self._stamp = (st.st_mtime_ns, st.st_size)
        doc = _read(self._path)
        keks = doc["keks"]
        if not isinstance(keks, dict):
            raise VaultIntegrityError(f"{self._path}: 'keks' must be a mapping")
        self._doc = doc
        self._raw_keks = {str(v): str(k) for v, k in keks.items()}
        self._keks = {v: AESGCM(base64.b64decode(k)) for v, k in self._raw_keks.items()}
        self._current = str(doc["current"])

    def current_version(self) -> str:
        self._fresh()
        return self._current

    def versions(self) -> list[str]:
        self._fresh()
        return sorted(self._keks, key=int)

    def wrap(self, key: bytes, context: bytes) -> WrappedKey:
        self._fresh()
        nonce = os.urandom(NONCE)
        return WrappedKey(
            self._current, nonce + self._keks[self._current].encrypt(nonce, key, context)
        )

    def unwrap(self, wrapped: WrappedKey, context: bytes) -> bytes:
        kek = self._keks.get(wrapped.version)
        if kek is None:
            self._fresh()
            kek = self._keks.get(wrapped.version)
        if kek is None:
            raise VaultIntegrityError(
                f"key-encryption key version {wrapped.version} is not "
                "available (retired or from another installation)"
            )
        try:
            return kek.decrypt(wrapped.blob[:NONCE], wrapped.blob[NONCE:], context)
        except InvalidTag:
            raise VaultIntegrityError(
                "a wrapped subject key does not belong to this subject or was altered"
            ) from None

    def add_version(self) -> str:
        self._fresh()
        new = str(max(int(v) for v in self._keks) + 1)
        keks = {**self._raw_keks, new: _b64(AESGCM.generate_key(bit_length=256))}
        _write_atomic(self._path, {**self._doc, "keks": keks, "current": new})
        self._load()
        return new

    def retire(self, version: str) -> None:
        self._fresh()
        if version == self._current:
            raise Conflict(
                f"KEK version {version} is current; rotate before retiring it", field="version"
            )
        if version not in self._keks:
            raise Conflict(f"KEK version {version} does not exist", field="version")
        keks = {v: k for v, k in self._raw_keks.items() if v != version}
        _write_atomic(self._path, {**self._doc, "keks": keks})
        self._load()
