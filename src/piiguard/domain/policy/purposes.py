"""The policy's declared purposes (§2, R2.3), as the seed of the purpose register.

The register proper (versions, categories per purpose, retention, consent flags) arrives
with the purpose-limitation work; here the keys and their wording are the vocabulary the
decision record and the audit trail use.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Purpose:
    key: str
    en: str
    zh: str


POLICY_PURPOSES: tuple[Purpose, ...] = (
    Purpose("order_fulfilment", "Fulfil a purchase order or a contract", "履行采购订单或合同"),
    Purpose(
        "business_negotiation",
        "Contact and communicate during business negotiation",
        "在商务洽谈中与您联系和沟通",
    ),
    Purpose(
        "requested_services",
        "Provide the services, products or functions requested",
        "提供您所要求的服务、产品或功能",
    ),
    Purpose("after_sales", "Provide after-sales service", "提供售后服务"),
    Purpose(
        "consultation_recommendation",
        "Consultation, recommendation and customer service",
        "为您提供咨询、推荐及其他客户服务",
    ),
    Purpose("important_notices", "Send important notices", "向您发送重要通知"),
    Purpose(
        "legal_compliance",
        "Comply with and enforce applicable legal requirements",
        "遵守并执行适用的法律要求",
    ),
    Purpose(
        "service_improvement",
        "Other purposes useful to provide good services",
        "为向您提供良好服务的其他用途",
    ),
)

PURPOSE_KEYS: frozenset[str] = frozenset(p.key for p in POLICY_PURPOSES)
