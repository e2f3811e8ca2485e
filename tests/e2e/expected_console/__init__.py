"""Who may call each console page of a register (issue 13), written out apart from the
rules (web/rules/<area>.py) as tests/e2e/test_authz.py's EXPECTED is for the API: one
module per console area, `ROWS` from (method, path template) to the roles let in. Add the
rows of a new page here, in its area's module; test_authz.py checks them against the rules
and calls every route as every role."""

from __future__ import annotations

from tests.e2e.expected_console import (
    assessments,
    backups,
    confirmations,
    custody,
    datamap,
    incidents,
    oversight,
    people,
    policy,
    records,
    registers,
    retention,
    sharing,
    team,
)

ROWS: dict[tuple[str, str], frozenset[str]] = {
    **datamap.ROWS,
    **registers.ROWS,
    **people.ROWS,
    **oversight.ROWS,
    **team.ROWS,
    **retention.ROWS,
    **confirmations.ROWS,
    **custody.ROWS,
    **backups.ROWS,
    **incidents.ROWS,
    **policy.ROWS,
    **sharing.ROWS,
    **records.ROWS,
    **assessments.ROWS,
}
