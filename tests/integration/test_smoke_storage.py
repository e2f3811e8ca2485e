from __future__ import annotations

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.services.subjects.read import read_subject_data
from tests.builders import register


@pytest.mark.req("R2.2")
def test_subject_round_trip_on_each_backend(container: Container) -> None:
    r = register(container)
    decision, items = read_subject_data(
        container.uow(),
        container.vault,
        container.clock,
        OPERATOR,
        container.snapshots,
        r.subject.id,
        "after_sales",
    )
    assert decision.decision.outcome == "allowed"
    assert sorted(i.value or "" for i in items) == sorted(
        ["li.lei@example.cn", "13812345678", "李雷"]
    )
