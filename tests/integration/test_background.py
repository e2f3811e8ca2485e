"""The background work of a process (bootstrap/jobs.py, R9.2): every periodic job in REGISTRY
runs through one `Background`, in `serve` and in `piiguard worker` alike — each in a thread of
its own with a first pass at once — and a job that fails neither stops the others nor its
own next pass. Both backends."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest

from piiguard.bootstrap import Container
from piiguard.bootstrap.jobs import REGISTRY, Background, PeriodicJob, Report


@dataclass
class Done:
    errors: int = 0

    def summary(self) -> str:
        return "done"


def _hourly(name: str, run: object) -> PeriodicJob:
    return PeriodicJob(name, lambda s: 3600.0, run)  # type: ignore[arg-type]


@pytest.mark.req("R9.2")
def test_the_request_jobs_are_registered_with_their_setting(c: Container) -> None:
    [job] = [j for j in REGISTRY if j.name == "request-jobs"]
    assert job.seconds(c.settings) == c.settings.scheduler_seconds
    report = job.run(c)  # nothing due: a pass that does nothing, and says so
    assert report.errors == 0
    assert report.summary() == (
        "notices 0, webhook deliveries 0, replies 0, requests carried "
        "out 0, unconfirmed requests closed 0, failed jobs 0"
    )


@pytest.mark.req("R9.2")
def test_one_pass_runs_every_job_and_a_failing_one_does_not_stop_the_next(c: Container) -> None:
    ran: list[str] = []

    def broken(c: Container) -> Report:
        raise RuntimeError("could not mail zhang.san@example.cn")

    def fine(c: Container) -> Report:
        ran.append("fine")
        return Done()

    bg = Background(
        c, jobs=False, inbox=False, registry=(_hourly("broken", broken), _hourly("fine", fine))
    )
    reports = bg.run_once()
    assert list(reports) == ["broken", "fine"] and ran == ["fine"]
    assert reports["broken"].errors == 1
    # the failure is named by its type; its message may quote personal data
    assert "RuntimeError" in reports["broken"].summary()
    assert "zhang.san" not in reports["broken"].summary()
    assert bg.last == reports


@pytest.mark.req("R9.2")
def test_each_job_runs_in_a_thread_of_its_own_with_a_first_pass_at_once(c: Container) -> None:
    passes = {"first": threading.Event(), "second": threading.Event()}
    calls: list[str] = []

    def job(name: str) -> PeriodicJob:
        def run(c: Container) -> Report:
            calls.append(name)
            passes[name].set()
            if name == "first":
                raise OSError("the database is away")  # the loop goes on all the same
            return Done()

        return _hourly(name, run)

    bg = Background(c, inbox=False, registry=(job("first"), job("second")))
    assert bg.describe() == "first every 3600 s, second every 3600 s"
    bg.start()
    try:
        assert all(e.wait(20) for e in passes.values())
    finally:
        bg.stop()
    assert sorted(calls) == ["first", "second"]  # one pass each: the next is an hour away
    assert bg.last["first"].errors == 1 and bg.last["second"].errors == 0
