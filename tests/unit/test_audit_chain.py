"""The audit trail's arithmetic (R2.10, R5.1), on in-memory tuples: the hash chain, RFC 6962
Merkle roots, signed checkpoints, and a verifier that names the first bad entry for every
way of tampering — modified, deleted, inserted, reordered, truncated."""

from __future__ import annotations

import hashlib
import hmac
import itertools
from dataclasses import astuple, replace

import pytest

from piiguard.domain.audit import (
    GENESIS,
    AuditEntry,
    AuditEvent,
    Checkpoint,
    RowTuple,
    canonical_details,
    chain,
    entry_digest,
    merkle_root,
    verify,
)
from piiguard.domain.errors import InvalidInput

AT = 1_750_000_000_000_000


class MemorySigner:
    """An in-memory checkpoint signer: HMAC under a key only it holds, and a witness list
    standing in for the file kept outside the database."""

    def __init__(self, key: bytes = b"k" * 32, key_id: str = "mem-1") -> None:
        self._key = key
        self.key_id = key_id
        self.witnessed: list[Checkpoint] = []

    def sign(self, message: bytes) -> str:
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def verify(self, checkpoint: Checkpoint) -> bool:
        return checkpoint.key_id == self.key_id and hmac.compare_digest(
            self.sign(checkpoint.message()), checkpoint.signature
        )

    def checkpoint(self, entries: list[AuditEntry], first: int, last: int) -> Checkpoint:
        """What services.audit.record_checkpoint signs, for entries[first-1:last]."""
        root = merkle_root([e.entry_hash for e in entries[first - 1 : last]])
        unsigned = Checkpoint(first, last, entries[last - 1].entry_hash, root, AT, self.key_id, "")
        cp = replace(unsigned, signature=self.sign(unsigned.message()))
        self.witnessed.append(cp)
        return cp

    def witness(self) -> Checkpoint | None:
        return max(self.witnessed, key=lambda c: c.last_seq) if self.witnessed else None


def events(n: int, start: int = 1) -> list[AuditEvent]:
    return [
        AuditEvent(
            "item.read",
            "staff",
            f"staff-{i % 3}",
            "subject",
            f"s-{i}",
            f"s-{i}",
            "after_sales",
            f"d-{i}",
            {"n": i, "items": [f"i-{i}"]},
        )
        for i in range(start, start + n)
    ]


def rows(entries: list[AuditEntry]) -> list[RowTuple]:
    return [astuple(e) for e in entries]  # type: ignore[misc]


def rechain(rs: list[RowTuple], from_index: int) -> list[RowTuple]:
    """What an attacker who knows the (public) hash function does: recompute every hash
    from `from_index` on, so the chain itself looks intact."""
    out = list(rs[:from_index])
    prev = out[-1][12] if out else GENESIS
    for r in rs[from_index:]:
        seq, at_us, kind, actor, action, ttype, tid, subj, purpose, dec, details = r[:11]
        h = entry_digest(
            seq, at_us, kind, actor, action, ttype, tid, subj, purpose, dec, details, prev
        )
        out.append(
            (seq, at_us, kind, actor, action, ttype, tid, subj, purpose, dec, details, prev, h)
        )
        prev = h
    return out


def with_seq(r: RowTuple, seq: int) -> RowTuple:
    return (seq, *r[1:])  # type: ignore[return-value]


def with_field(r: RowTuple, index: int, value: object) -> RowTuple:
    out = list(r)
    out[index] = value
    return tuple(out)  # type: ignore[return-value]


N = 12


@pytest.fixture
def trail() -> tuple[list[AuditEntry], list[Checkpoint], MemorySigner]:
    """12 entries, checkpoints over 1–5 and 6–10, entries 11–12 not yet checkpointed."""
    signer = MemorySigner()
    entries = chain(events(N), head_seq=0, head_hash=GENESIS, at_us=AT)
    cps = [signer.checkpoint(entries, 1, 5), signer.checkpoint(entries, 6, 10)]
    return entries, cps, signer


# -- the chain ----------------------------------------------------------------------------
@pytest.mark.req("R2.10")
def test_chain_links_each_entry_to_the_previous_one() -> None:
    entries = chain(events(4), head_seq=0, head_hash=GENESIS, at_us=AT)
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert entries[0].prev_hash == GENESIS
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.entry_hash
    for e in entries:
        assert e.entry_hash == entry_digest(
            e.seq,
            e.at_us,
            e.actor_kind,
            e.actor_id,
            e.action,
            e.target_type,
            e.target_id,
            e.subject_id,
            e.purpose,
            e.decision_id,
            e.details,
            e.prev_hash,
        )
    assert len({e.entry_hash for e in entries}) == 4


