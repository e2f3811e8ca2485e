"""The lead's second round of hand probes (issue 18, docs/scanner.md "Hand probes closed
(scprobe2)"): each miss or false hit closed as a family of real-world writings, beside the
look-alikes it must leave alone, with and without the compiled module."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector

pytestmark = pytest.mark.req("R2.7")


@pytest.fixture(scope="module", params=[True, False], ids=["native", "python"])
def detector(request: pytest.FixtureRequest) -> Detector:
    return Detector(native=request.param)


def _names(detector: Detector, text: str) -> list[str]:
    return [h.value for h in detector.scan(text) if h.type == "person_name"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a family or role word that ends in a surname character: the name begins after it
        ("客户老公梁先生下午在家", ["梁"]),
        ("她老公陈先生说好的", ["陈"]),
        ("联系她爱人王先生", ["王"]),
        ("外公林先生来电", ["林"]),
        ("部门主管何女士已确认", ["何"]),
        ("找到主任王先生", ["王"]),
        ("房东陈先生来电", ["陈"]),
        ("客户老公孙先生", ["孙"]),
        ("主管何伟先生已到场", ["何伟"]),
        ("客户老公梁志强先生", ["梁志强"]),
        # unchanged: a surname after a word that takes a person, a name before a title
        ("已和张总确认", ["张"]),
        ("请于张伟先生到场后签字", ["张伟"]),
        # a surname character inside a word before a title stays no name
        ("维修师傅下午上门", []),
        ("老公说明天再来", []),
    ],
)
def test_no_name_begins_inside_a_family_or_role_word(
    detector: Detector, text: str, names: list[str]
) -> None:
    assert _names(detector, text) == names


