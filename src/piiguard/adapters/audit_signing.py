"""Checkpoint signatures for the audit trail: an Ed25519 key held apart from the database
(a file of its own, mode 0600), and a witness file outside the database that keeps every
checkpoint, so deleting checkpoints or truncating the trail in the database shows."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from piiguard.adapters.secret_file import write_secret
from piiguard.domain.audit import Checkpoint


def ensure_signing_key(path: Path) -> bool:
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # whole file or nothing, and only one of two processes starting at once creates it
    return write_secret(path, pem, replace=False)


class Ed25519CheckpointSigner:
    def __init__(self, key_path: Path, witness_path: Path) -> None:
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise TypeError(f"{key_path} does not hold an Ed25519 private key")
        self._key = key
        self._public = key.public_key()
        raw = self._public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.key_id = hashlib.sha256(raw).hexdigest()[:16]
        self._witness = witness_path

    def sign(self, message: bytes) -> str:
        return self._key.sign(message).hex()

    def verify_message(self, message: bytes, signature: str) -> bool:
        """Whether `signature` (hex) is this key's over `message` (the evidence report's
        signature line, R10.2)."""
        try:
            self._public.verify(bytes.fromhex(signature), message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def verify(self, checkpoint: Checkpoint) -> bool:
        if checkpoint.key_id != self.key_id:
            return False
        try:
            self._public.verify(bytes.fromhex(checkpoint.signature), checkpoint.message())
        except (InvalidSignature, ValueError):
            return False
        return True

    def keep_witness(self, checkpoint: Checkpoint) -> None:
        self._witness.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(
            {
                "first_seq": checkpoint.first_seq,
                "last_seq": checkpoint.last_seq,
                "head_hash": checkpoint.head_hash,
                "merkle_root": checkpoint.merkle_root,
                "at_us": checkpoint.at_us,
                "key_id": checkpoint.key_id,
                "signature": checkpoint.signature,
            },
            sort_keys=True,
        )
        fd = os.open(self._witness, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a") as fh:
            fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def witness(self) -> Checkpoint | None:
        if not self._witness.exists():
            return None
        newest: Checkpoint | None = None
        with self._witness.open() as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    cp = Checkpoint(
                        d["first_seq"],
                        d["last_seq"],
                        d["head_hash"],
                        d["merkle_root"],
                        d["at_us"],
                        d["key_id"],
                        d["signature"],
                    )
                    if newest is None or cp.last_seq > newest.last_seq:
                        newest = cp
        return newest
