"""The evidence report as one self-contained HTML file (R10.2): styles inline, no script,
every value escaped; adapters/templates/evidence_report.html."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from piiguard.adapters.accountability.words import BUILT, STATES, TEXT
from piiguard.domain.evidence.report import Report

_ENV = Environment(
    loader=PackageLoader("piiguard.adapters", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,
)
_PAGE = _ENV.get_template("evidence_report.html")


def report_html(r: Report) -> bytes:
    return _PAGE.render(
        r=r,
        c=r.counts,
        t=TEXT,
        states=STATES,
        built=BUILT,
        live_names={i.key.value: f"{i.zh} / {i.en}" for i in r.live},
    ).encode("utf-8")
