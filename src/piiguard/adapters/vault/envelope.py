"""Envelope encryption (R5.1, R5.5): one AES-256-GCM data key per subject, wrapped by the
provider's KEK and kept in the key store; every value sealed with associated data that
binds it to (subject, item, category), so a ciphertext moved to another row or subject
fails to decrypt. Credentials are argon2id hashes only. Exact-match lookup goes through a
keyed blind index (HMAC-SHA256 of the normalised value), never through decryption.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from piiguard.adapters.passwords import Argon2Passwords
from piiguard.adapters.vault.keyfile import HmacKeys, KeyProvider, WrappedKey
from piiguard.adapters.vault.keystore import KeyStore
from piiguard.adapters.vault.recordbox import rewrap_record_keys
from piiguard.domain.decisions import RecordedDecision
from piiguard.domain.errors import Conflict, Forbidden, KeyShredded, VaultIntegrityError
from piiguard.domain.normalize import normalize
from piiguard.domain.ports import (
    IntegrityAlarm,
    IntegrityFailure,
    KeyRing,
    Rekeyed,
    RekeyOutcome,
    RotationReport,
    SealedItem,
    SealedValue,
    ToSeal,
)
from piiguard.domain.subjects import RevealedItem
from piiguard.domain.taxonomy import Category, Lookup, Taxonomy

log = logging.getLogger(__name__)

NONCE = 12
_REWRAP_BATCH = 1000


def _dek_context(subject_id: str) -> bytes:
    return b"piiguard-dek/v1|" + subject_id.encode()


def _aad(subject_id: str, item_id: str, category: str) -> bytes:
    return f"piiguard-item/v1|{subject_id}|{item_id}|{category}".encode()


def _opens(cipher: AESGCM, it: SealedItem) -> bool:
    rec = it.record
    return _opens_blob(cipher, it.ciphertext or b"", _aad(rec.subject_id, rec.id, rec.category))


def _opens_blob(cipher: AESGCM, blob: bytes, aad: bytes) -> bool:
    try:
        cipher.decrypt(blob[:NONCE], blob[NONCE:], aad)
    except InvalidTag:
        return False
    return True


class DecisionSeal:
    """A per-process MAC key shared by the decision ledger (which seals what it records)
    and the vault (which checks the seal before revealing anything)."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or os.urandom(32)

    def seal(self, message: bytes) -> bytes:
        return hmac.new(self._key, message, hashlib.sha256).digest()

    def check(self, recorded: RecordedDecision) -> bool:
        return hmac.compare_digest(self.seal(recorded.seal_message()), recorded.seal)


class _Ring:
    """`ciphers`: the key each subject's new values are sealed under (during a re-keying,
    the fresh staged key); `older`: during a re-keying, the key being replaced, which still
    opens the values not re-sealed yet."""

    def __init__(self, ciphers: dict[str, AESGCM], older: dict[str, AESGCM] | None = None) -> None:
        self.ciphers = ciphers
        self.older = older or {}

    def __contains__(self, subject_id: object) -> bool:
        return subject_id in self.ciphers