@pytest.mark.req("R2.10")
def test_chain_continues_after_the_head_exactly_as_one_batch_would() -> None:
    whole = chain(events(6), head_seq=0, head_hash=GENESIS, at_us=AT)
    first = chain(events(3), head_seq=0, head_hash=GENESIS, at_us=AT)
    rest = chain(events(3, start=4), head_seq=3, head_hash=first[-1].entry_hash, at_us=AT)
    assert first + rest == whole


@pytest.mark.req("R2.10")
def test_details_are_canonical_json() -> None:
    assert canonical_details({"b": 1, "a": ["x"], "c": None}) == '{"a":["x"],"b":1,"c":null}'
    [e] = chain(
        [AuditEvent("x", "staff", "s", details={"z": "中", "a": True})],
        head_seq=0,
        head_hash=GENESIS,
        at_us=AT,
    )
    assert e.details == '{"a":true,"z":"\\u4e2d"}'


@pytest.mark.req("R2.10")
@pytest.mark.parametrize(
    "name",
    [
        "action",
        "actor_kind",
        "actor_id",
        "target_type",
        "target_id",
        "subject_id",
        "purpose",
        "decision_id",
    ],
)
def test_a_field_holding_the_separator_is_refused(name: str) -> None:
    """Otherwise ("a\\x1eb", "c") and ("a", "b\\x1ec") would hash alike."""
    event = replace(AuditEvent("x", "staff", "s"), **{name: "a\x1eb"})
    with pytest.raises(InvalidInput, match=name):
        chain([event], head_seq=0, head_hash=GENESIS, at_us=AT)


# -- Merkle roots -------------------------------------------------------------------------
def rfc6962_root(leaves: list[bytes]) -> bytes:
    """RFC 6962 §2.1 MTH, written from the RFC: split at the largest power of two < n."""
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + leaves[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + rfc6962_root(leaves[:k]) + rfc6962_root(leaves[k:])).digest()


@pytest.mark.req("R5.1")
def test_merkle_root_is_rfc6962_for_every_size_up_to_33() -> None:
    hashes = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(33)]
    for n in range(34):
        expected = rfc6962_root([bytes.fromhex(h) for h in hashes[:n]]).hex()
        assert merkle_root(hashes[:n]) == expected, n


@pytest.mark.req("R5.1")
def test_merkle_root_changes_with_any_leaf_or_the_order() -> None:
    hashes = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(7)]
    root = merkle_root(hashes)
    for i in range(7):
        changed = list(hashes)
        changed[i] = hashlib.sha256(b"forged").hexdigest()
        assert merkle_root(changed) != root, i
    assert merkle_root([hashes[1], hashes[0], *hashes[2:]]) != root
    assert merkle_root(hashes[:-1]) != root


# -- verify: intact -----------------------------------------------------------------------
@pytest.mark.req("R2.10")
def test_an_intact_trail_verifies(
    trail: tuple[list[AuditEntry], list[Checkpoint], MemorySigner],
) -> None:
    entries, cps, signer = trail
    report = verify(rows(entries), cps, signer.verify, signer.witness())
    assert report.ok and report.first is None
    assert (report.entries, report.checkpoints) == (N, 2)


@pytest.mark.req("R2.10")
def test_an_empty_trail_verifies() -> None:
    report = verify([], [], MemorySigner().verify, None)
    assert report.ok and report.entries == 0


@pytest.mark.req("R2.10")
def test_a_checkpoint_over_the_whole_trail_verifies() -> None:
    signer = MemorySigner()
    entries = chain(events(7), head_seq=0, head_hash=GENESIS, at_us=AT)
    cps = [signer.checkpoint(entries, 1, 7)]
    assert verify(rows(entries), cps, signer.verify, signer.witness()).ok


# -- verify: every tamper case ------------------------------------------------------------
Trail = tuple[list[AuditEntry], list[Checkpoint], MemorySigner]

FIELDS = {
    "at_us": (1, AT + 1),
    "actor_kind": (2, "system"),
    "actor_id": (3, "mallory"),
    "action": (4, "item.create"),
    "target_type": (5, "item"),
    "target_id": (6, "x"),
    "subject_id": (7, "s-other"),
    "purpose": (8, "legal_compliance"),
    "decision_id": (9, "d-forged"),
    "details": (10, '{"n":0}'),
    "entry_hash": (12, "f" * 64),
}


@pytest.mark.req("R2.10")
@pytest.mark.parametrize("name", sorted(FIELDS))
@pytest.mark.parametrize("seq", [1, 5, 7, 11, N])
def test_a_modified_field_names_its_entry(trail: Trail, name: str, seq: int) -> None:
    entries, cps, signer = trail
    index, value = FIELDS[name]
    rs = rows(entries)
    rs[seq - 1] = with_field(rs[seq - 1], index, value)
    report = verify(rs, cps, signer.verify, signer.witness())
    assert not report.ok
    assert report.first is not None
    assert report.first.seq == seq
    assert "modified" in report.first.what


