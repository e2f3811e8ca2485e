"""The rules custody decides by (R5.2, R5.4, R5.6), pure: where a printout or a medium may
come from (a designated system in the data map, approved — and for a cloud system its
provider approved too — holding the categories it carries), what an API key may register
(its scope's categories), encryption required for sensitive categories on removable media,
and the second person of four eyes. Each refusal is a `Reason` (a stable code and a
sentence in English and Chinese), raised by `refuse` as the error naming the field."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from piiguard.domain.decisions import Actor, Reason
from piiguard.domain.errors import Forbidden, FourEyes, InvalidInput
from piiguard.domain.policy.datamap import System
from piiguard.domain.taxonomy import Taxonomy


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: Reason
    field: str


def _refusal(code: str, en: str, zh: str, field: str, cats: Iterable[str] = ()) -> Refusal:
    return Refusal(Reason(code, en, zh, tuple(sorted(cats))), field)


def source_refusals(
    systems: Mapping[str, System], taxonomy: Taxonomy, key: str, categories: frozenset[str]
) -> list[Refusal]:
    """R5.6: personal data only from (and so only in) designated, approved systems; the
    categories carried must be ones the data map says the system holds."""
    system = systems.get(key)
    if system is None:
        return [
            _refusal(
                "system_not_in_data_map",
                f"System '{key}' is not in the data map: register it there first.",
                f"系统“{key}”不在数据地图中：请先登记。",
                "system",
            )
        ]
    if not system.usable:
        return [
            _refusal(
                "system_not_approved",
                f"System '{key}' is not an approved designated system "
                "(or its cloud provider is not approved).",
                f"系统“{key}”不是经批准的指定系统（或其云服务商未获批准）。",
                "system",
            )
        ]
    if system.categories:
        outside = {
            c
            for c in categories
            if not any(taxonomy.is_within(c, held) for held in system.categories)
        }
        if outside:
            return [
                _refusal(
                    "category_not_held_by_system",
                    f"The data map does not record these categories in system '{key}': "
                    f"{', '.join(sorted(outside))}.",
                    f"数据地图未记载系统“{key}”保存这些类别：{'、'.join(sorted(outside))}。",
                    "categories",
                    outside,
                )
            ]
    return []


def scope_refusals(actor: Actor, taxonomy: Taxonomy, categories: frozenset[str]) -> list[Refusal]:
    """A system's API key registers only what its scope covers (as the decision point's
    `within_actor_scope`: a category covers its subtree)."""
    scope = actor.scope
    if scope is None or scope.categories is None:
        return []
    outside = {c for c in categories if not any(taxonomy.is_within(c, a) for a in scope.categories)}
    if not outside:
        return []
    return [
        _refusal(
            "category_outside_actor_scope",
            f"These categories are outside this API key's scope: {', '.join(sorted(outside))}.",
            f"这些数据类别超出此 API 密钥的授权范围：{'、'.join(sorted(outside))}。",
            "categories",
            outside,
        )
    ]


def encryption_refusals(
    taxonomy: Taxonomy, categories: frozenset[str], encrypted: bool, encryption: str
) -> list[Refusal]:
    """R5.4 with R5.5: a removable medium holding a sensitive category is encrypted, and
    says how."""
    sensitive = {c for c in categories if c in taxonomy and taxonomy.get(c).sensitive}
    if not sensitive:
        return []
    if not encrypted:
        return [
            _refusal(
                "sensitive_media_unencrypted",
                "A removable medium holding sensitive categories must be encrypted: "
                f"{', '.join(sorted(sensitive))}.",
                f"存有敏感个人信息的移动介质必须加密：{'、'.join(sorted(sensitive))}。",
                "encrypted",
                sensitive,
            )
        ]
    if not encryption.strip():
        return [
            _refusal(
                "encryption_not_named",
                "Name how the medium is encrypted (e.g. LUKS2 AES-256, BitLocker XTS-AES-256).",
                "请注明介质的加密方式（如 LUKS2 AES-256、BitLocker XTS-AES-256）。",
                "encryption",
            )
        ]
    return []


def refuse(refusals: list[Refusal]) -> None:
    """The first refusal as the error naming its field (nothing is written)."""
    if refusals:
        r = refusals[0]
        raise InvalidInput(r.reason.en, field=r.field)


def check_witness(actor: Actor, done_by: str, witness: str) -> None:
    """Four eyes: the witness is a second person — not whoever destroyed it."""
    if witness in (actor.id, actor.ref) or witness == done_by.split(":", 1)[-1]:
        raise FourEyes(
            "the witness must be a second person, not the one who destroyed it: four eyes",
            field="witness",
        )


def confirm_as_witness(actor: Actor, done_by: str, witness: str) -> None:
    """Only the named witness confirms, with their own account, and never the destroyer."""
    if actor.ref == done_by:
        raise FourEyes("whoever destroyed it cannot witness it too: four eyes", field="witness")
    if actor.id != witness or not actor.ref.startswith("staff:"):
        raise Forbidden(
            "only the named witness confirms, signed in with their own staff account",
            field="witness",
        )
