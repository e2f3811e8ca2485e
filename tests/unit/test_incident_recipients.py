"""To whom an incident's reporting clock reports, in the page's language (R5.8, probe): the
seeded obligations name China's recipients "中文 (English)" and the EU's in English; the
Chinese page showed both, or English only."""

from __future__ import annotations

import pytest

from piiguard.web.console.incidents.texts import recipient_in


@pytest.mark.req("R5.8")
def test_an_obligations_recipient_in_the_pages_language() -> None:
    both = "属地省级网信部门 (the provincial cyberspace administration)"
    assert recipient_in("zh-CN", both) == "属地省级网信部门"
    assert recipient_in("en", both) == "the provincial cyberspace administration"
    assert recipient_in("zh-CN", "the people affected") == "受影响的个人"
    assert recipient_in("en", "the people affected") == "the people affected"
    assert recipient_in("zh-CN", "Foshan PSB") == "Foshan PSB"  # typed by staff: as recorded