class EnvelopeVault:
    def __init__(
        self,
        keystore: KeyStore,
        provider: KeyProvider,
        hmac_keys: HmacKeys,
        seal: DecisionSeal,
        clock: Callable[[], datetime],
        passwords: Argon2Passwords,
    ) -> None:
        self._keystore = keystore
        self._provider = provider
        self._index_key = hmac_keys.blind_index
        self._hash_key = hmac_keys.keyed_hash
        self._seal = seal
        self._now = clock
        self._passwords = passwords
        # told of every integrity failure before the read fails (set by bootstrap.py)
        self.alarm: IntegrityAlarm | None = None

    # -- keys -------------------------------------------------------------------------
    def provision(self, subject_ids: Sequence[str]) -> _Ring:
        deks = {sid: AESGCM.generate_key(bit_length=256) for sid in subject_ids}
        wrap = self._provider.wrap
        self._keystore.put_many(
            [(sid, wrap(k, _dek_context(sid))) for sid, k in deks.items()], self._now()
        )
        return _Ring({sid: AESGCM(k) for sid, k in deks.items()})

    def keyring(self, subject_ids: Sequence[str]) -> _Ring:
        wanted = list(dict.fromkeys(subject_ids))
        found = self._keystore.get_many(wanted)
        missing = [sid for sid in wanted if sid not in found]
        if missing:
            raise KeyShredded(
                f"no data key for subject {missing[0]}: erased (crypto-shredded) "
                "or never provisioned"
            )
        unwrap = self._provider.unwrap
        ciphers: dict[str, AESGCM] = {}
        older: dict[str, AESGCM] = {}
        for sid, (current, staged) in found.items():
            ctx = _dek_context(sid)
            if staged is None:
                ciphers[sid] = AESGCM(unwrap(current, ctx))
            else:
                ciphers[sid] = AESGCM(unwrap(staged, ctx))
                older[sid] = AESGCM(unwrap(current, ctx))
        return _Ring(ciphers, older)

    def shred(self, subject_ids: Sequence[str]) -> int:
        return self._keystore.delete_many(list(subject_ids))

    def subjects_with_keys(self) -> Iterator[str]:
        return self._keystore.subject_ids()

    def rotate(self) -> RotationReport:
        """New KEK version; every subject key re-wrapped under it. Data ciphertexts are
        untouched: they are under the subject keys, which do not change."""
        new = self._provider.add_version()
        done = 0
        while batch := self._keystore.not_under(new, _REWRAP_BATCH):
            rows = []
            for sid, wrapped in batch:
                ctx = _dek_context(sid)
                rows.append(
                    (
                        sid,
                        wrapped.version,
                        self._provider.wrap(self._provider.unwrap(wrapped, ctx), ctx),
                    )
                )
            self._keystore.rewrap(rows)
            done += len(rows)
        while staged := self._keystore.staged_not_under(new, _REWRAP_BATCH):
            self._keystore.rewrap_staged([self._rewrapped(sid, w) for sid, w in staged])
        rewrap_record_keys(self._keystore, self._provider, new)  # piiguard's own records'
        return RotationReport(new, done, self._keystore.versions_in_use())

    def shred_records(self, scopes: Sequence[str]) -> int:
        """Destroy the keys of piiguard's own records (adapters/vault/recordbox.py)."""
        return self._keystore.delete_record_keys(list(scopes))

    def _rewrapped(self, sid: str, wrapped: WrappedKey) -> tuple[str, str, WrappedKey]:
        ctx = _dek_context(sid)
        return sid, wrapped.version, self._provider.wrap(self._provider.unwrap(wrapped, ctx), ctx)

    # -- re-keying (disposal of some of a subject's items, docs/retention.md) ------------
    def rekey(self, subject_id: str, keep_items: Sequence[SealedItem]) -> Rekeyed:
        """Stage a fresh data key for the subject (durably, before any data depends on it)
        and re-seal `keep_items` under it. The plaintext is opened and sealed again inside
        the vault only (as `rotate` re-wraps keys): nothing leaves it but ciphertexts."""
        for it in keep_items:
            if it.record.subject_id != subject_id:
                raise ValueError(f"item {it.record.id} is not subject {subject_id}'s")
        ring = self.keyring([subject_id])  # KeyShredded for an erased subject
        if subject_id in ring.older:
            raise Conflict(
                f"an earlier re-keying of subject {subject_id} is unfinished (finish_rekey first)"
            )
        fresh = AESGCM.generate_key(bit_length=256)
        sealed = AESGCM(fresh)
        values: list[tuple[str, bytes, bytes]] = []
        for it in keep_items:
            if it.ciphertext is None:  # a credential: a hash, under no key
                continue
            plain = (self._open(ring.ciphers, it).value or "").encode()
            rec = it.record
            nonce = os.urandom(NONCE)
            aad = _aad(subject_id, rec.id, rec.category)
            values.append((rec.id, it.ciphertext, nonce + sealed.encrypt(nonce, plain, aad)))
        wrapped = self._provider.wrap(fresh, _dek_context(subject_id))
        if not self._keystore.stage(subject_id, wrapped):
            raise Conflict(f"subject {subject_id} is being re-keyed by another process")
        return Rekeyed(subject_id, tuple(values))

    def finish_rekey(self, subject_id: str, items: Sequence[SealedItem]) -> RekeyOutcome:
        ring = self.keyring([subject_id])
        old = ring.older.get(subject_id)
        if old is None:
            raise Conflict(f"subject {subject_id} has no re-keying under way")
        fresh = ring.ciphers[subject_id]
        under_fresh = under_old = 0
        for it in items:
            if it.ciphertext is None:
                continue
            if _opens(fresh, it):
                under_fresh += 1
            elif _opens(old, it):
                under_old += 1
            else:
                raise VaultIntegrityError(
                    f"item {it.record.id}: opens under neither of subject {subject_id}'s keys"
                )
        if under_old == 0:
            self._keystore.promote(subject_id)
            return "promoted"
        if under_fresh == 0:
            self._keystore.unstage(subject_id)
            return "dropped"
        raise Conflict(
            f"subject {subject_id}: {under_old} items under the old key and {under_fresh} "
            "under the fresh one; re-seal the old ones before finishing"
        )

    def rekey_many(self, keep: Mapping[str, Sequence[SealedItem]]) -> list[Rekeyed]:
        """`rekey` for many subjects (subject -> its items kept), the fresh keys staged in
        one key-store transaction, all or none (Conflict: nothing staged)."""
        for sid, items in keep.items():
            for it in items:
                if it.record.subject_id != sid:
                    raise ValueError(f"item {it.record.id} is not subject {sid}'s")
        ring = self.keyring(list(keep))  # KeyShredded for an erased subject
        if busy := sorted(set(keep) & set(ring.older)):
            raise Conflict(
                f"an earlier re-keying of subject {busy[0]} is unfinished (finish_rekey first)"
            )
        out: list[Rekeyed] = []
        staged: list[tuple[str, WrappedKey]] = []
        urandom, wrap = os.urandom, self._provider.wrap
        for sid, items in keep.items():
            fresh = AESGCM.generate_key(bit_length=256)
            sealed, old = AESGCM(fresh), ring.ciphers[sid]
            values: list[tuple[str, bytes, bytes]] = []
            for it in items:
                if it.ciphertext is None:  # a credential: a hash, under no key
                    continue
                rec = it.record
                aad = _aad(sid, rec.id, rec.category)
                blob = it.ciphertext
                try:
                    plain = old.decrypt(blob[:NONCE], blob[NONCE:], aad)
                except InvalidTag:
                    raise VaultIntegrityError(
                        f"item {rec.id}: the ciphertext does not belong to subject {sid} / "
                        f"category {rec.category} (copied from another row?) or was altered"
                    ) from None
                nonce = urandom(NONCE)
                values.append((rec.id, blob, nonce + sealed.encrypt(nonce, plain, aad)))
            staged.append((sid, wrap(fresh, _dek_context(sid))))
            out.append(Rekeyed(sid, tuple(values)))
        if not self._keystore.stage_many(staged):
            raise Conflict("one of these subjects is being re-keyed by another process")
        return out

    def finish_rekey_many(
        self, items: Mapping[str, Sequence[tuple[str, str, bytes | None]]]
    ) -> dict[str, RekeyOutcome]:
        """`finish_rekey` for many subjects (subject -> all its items now, as (item id,
        category, ciphertext): `ItemRepository.ciphertexts_many`): the fresh keys promoted
        in one key-store transaction (one checkpoint), the unused ones dropped in another.
        A subject with items under both keys is left as it is and out of the answer
        (finish_rekey then says why)."""
        ring = self.keyring(list(items))
        out: dict[str, RekeyOutcome] = {}
        for sid, its in items.items():
            old = ring.older.get(sid)
            if old is None:
                continue
            fresh = ring.ciphers[sid]
            under_fresh = under_old = 0
            for iid, category, blob in its:
                if blob is None:
                    continue
                aad = _aad(sid, iid, category)
                if _opens_blob(fresh, blob, aad):
                    under_fresh += 1
                elif _opens_blob(old, blob, aad):
                    under_old += 1
                else:
                    raise VaultIntegrityError(
                        f"item {iid}: opens under neither of subject {sid}'s keys"
                    )
            if under_old == 0:
                out[sid] = "promoted"
            elif under_fresh == 0:
                out[sid] = "dropped"
        self._keystore.promote_many([s for s, o in out.items() if o == "promoted"])
        self._keystore.unstage_many([s for s, o in out.items() if o == "dropped"])
        return out

    def unfinished_rekeys(self) -> list[str]:
        return self._keystore.staged_subject_ids()

    def key_versions(self) -> tuple[str, dict[str, int]]:
        return self._provider.current_version(), self._keystore.versions_in_use()

    def retire(self, version: str) -> None:
        in_use = self._keystore.versions_in_use().get(version, 0)
        if in_use:
            raise VaultIntegrityError(
                f"KEK version {version} still wraps {in_use} subject "
                "keys; run `piiguard keys rotate` first"
            )
        self._provider.retire(version)

    # -- values -----------------------------------------------------------------------
    def seal(self, ring: KeyRing, batch: Sequence[ToSeal], taxonomy: Taxonomy) -> list[SealedValue]:
        """`taxonomy`: the current snapshot's (company categories included), which says
        which categories are credentials and which are blind-indexed."""
        if not isinstance(ring, _Ring):
            raise TypeError("seal() takes a key ring made by this vault")
        out: list[SealedValue] = []
        urandom, get = os.urandom, taxonomy.get
        for entry in batch:
            cat = get(entry.item.category)
            if cat.credential:
                out.append(SealedValue(None, self._passwords.hash(entry.item.value), None))
                continue
            nonce = urandom(NONCE)
            ct = ring.ciphers[entry.subject_id].encrypt(
                nonce, entry.item.value.encode(), _aad(entry.subject_id, entry.item_id, cat.key)
            )
            token = None if cat.lookup is Lookup.NONE else self._token(cat.lookup, entry.item.value)
            out.append(SealedValue(nonce + ct, None, token))
        return out

    def reveal(self, decision: RecordedDecision, items: Sequence[SealedItem]) -> list[RevealedItem]:
        return self.reveal_many([(decision, items)])[0]

    def reveal_many(
        self, batch: Sequence[tuple[RecordedDecision, Sequence[SealedItem]]]
    ) -> list[list[RevealedItem]]:
        for recorded, items in batch:
            if not self._seal.check(recorded):
                raise Forbidden("this decision was not recorded by the decision ledger")
            d = recorded.decision
            for it in items:
                if not d.covers(it.record.subject_id, it.record.category):
                    raise Forbidden(
                        f"decision {d.id} does not cover item {it.record.id} ({it.record.category})"
                    )
        wanted = [
            it.record.subject_id for _, items in batch for it in items if it.ciphertext is not None
        ]
        ring = self.keyring(wanted) if wanted else _Ring({})
        ciphers, older = ring.ciphers, ring.older
        out: list[list[RevealedItem]] = []
        failed: list[tuple[VaultIntegrityError, IntegrityFailure]] = []
        for recorded, items in batch:
            revealed: list[RevealedItem] = []
            for it in items:
                try:
                    revealed.append(self._open(ciphers, it, older))
                except VaultIntegrityError as exc:
                    rec = it.record
                    failed.append(
                        (
                            exc,
                            IntegrityFailure(
                                rec.id, rec.subject_id, rec.category, recorded.decision
                            ),
                        )
                    )
            out.append(revealed)
        if failed:  # a security event: reported (every item) before the read fails
            self._raise_alarm([f for _, f in failed])
            raise failed[0][0]
        return out

    def _raise_alarm(self, failures: list[IntegrityFailure]) -> None:
        if self.alarm is None:
            return
        try:
            self.alarm(failures)
        except Exception as exc:  # the alarm must not change what the caller is told
            log.error("the vault integrity alarm failed (%s)", type(exc).__name__)  # noqa: TRY400

    @staticmethod
    def _open(
        ciphers: dict[str, AESGCM], it: SealedItem, older: dict[str, AESGCM] | None = None
    ) -> RevealedItem:
        rec = it.record
        if it.ciphertext is None:
            return RevealedItem(rec, None)
        nonce, body = it.ciphertext[:NONCE], it.ciphertext[NONCE:]
        aad = _aad(rec.subject_id, rec.id, rec.category)
        try:
            plain = ciphers[rec.subject_id].decrypt(nonce, body, aad)
        except InvalidTag:
            old = older.get(rec.subject_id) if older else None
            if old is not None and _opens(old, it):  # during a re-keying, not re-sealed yet
                return RevealedItem(rec, old.decrypt(nonce, body, aad).decode())
            raise VaultIntegrityError(
                f"item {rec.id}: the ciphertext does not belong to subject {rec.subject_id} / "
                f"category {rec.category} (copied from another row?) or was altered"
            ) from None
        return RevealedItem(rec, plain.decode())

    # -- hashes -----------------------------------------------------------------------
    def lookup_token(self, cat: Category, value: str) -> str | None:
        if cat.lookup is Lookup.NONE or cat.credential:
            return None
        return self._token(cat.lookup, value)

    def _token(self, lookup: Lookup, value: str) -> str:
        # One index per kind of value: an email is found under any email category.
        msg = lookup.value.encode() + b"\x00" + normalize(lookup, value).encode()
        return hmac.digest(self._index_key, msg, "sha256").hex()

    def keyed_hash(self, value: str) -> str:
        return hmac.digest(self._hash_key, value.encode(), "sha256").hex()

    def verify_credential(self, item: SealedItem, candidate: str) -> bool:
        if item.secret_hash is None:
            return False
        return self._passwords.verify(item.secret_hash, candidate)
