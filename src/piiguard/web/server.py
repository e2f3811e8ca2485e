"""Serving the app: one process, or several sharing the port (`piiguard serve --workers N`).

Why not `uvicorn --workers`: uvicorn 0.54 hands its worker processes a socket whose protocol
field is 0, so asyncio does not set TCP_NODELAY on the connections they accept and every
keep-alive request waits ~40 ms for a delayed ACK (uvicorn issue #3149; measured 22 req/s on
one connection instead of ~1,000). Here each worker binds its own socket, made as
IPPROTO_TCP, with SO_REUSEPORT so the kernel spreads connections over the workers; each
worker builds its own container after the fork (no database connection crosses a fork).

HTTP access logs are off unless asked for: the audit trail is the record of who read what,
and access-log lines (paths with subject ids) would live outside its protection."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import socket
import sys
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING

from fastapi import FastAPI

if TYPE_CHECKING:
    import uvicorn


def make_socket(host: str, port: int, *, reuse_port: bool, listen: bool = True) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    if listen:
        sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _server(config: uvicorn.Config, *, worker: bool) -> uvicorn.Server:
    import uvicorn  # noqa: PLC0415 - the web stack is imported only by the server

    if not worker:
        return uvicorn.Server(config)

    class WorkerServer(uvicorn.Server):
        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            # Ctrl-C reaches every process of the terminal's group, and the parent passes it
            # on as SIGTERM, once (serve's stop). Taken here as well it would be a second
            # signal, and uvicorn would skip the app's shutdown and its checkpoint.
            if sig != signal.SIGINT:
                super().handle_exit(sig, frame)

    return WorkerServer(config)


def _run(app: FastAPI, sock: socket.socket, *, access_log: bool, worker: bool = False) -> None:
    import uvicorn  # noqa: PLC0415 - the web stack is imported only by the server

    # proxy_headers off: uvicorn would otherwise believe X-Forwarded-For from 127.0.0.1;
    # which proxies are trusted is PIIGUARD_TRUSTED_PROXIES alone (web/client_address.py)
    config = uvicorn.Config(
        app, log_level="info", access_log=access_log, timeout_keep_alive=30, proxy_headers=False
    )
    # what start-up built (modules, the app, the policy snapshot) lives as long as the
    # process: keep it out of the collector's full passes, which would otherwise walk it
    # on every request burst and show up as latency spikes
    gc.collect()
    gc.freeze()
    # Ctrl-C: uvicorn shuts down gracefully (the app's shutdown signs a checkpoint), then
    # raises SIGINT again; stopping is what was asked for, so it ends here, quietly, exit 0
    # (`make run` then says nothing about "Error 130")
    with contextlib.suppress(KeyboardInterrupt):
        _server(config, worker=worker).run(sockets=[sock])


def serve(
    build_app: Callable[[], FastAPI],
    host: str,
    port: int,
    *,
    workers: int = 1,
    access_log: bool = False,
) -> None:
    """Serve until SIGINT/SIGTERM (after SIGINT it returns normally). `build_app` runs in
    each worker after the fork."""
    if workers <= 1:
        _run(build_app(), make_socket(host, port, reuse_port=False), access_log=access_log)
        return
    if not hasattr(socket, "SO_REUSEPORT"):
        sys.exit("--workers > 1 needs SO_REUSEPORT (Linux, BSD, macOS)")
    # bind (not listen) in the parent first, so a port in use fails here, once, clearly
    probe = make_socket(host, port, reuse_port=True, listen=False)
    children: list[int] = []
    stopping = False

    def stop(signum: int, _: object) -> None:
        # SIGTERM either way: the workers take no SIGINT of their own (see _server), so a
        # Ctrl-C that reached them all at once still stops each gracefully, once
        nonlocal stopping
        stopping = True
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    # set before the first fork, so that a Ctrl-C while the workers start stops them too
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for _ in range(workers):
        if stopping:
            break
        pid = os.fork()
        if pid == 0:  # the worker: its own socket, its own container
            # a Ctrl-C while it starts is the parent's to pass on (as SIGTERM, which ends a
            # worker still starting at once, quietly); the parent's handler is not its own
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            probe.close()
            code = 0
            try:
                _run(
                    build_app(),
                    make_socket(host, port, reuse_port=True),
                    access_log=access_log,
                    worker=True,
                )
            except BaseException:  # report it, then leave without the parent's atexit
                import traceback  # noqa: PLC0415

                traceback.print_exc()
                code = 1
            os._exit(code)
        children.append(pid)
    probe.close()
    if stopping:  # a signal came between a fork and its worker joining `children`
        stop(signal.SIGTERM, None)
    failed = False
    for pid in children:
        while True:
            try:
                _, status = os.waitpid(pid, 0)
                break
            except InterruptedError:
                continue
        failed |= os.waitstatus_to_exitcode(status) not in (0, -signal.SIGTERM, -signal.SIGINT)
    if failed:
        sys.exit(1)