@pytest.mark.req("R2.10")
def test_a_modified_prev_hash_names_its_entry(trail: Trail) -> None:
    entries, cps, signer = trail
    rs = rows(entries)
    rs[6] = with_field(rs[6], 11, "e" * 64)
    report = verify(rs, cps, signer.verify, signer.witness())
    assert report.first is not None and report.first.seq == 7


@pytest.mark.req("R2.10")
@pytest.mark.parametrize("seq", [1, 4, 6, 11])
def test_a_deleted_entry_is_named(trail: Trail, seq: int) -> None:
    entries, cps, signer = trail
    rs = rows(entries)
    del rs[seq - 1]
    report = verify(rs, cps, signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == seq
    assert "missing" in report.first.what


@pytest.mark.req("R2.10")
@pytest.mark.parametrize("seq", [1, 4, 6, 11])
def test_a_deleted_entry_with_the_rest_renumbered_is_named(trail: Trail, seq: int) -> None:
    entries, cps, signer = trail
    rs = rows(entries)
    del rs[seq - 1]
    rs = [with_seq(r, i) for i, r in enumerate(rs, start=1)]
    report = verify(rs, cps, signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == seq
    assert "does not follow" in report.first.what


@pytest.mark.req("R2.10")
@pytest.mark.parametrize("seq", [1, 4, 11])
def test_a_forged_entry_inserted_and_renumbered_is_named(trail: Trail, seq: int) -> None:
    entries, cps, signer = trail
    rs = rows(entries)
    prev = rs[seq - 2][12] if seq > 1 else GENESIS
    forged = with_field(with_field(rs[seq - 1], 10, '{"forged":true}'), 11, prev)
    rs.insert(seq - 1, forged)
    rs = [with_seq(r, i) for i, r in enumerate(rs, start=1)]
    report = verify(rs, cps, signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == seq  # its hash does not match its fields
    assert "modified" in report.first.what


@pytest.mark.req("R2.10")
def test_a_well_hashed_forged_entry_breaks_the_chain_at_the_next_entry(trail: Trail) -> None:
    """An attacker can compute a valid hash for the forged entry itself; the entry after it
    then no longer follows, and that is the first point the chain proves wrong."""
    entries, cps, signer = trail
    rs = rows(entries)
    forged_fields = (
        "staff",
        "mallory",
        "item.read",
        "subject",
        "s-x",
        "s-x",
        "after_sales",
        "d-x",
        "{}",
    )
    h = entry_digest(4, AT, *forged_fields, rs[2][12])
    rs.insert(3, (4, AT, *forged_fields, rs[2][12], h))
    rs = [with_seq(r, i) for i, r in enumerate(rs, start=1)]
    report = verify(rs, cps, signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == 5
    assert "does not follow" in report.first.what


@pytest.mark.req("R2.10")
def test_a_forged_entry_appended_after_the_head_is_named(trail: Trail) -> None:
    entries, cps, signer = trail
    rs = rows(entries)
    rs.append(with_field(with_seq(rs[-1], N + 1), 10, '{"forged":true}'))
    report = verify(rs, cps, signer.verify, signer.witness())
    assert report.first is not None and report.first.seq == N + 1


@pytest.mark.req("R2.10")
@pytest.mark.parametrize(("a", "b"), [(4, 5), (4, 7), (1, N), (11, 12)])
def test_two_entries_swapped_keeping_their_seq_are_named(trail: Trail, a: int, b: int) -> None:
    entries, cps, signer = trail
    rs = rows(entries)
    ra, rb = rs[a - 1], rs[b - 1]
    rs[a - 1], rs[b - 1] = with_seq(rb, a), with_seq(ra, b)
    report = verify(rs, cps, signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == a
    assert "does not follow" in report.first.what


@pytest.mark.req("R2.10")
def test_a_rechained_rewrite_inside_a_checkpoint_is_caught_by_the_checkpoint(trail: Trail) -> None:
    """Rewriting entry 7 and recomputing every later hash fools the chain, not the signed
    head hash and Merkle root of the checkpoint over 6–10."""
    entries, cps, signer = trail
    rs = rows(entries)
    rs[6] = with_field(rs[6], 3, "mallory")
    rs = rechain(rs, 6)
    report = verify(rs, cps, signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == 10
    assert "checkpoint at entry 10 does not match" in report.first.what


@pytest.mark.req("R2.10")
def test_a_rewritten_trail_with_recomputed_checkpoints_fails_the_signatures(trail: Trail) -> None:
    """Rewrite entry 2, recompute every hash and every checkpoint's head and root: the
    arithmetic holds, but nobody without the signing key can sign the new checkpoints."""
    entries, cps, signer = trail
    rs = rechain([with_field(r, 3, "mallory") if r[0] == 2 else r for r in rows(entries)], 1)
    hashes = [r[12] for r in rs]
    cps = [
        replace(
            cp,
            head_hash=hashes[cp.last_seq - 1],
            merkle_root=merkle_root(hashes[cp.first_seq - 1 : cp.last_seq]),
        )
        for cp in cps
    ]
    report = verify(rs, cps, signer.verify, signer.witness())
    assert [p.seq for p in report.problems] == [5, 10]
    assert all("bad signature" in p.what for p in report.problems)


@pytest.mark.req("R2.10")
def test_a_forged_checkpoint_signature_is_reported(trail: Trail) -> None:
    entries, cps, signer = trail
    cps = [cps[0], replace(cps[1], signature="0" * 64)]
    report = verify(rows(entries), cps, signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == 10
    assert "bad signature" in report.first.what


@pytest.mark.req("R2.10")
def test_a_checkpoint_signed_by_another_key_is_reported(trail: Trail) -> None:
    entries, cps, signer = trail
    other = MemorySigner(key=b"o" * 32, key_id="mem-1")
    forged = other.checkpoint(entries, 1, 5)
    report = verify(rows(entries), [forged, cps[1]], signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == 5
    assert "bad signature" in report.first.what


@pytest.mark.req("R2.10")
@pytest.mark.parametrize("keep", [7, 9])
def test_truncation_into_a_checkpointed_batch_is_named(trail: Trail, keep: int) -> None:
    entries, cps, signer = trail
    report = verify(rows(entries)[:keep], cps, signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == keep + 1
    assert "truncated" in report.first.what


@pytest.mark.req("R2.10")
def test_truncation_with_its_checkpoint_deleted_is_caught_by_the_witness(trail: Trail) -> None:
    entries, cps, signer = trail
    report = verify(rows(entries)[:7], cps[:1], signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == 8
    assert "kept outside the database is missing" in report.first.what


@pytest.mark.req("R2.10")
def test_a_deleted_last_checkpoint_is_caught_by_the_witness(trail: Trail) -> None:
    entries, cps, signer = trail
    report = verify(rows(entries), cps[:1], signer.verify, signer.witness())
    assert report.first is not None
    assert report.first.seq == 10
    assert "kept outside the database is missing" in report.first.what


@pytest.mark.req("R2.10")
def test_every_checkpoint_deleted_is_caught_by_the_witness(trail: Trail) -> None:
    entries, _, signer = trail
    report = verify(rows(entries), [], signer.verify, signer.witness())
    assert not report.ok and report.first is not None and report.first.seq == 10


@pytest.mark.req("R2.10")
def test_a_checkpoint_replaced_by_another_signed_one_is_caught_by_the_witness(trail: Trail) -> None:
    """Even a validly signed checkpoint (say, made again later over the same entries) is not
    the one the witness kept."""
    entries, cps, signer = trail
    witness = signer.witness()
    redone = replace(cps[1], at_us=AT + 1)
    redone = replace(redone, signature=signer.sign(redone.message()))
    report = verify(rows(entries), [cps[0], redone], signer.verify, witness)
    assert report.first is not None and report.first.seq == 10
    assert "kept outside the database is missing" in report.first.what


@pytest.mark.req("R2.10")
def test_the_chain_head_matches_an_intact_trail(trail: Trail) -> None:
    entries, cps, signer = trail
    assert verify(rows(entries), cps, signer.verify, signer.witness(), head_seq=N).ok


@pytest.mark.req("R2.10")
@pytest.mark.parametrize("keep", [10, 11])
def test_a_tail_cut_after_the_last_checkpoint_is_caught_by_the_chain_head(
    trail: Trail, keep: int
) -> None:
    entries, cps, signer = trail
    assert verify(rows(entries)[:keep], cps, signer.verify, signer.witness()).ok  # without
    report = verify(rows(entries)[:keep], cps, signer.verify, signer.witness(), head_seq=N)
    assert report.first is not None
    assert report.first.seq == keep + 1
    assert f"chain head records {N} entries" in report.first.what


# -- exposes a bug in src/ (reported; not committed until fixed) ---------------------------
@pytest.mark.req("R2.10")
def test_a_well_hashed_entry_appended_beyond_the_chain_head_is_reported(trail: Trail) -> None:
    """Entries the appenders never wrote: the head (kept by every append) says 12."""
    entries, cps, signer = trail
    forged = chain(
        [AuditEvent("subject.erase", "staff", "mallory")],
        head_seq=N,
        head_hash=entries[-1].entry_hash,
        at_us=AT,
    )
    report = verify(rows(entries + forged), cps, signer.verify, signer.witness(), head_seq=N)
    assert report.first is not None
    assert report.first.seq == N + 1
