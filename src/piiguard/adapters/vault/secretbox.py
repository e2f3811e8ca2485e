"""Small secrets (TOTP seeds) sealed under the current key-encryption key of the key
provider (AES-256-GCM, associated data = the context), stored as `v<KEK version>:<base64>`.
A sealed value under an older KEK still opens while that version exists; re-sealing on use
moves it to the current one."""

from __future__ import annotations

import base64

from piiguard.adapters.vault.keyfile import KeyProvider, WrappedKey
from piiguard.domain.errors import VaultIntegrityError


class KekSecretBox:
    def __init__(self, provider: KeyProvider) -> None:
        self._provider = provider

    def seal(self, plaintext: bytes, context: str) -> str:
        w = self._provider.wrap(plaintext, f"piiguard-secret/v1|{context}".encode())
        return f"v{w.version}:{base64.b64encode(w.blob).decode()}"

    def open(self, sealed: str, context: str) -> bytes:
        version, _, blob = sealed.partition(":")
        if not version.startswith("v") or not blob:
            raise VaultIntegrityError("a sealed secret is malformed")
        return self._provider.unwrap(
            WrappedKey(version[1:], base64.b64decode(blob)),
            f"piiguard-secret/v1|{context}".encode(),
        )

    def current(self, sealed: str) -> bool:
        return sealed.startswith(f"v{self._provider.current_version()}:")
