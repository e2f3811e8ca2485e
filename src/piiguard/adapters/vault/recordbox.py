"""The rights requests' secret box (R2.11, R5.5; docs/retention.md "piiguard's own records
about people"): what piiguard seals about a person in its own records — a request's details
(the contact as given) and the staff's notes on it, which live inside hash-chained audit
entries, a delivered package, a mail in triage — is sealed under a data key of that record
alone (AES-256-GCM, associated data = the sealing context), kept wrapped under the KEK in
the key store (`record_keys`) like a subject's key. Disposing of the record destroys its
key: its copies in every backup of the data database, and its notes in the audit entries
(which stay, intact and verifiable), no longer open (`Vault.shred_records`, called by the
disposal of the record, services/retention/batches.py).

Every other context (webhook secrets, hold reasons, …) is sealed under the KEK as
`KekSecretBox` does, and so is everything sealed before record keys existed (`v<version>:`
values still open under the KEK; record-keyed values are `k1:`).

No key is cached: another process may destroy a record's key at any time, and a cached
one would go on sealing values nobody could open again.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from datetime import datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from piiguard.adapters.vault.keyfile import KeyProvider
from piiguard.adapters.vault.keystore import KeyStore
from piiguard.adapters.vault.secretbox import KekSecretBox
from piiguard.domain.errors import KeyShredded, VaultIntegrityError
from piiguard.domain.retention.disposal import scope_of_context

PREFIX = "k1:"
_NONCE = 12


def _key_context(scope: str) -> bytes:
    return b"piiguard-record-key/v1|" + scope.encode()


def _aad(context: str) -> bytes:
    return b"piiguard-record/v1|" + context.encode()


class RecordBox:
    def __init__(
        self, keystore: KeyStore, provider: KeyProvider, clock: Callable[[], datetime]
    ) -> None:
        self._keystore = keystore
        self._provider = provider
        self._now = clock
        self._kek = KekSecretBox(provider)

    def seal(self, plaintext: bytes, context: str) -> str:
        scope = scope_of_context(context)
        if scope is None:
            return self._kek.seal(plaintext, context)
        key = self._key(scope) or self._new_key(scope)
        nonce = os.urandom(_NONCE)
        blob = nonce + AESGCM(key).encrypt(nonce, plaintext, _aad(context))
        return PREFIX + base64.b64encode(blob).decode()

    def open(self, sealed: str, context: str) -> bytes:
        scope = scope_of_context(context)
        if scope is None or not sealed.startswith(PREFIX):  # not a record's, or older
            return self._kek.open(sealed, context)
        key = self._key(scope)
        if key is None:
            raise KeyShredded(f"the key of {scope} was destroyed (disposed of)")
        blob = base64.b64decode(sealed[len(PREFIX) :])
        try:
            return AESGCM(key).decrypt(blob[:_NONCE], blob[_NONCE:], _aad(context))
        except InvalidTag:
            raise VaultIntegrityError(f"a sealed value of {scope} was altered") from None

    def current(self, sealed: str) -> bool:
        """Whether the value is under the current KEK (a record key is re-wrapped, not the
        value: always current)."""
        return sealed.startswith(PREFIX) or self._kek.current(sealed)

    def _key(self, scope: str) -> bytes | None:
        wrapped = self._keystore.record_key(scope)
        return None if wrapped is None else self._provider.unwrap(wrapped, _key_context(scope))

    def _new_key(self, scope: str) -> bytes:
        """A fresh key for the record, stored before anything is sealed under it (another
        process storing one first: theirs is used)."""
        key = AESGCM.generate_key(bit_length=256)
        if self._keystore.add_record_key(
            scope, self._provider.wrap(key, _key_context(scope)), self._now()
        ):
            return key
        found = self._key(scope)
        if found is None:  # stored and destroyed at once: the record is being disposed of
            raise KeyShredded(f"the key of {scope} was destroyed (disposed of)")
        return found


def rewrap_record_keys(keystore: KeyStore, provider: KeyProvider, version: str) -> int:
    """After a KEK rotation: every record key re-wrapped under `version` (as the subject
    keys are); how many."""
    done = 0
    while batch := keystore.record_keys_not_under(version, 1000):
        rows = []
        for scope, wrapped in batch:
            ctx = _key_context(scope)
            rows.append((scope, wrapped.version, provider.wrap(provider.unwrap(wrapped, ctx), ctx)))
        keystore.rewrap_record_keys(rows)
        done += len(rows)
    return done
