"""Reading scanners' reports into vulnerability findings (R5.9): pip-audit's JSON output
(`pip-audit -f json`, both its current {"dependencies": [...]} shape and the older top-level
list) and SARIF 2.1.0 (any tool's, `piiguard scan --format sarif` included). Pure: the text
is parsed here; the use case files the findings (services/incidents/vulns.py).

What is kept: identifiers, rule ids, severities, package names and versions, file paths and
line numbers. What is NOT kept: a SARIF result's message — `piiguard scan` puts the value it
found there (personal data), and other tools may quote secrets — nor a location's snippet;
a SARIF finding's title is its rule's short description instead."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from piiguard.domain.errors import InvalidInput
from piiguard.domain.incidents.vulns import VulnSeverity, check_identifier, severity_of

MAX_FINDINGS = 50_000


@dataclass(frozen=True, slots=True)
class Finding:
    identifier: str
    title: str
    severity: VulnSeverity | None  # None: the report does not say (the import's default)
    cvss: float | None
    component: str
    aliases: frozenset[str]
    locations: int = 1


def _load(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError) as e:
        raise InvalidInput(f"the report is not JSON ({type(e).__name__})", field="report") from e


def _merge(found: dict[str, Finding], f: Finding) -> None:
    """One finding per identifier: a second sighting adds its locations and aliases."""
    old = found.get(f.identifier)
    if old is None:
        found[f.identifier] = f
        return
    worse = old.severity
    if f.severity is not None and (
        worse is None or list(VulnSeverity).index(f.severity) < list(VulnSeverity).index(worse)
    ):
        worse = f.severity
    found[f.identifier] = Finding(
        old.identifier,
        old.title,
        worse,
        max((x for x in (old.cvss, f.cvss) if x is not None), default=None),
        old.component if f.component in old.component else f"{old.component}, {f.component}"[:500],
        old.aliases | f.aliases,
        old.locations + f.locations,
    )


def parse_pip_audit(text: str | bytes) -> list[Finding]:
    doc = _load(text)
    deps = doc.get("dependencies") if isinstance(doc, dict) else doc
    if not isinstance(deps, list):
        raise InvalidInput(
            'not pip-audit JSON: expected {"dependencies": [...]} (pip-audit -f json)',
            field="report",
        )
    found: dict[str, Finding] = {}
    for dep in deps:
        if not isinstance(dep, dict):
            raise InvalidInput("not pip-audit JSON: a dependency is not an object", field="report")
        name, version = str(dep.get("name", "")), str(dep.get("version", ""))
        for v in dep.get("vulns") or []:
            if not isinstance(v, dict) or not v.get("id"):
                raise InvalidInput(
                    "not pip-audit JSON: a vulnerability without an id", field="report"
                )
            ident = check_identifier(str(v["id"]))
            aliases = frozenset(str(a) for a in v.get("aliases") or [] if isinstance(a, str))
            fixes = ", ".join(str(x) for x in v.get("fix_versions") or [])
            title = f"{name} {version}: {ident}" + (f" (fixed in {fixes})" if fixes else "")
            _merge(
                found,
                Finding(ident, title[:300], None, None, f"{name}=={version}", aliases),
            )
        if len(found) > MAX_FINDINGS:
            raise InvalidInput(f"more than {MAX_FINDINGS} findings in one report", field="report")
    return list(found.values())


_LEVELS = {"error": VulnSeverity.HIGH, "warning": VulnSeverity.MEDIUM, "note": VulnSeverity.LOW}


def _rules(run: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    driver = (run.get("tool") or {}).get("driver") or {}
    return {str(r.get("id")): r for r in driver.get("rules") or [] if isinstance(r, dict)}


def _score(result: Mapping[str, Any], rule: Mapping[str, Any]) -> float | None:
    """GitHub's convention: properties["security-severity"], a CVSS-like score."""
    for props in (result.get("properties") or {}, rule.get("properties") or {}):
        raw = props.get("security-severity") if isinstance(props, dict) else None
        if raw is not None:
            try:
                score = float(raw)
            except (TypeError, ValueError):
                continue
            if 0.0 <= score <= 10.0:
                return score
    return None


def _place(result: Mapping[str, Any]) -> str:
    for loc in result.get("locations") or []:
        phys = (loc or {}).get("physicalLocation") or {}
        uri = str((phys.get("artifactLocation") or {}).get("uri", ""))
        if uri:
            return uri[:300]
    return ""


def parse_sarif(text: str | bytes) -> list[Finding]:
    doc = _load(text)
    if not isinstance(doc, dict) or not isinstance(doc.get("runs"), list):
        raise InvalidInput(
            'not SARIF: expected {"version": "2.1.0", "runs": [...]}', field="report"
        )
    found: dict[str, Finding] = {}
    for run in doc["runs"]:
        if not isinstance(run, dict):
            raise InvalidInput("not SARIF: a run is not an object", field="report")
        tool = str(((run.get("tool") or {}).get("driver") or {}).get("name", "tool"))
        rules = _rules(run)
        for result in run.get("results") or []:
            if not isinstance(result, dict):
                raise InvalidInput("not SARIF: a result is not an object", field="report")
            rule_id = str(result.get("ruleId") or (result.get("rule") or {}).get("id") or "")
            if not rule_id:
                raise InvalidInput("not SARIF: a result without a ruleId", field="report")
            rule = rules.get(rule_id, {})
            score = _score(result, rule)
            level = str(result.get("level") or "warning")
            severity = severity_of(score) if score is not None else _LEVELS.get(level)
            if level == "none" and score is None:
                continue  # informational: nothing to repair
            described = (rule.get("shortDescription") or {}).get("text") or rule.get("name")
            title = f"{tool}: {described or rule_id}"
            ident = check_identifier(f"{tool}:{rule_id}".replace(" ", "-"))
            _merge(found, Finding(ident, title[:300], severity, score, _place(result), frozenset()))
            if len(found) > MAX_FINDINGS:
                raise InvalidInput(
                    f"more than {MAX_FINDINGS} findings in one report", field="report"
                )
    return list(found.values())


FORMATS = {"pip-audit": parse_pip_audit, "sarif": parse_sarif}


def parse_report(fmt: str, text: str | bytes) -> list[Finding]:
    parse = FORMATS.get(fmt)
    if parse is None:
        raise InvalidInput(f"a report format is one of {sorted(FORMATS)}", field="format")
    return parse(text)
