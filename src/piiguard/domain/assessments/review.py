"""When an approved assessment is due for review (R10.4; PIPL Art. 55 asks for the
assessment of the processing as it is): the purposes, recipients and systems it covers are
fingerprinted at approval; a later change to any of them — a purpose widened, a recipient
moved abroad, a system re-approved elsewhere — or the review date the approver set having
passed flags it "review due" on the console, the API and the CLI. It still covers exactly
the scope it names (a category or recipient added since is outside it and refused)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from piiguard.domain.assessments.model import Assessment, fingerprint, scope_keys
from piiguard.domain.policy.datamap import System
from piiguard.domain.policy.register import PurposeRegister
from piiguard.domain.sharing.register import Recipient

ABSENT = "absent"


def fingerprints(
    keys: Iterable[str],
    register: PurposeRegister,
    recipients: Mapping[str, Recipient],
    systems: Mapping[str, System],
) -> dict[str, str]:
    """The current fingerprint of each `kind:key` (ABSENT when it is gone)."""
    out: dict[str, str] = {}
    for k in keys:
        kind, _, key = k.partition(":")
        if kind == "purpose" and (p := register.rules.get(key)) is not None:
            out[k] = fingerprint(
                p.legal_basis.value,
                p.categories,
                p.retention_days,
                p.needs_consent,
                p.roles,
                p.active,
            )
        elif kind == "recipient" and (r := recipients.get(key)) is not None:
            out[k] = fingerprint(r.kind.value, r.country, r.status.value, r.systems)
        elif kind == "system" and (s := systems.get(key)) is not None:
            out[k] = fingerprint(s.region, s.status.value, s.cloud_provider or "", s.kind)
        else:
            out[k] = ABSENT
    return out


def changed_since_approval(a: Assessment, current: Mapping[str, str]) -> list[str]:
    """The `kind:key` entries of its scope that changed since it was approved."""
    if not a.in_force:
        return []
    return [k for k in scope_keys(a.scope) if a.fingerprints.get(k) != current.get(k, ABSENT)]
