"""Group commit: many callers, one writer thread, one transaction per batch.

A decision that leads to plaintext must be durable before the data is returned (R2.4), and
one commit per decision tops out at 1–2 thousand a second (docs/benchmarks.md). Callers here
hand their request to a single writer thread, which takes everything waiting (up to
`max_batch`), runs it as one batch — one transaction — and only then wakes each caller with
its own answer. Nobody's answer comes before the commit that made it durable, so callers
share a commit without sharing a risk. With nothing waiting, a lone request goes at once:
there is no timer to wait for.

The writer thread starts on the first request (so a CLI command that never decides starts
none) and is started again if the process forked after it began (server workers)."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class GroupCommit(Generic[T, R]):
    def __init__(
        self,
        run: Callable[[list[T]], Sequence[R | Exception]],
        *,
        max_batch: int = 256,
        name: str = "group-commit",
    ) -> None:
        """`run` does a whole batch in one transaction and returns one answer per item, in
        order: a result, or the exception of that item alone. If `run` itself raises (the
        database went away), every caller in the batch gets that exception."""
        self._run = run
        self._max = max_batch
        self._name = name
        self._queue: queue.SimpleQueue[tuple[T, Future[R]] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._closed = False

    def submit(self, item: T) -> Future[R]:
        """Queue `item`; the future resolves after the commit that holds it."""
        if self._closed:
            raise RuntimeError(f"{self._name} is closed")
        self._ensure_writer()
        future: Future[R] = Future()
        self._queue.put((item, future))
        return future

    def __call__(self, item: T) -> R:
        """Submit and wait: for callers on threads (CLI, sync routes, benches)."""
        return self.submit(item).result()

    def close(self, timeout: float = 10.0) -> None:
        """Finish what is queued, then stop the writer."""
        with self._lock:
            self._closed = True
            thread = self._thread
            if thread is None or self._pid != os.getpid():
                return
        self._queue.put(None)
        thread.join(timeout)

    def _ensure_writer(self) -> None:
        thread = self._thread
        if thread is not None and thread.is_alive() and self._pid == os.getpid():
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive() or self._pid != os.getpid():
                self._queue = queue.SimpleQueue()  # a forked child starts with its own
                self._pid = os.getpid()
                self._thread = threading.Thread(target=self._write, name=self._name, daemon=True)
                self._thread.start()

    def _write(self) -> None:
        q = self._queue
        while True:
            first = q.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < self._max:
                try:
                    nxt = q.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stop = True
                    break
                batch.append(nxt)
            # a caller that gave up (cancelled) before we began is not decided for
            batch = [(item, f) for item, f in batch if f.set_running_or_notify_cancel()]
            if batch:
                self._answer(batch)
            if stop:
                return

    def _answer(self, batch: list[tuple[T, Future[R]]]) -> None:
        try:
            answers = self._run([item for item, _ in batch])
        except BaseException as exc:  # every caller must hear of it; the writer goes on
            for _, f in batch:
                f.set_exception(exc)
            return
        if len(answers) != len(batch):
            answers = [
                RuntimeError(f"{self._name}: {len(answers)} answers for {len(batch)}")
            ] * len(batch)
        for (_, f), answer in zip(batch, answers, strict=True):
            if isinstance(answer, Exception):
                f.set_exception(answer)
            else:
                f.set_result(answer)
